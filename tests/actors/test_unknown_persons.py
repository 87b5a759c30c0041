"""Persons the knowledge base does not know: a state and sector from their apposition, a state from the
article when a first name says the name is a person's, and first names that are also someone's surname. The
sentences are written for the behaviour each test checks."""

from __future__ import annotations

from helpers import code_of, mention_codes, resolve


def test_an_apposition_gives_an_unknown_person_its_state_and_sector() -> None:
    doc = resolve("Jan Pieters, een Belgische diplomaat, werd dinsdag uitgezet. Pieters vertrok woensdag.",
                  "2019-03-12")
    assert code_of(doc, "Jan Pieters") == "BELGOV"
    assert code_of(doc, "Pieters", 1) == "BELGOV"  # the surname later refers back to the same person
    person = next(m for m in doc.mentions if doc.text[m.start : m.end] == "Jan Pieters")
    assert person.actor is not None and person.actor.kind == "person" and person.rule == "name.apposition"
    apposition = next(m for m in doc.mentions if doc.text[m.start : m.end] == "een Belgische diplomaat")
    assert apposition.antecedent == doc.mentions.index(person)


def test_an_apposition_after_a_known_actor_changes_nothing() -> None:
    doc = resolve("Het bezoek, een Belgische diplomaat zag het, verliep rustig.", "2019-03-12")
    assert ("een Belgische diplomaat", "BELGOV", "np.country_agent") in mention_codes(doc)


def test_a_first_name_that_is_someone_s_surname_opens_a_full_name() -> None:
    doc = resolve("De Duitse diplomaat Klaus Bauer sprak met de pers.", "2019-03-12")
    assert ("De Duitse diplomaat Klaus Bauer", "DEUGOV", "np.title_name") in mention_codes(doc)


def test_a_person_named_by_a_first_name_is_of_the_state_the_article_is_about() -> None:
    doc = resolve(
        "Frankrijk staat op zijn kop. In Parijs gingen zaterdag duizenden mensen de straat op tegen de regering "
        "van Frankrijk. Thomas Lefort liep voorop.",
        "2019-03-12",
    )
    assert code_of(doc, "Thomas Lefort") == "FRA"


def test_the_state_of_a_person_named_before_any_state_comes_from_the_whole_article() -> None:
    doc = resolve(
        "Thomas Lefort liep zaterdag voorop. Lefort protesteert al maanden tegen de regering van Frankrijk. "
        "In Frankrijk gaan elke week mensen de straat op.",
        "2019-03-12",
    )
    assert code_of(doc, "Thomas Lefort") == "FRA"
    assert code_of(doc, "Lefort", 1) == "FRA"


def test_a_capitalised_pair_without_a_first_name_stays_unresolved() -> None:
    doc = resolve("Frankrijk staat op zijn kop. In Parijs liep Groene Vlag voorop.", "2019-03-12")
    assert code_of(doc, "Groene Vlag") is None


def test_a_nationality_on_the_noun_before_a_name_gives_its_state() -> None:
    doc = resolve("De Britse schrijver James Whitfield noemt het plan onhaalbaar.", "2019-03-12")
    assert ("James Whitfield", "GBR", "name.demonym") in mention_codes(doc)


def test_a_nationality_in_the_apposition_gives_its_state() -> None:
    doc = resolve("Anna Berg, een Zweedse activiste, werd opgepakt in Moskou.", "2019-03-12")
    assert code_of(doc, "Anna Berg") == "SWE"


def test_a_company_after_a_nationality_is_no_person() -> None:
    doc = resolve("Het Franse bedrijf Groupe Lefort protesteerde.", "2019-03-12")
    assert code_of(doc, "Groupe Lefort") is None


def test_a_title_the_agent_nouns_lack_before_a_surname_in_office_is_no_name_of_its_own() -> None:
    doc = resolve("Orbán viel vorige week Commissievoorzitter Juncker hard aan.", "2019-03-12")
    assert ("Juncker", "EU", "kb.surname") in mention_codes(doc)
    doc = resolve("Volgens Europese Commissievoorzitter Juncker is het akkoord dood.", "2019-03-12")
    assert code_of(doc, "Juncker") == "EU"


def test_a_first_name_before_a_surname_in_office_is_still_another_person() -> None:
    doc = resolve("Orbán sprak gisteren met Ben Timmermans over de plannen.", "2019-03-12")
    assert code_of(doc, "Timmermans") != "EU"


def test_a_sentence_opener_run_into_a_name_before_is_no_surname_later() -> None:
    doc = resolve("Een blik op Maria Smit Ook als zij ziek is, werkt ze door. Ook de regering wil dat.", "2019-03-12")
    second = doc.text.index("Ook de")
    assert not any(m.start == second for m in doc.mentions)
    doc = resolve("Anna Berg, een Zweedse activiste, werd opgepakt. Berg zat vast.", "2019-03-12")
    assert code_of(doc, "Berg", 1) == "SWE"  # a surname that is also an ordinary word still refers back
