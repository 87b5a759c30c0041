"""The DuckDB store: migrations, locations, one-transaction writes, record round trips, stats."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from store_fakes import fake_analyse

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import build_records
from dyad.store import MIGRATIONS, DuckDBStore, RecordFilter, default_location, open_store
from dyad.store import duckdb_store as duckdb_module
from dyad.store.rows import EVENTS, MENTIONS, QUOTES, date_bounds


def _table_columns(path: Path, table: str) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


# -- migrations -----------------------------------------------------------------------------------------

def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "dyad.duckdb"
    with DuckDBStore(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    con = duckdb.connect(str(path), read_only=True)
    first = con.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall()
    con.close()
    with DuckDBStore(path) as store:  # re-open: nothing pending, nothing re-run
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    con = duckdb.connect(str(path), read_only=True)
    again = con.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall()
    con.close()
    assert again == first


def test_tables_have_the_columns_the_record_shapes_expect(tmp_path: Path) -> None:
    path = tmp_path / "dyad.duckdb"
    DuckDBStore(path).close()
    for shape in (EVENTS, QUOTES, MENTIONS):
        # The same columns; a migration that adds columns appends them to the table. Events carry their
        # dyad key besides (0005_aggregate_keys: the store's, not the record's).
        extra = ["dyad_key"] if shape is EVENTS else []
        assert sorted(_table_columns(path, shape.table)) == sorted([*shape.stored_columns, *extra])
    assert _table_columns(path, "articles")[:2] == ["id", "content_hash"]
    assert _table_columns(path, "errors") == ["id", "run_id", "origin", "article_id", "code", "message", "at"]


def test_a_failing_migration_is_rolled_back_and_not_recorded(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dyad.duckdb"
    DuckDBStore(path).close()

    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        con.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(duckdb_module, "MIGRATIONS", (*MIGRATIONS, ("0002_broken", broken)))
    with pytest.raises(StoreError, match="migration 0002_broken failed"):
        DuckDBStore(path)
    monkeypatch.undo()
    with DuckDBStore(path) as store:
        assert "0002_broken" not in store.migrations()
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert "half_done" not in tables


def test_a_store_from_a_newer_dyad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dyad.duckdb"
    DuckDBStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO migrations VALUES ('9999_future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer dyad"):
        DuckDBStore(path)


def test_read_only_store_reads_but_does_not_write(tmp_path: Path, articles: list[Article]) -> None:
    path = tmp_path / "dyad.duckdb"
    with DuckDBStore(path) as store:
        first = articles[0]
        store.put_article(first, first.content_hash, build_records(fake_analyse(first)), None)
    with DuckDBStore(path, read_only=True) as reader:
        assert reader.article_ids() == [articles[0].id]
        with pytest.raises(StoreError, match="read-only"):
            reader.start_run(inputs=[], dyad_version="test")
    with pytest.raises(StoreError, match="no store here yet"):
        DuckDBStore(tmp_path / "missing.duckdb", read_only=True)


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "dyad.duckdb"
    DuckDBStore(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from dyad.store import DuckDBStore
            store = DuckDBStore({str(path)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="one writer at a time"):
            DuckDBStore(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


# -- locations ------------------------------------------------------------------------------------------

def test_open_store_understands_paths_and_duckdb_urls(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "a" / "b.duckdb") as store:
        assert Path(store.location) == tmp_path / "a" / "b.duckdb"
    with open_store(f"duckdb:///{tmp_path}/c.duckdb") as store:  # duckdb:/// + absolute path
        assert Path(store.location) == tmp_path / "c.duckdb"
    monkeypatch.chdir(tmp_path)
    with open_store("duckdb:///rel/d.duckdb") as store:
        assert Path(store.location) == Path("rel/d.duckdb")
    assert (tmp_path / "rel" / "d.duckdb").exists()
    with open_store(":memory:") as store:
        assert store.stats()["articles"] == 0


def test_default_location_follows_dyad_db_then_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "env.duckdb"))
    assert default_location() == str(tmp_path / "env.duckdb")
    monkeypatch.delenv("DYAD_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_location() == str(tmp_path / "xdg" / "dyad" / "dyad.duckdb")
    with open_store(None) as store:
        assert Path(store.location) == tmp_path / "xdg" / "dyad" / "dyad.duckdb"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_location() == str(tmp_path / "home" / ".local" / "share" / "dyad" / "dyad.duckdb")


def test_unknown_url_schemes_are_refused() -> None:
    with pytest.raises(StoreError, match="unknown store URL scheme"):
        open_store("mysql://x/y")


# -- writing and reading records ------------------------------------------------------------------------

def test_records_come_back_exactly_as_built(store: DuckDBStore, articles: list[Article]) -> None:
    for article in articles:
        extraction = build_records(fake_analyse(article))
        assert store.put_article(article, article.content_hash, extraction, None) == "inserted"
        stored = store.article_records(article.id)
        assert stored is not None
        # Stored order is the export order; compare as sorted lists of the same dicts.
        assert sorted(map(repr, stored.events)) == sorted(map(repr, extraction.events))
        assert stored.quotes == extraction.quotes
        assert stored.mentions == extraction.mentions
    total_events = sum(len(build_records(fake_analyse(a)).events) for a in articles)
    assert total_events > 20  # the stand-in pipeline really produced records to round-trip
    assert sum(1 for _ in store.quotes()) > 0


def test_unknown_record_fields_are_kept_in_extra(store: DuckDBStore, articles: list[Article]) -> None:
    article = articles[0]
    extraction = build_records(fake_analyse(article))
    extraction.events[0]["polarity"] = -1
    extraction.events[0]["source"]["role"] = "premier"
    store.put_article(article, article.content_hash, extraction, None)
    back = next(e for e in store.events() if e.get("polarity") == -1)
    assert back["source"]["role"] == "premier"
    assert back == extraction.events[0]


def test_a_changed_article_replaces_its_records_and_unchanged_writes_nothing(
    store: DuckDBStore, articles: list[Article]
) -> None:
    article = articles[0]
    store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)
    assert store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None) \
        == "unchanged"
    text = "Toen belde Trump met Poetin. Gisteren antwoordde Poetin Trump niet."
    changed = Article(id=article.id, text=text, published=article.published, language="nl", origin="changed")
    assert store.put_article(changed, changed.content_hash, build_records(fake_analyse(changed)), None) \
        == "replaced"
    events = list(store.events())
    assert [e["sentence"] for e in events] == ["Toen belde Trump met Poetin.",
                                                 "Gisteren antwoordde Poetin Trump niet."]
    stored = store.get_article(article.id)
    assert stored is not None and stored.text == changed.text and stored.origin == "changed"
    assert store.stats()["articles"] == 1


def _everything(store: DuckDBStore, article_id: str) -> tuple[object, ...]:
    return (list(store.events()), list(store.quotes()), list(store.mentions()), store.get_article(article_id))


def test_a_write_that_fails_midway_leaves_the_old_records(store: DuckDBStore, articles: list[Article],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    article = articles[0]
    store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)
    before = _everything(store, article.id)
    real_insert = DuckDBStore._insert

    def insert_then_fail(self: DuckDBStore, shape: object, records: list[dict[str, object]]) -> None:
        real_insert(self, shape, records)  # type: ignore[arg-type]
        if shape is QUOTES:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(DuckDBStore, "_insert", insert_then_fail)
    changed = Article(id=article.id, text=article.text + " Rutte belde Macron.", published=article.published,
                      language="nl")
    with pytest.raises(StoreError, match="disk on fire"):
        store.put_article(changed, changed.content_hash, build_records(fake_analyse(changed)), None)
    after = _everything(store, article.id)
    assert after == before


def test_stats_counts_quad_classes_and_top_dyads(store: DuckDBStore, articles: list[Article]) -> None:
    expected_quads = {1: 0, 2: 0, 3: 0, 4: 0}
    dyads: dict[tuple[str, str], int] = {}
    for article in articles:
        extraction = build_records(fake_analyse(article))
        store.put_article(article, article.content_hash, extraction, None)
        for e in extraction.events:
            expected_quads[e["quad_class"]] += 1
            key = (e["source"]["country"], e["target"]["country"])
            dyads[key] = dyads.get(key, 0) + 1
    run = store.start_run(inputs=["x"], dyad_version="test")
    store.record_error(run, origin="bad.txt", code="E001", message="empty")
    stats = store.stats()
    assert stats["articles"] == len(articles)
    assert stats["events"] == sum(expected_quads.values())
    assert stats["runs"] == 1 and stats["errors"] == 1
    assert stats["events_by_quad_class"] == expected_quads
    top = sorted(dyads.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert [(d["source_country"], d["target_country"], d["events"]) for d in stats["top_dyads"]] == \
        [(s, t, n) for (s, t), n in top]
    assert stats["languages"] == {"nl": len(articles)}


def test_filters_select_on_either_side_and_on_date_overlap(store: DuckDBStore,
                                                           articles: list[Article]) -> None:
    for article in articles:
        store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)
    events = list(store.events())
    country = events[0]["target"]["country"]
    by_country = list(store.events(RecordFilter.build(country=country)))
    assert by_country == [e for e in events if country in (e["source"]["country"], e["target"]["country"])]
    month = events[0]["date"][:7]
    in_month = list(store.events(RecordFilter.build(since=month, until=month)))
    assert in_month and all(e["date"].startswith(month) for e in in_month)
    assert len(in_month) == sum(1 for e in events if e["date"].startswith(month))
    with pytest.raises(StoreError, match="CAMEO root"):
        RecordFilter.build(cameo_root="1")
    with pytest.raises(StoreError, match="factuality"):
        RecordFilter.build(factuality="maybe")


def test_date_bounds_cover_every_precision() -> None:
    from datetime import date

    assert date_bounds("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert date_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_bounds("2021-12") == (date(2021, 12, 1), date(2021, 12, 31))
    assert date_bounds("2021-03-17") == (date(2021, 3, 17), date(2021, 3, 17))
    assert date_bounds("2021-03-17T10:00:00") == (date(2021, 3, 17), date(2021, 3, 17))
    assert date_bounds("2021-W11") == (date(2021, 3, 15), date(2021, 3, 21))
    assert date_bounds(None) is None


def test_a_store_made_before_event_ids_gets_them_on_its_next_writable_open(tmp_path: Path) -> None:
    """Migration 0004 adds the id and place columns to an older store and gives the stored events the ids
    a re-ingest would give them."""
    from dyad.document import Article
    from dyad.records import Extraction, record_event_id

    path = tmp_path / "old.duckdb"
    event = {"article_id": "a", "sentence": "s", "sentence_index": 0, "sentence_start": 0, "sentence_end": 1,
             "source": {"name": "Rusland", "actor": "RUS", "country": "RUS", "id": None}, "target": None,
             "cameo": "042", "quad_class": 1, "goldstein": 1.9, "plover": "CONSULT", "factuality": "actual",
             "date": "2021-03", "date_rule": None, "trigger": "bezoek", "trigger_start": 0, "trigger_end": 6,
             "rule": "r", "confidence": 1.0, "language": "nl"}
    with DuckDBStore(path) as store:
        store.put_article(Article(id="a", text="s", language="nl"), "h",
                          Extraction("a", "nl", None, events=[event]), None)
    con = duckdb.connect(str(path))
    for column in ("event_id", "place_name", "place_country", "place_lat", "place_lon"):
        con.execute(f'ALTER TABLE events DROP COLUMN "{column}"')
    con.execute("DELETE FROM migrations WHERE \"name\" = '0004_event_ids_and_places'")
    con.close()
    with DuckDBStore(path) as store:
        assert "0004_event_ids_and_places" in store.migrations()
        (stored,) = store.events()
    assert stored["event_id"] == record_event_id(event)
    assert stored["place"] is None
