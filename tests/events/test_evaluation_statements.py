"""Statements of evaluation: a speaker judges another's deed, plan or words with an evaluative word rather than a
verb of criticism ("Onverantwoord, vindt X", "X noemt het plan een farce", "volgens X is dit een schande", "X spreekt
van kiezersbedrog"), a figure that dismisses it ("houdt geen stand"), feeling wronged by another, and saying that
another deceived. With no one named, a domestic speaker's statement is about its own state's politics (the entry's
`domestic`). Sentences are written for the behaviour."""

from __future__ import annotations

from collections.abc import Callable

import pytest

ACTORS: dict[str, tuple[str, str, str]] = {
    "Jansen": ("NLD", "NLDPTY", "person"),
    "De SP": ("NLD", "NLDPTY", "group"),
    "het kabinet": ("NLD", "NLDGOV", "government"),
    "Het kabinet": ("NLD", "NLDGOV", "government"),
    "Rusland": ("RUS", "RUS", "state"),
    "Brussel": ("EU", "EU", "organisation"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


@pytest.mark.parametrize(
    ("text", "quote", "row"),
    [
        # a bare evaluation in a quotation, its speaker after it; no one named: the speaker's own government
        ('"Volstrekt onverantwoord", vindt Jansen.', "Volstrekt onverantwoord", ("NLDPTY", "NLDGOV", "11")),
        ('"Wat een gênante vertoning", aldus Jansen.', "Wat een gênante vertoning", ("NLDPTY", "NLDGOV", "11")),
        # "volgens X is ... een Y": the informant judges
        ("Volgens Jansen is de nieuwe regeling een farce.", "is de nieuwe regeling een farce",
         ("NLDPTY", "NLDGOV", "11")),
        # an evaluated foreign actor is the target
        ('"Het plan van Rusland is schaamteloos", zegt Jansen.', "Het plan van Rusland is schaamteloos",
         ("NLDPTY", "RUS", "11")),
        # the owner of what is judged is who is judged, not someone else's deed the speaker only handles
        ("Een gotspe van het nieuwe beleid, stelt Jansen.", "Een gotspe van het nieuwe beleid",
         ("NLDPTY", "NLDGOV", "11")),
        # a figure that dismisses an argument
        ('"Die redenering snijdt geen hout", zegt Jansen.', "Die redenering snijdt geen hout",
         ("NLDPTY", "NLDGOV", "11")),
        # doing nothing or going too far, as the speaker says of another
        ('"Het kabinet laat het al jaren afweten", zegt Jansen.', "Het kabinet laat het al jaren afweten",
         ("NLDPTY", "NLDGOV", "11")),
        ("Volgens Jansen gaat Brussel met deze eis te ver.", "gaat Brussel met deze eis te ver",
         ("NLDPTY", "EU", "11")),
        # a deed that defies reason
        ("Volgens Jansen tart de maatregel van Rusland elk rechtvaardigheidsgevoel.",
         "tart de maatregel van Rusland elk rechtvaardigheidsgevoel", ("NLDPTY", "RUS", "11")),
        # the author of an evaluated deed named as its doer ("door X"): the speaker still makes the statement
        ("Jansen liet weten dat de inval door Rusland laf was.", "de inval door Rusland laf was",
         ("NLDPTY", "RUS", "11")),
        # a deed said to border on a crime
        ('"Wat Rusland doet grenst aan chantage", zegt Jansen.', "Wat Rusland doet grenst aan chantage",
         ("NLDPTY", "RUS", "11")),
        # saying that another deceived: the subject of the quotation is accused
        ('"Het kabinet heeft de boeren jarenlang voorgelogen", zegt Jansen.',
         "Het kabinet heeft de boeren jarenlang voorgelogen", ("NLDPTY", "NLDGOV", "11")),
    ],
)
def test_a_quoted_evaluation_is_the_speakers_statement(
    coded_actor_rows: Rows, text: str, quote: str, row: tuple[str, str, str]
) -> None:
    kind = "direct" if text.startswith('"') else "indirect"
    assert row in coded_actor_rows(text, ACTORS, [("Jansen", quote, kind)])


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # the naming frame with an evaluative noun, and "spreken van"
        ("Jansen noemt de begroting van het kabinet een aanfluiting.", ("NLDPTY", "NLDGOV", "11")),
        ("Jansen sprak gisteren van regelrecht kiezersbedrog.", ("NLDPTY", "NLDGOV", "11")),
        ("De SP sprak van een schijnvertoning van Rusland.", ("NLDPTY", "RUS", "11")),
        # "vinden X Y" with a named object
        ("Jansen vindt de eis van Brussel onredelijk.", ("NLDPTY", "EU", "11")),
        # feeling wronged by another, in its word orders
        ("De SP voelt zich door Brussel in de steek gelaten.", ("NLDPTY", "EU", "11")),
        ("De SP voelde zich bedrogen door het kabinet.", ("NLDPTY", "NLDGOV", "11")),
    ],
)
def test_an_evaluating_frame_gives_its_statement(coded_actor_rows: Rows, text: str, row: tuple[str, str, str]) -> None:
    assert row in coded_actor_rows(text, ACTORS)


@pytest.mark.parametrize(
    "text",
    [
        # a word that judges only as the complement of a naming verb describes on its own
        "Jansen vindt de situatie in de regio gevaarlijk.",
        # a figure of failing said of a thing, with no one who says it
        "Het bestand hield geen stand.",
        # feeling without being wronged ("zich ... voelen" with no word of being wronged)
        "De SP voelt zich gesterkt door de peilingen.",
        # deceit without a speaker who reports it
        "Rusland heeft de inspecteurs misleid.",
        # the writer's own evaluation of its subject, with no one named as its object: no statement of the subject's
        "Jansen hield gisteren weer een van zijn absurde toespraken.",
        # bordering on a country is no accusation
        "Duitsland grenst aan Rusland.",
    ],
)
def test_no_statement_without_an_evaluation_and_its_speaker(coded_actor_rows: Rows, text: str) -> None:
    assert not any(root in {"11"} for _, _, root in coded_actor_rows(text, ACTORS)), coded_actor_rows(text, ACTORS)


def test_the_default_coder_gives_no_domestic_target_to_other_entries(coded_actor_rows: Rows) -> None:
    # the domestic target is the statement entries' own: a demand with no one named stays without one
    assert coded_actor_rows("De SP eiste gisteren dat de huren omlaag gaan.", ACTORS) == set()
