"""The web app: a read API under `/api/`, ingest by `POST /api/articles`, and the dashboard at `/`.

    from dyad.serve import create_app
    app = create_app("dyad.duckdb")              # read-only: POST answers 403
    app = create_app("dyad.duckdb", token="s3")  # POST /api/articles with `Authorization: Bearer s3`

Every JSON answer is an envelope: `{"ok": true, ...}` or `{"ok": false, "error": "..."}` with a fitting
status code: a 4xx with the reason, or a 500 that carries the same security headers as any answer. Every
request has a time limit (`time_limit`, 30 s): one that has not begun its answer by then is answered 503.

`POST /api/articles` checks the articles and queues them (202, with a batch id); one queue thread hands
them to a worker process that runs the pipeline (`extraction_processes`, started on the first POST) and
writes what it returns, off the request path: reads never wait for a write, nor share the server
process's interpreter with the extraction.
`GET /api/batches/{id}` tells where a batch is (queued, running, done with its counts and failures);
`POST /api/articles?wait=true` waits for its batch (up to most of the time limit) and answers with it.

Lists carry `rows`, `total` and `next` (the offset of the next page, or null); events and quotes
also carry `next_cursor`, a token for `cursor=` that reads the following page by its position (keyset
paging: as cheap at row 90,000 as at row 0; such a page has `offset` and `next` null). OpenAPI is at
`/openapi.json`, with a pydantic model for every answer (`dyad.serve.models`); the interactive docs are at
`/docs` (Swagger UI) and `/redoc` (Redoc), both served from the package (`static/vendor/`, no CDN).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import csv
import hashlib
import hmac
import io
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import dyad
from dyad import aggregates
from dyad.distributed import ProcessEngine, ingest_items_with_engine
from dyad.errors import DyadError
from dyad.grouping import store_groups
from dyad.ingest import IngestSummary, ingest_articles
from dyad.readers.jsonl import article_from_record, parse_json
from dyad.serve import models, views
from dyad.serve.access import StoreAccess, StoreBusy
from dyad.serve.batches import IngestQueue, QueueFull
from dyad.serve.pages import ArticlePages, page_answer
from dyad.serve.query import (
    Page,
    QueryError,
    RecordQuery,
    actor_key,
    decode_cursor,
    event_query,
    page,
    quote_query,
)
from dyad.serve.responses import Answers, ResponseCache
from dyad.store import RecordKey, Store, default_location
from dyad.store.pages import article_summary
from dyad.store.rows import EVENTS, QUOTES, date_bounds, export_columns, flat_record

TOKEN_ENV = "DYAD_API_TOKEN"
#: The store `app_from_environment` serves (a path or URL; unset: the default location).
STORE_ENV = "DYAD_SERVE_STORE"
#: Largest request body accepted (bytes); larger ones are answered 413.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: Most articles one POST may carry (one batch of the write queue).
MAX_POST_ARTICLES = 200
#: Seconds a request may take before its answer begins; after that it is answered 503.
REQUEST_TIME_LIMIT = 30.0
MAX_LIMIT = 500
#: Largest offset, row count or event minimum a query accepts: far beyond any store, within SQL's BIGINT.
MAX_ROWS = 10**15
#: Pages of up to this many rows are kept in the cache (until a write, or its time to live).
CACHED_PAGE_LIMIT = 100
DEFAULT_LIMIT = 50

STATIC_DIR = Path(str(resources.files("dyad.serve") / "static"))

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def docs_page(page: HTMLResponse) -> HTMLResponse:
    """A docs page (Swagger UI, Redoc) with a policy of its own: its inline start-up script allowed by its
    hash, and inline styles (both libraries write style elements); nothing from outside the server."""
    body = bytes(page.body)
    hashes = []
    for script in re.findall(rb"<script>(.*?)</script>", body, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    policy = (f"default-src 'self'; script-src 'self' {' '.join(hashes)}; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
              "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return HTMLResponse(body, headers={"Content-Security-Policy": policy})


class ApiError(StarletteHTTPException):
    """An error answered with the JSON envelope."""


def _envelope_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status, headers=headers)


class BodyLimit:
    """ASGI middleware: 413 for a request that declares (Content-Length) a body over the limit.

    Bodies without a declared length are counted while the endpoint reads them (`read_body`).
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", []):
                if name == b"content-length":
                    try:
                        declared = int(value)
                    except ValueError:
                        await _send(send, _envelope_error(400, "invalid Content-Length header"))
                        return
                    if declared > self.max_bytes:
                        await _send(send, _envelope_error(
                            413, f"request body too large: {declared} bytes (limit {self.max_bytes})"))
                        return
        await self.app(scope, receive, send)


