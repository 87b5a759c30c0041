"""Dutch speech supposed in a conditional clause, or to come or owed under a modal ("zal verklaren dat", "moet erkennen
dat"), reports nothing, on sentences written for these tests: "Als de wethouder zegt dat …, …" (the verb last in the
clause, its subject before it); "als" before a role in a main clause ("Als woordvoerder zei Jansen dat …", the subject
after the verb) still reports."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _indirect(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text", [
    "Als minister Jan Jansen zegt dat de brug veilig is, gaat de weg weer open.",
    "Indien wethouder Karin Smit verklaart dat het geld op is, stopt het project.",
    "Tenzij directeur Piet Bakker heeft laten weten dat de vergunning rond is, begint de bouw niet.",
    "Wanneer voorzitter Els Mulder stelt dat de kas leeg is, volgt een onderzoek.",
])
def test_speech_in_a_conditional_clause_is_no_report(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize("text", [
    "Minister Jan Jansen zal morgen in de Kamer verklaren dat de brug veilig is.",
    "Volgens de oppositie moet wethouder Karin Smit erkennen dat het geld op is.",
])
def test_speech_to_come_or_owed_is_no_report(text: str) -> None:
    assert [q for q in _indirect(text) if q.rule != "nl.indirect.according_to"] == []


def test_a_modal_of_another_clause_leaves_the_report() -> None:
    found = _indirect("Wethouder Karin Smit zei dat de raad moet stemmen.")
    assert [q.text for q in found] == ["de raad moet stemmen"]


@pytest.mark.parametrize(("text", "statement", "speaker"), [
    ("Als woordvoerder van de partij zei Jan Jansen dat het plan niet deugt.", "het plan niet deugt", "Jansen"),
    # the report of the main clause keeps the conditional inside its statement
    ("Wethouder Karin Smit zei dat ze stopt als de raad het plan afwijst.", "ze stopt als de raad het plan afwijst",
     "Smit"),
])
def test_als_before_a_role_or_inside_the_statement_still_reports(text: str, statement: str, speaker: str) -> None:
    found = _indirect(text)
    assert [q.text for q in found] == [statement]
    assert found[0].speaker is not None and speaker in (found[0].speaker.name or "")
