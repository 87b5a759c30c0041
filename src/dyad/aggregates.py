"""Aggregates over a store: dyad time series, an actor network, top dyads, event counts per CAMEO root and
per country over time, and an actor table, each computed by the database.

Library functions over any `dyad.store.Store`, used by the web API and the CLI and usable from Python:

    from dyad.aggregates import dyad_series, actor_network
    with open_store("dyad.duckdb", read_only=True) as store:
        series = dyad_series(store, "USA", "RUS", bucket="week")
        graph = actor_network(store, since="2021-03", until="2021-04")

Each function describes a GROUP BY (`dyad.store.aggregate`: one query builder, the same SQL on DuckDB and
PostgreSQL) and the store runs it (`Store.aggregate`); only the grouped rows (a bucket, an edge) reach
Python, which shapes them (fills empty buckets, sorts, rounds). tests/aggregates_oracle.py keeps the
row-by-row Python code these replaced, and the tests check that both give the same results.

**Actor keys.** A key such as `RUS`, `RUSGOV` or `NATO` matches an actor slot when it equals the slot's
CAMEO actor code or its country (the `actor` filter of `RecordFilter`): `RUS` takes in `RUSGOV` and every
other Russian actor; `RUSGOV` only the government.

**Dates and buckets.** A record's date is a period (`2021-03-17` is one day, `2021-03` a month, `2021-W11` a
week, `2021` a year), stored as its first and last day (`date_first`, `date_last`). An event counts in a
bucket only when the whole period its date covers lies inside that bucket: an event dated `2021-03` counts
in the March bucket of a month series, and is *excluded* from day and week series (and an ISO week that
straddles two months is excluded from month series). It is not assigned to the first day of the month:
that would pile every month-dated event onto the 1st and draw spikes that are not in the news. Excluded
events are counted (`excluded.coarser_than_bucket`, and `excluded.undated` for events without a date) so
that a chart can say what it leaves out.

**Ranges.** `since`/`until` select the records whose date period *overlaps* the range (`date_overlap=
"overlap"` of `RecordFilter`), so that the buckets at the ends of a range are as full as the others; each
bucket then counts only the records contained in it, as above.

**Factuality.** By default only `actual` events count (a negated attack is not a conflict event, and a
considered one has not happened); pass `factuality=None` to count every event, or another value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, get_args

from dyad.store.aggregate import (
    DATED,
    ActorTable,
    EventGroups,
    Matches,
    Term,
    bucket_term,
    column,
    side_key,
)
from dyad.store.aggregate import bucket_start as bucket_key_start
from dyad.store.base import Store
from dyad.store.filters import Dialect, RecordFilter
from dyad.store.rows import date_bounds

Bucket = Literal["day", "week", "month", "year"]
BUCKETS: tuple[str, ...] = get_args(Bucket)
NetworkKey = Literal["country", "actor"]

#: A series is filled with empty buckets between its first and last bucket up to this many points.
MAX_FILLED_POINTS = 5000

QUAD_CLASSES = (1, 2, 3, 4)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the bucket a day falls in (weeks are ISO weeks, starting on Monday)."""
    if bucket == "day":
        return day
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "year":
        return date(day.year, 1, 1)
    raise ValueError(f"unknown bucket {bucket!r}: expected one of {', '.join(BUCKETS)}")


def next_bucket(start: date, bucket: Bucket) -> date:
    """The first day of the bucket after the one starting at `start`."""
    if bucket == "day":
        return start + timedelta(days=1)
    if bucket == "week":
        return start + timedelta(days=7)
    if bucket == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    if bucket == "year":
        return date(start.year + 1, 1, 1)
    raise ValueError(f"unknown bucket {bucket!r}: expected one of {', '.join(BUCKETS)}")


def bucket_label(start: date, bucket: Bucket) -> str:
    """`2021-03-17` (day), `2021-W11` (week), `2021-03` (month), `2021` (year)."""
    if bucket == "day":
        return start.isoformat()
    if bucket == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if bucket == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def bucket_of(value: str | None, bucket: Bucket) -> date | None:
    """The start of the bucket that wholly contains the period of an ISO date; None when none does.

    None for no date, and for a date coarser than the bucket (a month-dated event in a day series).
    An unparseable date raises `DateError`.
    """
    bounds = date_bounds(value)
    if bounds is None:
        return None
    first, last = bounds
    start = bucket_start(first, bucket)
    return start if bucket_start(last, bucket) == start else None



