"""The API's record queries: request parameters to one `RecordFilter`, and a page of it with the total.

Every condition runs in the database: the request's parameters are validated here (a bad one is a
`QueryError`, answered 400, that names the parameter) and become one `RecordFilter`; the store counts
the matches and reads the page with LIMIT/OFFSET, or after a keyset position (a `cursor`), in its stable
order, so pages never overlap or skip while the store is unchanged.

A cursor is an opaque token (`next_cursor` of a page): the kind of record and the position of the page's
last row, base64url-encoded JSON. It is not signed: it carries no secret, and a forged one only moves the
start of a page.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dyad.errors import DyadError
from dyad.store import RecordFilter, RecordKey, Store
from dyad.store.filters import ORDER_COLUMNS

_CAMEO_CODE = re.compile(r"^\d{2,4}$")
_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
MAX_QUERY_TEXT = 200
MAX_CURSOR = 2000


class QueryError(ValueError):
    """A request parameter that cannot be used (answered 400)."""


def actor_key(value: str | None, name: str) -> str | None:
    """An actor code or country code from a request, upper-cased (codes are upper case); None if empty."""
    if value is None or not value.strip():
        return None
    key = value.strip()
    if not _KEY.match(key):
        raise QueryError(f"{name}: {value!r} is not an actor or country code (letters, digits, . _ -)")
    return key.upper()


def _text(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_QUERY_TEXT:
        raise QueryError(f"{name}: at most {MAX_QUERY_TEXT} characters")
    return value.strip()


def _quads(value: str | None) -> tuple[int, ...]:
    if value is None or not value.strip():
        return ()
    out: set[int] = set()
    for part in value.split(","):
        part = part.strip()
        if part not in {"1", "2", "3", "4"}:
            raise QueryError(f"quad_class: {part!r} is not a quad class (1, 2, 3 or 4; several as 3,4)")
        out.add(int(part))
    return tuple(sorted(out))


def _pair(value: str | None) -> tuple[str, str] | None:
    if value is None or not value.strip():
        return None
    parts = [p for p in re.split(r"[,/]", value) if p.strip()]
    keys = [actor_key(p, "pair") for p in parts]
    if len(keys) != 2 or keys[0] is None or keys[1] is None:
        raise QueryError("pair: give two actor or country codes as A,B (e.g. USA,RUS)")
    return (keys[0], keys[1])


def _cameo(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip()
    if not _CAMEO_CODE.match(code):
        raise QueryError(f"cameo: {value!r} is not a CAMEO code (2 to 4 digits, e.g. 16, 161, 0211)")
    return code


@dataclass(frozen=True)
class RecordQuery:
    """What to read: the kind of record and the filter the store applies (hashable: it keys the cache)."""

    kind: str  # "events" | "quotes"
    where: RecordFilter

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.kind, self.where)

    def rows(self, store: Store, *, limit: int | None = None, offset: int = 0,
             after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        """Matching rows in the store's stable order (the store pages); close the iterator when done."""
        if self.kind == "events":
            return store.events(self.where, limit, offset, after=after)
        return store.quotes(self.where, limit, offset, after=after)

    def count(self, store: Store) -> int:
        """How many rows match, counted by the store."""
        return store.count_events(self.where) if self.kind == "events" else store.count_quotes(self.where)


def _build(**values: Any) -> RecordFilter:
    try:
        return RecordFilter.build(**values)
    except DyadError as exc:
        raise QueryError(exc.message) from exc


