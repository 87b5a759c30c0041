"""Records: the output contract of FORMAT.md, built from an analysed `Document`.

Records are plain dicts ready for JSON; every record keeps its provenance (article, sentence index
and offsets, rule) so it can be traced to the sentence and to what produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dyad.document import Document, Event, Mention, Quote


def _actor_dict(ref: Any) -> dict[str, Any] | None:
    return None if ref is None else ref.to_dict()


def event_id(article_id: str, sentence_index: int, trigger_start: int | None, trigger_end: int | None,
             cameo: str | None, source: str | None, target: str | None) -> str:
    """The stable id of an event: a hash of where it was read (article, sentence, trigger offsets) and
    what was read there (CAMEO code, the two sides' actor codes, which tell apart the events one trigger
    gives). Re-ingesting the same article gives the same ids; `ev-` and 16 hex digits."""
    key = "\x1f".join(str(part) if part is not None else "" for part in (
        article_id, sentence_index, trigger_start, trigger_end, cameo, source, target))
    return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def record_event_id(record: Mapping[str, Any]) -> str:
    """`event_id` of an event record (for records stored before ids existed)."""
    def code(slot: str) -> str | None:
        side = record.get(slot) or {}
        return side.get("actor") or side.get("country")

    return event_id(record["article_id"], record["sentence_index"], record.get("trigger_start"),
                    record.get("trigger_end"), record.get("cameo"), code("source"), code("target"))


def event_record(doc: Document, event: Event) -> dict[str, Any]:
    sentence = doc.sentences[event.sentence]
    source = (event.source.actor or event.source.country) if event.source else None
    target = (event.target.actor or event.target.country) if event.target else None
    return {
        "event_id": event_id(doc.article.id, event.sentence, event.trigger_start, event.trigger_end,
                             event.cameo, source, target),
        "article_id": doc.article.id,
        "sentence": doc.sentence_text(event.sentence),
        "sentence_index": event.sentence,
        "sentence_start": sentence.start,
        "sentence_end": sentence.end,
        "source": _actor_dict(event.source),
        "target": _actor_dict(event.target),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "factuality": event.factuality.value,
        "date": event.date.iso() if event.date else None,
        "date_rule": event.date_rule,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "rule": event.rule,
        "confidence": round(event.confidence, 3),
        "language": doc.language,
        "place": event.place.to_dict() if event.place else None,
    }


def quote_record(doc: Document, quote: Quote) -> dict[str, Any]:
    return {
        "article_id": doc.article.id,
        "speaker": _actor_dict(quote.speaker),
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
        "sentence": doc.sentence_text(quote.sentence),
        "sentence_index": quote.sentence,
        "date": quote.date.iso() if quote.date else None,
        "rule": quote.rule,
        "confidence": round(quote.confidence, 3),
        "language": doc.language,
    }


def mention_record(doc: Document, index: int, mention: Mention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "article_id": doc.article.id,
        "mention_index": index,
        "text": doc.span_text(mention.start, mention.end),
        "start": mention.start,
        "end": mention.end,
        "sentence_index": mention.sentence,
        "actor_id": actor.id if actor else None,
        "actor": actor.code if actor else None,
        "actor_name": actor.name if actor else None,
        "country": actor.country if actor else None,
        "role": actor.role if actor else None,
        "kind": actor.kind if actor else None,
        "confidence": round(mention.confidence, 3),
        "rule": mention.rule,
    }


@dataclass
class Extraction:
    """What dyad found in one article, as records."""

    article_id: str
    language: str
    published: str | None
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "language": self.language,
            "published": self.published,
            "events": self.events,
            "quotes": self.quotes,
            "mentions": self.mentions,
        }


def build_records(doc: Document) -> Extraction:
    return Extraction(
        article_id=doc.article.id,
        language=doc.language,
        published=doc.article.published.iso() if doc.article.published else None,
        events=[event_record(doc, e) for e in doc.events],
        quotes=[quote_record(doc, q) for q in doc.quotes],
        mentions=[mention_record(doc, i, m) for i, m in enumerate(doc.mentions)],
    )
