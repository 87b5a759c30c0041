"""Actors the text gives no state: domestic agents, titles before unknown names, group pronouns, one person
of a people. Sentences are written for the behaviour."""

from __future__ import annotations

import copy

import pytest
from helpers import code_of, resolve

from dyad.actors.lexicon import load_lexicon, parse_lexicon
from dyad.actors.resolver import KBResolver
from dyad.document import Name, PartialDate
from dyad.errors import ConfigError
from dyad.lang.data import load_language_data
from dyad.lang.layer import analyse_text

FRANCE = "Frankrijk is in rep en roer. Parijs stuurt extra troepen. De Franse regering vergadert. "


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Demonstranten blokkeerden gisteren de snelweg bij Utrecht.", "Demonstranten", "NLDOPP"),
        ("De vakbonden kondigen voor volgende week een staking aan.", "De vakbonden", "NLDLAB"),
        ("De provinciale autoriteiten zwijgen over de kosten.", "De provinciale autoriteiten", "NLDGOV"),
        ("Volgens de rechtbank was de aanhouding onrechtmatig.", "de rechtbank", "NLDJUD"),
        ("Werkgevers waarschuwen voor hogere lasten.", "Werkgevers", "NLDBUS"),
        ("De staatssecretaris heeft een fout gemaakt.", "De staatssecretaris", "NLDGOV"),
        ("Honderd scholieren protesteerden bij het stadhuis.", "scholieren", "NLDEDU"),
    ],
)
def test_a_domestic_agent_with_no_state_named_is_the_home_countrys(text: str, phrase: str, code: str) -> None:
    assert code_of(resolve(text, "2019-03"), phrase) == code


def test_a_domestic_agent_in_an_article_about_another_state_is_that_states() -> None:
    doc = resolve(FRANCE + "De politie joeg de betogers met waterkanonnen uiteen.", "2019-03")
    assert code_of(doc, "De politie") == "FRACOP"
    assert code_of(doc, "betogers") == "FRAOPP"


def test_our_government_is_the_home_countrys_even_in_an_article_about_another_state() -> None:
    doc = resolve(FRANCE + "Het voorstel aan onze regering is helder.", "2019-03")
    assert code_of(doc, "onze regering") == "NLDGOV"
    assert code_of(resolve("Het regent, zegt ons de weerman.", "2019-03"), "ons") is None


def test_the_plural_of_a_body_each_state_has_one_of_is_no_one_states() -> None:
    assert code_of(resolve("De regeringen willen eerst overleggen.", "2019-03"), "De regeringen") is None


def test_an_agent_owned_by_what_follows_or_of_the_past_is_not_the_states() -> None:
    doc = resolve("Een woordvoerder van de stichting zei dat. De voormalige staatssecretaris zweeg.", "2019-03")
    assert code_of(doc, "woordvoerder") is None
    assert code_of(doc, "staatssecretaris") is None


def test_parties_and_the_public_are_not_taken_for_the_state() -> None:
    doc = resolve("De partij wil meer geld voor de zorg. De kiezers twijfelen nog.", "2019-03")
    assert code_of(doc, "De partij") is None
    assert code_of(doc, "De kiezers") is None


def test_a_role_without_a_state_function_and_without_a_name_is_left_alone() -> None:
    assert code_of(resolve("De directeur wilde niet reageren.", "2019-03"), "De directeur") is None


def test_a_title_before_an_unknown_name_gives_the_person_the_articles_state() -> None:
    doc = resolve("Kamerlid Piet Pietersen stelde vragen over de zaak. Pietersen wil opheldering.", "2019-03")
    assert code_of(doc, "Kamerlid Piet Pietersen") == "NLDLEG"
    assert code_of(doc, "Pietersen", 1) == "NLDLEG"
    doc = resolve(FRANCE + "Advocaat Jean Dupont noemt de aanhouding onwettig.", "2019-03")
    assert code_of(doc, "Advocaat Jean Dupont") == "FRAJUD"


def test_group_pronouns_refer_to_a_group_named_just_before() -> None:
    doc = resolve("De vakbonden kondigen een staking aan. Ze willen meer loon.", "2019-03")
    assert code_of(doc, "Ze") == "NLDLAB"
    doc = resolve("Omdat de provinciale autoriteiten de klachten afwijzen, stappen zij niet naar de rechter.",
                  "2019-03")
    assert code_of(doc, "zij") == "NLDGOV"


