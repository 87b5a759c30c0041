"""dyad.aggregates over a store holding hand-made records, so that every expected number is known."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import aggregates_oracle as oracle
from dyad.aggregates import (
    actor_network,
    actor_table,
    bucket_of,
    cameo_root_series,
    country_series,
    dyad_series,
    top_dyads,
)
from dyad.document import Article, PartialDate
from dyad.records import Extraction
from dyad.store import DuckDBStore


def slot(country: str, code: str | None = None, actor_id: str | None = None) -> dict[str, Any]:
    return {"name": country, "actor": code or country, "country": country, "id": actor_id or country}


def event(source: dict[str, Any], target: dict[str, Any], quad: int, goldstein: float, date: str | None,
          factuality: str = "actual", cameo: str = "042") -> dict[str, Any]:
    return {
        "article_id": "a1", "sentence": "s", "sentence_index": 0, "sentence_start": 0, "sentence_end": 1,
        "source": source, "target": target, "cameo": cameo, "quad_class": quad, "goldstein": goldstein,
        "plover": None, "factuality": factuality, "date": date, "date_rule": None, "trigger": "t",
        "trigger_start": 0, "trigger_end": 1, "rule": "test", "confidence": 1.0, "language": "en",
    }


USA, RUS, RUSGOV, CHN = slot("USA"), slot("RUS"), slot("RUS", "RUSGOV", "RUS.GOV"), slot("CHN")

EVENTS = [
    event(USA, RUS, 1, 1.0, "2021-03-01"),              # Monday of 2021-W09
    event(RUS, USA, 4, -5.0, "2021-03-03"),             # same week, other direction
    event(USA, RUSGOV, 3, -2.0, "2021-03-15"),          # RUSGOV matches RUS by country
    event(USA, RUS, 2, 6.0, "2021-03"),                 # month only: month buckets only
    event(USA, RUS, 4, -10.0, "2021-05-20"),
    event(USA, RUS, 4, -10.0, "2021-05-21", factuality="negated"),  # not counted by default
    event(USA, RUS, 1, 3.0, None),                      # undated
    event(USA, RUS, 1, 3.0, "2021-W13"),                # 29 March - 4 April: straddles two months
    event(CHN, USA, 3, -4.0, "2021-03-02"),             # another dyad
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    with DuckDBStore(tmp_path / "agg.duckdb") as opened:
        article = Article(id="a1", text="s", published=PartialDate(2021, 3), language="en")
        mentions = [
            {"article_id": "a1", "mention_index": i, "text": s["name"], "start": 0, "end": 1,
             "sentence_index": 0, "actor_id": s["id"], "actor": s["actor"], "actor_name": s["name"],
             "country": s["country"], "role": None, "kind": "state", "confidence": 1.0, "rule": "test"}
            for i, s in enumerate([USA, RUS, RUS, RUSGOV])
        ]
        extraction = Extraction("a1", "en", "2021-03", events=EVENTS, quotes=[], mentions=mentions)
        opened.put_article(article, "hash", extraction, None)
        yield opened


def test_bucket_of_takes_only_dates_inside_one_bucket() -> None:
    assert bucket_of("2021-03-17", "day").isoformat() == "2021-03-17"  # type: ignore[union-attr]
    assert bucket_of("2021-03-17", "week").isoformat() == "2021-03-15"  # type: ignore[union-attr]
    assert bucket_of("2021-03", "month").isoformat() == "2021-03-01"  # type: ignore[union-attr]
    assert bucket_of("2021-03", "week") is None
    assert bucket_of("2021-03", "day") is None
    assert bucket_of("2021", "month") is None
    assert bucket_of("2021-W11", "week").isoformat() == "2021-03-15"  # type: ignore[union-attr]
    assert bucket_of("2021-W13", "month") is None  # 29 March to 4 April
    assert bucket_of(None, "day") is None


def test_month_series_counts_month_dated_events_and_fills_gaps(store: DuckDBStore) -> None:
    series = dyad_series(store, "USA", "RUS", bucket="month")
    by_bucket = {p["bucket"]: p for p in series["points"]}
    assert list(by_bucket) == ["2021-03", "2021-04", "2021-05"]
    march = by_bucket["2021-03"]
    assert march["events"] == 4
    assert march["quad"] == {"1": 1, "2": 1, "3": 1, "4": 1}
    assert march["goldstein"] == pytest.approx(0.0)
    assert (march["a_to_b"], march["b_to_a"]) == (3, 1)
    assert by_bucket["2021-04"]["events"] == 0
    assert by_bucket["2021-05"]["events"] == 1
    assert by_bucket["2021-05"]["goldstein"] == -10.0
    # The week straddling March and April is left out of month buckets, the undated event too.
    assert series["excluded"] == {"undated": 1, "coarser_than_bucket": 1}
    assert series["totals"]["events"] == 5


def test_week_series_excludes_month_dated_events(store: DuckDBStore) -> None:
    series = dyad_series(store, "USA", "RUS", bucket="week", until="2021-04-04")
    by_bucket = {p["bucket"]: p for p in series["points"] if p["events"]}
    assert by_bucket["2021-W09"]["events"] == 2
    assert by_bucket["2021-W09"]["goldstein"] == -4.0
    assert by_bucket["2021-W11"]["quad"]["3"] == 1
    assert by_bucket["2021-W13"]["events"] == 1
    assert series["excluded"]["coarser_than_bucket"] == 1  # the month-dated one


def test_directed_series_and_factuality(store: DuckDBStore) -> None:
    directed = dyad_series(store, "RUS", "USA", bucket="day", directed=True)
    assert [(p["bucket"], p["events"]) for p in directed["points"]] == [("2021-03-03", 1)]
    everything = dyad_series(store, "USA", "RUS", bucket="day", factuality=None, since="2021-05",
                             until="2021-05")
    assert len(everything["points"]) == 31  # the whole range is filled
    assert sum(p["events"] for p in everything["points"]) == 2
    by_code = dyad_series(store, "USA", "RUSGOV", bucket="month")
    assert by_code["totals"]["events"] == 1


def test_series_rejects_an_unknown_bucket(store: DuckDBStore) -> None:
    with pytest.raises(ValueError, match="bucket"):
        dyad_series(store, "USA", "RUS", bucket="hour")


def test_network_edges_counts_and_mean_goldstein(store: DuckDBStore) -> None:
    graph = actor_network(store)
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("USA", "RUS")]["events"] == 6
    assert edges[("USA", "RUS")]["goldstein_mean"] == pytest.approx((1 - 2 + 6 - 10 + 3 + 3) / 6, abs=1e-3)
    assert edges[("RUS", "USA")]["events"] == 1
    assert edges[("CHN", "USA")]["goldstein_mean"] == -4.0
    assert graph["edges"][0]["source"] == "USA"  # heaviest first
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["USA"]["out"] == 6 and nodes["USA"]["in"] == 2

    march = actor_network(store, since="2021-03-02", until="2021-03-31", by="actor")
    edges = {(e["source"], e["target"]): e["events"] for e in march["edges"]}
    # 2021-03-01 is outside; the month-dated event overlaps; the week 2021-W13 overlaps.
    assert edges == {("RUS", "USA"): 1, ("USA", "RUSGOV"): 1, ("USA", "RUS"): 2, ("CHN", "USA"): 1}
    assert actor_network(store, min_events=2)["edges"] == [
        e for e in actor_network(store)["edges"] if e["events"] >= 2]


def test_actor_table(store: DuckDBStore) -> None:
    table = {row["id"]: row for row in actor_table(store)}
    assert table["RUS"]["mentions"] == 2
    assert table["RUS.GOV"]["actor"] == "RUSGOV"
    assert table["USA"]["events"] == 9  # on one side of every event
    assert table["RUS"]["events"] == 7  # RUS.GOV is an actor of its own
    assert "CHN" not in table  # no mention of it


def test_sql_aggregates_equal_the_python_oracle(store: DuckDBStore) -> None:
    """The aggregates the database computes equal the row-by-row Python ones they replaced."""
    for bucket in ("day", "week", "month", "year"):
        for directed in (False, True):
            assert dyad_series(store, "USA", "RUS", bucket=bucket, directed=directed) == \
                oracle.dyad_series(store, "USA", "RUS", bucket=bucket, directed=directed)
        assert cameo_root_series(store, bucket=bucket) == oracle.cameo_root_series(store, bucket=bucket)
        assert country_series(store, bucket=bucket, factuality=None) == \
            oracle.country_series(store, bucket=bucket, factuality=None)
    for by in ("country", "actor"):
        assert actor_network(store, by=by) == oracle.actor_network(store, by=by)
        assert top_dyads(store, by=by, limit=2) == oracle.top_dyads(store, by=by, limit=2)
    assert actor_table(store) == oracle.actor_table(store)


def test_top_dyads_root_and_country_series(store: DuckDBStore) -> None:
    top = top_dyads(store, limit=2)
    assert [(d["source"], d["target"], d["events"]) for d in top["dyads"]] == [("USA", "RUS", 6), ("CHN", "USA", 1)]
    roots = cameo_root_series(store, bucket="month")
    assert roots["totals"] == {"events": 6, "roots": {"04": 6}}
    countries = country_series(store, bucket="month")
    march = countries["points"][0]
    assert march["bucket"] == "2021-03"
    assert march["countries"] == {"CHN": 1, "RUS": 4, "USA": 5}  # each event counts once per country
