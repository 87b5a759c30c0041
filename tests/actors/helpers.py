from __future__ import annotations

from dyad.actors.resolver import KBResolver
from dyad.document import Document, PartialDate
from dyad.lang.layer import analyse_text

_RESOLVERS: dict[str, KBResolver] = {}


def resolve(text: str, date: str | None, language: str = "nl") -> Document:
    doc = analyse_text(text, language, PartialDate.parse(date) if date else None)
    if language not in _RESOLVERS:
        _RESOLVERS[language] = KBResolver(language, {})
    _RESOLVERS[language](doc)
    return doc


def mention_codes(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(doc.text[m.start : m.end], m.actor.code if m.actor else None, m.rule) for m in doc.mentions]


def code_of(doc: Document, text: str, occurrence: int = 0) -> str | None:
    """The actor code of the mention that covers the n-th occurrence of `text`; None when none does."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.find(text, start + 1)
        assert start >= 0, f"{text!r} not in {doc.text!r}"
    end = start + len(text)
    for m in doc.mentions:
        if m.start < end and start < m.end and m.actor is not None:
            return m.actor.code
    return None
