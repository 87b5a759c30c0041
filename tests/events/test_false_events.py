"""Matches that report no deed of their actor, or a partner it did not act on (issue 13, false events): a
first-person guess about what an actor will do, a passive deed that may or must be done, a conditional deed, a
participle used as an adjective, a partner of material cooperation borrowed from the sentence before, an actor
compared, the subject of an adverbial clause taken as the doer of the clause after it, an infinitive used as a
noun, the place after a phrase that ends in "in", an actor before a relative clause about a thing, a clause-initial
possessive "zijn" read as a verb. Sentences are written for the behaviour."""

from __future__ import annotations

from collections.abc import Callable

import pytest

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "Polen": ("POL", "POL", "state"),
    "Warschau": ("POL", "POLGOV", "government"),
    "Moskou": ("RUS", "RUSGOV", "government"),
    "Lavrov": ("RUS", "RUSGOV", "person"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def test_a_guessed_future_deed_is_no_event(coded_actor_rows: Rows) -> None:
    for text in ("Het lijkt me waarschijnlijk dat Polen Rusland binnenkort zal bekritiseren.",
                 "Ik verwacht dat Polen Rusland opnieuw zal bekritiseren.",
                 "Ik voorspel dat Warschau en Moskou binnenkort gaan samenwerken."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("11", "06") for _, _, root in rows), (text, rows)


def test_a_plan_or_a_guessed_past_deed_stays(coded_actor_rows: Rows) -> None:
    # the actor's own plan, said without a frame of guessing, is a possible deed the coder keeps
    assert ("POL", "RUS", "11") in coded_actor_rows("Polen zal Rusland morgen bekritiseren.", ACTORS)
    # a frame without a modal in the clause after it reports what happened, as the speaker sees it
    rows = coded_actor_rows("Ik denk dat Polen Rusland gisteren terecht bekritiseerde.", ACTORS)
    assert ("POL", "RUS", "11") in rows


def test_a_deed_that_may_or_must_be_done_is_no_event(coded_actor_rows: Rows) -> None:
    for text in ("Een Oekraïense journalist kan in Rusland nog een jaar worden vastgehouden.",
                 "Warschau verklaarde dat de gevangenen van Moskou vrijgelaten moeten worden."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("17", "08") for _, _, root in rows), (text, rows)


def test_a_passive_deed_done_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Een Oekraïense journalist wordt in Rusland nog een jaar vastgehouden.", ACTORS)
    assert ("RUSCOP", "UKRCVL", "17") in rows
    rows = coded_actor_rows("Warschau verklaarde dat de gevangenen van Moskou vrijgelaten werden.", ACTORS)
    assert ("POLGOV", "RUSGOV", "08") in rows


def test_the_consequent_of_a_supposition_reports_no_deed(coded_actor_rows: Rows) -> None:
    for text in ("Mocht de handel verder dalen, dan zal Polen Rusland opnieuw bekritiseren.",
                 "Als Rusland de grens sluit, dan bekritiseert Polen Rusland opnieuw.",
                 "Als Polen Rusland bekritiseert, dan stijgen de prijzen."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root == "11" for _, _, root in rows), (text, rows)


def test_dan_without_a_condition_leaves_the_deed(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Eerst sprak de premier, dan bekritiseerde Polen Rusland scherp.", ACTORS)
    assert ("POL", "RUS", "11") in rows


def test_a_participle_before_a_person_noun_is_an_adjective(coded_actor_rows: Rows) -> None:
    for text in ("Warschau zei dat uitgezette Oekraïense journalisten in Polen mogen blijven.",
                 "Warschau meldde dat opgepakte betogers uit Rusland weer vrij zijn."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root == "17" for _, _, root in rows), (text, rows)


def test_a_finite_verb_before_its_object_stays(coded_actor_rows: Rows) -> None:
    assert ("RUSGOV", "UKRCVL", "17") in coded_actor_rows("Moskou arresteerde Oekraïense journalisten.", ACTORS)


def test_material_cooperation_borrows_no_partner_from_the_sentence_before(coded_actor_rows: Rows) -> None:
    for text in ("Rusland hield gisteren een grote militaire oefening. Polen werkt daarom nauwer samen met de "
                 "Baltische staten.",
                 "Rusland hield gisteren een grote militaire oefening. Polen leverde daarop wapens aan de Baltische "
                 "staten.",
                 "Rusland hield gisteren een grote militaire oefening. Polen stuurde daarop tonnen voedsel naar de "
                 "getroffen dorpen."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(src == "POL" and tgt == "RUS" for src, tgt, _ in rows), (text, rows)


def test_a_partner_in_the_sentence_and_a_reaction_to_the_sentence_before_stay(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Rusland hield een oefening. Polen werkt daarom nauwer samen met Oekraïne.", ACTORS)
    assert ("POL", "UKR", "06") in rows
    rows = coded_actor_rows("Rusland hield gisteren een grote oefening. Polen veroordeelde dat scherp.", ACTORS)
    assert ("POL", "RUS", "11") in rows


def test_wanting_to_show_that_is_no_demand(coded_actor_rows: Rows) -> None:
    for text in ("Polen wil aantonen dat Rusland de grens sluit.",
                 "Warschau wil benadrukken dat Moskou de grens sluit."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("10", "02") for _, _, root in rows), (text, rows)
    assert ("POL", "RUS", "02") in coded_actor_rows("Polen wil dat Rusland de grens opent.", ACTORS)


@pytest.mark.xfail(strict=True, reason="absorbing whatever the priorities also let an accusation absorb the proposal "
                   "it names ('verweet X dat hij niet was ingegaan op een voorstel van Y'); the demanded deed and the "
                   "named one need telling apart first")
def test_a_demanded_deed_is_absorbed_whatever_its_priority(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Polen wil dat Rusland de sancties tegen Oekraïne opheft.", ACTORS)
    assert ("POL", "RUS", "02") in rows
    assert not any(root == "08" for _, _, root in rows), rows


def test_a_deed_whose_existence_is_denied_is_no_event(coded_actor_rows: Rows) -> None:
    for text in ("Er komen geen nieuwe sancties van Polen tegen Rusland.",
                 "'Er bestaat geen handelsembargo van Polen tegen Rusland', aldus Warschau."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root == "16" for _, _, root in rows), (text, rows)
    assert ("POL", "RUS", "16") in coded_actor_rows("Er komen nieuwe sancties van Polen tegen Rusland.", ACTORS)
    # a deed its doer did not do stays, as a negated event
    assert ("POL", "RUS", "16") in coded_actor_rows("Polen heeft geen sancties tegen Rusland ingesteld.", ACTORS)


def test_an_actor_compared_is_no_target(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Polen biedt veel meer hulp aan dan Rusland.", ACTORS)
    assert not any(tgt == "RUS" for _, tgt, _ in rows), rows
    assert ("POL", "RUS", "03") in coded_actor_rows("Polen biedt Rusland hulp aan.", ACTORS)


def test_the_subject_of_an_adverbial_clause_is_no_doer_of_the_clause_after(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Terwijl Polen zweeg, werd Rusland scherp bekritiseerd.", ACTORS)
    assert not any(src == "POL" for src, _, _ in rows), rows
    # who reports a passive deed in a clause of its own still says who did it
    assert ("POLGOV", "RUS", "11") in coded_actor_rows("Warschau meldde dat Rusland scherp werd bekritiseerd.",
                                                      ACTORS)


def test_an_infinitive_used_as_a_noun_is_no_deed_of_the_subject(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Polen vindt het opsluiten van Oekraïense journalisten door Rusland een schande.", ACTORS)
    assert not any(root == "17" for _, _, root in rows), rows
    assert ("POL", "RUSGOV", "11") in rows or ("POL", "RUS", "11") in rows
    rows = coded_actor_rows("Warschau steunde het uitzetten van journalisten uit Oekraïne.", ACTORS)
    assert not any(root == "17" for _, _, root in rows), rows


def test_a_phrase_that_ends_in_a_preposition_of_place_names_no_target(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau had een ontmoeting in Rusland.", ACTORS)
    assert not any(tgt == "RUS" for _, tgt, _ in rows), rows
    rows = coded_actor_rows("Warschau en Moskou hadden een ontmoeting in Oekraïne.", ACTORS)
    assert ("POLGOV", "RUSGOV", "04") in rows and not any(tgt == "UKR" for _, tgt, _ in rows), rows


def test_an_accusation_called_baseless_is_a_denial(coded_actor_rows: Rows) -> None:
    text = "Polen beschuldigde Rusland van spionage. 'De beschuldigingen zijn absurd', zei Lavrov."
    rows = coded_actor_rows(text, ACTORS, [("Lavrov", "De beschuldigingen zijn absurd", "direct")])
    second = {row for row in rows if row[0] == "RUSGOV"}
    assert second and all(root == "01" for _, _, root in second), rows


def test_a_relative_clause_after_a_thing_takes_no_actor_before_it_as_subject(coded_actor_rows: Rows) -> None:
    for text in ("Er komt een brug die Polen met Oekraïne moet verbinden.",
                 "Polen steunt de wet die Rusland scherp bekritiseert."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("02", "11") for _, _, root in rows), (text, rows)
    # the antecedent right before the pronoun is the subject
    rows = coded_actor_rows("Polen steunt Oekraïne en Rusland, die Warschau bekritiseerde.", ACTORS)
    assert ("RUS", "POLGOV", "11") in rows, rows


def test_a_clause_initial_possessive_zijn_is_no_verb(coded_actor_rows: Rows) -> None:
    # "Zijn" opens the subject phrase, a form of "zijn" would be the finite verb: the subject names no actor,
    # so the object is no source
    rows = coded_actor_rows("Zijn critici verwijten Warschau dat het Oekraïne in de steek liet.", ACTORS)
    assert not any(src == "POLGOV" for src, _, _ in rows), rows
    assert ("POL", "RUS", "11") in coded_actor_rows("Polen bekritiseerde Rusland scherp.", ACTORS)


def test_an_article_after_a_participle_opens_its_object_not_an_adjective(coded_actor_rows: Rows) -> None:
    # "de" ends as an inflected adjective does, but the participle before it is the clause's verb
    rows = coded_actor_rows("Polen heeft Rusland opgeroepen de gevangenen vrij te laten.", ACTORS)
    assert ("POL", "RUS", "02") in rows, rows
