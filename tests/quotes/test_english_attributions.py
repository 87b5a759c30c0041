"""English attributions as PolNeAR counts them, on sentences written for these tests: a quotation split by its
attribution is one quote only where the attribution is all that stands between the pieces (a sentence of its own
before the second piece, or a participle of speech that opens a statement of its own, keeps two)."""

from __future__ import annotations

from typing import Any

from dyad.api import extract


def _quotes(text: str) -> list[dict[str, Any]]:
    return extract(text, "2016-05-02", "en").quotes


def _simple(text: str) -> list[tuple[str, str, str]]:
    return [(q["kind"], q["speaker"]["name"], q["text"]) for q in _quotes(text)]


def test_a_sentence_before_the_second_quotation_keeps_the_quotations_apart() -> None:
    text = ('"The ferry runs twice a day," said Tom Bell, the harbour master. Repairs take place in winter, '
            'Bell said, but "the timetable stays the same."')
    got = _simple(text)
    assert got[0] == ("direct", "Tom Bell", "The ferry runs twice a day")
    assert all("twice a day" not in t for _, _, t in got[1:])


def test_a_participle_of_speech_opens_a_statement_of_its_own() -> None:
    text = ('"The harbour needs a second crane, and the port board knows it," Bell said on the radio, '
            'adding, "Nobody wants to pay for it."')
    got = _simple(text)
    assert [t for _, _, t in got] == ["The harbour needs a second crane, and the port board knows it",
                                      "Nobody wants to pay for it."]
    assert {s for _, s, _ in got} == {"Bell"}


def test_an_attribution_with_an_abbreviated_title_still_joins_the_pieces() -> None:
    text = '"We will win the county," said Gov. Ann Holt of Ohio. "The state is ours."'
    assert _simple(text) == [("direct", "Gov. Ann Holt of Ohio", "We will win the county The state is ours.")]


def test_an_apostrophe_after_a_plural_is_a_possessive_not_a_closing_mark() -> None:
    text = ('“The ferry will sail on Monday,” said harbour master Ann Holt, after the dock workers’ union and the '
            'ship owners’ board had met for “three long hours.”')
    got = _simple(text)
    assert [(k, t) for k, _, t in got][:1] == [("direct", "The ferry will sail on Monday")]
    assert got[0][1].endswith("Ann Holt")


def test_an_apostrophe_after_a_plural_still_closes_an_open_single_quotation() -> None:
    from dyad.quotes.marks import classify_marks

    text = "The paper ran ‘Holt wins the voters’ on its front page, and the voters’ reply came soon."
    marks = classify_marks(text, frozenset(), frozenset({"s"}))
    assert [(m.text, m.role) for m in marks] == [("‘", "open"), ("’", "close")]
    assert marks[1].start == text.index("’ on")


def test_two_apostrophes_after_a_stop_close_the_sentence_they_end() -> None:
    text = ("Mr. Bell said the bridge was ''a waste of public money.'' But the council approved it on Monday. "
            "The works begin in May.")
    (q,) = _quotes(text)
    assert q["speaker"]["name"] == "Mr. Bell"
    assert q["text"].startswith("the bridge was") and "council" not in q["text"]


def test_a_quoted_phrase_that_ends_its_clause_before_the_cue_reports_the_clause() -> None:
    text = 'But the plan to build the bridge is "a waste of public money and time," Bell said on Monday.'
    (q,) = _quotes(text)
    assert q["speaker"]["name"] == "Bell"
    assert q["text"].startswith("the plan to build the bridge is") and q["text"].endswith("money and time")


def test_a_quotation_closed_by_a_comma_inside_its_mark_ends_what_was_said() -> None:
    text = 'Holt said that “we have lost the county,” before turning to the budget for the coming year.'
    (q,) = _quotes(text)
    assert q["speaker"]["name"] == "Holt"
    assert q["text"] == "we have lost the county"


def test_a_speaker_after_the_cue_runs_on_past_its_first_four_words() -> None:
    text = '"The bridge will hold," said retired Army Lt. Gen. Ruth Okafor, who led the inquiry.'
    ((kind, speaker, _),) = _simple(text)
    assert kind == "direct" and speaker.endswith("Ruth Okafor")


def test_reported_speech_without_that_with_an_irregular_past_after_a_long_subject() -> None:
    text = "Ann Holt said the collapse of the ferry service took the town by surprise."
    assert _simple(text) == [("indirect", "Ann Holt", "the collapse of the ferry service took the town by surprise")]
    assert _simple("Holt said the county office never shut its doors.") == [
        ("indirect", "Holt", "the county office never shut its doors")]


def test_a_participle_without_a_cue_before_it_takes_the_subject_of_its_sentence() -> None:
    text = 'In 2004, Ann Holt praised the harbour plan, telling the Tribune: "I wish every town had one like it."'
    got = [(k, s, t) for k, s, t in _simple(text) if k == "direct"]
    assert got == [("direct", "Ann Holt", "I wish every town had one like it.")]
