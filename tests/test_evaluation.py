"""The scorer follows shared/spec/FORMAT.md: matching rules, optional gold items, dates, dyads, quotes."""

from __future__ import annotations

import pytest

from dyad.evaluation import Evaluation, date_correct, jaccard, word_f1

S1 = ("Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug, nadat president Biden de "
      "Russische president Poetin een ‘moordenaar’ had genoemd.")
S2 = "Het Witte Huis liet echter weten dat het daar geen trek in had."


def _event(source: str, target: str, cameo: str, sentence: str = S1, optional: bool = False,
           factuality: str = "actual", date: str | None = "2021-03") -> dict[str, object]:
    return {"source": source, "target": target, "cameo": cameo, "sentence": sentence, "optional": optional,
            "factuality": factuality, "date": date}


def _pred(source: str, target: str, cameo: str, sentence: str = S1, factuality: str = "actual",
          date: str | None = "2021-03") -> dict[str, object]:
    return {"source": {"name": source, "actor": source, "country": source},
            "target": {"name": target, "actor": target, "country": target},
            "cameo": cameo, "sentence": sentence, "factuality": factuality, "date": date}


def test_word_overlap_measures() -> None:
    assert jaccard("De VS en China", "de vs en china") == 1.0
    assert jaccard("a b", "c d") == 0.0
    assert word_f1("a b c d", "a b") == pytest.approx(2 * 0.5 * 1.0 / 1.5)


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("2021-03-22", "2021-03", True),
        ("2021-03", "2021-03", True),
        ("2021-03", "2021-03-22", False),
        ("2021-04-01", "2021-03", False),
        ("2021-03-17", "2021-W11", True),
        ("2021-03-22", "2021-W11", False),
        ("2021-W11", "2021-W11", True),
        (None, "2021-03", False),
        ("2019-03-26T10:00:00", "2019-03-26", True),
    ],
)
def test_date_correct_at_gold_precision(pred: str | None, gold: str, ok: bool) -> None:
    assert date_correct(pred, gold) is ok


def test_event_matching_needs_countries_root_and_sentence() -> None:
    ev = Evaluation()
    gold = [_event("RUS", "USA", "161"), _event("USA", "RUS", "111")]
    preds = [
        _pred("RUS", "USA", "160"),  # same root: a match, not an exact code
        _pred("USA", "RUS", "120"),  # wrong root
        _pred("USA", "RUS", "111", sentence=S2),  # sentence does not overlap
    ]
    ev.add_article("a", preds, gold, [], [])
    out = ev.to_dict()
    assert out["events"]["tp"] == 1 and out["events"]["pred"] == 3 and out["events"]["gold"] == 2
    assert out["events"]["exact_code"] == 0.0
    assert out["dyads"]["tp"] == 2  # both dyads of the sentence found; the S2 prediction is a false positive
    assert out["dyads"]["pred"] == 3 and out["dyads"]["gold"] == 2
    assert out["confusion"]["16"] == {"16": 1}


def test_prediction_matching_only_an_optional_gold_event_is_ignored() -> None:
    ev = Evaluation()
    gold = [_event("RUS", "USA", "161"), _event("USA", "RUS", "112", optional=True)]
    preds = [_pred("RUS", "USA", "161"), _pred("USA", "RUS", "112")]
    ev.add_article("a", preds, gold, [], [])
    out = ev.to_dict()["events"]
    assert (out["tp"], out["pred"], out["gold"]) == (1, 1, 1)
    assert out["precision"] == 1.0 and out["recall"] == 1.0


def test_ties_go_to_required_gold_items() -> None:
    ev = Evaluation()
    gold = [_event("RUS", "USA", "112", optional=True), _event("RUS", "USA", "112")]
    ev.add_article("a", [_pred("RUS", "USA", "112")], gold, [], [])
    assert ev.to_dict()["events"]["tp"] == 1


def test_factuality_and_date_accuracy_on_matches() -> None:
    ev = Evaluation()
    gold = [_event("USA", "RUS", "163", factuality="possible"), _event("RUS", "USA", "161", date="2021-03")]
    preds = [_pred("USA", "RUS", "163", factuality="actual"), _pred("RUS", "USA", "161", date="2021-03-15")]
    ev.add_article("a", preds, gold, [], [])
    out = ev.to_dict()["events"]
    assert out["factuality"] == 0.5
    assert out["date"] == 1.0


def test_quotes_match_on_speaker_last_name_or_country_and_text() -> None:
    ev = Evaluation()
    gold = [
        {"speaker": "Sergei Lavrov", "text": "We moeten ons langzamerhand afwenden van het gebruiken",
         "kind": "direct", "optional": False},
        {"speaker": "Biden", "text": "moordenaar", "kind": "partial", "optional": True},
        {"speaker": "Het Witte Huis", "text": "het daar geen trek in had", "kind": "indirect", "optional": False},
    ]
    preds = [
        {"speaker": {"name": "Lavrov", "actor": "RUSGOV", "country": "RUS"},
         "text": "We moeten ons langzamerhand afwenden van het gebruiken van betalingssystemen", "kind": "direct"},
        {"speaker": {"name": "Biden", "actor": "USAGOV", "country": "USA"}, "text": "moordenaar",
         "kind": "partial"},
        {"speaker": {"name": "Moskou", "actor": "RUSGOV", "country": "RUS"}, "text": "het daar geen trek in had",
         "kind": "indirect"},
    ]
    ev.add_article("a", [], [], preds, gold)
    out = ev.to_dict()
    assert (out["quotes"]["tp"], out["quotes"]["pred"], out["quotes"]["gold"]) == (1, 2, 2)
    assert out["quotes_direct"]["f1"] == 1.0
    assert out["quotes_indirect"]["tp"] == 0