def _check_bucket(bucket: str) -> Bucket:
    if bucket not in BUCKETS:
        raise ValueError(f"unknown bucket {bucket!r}: expected one of {', '.join(BUCKETS)}")
    return bucket  # type: ignore[return-value]


def _check_by(by: str) -> NetworkKey:
    if by not in get_args(NetworkKey):
        raise ValueError(f"unknown network key {by!r}: expected country or actor")
    return by  # type: ignore[return-value]


@dataclass
class Tally:
    """Counts per quad class and summed Goldstein of a set of events."""

    events: int = 0
    quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    goldstein: float = 0.0

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Tally:
        """The tally of a row of `EventGroups` (`events`, `q1`..`q4`, `goldstein`)."""
        return cls(int(row["events"]), {q: int(row[f"q{q}"]) for q in QUAD_CLASSES},
                   float(row["goldstein"] or 0.0))

    def merge(self, other: Tally) -> None:
        self.events += other.events
        for q in QUAD_CLASSES:
            self.quad[q] += other.quad[q]
        self.goldstein += other.goldstein

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "quad": {str(k): v for k, v in self.quad.items()},
            "cooperation": self.quad[1] + self.quad[2],
            "conflict": self.quad[3] + self.quad[4],
            "goldstein": round(self.goldstein, 3),
            "goldstein_mean": round(self.goldstein / self.events, 3) if self.events else None,
        }


def _bucket_range(first: date, last: date, bucket: Bucket, limit: int) -> list[date] | None:
    """Every bucket start from `first` to `last`; None when there would be more than `limit`."""
    out: list[date] = []
    current = first
    while current <= last:
        if len(out) >= limit:
            return None
        out.append(current)
        current = next_bucket(current, bucket)
    return out


@dataclass
class _Buckets:
    """Grouped rows of a series query sorted into buckets, and what no bucket could take."""

    kind: Bucket
    starts: set[date] = field(default_factory=set)
    undated: int = 0
    coarse: int = 0

    def place(self, row: Mapping[str, Any]) -> date | None:
        """The bucket start of a row (keys `bucket`, `dated`); None (and counted) when excluded."""
        if row["bucket"] is None:
            if row["dated"]:
                self.coarse += int(row["events"])
            else:
                self.undated += int(row["events"])
            return None
        start = bucket_key_start(row["bucket"], self.kind)
        self.starts.add(start)
        return start

    def excluded(self) -> dict[str, int]:
        return {"undated": self.undated, "coarser_than_bucket": self.coarse}


def _filled(starts: Iterable[date], where: RecordFilter, kind: Bucket) -> tuple[list[date], bool]:
    """Bucket starts in order, with the empty buckets between the first and last (or across the filter's
    range when it has both ends) filled in up to `MAX_FILLED_POINTS`; and whether it was filled."""
    ordered = sorted(starts)
    range_start: date | None = None
    range_end: date | None = None
    bounds = where.date_range()
    if bounds[0] is not None and bounds[1] is not None:
        range_start, range_end = bucket_start(bounds[0], kind), bucket_start(bounds[1], kind)
    elif ordered:
        range_start, range_end = ordered[0], ordered[-1]
    if range_start is not None and range_end is not None:
        span = _bucket_range(range_start, range_end, kind, MAX_FILLED_POINTS)
        if span is not None:
            return sorted(set(span) | set(ordered)), True
    return ordered, False


