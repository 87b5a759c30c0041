"""Read routes over the aggregates: a pair's series, the network, the top dyads, and events per root, per
country and over time; each cached per query (`Server.cached_aggregate`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from dyad import aggregates
from dyad.serve import models, views
from dyad.serve.params import (
    MAX_ROWS,
    Factuality,
    Since,
    Until,
    bucket_value,
    factuality_value,
    grouping_value,
)
from dyad.serve.query import QueryError, actor_key
from dyad.serve.server import ServerDep

router = APIRouter()

Bucket = Annotated[str, Query(description="day, week, month or year.")]
GroupBy = Annotated[str, Query(description="country or actor.")]


@router.get("/api/dyads/{a}/{b}/series", summary="Events between two actors over time",
            response_model=models.DyadSeries, responses=models.ERRORS)
def series(server: ServerDep, a: Annotated[str, PathParam(max_length=64)],
           b: Annotated[str, PathParam(max_length=64)], bucket: Bucket = "month",
           since: Since = None, until: Until = None,
           directed: Annotated[bool, Query(description="Only A acting on B.")] = False,
           factuality: Factuality = "actual") -> dict[str, Any]:
    key_a, key_b = actor_key(a, "A"), actor_key(b, "B")
    if key_a is None or key_b is None:
        raise QueryError("give two actor or country codes")
    bucket_value(bucket)
    fact = factuality_value(factuality)
    return server.cached_aggregate(
        ("series", key_a, key_b, bucket, since, until, directed, fact),
        lambda store: aggregates.dyad_series(store, key_a, key_b, bucket=bucket, since=since, until=until,
                                             directed=directed, factuality=fact))


@router.get("/api/network", summary="Who acted on whom in a period: nodes and weighted edges",
            response_model=models.Network, responses=models.ERRORS)
def network(server: ServerDep, since: Since = None, until: Until = None, by: GroupBy = "country",
            factuality: Factuality = "actual",
            min_events: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 1,
            max_edges: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
    grouping_value(by)
    fact = factuality_value(factuality)
    return server.cached_aggregate(
        ("network", since, until, by, fact, min_events, max_edges),
        lambda store: aggregates.actor_network(store, since=since, until=until, by=by, factuality=fact,
                                               min_events=min_events, max_edges=max_edges))


@router.get("/api/dyads/top", summary="The directed dyads with the most events in a period",
            response_model=models.TopDyads, responses=models.ERRORS)
def dyads_top(server: ServerDep, since: Since = None, until: Until = None, by: GroupBy = "country",
              factuality: Factuality = "actual",
              limit: Annotated[int, Query(ge=1, le=500)] = 10) -> dict[str, Any]:
    grouping_value(by)
    fact = factuality_value(factuality)
    return server.cached_aggregate(
        ("top_dyads", since, until, by, fact, limit),
        lambda store: aggregates.top_dyads(store, since=since, until=until, by=by, factuality=fact, limit=limit))


@router.get("/api/series/roots", summary="Events per CAMEO root over time", response_model=models.CountSeries,
            responses=models.ERRORS)
def root_series(server: ServerDep, bucket: Bucket = "month", since: Since = None, until: Until = None,
                actor: Annotated[str | None, Query(description="Actor or country code.")] = None,
                factuality: Factuality = "actual") -> dict[str, Any]:
    bucket_value(bucket)
    key = actor_key(actor, "actor")
    fact = factuality_value(factuality)
    return server.cached_aggregate(
        ("root_series", bucket, since, until, key, fact),
        lambda store: aggregates.cameo_root_series(store, bucket=bucket, since=since, until=until, actor=key,
                                                   factuality=fact))


@router.get("/api/series/countries", summary="Events per country (either side) over time",
            response_model=models.CountSeries, responses=models.ERRORS)
def country_series(server: ServerDep, bucket: Bucket = "month", since: Since = None, until: Until = None,
                   cameo_root: Annotated[str | None, Query(description="Two digits, e.g. 14.")] = None,
                   factuality: Factuality = "actual") -> dict[str, Any]:
    bucket_value(bucket)
    fact = factuality_value(factuality)
    root = cameo_root.strip() if cameo_root and cameo_root.strip() else None
    return server.cached_aggregate(
        ("country_series", bucket, since, until, root, fact),
        lambda store: aggregates.country_series(store, bucket=bucket, since=since, until=until, cameo_root=root,
                                                factuality=fact))


@router.get("/api/series", summary="Events over time: all, one actor's or one pair's, in a direction, with "
            "the articles published per bucket", response_model=models.EventSeries, responses=models.ERRORS)
def event_series(
    server: ServerDep,
    actor: Annotated[str | None, Query(description="Actor or country code; none: every event.")] = None,
    partner: Annotated[str | None, Query(description="A second code: the pair actor-partner.")] = None,
    direction: Annotated[str, Query(description="either; out: actor as source (on partner); in: actor "
                                                "as target (of partner).")] = "either",
    bucket: Bucket = "month", since: Since = None, until: Until = None, factuality: Factuality = "actual",
) -> dict[str, Any]:
    key, other = actor_key(actor, "actor"), actor_key(partner, "partner")
    if other is not None and key is None:
        raise QueryError("partner: give an actor as well")
    if direction not in views.DIRECTIONS:
        raise QueryError(f"direction: {direction!r} is not one of {', '.join(views.DIRECTIONS)}")
    bucket_value(bucket)
    fact = factuality_value(factuality)
    return server.cached_aggregate(
        ("event_series", key, other, direction, bucket, since, until, fact),
        lambda store: aggregates.event_series(store, actor=key, partner=other, direction=direction, bucket=bucket,
                                              since=since, until=until, factuality=fact))