def test_quotes_named_need_the_last_name_and_quotes_text_no_speaker() -> None:
    """FORMAT.md lets the speaker's country stand for the speaker; `quotes_named` does not, `quotes_text`
    leaves the speaker out."""
    ev = Evaluation()
    gold = [
        {"speaker": "Pieter de Vries", "speaker_country": "NLD", "text": "Dit plan gaat veel te ver voor ons",
         "kind": "direct", "optional": False},
        {"speaker": "Anna Jansen", "speaker_country": "NLD", "text": "de regering moet nu ingrijpen",
         "kind": "indirect", "optional": False},
        {"speaker": "", "speaker_country": "NLD", "text": "het kabinet wankelt", "kind": "indirect",
         "optional": False},
    ]
    preds = [
        # the wrong person of the right country: right by FORMAT.md, wrong by name
        {"speaker": {"name": "Kees Bakker", "actor": None, "country": "NLD"},
         "text": "Dit plan gaat veel te ver voor ons", "kind": "direct"},
        {"speaker": {"name": "Jansen", "actor": None, "country": None}, "text": "de regering moet nu ingrijpen",
         "kind": "indirect"},
        # an anonymous source matches by country in every block
        {"speaker": {"name": None, "actor": None, "country": "NLD", "kind": "anonymous"},
         "text": "het kabinet wankelt", "kind": "indirect"},
    ]
    ev.add_article("a", [], [], preds, gold)
    out = ev.to_dict()
    assert out["quotes"]["tp"] == 3
    assert out["quotes_named"]["tp"] == 2
    assert out["quotes_text"]["tp"] == 3
    ev.add_article("b", [], [], [{"speaker": None, "text": "iets heel anders", "kind": "direct"}], gold[:1])
    assert ev.to_dict()["quotes_text"]["tp"] == 3


def test_actor_country_accuracy_matches_on_sentence_and_root_only() -> None:
    ev = Evaluation()
    gold = [_event("RUS", "USA", "161"), _event("USA", "RUS", "111", sentence=S2)]
    preds = [_pred("RUS", "CHN", "160"), _pred("USA", "RUS", "112", sentence=S2)]
    ev.add_article("a", preds, gold, [], [])
    actors = ev.to_dict()["actors"]
    assert actors["sides"] == 4
    assert actors["country_accuracy"] == 0.75


def _article(article_id: str, tp: int, pred: int, gold: int) -> dict[str, object]:
    return {"article_id": article_id, "events": {"tp": tp, "pred": pred, "gold": gold}}


def test_the_bootstrap_interval_holds_the_pooled_f1_and_is_repeatable() -> None:
    from dyad.evaluation import f1_interval

    articles = [_article(f"a{i}", i % 3, 2, 3) for i in range(30)]  # pooled F1 = 2 * 30 / (60 + 90) = 0.4
    interval = f1_interval(articles, "events")
    assert interval["f1_low"] < 0.4 < interval["f1_high"]
    assert f1_interval(articles, "events") == interval
    same = [_article(f"a{i}", 1, 2, 3) for i in range(30)]
    assert f1_interval(same, "events") == {"f1_low": 0.4, "f1_high": 0.4}


def test_a_paired_difference_is_zero_for_the_same_run_and_sure_of_a_gain_in_every_article() -> None:
    from dyad.evaluation import paired_difference

    before = [_article(f"a{i}", 1, 2, 3) for i in range(20)]
    same = paired_difference(before, list(reversed(before)), "events")
    assert (same["difference"], same["low"], same["high"], same["share_better"]) == (0.0, 0.0, 0.0, 0.0)
    after = [_article(f"a{i}", 2, 2, 3) for i in range(20)]
    gain = paired_difference(before, after, "events")
    assert gain["before"] == 0.4 and gain["after"] == 0.8 and gain["share_better"] == 1.0
    assert 0 < gain["low"] <= gain["difference"] <= gain["high"]
    one = paired_difference(before, [*before[:-1], _article("a19", 2, 2, 3)], "events")
    assert one["low"] == 0.0 and one["share_better"] < 1.0  # one article's gain is missing from some resamples


def test_a_paired_difference_needs_the_same_articles() -> None:
    from dyad.evaluation import paired_difference

    with pytest.raises(ValueError, match="different articles"):
        paired_difference([_article("a", 1, 1, 1)], [_article("b", 1, 1, 1)], "events")


def test_scores_carry_per_article_counts_for_every_interval_block() -> None:
    from dyad.evaluation import INTERVAL_BLOCKS

    ev = Evaluation()
    ev.add_article("x", [_pred("RUS", "USA", "16")], [_event("RUS", "USA", "16")], [], [])
    out = ev.to_dict()
    assert set(INTERVAL_BLOCKS) <= set(out["per_article"][0]) and set(out["intervals"]) == set(INTERVAL_BLOCKS)
    assert out["intervals"]["events"] == {"f1_low": 1.0, "f1_high": 1.0}
