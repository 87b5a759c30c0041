"""The web app's error answers: every failure is the JSON envelope `{"ok": false, "error": "..."}` with a fitting
status code, whether raised by a route, by validation or by the library."""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import DyadError
from dyad.serve.access import StoreBusy
from dyad.serve.batches import QueueFull
from dyad.serve.query import QueryError


class ApiError(StarletteHTTPException):
    """An error answered with the JSON envelope."""


def envelope_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return "; ".join(parts) or "invalid request"


def add_error_handlers(app: FastAPI) -> None:
    """Answer HTTP errors, invalid requests, bad queries, a busy store or queue, library errors and anything
    unexpected with the envelope."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = "not found"
        return envelope_error(exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return envelope_error(422, _validation_message(exc))

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return envelope_error(400, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy_error(_request: Request, exc: StoreBusy) -> JSONResponse:
        return envelope_error(503, exc.message, {"Retry-After": "5"})

    @app.exception_handler(QueueFull)
    async def queue_full(_request: Request, exc: QueueFull) -> JSONResponse:
        return envelope_error(503, exc.message, {"Retry-After": "5"})

    @app.exception_handler(DyadError)
    async def dyad_error(_request: Request, exc: DyadError) -> JSONResponse:
        return envelope_error(500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
        return envelope_error(500, f"internal server error ({type(exc).__name__})")
