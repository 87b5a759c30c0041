"""Deeds the text does not report: in a clause that only supposes them, or in a question
(`dyad.events.factuality.unreported`). Sentences are written for the behaviour."""

from __future__ import annotations

from collections.abc import Callable

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "Polen": ("POL", "POL", "state"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def test_a_reported_deed_is_coded(coded_actor_rows: Rows) -> None:
    assert ("POL", "RUS", "11") in coded_actor_rows("Polen bekritiseerde Rusland gisteren scherp.", ACTORS)


def test_a_supposed_deed_is_not(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Mocht Polen Rusland bekritiseren, dan blijft het stil in Kiev.", ACTORS)
    assert not any(root == "11" for _, _, root in rows), rows
    rows = coded_actor_rows("Het overleg gaat door, tenzij Polen Rusland opnieuw bekritiseert.", ACTORS)
    assert not any(root == "11" for _, _, root in rows), rows


def test_a_question_reports_no_deed(coded_actor_rows: Rows) -> None:
    assert coded_actor_rows("Bekritiseerde Polen Rusland gisteren echt zo scherp?", ACTORS) == set()
    assert coded_actor_rows("'Bekritiseert Polen Rusland nu ook al?'", ACTORS) == set()
    # a question quoted inside a sentence that reports is no question of the sentence
    rows = coded_actor_rows("Na de vraag 'waarom?' bekritiseerde Polen Rusland scherp.", ACTORS)
    assert ("POL", "RUS", "11") in rows


def test_a_deed_supposed_after_als_and_a_subject_is_not(coded_actor_rows: Rows) -> None:
    for text in ("De handel lijdt, als er een handelsoorlog tussen Polen en Rusland komt.",
                 "Maar als er sancties van Polen tegen Rusland komen, stijgen de prijzen.",
                 "Het wordt lastig voor Kiev als het blijft weigeren Rusland te steunen."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("12", "16") for _, _, root in rows), (text, rows)


def test_als_comparing_leaves_the_deed(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Polen bekritiseerde als voorzitter Rusland scherp.", ACTORS)
    assert ("POL", "RUS", "11") in rows
