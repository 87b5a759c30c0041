"""DuckDB's dyad keys (migration 0005_aggregate_keys): every event carries the key of its (source actor and
country, target actor and country, factuality) in `dyads`, kept by the writer on ingest and re-ingest and
given to older stores by the migration; filters through the keys select what the same filters on the
columns select."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import Extraction
from dyad.store import DuckDBStore, RecordFilter
from dyad.store.duckdb_store import DYAD_COLUMNS, STORE_DIALECT
from dyad.store.filters import Dialect, count_sql, select_sql
from dyad.store.rows import EVENTS

#: Sides as (actor code, country): a country, its government, an actor without a country, a country
#: without a code, and no one.
SIDES: tuple[tuple[str | None, str | None], ...] = (
    ("RUS", "RUS"), ("RUSGOV", "RUS"), ("UKR", "UKR"), ("UKRMIL", "UKR"), ("NATO", None), (None, "USA"),
    (None, None),
)
FACTUALITIES = ("actual", "possible", "negated")


def _side(code: str | None, country: str | None) -> dict[str, Any] | None:
    if code is None and country is None:
        return None
    return {"name": code or country, "actor": code, "country": country, "id": None}


def _event(i: int, source: tuple[str | None, str | None], target: tuple[str | None, str | None],
           factuality: str) -> dict[str, Any]:
    return {"sentence": f"Zin {i}.", "sentence_index": i, "sentence_start": 0, "sentence_end": 5,
            "source": _side(*source), "target": _side(*target), "cameo": "190" if i % 2 else "042",
            "quad_class": 4 if i % 2 else 1, "goldstein": -10.0 if i % 2 else 1.9, "plover": None,
            "factuality": factuality, "date": f"2021-03-{1 + i % 28:02d}", "date_rule": None,
            "trigger": "t", "trigger_start": 0, "trigger_end": 1, "rule": "r", "confidence": 1.0,
            "language": "nl"}


def _events(salt: int = 0) -> list[dict[str, Any]]:
    combos = list(itertools.product(SIDES, SIDES))
    return [_event(i, s, t, FACTUALITIES[(i + salt) % 3]) for i, (s, t) in enumerate(combos)]


def _put(store: DuckDBStore, article_id: str, events: list[dict[str, Any]], content_hash: str) -> None:
    store.put_article(Article(id=article_id, text="x", language="nl"), content_hash,
                      Extraction(article_id, "nl", None, events=[{**e, "article_id": article_id} for e in events]),
                      None)


def _filled(path: Path) -> Path:
    with DuckDBStore(path) as store:
        _put(store, "a", _events(), "h1")
        _put(store, "b", _events(1)[::2], "h2")
    return path


def _unkeyed(path: Path) -> int:
    """Events whose dyad key is missing or names a dyad with other columns than theirs."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        same = " AND ".join(f'd."{c}" IS NOT DISTINCT FROM e."{c}"' for c in DYAD_COLUMNS)
        row = con.execute(f'SELECT count(*) FROM events e LEFT JOIN dyads d ON d."key" = e."dyad_key" '
                          f'WHERE e."dyad_key" IS NULL OR NOT ({same})').fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


FILTERS: list[dict[str, Any]] = [
    {"actor": "RUS"}, {"actor": "RUSGOV"}, {"actor": "NATO"}, {"actor": "USA"}, {"country": "RUS"},
    {"source": "RUS"}, {"target": "UKR"}, {"source": "NATO", "target": "USA"}, {"pair": "RUS,UKR"},
    {"pair": "RUS,RUSGOV"}, {"pair": "RUS,RUS"}, {"pair": "NATO,USA"}, {"factuality": "negated"},
    {"pair": "RUS,UKR", "factuality": "actual", "quad_class": 4}, {"actor": "UKR", "cameo": "19"},
    {"actor": "RUS", "text": "zin 1", "since": "2021-03-05"}, {"actor": "XXX"}, {"quad_class": 1},
]


def _ids(store: DuckDBStore, where: RecordFilter, dialect: Dialect) -> list[tuple[Any, ...]]:
    query, params = select_sql(EVENTS, where, dialect)
    return [(r["article_id"], r["event_index"]) for r in store._dicts(query, params)]


