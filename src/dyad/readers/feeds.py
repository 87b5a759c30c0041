"""RSS and Atom feeds: one article per entry, read with feedparser from the bytes (never a URL).

- text: the entry's longest `content`, else its `summary`, HTML stripped to plain text with paragraph
  breaks kept (see `html_to_text`).
- published: `published`, else `updated`, kept at the precision and in the local time the feed wrote it
  (ISO 8601 as in Atom, or RFC 822 as in RSS); feedparser's own parse (in UTC) only as a last resort.
- id: the entry's `id` (RSS guid, Atom id), else its link, else the text hash, made safe by `safe_id`.
- origin: `path#entry-N`, N counting entries from 1 in feed order.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

from dyad.document import Article, PartialDate
from dyad.errors import DateError, DyadError, InputError
from dyad.readers.failure import ReadFailure
from dyad.readers.ids import safe_id, text_id

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: entities decoded, scripts dropped, blocks as paragraphs."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)


def _entry_text(entry: Any) -> str:
    candidates: list[tuple[str, str]] = [
        (part.get("value", ""), part.get("type", "text/html")) for part in entry.get("content", [])
    ]
    if not candidates and entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type", "text/html")))
    texts = [html_to_text(value) if kind in _HTML_TYPES else value.strip() for value, kind in candidates]
    return max(texts, key=len, default="")


def _entry_date(entry: Any, origin: str) -> PartialDate | None:
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return PartialDate.parse(raw, source=origin)
        except DateError:
            pass
        try:
            return PartialDate.from_date(parsedate_to_datetime(raw))
        except (TypeError, ValueError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None:  # feedparser understood a format we do not: its value is in UTC
            return PartialDate.from_date(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC))
        raise DateError(f"unparseable date {raw!r} in entry field {key!r}", source=origin)
    return None


def read_feed(data: bytes, *, name: str) -> Iterator[Article | ReadFailure]:
    """Every entry of an RSS or Atom feed: an `Article`, or a `ReadFailure` for `name#entry-N`.

    A file that is no feed at all, or a feed without entries, is one failure for `name`.
    """
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # a third-party parser on arbitrary markup: report, never stop the batch
        error = InputError(f"cannot parse feed: {type(exc).__name__}: {exc}", source=name)
        yield ReadFailure.from_error(error, name)
        return
    if not parsed.entries:
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            reason = "not an RSS or Atom feed" + (f" ({problem})" if problem else "")
        else:
            reason = "feed has no entries"
        yield ReadFailure.from_error(InputError(reason, source=name), name)
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{name}#entry-{number}"
        try:
            text = _entry_text(entry)
            if not text:
                raise InputError("feed entry has no text (no content or summary)", source=origin)
            raw_id = entry.get("id") or entry.get("link")
            yield Article(
                id=safe_id(raw_id) if raw_id else text_id(text),
                text=text,
                published=_entry_date(entry, origin),
                title=entry.get("title") or None,
                url=entry.get("link") or None,
                source=source,
                origin=origin,
            )
        except DyadError as error:
            yield ReadFailure.from_error(error, origin)
