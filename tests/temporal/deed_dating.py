"""The date the time resolver gives a deed in a text written for a test (shared by the clause tests and the
table of temporal expressions)."""

from __future__ import annotations

from dyad.document import PartialDate
from dyad.lang.layer import analyse_text
from dyad.temporal.resolver import TimexResolver

TUE = PartialDate(2019, 3, 26)  # a Tuesday


def date_of(text: str, trigger: str, published: PartialDate = TUE, language: str = "nl") -> str | None:
    """The date the resolver gives a deed whose trigger is the first occurrence of `trigger`."""
    doc = analyse_text(text, language, published)
    resolver = TimexResolver(language)
    state = resolver.prepare(doc, record=False)
    start = text.index(trigger)
    sentence = doc.sentence_of_offset(start)
    assert sentence is not None
    value, _rule = resolver.date_at(state, sentence, start, start + len(trigger))
    return value.iso() if value is not None else None
