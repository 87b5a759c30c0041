"""A Dutch word of the speech-verb lists right after an article is a noun, no cue, on sentences written for these
tests ("het verwijt dat …", "een bericht dat …"); after an adjective and a noun the verb is a verb again ("Op een
drukke conferentie pochte de voorzitter dat …", a noun in -e after the adjective)."""

from __future__ import annotations

from dyad.api import analyse
from dyad.document import Article, Quote


def _indirect(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "indirect"]


def test_a_speech_noun_after_an_article_is_no_cue() -> None:
    text = "Wethouder Karin Smit kreeg gisteren het verwijt dat zij de kas niet goed had beheerd."
    assert [q for q in _indirect(text) if q.cue == "verwijt"] == []


def test_a_verb_after_a_noun_phrase_with_an_article_is_a_cue() -> None:
    found = _indirect("Op een drukke conferentie pochte voorzitter Jan Visser dat zijn club de beste was.")
    assert [q.text for q in found] == ["zijn club de beste was"]
