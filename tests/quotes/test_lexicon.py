"""The quotes.yaml files: shape checked for every language, errors coded."""

from __future__ import annotations

import pytest

from dyad.errors import ConfigError
from dyad.lang.data import load_language_data
from dyad.pipeline import LANGUAGES
from dyad.quotes.lexicon import QuoteLexicon, get_lexicon
from dyad.quotes.marks import classify_marks, find_quoted_spans


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_valid_lexicon(language: str) -> None:
    lex = get_lexicon(language)
    assert lex.speech_forms and lex.speech_lemmas and lex.complementizers and lex.markers_before


def test_missing_key_is_a_coded_error() -> None:
    data = dict(load_language_data("nl", "quotes"))
    del data["speech_verbs"]
    with pytest.raises(ConfigError, match=r"\[E005\].*speech_verbs"):
        QuoteLexicon.from_data("nl", data)


def test_compound_roles() -> None:
    lex = get_lexicon("nl")
    assert lex.is_person_role("regeringsfunctionaris")
    assert lex.is_person_role("turkije-kenner")
    assert lex.is_speaking_body("regering-trump")
    assert not lex.is_person_role("verkiezingen")


def test_marks_pairing_and_missing_marks() -> None:
    text = "We moeten ons afwenden’, zei Lavrov. Hij zei: ‘Nooit meer. Echt niet"
    marks = classify_marks(text, frozenset({"s", "t", "n"}))
    assert [m.role for m in marks] == ["close", "open"]
    bounds = [(0, 36), (37, len(text))]
    spans = find_quoted_spans(text, marks, bounds, [])
    assert [text[s.start : s.end] for s in spans] == ["We moeten ons afwenden", "Nooit meer. Echt niet"]
