"""Quotation marks: a quotation inside a quotation whose marks the writer set apart with a space. Sentences
written for these tests."""

from __future__ import annotations

from dyad.quotes.marks import classify_marks, find_quoted_spans

ELISIONS = frozenset({"s", "t", "n"})


def _spans(text: str) -> list[str]:
    marks = classify_marks(text, ELISIONS)
    return [text[s.start : s.end] for s in find_quoted_spans(text, marks, [(0, len(text))], [])]


def test_a_closing_mark_spaced_after_an_inner_closing_mark_closes_the_outer_quotation() -> None:
    text = "\"Voters keep telling me, 'Fix the roads first,' \" said Ann Holt. \"We heard them.\""
    roles = [m.role for m in classify_marks(text, ELISIONS)]
    assert roles == ["open", "open", "close", "close", "open", "close"]
    assert _spans(text) == ["Voters keep telling me, 'Fix the roads first,'", "We heard them."]


def test_an_inner_quotation_closing_at_the_end_of_a_phrase() -> None:
    text = "\"He wants to do the 'Texas shuffle' \" - first the cities, then the towns. \"It works.\""
    assert _spans(text) == ["He wants to do the 'Texas shuffle'", "It works."]


def test_an_opening_mark_spaced_before_an_inner_opening_mark_opens_the_outer_quotation() -> None:
    text = "\" 'Not again,' I told them,\" said Tom Reyes."
    assert [m.role for m in classify_marks(text, ELISIONS)] == ["open", "open", "close", "close"]
    assert _spans(text) == ["'Not again,' I told them"]


def test_a_mark_between_spaces_without_a_quotation_beside_it_is_stray() -> None:
    text = 'The sign said " nothing at all and "Stop here" was painted below.'
    assert _spans(text) == ["Stop here"]
