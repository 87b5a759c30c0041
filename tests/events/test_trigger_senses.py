"""Senses of Dutch trigger words that report no event of their root, each beside a sentence of the same words
that does: a deed named as the matter in hand ("in verband met de aanval"), political contests read as fights,
"betogen" as arguing, a crowd's storming against a party's, "danken" as owing, comments about a state of
affairs, agreeing to a bill, and an arms race as a state of affairs. Sentences written for the rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document
from dyad.events.coder import LexiconCoder

ACTORS: dict[str, tuple[str, str, str]] = {
    "Turkije": ("TUR", "TUR", "state"),
    "Syrië": ("SYR", "SYR", "state"),
    "Rusland": ("RUS", "RUS", "state"),
    "de VS": ("USA", "USA", "state"),
    "Duitsland": ("DEU", "DEU", "state"),
    "Biden": ("USA", "USAGOV", "person"),
    "Trump": ("USA", "USAGOV", "person"),
    "Rutte": ("NLD", "NLDGOV", "person"),
    "Wilders": ("NLD", "NLDPTY", "person"),
    "Maduro": ("VEN", "VENGOV", "person"),
    "Guaidó": ("VEN", "VENOPP", "person"),
    "De rebellen": ("SYR", "SYRREB", "group"),
    "Assad": ("SYR", "SYRGOV", "person"),
    "de Franse ambassade": ("FRA", "FRAGOV", "government"),
    "De oppositie": ("VEN", "VENOPP", "group"),
}

Rows = Callable[..., set[tuple[str | None, ...]]]


def _roots(rows: Rows, text: str) -> set[tuple[str | None, ...]]:
    return rows(text, ACTORS)


@pytest.mark.parametrize(("sentence", "root"), [
    ("Turkije bestraft De rebellen naar aanleiding van de aanval op Syrië.", "19"),
    ("Turkije beschuldigt Assad in verband met de moord op De rebellen.", "18"),
    ("Assad sprak met Turkije in reactie op nieuwe sancties tegen Rusland.", "16"),
    ("De prijzen in Turkije stijgen als gevolg van de sancties tegen Rusland.", "16"),
    ("Turkije schreef een rapport over de bombardementen in Syrië.", "19"),
])
def test_a_deed_named_as_the_matter_in_hand_is_no_new_deed(coded_actor_rows: Rows, sentence: str, root: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, sentence) if r[2] == root}


def test_in_verband_met_is_no_form_of_verbannen(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Turkije beschuldigt Assad in verband met de moord op De rebellen.")
    assert ("TUR", "SYRGOV", "11") in rows
    assert not {r for r in rows if r[2] == "17"}


def test_a_deed_done_by_the_subject_is_coded(coded_actor_rows: Rows) -> None:
    assert ("TUR", "SYR", "19") in _roots(coded_actor_rows, "Turkije begon gisteren een aanval op Syrië.")


def test_a_topic_named_with_its_doer_is_coded(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Duitsland is bezorgd over de bombardementen van Turkije.")
    assert {r for r in rows if r[0] == "TUR" and r[2] == "19"}


@pytest.mark.parametrize("sentence", [
    "Biden besloot vorig jaar de strijd met Trump niet aan te gaan.",
    "Rutte diende een wet in. Wilders strijdt al jaren tegen de nieuwe wet.",
    "Biden vecht voor zijn politieke toekomst tegen Trump.",
])
def test_a_politician_s_contest_is_no_fight(coded_actor_rows: Rows, sentence: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, sentence) if r[2] == "19"}


def test_armed_forces_fighting_a_foe_named_in_the_clause_fight(coded_actor_rows: Rows) -> None:
    assert ("SYRREB", "SYRGOV", "19") in _roots(coded_actor_rows, "De rebellen vechten al maanden tegen Assad.")


@pytest.mark.parametrize("sentence", [
    "Guaidó betoogde dat Maduro de verkiezingen had vervalst.",
    "Guaidó heeft in zijn betogen over Maduro nooit overdreven.",
])
def test_betogen_as_arguing_is_no_demonstration(coded_actor_rows: Rows, sentence: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, sentence) if r[2] == "14"}


def test_a_crowd_betoogt_in_the_street(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "De oppositie betoogde zaterdag met duizenden mensen in de straten tegen Maduro.")
    assert ("VENOPP", "VENGOV", "14") in rows


def test_a_party_storming_the_polls_is_no_riot(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "De partij van Wilders bestormt de peilingen en het kabinet van Rutte wankelt.")
    assert not {r for r in rows if r[2] == "14"}


def test_a_crowd_storming_an_embassy_riots(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Boze betogers uit Turkije bestormden gisteren de Franse ambassade in Ankara.")
    assert {r for r in rows if r[2] == "14"}


def test_owing_something_to_someone_is_no_praise(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Guaidó heeft zijn snelle opkomst vooral te danken aan de fouten van Maduro.")
    assert not {r for r in rows if r[2] == "05"}


def test_thanking_someone_for_something_is_praise(coded_actor_rows: Rows) -> None:
    assert ("VENOPP", "DEU", "05") in _roots(coded_actor_rows, "Guaidó dankte Duitsland voor de steun.")


def test_worry_about_a_state_of_affairs_borrows_no_target(coded_actor_rows: Rows) -> None:
    text = "Rusland stuurt schepen naar de Noordzee. Rutte vreest voor de veiligheid van de vissers."
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == "01"}


@pytest.mark.parametrize("sentence", [
    "Rutte maakt zich zorgen over Rusland.",
    "Rutte maakt zich zorgen dat Rusland de grens sluit.",
])
def test_worry_about_an_actor_is_a_pessimistic_comment(coded_actor_rows: Rows, sentence: str) -> None:
    assert ("NLDGOV", "RUS", "01") in _roots(coded_actor_rows, sentence)


def test_agreeing_to_a_bill_borrows_no_target(coded_actor_rows: Rows) -> None:
    text = "Rutte diende vorige maand een wet in. Wilders stemde gisteren in met de wet."
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == "01"}


def test_agreeing_with_an_actor_expresses_accord(coded_actor_rows: Rows) -> None:
    assert ("NLDPTY", "NLDGOV", "01") in _roots(coded_actor_rows, "Wilders is het op dit punt eens met Rutte.")


def test_an_arms_race_feared_is_no_build_up(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Rutte waarschuwt voor een nieuwe wapenwedloop tussen Rusland en de VS.")
    assert not {r for r in rows if r[2] == "15"}


def test_starting_an_arms_race_builds_up_forces(coded_actor_rows: Rows) -> None:
    assert ("RUS", "USA", "15") in _roots(coded_actor_rows, "Rusland begint een nieuwe wapenwedloop met de VS.")


@pytest.mark.parametrize(("text", "root"), [
    ("Rusland sloot vorige week de grens. Duitsland is sceptisch over de nieuwe regels aan de grens.", "01"),
    ("Maduro sprak gisteren in Caracas. Guaidó is blij met de uitslag van de peiling.", "05"),
])
def test_a_phrase_about_a_thing_borrows_no_target(coded_actor_rows: Rows, text: str, root: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == root}


@pytest.mark.parametrize(("text", "row"), [
    ("Duitsland is sceptisch over Rusland.", ("DEU", "RUS", "01")),
    ("Guaidó is blij met Duitsland.", ("VENOPP", "DEU", "05")),
])
def test_a_phrase_about_an_actor_has_its_target(coded_actor_rows: Rows, text: str, row: tuple[str, ...]) -> None:
    assert row in _roots(coded_actor_rows, text)


@pytest.mark.parametrize(("text", "root"), [
    ("Turkije liet de gearresteerde journalisten uit Duitsland vrij.", "17"),
    ("Rutte noemde de bedreigende taal van Wilders onacceptabel.", "13"),
])
def test_a_participle_before_its_noun_reports_no_deed(coded_actor_rows: Rows, text: str, root: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == root}


@pytest.mark.parametrize(("text", "row"), [
    ("Turkije heeft twee journalisten uit Duitsland gearresteerd.", ("TUR", "DEU", "17")),
    ("De rebellen zetten de strijd tegen Assad voort.", ("SYRREB", "SYRGOV", "19")),
])
def test_a_verb_or_its_noun_use_reports_the_deed(coded_actor_rows: Rows, text: str, row: tuple[str, ...]) -> None:
    assert row in _roots(coded_actor_rows, text)


@pytest.mark.parametrize("text", [
    "Vorige maand verraste Rutte Duitsland door aan te kondigen dat Nederland meer geld uitgeeft.",
    "Rutte zei dat hij Duitsland vroeg waarom de steun aan Turkije uitbleef.",
])
def test_no_appeal_in_a_month_or_a_question(coded_actor_rows: Rows, text: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == "02"}


@pytest.mark.parametrize("text", [
    "Rutte maande Duitsland vorige week aan tot spoed.",
    "Rutte zei dat hij Duitsland om steun vroeg.",
])
def test_urging_and_asking_for_something_appeal(coded_actor_rows: Rows, text: str) -> None:
    assert {r for r in _roots(coded_actor_rows, text) if r[2] == "02"}


def test_the_chance_of_a_deed_is_no_deed(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Turkije vergroot de kans op onderhandelingen met Syrië.")
    assert not {r for r in rows if r[2] == "04"}



def _aid_rows(make_doc: Callable[..., Document], text: str, people: str) -> set[tuple[str | None, ...]]:
    actors = {**ACTORS, "Nederlanders": ("NLD", "NLD", "state"), "Nederland": ("NLD", "NLD", "state"),
              "Venezuela": ("VEN", "VEN", "state")}
    doc = make_doc(text, actors)
    for m in doc.mentions:
        m.people = doc.text[m.start : m.end] == people
    LexiconCoder("nl")(doc)
    return {(e.source.actor, e.target.actor, e.cameo[:2]) for e in doc.events}


def test_a_people_giving_gives_no_aid_of_its_state(make_doc: Callable[..., Document]) -> None:
    rows = _aid_rows(make_doc, "Vorig jaar stuurden Nederlanders veel noodhulp naar Venezuela.", people="Nederlanders")
    assert not {r for r in rows if r[2] == "07"}


def test_a_state_giving_aid_provides_aid(make_doc: Callable[..., Document]) -> None:
    rows = _aid_rows(make_doc, "Vorig jaar stuurde Nederland veel noodhulp naar Venezuela.", people="")
    assert ("NLD", "VEN", "07") in rows


@pytest.mark.parametrize(("text", "root"), [
    ("Turkije wil Duitsland niet boos maken omdat het graag zaken wil doen in Azië.", "03"),
    ("Rutte wil de spoedvergadering met Duitsland niet afwachten.", "02"),
])
def test_business_in_a_market_and_a_meeting_named_alone_are_no_intent_or_appeal(
    coded_actor_rows: Rows, text: str, root: str
) -> None:
    assert not {r for r in _roots(coded_actor_rows, text) if r[2] == root}


@pytest.mark.parametrize(("text", "row"), [
    ("Turkije wil met Duitsland zaken doen.", ("TUR", "DEU", "03")),
    ("Rutte riep Duitsland op tot een spoedvergadering.", ("NLDGOV", "DEU", "02")),
])
def test_business_with_an_actor_and_asking_for_a_meeting(
    coded_actor_rows: Rows, text: str, row: tuple[str, ...]
) -> None:
    assert row in _roots(coded_actor_rows, text)


@pytest.mark.parametrize("sentence", [
    "De oppositie bestookt Maduro al weken met vragen.",  # pounding with words is no use of force
    "Rusland bestookt Duitsland met propaganda.",
    "Rutte werd door Wilders bestookt met verwijten.",
])
def test_pounding_with_words_is_no_fight(coded_actor_rows: Rows, sentence: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, sentence) if r[2] == "19"}


def test_pounding_a_foe_with_no_weapon_named_is_force(coded_actor_rows: Rows) -> None:
    assert ("TUR", "SYR", "19") in _roots(coded_actor_rows, "Turkije heeft Syrië opnieuw bestookt.")


@pytest.mark.parametrize(("sentence", "wrong", "right"), [
    # announcing sanctions or an offensive is no intent to ease them: the easing must be said too
    ("Duitsland kondigde nieuwe sancties tegen Rusland aan.", "0354", "16"),
    ("Rusland kondigde een nieuw offensief aan tegen Turkije.", "0356", "19"),
])
def test_the_thing_an_intent_to_ease_names_is_not_enough(
    coded_actor_rows: Rows, sentence: str, wrong: str, right: str
) -> None:
    doc_rows = _roots(coded_actor_rows, sentence)
    assert {r[2] for r in doc_rows} == {right}, doc_rows


@pytest.mark.parametrize(("sentence", "code"), [
    ("Duitsland beloofde Rusland de sancties op te heffen.", "0354"),
    ("Rusland is bereid de sancties tegen Turkije te versoepelen.", "0354"),
    ("Rusland beloofde Turkije een staakt-het-vuren.", "0356"),
])
def test_a_promise_to_ease_is_an_intent_to_ease(sentence: str, code: str, make_doc: Callable[..., Document]) -> None:
    coder = LexiconCoder("nl")
    doc = make_doc(sentence, ACTORS)
    coder(doc)
    assert code in {e.cameo for e in doc.events}, [(e.rule, e.cameo) for e in doc.events]


def test_a_state_that_protests_objects_and_does_not_march(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "Turkije protesteerde tegen de uitlatingen van Duitsland.")
    assert ("TUR", "DEU", "11") in rows and not {r for r in rows if r[2] == "14"}, rows


def test_a_crowd_that_protests_demonstrates(coded_actor_rows: Rows) -> None:
    rows = _roots(coded_actor_rows, "De rebellen protesteerden tegen Assad.")
    assert ("SYRREB", "SYRGOV", "14") in rows, rows


@pytest.mark.parametrize("sentence", [
    # a plural noun in the infinitive's form after an article is no verb of the clause's subject
    "Duitsland veroordeelde de aanvallen van Rusland.",
    "Duitsland heeft de Russische aanvallen veroordeeld.",
])
def test_a_condemned_attack_is_no_attack_by_who_condemns_it(coded_actor_rows: Rows, sentence: str) -> None:
    rows = _roots(coded_actor_rows, sentence)
    assert not {r for r in rows if r[0] == "DEU" and r[2] == "19"}, rows


def test_an_infinitive_after_its_object_is_still_the_verb(coded_actor_rows: Rows) -> None:
    assert ("RUS", "DEU", "19") in _roots(coded_actor_rows, "Rusland wil Duitsland aanvallen.")


@pytest.mark.parametrize("sentence", [
    # "dreigen te" with a misfortune: in danger of, no threat
    "Rutte dreigt zetels te verliezen aan Wilders.",
    "Rutte dreigt de deadline van Duitsland te missen.",
    # "uithalen" without "naar": taking something out, no criticism
    "Rutte haalde een brief van Wilders uit zijn binnenzak.",
])
def test_words_of_threat_and_attack_in_their_other_sense(coded_actor_rows: Rows, sentence: str) -> None:
    assert not {r for r in _roots(coded_actor_rows, sentence) if r[2] in ("11", "13")}, _roots(
        coded_actor_rows, sentence)


@pytest.mark.parametrize(("sentence", "row"), [
    ("Rutte haalde hard uit naar Wilders.", ("NLDGOV", "NLDPTY", "11")),
    ("Rusland dreigde Duitsland met een boycot.", ("RUS", "DEU", "13")),
])
def test_words_of_threat_and_attack_in_their_own_sense(
    coded_actor_rows: Rows, sentence: str, row: tuple[str, str, str]
) -> None:
    assert row in _roots(coded_actor_rows, sentence)
