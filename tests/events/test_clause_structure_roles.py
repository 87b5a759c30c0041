"""Roles by Dutch clause structure, on sentences written for each rule (no corpus sentence): the subject after the
finite verb when a prepositional phrase opens the main clause, the subject of a clause that a relative clause set
off by commas or another insert interrupts, lists with "zowel ... als" or a repeated preposition, and a co-agent after
"samen met"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

ACTORS: dict[str, tuple[str, str, str]] = {
    "president Macron": ("FRA", "FRAGOV", "person"),
    "Macron": ("FRA", "FRAGOV", "person"),
    "Rusland": ("RUS", "RUS", "state"),
    "Poetin": ("RUS", "RUSGOV", "person"),
    "Het Kremlin": ("RUS", "RUSGOV", "government"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "Trump": ("USA", "USAGOV", "person"),
    "de VS": ("USA", "USA", "state"),
    "De VS": ("USA", "USA", "state"),
    "China": ("CHN", "CHN", "state"),
    "Japan": ("JPN", "JPN", "state"),
    "de Chinese president": ("CHN", "CHNGOV", "person"),
    "Berlijn": ("DEU", "DEU", "state"),
}


Rows = Callable[..., set[tuple[str | None, ...]]]


@pytest.mark.parametrize(
    "text",
    [
        # the phrase after "volgens" ends before the finite verb: the name after the verb is the subject
        "Volgens de krant riep president Macron Rusland op de troepen terug te trekken.",
        # an actor inside the fronted phrase ends that phrase: the name after the verb is not governed by "aan"
        "In een brief aan de Chinese president riep Trump Rusland op de troepen terug te trekken.",
    ],
)
def test_subject_after_the_finite_verb_of_a_clause_that_opens_with_a_prepositional_phrase(
    coded_country_rows: Rows, text: str
) -> None:
    rows = coded_country_rows(text, ACTORS)
    source = "USA" if "Trump" in text else "FRA"
    assert any(s == source and t == "RUS" and root == "02" for s, t, root in rows), rows


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        ("Macron, die vorige week nog in Berlijn sprak, bekritiseerde Rusland.",
         ("FRA", "RUS", "11"), ("RUS", "FRA", "11")),
        ("Trump, die eerder China bekritiseerde, bezocht gisteren Japan.", ("USA", "JPN", "04"), ("JPN", "CHN", "04")),
        # the neuter relative pronoun after a comma
        ("Het Kremlin, dat de annexatie verdedigt, bekritiseerde gisteren Oekraïne.",
         ("RUS", "UKR", "11"), ("UKR", "RUS", "11")),
        # a subordinate clause interrupted by the relative clause: its subject stands after the conjunction
        ("Macron zei dat Poetin, die de Krim annexeerde, Oekraïne bedreigt.",
         ("RUS", "UKR", "13"), ("UKR", "RUS", "13")),
        ("Macron zei dat de VS Poetin, die de Krim annexeerde, bekritiseren.",
         ("USA", "RUS", "11"), ("RUS", "USA", "11")),
        # an insert between commas (a comparison, a source) keeps the subject and voice of its clause
        ("De VS hebben, net als Japan, Rusland bekritiseerd.", ("USA", "RUS", "11"), ("RUS", "JPN", "11")),
        ("De VS hebben, volgens Japan, Rusland bekritiseerd.", ("USA", "RUS", "11"), ("RUS", "USA", "11")),
        ("Macron wil, zo meldt de krant, Rusland bezoeken.", ("FRA", "RUS", "04"), ("RUS", "FRA", "04")),
        # the passive auxiliary stands before the insert
        ("Rusland is, net als Japan, door de VS bekritiseerd.", ("USA", "RUS", "11"), ("RUS", "JPN", "11")),
        ("Rusland werd, net als Japan, door de VS bekritiseerd.", ("USA", "RUS", "11"), ("RUS", "JPN", "11")),
        # a co-agent after "samen met" acts with the subject; it is not the target
        ("De VS hebben samen met Japan sancties opgelegd aan Rusland.", ("USA", "RUS", "16"), ("USA", "JPN", "16")),
        ("De VS dreigen samen met Japan met sancties tegen Rusland.", ("USA", "RUS", "13"), ("USA", "JPN", "13")),
    ],
)
def test_a_clause_interrupted_by_a_relative_clause_or_an_insert_keeps_its_roles(
    coded_country_rows: Rows, text: str,
    expected: tuple[str, str, str], wrong: tuple[str, str, str],
) -> None:
    rows = coded_country_rows(text, ACTORS)
    assert expected in rows, rows
    assert wrong not in rows, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "zowel ... als" coordinates; "als" opens no clause there
        ("Zowel Rusland als China bekritiseerden de VS.", {("RUS", "USA", "11"), ("CHN", "USA", "11")}),
        ("Trump bekritiseerde zowel Rusland als China.", {("USA", "RUS", "11"), ("USA", "CHN", "11")}),
        # the list's preposition stands again before the second conjunct
        ("Oekraïne werd zowel door Rusland als door China bekritiseerd.",
         {("RUS", "UKR", "11"), ("CHN", "UKR", "11")}),
        ("Oekraïne werd door Rusland en door China bekritiseerd.", {("RUS", "UKR", "11"), ("CHN", "UKR", "11")}),
    ],
)
def test_correlative_and_repeated_preposition_lists(
    coded_country_rows: Rows, text: str, expected: set[tuple[str, str, str]]
) -> None:
    rows = coded_country_rows(text, ACTORS)
    assert expected <= rows, rows



def test_a_reciprocal_deed_keeps_its_partner_after_samen_met(
    coded_country_rows: Rows
) -> None:
    rows = coded_country_rows("De VS oefenen samen met Japan.", ACTORS)
    assert ("USA", "JPN", "06") in rows, rows
