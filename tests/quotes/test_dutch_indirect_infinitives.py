"""Dutch reported speech with an infinitival complement, on sentences written for these tests: "aangeven" joined
("heeft aangegeven te willen stoppen") and separated, read by the lemma of its verb with the particle ("gaf aan te
willen stoppen")."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _indirect(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(("text", "statement", "speaker"), [
    ("Directeur Piet Bakker heeft aangegeven na de zomer te willen stoppen.", "na de zomer te willen stoppen",
     "Bakker"),
    ("Burgemeester Jan Visser gaf aan geen tweede termijn te ambiëren.", "geen tweede termijn te ambiëren", "Visser"),
    ("Gedeputeerde Anna de Wit geeft aan volgend jaar met een nieuw plan te komen.",
     "volgend jaar met een nieuw plan te komen", "de Wit"),
])
def test_an_infinitive_after_aangeven_joined_or_separated(text: str, statement: str, speaker: str) -> None:
    found = [q for q in _indirect(text) if q.text == statement]
    assert len(found) == 1, [(q.text, q.cue, q.rule) for q in _indirect(text)]
    assert found[0].rule == "nl.indirect.infinitive"
    assert found[0].speaker is not None and speaker in (found[0].speaker.name or "")


def test_a_subordinate_clause_before_the_cue_is_no_statement() -> None:
    # the verb after the comma is the main clause's: its infinitive is the statement, the clause before is none
    found = _indirect("Toen de gemeenteraad het plan afwees, gaf de wethouder aan een nieuw voorstel te schrijven.")
    assert [(q.text, q.rule) for q in found] == [("een nieuw voorstel te schrijven", "nl.indirect.infinitive")]


@pytest.mark.parametrize("text", [
    # an infinitive of purpose after the object of a separable verb that is no cue
    "Wethouder Karin Smit gaf de bewoners geld om de tuin op te knappen.",
    # "aan" as a preposition after a verb of giving, not a particle of a cue
    "Burgemeester Jan Visser gaf het boek aan zijn opvolger.",
])
def test_no_infinitive_statement_without_a_cue(text: str) -> None:
    assert not [q for q in _indirect(text) if q.rule == "nl.indirect.infinitive"], _indirect(text)
