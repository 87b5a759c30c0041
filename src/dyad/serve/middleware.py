"""ASGI middleware of the web app: body size, NUL guard, time limit and security headers, each answering in the
JSON error envelope before routing (`dyad.serve.errors`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.serve.errors import envelope_error

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


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
                        await send_response(send, envelope_error(400, "invalid Content-Length header"))
                        return
                    if declared > self.max_bytes:
                        await send_response(send, envelope_error(
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
                await send_response(send, envelope_error(400, "NUL character in the request path or query"))
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
            await send_response(send, envelope_error(
                503, f"the request took longer than its time limit of {self.seconds:g} s", {"Retry-After": "5"}))
            return
        await task


async def send_response(send: Send, response: Response) -> None:
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
            await send_response(with_headers, envelope_error(500, f"internal server error ({type(exc).__name__})"))
