"""Ingest routes: `POST /api/articles` checks the articles and queues them as a batch (202, with its id) for the
write queue; `GET /api/batches/{id}` tells where a batch is. Both need the bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from dyad.distributed import ProcessEngine, ingest_items_with_engine
from dyad.errors import DyadError
from dyad.ingest import IngestSummary, ingest_articles
from dyad.readers.jsonl import article_from_record, parse_json
from dyad.serve.access import StoreAccess
from dyad.serve.errors import ApiError, envelope_error
from dyad.serve.server import ServerDep

#: Most articles one POST may carry (one batch of the write queue).
MAX_POST_ARTICLES = 200

router = APIRouter()

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


@router.post("/api/articles", status_code=202, openapi_extra=POST_ARTICLES_OPENAPI,
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
    server: ServerDep,
    request: Request,
    wait: Annotated[bool, Query(description="Wait for the batch to be stored (up to most of the "
                                            "request time limit) and answer with its outcome.")] = False,
) -> JSONResponse:
    server.authorise(request)
    body = await read_body(request, server.max_body_bytes)
    items = parse_articles(body, request.headers.get("content-type", ""))
    batch = server.writes.submit(items)
    if wait:
        await run_in_threadpool(batch.finished_event.wait, server.time_limit * 0.8)
    return batch_response(batch)


@router.get("/api/batches/{batch_id}", summary="Where a POSTed batch is: queued, running, done (with its "
            "counts and failures) or failed; needs the bearer token")
def batch_status(server: ServerDep, request: Request,
                 batch_id: Annotated[str, PathParam(max_length=64)]) -> JSONResponse:
    server.authorise(request)
    batch = server.writes.get(batch_id)
    if batch is None:
        raise ApiError(404, f"no batch with id {batch_id!r} (batches are remembered for a while only)")
    response = batch_response(batch)
    if response.status_code == 202:
        response.status_code = 200
        del response.headers["location"]
    return response


def batch_response(batch: Any) -> JSONResponse:
    """202 while a batch waits or runs; when done 201 (something written), 200 (nothing new) or 422
    (no article could be stored), `ok` false when any article failed; 500 when the batch broke."""
    body = batch.to_dict()
    if batch.status in ("queued", "running"):
        return JSONResponse({"ok": True, **body}, status_code=202,
                            headers={"Location": f"/api/batches/{batch.id}"})
    if batch.status == "failed":
        return envelope_error(500, f"the batch failed: {batch.error}")
    failures = body.get("failures") or []
    written = body.get("inserted", 0) + body.get("replaced", 0)
    if failures:
        first = failures[0]
        reason = f"{len(failures)} of {len(batch.articles)} articles not stored; " \
                 f"{first['origin']}: [{first['code']}] {first['message']}"
        status = 201 if written else 422
        return JSONResponse({"ok": False, "error": reason, **body}, status_code=status)
    return JSONResponse({"ok": True, **body}, status_code=201 if written else 200)


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


def parse_articles(body: bytes, content_type: str) -> list[Any]:
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


def ingest_batch(access: StoreAccess, articles: list[Any], engine: ProcessEngine | None) -> dict[str, Any]:
    """Extract and store one batch (in the queue thread): the pipeline in `engine`'s worker process, or
    here without one; the writes here, through the app's one writer."""
    with access.writer() as store:
        if engine is None:
            summary: IngestSummary = ingest_articles(articles, store, inputs=["api"])
        else:
            summary = ingest_items_with_engine(engine, articles, store, inputs=["api"])
    return {**summary.to_dict(), "articles": [a.id for a in articles]}
