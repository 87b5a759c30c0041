"""HTML pages: main text, title and publication date extracted with trafilatura, offline.

trafilatura is given the page's bytes, never a URL, so nothing is fetched; it detects the page's encoding
itself (a page need not be UTF-8). The date comes from htmldate (through trafilatura) at day precision,
from the page's metadata and markup only: its "extensive search" through the body text is switched off,
because in a news page the body is full of dates of the events it reports, not of its publication.
"""

from __future__ import annotations

import logging

import trafilatura
from trafilatura.settings import set_date_params

from dyad.document import Article, PartialDate
from dyad.errors import InputError

MIN_LINE_WORDS = 6
"""An article has at least one line of running text this long; menus and link lists do not."""

# trafilatura logs every page it finds nothing in at ERROR level; here reporting that is InputError's job.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html_article(data: bytes, *, article_id: str, origin: str) -> Article:
    """One article from an HTML page; `InputError` when the page holds no article text."""
    try:
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # a third-party parser on arbitrary markup: report, never stop the batch
        raise InputError(f"cannot parse HTML: {type(exc).__name__}: {exc}", source=origin) from exc
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not any(len(line.split()) >= MIN_LINE_WORDS for line in text.splitlines()):
        raise InputError("no article text found in the HTML page", source=origin)
    raw_date = getattr(extracted, "date", None)
    published = PartialDate.parse(raw_date, source=origin) if raw_date else None
    return Article(
        id=article_id,
        text=text,
        published=published,
        title=getattr(extracted, "title", None) or None,
        url=getattr(extracted, "url", None) or None,
        source=getattr(extracted, "sitename", None) or None,
        origin=origin,
    )
