"""False events of a third precision round (train-A/B protocol): wordings whose sense is no deed of the coded kind.
Sentences are written for the behaviour, not taken from an annotated article."""

from __future__ import annotations

from collections.abc import Callable

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Polen": ("POL", "POL", "state"),
    "Warschau": ("POL", "POLGOV", "government"),
    "Moskou": ("RUS", "RUSGOV", "government"),
    "Brussel": ("EU", "EU", "organisation"),
    "de smokkelaars": ("POL", "POLCRM", "group"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def test_circumventing_a_person_or_a_control_is_no_defiance(coded_actor_rows: Rows) -> None:
    # "omzeilen", "ontduiken" without a norm as object: going round someone or a check, not defying a norm (128)
    for text in ("Polen probeert Brussel zoveel mogelijk te omzeilen bij de aanbesteding.",
                 "Warschau omzeilde Moskou en sloot zelf een contract met de leverancier.",
                 "De smokkelaars wisten de grenscontrole van Polen te ontduiken."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root == "12" for _, _, root in rows), (text, rows)


def test_circumventing_a_norm_stays_defiance(coded_actor_rows: Rows) -> None:
    rows = coded_actor_rows("Rusland omzeilt de sancties van Polen via een omweg.", ACTORS)
    assert ("RUS", "POL", "12") in rows


def test_a_phrase_about_a_bare_thing_borrows_no_target(coded_actor_rows: Rows) -> None:
    # the preposition that ends the phrase governs a noun phrase without a determiner that names no actor: the
    # phrase is about that thing, and an actor of another clause or the sentence before is not its target
    for text, root in (("Polen sprak met Brussel. Rusland heeft lak aan internationale regels.", "12"),
                       ("Warschau kwam met een plan, waarin Moskou een lans brak voor lagere gasprijzen.", "05")):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(src in ("RUS", "RUSGOV") and r == root for src, _, r in rows), (text, rows)


def test_a_phrase_about_an_actor_keeps_its_target(coded_actor_rows: Rows) -> None:
    assert ("RUS", "POL", "12") in coded_actor_rows("Rusland heeft lak aan Polen.", ACTORS)
    rows = coded_actor_rows("Polen sprak met Brussel. Rusland heeft lak aan de regels van Polen.", ACTORS)
    assert ("RUS", "POL", "12") in rows, rows
    # a clause after the phrase says what it is about: its actor may be the target
    assert ("RUS", "POL", "12") in coded_actor_rows("Rusland heeft er lak aan dat Polen protesteert.", ACTORS)


def test_a_deed_that_is_needed_or_meant_is_not_done(coded_actor_rows: Rows) -> None:
    # "nodig om ... te", "bedoeld om ... te": the clause says what is needed or what something is for
    for text, root in (("Polen heeft eerst een mandaat nodig om met Rusland te overleggen.", "04"),
                       ("Polen zette een regeling op, bedoeld om vluchtelingen uit Rusland op te vangen.", "07")):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(r == root for _, _, r in rows), (text, rows)


def test_a_purpose_after_a_deed_or_a_will_stays(coded_actor_rows: Rows) -> None:
    # without a word of need the purpose clause is left alone; a will to act is an expression of intent
    assert ("POL", "RUS", "04") in coded_actor_rows("Polen reisde af om met Rusland te overleggen.", ACTORS)
    assert ("POL", "RUS", "03") in coded_actor_rows("Polen is bereid om met Rusland te overleggen.", ACTORS)
    assert ("POL", "RUS", "04") in coded_actor_rows("Polen overlegt met Rusland, omdat dat nodig is.", ACTORS)


def test_believing_is_no_praise(coded_actor_rows: Rows) -> None:
    # "gelooft", "geloofde" are forms of geloven, whose first letters only look like the participle prefix of loven
    for text in ("Polen gelooft Rusland niet.", "Warschau gelooft in de plannen van Moskou.",
                 "Polen geloofde Rusland op zijn woord."):
        rows = coded_actor_rows(text, ACTORS)
        assert not any(root == "05" for _, _, root in rows), (text, rows)


def test_praising_stays_praise(coded_actor_rows: Rows) -> None:
    for text in ("Polen looft Rusland om zijn hulp.", "Polen loofde Rusland."):
        assert ("POL", "RUS", "05") in coded_actor_rows(text, ACTORS), text


def test_a_verb_that_starts_with_the_prefix_keeps_it() -> None:
    from dyad.events.candidates import word_keys
    from dyad.events.lexicon import load_lexicon

    inflection = load_lexicon("nl").inflection
    assert "loven" not in word_keys("gelooft", "nl", inflection)
    assert "steunen" in word_keys("gesteund", "nl", inflection)
    assert "loven" in word_keys("looft", "nl", inflection)


def test_warning_that_something_befalls_another_is_a_threat(coded_actor_rows: Rows) -> None:
    # a warning of repercussions is the codebook's 130, not a criticism
    text = "Polen waarschuwt dat Rusland zijn gasleveringen kwijtraakt als het de grens sluit."
    rows = coded_actor_rows(text, ACTORS)
    assert ("POL", "RUS", "13") in rows and ("POL", "RUS", "11") not in rows, rows
    # a warning about a thing keeps its own reading
    assert ("POL", "RUS", "11") in coded_actor_rows("Polen waarschuwt voor een nieuwe crisis met Rusland.", ACTORS)


def test_the_deed_an_accusation_names_leaves_its_doer_to_be_found() -> None:
    # "sprake van massale fraude": the bare object is the deed the entry names (its `with`), no thing that
    # keeps the target from being borrowed from the sentence before
    from dyad.api import analyse
    from dyad.document import Article, PartialDate
    from dyad.records import build_records

    text = ("De Russische kiescommissie liet de stemmen in Moskou hertellen. Volgens oppositieleider Navalny was er "
            "sprake van massale fraude.")
    records = build_records(analyse(Article(id="t", text=text, published=PartialDate.parse("2019-04-01"),
                                            language="nl")))
    assert ("RUS", "RUS", "11") in {(e["source"]["country"], e["target"]["country"], e["cameo"][:2])
                                    for e in records.events}