def _point(start: date, kind: Bucket) -> dict[str, Any]:
    return {"bucket": bucket_label(start, kind), "start": start.isoformat(),
            "end": (next_bucket(start, kind) - timedelta(days=1)).isoformat()}


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    bucket: str = "month",
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
    factuality: str | None = "actual",
) -> dict[str, Any]:
    """Events between two actors per day, week, month or year: counts per quad class and summed Goldstein.

    `directed=False` (default) takes events either way (A on B and B on A) and reports each direction's
    count per point; `directed=True` takes A on B only. `since`/`until` are ISO dates at any precision
    (inclusive; see `RecordFilter`). Buckets between the first and the last are filled with zeros (up to
    `MAX_FILLED_POINTS`); with `since` and `until` both given the series spans that range instead.

    Returns a plain dict: `a`, `b`, `bucket`, `directed`, `factuality`, `since`, `until`, `points` (each
    with `bucket` label, `start`, `end` (inclusive), `events`, `quad` per class, `cooperation`,
    `conflict`, `goldstein` sum, `goldstein_mean`, `a_to_b`, `b_to_a`), `totals` and `excluded`.
    An event that matches both ways (`RUS` and `RUSGOV`, a government on its own country) counts A to B.
    """
    kind = _check_bucket(bucket)
    if directed:
        where = RecordFilter.build(source=a, target=b, since=since, until=until, factuality=factuality,
                               date_overlap="overlap")
    else:
        where = RecordFilter.build(pair=(a, b), since=since, until=until, factuality=factuality,
                               date_overlap="overlap")
    # A to B: the events the directed filter selects (every event when directed).
    ahead = RecordFilter.build(source=a, target=b)
    rows = store.aggregate(EventGroups(where, keys=(bucket_term(kind), DATED), counts=(Matches("a_to_b", ahead),)))
    buckets = _Buckets(kind)
    points: dict[date, Tally] = {}
    directions: dict[date, list[int]] = {}
    totals = Tally()
    for row in rows:
        start = buckets.place(row)
        if start is None:
            continue
        tally = Tally.of(row)
        points.setdefault(start, Tally()).merge(tally)
        counts = directions.setdefault(start, [0, 0])
        counts[0] += int(row["a_to_b"])
        counts[1] += tally.events - int(row["a_to_b"])
        totals.merge(tally)
    starts, filled = _filled(buckets.starts, where, kind)
    out_points = []
    for start in starts:
        counts = directions.get(start, [0, 0])
        out_points.append({**_point(start, kind), **points.get(start, Tally()).to_dict(),
                           "a_to_b": counts[0], "b_to_a": counts[1]})
    return {
        "a": a,
        "b": b,
        "bucket": kind,
        "directed": directed,
        "factuality": factuality,
        "since": since,
        "until": until,
        "filled": filled,
        "points": out_points,
        "totals": totals.to_dict(),
        "excluded": buckets.excluded(),
    }


def _edges(store: Store, where: RecordFilter, key: NetworkKey) -> tuple[dict[tuple[str, str], Tally], int]:
    """Events per (source, target) key pair, both sides known; and how many had an unknown side."""
    rows = store.aggregate(EventGroups(where, keys=(side_key("source", key), side_key("target", key))))
    edges: dict[tuple[str, str], Tally] = {}
    unknown = 0
    for row in rows:
        if row["source"] is None or row["target"] is None:
            unknown += int(row["events"])
            continue
        edges[(str(row["source"]), str(row["target"]))] = Tally.of(row)
    return edges, unknown


def _heaviest(edges: Mapping[tuple[str, str], Tally], min_events: int,
              limit: int | None) -> list[tuple[tuple[str, str], Tally]]:
    kept = sorted(((pair, tally) for pair, tally in edges.items() if tally.events >= min_events),
                  key=lambda item: (-item[1].events, item[0]))
    return kept[:limit] if limit is not None else kept


def actor_network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    by: str = "country",
    factuality: str | None = "actual",
    min_events: int = 1,
    max_edges: int | None = None,
) -> dict[str, Any]:
    """The directed network of who acted on whom in a period.

    Nodes are countries (`by="country"`) or CAMEO actor codes (`by="actor"`); an edge source->target
    holds the number of events, counts per quad class, summed and mean Goldstein. Events with an unknown
    side are left out (counted in `excluded`). Self-loops (an actor acting on itself: a government on its
    own opposition, by country) are kept as edges with `source == target`. `since`/`until` select events
    whose date period overlaps the range (as `RecordFilter` does); with either given, undated events drop
    out. Edges with fewer than `min_events` events are dropped; `max_edges` keeps the heaviest ones.
    Edges come heaviest first (ties by source, target); nodes by events, then key.
    """
    key = _check_by(by)
    where = RecordFilter.build(since=since, until=until, factuality=factuality,
                               date_overlap="overlap")
    edges, unknown = _edges(store, where, key)
    kept = _heaviest(edges, min_events, max_edges)
    nodes: dict[str, dict[str, Any]] = {}
    for (source, target), tally in kept:
        for node, direction in ((source, "out"), (target, "in")):
            entry = nodes.setdefault(node, {"id": node, "events": 0, "out": 0, "in": 0, "goldstein": 0.0})
            entry[direction] += tally.events
            if source != target or direction == "out":
                entry["events"] += tally.events
                entry["goldstein"] += tally.goldstein
    node_list = sorted(nodes.values(), key=lambda n: (-n["events"], n["id"]))
    for entry in node_list:
        entry["goldstein"] = round(entry["goldstein"], 3)
    return {
        "by": key,
        "since": since,
        "until": until,
        "factuality": factuality,
        "nodes": node_list,
        "edges": [{"source": s, "target": t, **tally.to_dict()} for (s, t), tally in kept],
        "excluded": {"unknown_actor": unknown},
    }