def test_a_group_pronoun_is_not_bound_in_its_own_clause_nor_far_back() -> None:
    assert code_of(resolve("De politie hield ze gisteren aan.", "2019-03"), "ze") is None
    doc = resolve("De vakbonden kondigen een staking aan. Het regent. Het waait. Ze willen meer loon.", "2019-03")
    assert code_of(doc, "Ze") is None


def test_a_womans_ze_does_not_fall_back_to_a_group() -> None:
    doc = resolve("De bonden waren boos. Anneke Smit zegt dat ze het er niet mee eens is.", "2019-03")
    assert code_of(doc, "ze") != "NLDLAB"


def test_one_person_of_a_people_is_that_state() -> None:
    doc = resolve("Een Belg en een Amerikaan zijn vrijgelaten. De Nederlander moet nog een jaar wachten.", "2019-03")
    assert [code_of(doc, w) for w in ("Belg", "Amerikaan", "Nederlander")] == ["BEL", "USA", "NLD"]
    # "Frans" is the adjective and a first name, not a singular of "Fransen"
    assert code_of(resolve("Frans Timmermans reageerde.", "2019-03"), "Frans") == "EU"


def test_singular_demonyms_follow_the_endings_of_the_language() -> None:
    lex = load_lexicon("nl")
    assert [lex.singular_demonym(d) for d in ("Nederlanders", "Amerikanen", "Britten", "Russen", "Belgen")] == [
        "Nederlander", "Amerikaan", "Brit", "Rus", "Belg"]
    assert lex.singular_demonym("Noord Koreanen") is None


def test_dutch_cabinet_members_and_institutions_are_known() -> None:
    doc = resolve("Koolmees wil het niet. De Spaanse Hoge Raad oordeelt anders. De FNV is boos.", "2019-03")
    assert [code_of(doc, w) for w in ("Koolmees", "De Spaanse Hoge Raad", "FNV")] == ["NLDGOV", "ESPJUD", "NLDLAB"]


def test_an_unknown_person_the_tagger_names_takes_the_articles_state() -> None:
    text = FRANCE + "Marie Lefebvre vindt het onzin."
    doc = analyse_text(text, "nl", PartialDate.parse("2019-03"))
    start = text.index("Marie")
    first = next(t.i for t in doc.tokens if t.start == start)
    sentence = next(s.index for s in doc.sentences if s.token_start <= first < s.token_end)
    doc.names = [Name(start, start + len("Marie Lefebvre"), first, first + 2, "PER", sentence)]
    KBResolver("nl", {})(doc)
    assert code_of(doc, "Marie Lefebvre") == "FRA"
    assert next(m for m in doc.mentions if m.token_start == first).people


@pytest.mark.parametrize("key, value", [("demonym_singulars", ["ers"]), ("group_pronouns", "ze"),
                                        ("one_per_state", [1])])
def test_the_new_lexicon_keys_are_checked(key: str, value: object) -> None:
    data = copy.deepcopy(load_language_data("nl", "agents"))
    data[key] = value
    with pytest.raises(ConfigError):
        parse_lexicon("nl", data)


def test_a_domestic_agent_before_the_article_names_its_state_is_of_the_state_named_after() -> None:
    text = ("De oproerpolitie zette traangas in tegen de betogers. Ze trokken zich terug. Frankrijk is al weken "
            "onrustig. De Franse regering overlegt met de vakbonden. Frankrijk wil rust.")
    doc = resolve(text, "2019-03")
    assert code_of(doc, "De oproerpolitie") == "FRACOP"
    assert code_of(doc, "betogers") == "FRAOPP"
    assert code_of(doc, "Ze") in ("FRACOP", "FRAOPP")  # the pronoun follows the group it refers to


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Het kabinet vergadert vandaag. In Lyon werden gisteren demonstranten opgepakt.", "demonstranten",
         "FRAOPP"),
        ("Agenten hielden te Marseille twintig relschoppers aan.", "Agenten", "FRACOP"),
        ("De rechtbank in Hamburg sprak de verdachte vrij.", "De rechtbank", "DEUJUD"),
    ],
)
def test_a_domestic_agent_takes_the_state_of_the_place_its_sentence_names(text: str, phrase: str, code: str) -> None:
    assert code_of(resolve(text, "2019-03"), phrase) == code


def test_a_domestic_agent_stays_the_home_countrys_when_nothing_says_where() -> None:
    doc = resolve("De politie zette traangas in tegen de betogers. Het kabinet wil een onderzoek.", "2019-03")
    assert code_of(doc, "De politie") == "NLDCOP"
    assert code_of(doc, "betogers") == "NLDOPP"
