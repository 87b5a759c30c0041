"""The API's record queries: filters, a stable page of rows, and the total.

The conditions the store understands (`RecordFilter`: article, actor, country, CAMEO root, factuality,
date range) are handed to it, so they run as parameterised SQL in the database; the rest (direction of
a pair, a full or partial CAMEO code, quad class, text search) narrow the rows the store returns. Rows
come in the store's stable order, so `offset` pages never overlap or skip while the store is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from dyad.aggregates import slot_matches
from dyad.errors import DyadError
from dyad.store import RecordFilter, Store

Predicate = Callable[[dict[str, Any]], bool]

_CAMEO_CODE = re.compile(r"^\d{2,4}$")
_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
MAX_QUERY_TEXT = 200


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
    return value.strip().casefold()


def _quads(value: str | None) -> frozenset[int] | None:
    if value is None or not value.strip():
        return None
    out: set[int] = set()
    for part in value.split(","):
        part = part.strip()
        if part not in {"1", "2", "3", "4"}:
            raise QueryError(f"quad_class: {part!r} is not a quad class (1, 2, 3 or 4; several as 3,4)")
        out.add(int(part))
    return frozenset(out)


@dataclass(frozen=True)
class RecordQuery:
    """What to read: the filter the store applies and the conditions checked on each row after it."""

    kind: str  # "events" | "quotes"
    where: RecordFilter
    checks: tuple[tuple[str, Predicate], ...]  # (description, predicate); the description keys the cache

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.kind, self.where, tuple(name for name, _ in self.checks))

    def rows(self, store: Store) -> Generator[dict[str, Any], None, None]:
        """Matching rows in the store's stable order; the store's cursor is closed when iteration stops."""
        records = store.events(self.where) if self.kind == "events" else store.quotes(self.where)
        try:
            for record in records:
                if all(check(record) for _, check in self.checks):
                    yield record
        finally:
            close = getattr(records, "close", None)
            if close is not None:
                close()


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
) -> RecordQuery:
    """The query for `/api/events`; `QueryError` for a parameter that cannot be used.

    - `actor`, `country`: either side (`RecordFilter` semantics: actor matches code or country).
    - `source`, `target`: that side's actor code or country.
    - `pair`: `A,B`: events between A and B, either direction (each an actor code or country).
    - `cameo`: a code or its prefix, 2 to 4 digits (`16`, `161`, `0211`): the code and those under it.
    - `quad_class`: one or several (`3,4`). `factuality`: `actual`, `possible` or `negated`.
    - `q`: case-insensitive text search in the sentence.
    """
    checks: list[tuple[str, Predicate]] = []
    actor_k = actor_key(actor, "actor")
    pair_keys: tuple[str, str] | None = None
    if pair is not None and pair.strip():
        parts = [p for p in re.split(r"[,/]", pair) if p.strip()]
        if len(parts) != 2:
            raise QueryError("pair: give two actor or country codes as A,B (e.g. USA,RUS)")
        keys = (actor_key(parts[0], "pair"), actor_key(parts[1], "pair"))
        if keys[0] is None or keys[1] is None:
            raise QueryError("pair: give two actor or country codes as A,B (e.g. USA,RUS)")
        first: str = keys[0]
        second: str = keys[1]
        pair_keys = (first, second)

        def in_pair(r: dict[str, Any], a: str = first, b: str = second) -> bool:
            s, t = r.get("source"), r.get("target")
            return (slot_matches(s, a) and slot_matches(t, b)) or (slot_matches(s, b) and slot_matches(t, a))

        checks.append((f"pair={first},{second}", in_pair))
    source_k = actor_key(source, "source")
    if source_k is not None:
        checks.append((f"source={source_k}",
                       lambda r, k=source_k: slot_matches(r.get("source"), k)))  # type: ignore[misc]
    target_k = actor_key(target, "target")
    if target_k is not None:
        checks.append((f"target={target_k}",
                       lambda r, k=target_k: slot_matches(r.get("target"), k)))  # type: ignore[misc]
    root: str | None = None
    if cameo is not None and cameo.strip():
        code = cameo.strip()
        if not _CAMEO_CODE.match(code):
            raise QueryError(f"cameo: {cameo!r} is not a CAMEO code (2 to 4 digits, e.g. 16, 161, 0211)")
        root = code[:2]
        if len(code) > 2:
            checks.append((f"cameo={code}",
                           lambda r, c=code: str(r.get("cameo") or "").startswith(c)))  # type: ignore[misc]
    quads = _quads(quad_class)
    if quads is not None:
        checks.append((f"quad={sorted(quads)}",
                       lambda r, qs=quads: r.get("quad_class") in qs))  # type: ignore[misc]
    text = _text(q, "q")
    if text is not None:
        checks.append((f"q={text}",
                       lambda r, t=text: t in str(r.get("sentence") or "").casefold()))  # type: ignore[misc]
    pushed_actor = actor_k or (pair_keys[0] if pair_keys else None) or source_k or target_k
    if actor_k is not None and pair_keys is not None:
        checks.append((f"actor={actor_k}", lambda r, k=actor_k: (  # type: ignore[misc]
            slot_matches(r.get("source"), k) or slot_matches(r.get("target"), k))))
        pushed_actor = pair_keys[0]
    try:
        where = RecordFilter.build(article_id=article_id or None, since=since or None, until=until or None,
                                   actor=pushed_actor, country=actor_key(country, "country"),
                                   cameo_root=root, factuality=factuality or None)
    except DyadError as exc:
        raise QueryError(exc.message) from exc
    return RecordQuery("events", where, tuple(checks))


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
) -> RecordQuery:
    """The query for `/api/quotes`.

    - `speaker`: the speaker's actor code or country, or part of the speaker's name as written.
    - `actor`, `country`: the speaker's actor code or country / country only (exact).
    - `kind`: `direct`, `partial` or `indirect`. `q`: case-insensitive text search in the quote.
    """
    checks: list[tuple[str, Predicate]] = []
    who_text = _text(speaker, "speaker")
    if who_text is not None:
        who: str = who_text
        code = who.upper()

        def by_speaker(r: dict[str, Any], name: str = who, key: str = code) -> bool:
            slot = r.get("speaker")
            if slot is None:
                return False
            return slot_matches(slot, key) or name in str(slot.get("name") or "").casefold()

        checks.append((f"speaker={who}", by_speaker))
    if kind is not None and kind.strip():
        if kind not in {"direct", "partial", "indirect"}:
            raise QueryError(f"kind: {kind!r} is not a quote kind (direct, partial or indirect)")
        checks.append((f"kind={kind}", lambda r, k=kind: r.get("kind") == k))  # type: ignore[misc]
    text = _text(q, "q")
    if text is not None:
        checks.append((f"q={text}",
                       lambda r, t=text: t in str(r.get("text") or "").casefold()))  # type: ignore[misc]
    try:
        where = RecordFilter.build(article_id=article_id or None, since=since or None, until=until or None,
                                   actor=actor_key(actor, "actor"), country=actor_key(country, "country"))
    except DyadError as exc:
        raise QueryError(exc.message) from exc
    return RecordQuery("quotes", where, tuple(checks))


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int

    @property
    def next(self) -> int | None:
        following = self.offset + len(self.rows)
        return following if following < self.total and self.rows else None


def page(query: RecordQuery, store: Store, *, offset: int, limit: int,
         known_total: int | None = None) -> Page:
    """Rows `offset` to `offset + limit` of a query and the total number of matches.

    With `known_total` (from a cache) reading stops after the page; otherwise it reads every match once to
    count them.
    """
    rows: list[dict[str, Any]] = []
    count = 0
    iterator = query.rows(store)
    try:
        for record in iterator:
            if offset <= count < offset + limit:
                rows.append(record)
            count += 1
            if known_total is not None and count >= offset + limit:
                break
    finally:
        iterator.close()
    return Page(rows=rows, total=known_total if known_total is not None else count, offset=offset,
                limit=limit)
