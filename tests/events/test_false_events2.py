"""Second precision round on false events (issue13-false2): words that report no deed of the kind their
trigger names. A condition or a topic noun after a preposition ("onder voorwaarden", "op voorwaarde dat",
"praat over hun eisen"), a feeling as a motive ("zweeg uit ergernis over"), a witty retort read as
retaliation ("sloeg terug met een grap"), the noun "gevecht" read as a form of "aanvechten", the idiom
"overgeleverd aan de genade van", a politician's "aanvallen" resumed read as a broken truce, a deed only
preferred ("ziet X liever handel drijven"), others kept "op één lijn" read as accord, "moeten zijn" read as an
appeal. Sentences are
written for the behaviour."""

from __future__ import annotations

from collections.abc import Callable

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Polen": ("POL", "POL", "state"),
    "Warschau": ("POL", "POLGOV", "government"),
    "Moskou": ("RUS", "RUSGOV", "government"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def _roots(rows: set[tuple[str | None, ...]]) -> set[str | None]:
    return {root for _, _, root in rows}


def test_a_condition_noun_after_a_preposition_is_no_demand(coded_actor_rows: Rows) -> None:
    for text in ("Warschau wil onder voorwaarden met Moskou praten.",
                 "Warschau steunt het plan van Moskou alleen op voorwaarde dat de handel doorgaat.",
                 "Polen werkt onder strikte voorwaarden met Rusland samen."):
        rows = coded_actor_rows(text, ACTORS)
        assert "10" not in _roots(rows), (text, rows)


def test_conditions_set_on_another_stay_a_demand(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau stelt voorwaarden aan Moskou.", ACTORS)
    assert ("POLGOV", "RUSGOV", "10") in rows


def test_demands_as_the_topic_of_talk_are_no_demand(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau praat met Moskou over hun eisen.", ACTORS)
    assert "10" not in _roots(rows), rows


def test_a_witty_retort_is_no_retaliation(coded_actor_rows: Rows) -> None:
    for text in ("Moskou slaat terug met een kwinkslag over Warschau.",
                 "Warschau sloeg terug met een grapje over Moskou."):
        rows = coded_actor_rows(text, ACTORS)
        assert "16" not in _roots(rows), (text, rows)


def test_retaliation_by_deeds_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Moskou nam vergeldingsmaatregelen tegen Warschau.", ACTORS)
    assert ("RUSGOV", "POLGOV", "16") in rows


def test_a_fight_taken_up_is_no_legal_challenge(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau ging het gevecht met Moskou opnieuw aan.", ACTORS)
    assert "11" not in _roots(rows), rows


def test_a_decision_challenged_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau vecht de beslissing van Moskou aan.", ACTORS)
    assert ("POLGOV", "RUSGOV", "11") in rows


def test_being_at_someone_s_mercy_is_no_extradition(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau is overgeleverd aan de grillen van Moskou.", ACTORS)
    assert "06" not in _roots(rows), rows


def test_a_suspect_handed_over_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Polen heeft de verdachte overgeleverd aan Rusland.", ACTORS)
    assert ("POL", "RUS", "06") in rows


PEOPLE: dict[str, tuple[str, str, str]] = {
    **ACTORS,
    "Orbán": ("HUN", "HUNGOV", "person"),
    "Hongarije": ("HUN", "HUN", "state"),
    "EU": ("EU", "EU", "organisation"),
}


def test_a_politician_resuming_attacks_criticises(coded_actor_rows: Rows) -> None:
    for text in ("Orbán hervat vandaag zijn aanvallen op de EU.",
                 "Gisteren hervatte Orbán de aanvallen op de EU."):
        rows = coded_actor_rows(text, PEOPLE)
        assert ("HUNGOV", "EU", "11") in rows, (text, rows)
        assert "19" not in _roots(rows), (text, rows)


def test_a_state_resuming_attacks_still_breaks_a_truce(coded_actor_rows: Rows) -> None:
    for text in ("Rusland heeft de aanvallen op Polen hervat.",
                 "Rusland hervatte de aanvallen op Polen."):
        rows = coded_actor_rows(text, PEOPLE)
        assert ("RUS", "POL", "19") in rows, (text, rows)


def test_a_feeling_as_a_motive_is_no_disapproval(coded_actor_rows: Rows) -> None:
    for text in ("Warschau zweeg uit ergernis over Moskou.",
                 "Polen bleef uit onvrede over de houding van Rusland thuis."):
        rows = coded_actor_rows(text, ACTORS)
        assert "11" not in _roots(rows), (text, rows)


def test_discontent_voiced_stays_a_disapproval(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau uitte zijn onvrede over het beleid van Moskou.", ACTORS)
    assert ("POLGOV", "RUSGOV", "11") in rows


def test_a_preferred_deed_is_not_reported(coded_actor_rows: Rows) -> None:
    for text in ("Veel Polen zien Warschau liever samenwerken met Moskou.",
                 "Warschau praat liever met Moskou dan met Brussel."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root in ("04", "06") for root in _roots(rows)), (text, rows)


def test_a_deed_beside_a_preference_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau werkt samen met Moskou, al had het liever gewacht.", ACTORS)
    assert ("POLGOV", "RUSGOV", "06") in rows


def test_keeping_others_in_line_is_no_accord(coded_actor_rows: Rows) -> None:
    for text in ("Warschau wil Polen met Moskou op één lijn houden.",
                 "Warschau kreeg Polen met Moskou op één lijn."):
        rows = coded_actor_rows(text, ACTORS)
        assert "01" not in _roots(rows), (text, rows)


def test_being_in_line_with_another_stays_accord(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Warschau zit op één lijn met Moskou.", ACTORS)
    assert ("POLGOV", "RUSGOV", "01") in rows


def test_what_one_should_be_is_no_appeal(coded_actor_rows: Rows) -> None:
    for said in ("De beste bemiddelaar zou Warschau moeten zijn", "Warschau moet een goede buur blijven"):
        text = f'"{said}", zei Moskou.'
        rows = coded_actor_rows(text, ACTORS, [("Moskou", said, "direct")])
        assert "02" not in _roots(rows), (text, rows)


def test_a_deed_asked_with_moeten_stays_an_appeal(coded_actor_rows: Rows) -> None:
    said = "Warschau moet meer uitleg geven"
    rows = coded_actor_rows(f'"{said}", zei Moskou.', ACTORS, [("Moskou", said, "direct")])
    assert ("RUSGOV", "POLGOV", "02") in rows
