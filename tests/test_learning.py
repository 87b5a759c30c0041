"""Training the learned event decision: candidates labelled against gold events as the scorer matches them."""

from __future__ import annotations

from pathlib import Path

from dyad.document import Article, PartialDate
from dyad.evaluation import GoldArticle
from dyad.learning import coverage, fit, prepare, score


def _gold(text: str, events: list[dict[str, object]]) -> GoldArticle:
    article = Article(id="t", text=text, published=PartialDate.parse("2019-03-05"), language="nl")
    return GoldArticle(article, events, [], Path("t.json"))


TEXT = "Rusland heeft de Amerikaanse sancties scherp veroordeeld. Frankrijk sloot een akkoord met Duitsland."


def test_a_candidate_matching_a_required_gold_event_is_positive_and_an_optional_match_is_left_out() -> None:
    sentence = "Rusland heeft de Amerikaanse sancties scherp veroordeeld."
    required = _gold(TEXT, [{"sentence": sentence, "source": "RUS", "target": "USA", "cameo": "111"}])
    optional = _gold(TEXT, [{"sentence": sentence, "source": "RUS", "target": "USA", "cameo": "111",
                             "optional": True}])
    (item,) = prepare([required])
    labels = {(c.event.source.country, c.event.target.country, c.event.cameo[:2]): lab
              for group, labs in zip(item.groups, item.labels, strict=True) for c, lab in zip(group, labs, strict=True)}
    assert labels[("RUS", "USA", "11")] == 1
    assert all(lab == 0 for key, lab in labels.items() if key != ("RUS", "USA", "11"))
    (item,) = prepare([optional])
    assert all(lab in (0, None) for labs in item.labels for lab in labs)
    assert None in {lab for labs in item.labels for lab in labs}
    assert coverage(prepare([required])) == {"required": 1, "covered": 1}


def test_the_rules_score_counts_only_the_rules_own_events() -> None:
    items = prepare([_gold(TEXT, [{"sentence": "Frankrijk sloot een akkoord met Duitsland.", "source": "FRA",
                                   "target": "DEU", "cameo": "057"}])])
    rules = score(items, None)
    assert rules["events"]["pred"] == sum(1 for g in items[0].groups if g[0].origin == "rule")
    model = fit(items * 2, "t", "nl", l2=1.0, threshold=0.5)
    assert score(items, model)["events"]["gold"] == 1
