"""Giving events their place (the pipeline's `places` stage).

An event takes the place mention of its sentence (`dyad.gazetteer.find_places`) nearest to its trigger; none
when its sentence names no place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyad.document import Document
from dyad.gazetteer import Gazetteer, PlaceMention, find_places, gazetteer
from dyad.pipeline import register


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
