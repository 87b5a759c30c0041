"""Whole answers of the read API, kept until the store changes: a repeated GET is answered from memory
without routing, parameter checking or a worker thread (a cache hit costs the server well under a
millisecond, a routed request several).

    answers = Answers(access)                # `access`: the app's `StoreAccess`
    app = ResponseCache(app, answers)        # ASGI middleware

What is kept: the answer to a `GET /api/...` whose status is 200, whose type is JSON and whose body came in
one piece (so no CSV export), under its exact path and query string. Not kept: single article pages
(`/api/articles/{id}`, read from the store by their key every time: there are as many of them as
articles, and their cost is the store's), write batches (`/api/batches/...`, which change without a write
to the store) and bodies over `max_body` bytes.

When an answer stops being valid: every answer is tagged with the store version (`StoreAccess.version`)
it was computed under, and one is served only while that version is current and for no longer than the
store's time to live (`StoreAccess.cache_ttl`). A write through the app (`StoreAccess.writer`) moves the
version on, so the next request after an ingest is computed afresh; an answer computed while a write
finished is not kept. At most `max_bytes` of bodies are held, least recently used first out.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyad.serve.access import StoreAccess

#: Largest body kept (bytes); a larger answer is computed every time.
MAX_BODY = 1024 * 1024
#: Bytes of bodies held at most.
MAX_BYTES = 64 * 1024 * 1024
#: Path prefixes under /api/ whose answers are never kept (see the module docstring).
UNCACHED_PREFIXES = ("/api/articles/", "/api/batches")


@dataclass(frozen=True)
class _Answer:
    version: int
    made: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class Answers:
    """The kept answers of one app, each under (path, query string), with the store version it was made
    under (see the module docstring)."""

    def __init__(self, access: StoreAccess, *, max_body: int = MAX_BODY, max_bytes: int = MAX_BYTES) -> None:
        self.access = access
        self.max_body = max_body
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def lookup(self, key: tuple[str, bytes]) -> _Answer | None:
        """The kept answer under `key` if it is still valid, else None (and a stale one is dropped)."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None and (answer.version != self.access.version
                                       or time.monotonic() - answer.made >= self.access.cache_ttl):
                self._drop(key)
                answer = None
            if answer is None:
                self.misses += 1
                return None
            self.hits += 1
            self._answers.move_to_end(key)
            return answer

    def keep(self, key: tuple[str, bytes], answer: _Answer) -> None:
        """Keep `answer` unless the store changed while it was made or its body is too large."""
        with self._lock:
            if answer.version != self.access.version or len(answer.body) > self.max_body:
                return
            if key in self._answers:
                self._drop(key)
            self._answers[key] = answer
            self._bytes += len(answer.body)
            while self._bytes > self.max_bytes and self._answers:
                self._drop(next(iter(self._answers)))

    def _drop(self, key: tuple[str, bytes]) -> None:
        self._bytes -= len(self._answers.pop(key).body)

    def __len__(self) -> int:
        return len(self._answers)


class ResponseCache:
    """ASGI middleware: answers repeated read requests from `answers` (see the module docstring)."""

    def __init__(self, app: ASGIApp, answers: Answers) -> None:
        self.app = app
        self.answers = answers

    @staticmethod
    def cacheable(scope: Scope) -> bool:
        path = scope.get("path", "")
        return (scope["type"] == "http" and scope.get("method") == "GET" and path.startswith("/api/")
                and not path.startswith(UNCACHED_PREFIXES))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        answer = self.answers.lookup(key)
        if answer is not None:
            await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
            await send({"type": "http.response.body", "body": answer.body})
            return
        version, made = self.answers.access.version, time.monotonic()
        start: Message | None = None

        async def watched(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if message["status"] == 200 and content_type.startswith(b"application/json"):
                    start = message
            elif message["type"] == "http.response.body" and start is not None:
                if not message.get("more_body", False):
                    self.answers.keep(key, _Answer(version, made, start["status"],
                                                   list(start.get("headers", [])), bytes(message.get("body", b""))))
                start = None
            await send(message)

        await self.app(scope, receive, watched)
