"""An entry's `source_kinds` keep out a people named by its demonym and groups where a state's official acts are
meant: citizens or fighters travelling to a country make no state visit, a minister does. Sentences written
for the rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document
from dyad.events.coder import LexiconCoder

ACTORS: dict[str, tuple[str, str, str]] = {
    "Syrië": ("SYR", "SYR", "state"),
    "Belgen": ("BEL", "BEL", "state"),
    "Belgische strijders": ("BEL", "BELREB", "group"),
    "De Belgische minister": ("BEL", "BELGOV", "person"),
}


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder("nl")


def _visits(coder: LexiconCoder, make_doc: Callable[..., Document], text: str, people: str = "") -> list[str]:
    doc = make_doc(text, ACTORS)
    for m in doc.mentions:
        m.people = doc.text[m.start : m.end] == people
    coder(doc)
    return [f"{e.source.actor}->{e.target.actor}" for e in doc.events if e.cameo.startswith("04")]


def test_a_minister_visits(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    assert _visits(coder, make_doc, "De Belgische minister reisde vorige week naar Syrië.") == ["BELGOV->SYR"]


def test_a_people_travelling_makes_no_visit(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    sentence = "Vorig jaar reisden duizenden Belgen voor een vakantie naar Syrië."
    assert _visits(coder, make_doc, sentence, people="Belgen") == []


def test_fighters_travelling_make_no_visit(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    assert _visits(coder, make_doc, "Sinds 2014 reisden tientallen Belgische strijders over land naar Syrië.") == []
