"""English quotations as news writes them: split by their attribution, with an apposition after the name,
questions, reported speech without "that", partial quotations inside reported speech. Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

from dyad.api import extract


def _quotes(text: str) -> list[dict[str, Any]]:
    return extract(text, "2016-05-02", "en").quotes


def _simple(text: str) -> list[tuple[str, str, str]]:
    return [(q["kind"], q["speaker"]["name"], q["text"]) for q in _quotes(text)]


def _only_quote(text: str, kind: str, speaker: str) -> str:
    """The text of the one quote found, after checking its kind and speaker."""
    ((got_kind, got_speaker, got_text),) = _simple(text)
    assert (got_kind, got_speaker) == (kind, speaker)
    return got_text


def test_a_quotation_split_by_its_attribution_over_two_sentences_is_one_quote() -> None:
    got = _simple('"The bridge will open in June," Mayor Ann Holt said on Friday. "We owe it to the city."')
    assert got == [("direct", "Mayor Ann Holt", "The bridge will open in June We owe it to the city.")]


def test_a_new_attribution_after_the_second_piece_keeps_two_quotes() -> None:
    got = _simple('"Taxes stay as they are," Holt said. "That is a mistake," replied Senator Tom Reyes.')
    assert [(k, s) for k, s, _ in got] == [("direct", "Holt"), ("direct", "Senator Tom Reyes")]


def test_the_speaker_after_a_quotation_may_carry_an_apposition() -> None:
    text = ('Officials met on Monday. "We expect a long night," Carla Diaz, the head of the county election '
            'board, said in an interview.')
    assert _simple(text) == [("direct", "Carla Diaz", "We expect a long night")]


def test_a_question_mark_inside_the_closing_mark_still_leads_to_the_cue() -> None:
    got = _simple('"Who will pay for the wall?" asked Senator Tom Reyes.')
    assert got == [("direct", "Senator Tom Reyes", "Who will pay for the wall?")]


def test_reported_speech_without_that() -> None:
    assert _simple("Governor Lee Park said he would veto the bill.") == [
        ("indirect", "Governor Lee Park", "he would veto the bill")]
    got = _simple("Ann Holt told reporters on Tuesday they had no plan for the budget.")
    assert got == [("indirect", "Ann Holt", "they had no plan for the budget")]
    got = _simple("Ann Holt said the proposal was a gift to the banks.")
    assert got == [("indirect", "Ann Holt", "the proposal was a gift to the banks")]


def test_a_speech_verb_without_a_clause_after_it_reports_nothing() -> None:
    assert _quotes("Ann Holt said goodbye to her staff on Friday.") == []
    assert _quotes("The senator said in a speech to students at the college.") == []


def test_a_partial_quotation_inside_reported_speech_is_part_of_it() -> None:
    got = _simple('Ann Holt said the plan was "a gift to the banks" and would fail.')
    assert got == [("indirect", "Ann Holt", 'the plan was "a gift to the banks" and would fail')]
    # no finite verb the lexicon knows after the subject: the clause around the quoted phrase still is
    got = _simple('Ann Holt says the county needs "real reform" to stop the money.')
    assert got == [("indirect", "Ann Holt", 'the county needs "real reform" to stop the money')]
    got = _simple('Ann Holt said that the county "did the wrong thing" by waiting.')
    assert got == [("indirect", "Ann Holt", 'the county "did the wrong thing" by waiting')]


def test_a_subject_and_cue_after_the_statement() -> None:
    got = _simple("Senator Ann Holt spoke on Monday. The budget will not pass, she said.")
    assert got == [("indirect", "Senator Ann Holt", "The budget will not pass")]
    got = _simple("If the count is close, the campaign said, it may ask for a recount.")
    assert got == [("indirect", "the campaign", "If the count is close, it may ask for a recount")]
    # an adverbial before the comma is no statement
    assert _simple("In an interview with the paper, Holt said she would run.") == [
        ("indirect", "Holt", "she would run")]


def test_a_role_after_a_known_body_belongs_to_the_speaker() -> None:
    got = _simple("White House spokesman Josh Earnest said the president would travel to Ohio.")
    assert got == [("indirect", "White House spokesman Josh Earnest", "the president would travel to Ohio")]


def test_polls_and_reports_are_sources_of_what_they_show() -> None:
    ((kind, speaker, text),) = _simple("A new poll found that Holt leads by five points.")
    assert (kind, speaker.split()[-1], text) == ("indirect", "poll", "Holt leads by five points")


def test_according_to_after_the_statement_and_adjectives_in_the_source() -> None:
    got = _simple("She has raised $3 million this year, according to a recent report by the commission.")
    assert got == [("indirect", "a recent report by the commission", "She has raised $3 million this year")]
    got = _simple("According to several recent polls, Holt leads the race.")
    assert got == [("indirect", "several recent polls", "Holt leads the race")]


def test_the_subject_before_the_cue_not_the_addressee_or_the_clause_subject() -> None:
    assert _simple("Dan Pate told the Daily Courier he would support Holt.") == [
        ("indirect", "Dan Pate", "he would support Holt")]
    got = _simple('The Ohio Democrat said voters wanted to know if the city is "still in the game."')
    assert [s for _, s, _ in got] == ["The Ohio Democrat"]


def test_modifiers_between_a_body_and_a_role() -> None:
    got = _simple("Senate minority leader Harry Reid said the plan would fail.")
    assert got == [("indirect", "Senate minority leader Harry Reid", "the plan would fail")]


def test_two_pieces_each_with_its_own_attribution_stay_two_quotes() -> None:
    got = _simple('Ann Holt spoke first. "We will win," she said. "The count is on our side," she said.')
    assert got == [("direct", "Ann Holt", "We will win"), ("direct", "Ann Holt", "The count is on our side")]


def test_she_is_the_person_who_spoke_before_not_a_place() -> None:
    text = ('Governor Ann Holt visited Wall Street on Monday. "The banks must pay," she said.')
    assert _simple(text) == [("direct", "Governor Ann Holt", "The banks must pay")]


def test_an_attribution_split_off_after_a_question_mark() -> None:
    got = _simple('Leaders met. "How do we win the county?" Dan Estrada, the party chairman, said of the talk.')
    assert got == [("direct", "Dan Estrada", "How do we win the county?")]


def test_a_word_or_two_in_quotation_marks_without_a_cue_is_no_quote() -> None:
    assert _quotes('Senator Ann Holt spoke on Monday. "Families." The crowd cheered.') == []


def test_the_source_of_according_to_runs_to_its_comma() -> None:
    got = _simple("The pilot had flown for the airline since 2004, according to his Facebook profile.")
    assert got == [("indirect", "his Facebook profile", "The pilot had flown for the airline since 2004")]
    got = _simple("According to a count by the local paper, Holt leads by 40 votes.")
    assert got == [("indirect", "a count by the local paper", "Holt leads by 40 votes")]


def test_according_to_beside_a_speech_clause() -> None:
    got = _simple("Holt leads by 40 votes, according to a count by the paper, and Reyes said he would concede.")
    assert ("indirect", "Reyes", "he would concede") in got
    assert [t for _, s, t in got if s == "a count by the paper"][0].startswith("Holt leads by 40 votes")


def test_a_quoted_phrase_after_a_verb_of_naming_is_reported_with_its_object() -> None:
    got = _simple('Governor Ann Holt called the mayor a "spoiled toddler" on Monday.')
    assert got == [("indirect", "Governor Ann Holt", 'the mayor a "spoiled toddler" on Monday')]


def test_two_quoted_phrases_in_one_reported_clause_give_one_quote() -> None:
    got = _simple('Ann Holt said the plan was "a gift" to the banks and "a disaster" for the town.')
    assert got == [("indirect", "Ann Holt", 'the plan was "a gift" to the banks and "a disaster" for the town')]


def test_a_short_quotation_without_a_cue_is_no_quote_of_its_own() -> None:
    text = 'Tom Reyes spoke on Monday. "The plan will not pass the house this year," Reyes said. "Not a chance."'
    assert _simple(text) == [("direct", "Tom Reyes", "The plan will not pass the house this year Not a chance.")]
    assert _quotes('Tom Reyes spoke in the square on Monday. The crowd cheered. "Lock them up!"') == []


def test_a_quotation_that_opens_its_sentence_takes_a_cue_after_it_without_a_comma() -> None:
    got = _simple('Turnout was low. "Nobody came to the hall today" said Ray Dunn, a county clerk.')
    assert got == [("direct", "Ray Dunn", "Nobody came to the hall today")]
    got = _quotes('Turnout was low. "Nobody came to the hall today" the county clerk said.')
    assert [(q["kind"], q["speaker"]["name"]) for q in got] == [("direct", "the county clerk")]


def test_an_apposition_with_commas_of_its_own_between_the_name_and_the_cue() -> None:
    text = '"We lost the vote," Ed Morrow, now 70 and retired in Salem, Ore., said by phone.'
    assert _simple(text) == [("direct", "Ed Morrow", "We lost the vote")]


def test_a_role_then_a_name_without_a_closing_comma_before_the_cue() -> None:
    text = '"She ran the shelter for ten years," a neighbour, Mary Voss told reporters.'
    assert [(k, s) for k, s, _ in _simple(text)] == [("direct", "Mary Voss")]


def test_the_addressee_of_the_attribution_is_no_speaker_and_the_pieces_join() -> None:
    text = ('"The plan was never ours," Jane Ortiz, who led the council during the old administration, '
            'told Channel Four News. "We were handed it and told to carry it out without a word."')
    assert _only_quote(text, "direct", "Jane Ortiz").endswith("carry it out without a word.")


def test_a_month_after_the_cue_is_no_verb_of_reported_speech() -> None:
    text = ('"Prices will rise," Holt told the Tribune in May. "Nobody in this town can stop that from '
            'happening now."')
    quotes = _quotes(text)
    assert [(q["kind"], q["speaker"]["name"]) for q in quotes] == [("direct", "Holt")]
    assert "Tribune" not in quotes[0]["text"]


def test_a_quoted_term_of_a_word_or_two_is_no_quote_of_its_own() -> None:
    assert _quotes('The bridge was a "total mess," Holt said on Monday.') == []
    # the clause a cue gives it is still reported
    (q,) = _quotes('The mayor called the plan "rigged" on Monday.')
    assert q["kind"] == "indirect" and q["text"].startswith("the plan")


def test_a_quotation_that_opens_a_clause_the_sentence_goes_on_with_reports_the_clause() -> None:
    quotes = _quotes('Holt said that "we need more time" to decide on the bridge.')
    assert [(q["speaker"]["name"], q["text"]) for q in quotes] == [
        ("Holt", 'we need more time" to decide on the bridge')]


def test_an_inverted_noun_phrase_the_role_lists_lack_after_a_quotation() -> None:
    quotes = _quotes('The shop was quiet. "Nobody wants to buy a thing before the vote," said the florist, who '
                     'asked not to be named.')
    assert [(q["rule"], q["speaker"]["name"]) for q in quotes] == [("en.direct.after_cue", "the florist")]


def test_answering_back_is_a_cue() -> None:
    got = _simple('"That is simply not true, and the voters know it," Senator Tom Reyes shot back.')
    assert [(k, s) for k, s, _ in got] == [("direct", "Senator Tom Reyes")]


def test_a_quotation_after_a_paragraph_that_ends_with_a_colon_is_its_speaker_s() -> None:
    text = ('Senator Tom Reyes spoke on Monday.\n\nIn a statement, the county board said about the new budget:\n\n'
            '"The budget goes further than any budget this county has passed before, and it pays for itself."')
    quotes = _quotes(text)
    assert [(q["kind"], q["speaker"]["name"]) for q in quotes] == [("direct", "the county board")]


def test_a_quotation_inside_a_statement_an_attribution_closes_is_part_of_it() -> None:
    text = ('Mayor Tom Reyes spoke first. "It is very unlikely, and the numbers are against it" that Holt can '
            'still win the county, said Ann Ross, a strategist in the capital.')
    assert _only_quote(text, "indirect", "Ann Ross").endswith("win the county")


def test_a_quotation_inside_a_quotation_closed_by_spaced_marks() -> None:
    text = ("\"People stop me in the street and say, 'Just fix the roads,' \" said Ann Holt, the county "
            "executive. \"So we will fix them.\"")
    got = _simple(text)
    assert got[0][:2] == ("direct", "Ann Holt")
    assert got[0][2].startswith("People stop me in the street and say, 'Just fix the roads,'")
    assert all("said Ann Holt" not in t for _, _, t in got)


def test_a_capitalised_word_before_the_cue_in_the_sentence_after_a_question_is_the_speaker() -> None:
    # the sentence layer splits after '?"'; "Marsh" opens the next sentence and is named nowhere else
    text = ('Lee Park spoke first. "How long will the new bridge take to build, and who will pay?" Marsh said in '
            'response.')
    assert _simple(text) == [
        ("direct", "Marsh", "How long will the new bridge take to build, and who will pay?")]


def test_one_and_another_open_a_speaker_phrase() -> None:
    text = '"We expect a long fight over the budget this year," said one former party aide.'
    ((q,),) = [_quotes(text)]
    assert q["speaker"]["name"] == "one former party aide"
    text = '"We expect a long fight over the budget this year," another campaign aide said.'
    assert _quotes(text)[0]["speaker"]["name"] == "another campaign aide"


def test_a_quotation_without_a_cue_after_a_sentence_without_a_speaker_is_left_out() -> None:
    # the speaker of the last quotation is two sentences back, with a sentence about other things between
    text = ('"The budget is a disgrace to this town," Ann Holt said on Monday. Her office is on the third floor of '
            'the old library. The roof leaks in the rain. "We will not let this pass without a long fight."')
    assert _simple(text) == [("direct", "Ann Holt", "The budget is a disgrace to this town")]


def test_a_quoted_title_after_the_place_where_a_quotation_was_said_is_no_clause_of_its_own() -> None:
    text = ("“We will appeal the ruling this week,” Ann Holt said on the program “Morning in the capital with "
            "friends.”")
    assert _simple(text) == [("direct", "Ann Holt", "We will appeal the ruling this week")]
    # a clause after the attribution of a quotation still reports what was said
    text = "“We will appeal,” Ann Holt said, and the ruling “will not stand for long in any court.”"
    assert [k for k, _, _ in _simple(text)] == ["direct", "indirect"]


def test_a_quotation_of_ten_words_without_a_cue_is_no_quote_of_its_own() -> None:
    text = 'Ann Holt spoke at the rally on Monday.\n\n"We will see many new faces in the room."'
    assert _simple(text) == []
    text = 'Ann Holt spoke at the rally on Monday.\n\n"We will see a lot of new faces in the room this fall."'
    assert [(k, s) for k, s, _ in _simple(text)] == [("direct", "Ann Holt")]


def test_a_quoted_phrase_after_a_naming_participle_is_reported_with_its_object() -> None:
    text = "The mayor opened the new bridge on Friday, calling it “a gift to every family in the valley.”"
    ((kind, speaker, said),) = _simple(text)
    assert (kind, speaker) == ("indirect", "The mayor")
    assert said == "it “a gift to every family in the valley.”"


def test_a_colon_introduces_the_subject_of_its_sentence_past_an_adverb_that_may_open_a_clause() -> None:
    text = ('Ann Holt spoke to the council on Monday. Tom Reyes has since apologized for the delay: "We should have '
            'told the families about the new schedule much sooner."')
    assert [(k, s) for k, s, _ in _simple(text)] == [("direct", "Tom Reyes")]


def test_a_quoted_phrase_after_dismissing_or_deeming_is_reported_with_its_object() -> None:
    text = "The mayor dismissed the report as “a pile of numbers with no meaning at all.”"
    assert _simple(text) == [("indirect", "The mayor", "the report as “a pile of numbers with no meaning at all.”")]
