"""Aggregates over a store: dyad time series, an actor network, and an actor table.

Library functions over any `dyad.store.Store` (they read through its public methods only), used by the web
API and usable from Python:

    from dyad.aggregates import dyad_series, actor_network
    with open_store("dyad.duckdb", read_only=True) as store:
        series = dyad_series(store, "USA", "RUS", bucket="week")
        graph = actor_network(store, since="2021-03", until="2021-04")

**Actor keys.** A key such as `RUS`, `RUSGOV` or `NATO` matches an actor slot when it equals the slot's
CAMEO actor code or its country (the `actor` filter of `RecordFilter`): `RUS` takes in `RUSGOV` and every
other Russian actor; `RUSGOV` only the government.

**Dates and buckets.** A record's date is a period (`2021-03-17` is one day, `2021-03` a month, `2021-W11` a
week, `2021` a year). An event counts in a bucket only when the whole period its date covers lies inside
that bucket: an event dated `2021-03` counts in the March bucket of a month series, and is *excluded* from
day and week series (and an ISO week that straddles two months is excluded from month series). It is not
assigned to the first day of the month: that would pile every month-dated event onto the 1st and draw
spikes that are not in the news. Excluded events are counted (`excluded.coarser_than_bucket`, and
`excluded.undated` for events without a date) so that a chart can say what it leaves out.

**Factuality.** By default only `actual` events count (a negated attack is not a conflict event, and a
considered one has not happened); pass `factuality=None` to count every event, or another value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, get_args

from dyad.errors import DateError
from dyad.store.base import Store
from dyad.store.filters import RecordFilter
from dyad.store.rows import date_bounds

Bucket = Literal["day", "week", "month", "year"]
BUCKETS: tuple[str, ...] = get_args(Bucket)
NetworkKey = Literal["country", "actor"]

#: A series is filled with empty buckets between its first and last bucket up to this many points.
MAX_FILLED_POINTS = 5000

QUAD_CLASSES = (1, 2, 3, 4)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def slot_matches(slot: Mapping[str, Any] | None, key: str) -> bool:
    """Whether an actor slot (`{"name", "actor", "country", "id"}`) matches an actor key."""
    return slot is not None and (slot.get("actor") == key or slot.get("country") == key)


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


def _closing(records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Iterate records and close the store's cursor even when the caller stops early."""
    try:
        yield from records
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()


def _events(store: Store, where: RecordFilter) -> Iterable[dict[str, Any]]:
    """The events the filter selects (every condition, factuality and direction included, runs in SQL)."""
    yield from _closing(store.events(where))


