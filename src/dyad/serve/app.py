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

import os
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

import dyad
from dyad.distributed import ProcessEngine
from dyad.serve.access import StoreAccess
from dyad.serve.batches import IngestQueue
from dyad.serve.errors import add_error_handlers
from dyad.serve.middleware import BodyLimit, RequestGuard, SecurityHeaders, TimeLimit
from dyad.serve.pages import ArticlePages
from dyad.serve.responses import Answers, ResponseCache
from dyad.serve.routes import aggregates, ingest, pages, records
from dyad.serve.routes.pages import STATIC_DIR
from dyad.serve.server import TOKEN_ENV, Server
from dyad.store import Store, default_location

__all__ = ["MAX_BODY_BYTES", "STATIC_DIR", "STORE_ENV", "TOKEN_ENV", "app_from_environment", "create_app"]

#: The store `app_from_environment` serves (a path or URL; unset: the default location).
STORE_ENV = "DYAD_SERVE_STORE"
#: Largest request body accepted (bytes); larger ones are answered 413.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: Seconds a request may take before its answer begins; after that it is answered 503.
REQUEST_TIME_LIMIT = 30.0


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
    server = _server(store_url_or_path, token, max_body_bytes=max_body_bytes, pool_size=pool_size,
                     time_limit=time_limit, extraction_processes=extraction_processes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await run_in_threadpool(server.warm_up)
        yield
        server.close()

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
    app.state.server = server
    app.state.access = server.access
    app.state.answers = Answers(server.access)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(RequestGuard)
    app.add_middleware(TimeLimit, seconds=time_limit)
    app.add_middleware(ArticlePages, access=server.access)  # kept article pages: no routing, no thread
    app.add_middleware(ResponseCache, answers=app.state.answers)  # repeated reads: no routing, no thread
    app.add_middleware(SecurityHeaders)  # outermost: its headers go on every answer, a 500 included
    add_error_handlers(app)
    for router in (records.router, aggregates.router, ingest.router, pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _document_bearer_token(app)
    return app


def _server(store_url_or_path: str | os.PathLike[str] | Store | None, token: str | None, *, max_body_bytes: int,
            pool_size: int, time_limit: float, extraction_processes: int) -> Server:
    """The state the routes share: the store opened writable only when a token is configured, the write queue
    and its worker processes."""
    secret = _configured_token(token)
    location = default_location() if store_url_or_path is None else store_url_or_path
    access = StoreAccess(location, writable=secret is not None, pool_size=pool_size)
    engine = ProcessEngine(extraction_processes) if extraction_processes > 0 else None
    writes = IngestQueue(lambda articles: ingest.ingest_batch(access, articles, engine))
    counts = ThreadPoolExecutor(max_workers=max(1, pool_size // 2), thread_name_prefix="dyad-count")
    return Server(access=access, writes=writes, counts=counts, engine=engine, secret=secret,
                  max_body_bytes=max_body_bytes, time_limit=time_limit)


def _configured_token(token: str | None) -> str | None:
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    value = (value or "").strip()
    return value or None


def _document_bearer_token(app: FastAPI) -> None:
    """The OpenAPI schema with the bearer scheme that `POST /api/articles` names."""
    default_openapi = app.openapi

    def openapi_with_security() -> dict[str, Any]:
        schema = default_openapi()
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        schemes["bearer"] = {"type": "http", "scheme": "bearer",
                             "description": f"the API token (configuration or ${TOKEN_ENV})"}
        return schema

    app.openapi = openapi_with_security  # type: ignore[method-assign]


def app_from_environment() -> FastAPI:
    """`create_app` over the store named by `$DYAD_SERVE_STORE` (else the default location), with the token
    of `$DYAD_API_TOKEN`: the factory each worker process calls when the API runs in several
    (`dyad serve --workers N`, or `uvicorn --factory dyad.serve.app:app_from_environment --workers N`)."""
    return create_app(os.environ.get(STORE_ENV) or None)
