"""The event rollups (dyad.store.rollups) equal the same sums over the stored events, after an ingest, a
re-ingest of a changed article and the deletion of an article's events (a re-ingest without them), and
after the migration that fills them on an older store; and the aggregates summed from them equal the
same aggregates counted over the events and the row-by-row oracle (tests/aggregates_oracle.py). On both
backends (the `store` fixture).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_aggregate_sql import random_events, same

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aggregates_oracle as oracle  # noqa: E402
from dyad import aggregates  # noqa: E402
from dyad.document import Article, PartialDate  # noqa: E402
from dyad.records import Extraction  # noqa: E402
from dyad.store import Store  # noqa: E402
from dyad.store.aggregate import DATED, EventGroups, Matches, bucket_term, column, side_key  # noqa: E402
from dyad.store.filters import Dialect, RecordFilter  # noqa: E402
from dyad.store.rollups import ROLLUPS, Rollup  # noqa: E402
from dyad.store.rows import date_bounds  # noqa: E402

MONTHS, COUNTRY_MONTHS = ROLLUPS
Key = tuple[Any, ...]


def put(store: Store, article_id: str, content_hash: str, events: list[dict[str, Any]]) -> None:
    article = Article(id=article_id, text="s", published=PartialDate(2021, 3), language="en")
    store.put_article(article, content_hash, Extraction(article_id, "en", "2021-03", events=events, quotes=[],
                                                        mentions=[]), None)


def _truncated(day: date | None, rollup: Rollup) -> date | None:
    if day is None:
        return None
    return day.replace(day=1) if rollup.period == "month" else date(day.year, 1, 1)


def expected_rows(store: Store, rollup: Rollup) -> dict[Key, tuple[int, float, int]]:
    """The rollup's rows computed in Python from the stored events (FORMAT.md records)."""
    out: dict[Key, tuple[int, float, int]] = {}
    for event in store.events():
        bounds = date_bounds(event["date"])
        first, last = bounds if bounds is not None else (None, None)
        values = {"factuality": event["factuality"], "quad_class": event["quad_class"],
                  "cameo_root": event["cameo"][:2] if event["cameo"] else None,
                  "source_country": (event["source"] or {}).get("country"),
                  "target_country": (event["target"] or {}).get("country")}
        key = (_truncated(first, rollup), _truncated(last, rollup), *(values[c] for c in rollup.columns))
        n, total, weighted = out.get(key, (0, 0.0, 0))
        weight = event["goldstein"]
        out[key] = (n + 1, total + (weight or 0.0), weighted + (weight is not None))
    return out


def stored_rows(store: Store, rollup: Rollup) -> dict[Key, tuple[int, float, int]]:
    names = ", ".join(f'"{c}"' for c in rollup.keys)
    rows = store._all(f'SELECT {names}, "events", "goldstein", "goldstein_n" FROM {rollup.table}', [])  # type: ignore[attr-defined]
    out = {}
    for row in rows:
        dates = tuple(d if d is None or type(d) is date else d.date() for d in (row["date_first"], row["date_last"]))
        out[(*dates, *(row[c] for c in rollup.columns))] = (
            int(row["events"]), float(row["goldstein"]), int(row["goldstein_n"]))
    return out


def assert_rollups_match(store: Store) -> None:
    for rollup in ROLLUPS:
        stored, expected = stored_rows(store, rollup), expected_rows(store, rollup)
        assert stored.keys() == expected.keys(), rollup.table
        for key, (n, total, weighted) in expected.items():
            assert stored[key][0] == n and stored[key][2] == weighted, (rollup.table, key)
            assert stored[key][1] == pytest.approx(total, abs=1e-9), (rollup.table, key)
        assert all(n > 0 for n, _, _ in stored.values())  # no row left without events


def counted_over_events(store: Store) -> Store:
    """The same store, its aggregates counted over the events (the rollups left unread)."""
    store._dialect = replace(store._dialect, rollups=False)  # type: ignore[attr-defined]
    return store


AGGREGATES: list[tuple[str, dict[str, Any]]] = [
    ("event_series", {}),
    ("event_series", {"bucket": "year", "factuality": None}),
    ("event_series", {"since": "2020-03", "until": "2020"}),
    ("actor_network", {}),
    ("actor_network", {"since": "2020", "until": "2020", "factuality": None}),
    ("top_dyads", {"limit": 5}),
    ("cameo_root_series", {}),
    ("cameo_root_series", {"bucket": "year", "since": "2021"}),
    ("country_series", {}),
    ("country_series", {"cameo_root": "14", "since": "2020-06", "until": "2021-02"}),
]


def assert_aggregates_match(store: Store) -> None:
    served = {(name, str(args)): getattr(aggregates, name)(store, **args) for name, args in AGGREGATES}
    stats = store.stats()
    raw = counted_over_events(store)
    for name, args in AGGREGATES:
        assert same(served[(name, str(args))], getattr(aggregates, name)(raw, **args)), (name, args)
        if hasattr(oracle, name):
            assert same(served[(name, str(args))], getattr(oracle, name)(raw, **args)), (name, args)
    assert stats == stats_over_events(raw)
    store._dialect = replace(store._dialect, rollups=True)  # type: ignore[attr-defined]


