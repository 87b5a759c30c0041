"""Read routes over the records: counts, articles, events and quotes (JSON pages or CSV), actors, and the event
table of the dashboard."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response, StreamingResponse

from dyad import aggregates
from dyad.errors import DyadError
from dyad.grouping import store_groups
from dyad.serve import models, views
from dyad.serve.access import StoreAccess
from dyad.serve.errors import ApiError
from dyad.serve.pages import page_answer
from dyad.serve.params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_ROWS,
    Cursor,
    EventQueryDep,
    Limit,
    Offset,
    QuoteQueryDep,
    Since,
    Until,
)
from dyad.serve.query import QueryError, RecordQuery, actor_key, decode_cursor
from dyad.serve.server import Server, ServerDep, listing
from dyad.store import RecordKey
from dyad.store.pages import article_summary
from dyad.store.rows import EVENTS, QUOTES, date_bounds, export_columns, flat_record

router = APIRouter()


@router.get("/api/stats", summary="Counts of what the store holds", response_model=models.StatsAnswer)
def stats(server: ServerDep) -> dict[str, Any]:
    with server.access.reader() as store:
        return {"ok": True, "stats": server.access.cached(("stats",), store.stats),
                "writable": server.access.writable}


@router.get("/api/articles", summary="Articles: by id, newest first or by title; searched in title and text, "
            "and by publication date", response_model=models.ArticleList, responses=models.ERRORS)
def articles(server: ServerDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
             q: Annotated[str | None, Query(max_length=200, description="Text in the title or the text "
                                            "(case-insensitive).")] = None,
             since: Since = None, until: Until = None,
             sort: Annotated[str, Query(description="id, published (newest first) or title.")] = "id",
             ) -> dict[str, Any]:
    if sort not in views.ARTICLE_SORTS:
        raise QueryError(f"sort: {sort!r} is not one of {', '.join(views.ARTICLE_SORTS)}")
    first, last = _day_range(since, until)
    text = q.strip() if q and q.strip() else None
    with server.access.reader() as store:
        rows, total = server.access.cached(
            ("articles", text, first, last, sort, limit, offset),
            lambda: views.article_search(store, text=text, since=first, until=last, limit=limit,
                                         offset=offset, sort=sort))
    return listing(rows, total, offset)


@router.get("/api/articles/{article_id}", summary="One article with its events, quotes and actor mentions",
            response_model=models.ArticleAnswer)
def article(server: ServerDep, article_id: Annotated[str, PathParam(max_length=500)]) -> Response:
    # Read from the store every time (not kept by ResponseCache): the page the writer rendered with the
    # article (dyad.store.pages; `ArticlePages` answers it ahead of routing when a pooled store is
    # free), else computed from the article and its records; answered as rendered JSON without the
    # response model's validation (the model documents the answer).
    with server.access.reader() as store:
        kept = store.article_page(article_id)
        if kept is not None:
            return Response(page_answer(kept), media_type="application/json")
        stored = store.get_article(article_id)
        records = store.article_records(article_id, article=stored) if stored is not None else None
    if stored is None or records is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return JSONResponse({"ok": True, "article": article_summary(stored), "events": records.events,
                         "quotes": records.quotes, "mentions": records.mentions})


@router.get("/api/events", summary="Events, filtered and paged (JSON, or CSV with format=csv)",
            response_model=models.EventPage, responses=models.ERRORS)
def events(server: ServerDep, query: EventQueryDep,
           limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT)] = None,
           offset: Offset = 0, cursor: Cursor = None,
           format: Annotated[str, Query(description="json or csv (csv: every match unless limit)")]
           = "json",
           grouped: Annotated[bool, Query(description="One row per event reported by one or more "
                                          "articles (the representative report with group_id, "
                                          "num_reports, num_articles, num_sources, report_ids), not "
                                          "per report; paged by offset only.")] = False) -> Any:
    if grouped:
        return _grouped_response(server, query, offset, limit or DEFAULT_LIMIT)
    return _records_response(server, offset, limit, format, query, cursor)


@router.get("/api/events.csv", summary="Events as CSV (every match unless limit is given)",
            response_class=StreamingResponse)
def events_csv(server: ServerDep, query: EventQueryDep,
               limit: Annotated[int | None, Query(ge=1, le=MAX_ROWS)] = None,
               offset: Offset = 0, cursor: Cursor = None) -> Any:
    return _records_response(server, offset, limit, "csv", query, cursor)


@router.get("/api/quotes", summary="Quotes, filtered and paged (JSON, or CSV with format=csv)",
            response_model=models.QuotePage, responses=models.ERRORS)
def quotes(server: ServerDep, query: QuoteQueryDep, limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT)] = None,
           offset: Offset = 0, cursor: Cursor = None, format: str = "json") -> Any:
    return _records_response(server, offset, limit, format, query, cursor)


@router.get("/api/quotes.csv", summary="Quotes as CSV", response_class=StreamingResponse)
def quotes_csv(server: ServerDep, query: QuoteQueryDep,
               limit: Annotated[int | None, Query(ge=1, le=MAX_ROWS)] = None,
               offset: Offset = 0, cursor: Cursor = None) -> Any:
    return _records_response(server, offset, limit, "csv", query, cursor)


@router.get("/api/actors", summary="Resolved actors, most mentioned first", response_model=models.ActorList)
def actors(server: ServerDep,
           q: Annotated[str | None, Query(max_length=200, description="Part of name, code or id.")] = None,
           country: Annotated[str | None, Query(description="Country code.")] = None,
           kind: Annotated[str | None, Query(description="state, government, organisation, person...")]
           = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    with server.access.reader() as store:
        table = server.access.cached(("actors",), lambda: aggregates.actor_table(store))
    wanted_country = actor_key(country, "country")
    needle = q.strip().casefold() if q and q.strip() else None
    rows = [
        row for row in table
        if (wanted_country is None or row["country"] == wanted_country)
        and (kind is None or row["kind"] == kind)
        and (needle is None
             or any(needle in str(row[k] or "").casefold() for k in ("name", "actor", "id")))
    ]
    return listing(rows[offset:offset + limit], len(rows), offset)


@router.get("/api/events/table", summary="Events for a table: sorted by a column, with actor names and the "
            "article's title and link", response_model=models.EventTable, responses=models.ERRORS)
def event_table(
    server: ServerDep, query: EventQueryDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
    sort: Annotated[str, Query(description="date, source, target, cameo, quad_class, goldstein, "
                                           "factuality, confidence, rule or article.")] = "date",
    order: Annotated[str, Query(description="asc or desc.")] = "asc",
) -> dict[str, Any]:
    if sort not in views.EVENT_SORTS:
        raise QueryError(f"sort: {sort!r} is not one of {', '.join(views.EVENT_SORTS)}")
    if order not in ("asc", "desc"):
        raise QueryError(f"order: {order!r} is not asc or desc")
    access = server.access
    # The count on another pooled store while this one reads the page (two scans of a filtered 10 M
    # events at once, not one after the other); this request gives its store back before it waits for
    # the count, so a count never waits for a store that a waiting request holds.
    counting = server.counts.submit(server.count, query)
    try:
        with access.reader() as store:  # names from the mentions alone: no count of every event
            names = access.cached(("actor_names",), lambda: views.mention_names(store))
            rows = access.cached(
                ("event_table", query.key, sort, order, limit, offset),
                lambda: views.event_table(store, query.where, sort=sort, descending=order == "desc",
                                          limit=limit, offset=offset, actor_names=names))
    finally:
        total = counting.result()
    return listing(rows, total, offset, sort=sort, order=order)


def _records_response(server: Server, offset: int, limit: int | None, fmt: str, query: RecordQuery,
                      cursor: str | None = None) -> Any:
    """A page of events or quotes as JSON, or every match (up to `limit`) streamed as CSV."""
    after = decode_cursor(query.kind, cursor) if cursor else None
    if fmt == "csv":
        disposition = f'attachment; filename="{query.kind}.csv"'
        return StreamingResponse(_csv_stream(server.access, query, offset, limit, after), media_type="text/csv",
                                 headers={"Content-Disposition": disposition})
    if fmt != "json":
        raise QueryError(f"format: {fmt!r} is not a format (json or csv)")
    return Response(server.paged(query, offset, limit or DEFAULT_LIMIT, after), media_type="application/json")


def _grouped_response(server: Server, query: RecordQuery, offset: int, limit: int) -> dict[str, Any]:
    def compute() -> list[dict[str, Any]]:
        with server.access.reader() as store:
            return [group.to_dict() for group in store_groups(store, query.where)]

    groups = server.access.cached(("groups", query.key), compute)
    return listing(groups[offset:offset + limit], len(groups), offset, limit=limit, next_cursor=None)


def _csv_stream(access: StoreAccess, query: RecordQuery, offset: int, limit: int | None,
                after: RecordKey | None) -> Iterator[str]:
    shape = EVENTS if query.kind == "events" else QUOTES
    columns = export_columns(shape)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    yield buffer.getvalue()
    with access.reader() as store:
        rows = query.rows(store, limit=limit, offset=offset, after=after)
        try:
            for record in rows:
                buffer.seek(0)
                buffer.truncate()
                flat = flat_record(record, shape)
                writer.writerow(["" if flat[c] is None else flat[c] for c in columns])
                yield buffer.getvalue()
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()


def _day_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first day of `since` and the last day of `until` (ISO dates at any precision), as ISO days."""
    out: list[str | None] = []
    for name, value, end in (("since", since, 0), ("until", until, 1)):
        if value is None or not value.strip():
            out.append(None)
            continue
        try:
            bounds = date_bounds(value.strip())
        except (DyadError, ValueError) as exc:
            raise QueryError(f"{name}: {value!r} is not an ISO date (2021, 2021-03, 2021-03-17)") from exc
        out.append(None if bounds is None else bounds[end].isoformat())
    return out[0], out[1]
