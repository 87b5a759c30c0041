"""The shared store: the same tables, migrations and records as the DuckDB store, in PostgreSQL (psycopg 3).

    from dyad.store import open_store
    with open_store("postgresql://dyad:secret@db.example:5432/dyad") as store:
        ...

Any libpq URL or connection string works, including its parameters (`sslmode`, `connect_timeout`,
`options=-csearch_path%3Dmy_schema`); `PostgresStore(url, schema="my_schema")` keeps a store in its own
schema (created when missing). `postgresql+psycopg://` (SQLAlchemy's spelling) is accepted too.

Unlike the DuckDB file, many processes may write at once:

- migrations are named and recorded as in DuckDB (same names, same tables, PostgreSQL column types);
  each runs in its own transaction under a transaction-scoped advisory lock on the schema, so processes
  opening a fresh database together migrate it once;
- `put_article` (and `put_articles`, a batch in one transaction) takes an advisory lock on (schema,
  article id) for each article, in key order, then checks the stored content hashes: two processes
  ingesting the same article write it once, and the other sees it unchanged;
- text columns are declared `COLLATE "C"`, so rows sort by code point as in DuckDB whatever the
  database's locale: an export from PostgreSQL has the same bytes as one from DuckDB.

One `PostgresStore` holds one connection; use one per thread. Reads stream through server-side cursors
(`WITH HOLD`, so writes may go on while an export iterates).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

from dyad.errors import StoreError
from dyad.store.aggregate import STORED_BUCKETS, contained_bucket
from dyad.store.base import ArticleWrite, ErrorRow, StoredArticle, WriteOutcome, check_writes, plan_writes
from dyad.store.filters import (
    ORDER_COLUMNS,
    Dialect,
    RecordFilter,
    RecordKey,
    select_sql,
)
from dyad.store.pages import Fetch, WrittenArticles, fill_pages, pages_to_render_on_migration
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

Connection = psycopg.Connection[Any]
Migration = Callable[[Connection], None]

_FETCH_BATCH = 1000
_CONNECT_TIMEOUT_S = 10

_HASH_OF = 'SELECT "content_hash" FROM articles WHERE "id" = %s'

#: Every text column sorts and compares by code point, as DuckDB's VARCHAR does.
_TEXT = 'TEXT COLLATE "C"'


def _m0001_initial(con: Connection) -> None:
    """The tables of duckdb_store's 0001_initial, in PostgreSQL types (VARCHAR -> TEXT COLLATE "C")."""
    con.execute(f"""
        CREATE TABLE articles (
            "id" {_TEXT} PRIMARY KEY,
            "content_hash" {_TEXT} NOT NULL,
            "published" {_TEXT},
            "published_precision" {_TEXT},
            "language" {_TEXT},
            "title" {_TEXT},
            "url" {_TEXT},
            "source" {_TEXT},
            "origin" {_TEXT},
            "text" {_TEXT} NOT NULL,
            "ingested_at" TIMESTAMP NOT NULL,
            "run_id" INTEGER
        )""")
    con.execute(f"""
        CREATE TABLE events (
            "event_index" INTEGER NOT NULL,
            "article_id" {_TEXT} NOT NULL,
            "sentence" {_TEXT},
            "sentence_index" INTEGER,
            "sentence_start" INTEGER,
            "sentence_end" INTEGER,
            "source_name" {_TEXT},
            "source_actor" {_TEXT},
            "source_country" {_TEXT},
            "source_id" {_TEXT},
            "target_name" {_TEXT},
            "target_actor" {_TEXT},
            "target_country" {_TEXT},
            "target_id" {_TEXT},
            "cameo" {_TEXT},
            "quad_class" INTEGER,
            "goldstein" DOUBLE PRECISION,
            "plover" {_TEXT},
            "factuality" {_TEXT},
            "date" {_TEXT},
            "date_rule" {_TEXT},
            "trigger" {_TEXT},
            "trigger_start" INTEGER,
            "trigger_end" INTEGER,
            "rule" {_TEXT},
            "confidence" DOUBLE PRECISION,
            "language" {_TEXT},
            "cameo_root" {_TEXT},
            "date_first" DATE,
            "date_last" DATE,
            "extra" {_TEXT},
            PRIMARY KEY ("article_id", "event_index")
        )""")
    con.execute(f"""
        CREATE TABLE quotes (
            "quote_index" INTEGER NOT NULL,
            "article_id" {_TEXT} NOT NULL,
            "speaker_name" {_TEXT},
            "speaker_actor" {_TEXT},
            "speaker_country" {_TEXT},
            "speaker_id" {_TEXT},
            "text" {_TEXT},
            "kind" {_TEXT},
            "cue" {_TEXT},
            "start" INTEGER,
            "end" INTEGER,
            "sentence" {_TEXT},
            "sentence_index" INTEGER,
            "date" {_TEXT},
            "rule" {_TEXT},
            "confidence" DOUBLE PRECISION,
            "language" {_TEXT},
            "date_first" DATE,
            "date_last" DATE,
            "extra" {_TEXT},
            PRIMARY KEY ("article_id", "quote_index")
        )""")
    con.execute(f"""
        CREATE TABLE mentions (
            "article_id" {_TEXT} NOT NULL,
            "mention_index" INTEGER NOT NULL,
            "text" {_TEXT},
            "start" INTEGER,
            "end" INTEGER,
            "sentence_index" INTEGER,
            "actor_id" {_TEXT},
            "actor" {_TEXT},
            "actor_name" {_TEXT},
            "country" {_TEXT},
            "role" {_TEXT},
            "kind" {_TEXT},
            "confidence" DOUBLE PRECISION,
            "rule" {_TEXT},
            "extra" {_TEXT},
            PRIMARY KEY ("article_id", "mention_index")
        )""")
    con.execute("CREATE SEQUENCE runs_id_seq AS INTEGER START 1")
    con.execute(f"""
        CREATE TABLE runs (
            "id" INTEGER PRIMARY KEY DEFAULT nextval('runs_id_seq'),
            "started" TIMESTAMP NOT NULL,
            "finished" TIMESTAMP,
            "inputs" JSON,
            "components" JSON,
            "dyad_version" {_TEXT},
            "counts" JSON
        )""")
    con.execute("ALTER SEQUENCE runs_id_seq OWNED BY runs.id")
    con.execute("CREATE SEQUENCE errors_id_seq AS INTEGER START 1")
    con.execute(f"""
        CREATE TABLE errors (
            "id" INTEGER PRIMARY KEY DEFAULT nextval('errors_id_seq'),
            "run_id" INTEGER,
            "origin" {_TEXT} NOT NULL,
            "article_id" {_TEXT},
            "code" {_TEXT} NOT NULL,
            "message" {_TEXT} NOT NULL,
            "at" TIMESTAMP NOT NULL
        )""")
    con.execute("ALTER SEQUENCE errors_id_seq OWNED BY errors.id")


