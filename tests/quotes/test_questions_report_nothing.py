"""A question outside quotation marks asks what was said and reports no statement, on sentences written for these
tests ("Zei de minister dat …?", "U zegt dat …?", "Did the mayor say that …?"); a quoted question is a quotation. A
Dutch heading (no closing punctuation) reports none either (`report_in_headings = false` for Dutch), nor a quoted
phrase in it."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str, language: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language=language, published=None))
    return list(doc.quotes)


@pytest.mark.parametrize(("text", "language"), [
    ("Wethouder Karin Smit sprak gisteren. Zei zij echt dat de kas leeg is?", "nl"),
    ("Volgens minister Jan Jansen is de brug dus veilig?", "nl"),
    ("Mayor Ann Holt spoke on Monday. Did she really say that the city is broke?", "en"),
])
def test_a_question_reports_no_statement(text: str, language: str) -> None:
    assert [q for q in _quotes(text, language) if q.kind == "indirect"] == []


def test_the_same_statement_as_a_sentence_reports() -> None:
    found = [q for q in _quotes("Wethouder Karin Smit sprak gisteren. Zij zei dat de kas leeg is.", "nl")
             if q.kind == "indirect"]
    assert [q.text for q in found] == ["de kas leeg is"]


def test_a_dutch_heading_reports_no_statement() -> None:
    text = ("Volgens minister Jan Jansen is de brug veilig\n"
            "De brug over de rivier gaat volgende week weer open. Volgens minister Jan Jansen is de brug veilig.")
    found = [q for q in _quotes(text, "nl") if q.kind == "indirect"]
    assert len(found) == 1 and found[0].start > text.index("\n")


def test_a_quoted_phrase_in_a_dutch_heading_is_no_quote() -> None:
    text = ("Minister Jan Jansen: brug is 'volkomen veilig' volgens inspectie\n"
            "De brug over de rivier gaat volgende week weer open. Jansen noemt de brug 'volkomen veilig'.")
    found = _quotes(text, "nl")
    assert found and all(q.start > text.index("\n") for q in found)