class RequestGuard:
    """ASGI middleware: 400 for a request whose path or query string holds a NUL character (`%00`), which
    no id, file name or filter contains and which file systems and PostgreSQL refuse."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"").lower()
            if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
                await _send(send, _envelope_error(400, "NUL character in the request path or query"))
                return
        await self.app(scope, receive, send)


class TimeLimit:
    """ASGI middleware: a request whose answer has not begun after `seconds` is answered 503 (the work
    behind it is cancelled where it can be). An answer that has begun (a long CSV export) runs on."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = asyncio.Event()

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start":
                began.set()
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, watched))
        beginning = asyncio.ensure_future(began.wait())
        done, _ = await asyncio.wait({task, beginning}, timeout=self.seconds,
                                     return_when=asyncio.FIRST_COMPLETED)
        beginning.cancel()
        if not done:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
            await _send(send, _envelope_error(
                503, f"the request took longer than its time limit of {self.seconds:g} s", {"Retry-After": "5"}))
            return
        await task


async def _send(send: Send, response: Response) -> None:
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy and friends on every response."""

    HEADERS = [
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = False

        async def with_headers(message: Message) -> None:
            nonlocal began
            if message["type"] == "http.response.start":
                began = True
                message = dict(message)
                headers = list(message.get("headers", []))
                own = {name.lower() for name, _ in headers}
                message["headers"] = headers + [(n, v) for n, v in self.HEADERS if n not in own]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:
            # Answered here rather than by Starlette's outermost error handler, which would answer
            # without these headers.
            if began:
                raise
            logging.getLogger("dyad.serve").exception("unexpected error on %s", scope.get("path"))
            await _send(with_headers, _envelope_error(500, f"internal server error ({type(exc).__name__})"))


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, or 413 as soon as it grows past `max_bytes`."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, f"request body too large: over {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


_ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string"}, "text": {"type": "string"},
        "published": {"type": "string", "description": "ISO 8601: 2021, 2021-03, 2021-03-23 or a timestamp"},
        "language": {"type": "string", "enum": ["nl", "en"]},
        "title": {"type": "string"}, "url": {"type": "string"}, "source": {"type": "string"},
    },
}
POST_ARTICLES_OPENAPI: dict[str, Any] = {
    "security": [{"bearer": []}],
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [_ARTICLE_SCHEMA,
                                                      {"type": "array", "items": _ARTICLE_SCHEMA}]}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "one article a line"}},
        },
    },
}


def _configured_token(token: str | None) -> str | None:
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    value = (value or "").strip()
    return value or None


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


def create_app(store_url_or_path: str | os.PathLike[str] | Store | None = None, token: str | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES, pool_size: int = 8,
               time_limit: float = REQUEST_TIME_LIMIT, extraction_processes: int = 1,
               warm_up: bool = True) -> FastAPI:
    """The dyad web app over a store (a path, a URL, an open `Store`, or None for `default_location()`).

    `token` (else `$DYAD_API_TOKEN`) enables `POST /api/articles` for requests bearing it; with no token
    the store is opened read-only and POST answers 403. A store that does not exist yet is an error
    (`StoreError`) when no token is configured, and is created when one is. `extraction_processes`: worker
    processes that run the pipeline on POSTed articles (0: the queue thread runs it in this process).
    `warm_up`: before it answers its first request, the server reads the store's hot columns and fills its
    cache with the store's counts and the actor names (`Store.warm_up`, docs/DASHBOARD.md).
    """
    secret = _configured_token(token)
    location = default_location() if store_url_or_path is None else store_url_or_path
    access = StoreAccess(location, writable=secret is not None, pool_size=pool_size)
    engine = ProcessEngine(extraction_processes) if extraction_processes > 0 else None
    writes = IngestQueue(lambda articles: _ingest(access, articles, engine))
    #: Threads that count an event table's matches beside the request that reads its page.
    counts = ThreadPoolExecutor(max_workers=max(1, pool_size // 2), thread_name_prefix="dyad-count")

    def prepare() -> None:
        """The warm-up at start: what every dashboard view reads first (the header's counts, the event table's
        actor names) computed into the cache, after the store's own warm-up. A failure is logged, not fatal:
        the requests compute what it did not."""
        started = time.perf_counter()
        try:
            with access.reader() as store:
                store.warm_up()
                access.cached(("stats",), store.stats)
                access.cached(("actor_names",), lambda: views.mention_names(store))
        except Exception:
            logging.getLogger("dyad.serve").exception("the warm-up at start failed")
            return
        logging.getLogger("dyad.serve").info("warm-up at start: %.0f ms", (time.perf_counter() - started) * 1000)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await run_in_threadpool(prepare)
        yield
        counts.shutdown(wait=True)
        writes.close()
        if engine is not None:
            engine.close()
        access.close()

    app = FastAPI(
        title="dyad",
        version=dyad.__version__,
        description="Who did what to whom, when, and who said what: events (CAMEO), quotes and actors "
                    "extracted from news, each traceable to its sentence.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.access = access
    app.state.writes = writes
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(RequestGuard)
    app.add_middleware(TimeLimit, seconds=time_limit)
    app.state.answers = Answers(access)
    app.add_middleware(ArticlePages, access=access)  # kept article pages: no routing, no thread
    app.add_middleware(ResponseCache, answers=app.state.answers)  # repeated reads: no routing, no thread
    app.add_middleware(SecurityHeaders)  # outermost: its headers go on every answer, a 500 included

    def cached_aggregate(key: tuple[Any, ...], compute: Callable[[Store], dict[str, Any]]) -> dict[str, Any]:
        """An aggregate from a reader, cached under `key`, in the JSON envelope; a library error is a 400."""
        try:
            with access.reader() as store:
                result = access.cached(key, lambda: compute(store))
        except DyadError as exc:
            raise QueryError(exc.message) from exc
        return {"ok": True, **result}

    # -- errors -----------------------------------------------------------------------------------------

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = "not found"
        return _envelope_error(exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
        return _envelope_error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return _envelope_error(400, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy_error(_request: Request, exc: StoreBusy) -> JSONResponse:
        return _envelope_error(503, exc.message, {"Retry-After": "5"})

    @app.exception_handler(QueueFull)
    async def queue_full(_request: Request, exc: QueueFull) -> JSONResponse:
        return _envelope_error(503, exc.message, {"Retry-After": "5"})

    @app.exception_handler(DyadError)
    async def dyad_error(_request: Request, exc: DyadError) -> JSONResponse:
        return _envelope_error(500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
        return _envelope_error(500, f"internal server error ({type(exc).__name__})")

    # -- helpers ----------------------------------------------------------------------------------------

    def paged(query: RecordQuery, offset: int, limit: int, after: RecordKey | None) -> bytes:
        """The JSON body of a page; pages up to `CACHED_PAGE_LIMIT` rows are cached as rendered bytes
        (serialising 50 rows costs more than reading them)."""
        def count() -> int:
            with access.reader() as store:
                return query.count(store)

        total = access.cached(("total", query.key), count)  # counted in SQL once per filter, then cached

        def read() -> bytes:
            with access.reader() as store:
                result: Page = page(query, store, offset=offset, limit=limit, after=after, known_total=total)
            body = listing(result.rows, result.total, result.offset, limit=result.limit,
                           next_cursor=result.next_cursor)
            return bytes(JSONResponse(body).body)

        if limit > CACHED_PAGE_LIMIT:
            return read()
        return access.cached(("page", query.key, offset, limit, after, total), read)

    def listing(rows: list[dict[str, Any]], total: int, offset: int | None, **extra: Any) -> dict[str, Any]:
        following = None if offset is None else offset + len(rows)
        return {"ok": True, "rows": rows, "total": total, "offset": offset,
                "next": following if rows and following is not None and following < total else None, **extra}

    # -- read API ---------------------------------------------------------------------------------------

    @app.get("/api/stats", summary="Counts of what the store holds", response_model=models.StatsAnswer)
    def stats() -> dict[str, Any]:
        with access.reader() as store:
            return {"ok": True, "stats": access.cached(("stats",), store.stats),
                    "writable": access.writable}

    @app.get("/api/articles", summary="Articles: by id, newest first or by title; searched in title and text, "
             "and by publication date", response_model=models.ArticleList, responses=models.ERRORS)
    def articles(limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                 q: Annotated[str | None, Query(max_length=200, description="Text in the title or the text "
                                                "(case-insensitive).")] = None,
                 since: Since = None, until: Until = None,
                 sort: Annotated[str, Query(description="id, published (newest first) or title.")] = "id",
                 ) -> dict[str, Any]:
        if sort not in views.ARTICLE_SORTS:
            raise QueryError(f"sort: {sort!r} is not one of {', '.join(views.ARTICLE_SORTS)}")
        first, last = _day_range(since, until)
        text = q.strip() if q and q.strip() else None
        with access.reader() as store:
            rows, total = access.cached(
                ("articles", text, first, last, sort, limit, offset),
                lambda: views.article_search(store, text=text, since=first, until=last, limit=limit,
                                             offset=offset, sort=sort))
        return listing(rows, total, offset)

    @app.get("/api/articles/{article_id}", summary="One article with its events, quotes and actor mentions",
             response_model=models.ArticleAnswer)
    def article(article_id: Annotated[str, PathParam(max_length=500)]) -> Response:
        # Read from the store every time (not kept by ResponseCache): the page the writer rendered with the
        # article (dyad.store.pages; `ArticlePages` answers it ahead of routing when a pooled store is
        # free), else computed from the article and its records; answered as rendered JSON without the
        # response model's validation (the model documents the answer).
        with access.reader() as store:
            kept = store.article_page(article_id)
            if kept is not None:
                return Response(page_answer(kept), media_type="application/json")
            stored = store.get_article(article_id)
            records = store.article_records(article_id, article=stored) if stored is not None else None
        if stored is None or records is None:
            raise ApiError(404, f"no article with id {article_id!r}")
        return JSONResponse({"ok": True, "article": article_summary(stored), "events": records.events,
                             "quotes": records.quotes, "mentions": records.mentions})

    def events_response(offset: int, limit: int | None, fmt: str, query: RecordQuery,
                        cursor: str | None = None) -> Any:
        after = decode_cursor(query.kind, cursor) if cursor else None
        if fmt == "csv":
            disposition = f'attachment; filename="{query.kind}.csv"'
            return StreamingResponse(_csv_stream(access, query, offset, limit, after), media_type="text/csv",
                                     headers={"Content-Disposition": disposition})
        if fmt != "json":
            raise QueryError(f"format: {fmt!r} is not a format (json or csv)")
        return Response(paged(query, offset, limit or DEFAULT_LIMIT, after), media_type="application/json")


    @app.get("/api/events", summary="Events, filtered and paged (JSON, or CSV with format=csv)",
             response_model=models.EventPage, responses=models.ERRORS)
    def events(query: EventQueryDep, limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT)] = None,
               offset: Offset = 0, cursor: Cursor = None,
               format: Annotated[str, Query(description="json or csv (csv: every match unless limit)")]
               = "json",
               grouped: Annotated[bool, Query(description="One row per event reported by one or more "
                                              "articles (the representative report with group_id, "
                                              "num_reports, num_articles, num_sources, report_ids), not "
                                              "per report; paged by offset only.")] = False) -> Any:
        if grouped:
            return grouped_response(query, offset, limit or DEFAULT_LIMIT)
        return events_response(offset, limit, format, query, cursor)

    def grouped_response(query: RecordQuery, offset: int, limit: int) -> dict[str, Any]:
        def compute() -> list[dict[str, Any]]:
            with access.reader() as store:
                return [group.to_dict() for group in store_groups(store, query.where)]

        groups = access.cached(("groups", query.key), compute)
        return listing(groups[offset:offset + limit], len(groups), offset, limit=limit, next_cursor=None)

    @app.get("/api/events.csv", summary="Events as CSV (every match unless limit is given)",
             response_class=StreamingResponse)
    def events_csv(query: EventQueryDep, limit: Annotated[int | None, Query(ge=1, le=MAX_ROWS)] = None,
                   offset: Offset = 0, cursor: Cursor = None) -> Any:
        return events_response(offset, limit, "csv", query, cursor)


    @app.get("/api/quotes", summary="Quotes, filtered and paged (JSON, or CSV with format=csv)",
             response_model=models.QuotePage, responses=models.ERRORS)
    def quotes(query: QuoteQueryDep, limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT)] = None,
               offset: Offset = 0, cursor: Cursor = None, format: str = "json") -> Any:
        return events_response(offset, limit, format, query, cursor)

    @app.get("/api/quotes.csv", summary="Quotes as CSV", response_class=StreamingResponse)
    def quotes_csv(query: QuoteQueryDep, limit: Annotated[int | None, Query(ge=1, le=MAX_ROWS)] = None,
                   offset: Offset = 0, cursor: Cursor = None) -> Any:
        return events_response(offset, limit, "csv", query, cursor)

    @app.get("/api/actors", summary="Resolved actors, most mentioned first", response_model=models.ActorList)
    def actors(q: Annotated[str | None, Query(max_length=200, description="Part of name, code or id.")]
               = None,
               country: Annotated[str | None, Query(description="Country code.")] = None,
               kind: Annotated[str | None, Query(description="state, government, organisation, person...")]
               = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        with access.reader() as store:
            table = access.cached(("actors",), lambda: aggregates.actor_table(store))
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


    def factuality_value(value: str) -> str | None:
        if value == "all":
            return None
        if value not in ("actual", "possible", "negated"):
            raise QueryError(f"factuality: {value!r} is not actual, possible, negated or all")
        return value

    @app.get("/api/dyads/{a}/{b}/series", summary="Events between two actors over time",
             response_model=models.DyadSeries, responses=models.ERRORS)
    def series(a: Annotated[str, PathParam(max_length=64)], b: Annotated[str, PathParam(max_length=64)],
               bucket: Annotated[str, Query(description="day, week, month or year.")] = "month",
               since: Since = None, until: Until = None,
               directed: Annotated[bool, Query(description="Only A acting on B.")] = False,
               factuality: Factuality = "actual") -> dict[str, Any]:
        key_a, key_b = actor_key(a, "A"), actor_key(b, "B")
        if key_a is None or key_b is None:
            raise QueryError("give two actor or country codes")
        if bucket not in aggregates.BUCKETS:
            raise QueryError(f"bucket: {bucket!r} is not one of {', '.join(aggregates.BUCKETS)}")
        fact = factuality_value(factuality)
        return cached_aggregate(("series", key_a, key_b, bucket, since, until, directed, fact),
                                lambda store: aggregates.dyad_series(store, key_a, key_b, bucket=bucket, since=since,
                                                                     until=until, directed=directed, factuality=fact))

    @app.get("/api/network", summary="Who acted on whom in a period: nodes and weighted edges",
             response_model=models.Network, responses=models.ERRORS)
    def network(since: Since = None, until: Until = None,
                by: Annotated[str, Query(description="country or actor.")] = "country",
                factuality: Factuality = "actual",
                min_events: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 1,
                max_edges: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
        if by not in ("country", "actor"):
            raise QueryError(f"by: {by!r} is not country or actor")
        fact = factuality_value(factuality)
        return cached_aggregate(("network", since, until, by, fact, min_events, max_edges),
                                lambda store: aggregates.actor_network(store, since=since, until=until, by=by,
                                                                       factuality=fact, min_events=min_events,
                                                                       max_edges=max_edges))

    @app.get("/api/dyads/top", summary="The directed dyads with the most events in a period",
             response_model=models.TopDyads, responses=models.ERRORS)
    def dyads_top(since: Since = None, until: Until = None,
                  by: Annotated[str, Query(description="country or actor.")] = "country",
                  factuality: Factuality = "actual",
                  limit: Annotated[int, Query(ge=1, le=500)] = 10) -> dict[str, Any]:
        if by not in ("country", "actor"):
            raise QueryError(f"by: {by!r} is not country or actor")
        fact = factuality_value(factuality)
        return cached_aggregate(("top_dyads", since, until, by, fact, limit),
                                lambda store: aggregates.top_dyads(store, since=since, until=until, by=by,
                                                                   factuality=fact, limit=limit))

    @app.get("/api/series/roots", summary="Events per CAMEO root over time", response_model=models.CountSeries,
             responses=models.ERRORS)
    def root_series(bucket: Annotated[str, Query(description="day, week, month or year.")] = "month",
                    since: Since = None, until: Until = None,
                    actor: Annotated[str | None, Query(description="Actor or country code.")] = None,
                    factuality: Factuality = "actual") -> dict[str, Any]:
        if bucket not in aggregates.BUCKETS:
            raise QueryError(f"bucket: {bucket!r} is not one of {', '.join(aggregates.BUCKETS)}")
        key = actor_key(actor, "actor")
        fact = factuality_value(factuality)
        return cached_aggregate(("root_series", bucket, since, until, key, fact),
                                lambda store: aggregates.cameo_root_series(store, bucket=bucket, since=since,
                                                                           until=until, actor=key, factuality=fact))

    @app.get("/api/series/countries", summary="Events per country (either side) over time",
             response_model=models.CountSeries, responses=models.ERRORS)
    def country_series(bucket: Annotated[str, Query(description="day, week, month or year.")] = "month",
                       since: Since = None, until: Until = None,
                       cameo_root: Annotated[str | None, Query(description="Two digits, e.g. 14.")] = None,
                       factuality: Factuality = "actual") -> dict[str, Any]:
        if bucket not in aggregates.BUCKETS:
            raise QueryError(f"bucket: {bucket!r} is not one of {', '.join(aggregates.BUCKETS)}")
        fact = factuality_value(factuality)
        root = cameo_root.strip() if cameo_root and cameo_root.strip() else None
        return cached_aggregate(("country_series", bucket, since, until, root, fact),
                                lambda store: aggregates.country_series(store, bucket=bucket, since=since,
                                                                        until=until, cameo_root=root, factuality=fact))

    @app.get("/api/series", summary="Events over time: all, one actor's or one pair's, in a direction, with "
             "the articles published per bucket", response_model=models.EventSeries, responses=models.ERRORS)
    def event_series(
        actor: Annotated[str | None, Query(description="Actor or country code; none: every event.")] = None,
        partner: Annotated[str | None, Query(description="A second code: the pair actor-partner.")] = None,
        direction: Annotated[str, Query(description="either; out: actor as source (on partner); in: actor "
                                                    "as target (of partner).")] = "either",
        bucket: Annotated[str, Query(description="day, week, month or year.")] = "month",
        since: Since = None, until: Until = None, factuality: Factuality = "actual",
    ) -> dict[str, Any]:
        key, other = actor_key(actor, "actor"), actor_key(partner, "partner")
        if other is not None and key is None:
            raise QueryError("partner: give an actor as well")
        if direction not in views.DIRECTIONS:
            raise QueryError(f"direction: {direction!r} is not one of {', '.join(views.DIRECTIONS)}")
        if bucket not in aggregates.BUCKETS:
            raise QueryError(f"bucket: {bucket!r} is not one of {', '.join(aggregates.BUCKETS)}")
        fact = factuality_value(factuality)
        try:
            with access.reader() as store:
                result = access.cached(
                    ("event_series", key, other, direction, bucket, since, until, fact),
                    lambda: aggregates.event_series(store, actor=key, partner=other, direction=direction,
                                               bucket=bucket, since=since, until=until, factuality=fact))
        except DyadError as exc:
            raise QueryError(exc.message) from exc
        return {"ok": True, **result}

    @app.get("/api/events/table", summary="Events for a table: sorted by a column, with actor names and the "
             "article's title and link", response_model=models.EventTable, responses=models.ERRORS)
    def event_table(
        query: EventQueryDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
        sort: Annotated[str, Query(description="date, source, target, cameo, quad_class, goldstein, "
                                               "factuality, confidence, rule or article.")] = "date",
        order: Annotated[str, Query(description="asc or desc.")] = "asc",
    ) -> dict[str, Any]:
        if sort not in views.EVENT_SORTS:
            raise QueryError(f"sort: {sort!r} is not one of {', '.join(views.EVENT_SORTS)}")
        if order not in ("asc", "desc"):
            raise QueryError(f"order: {order!r} is not asc or desc")

        def count() -> int:
            with access.reader() as store:
                return query.count(store)

        # The count on another pooled store while this one reads the page (two scans of a filtered 10 M
        # events at once, not one after the other); this request gives its store back before it waits for
        # the count, so a count never waits for a store that a waiting request holds.
        counting = counts.submit(access.cached, ("total", query.key), count)
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

    # -- writing ----------------------------------------------------------------------------------------

    def authorise(request: Request) -> None:
        if secret is None:
            raise ApiError(403, "the server is read-only: no API token is configured "
                                f"(set {TOKEN_ENV} or pass a token to enable ingest)")
        scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), secret.encode()):
            raise ApiError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    def batch_response(batch: Any) -> JSONResponse:
        """202 while a batch waits or runs; when done 201 (something written), 200 (nothing new) or 422
        (no article could be stored), `ok` false when any article failed; 500 when the batch broke."""
        body = batch.to_dict()
        if batch.status in ("queued", "running"):
            return JSONResponse({"ok": True, **body}, status_code=202,
                                headers={"Location": f"/api/batches/{batch.id}"})
        if batch.status == "failed":
            return _envelope_error(500, f"the batch failed: {batch.error}")
        failures = body.get("failures") or []
        written = body.get("inserted", 0) + body.get("replaced", 0)
        if failures:
            first = failures[0]
            reason = f"{len(failures)} of {len(batch.articles)} articles not stored; " \
                     f"{first['origin']}: [{first['code']}] {first['message']}"
            status = 201 if written else 422
            return JSONResponse({"ok": False, "error": reason, **body}, status_code=status)
        return JSONResponse({"ok": True, **body}, status_code=201 if written else 200)

    @app.post("/api/articles", status_code=202, openapi_extra=POST_ARTICLES_OPENAPI,
              summary="Queue articles for ingest (JSON object, array, or JSON lines); needs the bearer token",
              responses={200: {"description": "wait=true: done, nothing new"},
                         201: {"description": "wait=true: articles inserted or replaced"},
                         202: {"description": "queued: see /api/batches/{batch}"},
                         401: {"description": "missing or wrong bearer token"},
                         403: {"description": "read-only server (no token configured)"},
                         413: {"description": "body over the size limit, or too many articles"},
                         422: {"description": "an article does not follow the input format, or (wait=true) "
                                             "none could be stored"},
                         503: {"description": "too many batches waiting"}})
    async def post_articles(
        request: Request,
        wait: Annotated[bool, Query(description="Wait for the batch to be stored (up to most of the "
                                                "request time limit) and answer with its outcome.")] = False,
    ) -> JSONResponse:
        authorise(request)
        body = await read_body(request, max_body_bytes)
        items = _parse_articles(body, request.headers.get("content-type", ""))
        batch = writes.submit(items)
        if wait:
            await run_in_threadpool(batch.finished_event.wait, time_limit * 0.8)
        return batch_response(batch)

    @app.get("/api/batches/{batch_id}", summary="Where a POSTed batch is: queued, running, done (with its "
             "counts and failures) or failed; needs the bearer token")
    def batch_status(request: Request, batch_id: Annotated[str, PathParam(max_length=64)]) -> JSONResponse:
        authorise(request)
        batch = writes.get(batch_id)
        if batch is None:
            raise ApiError(404, f"no batch with id {batch_id!r} (batches are remembered for a while only)")
        response = batch_response(batch)
        if response.status_code == 202:
            response.status_code = 200
            del response.headers["location"]
        return response

    # -- dashboard --------------------------------------------------------------------------------------

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return docs_page(get_swagger_ui_html(
            openapi_url="/openapi.json", title="dyad API",
            swagger_js_url="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="data:,"))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return docs_page(get_redoc_html(
            openapi_url="/openapi.json", title="dyad API",
            redoc_js_url="/static/vendor/redoc/redoc.standalone.js", redoc_favicon_url="data:,",
            with_google_fonts=False))

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    default_openapi = app.openapi

    def openapi_with_security() -> dict[str, Any]:
        schema = default_openapi()
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        schemes["bearer"] = {"type": "http", "scheme": "bearer",
                             "description": f"the API token (configuration or ${TOKEN_ENV})"}
        return schema

    app.openapi = openapi_with_security  # type: ignore[method-assign]
    return app


def app_from_environment() -> FastAPI:
    """`create_app` over the store named by `$DYAD_SERVE_STORE` (else the default location), with the token
    of `$DYAD_API_TOKEN`: the factory each worker process calls when the API runs in several
    (`dyad serve --workers N`, or `uvicorn --factory dyad.serve.app:app_from_environment --workers N`)."""
    return create_app(os.environ.get(STORE_ENV) or None)


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


def _parse_articles(body: bytes, content_type: str) -> list[Any]:
    """Articles from a POST body: one JSON object, an array of them, or JSON lines (FORMAT.md shape)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the body is not UTF-8: {exc.reason} at byte {exc.start}") from exc
    if not text.strip():
        raise ApiError(400, "empty body: send an article as JSON ({\"id\", \"text\", \"published\", ...})")
    records: list[tuple[str, Any]] = []
    lines = "ndjson" in content_type or "jsonl" in content_type or "json-seq" in content_type
    try:
        if lines:
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    records.append((f"line {number}", parse_json(line, f"line {number}")))
        else:
            parsed = parse_json(text, "body")
            if isinstance(parsed, list):
                records.extend((f"item {i}", r) for i, r in enumerate(parsed))
            else:
                records.append(("body", parsed))
    except DyadError as exc:
        raise ApiError(400, str(exc)) from exc
    if not records:
        raise ApiError(400, "no articles in the body")
    if len(records) > MAX_POST_ARTICLES:
        raise ApiError(413, f"too many articles in one request: {len(records)} (limit {MAX_POST_ARTICLES})")
    articles = []
    for origin, record in records:
        try:
            article = article_from_record(record, origin=f"api:{origin}")
        except DyadError as exc:
            raise ApiError(422, f"{origin}: {exc.message}") from exc
        articles.append(article)
    return articles


def _ingest(access: StoreAccess, articles: list[Any], engine: ProcessEngine | None) -> dict[str, Any]:
    """Extract and store one batch (in the queue thread): the pipeline in `engine`'s worker process, or
    here without one; the writes here, through the app's one writer."""
    with access.writer() as store:
        if engine is None:
            summary: IngestSummary = ingest_articles(articles, store, inputs=["api"])
        else:
            summary = ingest_items_with_engine(engine, articles, store, inputs=["api"])
    return {**summary.to_dict(), "articles": [a.id for a in articles]}