#: The indexes of 0002_record_indexes: (name, table, columns).
RECORD_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # The stable order: a page (LIMIT/OFFSET, or after a keyset position) walks the index, no sort.
    ("events_order_idx", "events", ORDER_COLUMNS["events"]),
    ("quotes_order_idx", "quotes", ORDER_COLUMNS["quotes"]),
    # Actor filters are ORs over the sides: each side's column has its own index (a bitmap OR).
    ("events_source_actor_idx", "events", ("source_actor",)),
    ("events_source_country_idx", "events", ("source_country",)),
    ("events_target_actor_idx", "events", ("target_actor",)),
    ("events_target_country_idx", "events", ("target_country",)),
    ("quotes_speaker_actor_idx", "quotes", ("speaker_actor",)),
    ("quotes_speaker_country_idx", "quotes", ("speaker_country",)),
    # CAMEO: a root is an equality, a longer prefix a LIKE 'nnn%' (a range under COLLATE "C").
    ("events_cameo_idx", "events", ("cameo",)),
    # Date ranges: records whose period overlaps [since, until].
    ("events_dates_idx", "events", ("date_first", "date_last")),
    ("quotes_dates_idx", "quotes", ("date_first", "date_last")),
)


def _m0002_record_indexes(con: Connection) -> None:
    """Indexes for the API's filters and pages (`RECORD_INDEXES`); DuckDB's step of the same name adds
    none (see duckdb_store)."""
    for name, table, columns in RECORD_INDEXES:
        con.execute(sql.SQL("CREATE INDEX {} ON {} ({})").format(
            sql.Identifier(name), sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))))


