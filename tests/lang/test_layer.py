"""The language layer on real Dutch news text (the seed and DpgMedia2019 gold dev articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.lang.layer import analyse_text


def _sentences(text: str) -> list[str]:
    doc = analyse_text(text)
    return [doc.sentence_text(s.index) for s in doc.sentences]


def test_seed_sentences_match_the_gold_sentences(seed_text: str, shared_dir: Path) -> None:
    body = seed_text.split("2021-03", 1)[1]
    sentences = set(_sentences(body))
    gold = json.loads((shared_dir / "gold" / "dev" / "000_c8f14cc41eaac8fb.json").read_text())
    for event in gold["events"]:
        assert event["sentence"] in sentences


def test_heading_without_final_stop_is_its_own_sentence(seed_text: str) -> None:
    assert "Verkilling van de relaties" in _sentences(seed_text)


def test_quote_with_missing_opening_mark_stays_one_sentence(seed_text: str) -> None:
    sentences = _sentences(seed_text)
    assert ("We moeten ons langzamerhand afwenden van het gebruiken van internationale betalingssystemen "
            "die door het Westen worden beheerd’, zei Lavrov.") in sentences


def test_closing_quote_stays_with_its_sentence(seed_text: str) -> None:
    assert "‘De verantwoordelijkheid daarvoor ligt volledig bij de VS’." in _sentences(seed_text)


def test_acronym_before_full_stop_ends_the_sentence() -> None:
    text = ("Lavrov probeerde duidelijk diplomatieke munt te slaan uit de verkilling van de relaties van beide "
            "landen met de VS. Volgens hem moeten Rusland en China zich allebei verzetten.")
    doc = analyse_text(text)
    assert len(doc.sentences) == 2
    assert any(t.text == "VS" for t in doc.tokens)


def test_a_word_that_is_also_an_abbreviation_ends_its_sentence() -> None:
    # "hand." is an abbreviation in spaCy's Dutch exceptions ("handelingen")
    doc = analyse_text("Washington wees het voorstel van de hand. Daarna sprak Lavrov.")
    assert len(doc.sentences) == 2
    assert [t.text for t in doc.tokens][6:8] == ["hand", "."]
    # inside a sentence an abbreviation stays one
    assert "kon." in [t.text for t in analyse_text("De kon. marine voer uit.").tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"De vriendschap tussen Japan en Australië was nog nooit zo hecht als vandaag", zei Kishida '
         'maandag in Tokio. Albanese knikte.', 2),
        ("De president van Brazilië brak vorige week een moeizaam bezoek aan China af. De onrust in Rio "
         "nam toe.", 2),
    ],
)
def test_straight_quotes_and_plain_stops(text: str, expected: int) -> None:
    assert len(analyse_text(text).sentences) == expected


def test_tokens_are_offsets_into_the_text(seed_text: str) -> None:
    doc = analyse_text(seed_text)
    for tok in doc.tokens:
        assert seed_text[tok.start : tok.end] == tok.text
        assert not tok.text.isspace()


def test_lemmas_of_strong_verbs() -> None:
    doc = analyse_text("Moskou riep zijn ambassadeur terug. Zij verweten hem hypocrisie.")
    lemmas = {t.text: t.lemma for t in doc.tokens}
    assert lemmas["riep"] == "roepen"
    assert lemmas["verweten"] == "verwijten"


def test_names_in_the_seed(seed_text: str) -> None:
    doc = analyse_text(seed_text)
    names = {doc.span_text(n.start, n.end) for n in doc.names}
    assert {"Sergei Lavrov", "Wang Yi", "Moskou", "Poetin", "Verenigde Staten"} <= names
    assert "Biden de Russische" not in names
    assert "Het" not in names and "De" not in names


def test_gold_dev_articles_split_into_sentences(shared_dir: Path) -> None:
    lines = (shared_dir / "gold" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        article = json.loads(line)
        doc = analyse_text(article["text"])
        assert doc.sentences, article["id"]
        # Sentences tile the text in order without overlap.
        for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
            assert a.end <= b.start


def test_low_double_comma_opens_a_new_sentence() -> None:
    # Dutch newspapers open quotes with ",," (DpgMedia2019).
    doc = analyse_text("Hij wil geen nexit. ,,Geloof me, dat is onzin,'' zei hij.")
    assert len(doc.sentences) == 2


def _split(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in analyse_text(text, language).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles the tokenizer splits from their stop ("Capt", ".") stand before a name
        ("Navy Capt. Ann Holt met Lt. Col. Ray Dunn on Monday. Then they left.",
         ["Navy Capt. Ann Holt met Lt. Col. Ray Dunn on Monday.", "Then they left."]),
        ("The order came from Maj. Gen. Tom Brell and Det. Sgt. Lisa Ward.",
         ["The order came from Maj. Gen. Tom Brell and Det. Sgt. Lisa Ward."]),
        # an abbreviation before a number
        ("The bill was No. 4 on the list. It failed.", ["The bill was No. 4 on the list.", "It failed."]),
        # the same word as an ordinary word, or before a capitalised one, ends its sentence
        ("The voters said no. Then they went home.", ["The voters said no.", "Then they went home."]),
        # an acronym in capitals is not a title
        ("Aid went to the DR. Then it stopped.", ["Aid went to the DR.", "Then it stopped."]),
    ],
)
def test_english_abbreviations_end_no_sentence(text: str, expected: list[str]) -> None:
    assert _split(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volgens prof. Wim Aalders gaat het goed. Hij lachte.",
         ["Volgens prof. Wim Aalders gaat het goed.", "Hij lachte."]),
        ("Er kwamen ca. 300 mensen naar zaal nr. 5. Het was vol.",
         ["Er kwamen ca. 300 mensen naar zaal nr. 5.", "Het was vol."]),
    ],
)
def test_dutch_abbreviations_end_no_sentence(text: str, expected: list[str]) -> None:
    assert _split(text, "nl") == expected


def test_sentence_rules_tell_titles_and_number_abbreviations() -> None:
    from dyad.lang.data import load_language_data
    from dyad.lang.layer import SentenceRules

    rules = SentenceRules(load_language_data("en", "sentences"))
    assert rules.is_abbreviation("Capt") and rules.is_abbreviation("lt")
    assert not rules.is_abbreviation("CAPT") and not rules.is_abbreviation("Smith")
    assert rules.is_number_abbreviation("No") and not rules.is_number_abbreviation("NO")


@pytest.mark.parametrize(("text", "expected"), [
    # an intertitle of one word or a few, flattened into the next sentence
    ("De coalitie viel uiteen. Onenigheid De partijen praten morgen verder.",
     ["De coalitie viel uiteen.", "Onenigheid", "De partijen praten morgen verder."]),
    ("Er was schade. Zware storm Ook in het oosten vielen bomen om.",
     ["Er was schade.", "Zware storm", "Ook in het oosten vielen bomen om."]),
    ("Het debat duurde lang. BOZE BOEREN Er kwamen honderden trekkers naar Den Haag.",
     ["Het debat duurde lang.", "BOZE BOEREN", "Er kwamen honderden trekkers naar Den Haag."]),
    # a capitalised opener inside a name, or at the start of the sentence, begins nothing
    ("Kamerlid De Groot stemde tegen.", ["Kamerlid De Groot stemde tegen."]),
    ("Volgens De Telegraaf is het mis.", ["Volgens De Telegraaf is het mis."]),
    ("Het OM bekijkt de zaak.", ["Het OM bekijkt de zaak."]),
    ("Het plan gaat door. In Den Haag was het stil.", ["Het plan gaat door.", "In Den Haag was het stil."]),
    # the title of a work after words that begin like a sentence
    ("In de film De aanslag speelt hij mee.", ["In de film De aanslag speelt hij mee."]),
    ("De storm Maar de schade viel mee.", ["De storm", "Maar de schade viel mee."]),
    # more words before the opener than an intertitle has
    ("Een heel lange aanloop van woorden Het blijft een zin.",
     ["Een heel lange aanloop van woorden Het blijft een zin."]),
])
def test_a_flattened_intertitle_stands_apart(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_english_has_no_intertitle_openers() -> None:
    doc = analyse_text("Shock The senator left early.", language="en")
    assert len(doc.sentences) == 1


def _names(text: str) -> list[str]:
    doc = analyse_text(text)
    return [doc.text[doc.tokens[n.token_start].start:doc.tokens[n.token_end - 1].end] for n in doc.names]


def test_a_first_name_that_is_also_a_function_word_opens_the_name() -> None:
    # "Dan" is a Dutch stop word ("then"); after a lower-case word and before a surname it is a first name
    assert "Dan Vermeulen" in _names("Het voorstel komt van wethouder Dan Vermeulen uit Zwolle.")


@pytest.mark.parametrize("text", [
    "Een nieuw boek: In Verre Landen gaat over reizen.",  # after a mark: a title, not a first name
    "Het kabinet wil dan Brussel overtuigen.",  # in lower case the word is the adverb
])
def test_a_function_word_after_a_capital_or_a_mark_or_in_lower_case_is_no_first_name(text: str) -> None:
    assert not any(name.split()[0].lower() in {"in", "dan"} for name in _names(text))
