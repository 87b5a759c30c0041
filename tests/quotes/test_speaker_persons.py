"""Which Dutch speakers are persons, on sentences written for these tests: a body the actor resolver knows by a name
phrase ("inlichtingendienst AIVD", "de Libische Nationale Strijdkrachten") speaks, but is no person that a later
quotation without a cue or a pronoun goes on with; a person with a party after the name ("X van D66") and a surname
that takes a title's actor over stay persons."""

from __future__ import annotations

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _speaker_of(text: str, start: str) -> str:
    found = [q for q in _quotes(text) if q.text.startswith(start)]
    assert found, [(q.text, q.rule, q.speaker) for q in _quotes(text)]
    assert found[-1].speaker is not None
    return found[-1].speaker.name


def test_a_body_reported_before_a_quotation_yields_to_the_person_quoted_earlier() -> None:
    text = ("\"Het onderzoek loopt nog\", zegt rechercheur Lotte Kramer. "
            "Ook inlichtingendienst AIVD meldde dinsdag dat de dreiging groot is. "
            "\"We zoeken nog naar een tweede man.\"")
    assert _speaker_of(text, "We zoeken").endswith("Lotte Kramer")


def test_a_pronoun_passes_over_a_body_that_spoke() -> None:
    text = ("Rechercheur Lotte Kramer leidt het onderzoek. "
            "Inlichtingendienst AIVD meldde dinsdag dat de dreiging groot is. "
            "Ze zegt dat er nog een tweede man wordt gezocht.")
    assert _speaker_of(text, "er nog een tweede man").endswith("Lotte Kramer")


def test_a_person_with_a_party_after_the_name_is_still_a_person() -> None:
    text = ("\"De begroting klopt niet\", zegt Marieke de Boer van D66. "
            "Daar gaat ze vanavond met de wethouder over praten. "
            "\"We willen de cijfers nog voor de zomer zien.\"")
    assert _speaker_of(text, "We willen").endswith("Marieke de Boer van D66")