#: The indexes of 0003_aggregate_indexes: (name, table, columns), for the aggregates (dyad.store.aggregate).
AGGREGATE_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Counts per CAMEO root under a root filter.
    ("events_cameo_root_idx", "events", ("cameo_root",)),
    # A period's network: events whose date period ends on or after `since` (the recent end of a long
    # record); 0002's (date_first, date_last) serves `until`.
    ("events_date_last_idx", "events", ("date_last", "date_first")),
    # The actor table: events per knowledge-base id, either side.
    ("events_source_id_idx", "events", ("source_id",)),
    ("events_target_id_idx", "events", ("target_id",)),
    ("mentions_actor_id_idx", "mentions", ("actor_id",)),
)


def _m0003_aggregate_indexes(con: Connection) -> None:
    """Indexes for the aggregates (`AGGREGATE_INDEXES`), then fresh planner statistics; DuckDB's step of
    the same name adds none (see duckdb_store). Rows without their derived columns get them, as there."""
    con.execute("""UPDATE events SET "cameo_root" = substr("cameo", 1, 2)
                   WHERE "cameo_root" IS NULL AND "cameo" IS NOT NULL""")
    con.execute("""UPDATE events SET "date_first" = CAST("date" AS DATE), "date_last" = CAST("date" AS DATE)
                   WHERE "date_first" IS NULL AND "date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'""")
    for name, table, columns in AGGREGATE_INDEXES:
        con.execute(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} ({})").format(
            sql.Identifier(name), sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))))
    con.execute("ANALYZE events")


def _m0004_event_ids_and_places(con: Connection) -> None:
    """As DuckDB's step of the same name: the `event_id` and place columns, ids for the stored events, and
    an index on the id (the API reads an event by it)."""
    for column, kind in EVENT_ID_PLACE_COLUMNS:
        con.execute(f'ALTER TABLE events ADD COLUMN "{column}" {"DOUBLE PRECISION" if kind == "float" else _TEXT}')
    with con.cursor(row_factory=dict_row) as cursor:
        rows = cursor.execute(f"SELECT {quoted(EVENT_ID_SOURCE_COLUMNS)} FROM events").fetchall()
    if rows:
        con.execute('UPDATE events e SET "event_id" = v.id FROM (SELECT unnest(%s::text[]) AS a, '
                    'unnest(%s::int[]) AS i, unnest(%s::text[]) AS id) v '
                    'WHERE e."article_id" = v.a AND e."event_index" = v.i',
                    [[r["article_id"] for r in rows], [r["event_index"] for r in rows],
                     [stored_event_id(r) for r in rows]])
    con.execute('CREATE INDEX IF NOT EXISTS events_event_id_idx ON events ("event_id")')


