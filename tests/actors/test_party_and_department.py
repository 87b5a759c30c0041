"""A party referred to by "de partij" / "de fractie", and ministries named by their portfolio alone
("Defensie", "Justitie"). Sentences are written for the behaviour."""

from __future__ import annotations

import pytest
from helpers import code_of, resolve

from dyad.actors.lexicon import load_lexicon, parse_lexicon
from dyad.errors import ConfigError
from dyad.lang.data import load_language_data

FRANCE = "Frankrijk is in rep en roer. Parijs stuurt extra troepen. De Franse regering vergadert. "


def test_the_party_is_the_party_named_before() -> None:
    doc = resolve("De SP presenteerde gisteren haar programma. De partij wil de huren bevriezen.", "2019-03")
    assert code_of(doc, "De partij") == "NLDPTY"
    doc = resolve("De AKP verloor in Ankara. Volgens de fractie is er gefraudeerd bij het tellen.", "2019-04")
    assert code_of(doc, "de fractie") == "TURPTY"


def test_the_party_of_a_politician_named_before_is_of_his_state() -> None:
    doc = resolve("Geert Wilders sprak zijn achterban toe. De partij blijft in de oppositie.", "2019-03")
    assert code_of(doc, "De partij") == "NLDPTY"


def test_parties_and_a_party_with_nothing_named_before_stay_unresolved() -> None:
    assert code_of(resolve("De partij wil meer geld voor de zorg.", "2019-03"), "De partij") is None
    doc = resolve("De VVD won. Alle partijen feliciteerden haar. Een partij bleef weg.", "2019-03")
    assert code_of(doc, "partijen") is None
    assert code_of(doc, "Een partij") is None


def test_a_party_named_long_ago_of_a_state_the_article_is_not_about_is_no_antecedent() -> None:
    text = ("Labour deed mee. " + FRANCE + "Parijs zwijgt. Frankrijk wacht. De Franse premier twijfelt. "
            "De partij van de premier aarzelt. Ook de partij zelf zwijgt.")
    assert code_of(resolve(text, "2019-03"), "de partij zelf") is None


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Defensie wil het kazerneterrein verkopen.", "Defensie", "NLDMIL"),
        ("Volgens Justitie is de verdachte gevlucht.", "Justitie", "NLDJUD"),
        ("Het bedrag is bij Financiën bekend.", "Financiën", "NLDGOV"),
        ("Buitenlandse Zaken ontbood de ambassadeur.", "Buitenlandse Zaken", "NLDGOV"),
    ],
)
def test_a_ministry_named_by_its_portfolio_is_the_home_countrys(text: str, phrase: str, code: str) -> None:
    assert code_of(resolve(text, "2019-03"), phrase) == code


def test_a_ministry_named_by_its_portfolio_in_an_article_about_another_state_is_that_states() -> None:
    assert code_of(resolve(FRANCE + "Defensie stuurt fregatten.", "2019-03"), "Defensie") == "FRAMIL"


def test_a_portfolio_after_an_office_or_in_lower_case_is_no_ministry_of_its_own() -> None:
    doc = resolve("De staatssecretaris van Justitie reageerde niet.", "2019-03")
    assert code_of(doc, "Justitie") in (None, "NLDGOV")
    assert all(m.rule != "coref.department_article_state" for m in doc.mentions)
    doc = resolve("De defensie van het land is zwak.", "2019-03")
    assert all(m.rule != "coref.department_article_state" for m in doc.mentions)


def test_the_senate_in_lower_case_is_the_legislature_of_the_articles_state() -> None:
    assert code_of(resolve("De senaat stemt dinsdag over de wet.", "2019-03"), "De senaat") == "NLDLEG"


def test_antecedent_agents_and_departments_are_checked() -> None:
    data = dict(load_language_data("nl", "agents"))
    assert "PTY" in load_lexicon("nl").antecedent_agents
    with pytest.raises(ConfigError, match="antecedent_agents"):
        parse_lexicon("nl", {**data, "antecedent_agents": ["PARTY"]})
    with pytest.raises(ConfigError, match="kind must be"):
        parse_lexicon("nl", {**data, "agents": [{"code": "GOV", "kind": "ministry", "forms": ["Defensie"]}]})


def test_a_surname_of_a_person_named_before_is_that_person_not_another_known_by_the_name() -> None:
    doc = resolve("De Franse premier Édouard Philippe sprak het parlement toe. Philippe wil orde.", "2019-03")
    assert code_of(doc, "Philippe", 1) == "FRAGOV"


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("SP-Kamerlid Anna de Vries stelde vragen over de huren.", "SP-Kamerlid Anna de Vries", "NLDLEG"),
        ("Gisteren zei de CDA-senator dat hij tegen zal stemmen.", "de CDA-senator", "NLDLEG"),
        ("Labour-leider Keir Starmer wil nieuwe verkiezingen.", "Labour-leider Keir Starmer", "GBR"),
    ],
)
def test_a_party_glued_to_an_agent_noun_is_one_mention_with_it(text: str, phrase: str, code: str) -> None:
    # "SP-Kamerlid X" is one actor, the member; the party on the same word is no second mention beside it
    doc = resolve(text, "2021-03")
    start = text.find(phrase)
    covering = [m for m in doc.mentions if m.start < start + len(phrase) and start < m.end]
    assert [(text[m.start : m.end]) for m in covering] == [phrase]
    actor = covering[0].actor
    assert actor is not None and actor.code.startswith(code)
