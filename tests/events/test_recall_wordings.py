"""Wordings of a fifth recall round (train-A/B protocol), as classes: talking with someone with words between the
verb and "met", talks that go on, disagreement and distancing (110), a call whose particle stands before the object
of its infinitive (020). The positive sentences are rows of `data/nl_codebook_*.tsv`; these are the senses the
new wordings must leave alone. Sentences are written for the behaviour, not taken from an annotated article."""

from __future__ import annotations

from collections.abc import Callable

ACTORS: dict[str, tuple[str, str, str]] = {
    "Poetin": ("RUS", "RUSGOV", "person"),
    "Rutte": ("NLD", "NLDGOV", "person"),
    "Merkel": ("DEU", "DEUGOV", "person"),
    "Duitsland": ("DEU", "DEU", "state"),
    "Frankrijk": ("FRA", "FRA", "state"),
    "Rusland": ("RUS", "RUS", "state"),
    "een Duitse auto": ("DEU", "DEU", "state"),
    "een Franse vrachtwagen": ("FRA", "FRA", "state"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def test_talking_with_someone_in_any_word_order(coded_actor_rows: Rows) -> None:
    for text in ("Rutte sprak gisteren uitgebreid met Merkel.", "Rutte heeft gisteren met Merkel gesproken.",
                 "Rutte en Merkel praten volgende week verder over de begroting."):
        assert ("NLDGOV", "DEUGOV", "04") in coded_actor_rows(text, ACTORS), text


def test_with_of_manner_is_no_partner(coded_actor_rows: Rows) -> None:
    # "met afschuw", "met klem": how one speaks, not with whom
    for text in ("Poetin sprak gisteren met afschuw over de aanslag in Frankrijk.",
                 "Rutte heeft met klem gezegd dat Duitsland moet betalen."):
        assert not any(root == "04" for _, _, root in coded_actor_rows(text, ACTORS)), text


def test_disagreement_is_disapproval_not_negated_accord(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Merkel is het niet eens met Poetin.", ACTORS)
    assert ("DEUGOV", "RUSGOV", "11") in rows
    assert not any(root == "01" for _, _, root in rows)
    assert ("NLDGOV", "RUSGOV", "11") in coded_actor_rows("Rutte neemt afstand van de woorden van Poetin.", ACTORS)
    assert ("NLDGOV", "RUSGOV", "11") in coded_actor_rows("Rutte heeft afstand genomen van Poetin.", ACTORS)


def test_a_collision_of_vehicles_is_no_quarrel(coded_actor_rows: Rows) -> None:
    assert not coded_actor_rows("Een Duitse auto botste met een Franse vrachtwagen.", ACTORS)


def test_a_call_before_the_object_of_its_infinitive(coded_actor_rows: Rows) -> None:
    assert ("DEUGOV", "RUS", "02") in coded_actor_rows("Merkel riep Rusland op de grens te openen.", ACTORS)
    # "roept herinneringen op" calls up memories: no appeal
    assert not coded_actor_rows("Het lied roept herinneringen op aan de oorlog van Rusland.", ACTORS)


def test_confidence_held_is_no_confidence_withdrawn(coded_actor_rows: Rows) -> None:
    assert ("DEU", "FRA", "16") in coded_actor_rows("Duitsland zegde het vertrouwen in Frankrijk op.", ACTORS)
    assert not any(root == "16" for _, _, root in coded_actor_rows("Duitsland heeft vertrouwen in Frankrijk.", ACTORS))


def test_money_or_arms_given_are_aid_not_political_support(coded_actor_rows: Rows) -> None:
    assert ("DEU", "FRA", "05") in coded_actor_rows("Duitsland gaf Frankrijk steun voor het plan.", ACTORS)
    rows = coded_actor_rows("Duitsland gaf Frankrijk financiële steun.", ACTORS)
    assert not any(root == "05" for _, _, root in rows), rows


def test_not_wanting_to_work_with_is_a_rejection(coded_actor_rows: Rows) -> None:
    assert ("DEU", "FRA", "12") in coded_actor_rows("Duitsland wil niet met Frankrijk samenwerken.", ACTORS)
    assert not any(root == "12" for _, _, root in coded_actor_rows("Duitsland wil met Frankrijk samenwerken.", ACTORS))


def test_bad_as_a_description_is_no_criticism(coded_actor_rows: Rows) -> None:
    # "slecht" judges only as the complement of a verb of naming
    assert ("DEU", "FRA", "11") in coded_actor_rows("Duitsland noemt het plan van Frankrijk slecht.", ACTORS)
    assert not coded_actor_rows("Het gaat slecht met de economie van Frankrijk, zei Duitsland.", ACTORS)


def test_praise_spoken_with_is_no_meeting(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Rutte sprak met lof over Merkel.", ACTORS)
    assert not any(root == "04" for _, _, root in rows), rows


def test_the_one_held_is_the_target(coded_actor_rows: Rows) -> None:
    # "zit vast in X": the subject is held, the state of the place holds him (its police, `implicit_agent`)
    rows = coded_actor_rows("Poetin zegt dat Merkel vastzit in Frankrijk.", ACTORS) | coded_actor_rows(
        "Merkel zit vast in Frankrijk.", ACTORS)
    assert not any(s == "DEUGOV" and r == "17" for s, _, r in rows), rows


def test_sanctions_held_out_are_a_threat_not_an_intent(coded_actor_rows: Rows) -> None:
    assert ("DEU", "FRA", "03") in coded_actor_rows("Duitsland stelt Frankrijk een lening in het vooruitzicht.", ACTORS)
    rows = coded_actor_rows("Duitsland stelt Frankrijk sancties in het vooruitzicht.", ACTORS)
    assert not any(root == "03" for _, _, root in rows), rows


def test_what_helps_is_no_helper(coded_actor_rows: Rows) -> None:
    assert ("DEU", "FRA", "07") in coded_actor_rows("Duitsland helpt Frankrijk bij de wederopbouw.", ACTORS)
    assert not coded_actor_rows("Het helpt Duitsland niet dat Frankrijk blijft lenen.", ACTORS)