def _m0005_aggregate_keys(con: Connection) -> None:
    """The week, month and year bucket that wholly holds each event's date period, as stored columns
    (`bucket_week`, `bucket_month`, `bucket_year`: generated from `date_first` and `date_last`, so every
    writer fills them without knowing), read by the aggregates (`Dialect.bucket_columns`) instead of six
    `date_part` calls per row: the counts per CAMEO root and per country over the whole record
    (docs/BENCHMARKS.md). Then fresh planner statistics, so that the planner expects as many groups as
    there are buckets.

    DuckDB's step of the same name gives the events dyad keys instead (duckdb_store): DuckDB computes the
    buckets fast, and PostgreSQL answers actor filters from its B-tree indexes (0002_record_indexes).
    """
    for bucket in STORED_BUCKETS:
        con.execute(f'ALTER TABLE events ADD COLUMN "bucket_{bucket}" INTEGER '
                    f"GENERATED ALWAYS AS ({contained_bucket(bucket)}) STORED")
    con.execute("ANALYZE events")


def _fetch_on(con: Connection) -> Fetch:
    def fetch(query: str, params: list[object]) -> list[dict[str, Any]]:
        with con.cursor(row_factory=dict_row) as cursor:
            return cursor.execute(query, params).fetchall()
    return fetch


def _insert_pages(con: Connection) -> Callable[[list[tuple[str, bytes]]], None]:
    def insert(pages: list[tuple[str, bytes]]) -> None:
        with con.cursor() as cursor, cursor.copy('COPY article_pages ("article_id", "page") FROM STDIN') as copy:
            for row in pages:
                copy.write_row(row)
    return insert


def write_pages(con: Connection, articles: Sequence[str] | WrittenArticles) -> None:
    """Render and store the pages of these articles (dyad.store.pages; `WrittenArticles` from what the
    writer wrote), in the connection's transaction."""
    fill_pages(_fetch_on(con), "%s", articles, _insert_pages(con))


def _m0006_article_pages(con: Connection) -> None:
    """As DuckDB's step of the same name: each article's page rendered once in `article_pages`
    (dyad.store.pages), the stored articles' pages made here."""
    con.execute(f'CREATE TABLE article_pages ("article_id" {_TEXT} PRIMARY KEY, "page" BYTEA NOT NULL)')
    stored = [str(row[0]) for row in con.execute('SELECT "id" FROM articles ORDER BY "id"').fetchall()]
    write_pages(con, pages_to_render_on_migration(stored))


def roll_up_events(con: Connection) -> None:
    """Add every stored event to the rollups (as duckdb_store's function of the same name)."""
    for rollup in ROLLUPS:
        con.execute(rollup.upsert_sql("events"))
        con.execute(f"ANALYZE {rollup.table}")


def _m0007_event_rollups(con: Connection) -> None:
    """As DuckDB's step of the same name: the event rollups (dyad.store.rollups), filled from the stored
    events, each with its month and year buckets stored as on the events (a rollup's month is the month of
    its events: the same buckets) and a partial index on its empty rows (a writer removes them after a
    re-ingest without scanning the table)."""
    for rollup in ROLLUPS:
        con.execute(rollup.create_sql(_TEXT, "DOUBLE PRECISION"))
        for bucket in STORED_BUCKETS:  # as the events' (0005_aggregate_keys), from the truncated dates
            con.execute(f'ALTER TABLE {rollup.table} ADD COLUMN "bucket_{bucket}" INTEGER '
                        f"GENERATED ALWAYS AS ({contained_bucket(bucket)}) STORED")
        con.execute(f'CREATE INDEX {rollup.table}_empty_idx ON {rollup.table} ("key") WHERE "events" = 0')
    roll_up_events(con)


#: Every migration in the order it applies, under the same names as duckdb_store.MIGRATIONS.
#: Append only: never edit or reorder an applied one.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _m0001_initial),
    ("0002_record_indexes", _m0002_record_indexes),
    ("0003_aggregate_indexes", _m0003_aggregate_indexes),
    ("0004_event_ids_and_places", _m0004_event_ids_and_places),
    ("0005_aggregate_keys", _m0005_aggregate_keys),
    ("0006_article_pages", _m0006_article_pages),
    ("0007_event_rollups", _m0007_event_rollups),
)


_ARTICLE_COLUMNS = ("id", "content_hash", "published", "published_precision", "language", "title", "url",
                    "source", "origin", "text", "ingested_at", "run_id")


