"""Finding place names in sentences and giving events their place (the pipeline's `places` stage).

A place mention is a run of up to `MAX_WORDS` capitalised words right after one of the language's place
prepositions (`places.yaml`: "in", "bij" ...), an article between them skipped ("in de Verenigde
Staten"); the longest run that the gazetteer knows wins ("in Den Haag" is The Hague, not a place called
Den). An event takes the mention of its sentence nearest to its trigger; none when its sentence names no
place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dyad.document import Document, Place
from dyad.pipeline import register
from dyad.places.gazetteer import Gazetteer, gazetteer, place_words

#: Most words a place name has.
MAX_WORDS = 4

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: the words as written, their offsets, and the gazetteer's entry."""

    text: str
    start: int
    end: int
    place: Place


def find_places(text: str, language: str, *, offset: int = 0,
                places: Gazetteer | None = None) -> list[PlaceMention]:
    """The place mentions of a text, in order; offsets are `offset` plus the position in `text`."""
    words = place_words(language)
    if not words.prepositions:
        return []
    index = places or gazetteer()
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        word, _, end = tokens[i]
        i += 1
        if word.lower() not in words.prepositions:
            continue
        j = i
        if j < len(tokens) and tokens[j][0].lower() in words.articles and _adjacent(text, end, tokens[j][1]):
            end = tokens[j][2]
            j += 1
        run: list[tuple[str, int, int]] = []
        while j < len(tokens) and len(run) < MAX_WORDS and tokens[j][0][:1].isupper() \
                and _adjacent(text, run[-1][2] if run else end, tokens[j][1]):
            run.append(tokens[j])
            j += 1
        for size in range(len(run), 0, -1):
            name = text[run[0][1]:run[size - 1][2]]
            place = index.lookup(name, language)
            if place is not None:
                start, stop = run[0][1], run[size - 1][2]
                found.append(PlaceMention(name, offset + start, offset + stop,
                                          Place(**{**place.__dict__, "text": name, "start": offset + start,
                                                   "end": offset + stop})))
                i = j
                break
    return found


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only one space (or a no-break space) separates two words."""
    return text[end:start] in (" ", "\u00a0")


def locate_events(doc: Document, places: Gazetteer | None = None) -> None:
    """Give each event of a document the place its sentence names nearest to its trigger."""
    by_sentence: dict[int, list[PlaceMention]] = {}
    for event in doc.events:
        if event.sentence not in by_sentence:
            sentence = doc.sentences[event.sentence]
            by_sentence[event.sentence] = find_places(doc.sentence_text(event.sentence), doc.language,
                                                      offset=sentence.start, places=places)
        mentions = by_sentence[event.sentence]
        if mentions:
            nearest = min(mentions, key=lambda m: min(abs(m.start - event.trigger_start),
                                                      abs(m.end - event.trigger_end)))
            event.place = nearest.place


@register("places", "gazetteer")
def _gazetteer_component(language: str, settings: Mapping[str, Any]) -> Any:
    del language, settings
    places = gazetteer()  # built with the component (about a second), not in the first article with an event

    def component(doc: Document) -> None:
        locate_events(doc, places)

    return component
