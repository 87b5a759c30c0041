"""The embedded store: one DuckDB file, one writer at a time, any number of read-only readers.

Schema changes are migrations: named functions, applied in order, each in a transaction together with
the row that records it in the `migrations` table (sqlite-utils style). Opening a store applies the
migrations it lacks; a read-only store must already be up to date.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import StoreError
from dyad.store.base import ArticleWrite, ErrorRow, StoredArticle, WriteOutcome, check_writes, plan_writes
from dyad.store.filters import Dialect, RecordFilter, RecordKey, select_sql
from dyad.store.pages import WrittenArticles, fill_pages, pages_to_render_on_migration
from dyad.store.rollups import ROLLUPS
from dyad.store.rows import (
    EVENT_ID_PLACE_COLUMNS,
    EVENT_ID_SOURCE_COLUMNS,
    EVENTS,
    MENTIONS,
    QUOTES,
    RecordShape,
    flatten,
    stored_event_id,
)
from dyad.store.sql import SQLStore, now_utc, quoted

Connection = duckdb.DuckDBPyConnection
Migration = Callable[[Connection], None]

_FETCH_BATCH = 1000
#: Dyad keys a store keeps in memory at most (`DuckDBStore._dyad_keys_of`); beyond, it starts again.
_DYAD_KEY_CACHE = 100_000
#: How this backend's SQL is written: DuckDB's placeholders, conditions on who acted on whom through the
#: dyad keys (0005_aggregate_keys), rows found again by `rowid`, aggregates summed from the event rollups
#: where one holds them (0007_event_rollups).
#: The event columns `DuckDBStore.warm_up` reads: the dyad keys, quad class, dates, factuality and weight
#: that the series, the network and the filters read, and the stable order the event table sorts by.
WARM_COLUMNS = ("dyad_key", "quad_class", "date_first", "date_last", "factuality", "goldstein", "article_id",
                "sentence_index", "event_index")
STORE_DIALECT = Dialect(dyad_keys=True, row_id="rowid", rollups=True)
#: DuckDB's memory limit while an export streams (the sort into the stable order spills beyond it).
EXPORT_MEMORY_LIMIT = "400MB"


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


def _m0003_aggregate_indexes(con: Connection) -> None:
    """The layout the aggregates read (dyad.store.aggregate) is already in place in DuckDB: dates as DATE
    (`date_first`, `date_last`, the period a record's date covers), the CAMEO root as a column, and each
    side's actor code, country and id as columns of their own, so a GROUP BY reads a few compressed
    columns and prunes row groups by their zone maps. Rows that a writer left without their derived
    columns (a date without `date_first`, a code without `cameo_root`) get them here, so that no aggregate
    misses them. No index: as for 0002, DuckDB would not use one for these scans (docs/BENCHMARKS.md).
    """
    con.execute("""UPDATE events SET "cameo_root" = substr("cameo", 1, 2)
                   WHERE "cameo_root" IS NULL AND "cameo" IS NOT NULL""")
    con.execute("""UPDATE events SET "date_first" = CAST("date" AS DATE), "date_last" = CAST("date" AS DATE)
                   WHERE "date_first" IS NULL AND regexp_full_match("date", '[0-9]{4}-[0-9]{2}-[0-9]{2}')""")


def _m0004_event_ids_and_places(con: Connection) -> None:
    """Every event gets its stable id (`event_id`, dyad.records.event_id) and a place slot (`place_name`,
    `place_country`, `place_lat`, `place_lon`, dyad.places). Stored events get their ids here, computed
    from their columns as a re-ingest would compute them; their place stays empty until their article is
    ingested again (`dyad ingest` of a changed article, or of a fresh store)."""
    for column, kind in EVENT_ID_PLACE_COLUMNS:
        con.execute(f'ALTER TABLE events ADD COLUMN "{column}" {"DOUBLE" if kind == "float" else "VARCHAR"}')
    cursor = con.execute(f"SELECT {quoted(EVENT_ID_SOURCE_COLUMNS)} FROM events")
    names = [d[0] for d in cursor.description or []]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    if not rows:
        return
    ids = pa.table({"article_id": [r["article_id"] for r in rows], "event_index": [r["event_index"] for r in rows],
                    "event_id": [stored_event_id(r) for r in rows]})
    con.register("_dyad_ids", ids)
    try:
        con.execute('UPDATE events SET "event_id" = b."event_id" FROM _dyad_ids b '
                    'WHERE events."article_id" = b."article_id" AND events."event_index" = b."event_index"')
    finally:
        con.unregister("_dyad_ids")


#: The columns of an event that its dyad key stands for (the `dyads` table holds them once per key).
DYAD_COLUMNS = ("source_actor", "source_country", "target_actor", "target_country", "factuality")


def _same_dyad(left: str, right: str) -> str:
    """SQL true when two rows hold the same `DYAD_COLUMNS` (NULL matching NULL)."""
    return " AND ".join(f'{left}."{c}" IS NOT DISTINCT FROM {right}."{c}"' for c in DYAD_COLUMNS)


def add_dyads(con: Connection, source: str) -> None:
    """Give every combination of `DYAD_COLUMNS` in `source` (a table or view) that `dyads` lacks a key."""
    columns = quoted(DYAD_COLUMNS)
    con.execute(f"INSERT INTO dyads ({columns}) SELECT DISTINCT {columns} FROM {source} s "
                f"WHERE NOT EXISTS (SELECT 1 FROM dyads d WHERE {_same_dyad('d', 's')})")


def key_events(con: Connection) -> None:
    """Give every event without a dyad key its key (adding the combinations `dyads` lacks): what the
    migration and a store filled by SQL (benchmarks/synthetic.py) run once over all their rows."""
    con.execute('CREATE OR REPLACE TEMP VIEW _dyad_unkeyed AS SELECT * FROM events WHERE "dyad_key" IS NULL')
    try:
        add_dyads(con, "_dyad_unkeyed")
    finally:
        con.execute("DROP VIEW IF EXISTS _dyad_unkeyed")
    con.execute(f'UPDATE events SET "dyad_key" = d."key" FROM dyads d '
                f'WHERE events."dyad_key" IS NULL AND {_same_dyad("d", "events")}')


def _m0005_aggregate_keys(con: Connection) -> None:
    """Who acted on whom as one integer: `dyads` holds each distinct combination of the events' source
    actor and country, target actor and country, and factuality once, under a key; every event carries
    its combination's key (`dyad_key`, kept by the writer). A filter on those columns (an actor, a pair,
    a direction, a country, a factuality: dyad.store.filters) is answered on the small table and reaches
    the events as one integer column to match, instead of an OR over four text columns of every row: the
    dyad series over 10 M events (docs/BENCHMARKS.md). Existing events get their keys here.

    PostgreSQL's step of the same name stores the events' week, month and year buckets instead (its
    B-tree indexes on the actor columns, 0002, answer these filters there; DuckDB computes buckets fast).
    """
    con.execute("CREATE SEQUENCE dyads_key_seq START 1")
    con.execute("""
        CREATE TABLE dyads (
            "key" INTEGER PRIMARY KEY DEFAULT nextval('dyads_key_seq'),
            "source_actor" VARCHAR,
            "source_country" VARCHAR,
            "target_actor" VARCHAR,
            "target_country" VARCHAR,
            "factuality" VARCHAR
        )""")
    con.execute('ALTER TABLE events ADD COLUMN "dyad_key" INTEGER')
    key_events(con)


def _fetch_on(con: Connection) -> Callable[[str, list[object]], list[dict[str, Any]]]:
    """Rows of a query as dicts on this connection itself (a cursor would be another connection, outside
    the transaction), for the article pages written in the writer's transaction."""
    def fetch(sql: str, params: list[object]) -> list[dict[str, Any]]:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    return fetch


