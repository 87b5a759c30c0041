"""What the routes of one web app share: the store access, the write queue, the count threads, the token and the
limits, with the helpers every listing and aggregate answer goes through. `create_app` builds one and keeps it in
`app.state.server`; a route receives it as the `ServerDep` dependency."""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse

from dyad.distributed import ProcessEngine
from dyad.errors import DyadError
from dyad.serve import views
from dyad.serve.access import StoreAccess
from dyad.serve.batches import IngestQueue
from dyad.serve.errors import ApiError
from dyad.serve.query import Page, QueryError, RecordQuery, page
from dyad.store import RecordKey, Store

TOKEN_ENV = "DYAD_API_TOKEN"
#: Pages of up to this many rows are kept in the cache (until a write, or its time to live).
CACHED_PAGE_LIMIT = 100


@dataclass
class Server:
    access: StoreAccess
    writes: IngestQueue
    #: Threads that count an event table's matches beside the request that reads its page.
    counts: ThreadPoolExecutor
    engine: ProcessEngine | None
    #: The bearer token that enables ingest; None: the server is read-only.
    secret: str | None
    max_body_bytes: int
    time_limit: float

    def warm_up(self) -> None:
        """The warm-up at start: what every dashboard view reads first (the header's counts, the event table's
        actor names) computed into the cache, after the store's own warm-up. A failure is logged, not fatal:
        the requests compute what it did not."""
        started = time.perf_counter()
        try:
            with self.access.reader() as store:
                store.warm_up()
                self.access.cached(("stats",), store.stats)
                self.access.cached(("actor_names",), lambda: views.mention_names(store))
        except Exception:
            logging.getLogger("dyad.serve").exception("the warm-up at start failed")
            return
        logging.getLogger("dyad.serve").info("warm-up at start: %.0f ms", (time.perf_counter() - started) * 1000)

    def close(self) -> None:
        self.counts.shutdown(wait=True)
        self.writes.close()
        if self.engine is not None:
            self.engine.close()
        self.access.close()

    def authorise(self, request: Request) -> None:
        """403 on a read-only server, 401 without the right bearer token."""
        if self.secret is None:
            raise ApiError(403, "the server is read-only: no API token is configured "
                                f"(set {TOKEN_ENV} or pass a token to enable ingest)")
        scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.secret.encode()):
            raise ApiError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    def cached_aggregate(self, key: tuple[Any, ...], compute: Callable[[Store], dict[str, Any]]) -> dict[str, Any]:
        """An aggregate from a reader, cached under `key`, in the JSON envelope; a library error is a 400."""
        try:
            with self.access.reader() as store:
                result = self.access.cached(key, lambda: compute(store))
        except DyadError as exc:
            raise QueryError(exc.message) from exc
        return {"ok": True, **result}

    def count(self, query: RecordQuery) -> int:
        """The matches of `query`, counted in SQL once per filter, then cached."""
        def compute() -> int:
            with self.access.reader() as store:
                return query.count(store)

        return self.access.cached(("total", query.key), compute)

    def paged(self, query: RecordQuery, offset: int, limit: int, after: RecordKey | None) -> bytes:
        """The JSON body of a page; pages up to `CACHED_PAGE_LIMIT` rows are cached as rendered bytes
        (serialising 50 rows costs more than reading them)."""
        total = self.count(query)

        def read() -> bytes:
            with self.access.reader() as store:
                result: Page = page(query, store, offset=offset, limit=limit, after=after, known_total=total)
            body = listing(result.rows, result.total, result.offset, limit=result.limit,
                           next_cursor=result.next_cursor)
            return bytes(JSONResponse(body).body)

        if limit > CACHED_PAGE_LIMIT:
            return read()
        return self.access.cached(("page", query.key, offset, limit, after, total), read)


def listing(rows: list[dict[str, Any]], total: int, offset: int | None, **extra: Any) -> dict[str, Any]:
    """A list answer: its rows, the total, and the offset of the next page (None on the last)."""
    following = None if offset is None else offset + len(rows)
    return {"ok": True, "rows": rows, "total": total, "offset": offset,
            "next": following if rows and following is not None and following < total else None, **extra}


def current_server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


ServerDep = Annotated[Server, Depends(current_server)]
