"""The query parameters the routes share (paging, dates, factuality) and the filters of events and quotes as
FastAPI dependencies that build a `RecordQuery`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from dyad import aggregates
from dyad.serve.query import QueryError, RecordQuery, event_query, quote_query

MAX_LIMIT = 500
#: Largest offset, row count or event minimum a query accepts: far beyond any store, within SQL's BIGINT.
MAX_ROWS = 10**15
DEFAULT_LIMIT = 50


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ROWS, description="Rows to skip (in the stable order).")]
Cursor = Annotated[str | None, Query(max_length=2000, description="next_cursor of a page: read the rows "
                                     "after it (offset then counts from there).")]
Since = Annotated[str | None, Query(description="ISO date at any precision, inclusive (2021, 2021-03, "
                                                "2021-03-17).")]
Until = Annotated[str | None, Query(description="ISO date at any precision, inclusive.")]
DateOverlap = Annotated[str | None, Query(
    pattern="^(contained|overlap)$",
    description="How a record's date period meets since/until: contained (default; the whole period "
                "inside the range, so an event dated only 2021-03 is not in since=2021-03-15) or overlap "
                "(any part of it in the range).")]

Factuality = Annotated[str, Query(description="actual (default), possible, negated, or all.")]


def event_params(
    actor: Annotated[str | None, Query(description="Actor code or country, either side.")] = None,
    country: Annotated[str | None, Query(description="Country or organisation code, either side.")]
    = None,
    source: Annotated[str | None, Query(description="Source actor code or country.")] = None,
    target: Annotated[str | None, Query(description="Target actor code or country.")] = None,
    pair: Annotated[str | None, Query(description="Two codes A,B: events between them, either way.")]
    = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix: 16, 161, 0211.")] = None,
    quad_class: Annotated[str | None, Query(description="Quad class 1-4, or several: 3,4.")] = None,
    factuality: Annotated[str | None, Query(description="actual, possible or negated.")] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="Text search in the sentence.")] = None,
    article_id: Annotated[str | None, Query(description="Events of one article.")] = None,
    date_overlap: DateOverlap = None,
) -> RecordQuery:
    return event_query(actor=actor, country=country, source=source, target=target, pair=pair, cameo=cameo,
                       quad_class=quad_class, factuality=factuality, since=since, until=until, q=q,
                       article_id=article_id, date_overlap=date_overlap)

EventQueryDep = Annotated[RecordQuery, Depends(event_params)]


def quote_params(
    speaker: Annotated[str | None, Query(description="Speaker code, country, or part of the name.")]
    = None,
    actor: Annotated[str | None, Query(description="Speaker actor code or country (exact).")] = None,
    country: Annotated[str | None, Query(description="Speaker country (exact).")] = None,
    kind: Annotated[str | None, Query(description="direct, partial or indirect.")] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="Text search in the quote.")] = None,
    article_id: Annotated[str | None, Query(description="Quotes of one article.")] = None,
    date_overlap: DateOverlap = None,
) -> RecordQuery:
    return quote_query(speaker=speaker, actor=actor, country=country, kind=kind, since=since, until=until,
                       q=q, article_id=article_id, date_overlap=date_overlap)

QuoteQueryDep = Annotated[RecordQuery, Depends(quote_params)]


def factuality_value(value: str) -> str | None:
    """The factuality filter of an aggregate: None for all."""
    if value == "all":
        return None
    if value not in ("actual", "possible", "negated"):
        raise QueryError(f"factuality: {value!r} is not actual, possible, negated or all")
    return value


def bucket_value(bucket: str) -> str:
    """The time bucket of a series, checked against the aggregates' buckets."""
    if bucket not in aggregates.BUCKETS:
        raise QueryError(f"bucket: {bucket!r} is not one of {', '.join(aggregates.BUCKETS)}")
    return bucket


def grouping_value(by: str) -> str:
    """Whether an aggregate groups by country or by actor."""
    if by not in ("country", "actor"):
        raise QueryError(f"by: {by!r} is not country or actor")
    return by
