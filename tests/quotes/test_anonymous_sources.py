"""Sources the text does not name: the speaker is anonymous (no name, speaker.kind = anonymous), in the
records and through the store. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.api import extract
from dyad.store.rows import QUOTES, flatten, unflatten


def _only_quote(text: str, language: str = "nl") -> dict:
    quotes = extract(text, "2019-03-26", language).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "phrase", "starts"),
    [
        ("Volgens bronnen binnen het kabinet wil de premier de belasting verhogen.", "bronnen binnen het kabinet",
         "wil de premier"),
        ("Ingewijden zeggen dat de minister volgende week aftreedt.", "Ingewijden", "de minister"),
        ("De partij zoekt een nieuwe leider, zeggen bronnen rond het partijbestuur.", "bronnen rond het partijbestuur",
         "De partij zoekt"),
        ("Naar verluidt wil de burgemeester het plein sluiten.", "Naar verluidt", "wil de burgemeester"),
    ],
)
def test_an_unnamed_source_is_an_anonymous_speaker(text: str, phrase: str, starts: str) -> None:
    q = _only_quote(text)
    assert q["speaker"]["kind"] == "anonymous"
    assert q["speaker"]["name"] is None
    assert q["speaker"]["phrase"] == phrase
    assert q["text"].startswith(starts)


def test_an_anonymous_source_keeps_where_it_is() -> None:
    q = _only_quote("Een bron bij het ministerie zegt dat de minister aftreedt.")
    assert q["speaker"]["kind"] == "anonymous" and q["speaker"]["name"] is None
    assert q["speaker"]["country"] == "NLD"


def test_a_named_speaker_is_not_anonymous() -> None:
    q = _only_quote("Volgens premier Rutte wil het kabinet de belasting verhogen.")
    assert "kind" not in q["speaker"] and q["speaker"]["name"] == "premier Rutte"


def test_english_unnamed_sources() -> None:
    q = _only_quote("According to sources, the minister will resign.", "en")
    assert q["speaker"]["kind"] == "anonymous" and q["speaker"]["name"] is None


def test_an_anonymous_speaker_goes_through_the_store_rows() -> None:
    q = _only_quote("Ingewijden zeggen dat de minister volgende week aftreedt.")
    back = unflatten(flatten(q, QUOTES, 0), QUOTES)
    assert back["speaker"] == q["speaker"]