def top_dyads(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    by: str = "country",
    factuality: str | None = "actual",
    limit: int = 10,
) -> dict[str, Any]:
    """The directed dyads (source -> target, by country or actor code) with the most events in a period.

    `dyads`: up to `limit`, most events first (ties by source, target), each with the counts of an
    `actor_network` edge; `excluded.unknown_actor`: events with an unknown side.
    """
    key = _check_by(by)
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, not {limit}")
    where = RecordFilter.build(since=since, until=until, factuality=factuality,
                               date_overlap="overlap")
    edges, unknown = _edges(store, where, key)
    return {
        "by": key,
        "since": since,
        "until": until,
        "factuality": factuality,
        "dyads": [{"source": s, "target": t, **tally.to_dict()}
                  for (s, t), tally in _heaviest(edges, 1, limit)],
        "excluded": {"unknown_actor": unknown},
    }


def _count_series(kind: Bucket, where: RecordFilter, name: str, rows: Iterable[Mapping[str, Any]],
                  extra: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A series of event counts per bucket and per value of the key `name`.

    `rows` (keys `bucket`, `dated`, `name`) hold every selected event once; `extra` rows add counts to
    the values (not to the events) of their buckets.
    """
    buckets = _Buckets(kind)
    events: dict[date, int] = {}
    values: dict[date, dict[str, int]] = {}
    totals: dict[str, int] = {}

    def add(start: date, value: Any, n: int) -> None:
        if value is None or value == "":
            return
        per = values.setdefault(start, {})
        per[str(value)] = per.get(str(value), 0) + n
        totals[str(value)] = totals.get(str(value), 0) + n

    for row in rows:
        start = buckets.place(row)
        if start is None:
            continue
        events[start] = events.get(start, 0) + int(row["events"])
        add(start, row[name], int(row["events"]))
    for row in extra:
        if row["bucket"] is not None:
            add(bucket_key_start(row["bucket"], kind), row[name], int(row["events"]))
    starts, filled = _filled(buckets.starts, where, kind)
    field_name = f"{name}s" if not name.endswith("y") else f"{name[:-1]}ies"
    return {
        "filled": filled,
        "points": [{**_point(start, kind), "events": events.get(start, 0),
                    field_name: dict(sorted(values.get(start, {}).items()))} for start in starts],
        "totals": {"events": sum(events.values()), field_name: dict(sorted(totals.items()))},
        "excluded": buckets.excluded(),
    }


def cameo_root_series(
    store: Store,
    *,
    bucket: str = "month",
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    factuality: str | None = "actual",
) -> dict[str, Any]:
    """Events per bucket and per CAMEO root (`"14"`: protest): `points` (each with `events` and `roots`,
    `{root: events}`, roots with events only), `totals` and `excluded` as in `dyad_series`. `actor`
    narrows to events with that actor code or country on either side."""
    kind = _check_bucket(bucket)
    where = RecordFilter.build(since=since, until=until, actor=actor, factuality=factuality,
                               date_overlap="overlap")
    root = column("cameo_root", "root")
    rows = store.aggregate(EventGroups(where, keys=(bucket_term(kind), DATED, root)))
    return {"bucket": kind, "since": since, "until": until, "actor": actor, "factuality": factuality,
            **_count_series(kind, where, "root", rows)}


def country_series(
    store: Store,
    *,
    bucket: str = "month",
    since: str | None = None,
    until: str | None = None,
    cameo_root: str | None = None,
    factuality: str | None = "actual",
) -> dict[str, Any]:
    """Events per bucket and per country on either side: `points` (each with `events` and `countries`,
    `{country: events}`; an event counts once for each country on its sides, once when both sides are of
    one country), `totals` and `excluded` as in `dyad_series`. `cameo_root` narrows to one root."""
    kind = _check_bucket(bucket)
    where = RecordFilter.build(since=since, until=until, cameo_root=cameo_root, factuality=factuality,
                               date_overlap="overlap")
    by_source = store.aggregate(EventGroups(
        where, keys=(bucket_term(kind), DATED, side_key("source", "country", "country"))))
    other_target = Term("other", "(NULLIF(\"target_country\", '') IS DISTINCT FROM NULLIF(\"source_country\", ''))",
                        columns=("source_country", "target_country"))
    by_target = store.aggregate(EventGroups(
        where, keys=(bucket_term(kind), DATED, side_key("target", "country", "country")), also=other_target))
    return {"bucket": kind, "since": since, "until": until, "cameo_root": cameo_root, "factuality": factuality,
            **_count_series(kind, where, "country", by_source, by_target)}


def actor_table(store: Store) -> list[dict[str, Any]]:
    """Every resolved actor in the store: one row per knowledge-base id, most mentioned first.

    Each row: `id`, `actor` (CAMEO code), `name`, `country`, `kind`, `role` (of its first mention in the
    stable order), `mentions`, `articles` (with a mention), `events` (as source or target, any factuality).
    """
    rows = store.aggregate(ActorTable())
    out = [{"id": r["id"], "actor": r["actor"], "name": r["name"], "country": r["country"], "kind": r["kind"],
            "role": r["role"], "mentions": int(r["mentions"]), "articles": int(r["articles"]),
            "events": int(r["events"])} for r in rows]
    return sorted(out, key=lambda r: (-r["mentions"], r["id"]))


# -- series of events per actor, pair or all, with the articles published per bucket (the dashboard) -----

def series_filter(*, actor: str | None, partner: str | None, direction: str, since: str | None,
                  until: str | None, factuality: str | None) -> RecordFilter:
    """The events of a series: every event (no actor), one actor's (`out`: as source, `in`: as target,
    `either`: on either side), or a pair's (`out`: actor on partner, `in`: partner on actor)."""
    if actor is None:
        return RecordFilter.build(since=since, until=until, factuality=factuality)
    if partner is None:
        side = {"out": {"source": actor}, "in": {"target": actor}}.get(direction, {"actor": actor})
        return RecordFilter.build(since=since, until=until, factuality=factuality, **side)
    if direction == "out":
        return RecordFilter.build(source=actor, target=partner, since=since, until=until, factuality=factuality)
    if direction == "in":
        return RecordFilter.build(source=partner, target=actor, since=since, until=until, factuality=factuality)
    return RecordFilter.build(pair=(actor, partner), since=since, until=until, factuality=factuality)


