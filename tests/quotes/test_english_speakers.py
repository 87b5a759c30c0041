"""English speakers as the attribution names them: a possessor before the speaker, a role with the name in
apposition, titles written in capitals, long subjects after a quotation, and the words that name the speaker
kept beside the name they resolve to. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dyad.api import extract


def _speakers(text: str) -> list[dict[str, Any]]:
    return [q["speaker"] for q in extract(text, "2016-05-02", "en").quotes]


def test_the_speaker_after_a_possessor_is_the_name_after_it() -> None:
    (sp,) = _speakers('"Turnout will be low this year," the Tribune’s Maria Lopez wrote on Sunday.')
    assert sp["name"] == "Maria Lopez"
    assert sp["phrase"] == "the Tribune’s Maria Lopez"
    (sp,) = _speakers("\"We will appeal the ruling,\" Acme's Dan Ortiz said.")
    assert (sp["name"], sp["phrase"]) == ("Dan Ortiz", "Acme's Dan Ortiz")


def test_a_possessed_role_is_the_speaker_not_its_possessor() -> None:
    (sp,) = _speakers('"The governor has no plans to resign," Holt’s chief spokesman said in a statement.')
    assert sp["name"] == "Holt’s chief spokesman"
    # the possessor is no mention of the speaker: a known person before "’s" gives it no actor code
    (sp,) = _speakers('"He is not running again," Barack Obama’s former campaign manager said.')
    assert sp["actor"] is None and "manager" in sp["name"]


def test_a_role_with_its_name_in_apposition_names_the_speaker_by_both() -> None:
    (sp,) = _speakers('"We expect a recount," Reyes’s deputy campaign manager, Tom Bell, said on Monday.')
    assert sp["name"] == "Tom Bell"
    assert sp["phrase"] == "Reyes’s deputy campaign manager, Tom Bell"


def test_a_long_subject_after_the_quotation_still_leads_to_the_cue() -> None:
    (sp,) = _speakers('"The count is not over yet," the county’s senior election law adviser Ann Holt said.')
    assert sp["name"].endswith("Ann Holt")


def test_a_title_written_in_capitals_before_a_name_belongs_to_the_speaker() -> None:
    (sp,) = _speakers('"The vote was a mistake," Senate Minority Whip Carl Dunn said.')
    assert sp["name"] == "Senate Minority Whip Carl Dunn" or sp["name"].endswith("Carl Dunn")
    (sp,) = _speakers('"Our members will strike," Teamsters Local President Rosa Vance said.')
    assert sp["name"].endswith("Rosa Vance")


def test_a_capitalised_word_that_is_no_title_does_not_join_the_speaker() -> None:
    (sp,) = _speakers('"The bridge will open soon," Mayor Ann Holt said.')
    assert sp["name"] == "Mayor Ann Holt"
    assert "phrase" not in sp  # the words are the name


def test_a_pronoun_keeps_its_words_beside_the_person_it_resolves_to() -> None:
    text = 'Ann Holt spoke to the council on Monday. "The budget is balanced," she said.'
    (sp,) = _speakers(text)
    assert (sp["name"], sp["phrase"]) == ("Ann Holt", "she")


def test_a_definite_role_resolved_to_its_holder_keeps_the_role_words() -> None:
    text = ('Senator Tom Reyes arrived late. "The bill will pass," the senator said.')
    (sp,) = _speakers(text)
    assert sp["name"] == "Tom Reyes" or sp["name"] == "Senator Tom Reyes"
    assert sp["phrase"] == "the senator"


def test_a_noun_phrase_the_role_lists_lack_is_the_subject_of_the_cue_after_a_quotation() -> None:
    text = 'Ann Holt posted a video on Thursday. "What if the mayor had lessons?" the 43-year-old asked online.'
    (sp,) = _speakers(text)
    assert sp["name"] == "the 43-year-old"
    (sp,) = _speakers('"The school was a good place," the retired gym teacher said.')
    assert sp["name"] == "the retired gym teacher"


def test_a_clause_is_no_noun_phrase_subject() -> None:
    # "is" stands between the determiner and the cue: no subject there, the quotation goes to no one new
    got = extract('This is what Ann Holt said. "We will win," the crowd chanted.', "2016-05-02", "en").quotes
    assert [q["speaker"]["name"] for q in got] == ["the crowd"]


def test_verbs_of_shouting_and_posting_are_cues() -> None:
    for verb in ("quipped", "shouted", "chanted", "posted"):
        (sp,) = _speakers(f'"This is a rigged system," Tom Reyes {verb} on Monday.')
        assert sp["name"] == "Tom Reyes"


@pytest.mark.parametrize(("text", "name"), [
    # a capitalised word inside a sentence is no cue ("State" is no verb here)
    ('"I cannot imagine it," former State policy planning director Ann Holt wrote.',
     "former State policy planning director Ann Holt"),
    # a name goes on past a mention the resolver cut at an initial
    ('"We spoke about the visit," Ambassador Carl T. Dunn said.', "Ambassador Carl T. Dunn"),
    # the phrase after "for" runs to the name it holds
    ('"The donors gave money," a spokesman for Republican presidential candidate Tom Reyes said.',
     "a spokesman for Republican presidential candidate Tom Reyes"),
    # groups and media roles say things
    ('"Vote them out!" the protesters chanted outside.', "the protesters"),
    ('"It was a long night," House Speaker Carl Dunn said.', "House Speaker Carl Dunn"),
    ('"We have to reach new voters," wrote the authors of the report.', "the authors of the report"),
    # an attribution split off after a question may have a longer tail, or go on after a comma
    ('Tom Reyes met Ann Holt on Monday. "What happened to the promise?" Reyes added during his appearance on '
     "a morning show on Friday.", "Tom Reyes"),
    ('Ann Holt spoke to the host. "The mayor is not sure, but we will see, right?" Holt remarked, '
     "pointing to the actor's latest turn as a rugged frontiersman in a film about the west.", "Ann Holt"),
    # "to" ties a role to the one it serves; scientists are a role
    ('"We have a ton of work to do," a longtime adviser to Mayor Ann Holt said.',
     "a longtime adviser to Mayor Ann Holt"),
    ('"The race is open," State University political scientist Rosa Vance said.',
     "State University political scientist Rosa Vance"),
    # a parenthesis between the speaker and the cue is read past
    ('On Sunday, in Ohio and Iowa, Governor Ann Holt (R-OK) said Tom Reyes is "trying to heal the city."',
     "Governor Ann Holt"),
])
def test_speaker_names_as_the_attribution_writes_them(text: str, name: str) -> None:
    (sp,) = _speakers(text)
    assert sp["name"] == name


def test_a_noun_phrase_with_a_relative_clause_after_the_quotation_is_the_source() -> None:
    text = ('Tom Reyes met Ann Holt on Monday. "The inquiry is moving slowly," an intelligence source, '
            'who asked not to be named, told reporters.')
    (sp,) = _speakers(text)
    assert sp["kind"] == "anonymous" and sp["phrase"] == "an intelligence source"


def test_a_participle_after_a_comma_has_the_subject_of_the_cue_before_it() -> None:
    got = extract('The costs are high, Ann Holt said in Paris on Tuesday, noting the plan "makes no sense."',
                  "2016-05-02", "en").quotes
    assert [(q["speaker"]["name"], q["text"]) for q in got] == [
        ("Ann Holt", "The costs are high"), ("Ann Holt", 'the plan "makes no sense."')]


@pytest.mark.parametrize("text", [
    '"We will not back down," said the former top aide to Governor Ann Holt.',
    '"We will not back down," the top aide to Governor Ann Holt said on Monday.',
    'The acting deputy spokesman for Governor Ann Holt said that the state would not back down.',
])
def test_a_role_after_modifiers_keeps_its_complement_of_to_or_for(text: str) -> None:
    (sp,) = _speakers(text)
    words = sp["name"].split()
    assert words[-2:] == ["Ann", "Holt"] and ("aide" in words or "spokesman" in words)


@pytest.mark.parametrize(("text", "name"), [
    ('"The base stays open," said Brig. Gen. Rosa Vance, the base commander.', "Brig. Gen. Rosa Vance"),
    ('"The base stays open," Army Lt. Gen. Rosa Vance told reporters.', "Army Lt. Gen. Rosa Vance"),
    ('"We found nothing," said Det. Sgt. Carl Dunn, a police officer.', "Det. Sgt. Carl Dunn"),
])
def test_abbreviated_titles_stay_inside_the_speaker_phrase(text: str, name: str) -> None:
    (sp,) = _speakers(text)
    assert sp["name"] == name


def test_the_words_after_a_speaker_noun_that_say_which_one_it_is_belong_to_its_phrase() -> None:
    from dyad.api import extract

    text = '"We expect a long fight over the budget," said one Republican involved in the planning.'
    (q,) = extract(text, "2016-05-02", "en").quotes
    assert q["speaker"]["phrase"] == "one Republican involved in the planning"
    text = '"We expect a long fight over the budget," said a source familiar with the talks.'
    (q,) = extract(text, "2016-05-02", "en").quotes
    assert q["speaker"]["kind"] == "anonymous" and q["speaker"]["phrase"] == "a source familiar with the talks"


def test_a_participle_glued_to_a_place_by_a_hyphen_keeps_the_role_and_name_after_it() -> None:
    from dyad.api import extract

    text = '"We expect a long fight over the budget this year," said Boston-based attorney Mark Tolliver.'
    (q,) = extract(text, "2016-05-02", "en").quotes
    assert q["speaker"]["name"].endswith("Mark Tolliver")


@pytest.mark.parametrize(("text", "phrase"), [
    ('"The numbers do not add up for him," said a strategist for one of the rival campaigns.',
     "a strategist for one of the rival campaigns"),
    ('"We will keep the office open all winter," said an organizer for one of the local groups, who asked not to '
     'be named.', "an organizer for one of the local groups"),
    # a time word or an auxiliary ends the words that say which one it is
    ('"We are not worried about the polls," a strategist for one of the campaigns said on Tuesday.',
     "a strategist for one of the campaigns"),
    ('"We are not worried," said a strategist for one of the campaigns last week.',
     "a strategist for one of the campaigns"),
])
def test_a_speaker_noun_with_of_or_for_after_it_keeps_those_words_in_its_phrase(text: str, phrase: str) -> None:
    (sp,) = _speakers(text)
    assert (sp.get("phrase") or sp["name"]) == phrase


@pytest.mark.parametrize(("text", "name"), [
    ('"I think she will carry the state by a wide margin," said the 52-year-old, who runs a bakery downtown.',
     "the 52-year-old"),
    ('"They have no ground game in the county at all," said one well-connected Democrat.',
     "one well-connected Democrat"),
    ('"They have no ground game in the county at all," the Republican vice-presidential nominee said.',
     "the Republican vice-presidential nominee"),
    ('"We will not give up this seat," said a long-time aide to the governor.', "a long-time aide to the governor"),
])
def test_words_written_with_a_hyphen_stay_inside_the_speaker_phrase(text: str, name: str) -> None:
    (sp,) = _speakers(text)
    assert sp["name"] == name
