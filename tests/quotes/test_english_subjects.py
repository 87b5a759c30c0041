"""English subjects of reported speech as the attribution names them: the whole subject before the cue
(coordinated phrases, complements and participles after the noun), shares of a group ("nearly half of the
voters"), sources after "according to" that the phrase lists do not know, noun phrases tied to another by a
preposition, and an apposition the actor resolver's mention holds. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from dyad.api import extract


def _quotes(text: str) -> list[dict[str, Any]]:
    return list(extract(text, "2016-05-02", "en").quotes)


def test_the_words_of_a_coordinated_subject_name_the_speaker() -> None:
    (q,) = _quotes("Ann Holt and her two lawyers have said the firm would reopen in the spring.")
    assert q["text"] == "the firm would reopen in the spring"
    assert q["speaker"]["name"] == "Ann Holt"
    assert q["speaker"]["phrase"] == "Ann Holt and her two lawyers"


def test_a_complement_or_participle_after_the_subject_is_part_of_its_words() -> None:
    (q,) = _quotes("Organizers of the spring march repeatedly said they would stay peaceful.")
    assert q["speaker"]["phrase"] == "Organizers of the spring march"
    (q,) = _quotes("A survey released Friday by the county college shows that Holt leads the field.")
    assert q["speaker"]["phrase"] == "A survey released Friday by the county college"
    assert q["text"] == "Holt leads the field"


def test_the_subject_runs_on_only_within_its_clause() -> None:
    # a finite verb between the phrase and the cue: a clause of its own, not part of the subject
    (q,) = _quotes("Neither Ann Holt nor Bo Ross has won a state and Dale firmly suggested they quit.")
    assert "Dale" not in (q["speaker"].get("phrase") or "")
    # a comma ends the subject: the apposition is not run into it
    (q,) = _quotes("Ann Holt, who chairs the board, said the plan would pass.")
    assert q["speaker"]["name"] == "Ann Holt"
    assert "phrase" not in q["speaker"]


def test_a_share_of_a_group_is_the_speaker() -> None:
    texts = {
        "Sixty-two percent said the mayor deserved another term.": "Sixty-two percent",
        "Nearly half of the likely voters said they were undecided.": "Nearly half of the likely voters",
        "About 3 in 10 say the road plan is a waste.": "About 3 in 10",
        "Most have argued that the levy is too high.": "Most",
    }
    for text, name in texts.items():
        (q,) = _quotes(text)
        assert q["speaker"]["name"] == name, text


def test_a_share_needs_a_number_or_a_share_word() -> None:
    # "the other day" holds no share: no group, and no speaker is made up for the cue
    assert _quotes("About the other day said nothing.") == []


def test_a_share_of_a_group_is_no_person_a_pronoun_stands_for() -> None:
    text = ("Ann Holt spoke at the rally. Thirty percent said the rally was too long. "
            '"We will be back next year with a bigger crowd and a longer list," she said.')
    quotes = _quotes(text)
    assert quotes[-1]["speaker"]["name"] == "Ann Holt"


def test_according_to_a_source_the_lists_do_not_know() -> None:
    (q,) = _quotes("According to exit polls, Holt won most voters over sixty.")
    assert (q["speaker"]["name"], q["text"]) == ("exit polls", "Holt won most voters over sixty")
    (q,) = _quotes("The region had 15 new schools in 2014, according to the newest figures from the county "
                   "office.")
    assert q["speaker"]["name"] == "the newest figures from the county office"
    assert q["text"] == "The region had 15 new schools in 2014"


def test_according_to_plan_is_no_source() -> None:
    assert _quotes("The vote on the new levy went according to plan.") == []


def test_a_noun_phrase_tied_to_another_is_the_subject_not_the_addressee() -> None:
    (q,) = _quotes("A producer for the local station told The Daily Ledger that the interview was off.")
    assert q["speaker"]["name"] == "A producer for the local station"
    assert q["text"] == "the interview was off"


def test_a_cue_right_after_a_mention_that_holds_its_apposition() -> None:
    text = ('Ann Holt spoke first.\n\n"The bishop said what we all know when we read his letters," '
            "the Vatican spokesman, Bo Ferri, told the radio station.")
    quotes = _quotes(text)
    assert quotes[-1]["rule"] == "en.direct.after_cue"
    assert "Ferri" in quotes[-1]["speaker"]["name"]


def test_it_opens_reported_speech_only_before_a_finite_verb() -> None:
    (q,) = _quotes("The county board said it counted every ballot twice.")
    assert q["text"] == "it counted every ballot twice"
    assert _quotes("Ann Holt said it again on Monday.") == []


def test_a_hyphenated_word_may_open_reported_speech() -> None:
    (q,) = _quotes("Ann Holt said down-ballot candidates may help the party this year.")
    assert q["text"] == "down-ballot candidates may help the party this year"


def test_a_reported_question_after_its_cue() -> None:
    (q,) = _quotes("Ann Holt asked whether the count had been fair.")
    assert (q["speaker"]["name"], q["text"]) == ("Ann Holt", "the count had been fair")
    (q,) = _quotes("Bo Ross asked him if he would run again.")
    assert q["text"] == "he would run again"
    # further on, "if" opens a condition, not what was said
    (q,) = _quotes("Dale said he would leave if the vote failed.")
    assert q["text"] == "he would leave if the vote failed"


def test_an_attribution_that_closes_the_sentence_a_quotation_opens() -> None:
    text = ('Ann Holt spoke first.\n\n"Our volunteers carried this campaign on their backs all winter" for the '
            "win, Bo Ross said.")
    q = _quotes(text)[-1]
    assert (q["rule"], q["speaker"]["name"]) == ("en.direct.end_cue", "Bo Ross")
    # a clause of its own between the quotation and the attribution: no attribution of the quotation
    text = ('Ann Holt spoke first.\n\n"We need a plan for the long run and we need it soon" in May, but he lost, '
            "Bo Ross said.")
    assert all(q["rule"] != "en.direct.end_cue" for q in _quotes(text))


def test_a_word_after_an_article_is_a_noun_not_a_cue() -> None:
    (q,) = _quotes("The state agency said it detected a small leak near the plant.")
    assert q["speaker"]["name"] == "The state agency"
    (q,) = _quotes("Then a local party chairman said the count was wrong.")
    assert q["speaker"]["name"] == "a local party chairman"


def test_reported_speech_with_a_verb_in_the_past_tense() -> None:
    (q,) = _quotes("Ann Holt spoke first. Bo Ross said the county plan failed because of the cost.")
    assert (q["speaker"]["name"], q["text"]) == ("Bo Ross", "the county plan failed because of the cost")
    # an indefinite phrase with a participle after it is the object, not a clause ("a list of deleted files")
    assert _quotes("Ann Holt spoke first. Bo Ross claimed a list of deleted files.") == []


def test_a_quotation_after_a_clause_boundary_of_reported_speech_is_its_subjects() -> None:
    text = ('"We have worked for this town for years and years now, every single day," said Ann Holt, the mayor.\n\n'
            "Bo Ross, the senator from Maine, said the problems of the county are so large that \"we must find "
            'new ways to pay for the schools and the roads."')
    q = _quotes(text)[-1]
    assert (q["rule"], q["speaker"]["name"]) == ("en.direct.before_cue", "Bo Ross")


def test_a_determined_subject_may_hold_a_noun_that_is_also_a_verb_of_speech() -> None:
    (q,) = _quotes("Ann Holt spoke first. Bo Ross said the 12-point pledge was never binding.")
    assert (q["speaker"]["name"], q["text"]) == ("Bo Ross", "the 12-point pledge was never binding")
    (q,) = _quotes("Ann Holt spoke first. Bo Ross said the report was flawed from the start.")
    assert q["text"] == "the report was flawed from the start"


def test_reported_speech_in_an_opening_subordinate_clause_ends_at_its_comma() -> None:
    text = "Ann Holt spoke first. While Bo Ross said the levy was too high, his rivals said it would pass."
    assert [(q["speaker"]["name"], q["text"]) for q in _quotes(text)] == [
        ("Bo Ross", "the levy was too high"), ("his rivals", "it would pass")]