_PAGE_SCHEMA = pa.schema([("article_id", pa.string()), ("page", pa.binary())])


def _insert_pages(con: Connection) -> Callable[[list[tuple[str, bytes]]], None]:
    def insert(pages: list[tuple[str, bytes]]) -> None:
        # A relation in the table's column order, as `DuckDBStore._insert_arrow` inserts the writer's rows.
        con.from_arrow(pa.table({"article_id": [i for i, _ in pages], "page": [b for _, b in pages]},
                                schema=_PAGE_SCHEMA)).insert_into("article_pages")
    return insert


def write_pages(con: Connection, articles: Sequence[str] | WrittenArticles) -> None:
    """Render and store the pages of these articles (dyad.store.pages; `WrittenArticles` from what the
    writer wrote), in the connection's transaction."""
    fill_pages(_fetch_on(con), "?", articles, _insert_pages(con))


def _m0006_article_pages(con: Connection) -> None:
    """Each article's page (the API's `/api/articles/{id}` answer: the article, its events, quotes and
    mentions) rendered once, as JSON, in `article_pages` (dyad.store.pages): reading a page is one
    look-up by key. Written by the writer with the article from here on; the stored articles get theirs
    here, up to `pages.MIGRATION_PAGE_LIMIT` of them."""
    con.execute('CREATE TABLE article_pages ("article_id" VARCHAR PRIMARY KEY, "page" BLOB NOT NULL)')
    stored = [row[0] for row in con.execute('SELECT "id" FROM articles ORDER BY "id"').fetchall()]
    write_pages(con, pages_to_render_on_migration(stored))


