"""The embedded store: one DuckDB file, one writer at a time, any number of read-only readers.

Schema changes are migrations: named functions, applied in order, each in a transaction together with
the row that records it in the `migrations` table (sqlite-utils style). Opening a store applies the
migrations it lacks; a read-only store must already be up to date.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import Extraction
from dyad.store.base import RecordPage, Store, StoredArticle, WriteOutcome
from dyad.store.filters import DUCKDB, ORDER, RecordFilter, RecordKey, count_sql, record_key, select_sql
from dyad.store.rows import EVENTS, MENTIONS, QUOTES, RecordShape, flatten, unflatten

Connection = duckdb.DuckDBPyConnection
Migration = Callable[[Connection], None]

_FETCH_BATCH = 1000


def _m0001_initial(con: Connection) -> None:
    con.execute("""
        CREATE TABLE articles (
            "id" VARCHAR PRIMARY KEY,
            "content_hash" VARCHAR NOT NULL,
            "published" VARCHAR,
            "published_precision" VARCHAR,
            "language" VARCHAR,
            "title" VARCHAR,
            "url" VARCHAR,
            "source" VARCHAR,
            "origin" VARCHAR,
            "text" VARCHAR NOT NULL,
            "ingested_at" TIMESTAMP NOT NULL,
            "run_id" INTEGER
        )""")
    con.execute("""
        CREATE TABLE events (
            "event_index" INTEGER NOT NULL,
            "article_id" VARCHAR NOT NULL,
            "sentence" VARCHAR,
            "sentence_index" INTEGER,
            "sentence_start" INTEGER,
            "sentence_end" INTEGER,
            "source_name" VARCHAR,
            "source_actor" VARCHAR,
            "source_country" VARCHAR,
            "source_id" VARCHAR,
            "target_name" VARCHAR,
            "target_actor" VARCHAR,
            "target_country" VARCHAR,
            "target_id" VARCHAR,
            "cameo" VARCHAR,
            "quad_class" INTEGER,
            "goldstein" DOUBLE,
            "plover" VARCHAR,
            "factuality" VARCHAR,
            "date" VARCHAR,
            "date_rule" VARCHAR,
            "trigger" VARCHAR,
            "trigger_start" INTEGER,
            "trigger_end" INTEGER,
            "rule" VARCHAR,
            "confidence" DOUBLE,
            "language" VARCHAR,
            "cameo_root" VARCHAR,
            "date_first" DATE,
            "date_last" DATE,
            "extra" VARCHAR,
            PRIMARY KEY ("article_id", "event_index")
        )""")
    con.execute("""
        CREATE TABLE quotes (
            "quote_index" INTEGER NOT NULL,
            "article_id" VARCHAR NOT NULL,
            "speaker_name" VARCHAR,
            "speaker_actor" VARCHAR,
            "speaker_country" VARCHAR,
            "speaker_id" VARCHAR,
            "text" VARCHAR,
            "kind" VARCHAR,
            "cue" VARCHAR,
            "start" INTEGER,
            "end" INTEGER,
            "sentence" VARCHAR,
            "sentence_index" INTEGER,
            "date" VARCHAR,
            "rule" VARCHAR,
            "confidence" DOUBLE,
            "language" VARCHAR,
            "date_first" DATE,
            "date_last" DATE,
            "extra" VARCHAR,
            PRIMARY KEY ("article_id", "quote_index")
        )""")
    con.execute("""
        CREATE TABLE mentions (
            "article_id" VARCHAR NOT NULL,
            "mention_index" INTEGER NOT NULL,
            "text" VARCHAR,
            "start" INTEGER,
            "end" INTEGER,
            "sentence_index" INTEGER,
            "actor_id" VARCHAR,
            "actor" VARCHAR,
            "actor_name" VARCHAR,
            "country" VARCHAR,
            "role" VARCHAR,
            "kind" VARCHAR,
            "confidence" DOUBLE,
            "rule" VARCHAR,
            "extra" VARCHAR,
            PRIMARY KEY ("article_id", "mention_index")
        )""")
    con.execute("CREATE SEQUENCE runs_id_seq START 1")
    con.execute("""
        CREATE TABLE runs (
            "id" INTEGER PRIMARY KEY DEFAULT nextval('runs_id_seq'),
            "started" TIMESTAMP NOT NULL,
            "finished" TIMESTAMP,
            "inputs" JSON,
            "components" JSON,
            "dyad_version" VARCHAR,
            "counts" JSON
        )""")
    con.execute("CREATE SEQUENCE errors_id_seq START 1")
    con.execute("""
        CREATE TABLE errors (
            "id" INTEGER PRIMARY KEY DEFAULT nextval('errors_id_seq'),
            "run_id" INTEGER,
            "origin" VARCHAR NOT NULL,
            "article_id" VARCHAR,
            "code" VARCHAR NOT NULL,
            "message" VARCHAR NOT NULL,
            "at" TIMESTAMP NOT NULL
        )""")


def _m0002_record_indexes(con: Connection) -> None:
    """Indexes for the API's filters and pages: in PostgreSQL (see postgres.py); none in DuckDB, on purpose.

    DuckDB reads a column from its zone maps, and uses an ART index only for a selective equality on one
    column; the filters here are ORs across actor slots, and the pages are ordered scans. Measured on the
    100,000-event load store (docs/BENCHMARKS.md), indexes on the actor, quad and CAMEO columns left
    count and page times where they were while costing every insert. The step exists so that both
    backends carry the same migration names.
    """
    del con


#: Every migration in the order it applies. Append only: never edit or reorder an applied one.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _m0001_initial),
    ("0002_record_indexes", _m0002_record_indexes),
)


def _now() -> datetime:
    """The current time in UTC, without a zone (the store's TIMESTAMP columns are UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


_ARROW_KINDS = {"str": pa.string(), "int": pa.int32(), "float": pa.float64()}


def _arrow_schema(shape: RecordShape) -> pa.Schema:
    return pa.schema([
        (c, pa.date32() if c in ("date_first", "date_last") else _ARROW_KINDS[shape.kind(c)])
        for c in shape.stored_columns
    ])


def _quoted(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


class DuckDBStore(Store):
    """A store in one DuckDB file (or in memory for `":memory:"`)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.location = str(path)
        self.read_only = read_only
        in_memory = self.location == ":memory:"
        if not in_memory:
            file = Path(path).expanduser()
            self.location = str(file)
            if read_only and not file.exists():
                raise StoreError("no store here yet (ingest something first)", source=self.location)
            if not read_only:
                try:
                    file.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the store's folder: {exc}",
                                     source=self.location) from exc
        try:
            self._con = duckdb.connect(self.location, read_only=read_only and not in_memory)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError("the store is open for writing in another process (one writer at a time; "
                                 "readers may open it read-only once the writer is done)",
                                 source=self.location) from exc
            raise StoreError(f"cannot open the store: {exc}", source=self.location) from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", source=self.location) from exc
        try:
            self._migrate()
        except BaseException:
            self._con.close()
            raise

    # -- migrations -----------------------------------------------------------------------------------

    def _migrate(self) -> None:
        known = [name for name, _ in MIGRATIONS]
        has_table = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
        ).fetchone()
        applied = self.migrations() if has_table and has_table[0] else []
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError("the store was written by a newer dyad (unknown migrations: "
                             f"{', '.join(unknown)})", source=self.location)
        pending = [(name, step) for name, step in MIGRATIONS if name not in applied]
        if not pending:
            return
        if self.read_only:
            raise StoreError(f"the store needs migrations ({', '.join(n for n, _ in pending)}); open it for "
                             "writing once (e.g. with `dyad ingest`)", source=self.location)
        self._con.execute(
            'CREATE TABLE IF NOT EXISTS migrations '
            '("name" VARCHAR PRIMARY KEY, "applied_at" TIMESTAMP NOT NULL)'
        )
        for name, step in pending:
            self._con.begin()
            try:
                step(self._con)
                self._con.execute('INSERT INTO migrations ("name", "applied_at") VALUES (?, ?)',
                                  [name, _now()])
                self._con.commit()
            except Exception as exc:
                self._con.rollback()
                raise StoreError(f"migration {name} failed: {exc}", source=self.location) from exc

    def migrations(self) -> list[str]:
        rows = self._con.execute('SELECT "name" FROM migrations ORDER BY "name"').fetchall()
        return [row[0] for row in rows]

    # -- writing --------------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", source=self.location)

    def article_hash(self, article_id: str) -> str | None:
        row = self._con.execute('SELECT "content_hash" FROM articles WHERE "id" = ?', [article_id]).fetchone()
        return None if row is None else str(row[0])

    def put_article(self, article: Article, content_hash: str, extraction: Extraction,
                    run_id: int | None) -> WriteOutcome:
        self._writable()
        if extraction.article_id != article.id:
            raise StoreError(f"records of article {extraction.article_id!r} handed over with article "
                             f"{article.id!r}", source=article.origin or article.id)
        con = self._con
        con.begin()
        try:
            row = con.execute('SELECT "content_hash" FROM articles WHERE "id" = ?', [article.id]).fetchone()
            if row is not None and row[0] == content_hash:
                con.rollback()
                return "unchanged"
            if row is not None:
                for table in ("events", "quotes", "mentions"):
                    con.execute(f'DELETE FROM {table} WHERE "article_id" = ?', [article.id])
                con.execute('DELETE FROM articles WHERE "id" = ?', [article.id])
            published = article.published
            con.execute(
                'INSERT INTO articles ("id", "content_hash", "published", "published_precision", "language", '
                '"title", "url", "source", "origin", "text", "ingested_at", "run_id") '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, content_hash, published.iso() if published else None,
                 published.precision.value if published else None, extraction.language or article.language,
                 article.title, article.url, article.source, article.origin, article.text, _now(), run_id],
            )
            self._insert(EVENTS, extraction.events)
            self._insert(QUOTES, extraction.quotes)
            self._insert(MENTIONS, extraction.mentions)
            con.commit()
        except Exception as exc:
            con.rollback()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot write article {article.id!r}: {exc}",
                             source=article.origin or article.id) from exc
        except BaseException:
            con.rollback()
            raise
        return "inserted" if row is None else "replaced"

    def _insert(self, shape: RecordShape, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        # Rows go in as one Arrow table: DuckDB's executemany converts value by value and is ~100x slower.
        columns = shape.stored_columns
        rows = [flatten(r, shape, i) for i, r in enumerate(records)]
        schema = _arrow_schema(shape)
        batch = pa.table({c: [row[c] for row in rows] for c in columns}, schema=schema)
        self._con.register("_dyad_batch", batch)
        try:
            self._con.execute(f"INSERT INTO {shape.table} ({_quoted(columns)}) "
                              f"SELECT {_quoted(columns)} FROM _dyad_batch")
        finally:
            self._con.unregister("_dyad_batch")

    def start_run(self, *, inputs: list[str], dyad_version: str) -> int:
        self._writable()
        row = self._con.execute(
            'INSERT INTO runs ("started", "inputs", "dyad_version") VALUES (?, ?, ?) RETURNING "id"',
            [_now(), json.dumps(inputs, ensure_ascii=False), dyad_version],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, *, counts: Mapping[str, int],
                   components: Mapping[str, Mapping[str, str]]) -> None:
        self._writable()
        self._con.execute(
            'UPDATE runs SET "finished" = ?, "counts" = ?, "components" = ? WHERE "id" = ?',
            [_now(), json.dumps(dict(counts), sort_keys=True),
             json.dumps({k: dict(v) for k, v in components.items()}, sort_keys=True), run_id],
        )

    def record_error(self, run_id: int | None, *, origin: str, code: str, message: str,
                     article_id: str | None = None) -> None:
        self._writable()
        self._con.execute(
            'INSERT INTO errors ("run_id", "origin", "article_id", "code", "message", "at") '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [run_id, origin, article_id, code, message, _now()],
        )

    # -- reading --------------------------------------------------------------------------------------

    def _dicts(self, sql: str, params: list[object] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self._con.cursor()
        try:
            cursor.execute(sql, params or [])
            names = [d[0] for d in cursor.description or []]
            while batch := cursor.fetchmany(_FETCH_BATCH):
                for values in batch:
                    yield dict(zip(names, values, strict=True))
        finally:
            cursor.close()

    def get_article(self, article_id: str) -> StoredArticle | None:
        for row in self._dicts('SELECT * FROM articles WHERE "id" = ?', [article_id]):
            row["ingested_at"] = row["ingested_at"].isoformat()
            return StoredArticle(**row)
        return None

    def article_ids(self) -> list[str]:
        return [row[0] for row in self._con.execute('SELECT "id" FROM articles ORDER BY "id"').fetchall()]

    def _rows(self, shape: RecordShape, where: RecordFilter | None, limit: int | None, offset: int,
              after: RecordKey | None) -> Iterator[dict[str, Any]]:
        query, params = select_sql(shape, where, DUCKDB, limit=limit, offset=offset, after=after)
        return self._dicts(query, params)

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
        query, params = count_sql(shape, where, DUCKDB, after=after)
        row = self._con.execute(query, params).fetchone()
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

    def mentions(self, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        clause, params = ('WHERE "article_id" = ?', [article_id]) if article_id is not None else ("", [])
        sql = f"SELECT {_quoted(MENTIONS.stored_columns)} FROM mentions {clause} ORDER BY {ORDER['mentions']}"
        for row in self._dicts(sql, list(params)):
            yield unflatten(row, MENTIONS)

    def runs(self) -> list[dict[str, Any]]:
        out = []
        for row in self._dicts('SELECT * FROM runs ORDER BY "id"'):
            for key in ("inputs", "components", "counts"):
                row[key] = json.loads(row[key]) if row[key] is not None else None
            for key in ("started", "finished"):
                row[key] = row[key].isoformat() if row[key] is not None else None
            out.append(row)
        return out

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        clause, params = ('WHERE "run_id" = ?', [run_id]) if run_id is not None else ("", [])
        out = []
        for row in self._dicts(f'SELECT * FROM errors {clause} ORDER BY "id"', list(params)):
            row["at"] = row["at"].isoformat()
            out.append(row)
        return out

    def _count(self, table: str) -> int:
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {t: self._count(t) for t in ("articles", "events", "quotes", "mentions", "runs",
                                                            "errors")}
        by_quad: dict[int, int] = {1: 0, 2: 0, 3: 0, 4: 0}
        for quad, n in self._con.execute(
            'SELECT "quad_class", count(*) FROM events WHERE "quad_class" IS NOT NULL GROUP BY 1 ORDER BY 1'
        ).fetchall():
            by_quad[int(quad)] = int(n)
        out["events_by_quad_class"] = by_quad
        out["top_dyads"] = [
            {"source_country": s, "target_country": t, "events": int(n)}
            for s, t, n in self._con.execute(
                'SELECT "source_country", "target_country", count(*) AS n FROM events '
                'WHERE "source_country" IS NOT NULL AND "target_country" IS NOT NULL '
                "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"
            ).fetchall()
        ]
        out["languages"] = {
            str(lang): int(n) for lang, n in self._con.execute(
                'SELECT coalesce("language", \'unknown\'), count(*) FROM articles GROUP BY 1 ORDER BY 1'
            ).fetchall()
        }
        return out

    def close(self) -> None:
        self._con.close()
