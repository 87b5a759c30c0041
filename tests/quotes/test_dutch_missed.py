"""Dutch reported speech the finder missed, by class, on sentences written for these tests: a noun phrase the role
lists lack that opens a main clause before its finite verb is the subject of the cue; "claimen" takes an infinitive
as "beweren" does."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _indirect(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(("text", "statement", "speaker"), [
    # the cue is the finite verb
    ("Het bestuur van de roeiclub stelt dat er geen geld meer is.", "er geen geld meer is", "bestuur van de roeiclub"),
    # an auxiliary before a separable cue, an adverb between
    ("De importeur van de scooters heeft al laten weten dat de prijs volgend jaar stijgt.",
     "de prijs volgend jaar stijgt", "importeur van de scooters"),
    # plural verb and an adjective in the phrase
    ("De nieuwe eigenaren verklaarden dat de winkel open blijft.", "de winkel open blijft", "nieuwe eigenaren"),
    # one of a group
    ("Een van de vrijwilligers vertelde dat de kantine al weken dicht is.", "de kantine al weken dicht is",
     "Een van de vrijwilligers"),
])
def test_an_opening_noun_phrase_is_the_subject(text: str, statement: str, speaker: str) -> None:
    found = [q for q in _indirect(text) if q.text == statement]
    assert len(found) == 1, [(q.text, q.speaker) for q in _indirect(text)]
    assert found[0].speaker is not None and speaker in found[0].speaker.name


@pytest.mark.parametrize("text", [
    # a result or document the lists keep from speaking
    "Het onderzoek stelt dat de kosten stijgen.",
    # a pronoun after the verb is the subject: the opening phrase is an object
    "Die opmerking noemde zij onzin.",
])
def test_no_opening_noun_phrase_speaks(text: str) -> None:
    found = [q for q in _indirect(text) if q.speaker is not None and q.speaker.name.lower().startswith(("het", "die"))]
    assert not found, [(q.text, q.speaker) for q in found]


@pytest.mark.parametrize(("text", "statement"), [
    ("Wethouder Karin Smit claimt het geld nooit te hebben gezien.", "het geld nooit te hebben gezien"),
    ("De oud-directeur Piet Bakker claimde door de raad te zijn misleid.", "door de raad te zijn misleid"),
])
def test_claiming_takes_an_infinitive(text: str, statement: str) -> None:
    found = [q for q in _indirect(text) if q.text == statement]
    assert len(found) == 1, [(q.text, q.cue, q.rule) for q in _indirect(text)]
    assert found[0].rule == "nl.indirect.infinitive"


@pytest.mark.parametrize("text", [
    "Karim B. werd gisteren opgepakt in Utrecht. Hij zegt dat hij onschuldig is.",
    "Sanne V. werd vorige week vrijgesproken. Zij verklaarde dat ze niets had gezien.",
])
def test_a_name_with_an_initial_for_a_surname_is_what_a_pronoun_takes_up(text: str) -> None:
    # Dutch news names suspects by an initial ("Karim B."): an initial is no word in capitals of a heading
    found = _indirect(text)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    assert found[0].speaker is not None and found[0].speaker.name is not None
    assert found[0].speaker.name.endswith("B.") or found[0].speaker.name.endswith("V.")
