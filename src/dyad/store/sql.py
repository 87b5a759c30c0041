"""SQL that is the same on every backend: runs and errors written; events, quotes (filtered, counted,
paged), mentions, runs, errors and the `stats` summary read.

A backend supplies `_dicts(sql, params)` (rows as dicts), `_execute(sql, params)` (a cursor with
`fetchone`), `_rows` (how it fetches a filtered select), its parameter placeholder, filter dialect and JSON
cast; everything here is written once, so DuckDB and PostgreSQL cannot drift apart in what they record or
report.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from dyad.errors import StoreError
from dyad.records import Extraction
from dyad.store.aggregate import AggregateQuery, EventGroups
from dyad.store.base import ErrorRow, RecordPage, Store, StoredArticle
from dyad.store.filters import (
    DUCKDB,
    ORDER,
    Dialect,
    RecordFilter,
    RecordKey,
    count_sql,
    record_key,
)
from dyad.store.pages import sorted_records
from dyad.store.rollups import ROLLUPS
from dyad.store.rows import EVENTS, MENTIONS, QUOTES, RecordShape, unflatten

_TABLES = ("articles", "events", "quotes", "mentions", "runs", "errors")


def now_utc() -> datetime:
    """The current time in UTC, without a zone (the store's TIMESTAMP columns are UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def quoted(columns: tuple[str, ...]) -> str:
    """A column list with every name quoted."""
    return ", ".join(f'"{c}"' for c in columns)


class SQLStore(Store):
    """Shared SQL reads of the store backends."""

    #: The backend's query parameter placeholder ("?" for DuckDB, "%s" for psycopg).
    placeholder = "?"
    #: What makes a text parameter a JSON value ("" where the column takes text, "::json" for PostgreSQL).
    json_cast = ""

    @abc.abstractmethod
    def _dicts(self, sql: str, params: list[object] | None = None) -> Iterator[dict[str, Any]]: ...

    @abc.abstractmethod
    def _all(self, sql: str, params: list[object]) -> list[dict[str, Any]]:
        """Every row of a query with a small result (an aggregate), as dicts, in one round trip."""

    #: How filters are written in this backend's SQL (placeholders, case folding).
    _dialect: Dialect = DUCKDB

    @abc.abstractmethod
    def _execute(self, sql: str, params: list[object]) -> Any:
        """Run one statement; returns something with `fetchone()`."""

    @abc.abstractmethod
    def _rows(self, shape: RecordShape, where: RecordFilter | None, limit: int | None, offset: int,
              after: RecordKey | None) -> Iterator[dict[str, Any]]:
        """Stored rows of events or quotes under a filter, in the stable order (flat columns)."""

    # -- events and quotes ------------------------------------------------------------------------------

    def _records(self, shape: RecordShape, where: RecordFilter | None, limit: int | None = None,
                 offset: int = 0, after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        for row in self._rows(shape, where, limit, offset, after):
            yield unflatten(row, shape)

    def _page(self, shape: RecordShape, where: RecordFilter | None, limit: int, offset: int,
              after: RecordKey | None) -> RecordPage:
        raw = list(self._rows(shape, where, limit, offset, after))
        return RecordPage(rows=[unflatten(row, shape) for row in raw],
                          keys=[record_key(shape, row) for row in raw])

    def _count_records(self, shape: RecordShape, where: RecordFilter | None,
                       after: RecordKey | None) -> int:
        if shape is EVENTS and after is None:
            # Summed from a rollup where one holds the filter (a page of the event table under a quad
            # class, a country, a month: its total without counting the matching events).
            total = EventGroups(where or RecordFilter())
            if total.rollup(self._dialect) is not None:
                return int(self.aggregate(total)[0]["events"])
        query, params = count_sql(shape, where, self._dialect, after=after)
        row = self._execute(query, params).fetchone()
        return int(row[0]) if row else 0

    def events(self, where: RecordFilter | None = None, limit: int | None = None, offset: int = 0, *,
               after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        return self._records(EVENTS, where, limit, offset, after)

    def quotes(self, where: RecordFilter | None = None, limit: int | None = None, offset: int = 0, *,
               after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        return self._records(QUOTES, where, limit, offset, after)

    def count_events(self, where: RecordFilter | None = None, *, after: RecordKey | None = None) -> int:
        return self._count_records(EVENTS, where, after)

    def count_quotes(self, where: RecordFilter | None = None, *, after: RecordKey | None = None) -> int:
        return self._count_records(QUOTES, where, after)

    def event_page(self, where: RecordFilter | None = None, *, limit: int, offset: int = 0,
                   after: RecordKey | None = None) -> RecordPage:
        return self._page(EVENTS, where, limit, offset, after)

    def quote_page(self, where: RecordFilter | None = None, *, limit: int, offset: int = 0,
                   after: RecordKey | None = None) -> RecordPage:
        return self._page(QUOTES, where, limit, offset, after)


    def aggregate(self, query: AggregateQuery) -> list[dict[str, Any]]:
        sql, params = query.sql(self._dialect)
        return self._all(sql, params)

    # -- runs and errors --------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", source=self.location)

    def start_run(self, *, inputs: list[str], dyad_version: str) -> int:
        self._writable()
        m, j = self.placeholder, self.json_cast
        row = self._execute(
            f'INSERT INTO runs ("started", "inputs", "dyad_version") VALUES ({m}, {m}{j}, {m}) RETURNING "id"',
            [now_utc(), json.dumps(inputs, ensure_ascii=False), dyad_version],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, *, counts: Mapping[str, int],
                   components: Mapping[str, Mapping[str, str]]) -> None:
        self._writable()
        m, j = self.placeholder, self.json_cast
        self._execute(
            f'UPDATE runs SET "finished" = {m}, "counts" = {m}{j}, "components" = {m}{j} WHERE "id" = {m}',
            [now_utc(), json.dumps(dict(counts), sort_keys=True),
             json.dumps({k: dict(v) for k, v in components.items()}, sort_keys=True), run_id],
        )

    def record_error(self, run_id: int | None, *, origin: str, code: str, message: str,
                     article_id: str | None = None) -> None:
        self._writable()
        self._insert_errors(run_id, [ErrorRow(origin, code, message, article_id, now_utc())])

    def _insert_errors(self, run_id: int | None, errors: Sequence[ErrorRow]) -> None:
        """Insert error rows in order (in the caller's transaction, if any); few, so one statement each."""
        marks = ", ".join([self.placeholder] * 6)
        for error in errors:
            self._execute(
                f'INSERT INTO errors ("run_id", "origin", "article_id", "code", "message", "at") VALUES ({marks})',
                [run_id, error.origin, error.article_id, error.code, error.message, error.at],
            )

    # -- reading ----------------------------------------------------------------------------------------

    def _by_id(self, column: str, value: object | None) -> tuple[str, list[object]]:
        return (f'WHERE "{column}" = {self.placeholder}', [value]) if value is not None else ("", [])

    def article_records(self, article_id: str, *, article: StoredArticle | None = None) -> Extraction | None:
        # One plain select by key per table, sorted here into the stable order: an article has a few dozen
        # rows, and a sort in the database (DuckDB) costs more than reading them (the API's article page).
        if article is None or article.id != article_id:
            article = self.get_article(article_id)
        if article is None:
            return None

        def rows(shape: RecordShape) -> list[dict[str, Any]]:
            sql = f'SELECT {quoted(shape.stored_columns)} FROM {shape.table} WHERE "article_id" = {self.placeholder}'
            return sorted_records(self._all(sql, [article_id]), shape)  # one round trip: few rows

        return Extraction(article_id=article_id, language=article.language or "", published=article.published,
                          events=rows(EVENTS), quotes=rows(QUOTES), mentions=rows(MENTIONS))

    def article_page(self, article_id: str) -> bytes | None:
        found = self._all(f'SELECT "page" FROM article_pages WHERE "article_id" = {self.placeholder}', [article_id])
        return bytes(found[0]["page"]) if found else None

    def mentions(self, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        clause, params = self._by_id("article_id", article_id)
        sql = f"SELECT {quoted(MENTIONS.stored_columns)} FROM mentions {clause} ORDER BY {ORDER['mentions']}"
        for row in self._dicts(sql, params):
            yield unflatten(row, MENTIONS)

    def runs(self) -> list[dict[str, Any]]:
        out = []
        for row in self._dicts('SELECT * FROM runs ORDER BY "id"'):
            for key in ("inputs", "components", "counts"):
                if isinstance(row[key], str):  # DuckDB returns JSON as text; psycopg parses it already
                    row[key] = json.loads(row[key])
            for key in ("started", "finished"):
                row[key] = row[key].isoformat() if row[key] is not None else None
            out.append(row)
        return out

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        clause, params = self._by_id("run_id", run_id)
        out = []
        for row in self._dicts(f'SELECT * FROM errors {clause} ORDER BY "id"', params):
            row["at"] = row["at"].isoformat()
            out.append(row)
        return out

    def article_sources(self) -> dict[str, dict[str, Any]]:
        return {str(row.pop("id")): row for row in self._dicts(
            'SELECT "id", "title", "url", "source", "published" FROM articles ORDER BY "id"')}

    def actor_names(self) -> dict[str, str]:
        return {str(row["i"]): str(row["n"]) for row in self._dicts(
            'SELECT "actor_id" AS i, min("actor_name") AS n FROM mentions '
            'WHERE "actor_id" IS NOT NULL AND "actor_name" IS NOT NULL GROUP BY 1')}

    def _count(self, table: str) -> int:
        rows = list(self._dicts(f"SELECT count(*) AS n FROM {table}"))
        return int(rows[0]["n"]) if rows else 0

    def stats(self) -> dict[str, Any]:
        # The events are counted from the rollups (dyad.store.rollups), which hold every event: their
        # number per quad class from the smallest, the top country pairs from the one keyed by them.
        months, pairs = ROLLUPS
        out: dict[str, Any] = {t: self._count(t) for t in _TABLES if t != "events"}
        out["events"] = int(self._all(f'SELECT coalesce(sum("events"), 0) AS n FROM {months.table}', [])[0]["n"])
        by_quad: dict[int, int] = {1: 0, 2: 0, 3: 0, 4: 0}
        for row in self._dicts(f'SELECT "quad_class" AS q, sum("events") AS n FROM {months.table} '
                               'WHERE "quad_class" IS NOT NULL GROUP BY 1 ORDER BY 1'):
            by_quad[int(row["q"])] = int(row["n"])
        out["events_by_quad_class"] = by_quad
        out["top_dyads"] = [
            {"source_country": row["s"], "target_country": row["t"], "events": int(row["n"])}
            for row in self._dicts(
                f'SELECT "source_country" AS s, "target_country" AS t, sum("events") AS n FROM {pairs.table} '
                'WHERE "source_country" IS NOT NULL AND "target_country" IS NOT NULL '
                "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"
            )
        ]
        out["languages"] = {
            str(row["lang"]): int(row["n"]) for row in self._dicts(
                'SELECT coalesce("language", \'unknown\') AS lang, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1'
            )
        }
        return {t: out[t] for t in (*_TABLES, "events_by_quad_class", "top_dyads", "languages")}
