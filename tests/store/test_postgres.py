"""The PostgreSQL store: URLs, migrations (also under concurrent first opens), read-only sessions, per-article
locking, code-point order, exports byte-identical to DuckDB's, and two processes ingesting the same articles.

The shared store tests (test_duckdb_store.py, test_ingest_mechanics.py) run against PostgreSQL too through
the parametrised `store` fixture of conftest.py; this file holds what is PostgreSQL's own. Each test works
in a schema of its own (pg_fixtures.fresh_schema).
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg_fixtures import admin, fresh_schema, require_server
from psycopg import sql
from store_fakes import GOLD_ARTICLES, fake_analyse

from dyad.document import Article
from dyad.errors import StoreError
from dyad.export import export
from dyad.ingest import ingest
from dyad.records import build_records
from dyad.store import DuckDBStore, open_store
from dyad.store import duckdb_store as duckdb_module
from dyad.store import postgres as postgres_module
from dyad.store.postgres import MIGRATIONS, PostgresStore, lock_key, redact
from dyad.store.rows import EVENTS, MENTIONS, QUOTES

REPO = Path(__file__).resolve().parents[2]

_STAGES = ("dyad.readers", "dyad.lang.layer", "dyad.actors.resolver", "dyad.quotes.finder",
           "dyad.events.coder", "dyad.temporal.resolver")
_MISSING_STAGES = [name for name in _STAGES if importlib.util.find_spec(name) is None]
real_pipeline = pytest.mark.skipif(bool(_MISSING_STAGES),
                                   reason=f"pipeline stages not written yet: {', '.join(_MISSING_STAGES)}")


@pytest.fixture
def schema_url() -> Iterator[tuple[str, str]]:
    with fresh_schema() as pair:
        yield pair


@pytest.fixture
def url(schema_url: tuple[str, str]) -> str:
    return schema_url[1]


def _columns(url: str, schema: str, table: str) -> list[tuple[str, str | None]]:
    with admin(url) as con:
        rows = con.execute(
            "SELECT column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
            [schema, table],
        ).fetchall()
    return [(str(name), None if collation is None else str(collation)) for name, collation in rows]


def _put_all(store: PostgresStore | DuckDBStore, articles: list[Article]) -> None:
    for article in articles:
        store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- URLs and connecting --------------------------------------------------------------------------------

def test_open_store_routes_postgres_urls_and_hides_the_password(url: str) -> None:
    password = psycopg.conninfo.conninfo_to_dict(url).get("password")
    for scheme in ("postgresql", "postgres", "postgresql+psycopg", "POSTGRESQL"):
        with open_store(scheme + url[url.index("://"):]) as store:
            assert isinstance(store, PostgresStore)
            assert store.migrations() == [name for name, _ in MIGRATIONS]
            if password:
                assert f":{password}@" not in store.location and ":***@" in store.location


def test_a_server_that_does_not_answer_is_a_store_error_without_the_password() -> None:
    port = _free_port()  # nothing listens there once the probe socket is closed
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
        open_store(f"postgresql://dyad:s3cret@127.0.0.1:{port}/dyad?connect_timeout=3")
    assert "s3cret" not in str(caught.value)
    with pytest.raises(StoreError, match="invalid PostgreSQL URL"):
        PostgresStore("postgresql://dyad@127.0.0.1/dyad?no_such_option=1")


def test_redact_hides_passwords_in_the_authority_and_the_query() -> None:
    assert redact("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact("postgresql://u@h/db?password=pw&sslmode=disable") == \
        "postgresql://u@h/db?password=***&sslmode=disable"
    assert redact("postgres://h/db") == "postgres://h/db"


def test_lock_keys_are_stable_signed_64_bit_and_distinct() -> None:
    key = lock_key("article", "public", "a1")
    assert key == lock_key("article", "public", "a1")  # the same in every process (no hash seed)
    assert -(2 ** 63) <= key < 2 ** 63
    assert len({key, lock_key("article", "public", "a2"), lock_key("article", "other", "a1"),
                lock_key("migrate", "public")}) == 4


# -- migrations -----------------------------------------------------------------------------------------

def test_migrations_have_the_duckdb_names_and_apply_once(schema_url: tuple[str, str]) -> None:
    schema, url = schema_url
    assert [name for name, _ in MIGRATIONS] == [name for name, _ in duckdb_module.MIGRATIONS]
    PostgresStore(url).close()
    with admin(url) as con:
        first = con.execute(f'SELECT name, applied_at FROM "{schema}".migrations ORDER BY name').fetchall()
    with PostgresStore(url) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    with admin(url) as con:
        again = con.execute(f'SELECT name, applied_at FROM "{schema}".migrations ORDER BY name').fetchall()
    assert again == first and len(first) == len(MIGRATIONS)


def test_tables_match_the_record_shapes_and_text_sorts_by_code_point(schema_url: tuple[str, str]) -> None:
    schema, url = schema_url
    PostgresStore(url).close()
    for shape in (EVENTS, QUOTES, MENTIONS):
        # Events keep their buckets besides (0005_aggregate_keys: the store's, not the record's).
        extra = ["bucket_week", "bucket_month", "bucket_year"] if shape is EVENTS else []
        assert sorted(name for name, _ in _columns(url, schema, shape.table)) == sorted(
            [*shape.stored_columns, *extra])
    assert [name for name, _ in _columns(url, schema, "errors")] == \
        ["id", "run_id", "origin", "article_id", "code", "message", "at"]
    with admin(url) as con:
        text_columns = con.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = %s AND data_type = 'text'", [schema]
        ).fetchall()
    assert text_columns and {collation for _, _, collation in text_columns} == {"C"}


def test_a_failing_migration_is_rolled_back_and_not_recorded(schema_url: tuple[str, str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    schema, url = schema_url
    PostgresStore(url).close()

    def broken(con: psycopg.Connection[Any]) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        con.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(postgres_module, "MIGRATIONS", (*MIGRATIONS, ("0002_broken", broken)))
    with pytest.raises(StoreError, match="migration 0002_broken failed"):
        PostgresStore(url)
    monkeypatch.undo()
    with PostgresStore(url) as store:
        assert "0002_broken" not in store.migrations()
    with admin(url) as con:
        row = con.execute("SELECT to_regclass(%s)", [f'"{schema}".half_done']).fetchone()
    assert row == (None,)


def test_a_store_from_a_newer_dyad_is_refused(schema_url: tuple[str, str]) -> None:
    schema, url = schema_url
    PostgresStore(url).close()
    with admin(url) as con:
        con.execute(f"INSERT INTO \"{schema}\".migrations VALUES ('9999_future', now())")
    with pytest.raises(StoreError, match="newer dyad"):
        PostgresStore(url)
    with pytest.raises(StoreError, match="newer dyad"):
        PostgresStore(url, read_only=True)


def test_concurrent_first_opens_migrate_once(schema_url: tuple[str, str]) -> None:
    schema, url = schema_url
    openers = 6
    barrier = threading.Barrier(openers)
    outcomes: list[object] = []

    def open_one() -> None:
        barrier.wait()
        try:
            with PostgresStore(url) as store:
                outcomes.append(store.migrations())
        except Exception as exc:  # reported below, with the others
            outcomes.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == [[name for name, _ in MIGRATIONS]] * openers
    with admin(url) as con:
        row = con.execute(f'SELECT count(*) FROM "{schema}".migrations').fetchone()
    assert row == (len(MIGRATIONS),)


def test_the_schema_argument_creates_and_uses_a_schema_once_under_concurrent_opens() -> None:
    base = require_server()
    schema = f"dyad_test_kw_{uuid.uuid4().hex[:12]}"
    barrier = threading.Barrier(4)
    outcomes: list[object] = []

    def open_one() -> None:
        barrier.wait()
        try:
            with PostgresStore(base, schema=schema) as store:
                outcomes.append(store.schema)
        except Exception as exc:
            outcomes.append(exc)

    try:
        threads = [threading.Thread(target=open_one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert outcomes == [schema] * 4
        with admin(base) as con:
            row = con.execute("SELECT to_regclass(%s)", [f'"{schema}".events']).fetchone()
        assert row is not None and row[0] is not None
    finally:
        with admin(base) as con:
            con.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


# -- read-only ------------------------------------------------------------------------------------------

def test_read_only_store_reads_but_does_not_write(url: str, articles: list[Article]) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        PostgresStore(url, read_only=True)
    with PostgresStore(url) as store:
        _put_all(store, articles[:1])
    with PostgresStore(url, read_only=True) as reader:
        assert reader.article_ids() == [articles[0].id]
        with pytest.raises(StoreError, match="read-only"):
            reader.start_run(inputs=[], dyad_version="test")
        # The session itself is read-only: the server refuses a write that bypasses the store's checks.
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader._con.execute("DELETE FROM articles")
    with open_store(url, read_only=True) as reader:
        assert reader.read_only and reader.article_ids() == [articles[0].id]


# -- writing --------------------------------------------------------------------------------------------

def test_a_write_that_fails_midway_leaves_the_old_records(url: str, articles: list[Article],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(url) as store:
        article = articles[0]
        _put_all(store, [article])
        before = (list(store.events()), list(store.quotes()), list(store.mentions()),
                  store.get_article(article.id))
        real_insert = PostgresStore._insert

        def insert_then_fail(self: PostgresStore, shape: object, records: list[dict[str, object]]) -> None:
            real_insert(self, shape, records)  # type: ignore[arg-type]
            if shape is QUOTES:
                raise RuntimeError("disk on fire")

        monkeypatch.setattr(PostgresStore, "_insert", insert_then_fail)
        changed = replace(article, text=article.text + " Rutte belde Macron.")
        with pytest.raises(StoreError, match="disk on fire"):
            store.put_article(changed, changed.content_hash, build_records(fake_analyse(changed)), None)
        after = (list(store.events()), list(store.quotes()), list(store.mentions()),
                 store.get_article(article.id))
        assert after == before
        assert store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None) \
            == "unchanged"  # the connection is usable again


def test_a_writer_waits_for_the_article_lock_then_finds_the_other_writers_article(
    url: str, articles: list[Article]
) -> None:
    article = articles[0]
    records = build_records(fake_analyse(article))
    with PostgresStore(url) as first, PostgresStore(url) as second, admin(url) as holder:
        outcome: list[object] = []

        def put() -> None:
            outcome.append(second.put_article(article, article.content_hash, records, None))

        with holder.transaction():
            key = lock_key("article", second.schema, article.id)
            holder.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            waiting = threading.Thread(target=put)
            waiting.start()
            waiting.join(timeout=0.5)
            assert waiting.is_alive() and outcome == []  # blocked on the lock, nothing written yet
            # While it waits, another writer stores the article (without the lock, as a racing writer
            # that got there first would have).
            holder.execute(
                f'INSERT INTO "{second.schema}".articles ("id", "content_hash", "text", "ingested_at") '
                "VALUES (%s, %s, %s, now())", [article.id, article.content_hash, article.text])
        waiting.join(timeout=30)
        assert outcome == ["unchanged"]  # it saw the committed article once the lock was free
        assert first.article_ids() == [article.id]


def test_runs_and_errors_round_trip(url: str) -> None:
    with PostgresStore(url) as store:
        run = store.start_run(inputs=["a folder", "één.txt"], dyad_version="9.9")
        store.record_error(run, origin="bad.txt", code="E001", message="empty", article_id="x")
        store.finish_run(run, counts={"inserted": 2, "done": 2}, components={"nl": {"events": "lexicon"}})
        (only,) = store.runs()
        assert only["id"] == run and only["inputs"] == ["a folder", "één.txt"]
        assert only["counts"] == {"done": 2, "inserted": 2} and list(only["counts"]) == ["done", "inserted"]
        assert only["components"] == {"nl": {"events": "lexicon"}} and only["finished"] >= only["started"]
        assert [(e["run_id"], e["origin"], e["code"], e["article_id"]) for e in store.errors(run)] == \
            [(run, "bad.txt", "E001", "x")]
        assert store.errors(run + 1) == []


# -- order and exports ----------------------------------------------------------------------------------

#: Ids whose order differs between code-point order (DuckDB) and a linguistic collation.
TRICKY_IDS = ("B-2", "a_1", "Z9", "_x", "ab", "a-b", "Ä1", "é")


def _tricky_articles(articles: list[Article]) -> list[Article]:
    return [replace(a, id=new_id) for a, new_id in zip(articles, TRICKY_IDS, strict=False)]


def test_rows_sort_by_code_point_whatever_the_locale(url: str, articles: list[Article]) -> None:
    tricky = _tricky_articles(articles)
    with PostgresStore(url) as store:
        _put_all(store, tricky)
        assert store.article_ids() == sorted(TRICKY_IDS)
        assert [e["article_id"] for e in store.events()] == sorted(e["article_id"] for e in store.events())
        with admin(url) as con:  # the test has teeth: a linguistic order would differ
            icu = con.execute(
                "SELECT string_agg(x, ',' ORDER BY x COLLATE \"und-x-icu\") FROM unnest(%s::text[]) x",
                [list(TRICKY_IDS)],
            ).fetchone()
        assert icu is not None and icu[0].split(",") != sorted(TRICKY_IDS)


def _export_all(store: Any, out: Path, **filters: Any) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    for fmt in ("jsonl", "csv", "parquet"):
        export(store, out / f"events.{fmt}", out / f"quotes.{fmt}", fmt=fmt, **filters)
        files[f"events.{fmt}"] = (out / f"events.{fmt}").read_bytes()
        files[f"quotes.{fmt}"] = (out / f"quotes.{fmt}").read_bytes()
    return files


FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"country": "NED"},
    {"actor": "USA"},
    {"since": "2019-03", "until": "2020"},
    {"cameo_root": "04", "factuality": "actual"},
    {"article_id": [TRICKY_IDS[0], TRICKY_IDS[3]]},
)


def test_exports_equal_duckdb_byte_for_byte_with_the_stand_in_pipeline(
    url: str, tmp_path: Path, articles: list[Article]
) -> None:
    mixed = [*articles, *_tricky_articles(articles)]
    with DuckDBStore(tmp_path / "dyad.duckdb") as duck, PostgresStore(url) as pg:
        _put_all(duck, mixed)
        _put_all(pg, mixed)
        assert pg.stats() == duck.stats()
        for i, filters in enumerate(FILTERS):
            expected = _export_all(duck, tmp_path / f"duck{i}", **filters)
            assert expected["events.jsonl"] or filters, "the unfiltered export holds events"
            assert _export_all(pg, tmp_path / f"pg{i}", **filters) == expected, filters


def _write_article_folder(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    ids = []
    for line in GOLD_ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        ids.append(record["id"])
        (folder / f"{record['id']}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
    return sorted(ids)


@pytest.mark.slow
@real_pipeline
def test_exports_equal_duckdb_byte_for_byte_after_a_real_ingest(url: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    ids = _write_article_folder(folder)
    with DuckDBStore(tmp_path / "dyad.duckdb") as duck, PostgresStore(url) as pg:
        duck_summary = ingest([folder], duck)
        pg_summary = ingest([folder], pg)
        assert duck_summary.counts() == pg_summary.counts() and duck_summary.inserted == len(ids)
        assert pg.article_ids() == duck.article_ids() == ids
        assert pg.stats() == duck.stats() and pg.stats()["events"] > 0 and pg.stats()["quotes"] > 0
        for aid in ids[:3]:
            assert pg.article_records(aid) == duck.article_records(aid)
        assert _export_all(pg, tmp_path / "pg") == _export_all(duck, tmp_path / "duck")
        assert _export_all(pg, tmp_path / "pg-us", actor="USA") == \
            _export_all(duck, tmp_path / "duck-us", actor="USA")


# -- two processes ingesting the same articles ----------------------------------------------------------

_INGESTER = """
import json, sys
sys.path.insert(0, {tests_store!r})
mode, url, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
import dyad.ingest
if mode == "stand-in":
    from store_fakes import fake_analyse
    dyad.ingest.analyse = fake_analyse
    dyad.ingest.pipeline_components = lambda language: {{"events": "test"}}
