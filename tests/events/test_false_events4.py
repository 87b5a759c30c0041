"""False events of a fourth precision round (train-A/B protocol): deeds named only as a point in time, and wordings
whose subject is judged rather than judging. Sentences are written for the behaviour, not taken from an annotated
article."""

from __future__ import annotations

from collections.abc import Callable

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Polen": ("POL", "POL", "state"),
    "Georgië": ("GEO", "GEO", "state"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "Warschau": ("POL", "POLGOV", "government"),
    "Moskou": ("RUS", "RUSGOV", "government"),
    "Brussel": ("EU", "EU", "organisation"),
    "de oppositie": ("POL", "POLOPP", "organisation"),
    "het kabinet": ("POL", "POLGOV", "government"),
    "Russische militairen": ("RUS", "RUSMIL", "group"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def test_a_deed_named_as_a_point_in_time_is_not_reported(coded_actor_rows: Rows) -> None:
    # "sinds de inval ...": the deed dates the state of things the clause reports; the clause reports no new deed
    for text, root in (("Polen vertrouwt Rusland niet meer sinds de aanval op Oekraïne in 2014.", "19"),
                       ("Sinds de inval in Oekraïne in 2014 is Polen bang voor Rusland.", "19"),
                       ("Sedert de aanval op Georgië wantrouwt Polen Rusland.", "19")):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(r == root for _, _, r in rows), (text, rows)


def test_a_deed_with_its_doer_after_since_stays(coded_actor_rows: Rows) -> None:
    # the time word leaves an event noun of a clause that names its doer and target, and a verb, alone
    assert ("RUS", "GEO", "19") in coded_actor_rows("Rusland viel Georgië binnen, sinds dat jaar is het onrustig.",
                                                    ACTORS)
    assert ("POL", "RUS", "11") in coded_actor_rows("Polen bekritiseert Rusland sinds maanden.", ACTORS)


def test_failing_conduct_in_the_reporters_words_is_no_criticism(coded_actor_rows: Rows) -> None:
    # "wegkijken", "op zijn handen zitten": the subject's conduct is judged; without a speaker no one judges it
    for text in ("Terwijl Brussel wegkijkt, zet Rusland de druk op Oekraïne op.",
                 "Brussel zit op zijn handen terwijl Oekraïne om hulp vraagt."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(src == "EU" and root == "11" for src, _, root in rows), (text, rows)


def test_failing_conduct_is_criticism_by_who_reports_it(coded_actor_rows: Rows) -> None:
    # the subject is the one judged, its reporter the critic
    rows = coded_actor_rows("Polen zegt dat Brussel wegkijkt.", ACTORS)
    assert ("POL", "EU", "11") in rows and ("EU", "POL", "11") not in rows, rows
    assert ("POLOPP", "POLGOV", "11") in coded_actor_rows("Volgens de oppositie doet het kabinet er niets aan.", ACTORS)


def test_a_relative_clause_after_a_phrase_without_an_actor_takes_no_subject_from_further_back(
    coded_actor_rows: Rows,
) -> None:
    # the pronoun's antecedent is the thing or the people named right before it, not the subject of the sentence
    for text in ("Polen sprak over de boeren in het oosten, een groep zonder stem, die weigeren Rusland te helpen.",
                 "Polen praat met Rusland. Warschau bouwde een muur, de muur die weigert te vallen."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(src in ("POL", "POLGOV") and root == "12" for src, _, root in rows), (text, rows)


def test_a_relative_clause_after_an_actor_keeps_it_as_subject(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Het gaat om Polen, dat twijfelt, en Warschau, die weigert Rusland te helpen.", ACTORS)
    assert ("POLGOV", "RUS", "12") in rows, rows
    assert ("POL", "RUS", "12") in coded_actor_rows("Polen, die weigert Rusland te helpen, zwijgt.", ACTORS)


def test_a_denied_threat_is_none(coded_actor_rows: Rows) -> None:
    # a threat is said, so done, whatever modal its clause has; a negation in its scope undoes it
    for text, root in (("Polen verzekert dat het Rusland op geen enkel moment wilde bedreigen.", "13"),
                       ("Polen heeft Rusland nooit bedreigd.", "13"),
                       ("Polen dreigt niet met sancties tegen Rusland.", "13")):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(r == root for _, _, r in rows), (text, rows)


def test_a_threat_or_refusal_stays_with_a_modal_or_a_negation_inside(coded_actor_rows: Rows) -> None:
    assert ("POL", "RUS", "13") in coded_actor_rows("Polen dreigt Rusland met sancties.", ACTORS)
    assert ("POL", "RUS", "13") in coded_actor_rows("Polen zou Rusland hebben bedreigd.", ACTORS)
    # the refused deed is negated, the refusal itself is done
    assert ("POL", "RUS", "12") in coded_actor_rows("Polen weigert met Rusland te praten.", ACTORS)
    # a negation that is part of the trigger's own words is the deed ("niet van plan", "sluit ... niet uit")
    assert ("POL", "RUS", "13") in coded_actor_rows("Polen sluit militair ingrijpen tegen Rusland niet uit.", ACTORS)
    assert ("POL", "RUS", "12") in coded_actor_rows("Polen is niet van plan Rusland te steunen.", ACTORS)


def test_an_object_of_the_subjects_own_borrows_no_target(coded_actor_rows: Rows) -> None:
    # "zijn grenstroepen", "zijn plannen": the object is a thing or people of the subject's own, named by a possessive;
    # no actor of another clause is the target
    for text, root in (("Polen inspecteerde zijn grenstroepen, terwijl de leider van Rusland werd opgepakt.", "09"),
                       ("Nadat Warschau zijn plannen had verdedigd, sprak Rusland met Oekraïne.", "05"),
                       ("Terwijl Rusland Oekraïne aanviel, verdedigde Polen zijn grenzen.", "05"),
                       ("Rusland zweeg, en Polen prees zijn eigen leger.", "05")):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(src in ("POL", "POLGOV") and r == root for src, _, r in rows), (text, rows)


def test_an_actor_object_or_a_deed_object_keeps_its_target(coded_actor_rows: Rows) -> None:
    assert ("POL", "RUS", "05") in coded_actor_rows("Polen prees Rusland om zijn hulp.", ACTORS)
    # the object is a deed: its author is the target ("veroordeelde zijn optreden")
    rows = coded_actor_rows("Rusland viel Oekraïne aan. Polen veroordeelde zijn optreden.", ACTORS)
    assert ("POL", "RUS", "11") in rows, rows


def test_the_subject_of_a_subordinate_clause_that_names_no_actor_is_not_its_object(coded_actor_rows: Rows) -> None:
    # a verb-final clause puts subject and object before the verbs: an object phrase with its own article after an
    # unresolved subject phrase is not the doer
    rows = coded_actor_rows("Polen meldt dat de grenswachten de Russische militairen gisteren aan Oekraïne "
                            "uitleverden.", ACTORS)
    assert not any(src == "RUSMIL" for src, _, _ in rows), rows
    # the subject phrase's owner is the doer
    rows = coded_actor_rows("Polen meldt dat de regering van Polen de Russische militairen gisteren aan Oekraïne "
                            "uitleverde.", ACTORS)
    assert ("POL", "RUSMIL", "06") in rows and not any(src == "RUSMIL" for src, _, _ in rows), rows


def test_a_named_subject_of_a_subordinate_clause_stays(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Het werd bekend dat Polen enkele Russische militairen aan Oekraïne heeft uitgeleverd.",
                            ACTORS)
    assert ("POL", "RUSMIL", "06") in rows, rows
    # a name right after a noun is that noun's name, the subject itself
    rows = coded_actor_rows("Het blad schrijft dat de oude partijleider Warschau gisteren Moskou bezocht.", ACTORS)
    assert ("POLGOV", "RUSGOV", "04") in rows, rows


def test_a_noun_between_the_parts_of_a_phrase_trigger_is_its_object(coded_actor_rows: Rows) -> None:
    # the promise, offer or plan is about the sanctions; it imposes none
    for text in ("Warschau beloofde vorige maand de sancties tegen Rusland in te trekken.",
                 "Polen beloofde de strafmaatregelen tegen Rusland terug te draaien."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(r == "16" for _, _, r in rows), (text, rows)
        assert any(r == "03" for _, _, r in rows), (text, rows)


def test_a_sanction_noun_outside_a_phrase_trigger_stays(coded_actor_rows: Rows) -> None:
    assert ("POL", "RUS", "16") in coded_actor_rows("Polen stelde sancties in tegen Rusland.", ACTORS)