def event_query(
    *,
    actor: str | None = None,
    country: str | None = None,
    source: str | None = None,
    target: str | None = None,
    pair: str | None = None,
    cameo: str | None = None,
    quad_class: str | None = None,
    factuality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    date_overlap: str | None = None,
) -> RecordQuery:
    """The query for `/api/events`; `QueryError` for a parameter that cannot be used.

    - `actor`, `country`: either side (`RecordFilter` semantics: actor matches code or country).
    - `source`, `target`: that side's actor code or country.
    - `pair`: `A,B`: events between A and B, either direction (each an actor code or country).
    - `cameo`: a code or its prefix, 2 to 4 digits (`16`, `161`, `0211`): the code and those under it.
    - `quad_class`: one or several (`3,4`). `factuality`: `actual`, `possible` or `negated`.
    - `q`: case-insensitive text search in the sentence.
    - `date_overlap`: `contained` (default: the event's whole date period inside since/until) or
      `overlap` (its period meets the range: an event dated `2021-03` is in `since=2021-03-15`).
    """
    where = _build(article_id=article_id or None, since=since or None, until=until or None,
                   date_overlap=date_overlap or None,
                   actor=actor_key(actor, "actor"), country=actor_key(country, "country"),
                   source=actor_key(source, "source"), target=actor_key(target, "target"), pair=_pair(pair),
                   cameo=_cameo(cameo), quad_class=_quads(quad_class), factuality=factuality or None,
                   text=_text(q, "q"))
    return RecordQuery("events", where)


def quote_query(
    *,
    speaker: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    date_overlap: str | None = None,
) -> RecordQuery:
    """The query for `/api/quotes` (`date_overlap` as for events).

    - `speaker`: the speaker's actor code or country, or part of the speaker's name as written.
    - `actor`, `country`: the speaker's actor code or country / country only (exact).
    - `kind`: `direct`, `partial` or `indirect`. `q`: case-insensitive text search in the quote.
    """
    if kind is not None and kind.strip() and kind not in {"direct", "partial", "indirect"}:
        raise QueryError(f"kind: {kind!r} is not a quote kind (direct, partial or indirect)")
    where = _build(article_id=article_id or None, since=since or None, until=until or None,
                   date_overlap=date_overlap or None,
                   actor=actor_key(actor, "actor"), country=actor_key(country, "country"),
                   speaker=_text(speaker, "speaker"), quote_kind=kind or None, text=_text(q, "q"))
    return RecordQuery("quotes", where)


# -- cursors ------------------------------------------------------------------------------------------------

def encode_cursor(kind: str, key: RecordKey) -> str:
    """The token for "the rows after this one" (opaque to clients)."""
    raw = json.dumps([kind, *key], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, token: str) -> RecordKey:
    """The position a token names; `QueryError` for one that is not a cursor of this kind of record."""
    invalid = QueryError(f"cursor: not a cursor of /api/{kind} (use next_cursor of a page as it is)")
    if len(token) > MAX_CURSOR:
        raise invalid
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise invalid from exc
    columns = ORDER_COLUMNS[kind]
    if not isinstance(values, list) or len(values) != len(columns) + 1 or values[0] != kind:
        raise invalid
    key = values[1:]
    if not isinstance(key[0], str) or not all(
        v is None or (isinstance(v, str) and len(v) <= 500) or (type(v) is int and abs(v) < 2**31)
        for v in key
    ):
        raise invalid
    return tuple(key)


# -- pages ----------------------------------------------------------------------------------------------------

@dataclass
class Page:
    """A page of rows. `offset` is None for a page read after a cursor (its position is not counted)."""

    rows: list[dict[str, Any]]
    total: int
    offset: int | None
    limit: int
    next_cursor: str | None = None

    @property
    def next(self) -> int | None:
        """The offset of the following page; None on the last page and on pages read after a cursor."""
        if self.offset is None:
            return None
        following = self.offset + len(self.rows)
        return following if following < self.total and self.rows else None


def page(query: RecordQuery, store: Store, *, offset: int, limit: int, after: RecordKey | None = None,
         known_total: int | None = None) -> Page:
    """Rows `offset` to `offset + limit` of a query (after a cursor's position, when given), the total
    number of matches (`known_total`, from a cache, or counted by the store) and the next page's cursor.

    One row more than the page is read, to know whether a next page exists.
    """
    total = known_total if known_total is not None else query.count(store)
    read = store.event_page if query.kind == "events" else store.quote_page
    result = read(query.where, limit=limit + 1, offset=offset, after=after)
    rows, keys = result.rows[:limit], result.keys[:limit]
    following = encode_cursor(query.kind, keys[-1]) if len(result.rows) > limit else None
    return Page(rows=rows, total=total, offset=None if after is not None else offset, limit=limit,
                next_cursor=following)
