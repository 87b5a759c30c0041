"""Targets borrowed from another clause or sentence, lists of actors, reciprocal triggers and the
language data the engine reads instead of fixed words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document, Event
from dyad.events.coder import LexiconCoder
from dyad.events.lexicon import compile_lexicon, load_lexicon

Events = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder("nl")


def _rows(doc: Document) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country, e.cameo[:2]) for e in doc.events}


def test_verb_borrows_target_from_previous_sentence(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("De VS hebben nieuwe sancties ingesteld tegen India. India noemt het onacceptabel.")
    coder(doc)
    assert ("IND", "USA", "11") in _rows(doc)


def test_object_that_names_no_actor_blocks_a_borrowed_target(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("De VS hebben nieuwe sancties ingesteld tegen India. Turkije steunt de maatregel.")
    coder(doc)
    assert not any(e.sentence == 1 for e in doc.events), [(e.rule, e.target.name) for e in doc.events]


def test_a_criticised_deed_borrows_its_author(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    # a criticism's object is someone's deed (`deed_object`): who did what the sentence before coded is the target
    doc = make_doc("De VS hebben nieuwe sancties ingesteld tegen India. Turkije noemt de maatregel onacceptabel.")
    coder(doc)
    rows = {(s, t, r) for s, t, r in _rows(doc)}
    assert ("TUR", "USA", "11") in rows
    assert ("TUR", "IND", "11") not in rows


def test_nominal_trigger_borrows_no_target(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    doc = make_doc("Turkije kreeg kritiek van India. Het gesprek in Ankara duurde lang volgens Duitsland.")
    coder(doc)
    assert not any(e.sentence == 1 and e.cameo.startswith("04") for e in doc.events)


def test_list_with_article_stays_one_subject(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    doc = make_doc("De Verenigde Staten, Japan en Canada zijn niet te spreken over de kernproef van India.")
    coder(doc)
    rows = _rows(doc)
    assert {("USA", "IND", "11"), ("JPN", "IND", "11"), ("CAN", "IND", "11")} <= rows, rows


def test_reciprocal_trigger_pairs_joint_subjects(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    doc = make_doc("India en Turkije onderhandelden dinsdag urenlang.")
    coder(doc)
    assert {("IND", "TUR", "04"), ("TUR", "IND", "04")} <= _rows(doc)


def test_engine_words_are_language_data() -> None:
    nl, en = load_lexicon("nl"), load_lexicon("en")
    assert nl.has("infinitive_markers", "te") and en.has("infinitive_markers", "to")
    assert nl.has("list_conjunctions", "en") and en.has("list_conjunctions", "and")
    assert any(t.reciprocal for t in nl.triggers) and any(t.reciprocal for t in en.triggers)
    lex = compile_lexicon("xx", {"triggers": [{"id": "meet", "cameo": "040", "verbs": ["meet"], "reciprocal": True}]})
    assert lex.triggers[0].reciprocal


def test_a_rejection_answers_who_made_the_request_of_the_sentence_before(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    # the request's doer, not its target (the EU), is whom the refusal is directed at
    doc = make_doc("Albanië wil dat de EU snel met de onderhandelingen begint. Frankrijk ligt vooralsnog dwars.")
    coder(doc)
    assert ("FRA", "ALB", "12") in _rows(doc), _rows(doc)
    # a reaction of another root still takes the target of what was coded before
    doc = make_doc("Albanië wil dat de EU snel met de onderhandelingen begint. Frankrijk bekritiseert het.")
    coder(doc)
    assert ("FRA", "ALB", "12") not in _rows(doc)


def test_a_stressed_conjunction_lists_actors(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    # "Albanië én Polen": both are the subject, not one the other's target
    doc = make_doc("Albanië én Polen willen dat de EU snel met de onderhandelingen begint.")
    coder(doc)
    rows = _rows(doc)
    assert {("ALB", "EU", "02"), ("POL", "EU", "02")} <= rows, rows
    assert not {("ALB", "POL"), ("POL", "ALB")} & {(s, t) for s, t, _ in rows}


@pytest.mark.parametrize(("text", "row"), [
    # the condition names whom the threat is aimed at, after the threat or before it
    ("Premier Rutte dreigde met opstappen als Marokko de begroting afwijst.", ("NLD", "MAR", "13")),
    ("Premier Rutte dreigde met een veto als Marokko de begroting afwijst.", ("NLD", "MAR", "13")),
    ("Als Marokko de grens sluit, dreigt Spanje met een klacht bij het Europese Hof.", ("ESP", "MAR", "13")),
])
def test_a_threat_is_aimed_at_the_actor_its_condition_names(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str, row: tuple[str, str, str]
) -> None:
    doc = make_doc(text)
    coder(doc)
    assert row in _rows(doc), [(e.rule, e.source.country, e.target.country) for e in doc.events]


def test_a_condition_lends_no_target_to_a_deed_of_another_root(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Premier Rutte prijst de haven als Marokko het verdrag tekent.")
    coder(doc)
    assert not any(e.target.country == "MAR" for e in doc.events), [(e.rule, e.target.country) for e in doc.events]


def test_coordinated_subjects_of_a_reciprocal_deed_meet_each_other_not_the_actor_before(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Polen sloot gisteren de grens. Marokko en Spanje overlegden vandaag samen in Rabat.")
    coder(doc)
    rows = {(e.source.country, e.target.country) for e in doc.events if e.sentence == 1}
    assert rows == {("MAR", "ESP"), ("ESP", "MAR")}, rows



@pytest.mark.parametrize("text", [
    # the state an envoy is recalled from: where the envoy is posted, or "uit" it
    "Spanje heeft zijn ambassadeur in Chili teruggeroepen.",
    "Spanje trekt zijn ambassadeur in Chili terug.",
    "Spanje roept de Spaanse ambassadeur uit Santiago terug.",
])
def test_a_recalled_envoy_is_recalled_from_the_state_it_is_posted_in(analysed_events: Events, text: str) -> None:
    events = analysed_events(text)
    assert ("ESP", "CHL", "161") in {(e.source.country, e.target.country, e.cameo) for e in events}, [
        (e.rule, e.source.country, e.target.country) for e in events]


def test_a_call_goes_to_its_object_not_to_an_owner_after_the_verb_s_particle(analysed_events: Events) -> None:
    text = "Spanje riep Chili op de grenzen van Peru te respecteren."
    events = analysed_events(text)
    rows = {(e.source.country, e.target.country, e.cameo[:2]) for e in events}
    assert ("ESP", "CHL", "02") in rows and not any(r[1] == "PER" for r in rows), rows


@pytest.mark.parametrize("second", [
    "De Colombiaanse regering vergadert vrijdag over het voorstel.",
    "De Colombiaanse regering komt maandag bijeen.",
])
def test_a_body_that_convenes_meets_no_one_from_the_sentence_before(
    coder: LexiconCoder, make_doc: Callable[..., Document], second: str
) -> None:
    doc = make_doc("Marokko sloot gisteren de grens. " + second)
    coder(doc)
    assert not [e for e in doc.events if e.sentence == 1], [(e.rule, e.target.country) for e in doc.events]


def test_a_body_that_meets_with_another_meets_it(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    doc = make_doc("De Colombiaanse regering vergaderde dinsdag met Marokko.")
    coder(doc)
    assert ("COL", "MAR") in {(e.source.country, e.target.country) for e in doc.events}
