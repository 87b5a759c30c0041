"""`ArticlePages`: kept article pages answered ahead of routing, and every other request handed on to the
app, which answers it as it would without the middleware."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from serve_data import SEED_ID

from dyad.serve import create_app
from dyad.serve.access import StoreAccess
from dyad.serve.pages import ArticlePages
from dyad.store import DuckDBStore


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as opened:
        yield opened


def _scope(path: str, query: bytes = b"", method: str = "GET",
           headers: tuple[tuple[bytes, bytes], ...] = ()) -> dict[str, object]:
    return {"type": "http", "method": method, "path": path, "query_string": query, "headers": list(headers),
            "root_path": ""}


def test_which_requests_it_answers() -> None:
    assert ArticlePages.article_id(_scope(f"/api/articles/{SEED_ID}")) == SEED_ID
    assert ArticlePages.article_id(_scope("/api/articles/a b", b"x=1")) == "a b"
    for scope in (_scope("/api/articles/"), _scope("/api/articles/a/b"), _scope("/api/articles/" + "x" * 501),
                  _scope("/api/articles/a\x00"), _scope("/api/articles/a", b"x=%00"),
                  _scope("/api/articles/a", method="POST"), _scope("/api/articles"), _scope("/api/events"),
                  _scope("/api/articles/a", headers=((b"content-length", b"5"),)),
                  {**_scope("/api/articles/a"), "root_path": "/dyad"}, {**_scope("/"), "type": "websocket"}):
        assert ArticlePages.article_id(scope) is None, scope


def test_requests_it_leaves_are_answered_by_the_app(client: TestClient) -> None:
    assert client.get("/api/articles/" + "x" * 501).status_code == 422
    assert client.get("/api/articles/no-such-article").status_code == 404
    assert client.get(f"/api/articles/{SEED_ID}?q=%00").status_code == 400
    answer = client.get(f"/api/articles/{quote(SEED_ID)}")
    assert answer.status_code == 200 and answer.json()["ok"] is True
    assert answer.headers["x-content-type-options"] == "nosniff"  # the security headers on it too


def test_with_every_pooled_store_in_use_the_app_answers_the_same(client: TestClient,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []
    real = DuckDBStore.article_page

    def counted(store: DuckDBStore, article_id: str) -> bytes | None:
        looked_up.append(article_id)
        return real(store, article_id)

    monkeypatch.setattr(DuckDBStore, "article_page", counted)
    fast = client.get(f"/api/articles/{SEED_ID}")
    assert looked_up == [SEED_ID]  # one look-up, ahead of routing
    monkeypatch.setattr(StoreAccess, "free_reader", lambda _self: contextlib.nullcontext())  # none free
    routed = client.get(f"/api/articles/{SEED_ID}")
    assert looked_up == [SEED_ID, SEED_ID]  # by the endpoint, in a thread
    assert routed.content == fast.content and dict(routed.headers) == dict(fast.headers)

