"""Classes of wording and roles the rules missed (issue 13, event recall), each through the whole pipeline on
sentences written for the class (not taken from any annotated article)."""

from __future__ import annotations

from functools import cache

import pytest

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.records import build_records


@cache
def _events(text: str) -> tuple[tuple[str, str, str], ...]:
    article = Article(id="t", text=text, published=PartialDate.parse("2019-03-12"), language="nl")
    records = build_records(analyse(article))
    return tuple((e["source"]["country"], e["target"]["country"], e["cameo"][:2]) for e in records.events)


# a domestic party or member of parliament that demands a change with no addressee named demands it of its own
# government (the `domestic` flag of the demand entries)
@pytest.mark.parametrize("text", [
    "De SP eiste dat de huurverhoging wordt teruggedraaid.",
    "Het CDA eist een koerswijziging in het landbouwbeleid.",
    "De PVV eist dat de grenzen dichtgaan.",
])
def test_a_domestic_demand_goes_to_the_government(text: str) -> None:
    assert ("NLD", "NLD", "10") in _events(text)


def test_a_demand_with_its_addressee_keeps_it() -> None:
    got = _events("De SP eiste van Duitsland dat de grens opengaat.")
    assert ("NLD", "DEU", "10") in got
    assert ("NLD", "NLD", "10") not in got


# a verb-initial clause after the subordinate clauses of the main clause that opens the sentence is a second
# predicate of its subject
@pytest.mark.parametrize("text, event", [
    ("Poetin zei dat de sancties niet werken, beschuldigde de Verenigde Staten van agressie.", ("RUS", "USA", "11")),
    ("Rutte zegt dat het plan niet deugt, noemt de Duitse regering onbetrouwbaar en vertrekt.", ("NLD", "DEU", "11")),
])
def test_a_second_predicate_after_subordinate_clauses_takes_the_main_subject(
    text: str, event: tuple[str, str, str]
) -> None:
    assert event in _events(text)


def test_an_inverted_subject_at_the_end_of_the_clause_is_not_replaced() -> None:
    # the clause ends in the name after its verb: an inversion, so the opening clause gives no subject
    got = _events("De sancties tegen Rusland werken niet omdat ze te zwak zijn, bekritiseerde Biden.")
    assert not any(src == "RUS" for src, _, _ in got), got


# an event noun that is its clause's subject comes from the actor of a phrase of origin opening the clause
@pytest.mark.parametrize("text, event", [
    ("Binnen de Tweede Kamer groeit de kritiek op premier Rutte.", ("NLD", "NLD", "11")),
    ("Uit de oppositie komt steeds meer kritiek op minister Hoekstra.", ("NLD", "NLD", "11")),
    ("Uit Washington kwam scherpe kritiek op China.", ("USA", "CHN", "11")),
    ("Vanuit Moskou kwam kritiek op Duitsland.", ("RUS", "DEU", "11")),
])
def test_a_phrase_of_origin_names_the_doer_of_an_event_noun(text: str, event: tuple[str, str, str]) -> None:
    assert event in _events(text)


def test_an_event_noun_after_a_preposition_takes_no_origin() -> None:
    got = _events("In Moskou sprak men over de kritiek op Duitsland.")
    assert ("RUS", "DEU", "11") not in got, got


# a domestic party, legislature or group that rejects or protests with no one named does so against its own
# government (the `domestic` flag of the entries of roots 12 and 14)
@pytest.mark.parametrize("text, root", [
    ("De PvdA stemde tegen de begroting.", "12"),
    ("GroenLinks wees het voorstel resoluut af.", "12"),
    ("De vakbonden demonstreerden dinsdag tegen de nieuwe pensioenregels.", "14"),
    ("De vakbonden gingen dinsdag massaal de straat op.", "14"),
])
def test_a_domestic_rejection_or_protest_goes_to_the_government(text: str, root: str) -> None:
    assert ("NLD", "NLD", root) in _events(text), _events(text)


def test_a_rejection_of_a_named_state_keeps_it() -> None:
    got = _events("De PvdA wees het voorstel van Duitsland af.")
    assert ("NLD", "DEU", "12") in got, got
    assert ("NLD", "NLD", "12") not in got, got


# agreeing to another's proposal or plan endorses its author (051), as a vote for it does
@pytest.mark.parametrize("text, event", [
    ("De Tweede Kamer stemde in met het plan van de minister.", ("NLD", "NLD", "05")),
    ("Frankrijk ging akkoord met het voorstel van Duitsland.", ("FRA", "DEU", "05")),
    ("De Europese Commissie gaf groen licht voor het plan van Italië.", ("EU", "ITA", "05")),
])
def test_agreeing_to_a_proposal_endorses_its_author(text: str, event: tuple[str, str, str]) -> None:
    got = _events(text)
    assert event in got, got
    assert not any(root == "03" for _, _, root in got), got


def test_not_agreeing_is_no_endorsement() -> None:
    got = _events("De SP stemde niet in met het plan van de minister.")
    assert not any(root == "05" for _, _, root in got), got


# parliamentary wordings: questions put to a minister ask for information (0214); confidence withdrawn reduces
# relations (16); a plan called unworkable is criticised (11)
@pytest.mark.parametrize("text, event", [
    ("GroenLinks stelde Kamervragen aan minister Hoekstra.", ("NLD", "NLD", "02")),
    ("De SP heeft schriftelijke vragen gesteld aan de minister van Defensie.", ("NLD", "NLD", "02")),
    ("D66 zegde het vertrouwen in de minister op.", ("NLD", "NLD", "16")),
    ("De VVD heeft geen vertrouwen meer in het kabinet.", ("NLD", "NLD", "16")),
    ("Het CDA noemde het voorstel van de PvdA onuitvoerbaar.", ("NLD", "NLD", "11")),
    ("Duitsland bestempelde het plan van Frankrijk als onhaalbaar.", ("DEU", "FRA", "11")),
])
def test_parliamentary_wordings(text: str, event: tuple[str, str, str]) -> None:
    assert event in _events(text), _events(text)


def test_confidence_withdrawn_is_no_optimism() -> None:
    assert not any(root == "01" for _, _, root in _events("D66 zegde het vertrouwen in de minister op."))
