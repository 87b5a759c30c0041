"""The row-by-row Python aggregates dyad had before they moved into the database: the test oracle.

`dyad_series`, `actor_network` and `actor_table` are the library's code as it was at be96541 (read every
selected event into Python, tally per bucket or edge); `top_dyads`, `cameo_root_series` and
`country_series` are written the same way for the aggregates added since. tests/test_aggregates.py and
the serve tests check that `dyad.aggregates` (SQL, both backends) gives exactly what these give.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, get_args

from dyad.aggregates import bucket_label, bucket_of, bucket_start, next_bucket
from dyad.errors import DateError
from dyad.store.base import Store
from dyad.store.filters import RecordFilter

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
        where = RecordFilter.build(source=a, target=b, since=since, until=until, factuality=factuality,
                                   date_overlap="overlap")
    else:
        where = RecordFilter.build(pair=(a, b), since=since, until=until, factuality=factuality,
                                   date_overlap="overlap")
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
    where = RecordFilter.build(since=since, until=until, factuality=factuality,
                                   date_overlap="overlap")
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


def top_dyads(store: Store, *, since: str | None = None, until: str | None = None, by: str = "country",
              factuality: str | None = "actual", limit: int = 10) -> dict[str, Any]:
    graph = actor_network(store, since=since, until=until, by=by, factuality=factuality, max_edges=limit)
    return {"by": by, "since": since, "until": until, "factuality": factuality, "dyads": graph["edges"],
            "excluded": graph["excluded"]}


def _count_series(store: Store, where: RecordFilter, kind: Bucket, name: str,
                  values_of: Any) -> dict[str, Any]:
    events: dict[date, int] = {}
    values: dict[date, dict[str, int]] = {}
    totals: dict[str, int] = {}
    undated = coarse = 0
    for event in _events(store, where):
        if event.get("date") is None:
            undated += 1
            continue
        start = bucket_of(event["date"], kind)
        if start is None:
            coarse += 1
            continue
        events[start] = events.get(start, 0) + 1
        for value in values_of(event):
            per = values.setdefault(start, {})
            per[value] = per.get(value, 0) + 1
            totals[value] = totals.get(value, 0) + 1
    starts = sorted(events)
    bounds = where.date_range()
    range_start = range_end = None
    if bounds[0] is not None and bounds[1] is not None:
        range_start, range_end = bucket_start(bounds[0], kind), bucket_start(bounds[1], kind)
    elif starts:
        range_start, range_end = starts[0], starts[-1]
    filled = False
    if range_start is not None and range_end is not None:
        span = _bucket_range(range_start, range_end, kind, MAX_FILLED_POINTS)
        if span is not None:
            starts, filled = sorted(set(span) | set(starts)), True
    field_name = f"{name}s" if not name.endswith("y") else f"{name[:-1]}ies"
    return {
        "filled": filled,
        "points": [{"bucket": bucket_label(s, kind), "start": s.isoformat(),
                    "end": (next_bucket(s, kind) - timedelta(days=1)).isoformat(), "events": events.get(s, 0),
                    field_name: dict(sorted(values.get(s, {}).items()))} for s in starts],
        "totals": {"events": sum(events.values()), field_name: dict(sorted(totals.items()))},
        "excluded": {"undated": undated, "coarser_than_bucket": coarse},
    }


def cameo_root_series(store: Store, *, bucket: str = "month", since: str | None = None,
                      until: str | None = None, actor: str | None = None,
                      factuality: str | None = "actual") -> dict[str, Any]:
    kind = _check_bucket(bucket)
    where = RecordFilter.build(since=since, until=until, actor=actor, factuality=factuality,
                                   date_overlap="overlap")
    body = _count_series(store, where, kind, "root",
                         lambda e: [e["cameo"][:2]] if isinstance(e.get("cameo"), str) else [])
    return {"bucket": kind, "since": since, "until": until, "actor": actor, "factuality": factuality, **body}


def country_series(store: Store, *, bucket: str = "month", since: str | None = None,
                   until: str | None = None, cameo_root: str | None = None,
                   factuality: str | None = "actual") -> dict[str, Any]:
    kind = _check_bucket(bucket)
    where = RecordFilter.build(since=since, until=until, cameo_root=cameo_root, factuality=factuality,
                                   date_overlap="overlap")

    def countries(event: Mapping[str, Any]) -> list[str]:
        found = {_network_key(event.get(side), "country") for side in ("source", "target")}
        return sorted(c for c in found if c is not None)

    body = _count_series(store, where, kind, "country", countries)
    return {"bucket": kind, "since": since, "until": until, "cameo_root": cameo_root, "factuality": factuality,
            **body}