@dataclass(frozen=True)
class ArticleDates:
    """Articles per publication date (as stored: any ISO precision)."""

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        return 'SELECT "published", count(*) AS "articles" FROM articles GROUP BY "published"', []


def event_series(store: Store, *, actor: str | None = None, partner: str | None = None,
                 direction: str = "either", bucket: str = "month", since: str | None = None,
                 until: str | None = None, factuality: str | None = "actual") -> dict[str, Any]:
    """Events per bucket (counts per quad class, summed and mean Goldstein) with the number of articles
    published in each bucket (`articles`, for a rate per article); empty buckets filled as in
    `dyad.aggregates.dyad_series`, and what no bucket could take in `excluded`."""
    kind = _check_bucket(bucket)
    where = series_filter(actor=actor, partner=partner, direction=direction, since=since, until=until,
                          factuality=factuality)
    rows = store.aggregate(EventGroups(where, keys=(bucket_term(kind), DATED)))
    buckets = _Buckets(kind)
    points: dict[date, Tally] = {}
    totals = Tally()
    for row in rows:
        start = buckets.place(row)
        if start is None:
            continue
        tally = Tally.of(row)
        points.setdefault(start, Tally()).merge(tally)
        totals.merge(tally)
    starts, filled = _filled(buckets.starts, where, kind)
    articles: dict[date, int] = {}
    undated_articles = 0
    for row in store.aggregate(ArticleDates()):
        try:
            start = bucket_of(row["published"], kind)
        except Exception:  # a published value that is not a date counts as undated
            start = None
        if start is None:
            undated_articles += int(row["articles"])
        else:
            articles[start] = articles.get(start, 0) + int(row["articles"])
    out = [{**_point(start, kind), **points.get(start, Tally()).to_dict(),
            "articles": articles.get(start, 0)} for start in starts]
    return {"actor": actor, "partner": partner, "direction": direction, "bucket": kind, "since": since,
            "until": until, "factuality": factuality, "filled": filled, "points": out,
            "totals": {**totals.to_dict(), "articles": sum(p["articles"] for p in out)},
            "excluded": {**buckets.excluded(), "articles_undated_or_coarser": undated_articles}}
