"""Article pages answered ahead of routing: `GET /api/articles/{id}` for an article whose page the
writer kept (`dyad.store.pages`) is one look-up by key on the event loop, sent as it is with `"ok": true`
in front, without routing, parameter checks, the time limit's tasks or a hop to a worker thread (those
cost several times the look-up). Everything else goes on to the app, which answers the same request the
same way (`create_app`'s article endpoint): an article without a kept page, an absent one (404), an id
the route refuses (over 500 characters, a NUL), a request with a body, and any request while every pooled
store is in use (the look-up never waits for one on the event loop).

    app = ArticlePages(app, access)          # `access`: the app's `StoreAccess`
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from dyad.serve.access import StoreAccess

PREFIX = "/api/articles/"
#: Longest article id in a path (as the route's parameter allows).
MAX_ID_CHARS = 500


def page_answer(page: bytes) -> bytes:
    """The API's answer for a kept page: the page with `"ok": true` in front."""
    return b'{"ok":true,' + page[1:]


class ArticlePages:
    """ASGI middleware: kept article pages answered ahead of routing (see the module docstring)."""

    def __init__(self, app: ASGIApp, access: StoreAccess) -> None:
        self.app = app
        self.access = access

    @staticmethod
    def article_id(scope: Scope) -> str | None:
        """The id of a plain `GET /api/articles/{id}` this middleware may answer, else None."""
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("root_path"):
            return None
        path: str = scope.get("path", "")
        if not path.startswith(PREFIX):
            return None
        article_id = path[len(PREFIX):]
        query: bytes = scope.get("query_string", b"")
        if (not article_id or "/" in article_id or len(article_id) > MAX_ID_CHARS or "\x00" in article_id
                or b"%00" in query or b"\x00" in query):
            return None
        if any(name in (b"content-length", b"transfer-encoding") for name, _ in scope.get("headers", ())):
            return None
        return article_id

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        article_id = self.article_id(scope)
        page = None
        if article_id is not None:
            with self.access.free_reader() as store:
                page = store.article_page(article_id) if store is not None else None
        if page is None:
            await self.app(scope, receive, send)
            return
        body = page_answer(page)
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-length", str(len(body)).encode("latin-1")), (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})