def lock_key(*parts: str) -> int:
    """A stable signed 64-bit advisory-lock key for a tuple of names (the same in every process)."""
    digest = hashlib.blake2b("\x00".join(("dyad", *parts)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def redact(url: str) -> str:
    """A connection URL without its password (in the authority or in the query), for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable PostgreSQL URL>"
    netloc = parts.netloc
    if "@" in netloc:
        credentials, _, host = netloc.rpartition("@")
        user, has_password, _ = credentials.partition(":")
        netloc = f"{user}:***@{host}" if has_password else f"{user}@{host}"
    query = parts.query
    if query:
        pairs = [(k, "***" if k.lower() == "password" else v)
                 for k, v in parse_qsl(query, keep_blank_values=True)]
        query = urlencode(pairs, safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _libpq_url(url: str) -> str:
    """The URL as libpq takes it: a lower-case scheme, and `postgresql+psycopg://` (SQLAlchemy's spelling)
    as `postgresql://`. A key=value connection string is left as it is."""
    scheme, sep, rest = url.partition("://")
    lowered = scheme.lower()
    if sep and (lowered in ("postgresql", "postgres") or lowered.startswith("postgresql+")):
        return f"postgresql://{rest}"
    return url


def _lower_expression(con: Connection) -> str:
    """How text is lower-cased for case-insensitive search.

    Text columns are `COLLATE "C"`, under which `lower()` changes ASCII letters only; the search lowers
    both sides under ICU's root collation when the server has ICU (Unicode case mapping, as DuckDB's
    `lower()`), else under the database's default collation.
    """
    row = con.execute("SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'").fetchone()
    collation = "und-x-icu" if row and row[0] else "default"
    return f'lower(CAST({{}} AS TEXT) COLLATE "{collation}")'


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (in the connection's current schema, or in `schema`)."""

    placeholder = "%s"
    json_cast = "::json"

    def __init__(self, url: str, *, read_only: bool = False, schema: str | None = None) -> None:
        self.read_only = read_only
        self.location = redact(url)
        conninfo = _libpq_url(url)
        try:
            params = conninfo_to_dict(conninfo)
        except psycopg.ProgrammingError as exc:
            raise StoreError(f"invalid PostgreSQL URL: {exc}", source=self.location) from exc
        extra: dict[str, Any] = {}
        if "connect_timeout" not in params:
            extra["connect_timeout"] = _CONNECT_TIMEOUT_S
        if "application_name" not in params:
            extra["application_name"] = "dyad"
        try:
            self._con: Connection = psycopg.connect(conninfo, autocommit=True, **extra)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {str(exc).strip()}",
                             source=self.location) from exc
        self._cursor_names = itertools.count(1)
        try:
            if schema is not None:
                self._use_schema(schema)
            row = self._con.execute("SELECT current_schema()").fetchone()
            if row is None or row[0] is None:
                raise StoreError("the connection has no current schema (the search_path names no existing "
                                 "schema); create one or pass a schema", source=self.location)
            self.schema: str = str(row[0])
            self._migrate()
            self._dialect = Dialect(placeholder="%s", lower=_lower_expression(self._con), bucket_columns=True,
                                    rollups=True)
            if read_only:
                self._con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except BaseException as exc:
            self._con.close()
            if isinstance(exc, psycopg.Error):
                raise StoreError(f"cannot open the store: {str(exc).strip()}", source=self.location) from exc
            raise

    def _use_schema(self, schema: str) -> None:
        if not self.read_only:
            with self._con.transaction():
                # CREATE SCHEMA IF NOT EXISTS races with itself; the lock makes concurrent first opens wait.
                self._con.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key("schema", schema)])
                self._con.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        self._con.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))

    # -- migrations -----------------------------------------------------------------------------------

    def _has_migrations_table(self) -> bool:
        row = self._con.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def _check_known(self, applied: list[str]) -> None:
        known = {name for name, _ in MIGRATIONS}
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise StoreError("the store was written by a newer dyad (unknown migrations: "
                             f"{', '.join(unknown)})", source=self.location)

    def _migrate(self) -> None:
        has_table = self._has_migrations_table()
        if not has_table and self.read_only:
            raise StoreError("no store here yet (ingest something first)", source=self.location)
        applied = self.migrations() if has_table else []
        self._check_known(applied)
        pending = [name for name, _ in MIGRATIONS if name not in applied]
        if not pending:
            return
        if self.read_only:
            raise StoreError(f"the store needs migrations ({', '.join(pending)}); open it for writing once "
                             "(e.g. with `dyad ingest`)", source=self.location)
        con = self._con
        for name, step in MIGRATIONS:
            if name not in pending:
                continue
            try:
                with con.transaction():
                    # Held to the end of this transaction: a process opening the store at the same time
                    # waits here, then sees the migration recorded and skips it.
                    con.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key("migrate", self.schema)])
                    con.execute('CREATE TABLE IF NOT EXISTS migrations '
                                '("name" TEXT COLLATE "C" PRIMARY KEY, "applied_at" TIMESTAMP NOT NULL)')
                    now_applied = [r[0] for r in con.execute('SELECT "name" FROM migrations').fetchall()]
                    self._check_known(now_applied)
                    if name in now_applied:
                        continue
                    step(con)
                    con.execute('INSERT INTO migrations ("name", "applied_at") VALUES (%s, %s)',
                                [name, now_utc()])
            except StoreError:
                raise
            except Exception as exc:
                raise StoreError(f"migration {name} failed: {str(exc).strip()}",
                                 source=self.location) from exc

    def migrations(self) -> list[str]:
        rows = self._con.execute('SELECT "name" FROM migrations ORDER BY "name"').fetchall()
        return [str(row[0]) for row in rows]

    # -- writing --------------------------------------------------------------------------------------


    def article_hash(self, article_id: str) -> str | None:
        row = self._con.execute(_HASH_OF, [article_id]).fetchone()
        return None if row is None else str(row[0])

    def article_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(article_ids))
        rows = self._con.execute('SELECT "id", "content_hash" FROM articles WHERE "id" = ANY(%s)', [ids]).fetchall()
        return {str(i): str(h) for i, h in rows}

    def put_articles(self, items: Sequence[ArticleWrite], run_id: int | None,
                     errors: Sequence[ErrorRow] = ()) -> list[WriteOutcome]:
        self._writable()
        check_writes(items)
        if not items and not errors:
            return []
        con = self._con
        ids = [article.id for article, _, _ in items]
        try:
            with con.transaction():
                # One writer per article id at a time, across processes: the second one waits here and
                # then finds the first one's hash. The locks are taken in one order (by key), so two
                # processes writing overlapping batches cannot deadlock.
                for key in sorted({lock_key("article", self.schema, article_id) for article_id in ids}):
                    con.execute("SELECT pg_advisory_xact_lock(%s)", [key])
                outcomes, replaced, written = plan_writes(items, self.article_hashes(ids))
                if replaced:
                    for rollup in ROLLUPS:  # the old events leave the rollups before they leave the store
                        con.execute(rollup.upsert_sql("events", 'WHERE "article_id" = ANY(%s)', -1), [replaced])
                    for table in ("events", "quotes", "mentions", "article_pages"):
                        con.execute(f'DELETE FROM {table} WHERE "article_id" = ANY(%s)', [replaced])
                    con.execute('DELETE FROM articles WHERE "id" = ANY(%s)', [replaced])
                self._insert_errors(run_id, errors)
                if not written:
                    return outcomes
                now = now_utc()
                with con.cursor() as cursor, cursor.copy(
                    f"COPY articles ({quoted(_ARTICLE_COLUMNS)}) FROM STDIN"
                ) as copy:
                    for article, content_hash, extraction in written:
                        published = article.published
                        copy.write_row([
                            article.id, content_hash, published.iso() if published else None,
                            published.precision.value if published else None,
                            extraction.language or article.language, article.title, article.url, article.source,
                            article.origin, article.text, now, run_id,
                        ])
                rows = {shape.table: self._insert(shape, [getattr(item.extraction, shape.table) for item in written])
                        for shape in (EVENTS, QUOTES, MENTIONS)}
                # the pages, from the rows just written (dyad.store.pages)
                write_pages(con, WrittenArticles(written, now, run_id, rows))
                if any(extraction.events for _, _, extraction in written):
                    for rollup in ROLLUPS:  # the new events enter the rollups, in this transaction
                        con.execute(rollup.upsert_sql("events", 'WHERE "article_id" = ANY(%s)'),
                                    [[article.id for article, _, _ in written]])
                if replaced:
                    for rollup in ROLLUPS:  # rows whose events were all replaced (none added back)
                        con.execute(rollup.prune_sql())
        except StoreError:
            raise
        except Exception as exc:
            first = items[0][0] if len(items) == 1 else None
            what = f"article {first.id!r}" if first is not None else f"a batch of {len(items)} articles"
            raise StoreError(f"cannot write {what}: {str(exc).strip()}",
                             source=(first.origin or first.id) if first is not None else None) from exc
        return outcomes

    def _insert(self, shape: RecordShape, records: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Insert the records of several articles (a list per article, each indexed from 0); returns
        their rows (`flatten`)."""
        rows = [flatten(r, shape, i) for article_records in records for i, r in enumerate(article_records)]
        if not rows:
            return rows
        columns = shape.stored_columns
        with self._con.cursor() as cursor, cursor.copy(
            f"COPY {shape.table} ({quoted(columns)}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
        return rows

    def _execute(self, sql: str, params: list[object]) -> Any:
        return self._con.execute(sql, params)

    # -- reading --------------------------------------------------------------------------------------

    def _dicts(self, query: str, params: list[object] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts through a server-side cursor, fetched in batches.

        WITH HOLD lets the cursor outlive the (autocommit) statement that declared it, so the caller may
        write through this store between two rows; the cursor is closed when the iteration ends.
        """
        name = f"dyad_read_{next(self._cursor_names)}"
        cursor = self._con.cursor(name, row_factory=dict_row, withhold=True)
        try:
            cursor.execute(query, params or [])
            while batch := cursor.fetchmany(_FETCH_BATCH):
                yield from batch
        finally:
            if not self._con.closed:
                cursor.close()

    def _all(self, query: str, params: list[object]) -> list[dict[str, Any]]:
        with self._con.cursor(row_factory=dict_row) as cursor:
            return cursor.execute(query, params).fetchall()

    def get_article(self, article_id: str) -> StoredArticle | None:
        with self._con.cursor(row_factory=dict_row) as cursor:
            row = cursor.execute('SELECT * FROM articles WHERE "id" = %s', [article_id]).fetchone()
        if row is None:
            return None
        row["ingested_at"] = row["ingested_at"].isoformat()
        return StoredArticle(**row)

    def article_ids(self) -> list[str]:
        return [str(r[0]) for r in self._con.execute('SELECT "id" FROM articles ORDER BY "id"').fetchall()]

    def _rows(self, shape: RecordShape, where: RecordFilter | None, limit: int | None, offset: int,
              after: RecordKey | None) -> Iterator[dict[str, Any]]:
        query, params = select_sql(shape, where, self._dialect, limit=limit, offset=offset, after=after)
        if limit is not None and limit <= _FETCH_BATCH:
            # A page: one round trip, rather than a server-side cursor's declare, fetch and close.
            with self._con.cursor(row_factory=dict_row) as cursor:
                return iter(cursor.execute(query, params).fetchall())
        return self._dicts(query, params)

    def close(self) -> None:
        self._con.close()