@dataclass
class Tally:
    """Counts per quad class and summed Goldstein of a set of events."""

    events: int = 0
    quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    goldstein: float = 0.0

    def add(self, event: Mapping[str, Any]) -> None:
        self.events += 1
        quad = event.get("quad_class")
        if quad in self.quad:
            self.quad[quad] += 1
        weight = event.get("goldstein")
        if isinstance(weight, int | float):
            self.goldstein += float(weight)

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "quad": {str(k): v for k, v in self.quad.items()},
            "cooperation": self.quad[1] + self.quad[2],
            "conflict": self.quad[3] + self.quad[4],
            "goldstein": round(self.goldstein, 3),
            "goldstein_mean": round(self.goldstein / self.events, 3) if self.events else None,
        }


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
    """
    kind = _check_bucket(bucket)
    # The database selects the pair (one way or both) and the factuality; the loop splits directions.
    if directed:
        where = RecordFilter.build(source=a, target=b, since=since, until=until, factuality=factuality)
    else:
        where = RecordFilter.build(pair=(a, b), since=since, until=until, factuality=factuality)
    points: dict[date, Tally] = {}
    directions: dict[date, list[int]] = {}
    totals = Tally()
    undated = coarse = 0
    for event in _events(store, where):
        forward = slot_matches(event.get("source"), a) and slot_matches(event.get("target"), b)
        backward = (not directed and slot_matches(event.get("source"), b)
                    and slot_matches(event.get("target"), a))
        if not (forward or backward):
            continue
        if event.get("date") is None:
            undated += 1
            continue
        try:
            start = bucket_of(event["date"], kind)
        except DateError:
            undated += 1
            continue
        if start is None:
            coarse += 1
            continue
        points.setdefault(start, Tally()).add(event)
        counts = directions.setdefault(start, [0, 0])
        counts[0 if forward else 1] += 1
        totals.add(event)

    starts = sorted(points)
    range_start: date | None = None
    range_end: date | None = None
    bounds = where.date_range()
    if bounds[0] is not None and bounds[1] is not None:
        range_start, range_end = bucket_start(bounds[0], kind), bucket_start(bounds[1], kind)
    elif starts:
        range_start, range_end = starts[0], starts[-1]
    filled = False
    if range_start is not None and range_end is not None:
        span = _bucket_range(range_start, range_end, kind, MAX_FILLED_POINTS)
        if span is not None:
            starts = sorted(set(span) | set(starts))
            filled = True

    out_points = []
    for start in starts:
        tally = points.get(start, Tally())
        counts = directions.get(start, [0, 0])
        out_points.append({
            "bucket": bucket_label(start, kind),
            "start": start.isoformat(),
            "end": (next_bucket(start, kind) - timedelta(days=1)).isoformat(),
            **tally.to_dict(),
            "a_to_b": counts[0],
            "b_to_a": counts[1],
        })
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
        "excluded": {"undated": undated, "coarser_than_bucket": coarse},
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


def _network_key(slot: Mapping[str, Any] | None, by: NetworkKey) -> str | None:
    if slot is None:
        return None
    value = slot.get("country") if by == "country" else slot.get("actor")
    return value if isinstance(value, str) and value else None


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
    if by not in get_args(NetworkKey):
        raise ValueError(f"unknown network key {by!r}: expected country or actor")
    key: NetworkKey = by  # type: ignore[assignment]
    where = RecordFilter.build(since=since, until=until, factuality=factuality)
    edges: dict[tuple[str, str], Tally] = {}
    unknown = 0
    for event in _events(store, where):
        source = _network_key(event.get("source"), key)
        target = _network_key(event.get("target"), key)
        if source is None or target is None:
            unknown += 1
            continue
        edges.setdefault((source, target), Tally()).add(event)
    kept = sorted(((pair, tally) for pair, tally in edges.items() if tally.events >= min_events),
                  key=lambda item: (-item[1].events, item[0]))
    if max_edges is not None:
        kept = kept[:max_edges]
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


def actor_table(store: Store) -> list[dict[str, Any]]:
    """Every resolved actor in the store: one row per knowledge-base id, most mentioned first.

    Each row: `id`, `actor` (CAMEO code), `name`, `country`, `kind`, `role`, `mentions`, `articles` (with a
    mention), `events` (as source or target, any factuality).
    """
    rows: dict[str, dict[str, Any]] = {}
    articles: dict[str, set[str]] = {}
    for mention in _closing(store.mentions()):
        actor_id = mention.get("actor_id")
        if not actor_id:
            continue
        row = rows.get(actor_id)
        if row is None:
            row = rows[actor_id] = {
                "id": actor_id, "actor": mention.get("actor"), "name": mention.get("actor_name"),
                "country": mention.get("country"), "kind": mention.get("kind"), "role": mention.get("role"),
                "mentions": 0, "articles": 0, "events": 0,
            }
            articles[actor_id] = set()
        row["mentions"] += 1
        articles[actor_id].add(mention["article_id"])
    for event in _closing(store.events()):
        ids = {slot.get("id") for slot in (event.get("source"), event.get("target")) if slot}
        for actor_id in ids:
            if actor_id in rows:
                rows[actor_id]["events"] += 1
    for actor_id, row in rows.items():
        row["articles"] = len(articles[actor_id])
    return sorted(rows.values(), key=lambda r: (-r["mentions"], r["id"]))
