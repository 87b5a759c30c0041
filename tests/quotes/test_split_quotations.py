"""Quotations split by their attribution, and partial quotations inside reported speech. Sentences written
for these tests."""

from __future__ import annotations

from dyad.api import extract


def _quotes(text: str, language: str = "nl") -> list[dict]:
    return extract(text, "2019-03-26", language).quotes


def test_an_inserted_attribution_is_left_out_of_the_indirect_quote() -> None:
    (q,) = _quotes("Minister Karin Bos is kritisch. Eerst komt er een plan, zegt Bos, en daarna pas geld.")
    assert q["kind"] == "indirect" and "Bos" in q["speaker"]["name"]
    assert q["text"] == "Eerst komt er een plan, en daarna pas geld"


def test_volgens_inside_the_clause_is_left_out_of_the_indirect_quote() -> None:
    (q,) = _quotes("Het voorstel is volgens minister Karin Bos veel te duur.")
    assert q["text"] == "Het voorstel is veel te duur"
    assert q["speaker"]["name"].endswith("Bos")


def test_a_quotation_resumed_after_its_attribution_is_direct_with_the_same_speaker() -> None:
    quotes = _quotes("\"We gaan de belasting niet verhogen\", zegt Rutte, \"want dat hebben we beloofd.\"")
    assert [(q["kind"], q["speaker"]["name"]) for q in quotes] == [("direct", "Rutte"), ("direct", "Rutte")]
    # English joins the pieces (join_split_quotations): one quotation, one speaker, the attribution left out
    english = _quotes("\"We will not raise taxes,\" said Johnson, \"because we promised the voters.\"", "en")
    assert [(q["kind"], q["speaker"]["name"], q["text"]) for q in english] == [
        ("direct", "Johnson", "We will not raise taxes because we promised the voters.")]


def test_a_partial_quotation_inside_reported_speech_is_kept_beside_it() -> None:
    quotes = _quotes("Wethouder Karel Verhoef zei dat het plan 'een regelrechte ramp' is voor de binnenstad.")
    kinds = sorted(q["kind"] for q in quotes)
    assert kinds == ["indirect", "partial"]
    indirect = next(q for q in quotes if q["kind"] == "indirect")
    partial = next(q for q in quotes if q["kind"] == "partial")
    assert "een regelrechte ramp" in indirect["text"]
    assert partial["text"] == "een regelrechte ramp"
    assert partial["speaker"]["name"] == indirect["speaker"]["name"]