def stats_over_events(store: Store) -> dict[str, Any]:
    """`Store.stats`' event counts computed in Python from the stored events."""
    events = list(store.events())
    pairs: dict[tuple[str, str], int] = {}
    for event in events:
        source, target = (event["source"] or {}).get("country"), (event["target"] or {}).get("country")
        if source is not None and target is not None:
            pairs[(source, target)] = pairs.get((source, target), 0) + 1
    top = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:10]
    return {**{t: store._count(t) for t in ("articles", "quotes", "mentions", "runs", "errors")},  # type: ignore[attr-defined]
            "events": len(events),
            "events_by_quad_class": {q: sum(e["quad_class"] == q for e in events) for q in (1, 2, 3, 4)},
            "top_dyads": [{"source_country": s, "target_country": t, "events": n} for (s, t), n in top],
            "languages": {"en": store._count("articles")} if events else {}}  # type: ignore[attr-defined]


def test_rollups_equal_the_events_after_ingest_reingest_and_deletion(store: Store) -> None:
    for number in range(3):
        put(store, f"r{number}", f"h{number}", random_events(number, 150, f"r{number}"))
    assert_rollups_match(store)
    assert_aggregates_match(store)
    put(store, "r1", "h1-changed", random_events(7, 90, "r1"))  # re-ingest: other events
    put(store, "r0", "h0", random_events(8, 90, "r0"))  # unchanged hash: nothing is written
    assert_rollups_match(store)
    assert_aggregates_match(store)
    put(store, "r2", "h2-empty", [])  # its events deleted
    assert_rollups_match(store)
    assert_aggregates_match(store)
    for number in range(3):
        put(store, f"r{number}", "gone", [])
    assert all(not stored_rows(store, rollup) for rollup in ROLLUPS)
    assert store.stats()["events"] == 0 and store.stats()["top_dyads"] == []


def test_a_batch_that_replaces_and_adds_keeps_the_rollups(store: Store) -> None:
    from dyad.store.base import ArticleWrite

    put(store, "a", "h", random_events(1, 60, "a"))
    batch = [ArticleWrite(Article(id=i, text="s", language="en"), h,
                          Extraction(i, "en", None, events=random_events(seed, 40, i), quotes=[], mentions=[]))
             for i, h, seed in (("a", "h2", 2), ("b", "h", 3), ("c", "h", 1))]
    store.put_articles(batch, None)
    assert_rollups_match(store)


def test_the_migration_fills_the_rollups_of_an_older_store(store: Store, tmp_path: Path) -> None:
    for number in range(2):
        put(store, f"r{number}", f"h{number}", random_events(number + 3, 120, f"r{number}"))
    for rollup in ROLLUPS:
        store._execute(f"DROP TABLE {rollup.table}", [])  # type: ignore[attr-defined]
    store._execute("DELETE FROM migrations WHERE \"name\" = '0007_event_rollups'", [])  # type: ignore[attr-defined]
    store._migrate()  # type: ignore[attr-defined]
    assert "0007_event_rollups" in store.migrations()
    assert_rollups_match(store)


def test_aggregates_read_a_rollup_only_where_it_holds_the_query() -> None:
    on = Dialect(rollups=True)
    month = bucket_term("month")
    actual = RecordFilter.build(factuality="actual")

    def chosen(query: EventGroups) -> str | None:
        rollup = query.rollup(on)
        return rollup.table if rollup is not None else None

    assert chosen(EventGroups(actual, keys=(month, DATED))) == MONTHS.table
    assert chosen(EventGroups(actual, keys=(bucket_term("year"), DATED, column("cameo_root")))) == MONTHS.table
    assert chosen(EventGroups(RecordFilter.build(since="2019", until="2019-06"),
                              keys=(side_key("source", "country"), side_key("target", "country")))) == \
        COUNTRY_MONTHS.table
    assert chosen(EventGroups(RecordFilter.build(country="RUS", quad_class=4), keys=(month,))) == \
        COUNTRY_MONTHS.table
    # Not held: a day or week bucket, a range that starts or ends inside a month, an actor code, a pair,
    # a CAMEO code below its root, a country with a root (no rollup keeps both), a conditional count.
    for query in (
        EventGroups(actual, keys=(bucket_term("day"), DATED)),
        EventGroups(actual, keys=(bucket_term("week"), DATED)),
        EventGroups(RecordFilter.build(since="2019-03-15"), keys=(month,)),
        EventGroups(RecordFilter.build(until="2019-03-30"), keys=(month,)),
        EventGroups(actual, keys=(side_key("source", "actor"),)),
        EventGroups(actual, keys=(column("date_first"),)),
        EventGroups(RecordFilter.build(actor="RUS"), keys=(month,)),
        EventGroups(RecordFilter.build(pair=("USA", "RUS")), keys=(month,)),
        EventGroups(RecordFilter.build(cameo="141"), keys=(month,)),
        EventGroups(RecordFilter.build(cameo_root="14"), keys=(month, side_key("source", "country"))),
        EventGroups(actual, keys=(month,), counts=(Matches("a_to_b", RecordFilter.build(source="USA")),)),
    ):
        assert chosen(query) is None, query
    assert EventGroups(actual, keys=(month,)).rollup(Dialect()) is None  # a store without rollups


def test_event_counts_summed_from_a_rollup_equal_the_matching_events(store: Store) -> None:
    for number in range(2):
        put(store, f"r{number}", f"h{number}", random_events(number + 5, 150, f"r{number}"))
    for where in (RecordFilter(), RecordFilter.build(quad_class="3,4"), RecordFilter.build(country="RUS"),
                  RecordFilter.build(country="UKR", quad_class=4, since="2020-02", factuality="actual"),
                  RecordFilter.build(cameo_root="14", until="2020"),
                  RecordFilter.build(since="2020-03-15"), RecordFilter.build(actor="USA")):
        assert store.count_events(where) == len(list(store.events(where))), where
    assert EventGroups(RecordFilter.build(country="RUS")).rollup(store._dialect) is not None  # type: ignore[attr-defined]