def roll_up_events(con: Connection) -> None:
    """Add every stored event to the rollups (dyad.store.rollups): what the migration and a store filled
    by SQL (benchmarks/synthetic.py) run once over all their rows."""
    for rollup in ROLLUPS:
        con.execute(rollup.upsert_sql("events"))


def _m0007_event_rollups(con: Connection) -> None:
    """The event rollups (dyad.store.rollups: events, Goldstein sums and counts per month, factuality,
    quad class and CAMEO root, and per month, factuality, quad class and country pair), filled from the
    stored events; the writer keeps them from here on (`put_articles`). The store's stats, the series of
    all events, the network by country, and the counts per root and per country over time are summed
    from them (docs/BENCHMARKS.md)."""
    for rollup in ROLLUPS:
        con.execute(rollup.create_sql("VARCHAR", "DOUBLE"))
    roll_up_events(con)


#: Every migration in the order it applies. Append only: never edit or reorder an applied one.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _m0001_initial),
    ("0002_record_indexes", _m0002_record_indexes),
    ("0003_aggregate_indexes", _m0003_aggregate_indexes),
    ("0004_event_ids_and_places", _m0004_event_ids_and_places),
    ("0005_aggregate_keys", _m0005_aggregate_keys),
    ("0006_article_pages", _m0006_article_pages),
    ("0007_event_rollups", _m0007_event_rollups),
)


def _literal(text: str) -> str:
    """Text inside a SQL string literal (SET takes no parameters)."""
    return text.replace("'", "''")


_ARROW_KINDS = {"str": pa.string(), "int": pa.int32(), "float": pa.float64()}


def _arrow_schema(shape: RecordShape) -> pa.Schema:
    return pa.schema([
        (c, pa.date32() if c in ("date_first", "date_last") else _ARROW_KINDS[shape.kind(c)])
        for c in shape.stored_columns
    ])


_ARTICLE_COLUMNS = ("id", "content_hash", "published", "published_precision", "language", "title", "url",
                    "source", "origin", "text", "ingested_at", "run_id")
_ARTICLE_SCHEMA = pa.schema([*((c, pa.string()) for c in _ARTICLE_COLUMNS[:10]), ("ingested_at", pa.timestamp("us")),
                             ("run_id", pa.int32())])


