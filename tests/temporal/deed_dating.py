"""The date the time resolver gives a deed in a text written for a test (shared by the clause tests and the
table of temporal expressions)."""

from __future__ import annotations

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.lang.layer import analyse_text
from dyad.temporal.resolver import TimexResolver

TUE = PartialDate(2019, 3, 26)  # a Tuesday


def date_of(text: str, trigger: str, published: PartialDate = TUE, language: str = "nl", *,
            quotes: bool = False) -> str | None:
    """The date the resolver gives a deed whose trigger is the first occurrence of `trigger`; with `quotes`, the
    text goes through the whole pipeline first, so the resolver sees its quotations (else the language layer only)."""
    if quotes:
        doc = analyse(Article(id="t", text=text, published=published, language=language))
    else:
        doc = analyse_text(text, language, published)
    resolver = TimexResolver(language)
    state = resolver.prepare(doc, record=False)
    start = text.index(trigger)
    sentence = doc.sentence_of_offset(start)
    assert sentence is not None
    value, _rule = resolver.date_at(state, sentence, start, start + len(trigger))
    return value.iso() if value is not None else None