else:
    dyad.ingest.get_pipeline("nl")  # load the models before the start signal
from dyad.store import open_store
with open_store(url) as store:
    print("ready", flush=True)
    sys.stdin.readline()
    summary = dyad.ingest.ingest(inputs, store)
print(json.dumps(summary.to_dict()), flush=True)
"""


def _ingest_together(url: str, mode: str, inputs: list[list[str]]) -> list[dict[str, Any]]:
    """Start one ingesting process per input list, release them together, return their summaries."""
    script = _INGESTER.format(tests_store=str(Path(__file__).parent))
    processes = [subprocess.Popen([sys.executable, "-c", script, mode, url, *names], cwd=REPO,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for names in inputs]
    try:
        for process in processes:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        summaries = []
        for process in processes:
            out, _ = process.communicate(timeout=300)
            assert process.returncode == 0
            summaries.append(json.loads(out.strip().splitlines()[-1]))
        return summaries
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def _check_no_duplicates(url: str, schema: str, summaries: list[dict[str, Any]], ids: list[str],
                         clean: Callable[[], dict[str, bytes]], tmp_path: Path) -> None:
    assert [s["failures"] for s in summaries] == [[]] * len(summaries)
    # Every article was written by exactly one process; the other found it stored.
    assert sum(s["inserted"] for s in summaries) == len(ids)
    assert sum(s["replaced"] for s in summaries) == 0
    with admin(url) as con:
        for table, key in (("articles", '"id"'), ("events", '"article_id", "event_index"'),
                           ("quotes", '"article_id", "quote_index"'),
                           ("mentions", '"article_id", "mention_index"')):
            row = con.execute(f'SELECT count(*) - count(DISTINCT ({key})) FROM "{schema}".{table}').fetchone()
            assert row == (0,), table
    with PostgresStore(url) as store:
        assert store.article_ids() == ids
        assert len(store.runs()) == len(summaries)
        assert _export_all(store, tmp_path / "together") == clean()


def test_two_processes_ingesting_the_same_articles_leave_no_duplicates(
    schema_url: tuple[str, str], tmp_path: Path
) -> None:
    """Stand-in pipeline (fast), so both processes contend for nearly every article at the same moment."""
    schema, url = schema_url
    folder = tmp_path / "articles"
    ids = _write_article_folder(folder)
    files = sorted(str(p) for p in folder.iterdir())
    # Overlapping inputs: the folder, and the same files named one by one plus the folder again.
    summaries = _ingest_together(url, "stand-in", [[str(folder)], [*files[:10], str(folder)]])

    def clean() -> dict[str, bytes]:
        with DuckDBStore(tmp_path / "clean.duckdb") as duck:
            for article in sorted(_articles_from(folder), key=lambda a: a.id):
                duck.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)
            return _export_all(duck, tmp_path / "clean")

    _check_no_duplicates(url, schema, summaries, ids, clean, tmp_path)
    assert sum(s["unchanged"] for s in summaries) == len(ids) + 10


def _articles_from(folder: Path) -> list[Article]:
    from dyad.readers import read_inputs

    return [item for item in read_inputs([str(folder)]) if isinstance(item, Article)]


@pytest.mark.slow
@real_pipeline
def test_two_processes_running_the_real_pipeline_leave_no_duplicates(
    schema_url: tuple[str, str], tmp_path: Path
) -> None:
    schema, url = schema_url
    folder = tmp_path / "articles"
    ids = _write_article_folder(folder)
    summaries = _ingest_together(url, "real", [[str(folder)], [str(folder)]])

    def clean() -> dict[str, bytes]:
        with DuckDBStore(tmp_path / "clean.duckdb") as duck:
            ingest([folder], duck)
            return _export_all(duck, tmp_path / "clean")

    _check_no_duplicates(url, schema, summaries, ids, clean, tmp_path)


# -- 0005_aggregate_keys: the stored buckets ----------------------------------------------------------------

def _dated_event(i: int, date: str | None) -> dict[str, Any]:
    return {"article_id": "dated", "sentence": f"Zin {i}.", "sentence_index": i, "sentence_start": 0,
            "sentence_end": 5, "source": {"name": "Rusland", "actor": "RUS", "country": "RUS", "id": None},
            "target": None, "cameo": "042", "quad_class": 1, "goldstein": 1.9, "plover": None,
            "factuality": "actual", "date": date, "date_rule": None, "trigger": "t", "trigger_start": 0,
            "trigger_end": 1, "rule": "r", "confidence": 1.0, "language": "nl"}


#: Dates of every precision, and periods that straddle a week, a month or a year.
DATES = ("2021-03-17", "2021-03", "2021-W11", "2021", None, "2020-12-31", "2015-W53", "2020-W53", "2021-02-28")


def _bucket_mismatches(url: str) -> int:
    """Events whose stored bucket differs from the one computed from their dates."""
    from dyad.store.aggregate import STORED_BUCKETS, contained_bucket

    differs = " OR ".join(f'"bucket_{b}" IS DISTINCT FROM ({contained_bucket(b)})' for b in STORED_BUCKETS)
    with psycopg.connect(url) as con:
        row = con.execute(f"SELECT count(*) FROM events WHERE {differs}").fetchone()
    assert row is not None
    return int(row[0])


def test_stored_buckets_equal_the_buckets_computed_from_the_dates(url: str) -> None:
    from dyad.records import Extraction

    with PostgresStore(url) as store:
        store.put_article(Article(id="dated", text="x", language="nl"), "h",
                          Extraction("dated", "nl", None, events=[_dated_event(i, d) for i, d in enumerate(DATES)]),
                          None)
    assert _bucket_mismatches(url) == 0
    with psycopg.connect(url) as con:
        months = con.execute('SELECT "date", "bucket_month", "bucket_week", "bucket_year" FROM events '
                             'ORDER BY "sentence_index"').fetchall()
    assert months[0] == ("2021-03-17", 202103, 202111, 2021)
    assert months[1] == ("2021-03", 202103, None, 2021)  # a month: in no week
    assert months[4] == (None, None, None, None)


def test_a_store_made_before_stored_buckets_gets_them_on_its_next_writable_open(url: str) -> None:
    from dyad.records import Extraction

    with PostgresStore(url) as store:
        store.put_article(Article(id="dated", text="x", language="nl"), "h",
                          Extraction("dated", "nl", None, events=[_dated_event(i, d) for i, d in enumerate(DATES)]),
                          None)
    with psycopg.connect(url, autocommit=True) as con:
        for bucket in ("week", "month", "year"):
            con.execute(f'ALTER TABLE events DROP COLUMN "bucket_{bucket}"')
        con.execute("DELETE FROM migrations WHERE \"name\" = '0005_aggregate_keys'")
    with pytest.raises(StoreError, match="0005_aggregate_keys"):
        PostgresStore(url, read_only=True)
    with PostgresStore(url) as store:
        assert "0005_aggregate_keys" in store.migrations()
    assert _bucket_mismatches(url) == 0
