"""The aggregates in SQL (dyad.store.aggregate, run by dyad.aggregates) equal the row-by-row Python oracle
(tests/aggregates_oracle.py), on both backends.

The store holds a few hundred random events (seeded) with every date precision (day, ISO week, month,
year, none), unknown and empty sides, actor codes that match by country only, self-loops, NULL Goldstein
weights and quad classes, and every factuality; each aggregate is compared under many parameters.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aggregates_oracle as oracle  # noqa: E402
from dyad import aggregates  # noqa: E402
from dyad.document import Article, PartialDate  # noqa: E402
from dyad.records import Extraction  # noqa: E402
from dyad.store import Store  # noqa: E402
from dyad.store.aggregate import EventGroups, bucket_start, bucket_term  # noqa: E402
from dyad.store.filters import RecordFilter  # noqa: E402

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "")
SUFFIXES = ("", "GOV", "MIL")
ROOTS = ("01", "04", "11", "14", "19", "20")


def _slot(rng: random.Random) -> dict[str, Any] | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.08:  # an actor without a country (an organisation)
        return {"name": "NATO", "actor": "NATO", "country": None, "id": "nato"}
    country = rng.choice(COUNTRIES)
    actor = (country + rng.choice(SUFFIXES)) if country else None
    return {"name": actor or "x", "actor": actor, "country": country or None, "id": (actor or "x").lower()}


def _date(rng: random.Random) -> str | None:
    roll = rng.random()
    day = PartialDate(2020, 1, 1).first_day().toordinal() + rng.randrange(0, 800)
    from datetime import date

    d = date.fromordinal(day)
    if roll < 0.6:
        return d.isoformat()
    if roll < 0.7:
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if roll < 0.85:
        return d.strftime("%Y-%m")
    if roll < 0.92:
        return d.strftime("%Y")
    return None


def random_events(seed: int, n: int, article_id: str) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        root = rng.choice(ROOTS)
        quad = None if rng.random() < 0.03 else {"01": 1, "04": 1, "11": 3, "14": 4, "19": 4, "20": 4}[root]
        out.append({
            "article_id": article_id, "sentence": f"s{i}", "sentence_index": i, "sentence_start": 0,
            "sentence_end": 1, "source": _slot(rng), "target": _slot(rng), "cameo": root + rng.choice("0123"),
            "quad_class": quad, "goldstein": None if rng.random() < 0.05 else rng.choice((-10.0, -7.2, 1.9, 3.4)),
            "plover": None, "factuality": rng.choice(("actual", "actual", "actual", "possible", "negated")),
            "date": _date(rng), "date_rule": None, "trigger": "t", "trigger_start": 0, "trigger_end": 1,
            "rule": "test", "confidence": 1.0, "language": "en",
        })
    return out


@pytest.fixture
def filled(store: Store) -> Store:
    for number in range(3):
        article_id = f"r{number}"
        article = Article(id=article_id, text="s", published=PartialDate(2021, 3), language="en")
        mentions = [{"article_id": article_id, "mention_index": i, "text": "x", "start": 0, "end": 1,
                     "sentence_index": 0, "actor_id": actor_id, "actor": code, "actor_name": code,
                     "country": code[:3], "role": None, "kind": "state", "confidence": 1.0, "rule": "test"}
                    for i, (actor_id, code) in enumerate([("usa", "USA"), ("rusgov", "RUSGOV"), ("", "X"),
                                                          (f"only{number}", "CHN"), ("usa", "USAGOV")])]
        events = random_events(number, 150, article_id)
        store.put_article(article, f"h{number}", Extraction(article_id, "en", "2021-03", events=events,
                                                             quotes=[], mentions=mentions), None)
    return store


def same(got: Any, expected: Any) -> bool:
    """Equal, floats within one unit of the third decimal: both round sums to three decimals, and a sum in
    another order (per bucket, then the buckets) can fall on the other side of a rounding tie."""
    if isinstance(got, dict) and isinstance(expected, dict):
        return got.keys() == expected.keys() and all(same(got[k], expected[k]) for k in got)
    if isinstance(got, list) and isinstance(expected, list):
        return len(got) == len(expected) and all(same(g, e) for g, e in zip(got, expected, strict=True))
    if isinstance(got, float) and isinstance(expected, float):
        return abs(got - expected) <= 1.0001e-3
    return bool(got == expected) and type(got) is type(expected)


RANGES = [(None, None), ("2020-03", "2020-09-15"), ("2021", None), (None, "2020-W20")]
PAIRS = [("USA", "RUS"), ("RUS", "USAGOV"), ("RUS", "RUSGOV"), ("USA", "USA"), ("NATO", "CHN")]


def test_dyad_series_equals_the_oracle(filled: Store) -> None:
    for a, b in PAIRS:
        for bucket in aggregates.BUCKETS:
            for since, until in RANGES:
                for directed in (False, True):
                    for factuality in ("actual", None):
                        args: dict[str, Any] = {"bucket": bucket, "since": since, "until": until,
                                                "directed": directed, "factuality": factuality}
                        assert same(aggregates.dyad_series(filled, a, b, **args),
                                    oracle.dyad_series(filled, a, b, **args)), (a, b, args)


def test_network_and_top_dyads_equal_the_oracle(filled: Store) -> None:
    for since, until in RANGES:
        for by in ("country", "actor"):
            for factuality in ("actual", "negated", None):
                for min_events, max_edges in ((1, None), (3, 5), (1, 1)):
                    args: dict[str, Any] = {"since": since, "until": until, "by": by, "factuality": factuality}
                    assert same(aggregates.actor_network(filled, min_events=min_events, max_edges=max_edges, **args),
                                oracle.actor_network(filled, min_events=min_events, max_edges=max_edges, **args))
                assert same(aggregates.top_dyads(filled, limit=7, **args), oracle.top_dyads(filled, limit=7, **args))


def test_root_and_country_series_equal_the_oracle(filled: Store) -> None:
    for bucket in aggregates.BUCKETS:
        for since, until in RANGES:
            for factuality in ("actual", None):
                for actor in (None, "RUS", "USAGOV"):
                    args: dict[str, Any] = {"bucket": bucket, "since": since, "until": until,
                                            "factuality": factuality}
                    assert aggregates.cameo_root_series(filled, actor=actor, **args) == \
                        oracle.cameo_root_series(filled, actor=actor, **args), (actor, args)
                for root in (None, "14"):
                    assert aggregates.country_series(filled, cameo_root=root, **args) == \
                        oracle.country_series(filled, cameo_root=root, **args), (root, args)


def test_actor_table_equals_the_oracle(filled: Store) -> None:
    table = aggregates.actor_table(filled)
    assert table == oracle.actor_table(filled)
    assert {row["id"] for row in table} == {"usa", "rusgov", "only0", "only1", "only2"}


def test_bucket_terms_agree_with_python_buckets(filled: Store) -> None:
    """The SQL bucket of every stored event is the one `bucket_of` gives its date."""
    events = list(filled.events())
    for bucket in aggregates.BUCKETS:
        expected: dict[Any, int] = {}
        for event in events:
            start = aggregates.bucket_of(event["date"], bucket)  # type: ignore[arg-type]
            if start is not None:
                expected[start] = expected.get(start, 0) + 1
        rows = filled.aggregate(EventGroups(RecordFilter(), keys=(bucket_term(bucket),)))
        got = {bucket_start(row["bucket"], bucket): int(row["events"]) for row in rows if row["bucket"] is not None}
        assert got == expected, bucket


def test_an_existing_store_gets_the_aggregate_migration(tmp_path: Path) -> None:
    """A store made before 0003 (recorded 0001 and 0002 only) is migrated on its next writable open; rows
    left without their derived columns get them, and the aggregates count them."""
    import duckdb

    from dyad.store import DuckDBStore

    path = tmp_path / "old.duckdb"
    with DuckDBStore(path) as store:
        article = Article(id="a", text="s", published=PartialDate(2021, 3), language="en")
        store.put_article(article, "h", Extraction("a", "en", "2021-03", events=random_events(7, 40, "a"),
                                                   quotes=[], mentions=[]), None)
        expected = oracle.dyad_series(store, "USA", "RUS", bucket="day")
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM migrations WHERE \"name\" = '0003_aggregate_indexes'")
    con.execute("""UPDATE events SET "date_first" = NULL, "date_last" = NULL, "cameo_root" = NULL
                   WHERE length("date") = 10""")
    con.close()
    with DuckDBStore(path) as store:
        assert "0003_aggregate_indexes" in store.migrations()
        assert aggregates.dyad_series(store, "USA", "RUS", bucket="day") == expected
