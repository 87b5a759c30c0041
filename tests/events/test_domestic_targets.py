"""A domestic actor's deed with no one named in the sentence is directed at its own state: society at its
government, the police and courts at the people (`RoleFinder._domestic_pairs`); a quotation's speaker is a
source only when named in the sentence or the one before. The step is the coder's `domestic_targets` setting,
off by default. Sentences are written for the behaviour."""

from __future__ import annotations

from collections.abc import Callable

import pytest

ACTORS: dict[str, tuple[str, str, str]] = {
    "De SP": ("NLD", "NLDPTY", "group"),
    "De vakbonden": ("NLD", "NLDLAB", "group"),
    "Het Duitse parlement": ("DEU", "DEULEG", "government"),
    "De Franse politie": ("FRA", "FRACOP", "government"),
    "Het kabinet": ("NLD", "NLDGOV", "government"),
    "Frankrijk": ("FRA", "FRA", "state"),
    "Rusland": ("RUS", "RUS", "state"),
    "SP-leider Jan Jansen": ("NLD", "NLDPTY", "person"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


@pytest.fixture
def domestic_rows(coded_actor_rows: Rows) -> Rows:
    def rows(*args: object) -> set[tuple[str | None, ...]]:
        return coded_actor_rows(*args, settings={"domestic_targets": True})

    return rows


def test_the_default_coder_gives_no_unnamed_domestic_target(coded_actor_rows: Rows) -> None:
    assert coded_actor_rows("De SP eiste gisteren dat de huren omlaag gaan.", ACTORS) == set()


@pytest.mark.parametrize(
    "text, row",
    [
        ("De SP eiste gisteren dat de huren omlaag gaan.", ("NLDPTY", "NLDGOV", "10")),
        ("De SP stemde dinsdag tegen de begroting.", ("NLDPTY", "NLDGOV", "12")),
        ("Het Duitse parlement vroeg vorige week om een onderzoek.", ("DEULEG", "DEUGOV", "02")),
    ],
)
def test_society_acting_with_no_one_named_acts_on_its_government(
    domestic_rows: Rows, text: str, row: tuple[str, str, str]
) -> None:
    assert row in domestic_rows(text, ACTORS)


def test_a_target_named_in_the_sentence_comes_first(domestic_rows: Rows) -> None:
    rows = domestic_rows("De SP eiste gisteren dat Rusland zijn troepen terugtrekt.", ACTORS)
    assert not any(tgt == "NLDGOV" for _, tgt, _ in rows), rows


def test_a_government_or_a_state_gets_no_target_of_its_own(domestic_rows: Rows) -> None:
    assert domestic_rows("Het kabinet eiste gisteren dat de huren omlaag gaan.", ACTORS) == set()
    assert domestic_rows("Frankrijk eiste gisteren dat de huren omlaag gaan.", ACTORS) == set()


def test_only_deeds_that_have_an_addressee_get_one(domestic_rows: Rows) -> None:
    # a meeting or a visit has a counterpart the text must name; a party that meets names no government
    assert domestic_rows("De SP vergaderde gisteren urenlang.", ACTORS) == set()


def test_a_quoted_speaker_of_society_criticises_its_government(domestic_rows: Rows) -> None:
    text = "'Dit is onacceptabel', aldus SP-leider Jan Jansen."
    rows = domestic_rows(text, ACTORS, [("SP-leider Jan Jansen", "Dit is onacceptabel", "direct")])
    assert ("NLDPTY", "NLDGOV", "11") in rows


def test_a_speaker_named_sentences_before_is_no_source_of_what_a_long_quotation_tells(domestic_rows: Rows) -> None:
    near = "SP-leider Jan Jansen nam het woord. 'Dit is onacceptabel. Het is laat.'"
    quote = [("SP-leider Jan Jansen", "Dit is onacceptabel. Het is laat.", "direct")]
    assert ("NLDPTY", "NLDGOV", "11") in domestic_rows(near, ACTORS, quote)
    far = "SP-leider Jan Jansen nam het woord. 'Het is laat. Het is koud. Dit is onacceptabel.'"
    quote = [("SP-leider Jan Jansen", "Het is laat. Het is koud. Dit is onacceptabel.", "direct")]
    assert domestic_rows(far, ACTORS, quote) == set()


def test_an_event_noun_as_the_object_of_the_clause_is_the_subjects_deed(domestic_rows: Rows) -> None:
    assert ("NLDLAB", "NLDGOV", "14") in domestic_rows(
        "De vakbonden hebben een nieuwe staking uitgeroepen voor betere pensioenen.", ACTORS
    )
    # after a preposition the noun is a circumstance or someone else's deed, not what the subject does
    assert domestic_rows("De SP was gisteren aanwezig bij de staking in Utrecht.", ACTORS) == set()


def test_a_deed_aimed_at_persons_or_a_firm_the_clause_names_is_not_aimed_at_the_government(
    domestic_rows: Rows,
) -> None:
    assert domestic_rows("De vakbonden eisten gisteren van Bolderbouw hogere lonen.", ACTORS) == set()
    assert domestic_rows("De vakbonden eisten gisteren van studenten meer inzet.", ACTORS) == set()


def test_an_event_noun_owned_by_others_is_not_the_subjects_deed(domestic_rows: Rows) -> None:
    assert domestic_rows("De SP bestudeert de eisen van de chauffeurs.", ACTORS) == set()
