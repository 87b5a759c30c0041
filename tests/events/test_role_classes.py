"""General Dutch role-assignment classes, on sentences written for the rule (not taken from the dev
articles): a list that stops at a gapped clause, a noun phrase that opens with its own article after a
prepositional phrase, a genitive owner of the subject, and a place that is no borrowed target."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document
from dyad.events.coder import LexiconCoder

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "China": ("CHN", "CHN", "state"),
    "Iran": ("IRN", "IRN", "state"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "de VS": ("USA", "USA", "state"),
    "Duitsland": ("DEU", "DEU", "state"),
    "Erdogan": ("TUR", "TURGOV", "person"),
    "de EU": ("EU", "EU", "organisation"),
    "Obama's": ("USA", "USAELI", "person"),
    "Trump": ("USA", "USAGOV", "person"),
    "Turkse troepen": ("TUR", "TURMIL", "military"),
    "Syrië": ("SYR", "SYR", "state"),
    "Brussel": ("EU", "EU", "organisation"),
    "Servië": ("SRB", "SRB", "state"),
    "Albanië": ("ALB", "ALB", "state"),
}


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder("nl")


def _rows(coder: LexiconCoder, make_doc: Callable[..., Document], text: str) -> set[tuple[str | None, ...]]:
    doc = make_doc(text, ACTORS)
    coder(doc)
    return {(e.source.country, e.target.country, e.cameo[:2]) for e in doc.events}


def test_list_of_agents_stops_at_a_gapped_clause(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    rows = _rows(coder, make_doc, "Rusland wordt gesteund door China en Iran, Oekraïne door de VS en Duitsland.")
    assert {("CHN", "RUS", "05"), ("IRN", "RUS", "05"), ("USA", "UKR", "05"), ("DEU", "UKR", "05")} <= rows
    assert not any(src == "UKR" for src, _, _ in rows), rows


def test_noun_phrase_with_its_own_article_is_not_governed_by_an_earlier_preposition(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    rows = _rows(coder, make_doc, "Erdogan gaf in een interview de EU de schuld van de crisis.")
    assert ("TUR", "EU", "11") in rows, rows


def test_genitive_owner_of_the_subject_is_no_target(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Obama's opvolger Trump dreigde met sancties.", ACTORS)
    coder(doc)
    assert not any(e.target.name == "Obama's" for e in doc.events), [(e.rule, e.target.name) for e in doc.events]
    assert ("USA", "CHN", "13") in _rows(coder, make_doc, "Obama's opvolger Trump dreigde China met sancties.")


def test_place_in_another_clause_is_no_borrowed_target(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    rows = _rows(coder, make_doc, "Terwijl Turkse troepen in Syrië oprukken, dreigt Rusland met sancties.")
    assert ("RUS", "SYR", "13") not in rows, rows
    assert ("RUS", "TUR", "13") in rows, rows


def test_phrase_that_names_its_own_parties_borrows_no_target(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Duitsland en China zijn het oneens. Rusland wil met beide partijen afzonderlijk praten.", ACTORS)
    coder(doc)
    assert not any(e.sentence == 1 for e in doc.events), [(e.rule, e.target.name) for e in doc.events]


def test_a_nominal_trigger_takes_its_own_preposition_in_the_middle_field_before_it(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    # Dutch puts the complement before the noun the verb governs: "is met Servië onderhandelingen begonnen"
    rows = _rows(coder, make_doc, "Brussel is vorig jaar met Servië en Albanië onderhandelingen begonnen.")
    assert {("EU", "SRB", "04"), ("EU", "ALB", "04")} <= rows



_PRONOUN_ACTORS = {
    "Erdogan": ("TUR", "TURGOV", "person"),
    "hij": ("TUR", "TURGOV", "person"),
    "De Russische leider Poetin": ("RUS", "RUSGOV", "person"),
    "Trump": ("USA", "USAGOV", "person"),
}


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan sprak in Ankara. De Russische leider Poetin bekritiseerde hij niet.",
        "Erdogan sprak in Ankara. De Russische leider Poetin heeft hij gisteren bekritiseerd.",
    ],
)
def test_subject_pronoun_after_the_verb_is_the_source_when_the_clause_opens_with_its_object(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str
) -> None:
    doc = make_doc(text, _PRONOUN_ACTORS)
    coder(doc)
    assert {(e.source.country, e.target.country) for e in doc.events if e.sentence == 1} == {("TUR", "RUS")}


def test_a_subordinate_clause_keeps_its_subject_first(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Erdogan zei dat hij Trump bekritiseerde.", _PRONOUN_ACTORS)
    coder(doc)
    assert ("TUR", "USA") in {(e.source.country, e.target.country) for e in doc.events}