class DuckDBStore(SQLStore):
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
        #: `DYAD_COLUMNS` values -> dyad key, of the combinations this store has written or looked up
        self._dyad_keys: dict[tuple[Any, ...], int] = {}
        self._table_columns: dict[str, tuple[str, ...]] = {}  # a table's columns in order (`_insert_arrow`)
        try:
            self._fit_threads()
            self._migrate()
            self._dialect = STORE_DIALECT
        except BaseException:
            self._con.close()
            raise

    def set_threads(self, threads: int) -> None:
        """Run each query of this database (every connection of this process to the file) on at most
        `threads` threads. A server answering many small queries at once sets 1: a point read split across
        threads costs several times the CPU of one thread (docs/BENCHMARKS.md, the API load test)."""
        self._con.execute(f"SET threads = {max(1, int(threads)):d}")

    def warm_up(self) -> None:
        """Read `WARM_COLUMNS` of every event into DuckDB's buffer (a freshly opened file is read from disk on
        its first scans: 0.5-0.7 s over 10 M events) and bind a scalar and a list parameter (the first
        binding of a process imports numpy: 0.5-1 s), on every CPU this process may use; then the thread
        setting is put back. About 1.6 s at 10 M events on 2 cores (docs/BENCHMARKS.md)."""
        row = self._con.execute("SELECT current_setting('threads')").fetchone()
        threads = int(row[0]) if row is not None else 1
        try:
            allowed = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):  # pragma: no cover - not Linux
            allowed = os.cpu_count() or 1
        self.set_threads(max(threads, allowed))
        try:
            self._con.execute("SELECT " + ", ".join(f'max("{c}")' for c in WARM_COLUMNS) + " FROM events").fetchall()
            self._con.execute('SELECT count(*) FROM events WHERE "quad_class" = ? AND rowid = ANY(?)',
                              [1, [0]]).fetchall()
        finally:
            self.set_threads(threads)

    def _fit_threads(self) -> None:
        """No more DuckDB threads than CPUs this process may run on: DuckDB counts the machine's cores,
        so a process pinned to fewer (taskset, a cpuset) would switch between threads on every scan."""
        try:
            allowed = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):  # pragma: no cover - not Linux
            return
        row = self._con.execute("SELECT current_setting('threads')").fetchone()
        if row is not None and allowed < int(row[0]):
            self._con.execute(f"SET threads = {allowed:d}")

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
                                  [name, now_utc()])
                self._con.commit()
            except Exception as exc:
                self._con.rollback()
                raise StoreError(f"migration {name} failed: {exc}", source=self.location) from exc

    def migrations(self) -> list[str]:
        rows = self._con.execute('SELECT "name" FROM migrations ORDER BY "name"').fetchall()
        return [row[0] for row in rows]

    # -- writing --------------------------------------------------------------------------------------


    def article_hash(self, article_id: str) -> str | None:
        row = self._con.execute('SELECT "content_hash" FROM articles WHERE "id" = ?', [article_id]).fetchone()
        return None if row is None else str(row[0])

    def article_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(article_ids))
        if len(ids) <= 1:
            return super().article_hashes(ids)
        # One join against an Arrow table of the ids, rather than a query (and bound values) per id.
        self._con.register("_dyad_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:
            rows = self._con.execute(
                'SELECT a."id", a."content_hash" FROM articles a JOIN _dyad_ids b ON a."id" = b."id"'
            ).fetchall()
        finally:
            self._con.unregister("_dyad_ids")
        return {str(i): str(h) for i, h in rows}

    def put_articles(self, items: Sequence[ArticleWrite], run_id: int | None,
                     errors: Sequence[ErrorRow] = ()) -> list[WriteOutcome]:
        # Rows go in as Arrow tables, a few statements per batch whatever its size: DuckDB converts each
        # bound Python parameter on its own (and, when pandas is not installed, tries to import it twice
        # per value, to check for pandas' NA), and each transaction's commit has a fixed cost. Only the
        # ids of replaced articles, and of a batch of one (an index look-up), are bound.
        self._writable()
        check_writes(items)
        if not items and not errors:
            return []
        con = self._con
        ids = [article.id for article, _, _ in items]
        con.begin()
        try:
            outcomes, replaced, written = plan_writes(items, self.article_hashes(ids))
            if replaced:
                marks = ", ".join("?" * len(replaced))
                for rollup in ROLLUPS:  # the old events leave the rollups before they leave the store
                    con.execute(rollup.upsert_sql("events", f'WHERE "article_id" IN ({marks})', -1), replaced)
                for table in ("events", "quotes", "mentions", "article_pages"):
                    con.execute(f'DELETE FROM {table} WHERE "article_id" IN ({marks})', replaced)
                con.execute(f'DELETE FROM articles WHERE "id" IN ({marks})', replaced)
            if written:
                now = now_utc()
                self._insert_arrow("articles", _ARTICLE_COLUMNS, self._article_table(written, now, run_id))
                rows = {shape.table: self._insert(shape, [getattr(item.extraction, shape.table) for item in written])
                        for shape in (EVENTS, QUOTES, MENTIONS)}
                # the pages, from the rows just written (dyad.store.pages)
                write_pages(con, WrittenArticles(written, now, run_id, rows))
            if replaced:
                for rollup in ROLLUPS:  # rows whose events were all replaced (none added back)
                    con.execute(rollup.prune_sql())
            self._insert_errors(run_id, errors)
            con.commit()
        except Exception as exc:
            con.rollback()
            self._dyad_keys.clear()  # keys given in the transaction are gone with it
            if isinstance(exc, StoreError):
                raise
            first = items[0][0] if len(items) == 1 else None
            what = f"article {first.id!r}" if first is not None else f"a batch of {len(items)} articles"
            raise StoreError(f"cannot write {what}: {exc}",
                             source=(first.origin or first.id) if first is not None else None) from exc
        except BaseException:
            con.rollback()
            self._dyad_keys.clear()
            raise
        return outcomes

    @staticmethod
    def _article_table(items: Sequence[ArticleWrite], now: datetime, run_id: int | None) -> pa.Table:
        columns: dict[str, list[Any]] = {c: [] for c in _ARTICLE_COLUMNS}
        for article, content_hash, extraction in items:
            published = article.published
            for column, value in zip(_ARTICLE_COLUMNS, (
                article.id, content_hash, published.iso() if published else None,
                published.precision.value if published else None, extraction.language or article.language,
                article.title, article.url, article.source, article.origin, article.text, now, run_id,
            ), strict=True):
                columns[column].append(value)
        return pa.table(columns, schema=_ARTICLE_SCHEMA)

    def _insert(self, shape: RecordShape, records: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Insert the records of several articles (a list per article, each indexed from 0); returns
        their rows (`flatten`)."""
        rows = [flatten(r, shape, i) for article_records in records for i, r in enumerate(article_records)]
        if not rows:
            return rows
        # Rows go in as one Arrow table: DuckDB's executemany converts value by value and is ~100x slower.
        columns = shape.stored_columns
        batch = pa.table({c: [row[c] for row in rows] for c in columns}, schema=_arrow_schema(shape))
        if shape is EVENTS:  # each event with the key of its dyad (0005_aggregate_keys)
            keys = self._dyad_keys_of([tuple(row[c] for c in DYAD_COLUMNS) for row in rows])
            batch = batch.append_column("dyad_key", pa.array(keys, pa.int32()))
            columns = (*columns, "dyad_key")
        if shape is not EVENTS:
            self._insert_arrow(shape.table, columns, batch)
            return rows
        # The events and the rollups (0007_event_rollups) from one registration of the batch, in this
        # transaction: inserted from it by name, then summed from it into each rollup.
        self._con.register("_dyad_batch", batch)
        try:
            self._con.execute(f"INSERT INTO events ({quoted(columns)}) SELECT {quoted(columns)} FROM _dyad_batch")
            for rollup in ROLLUPS:
                self._con.execute(rollup.upsert_sql("_dyad_batch"))
        finally:
            self._con.unregister("_dyad_batch")
        return rows

    def _insert_arrow(self, table: str, columns: tuple[str, ...], rows: pa.Table) -> None:
        """INSERT the rows of an Arrow table (whose columns are `columns`). When they are the table's columns,
        the rows go in as a relation in the table's column order, which costs a third less than registering
        the Arrow table as a view, inserting from it by name and unregistering it (a few statements on every
        article); otherwise by name."""
        order = self._table_columns.get(table)
        if order is None:
            found = self._con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()
            order = self._table_columns[table] = tuple(str(row[0]) for row in found)
        if sorted(order) == sorted(columns):
            self._con.from_arrow(rows.select(list(order))).insert_into(table)
            return
        self._con.register("_dyad_batch", rows)
        try:
            self._con.execute(f"INSERT INTO {table} ({quoted(columns)}) SELECT {quoted(columns)} FROM _dyad_batch")
        finally:
            self._con.unregister("_dyad_batch")

    def _dyad_keys_of(self, combinations: Sequence[tuple[Any, ...]]) -> list[int]:
        """The dyad key of each combination of `DYAD_COLUMNS` values, adding to `dyads` those it lacks.

        The keys this store has written or looked up stay in memory (dyads are never removed or re-keyed; a
        rolled-back write forgets them), so an article whose dyads are known costs no statement; the others
        are added with the migration's own statement (`add_dyads`: a combination is never keyed twice, whoever
        added it) and their keys read back, two statements for all of them."""
        known = self._dyad_keys
        if len(known) > _DYAD_KEY_CACHE:
            known.clear()
        missing = list(dict.fromkeys(c for c in combinations if c not in known))
        if missing:
            new = pa.table([pa.array([c[n] for c in missing], pa.string()) for n in range(len(DYAD_COLUMNS))],
                           names=list(DYAD_COLUMNS))
            self._con.register("_dyad_new", new)
            try:
                add_dyads(self._con, "_dyad_new")
                columns = ", ".join(f'd."{c}"' for c in DYAD_COLUMNS)
                found = self._con.execute(f'SELECT d."key", {columns} FROM dyads d '
                                          f'JOIN _dyad_new b ON {_same_dyad("d", "b")}').fetchall()
            finally:
                self._con.unregister("_dyad_new")
            known.update((tuple(row[1:]), int(row[0])) for row in found)
        return [known[c] for c in combinations]

    def _execute(self, sql: str, params: list[object]) -> Any:
        return self._con.execute(sql, params)

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

    def _all(self, sql: str, params: list[object]) -> list[dict[str, Any]]:
        # On the connection itself: every row is fetched before anything else runs on it, and a cursor
        # (a connection of its own) costs about 1 ms of CPU to open, more than a point read (the API's
        # article pages, docs/BENCHMARKS.md).
        return _fetch_on(self._con)(sql, params)

    def get_article(self, article_id: str) -> StoredArticle | None:
        for row in self._all('SELECT * FROM articles WHERE "id" = ?', [article_id]):
            row["ingested_at"] = row["ingested_at"].isoformat()
            return StoredArticle(**row)
        return None

    def article_ids(self) -> list[str]:
        return [row[0] for row in self._con.execute('SELECT "id" FROM articles ORDER BY "id"').fetchall()]

    def _rows(self, shape: RecordShape, where: RecordFilter | None, limit: int | None, offset: int,
              after: RecordKey | None) -> Iterator[dict[str, Any]]:
        query, params = select_sql(shape, where, self._dialect, limit=limit, offset=offset, after=after)
        return self._dicts(query, params)

    def record_batches(self, shape: RecordShape, where: RecordFilter | None = None,
                       batch_rows: int = 65536) -> Iterator[pa.RecordBatch]:
        """The stored rows of events or quotes under a filter, in the stable order, as Arrow record batches
        of every stored column: streamed from DuckDB (one batch in memory at a time), no Python per row."""
        query, params = select_sql(shape, where, self._dialect)
        # The stable order is a sort of every selected row: under DuckDB's default memory limit (most of
        # the machine's RAM) it would sort 10 M events in memory (3.2 GB peak, docs/BENCHMARKS.md). Under
        # a limit it sorts in runs spilled to a temporary folder, so the export's memory stays bounded.
        con = self._con
        saved = {name: con.execute(f"SELECT current_setting('{name}')").fetchone()
                 for name in ("memory_limit", "temp_directory")}
        spill = tempfile.mkdtemp(prefix="dyad-export-")
        cursor = con.cursor()
        try:
            con.execute(f"SET memory_limit = '{EXPORT_MEMORY_LIMIT}'")
            self._try_set("temp_directory", spill)
            reader = cursor.execute(query, params).fetch_record_batch(batch_rows)
            yield from reader
        finally:
            cursor.close()
            for name, row in saved.items():
                if row is not None and row[0] is not None:
                    self._try_set(name, str(row[0]))
            shutil.rmtree(spill, ignore_errors=True)

    def _try_set(self, name: str, value: str) -> None:
        """SET a DuckDB option, leaving it as it is where DuckDB refuses (a temporary folder that is in
        use cannot be switched)."""
        with contextlib.suppress(duckdb.Error):
            self._con.execute(f"SET {name} = '{_literal(value)}'")

    def close(self) -> None:
        self._con.close()
