"""An arrest, a trial or a sentence in a passive clause that names no doer is the deed of the state's own
organ (the entry's `implicit_agent`): of the state the sentence places it in, else of the state the
article is about; a named police or court stays the doer, and a thing taken up is no arrest. Sentences
written for these rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document
from dyad.events.coder import LexiconCoder

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Frankrijk": ("FRA", "FRA", "state"),
    "Wit-Rusland": ("BLR", "BLR", "state"),
    "de Turkse politie": ("TUR", "TURCOP", "government"),
    "De minister": ("FRA", "FRAGOV", "person"),
    "Hongaarse oppositieleider Kovács": ("HUN", "HUNOPP", "person"),
}


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder("nl")


def _events(coder: LexiconCoder, make_doc: Callable[..., Document], text: str) -> list[tuple[str | None, ...]]:
    doc = make_doc(text, ACTORS)
    coder(doc)
    return [(e.source.actor, e.target.actor, e.cameo[:2]) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "In Wit-Rusland zijn gisteren dertig demonstranten opgepakt.",
        "In Wit-Rusland werden vorige week twee journalisten gearresteerd.",
        "Vier activisten worden in Wit-Rusland vastgehouden in de gevangenis.",
    ],
)
def test_unnamed_police_of_the_state_the_sentence_names(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str
) -> None:
    assert ("BLRCOP", "BLRCVL", "17") in _events(coder, make_doc, text)


def test_unnamed_court_and_a_resolved_patient(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Rusland wordt Hongaarse oppositieleider Kovács volgende week berecht.")
    assert ("RUSJUD", "HUNOPP", "17") in events, events


def test_the_article_state_when_the_sentence_names_no_place(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    text = "Frankrijk verscherpt de regels voor betogingen. Een jonge vrouw is zaterdag aangehouden."
    assert ("FRACOP", "FRACVL", "17") in _events(coder, make_doc, text)


def test_a_named_police_is_the_doer(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    text = "In Rusland werden twee mannen opgepakt tijdens een actie van de Turkse politie."
    events = _events(coder, make_doc, text)
    assert ("TURCOP", "RUSCVL", "17") in events, events
    assert not any(src == "RUSCOP" for src, _, _ in events), events


def test_an_agent_that_is_no_actor_keeps_the_rule_out(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    events = _events(coder, make_doc, "In Rusland werd de dissident door onbekenden opgepakt.")
    assert not any(src == "RUSCOP" for src, _, _ in events), events


def test_a_thing_taken_up_is_no_arrest(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Frankrijk wordt het plan van De minister snel opgepakt.")
    assert not any(src == "FRACOP" for src, _, _ in events), events


def test_a_sentence_by_a_court(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Frankrijk werd een oud-militair veroordeeld tot vier jaar cel.")
    assert ("FRAJUD", "FRACVL", "11") in events, events


def test_a_named_doer_acts_on_unnamed_persons_of_its_state(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    events = _events(coder, make_doc, "De minister ontving de krant. Frankrijk arresteerde gisteren een oud-politicus.")
    assert ("FRA", "FRACVL", "17") in events, events


def test_the_antecedent_of_a_relative_clause_is_the_patient(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    text = "Het gaat om Hongaarse oppositieleider Kovács, die vorige maand in Rusland werd opgepakt."
    assert ("RUSCOP", "HUNOPP", "17") in _events(coder, make_doc, text)

