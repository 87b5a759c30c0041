"""Dutch partial quotations, on sentences written for these tests: without a cue, a quoted phrase of three words
inside a sentence is a partial quote of the subject of its sentence (`min_partial_words_without_cue = 3`); a word or
two quoted without a cue is a term or scare quote, no quote. A quoted phrase right after a word that marks a term or
title ("zogeheten", "getiteld", `term_markers`) is no quote, cue or not."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _partials(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "partial"]


def _text(q: Quote, text: str) -> str:
    return text[q.start : q.end]


@pytest.mark.parametrize(("text", "phrase", "speaker"), [
    ("Wethouder Petra Smeets kwam gisteren met een 'plan voor iedereen'.", "plan voor iedereen", "Petra Smeets"),
    ("De burgemeester van Zwolle heeft het over een 'gemiste kans' voor de regio's 'kleine dorpen en steden'.",
     "kleine dorpen en steden", "burgemeester"),
])
def test_three_words_without_a_cue_are_a_partial_quote(text: str, phrase: str, speaker: str) -> None:
    found = [q for q in _partials(text) if _text(q, text) == phrase]
    assert found, _partials(text)
    assert found[0].speaker is not None and speaker in (found[0].speaker.name or "")


@pytest.mark.parametrize(("text", "phrase"), [
    ("Wethouder Petra Smeets kwam gisteren met een 'nieuw plan'.", "nieuw plan"),
    ("De fractie van de partij stemde tegen de 'hervorming'.", "hervorming"),
])
def test_a_word_or_two_without_a_cue_is_no_quote(text: str, phrase: str) -> None:
    assert not [q for q in _partials(text) if _text(q, text) == phrase]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Wethouder Petra Smeets noemde de zogeheten 'kill list' een vervalsing.", "kill list"),
    ("Wethouder Petra Smeets schreef een nota getiteld 'wonen voor iedereen in de stad'.",
     "wonen voor iedereen in de stad"),
    ("Minister Karel Bos zei dat de zogenaamde 'vrije keuze' niet bestaat.", "vrije keuze"),
])
def test_a_term_or_title_is_no_partial_quote(text: str, phrase: str) -> None:
    assert not [q for q in _partials(text) if _text(q, text) == phrase]


def test_the_same_phrase_without_a_term_marker_is_a_partial_quote() -> None:
    text = "Wethouder Petra Smeets noemde de lijst een 'grove vervalsing'."
    found = [q for q in _partials(text) if _text(q, text) == "grove vervalsing"]
    assert found and found[0].speaker is not None and "Petra Smeets" in (found[0].speaker.name or "")