@pytest.mark.parametrize("args", FILTERS, ids=[str(f) for f in FILTERS])
def test_a_filter_through_the_dyad_keys_selects_what_it_selects_on_the_columns(tmp_path: Path,
                                                                               args: dict[str, Any]) -> None:
    path = _filled(tmp_path / "dyad.duckdb")
    where = RecordFilter.build(**args)
    with DuckDBStore(path, read_only=True) as store:
        keyed, plain = _ids(store, where, STORE_DIALECT), _ids(store, where, Dialect())
        assert keyed == plain
        counted = [store._execute(*count_sql(EVENTS, where, d)).fetchone()[0] for d in (STORE_DIALECT, Dialect())]
        assert counted == [len(plain)] * 2
        assert store.count_events(where) == len(plain)
    if "dyad_key" in count_sql(EVENTS, where, STORE_DIALECT)[0]:
        assert "dyad_key" not in count_sql(EVENTS, where, Dialect())[0]


def _dyad_rows(path: Path) -> tuple[int, int]:
    """Rows of `dyads` and distinct combinations among the events."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT count(*) FROM dyads").fetchone()
        distinct = con.execute(f'SELECT count(*) FROM (SELECT DISTINCT {", ".join(DYAD_COLUMNS)} FROM events)'
                               ).fetchone()
    finally:
        con.close()
    assert rows is not None and distinct is not None
    return int(rows[0]), int(distinct[0])



def test_every_written_event_carries_the_key_of_its_dyad(tmp_path: Path) -> None:
    path = _filled(tmp_path / "dyad.duckdb")
    assert _unkeyed(path) == 0
    rows, distinct = _dyad_rows(path)
    assert rows == distinct  # one key per combination, none twice


def test_a_changed_article_is_keyed_again_on_re_ingest(tmp_path: Path) -> None:
    path = _filled(tmp_path / "dyad.duckdb")
    changed = _events(2)[:5]  # other factualities: combinations with keys of their own
    with DuckDBStore(path) as store:
        _put(store, "a", changed, "h1-changed")
        where = RecordFilter.build(article_id="a", factuality=changed[0]["factuality"])
        expected = sum(1 for e in changed if e["factuality"] == changed[0]["factuality"])
        assert store.count_events(where) == expected
    assert _unkeyed(path) == 0


def test_a_store_made_before_dyad_keys_gets_them_on_its_next_writable_open(tmp_path: Path) -> None:
    path = _filled(tmp_path / "old.duckdb")
    with DuckDBStore(path, read_only=True) as store:
        before = {str(args): store.count_events(RecordFilter.build(**args)) for args in FILTERS}
    con = duckdb.connect(str(path))
    con.execute('ALTER TABLE events DROP COLUMN "dyad_key"')
    con.execute("DROP TABLE dyads")
    con.execute("DROP SEQUENCE dyads_key_seq")
    con.execute("DELETE FROM migrations WHERE \"name\" = '0005_aggregate_keys'")
    con.close()
    with pytest.raises(Exception, match="0005_aggregate_keys"):
        DuckDBStore(path, read_only=True)
    with DuckDBStore(path) as store:
        assert "0005_aggregate_keys" in store.migrations()
    assert _unkeyed(path) == 0
    with DuckDBStore(path, read_only=True) as store:
        after = {str(args): store.count_events(RecordFilter.build(**args)) for args in FILTERS}
    assert after == before


def test_keys_written_by_another_store_are_found_not_given_twice(tmp_path: Path) -> None:
    path = _filled(tmp_path / "dyad.duckdb")
    with DuckDBStore(path) as store:  # a new store knows no keys yet: it finds those in `dyads`
        _put(store, "c", _events(), "h3")
        _put(store, "d", _events(1), "h4")
    rows, distinct = _dyad_rows(path)
    assert rows == distinct
    assert _unkeyed(path) == 0


def test_a_rolled_back_write_forgets_the_keys_it_gave(tmp_path: Path) -> None:
    path = tmp_path / "dyad.duckdb"
    events = _events()[:6]
    bad_quote = {"text": "q", "kind": "direct", "start": "not a number", "end": 1}
    with DuckDBStore(path) as store:
        # the events' dyads are keyed, then the quote fails: the transaction and its dyads are gone
        with pytest.raises(StoreError):
            store.put_article(Article(id="a", text="x", language="nl"), "h1",
                              Extraction("a", "nl", None, events=[{**e, "article_id": "a"} for e in events],
                                         quotes=[{**bad_quote, "article_id": "a"}]), None)
        _put(store, "a", events, "h1")
    assert _unkeyed(path) == 0
    rows, distinct = _dyad_rows(path)
    assert rows == distinct
