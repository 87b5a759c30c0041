"""The API under hostile requests (issue 16): every error is a 4xx with a reason or a 500 with the same
security headers as any answer; POSTed articles are queued and reported per batch."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyad.serve import create_app

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"id": "api-1", "published": "2021-03-24", "language": "en",
           "text": "Moscow - Russia recalled its ambassador to the United States on Tuesday."}
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path, copy)
    return copy


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    for header in SECURITY:
        assert header in response.headers, header
    body = response.json()
    assert body["ok"] is False and body["error"]
    return str(body["error"])


@pytest.mark.parametrize("url", [
    "/api/events?offset=99999999999999999999999",
    "/api/events?offset=9223372036854775807",
    "/api/quotes?offset=99999999999999999999999",
    "/api/articles?offset=99999999999999999999999",
    "/api/actors?offset=99999999999999999999999",
    "/api/events.csv?limit=99999999999999999999999",
    "/api/network?min_events=99999999999999999999999",
])
def test_huge_numbers_are_a_422(store_path: Path, url: str) -> None:
    with TestClient(create_app(store_path), raise_server_exceptions=False) as client:
        assert "less than or equal" in error_of(client.get(url), 422)


@pytest.mark.parametrize("url", ["/static/app%00.js", "/static/%00", "/api/articles/a%00b",
                                 "/api/events?q=a%00b", "/api/actors?q=%00"])
def test_a_nul_in_the_request_is_a_400(store_path: Path, url: str) -> None:
    with TestClient(create_app(store_path), raise_server_exceptions=False) as client:
        assert "NUL" in error_of(client.get(url), 400)


def test_hostile_posts_are_4xx_with_a_reason(store_copy: Path) -> None:
    with TestClient(create_app(store_copy, token=TOKEN), raise_server_exceptions=False) as client:
        deep = ("[" * 100_000 + "]" * 100_000).encode()
        assert "nested too deeply" in error_of(client.post("/api/articles", content=deep, headers=AUTH), 400)
        lines = json.dumps(ARTICLE).encode() + b"\n" + b"[" * 100_000 + b"\n"
        headers = {**AUTH, "Content-Type": "application/x-ndjson"}
        assert "line 2" in error_of(client.post("/api/articles", content=lines, headers=headers), 400)
        for field in ("text", "title", "id"):
            body = json.dumps({**ARTICLE, field: "a\ud800b"}).encode()
            assert "surrogate" in error_of(client.post("/api/articles", content=body, headers=AUTH), 422)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_edge_dates_through_the_api_are_stored(store_copy: Path, published: str) -> None:
    with TestClient(create_app(store_copy, token=TOKEN)) as client:
        response = client.post("/api/articles?wait=true", json={**ARTICLE, "published": published}, headers=AUTH)
        assert response.status_code == 201, response.text
        assert response.json()["ok"] is True
        assert client.get("/api/articles/api-1").json()["article"]["published"] == published


def test_an_article_not_stored_is_not_ok(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dyad.ingest

    def broken(_article: Any) -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(dyad.ingest, "analyse", broken)
    with TestClient(create_app(store_copy, token=TOKEN, extraction_processes=0)) as client:
        response = client.post("/api/articles?wait=true", json=ARTICLE, headers=AUTH)
        assert "OverflowError" in error_of(response, 422)
        assert response.json()["failures"][0]["origin"] == "api:body"


def test_posted_articles_are_extracted_in_a_worker_process(store_copy: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import dyad.distributed

    def not_here(_article: Any) -> Any:
        raise AssertionError("the pipeline ran in the server process")

    # The server process's pipeline is broken; the worker process (spawned) has its own, intact.
    monkeypatch.setattr(dyad.distributed, "analyse", not_here)
    with TestClient(create_app(store_copy, token=TOKEN)) as client:
        response = client.post("/api/articles?wait=true", json={**ARTICLE, "id": "api-w"}, headers=AUTH)
        assert response.status_code == 201, response.text
        assert response.json()["inserted"] == 1
        assert client.get("/api/articles/api-w").status_code == 200


def test_posts_are_queued_and_their_batch_reported(store_copy: Path) -> None:
    with TestClient(create_app(store_copy, token=TOKEN)) as client:
        queued = client.post("/api/articles", json=[ARTICLE, {**ARTICLE, "id": "api-2"}], headers=AUTH)
        assert queued.status_code == 202, queued.text
        body = queued.json()
        assert body["ok"] is True and body["status"] in ("queued", "running", "done")
        assert body["articles"] == ["api-1", "api-2"]
        assert queued.headers["location"] == f"/api/batches/{body['batch']}"
        for _ in range(600):
            status = client.get(f"/api/batches/{body['batch']}", headers=AUTH)
            if status.json()["status"] not in ("queued", "running"):
                break
            time.sleep(0.1)
        assert status.status_code == 201 and status.json()["inserted"] == 2
        assert client.get("/api/articles/api-2").status_code == 200
        error_of(client.get(f"/api/batches/{body['batch']}"), 401)
        error_of(client.get("/api/batches/nope", headers=AUTH), 404)


def test_reads_go_on_while_a_batch_is_extracted(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dyad.ingest

    release = threading.Event()
    real = dyad.ingest.analyse

    def slow(article: Any) -> Any:
        release.wait(30)
        return real(article)

    monkeypatch.setattr(dyad.ingest, "analyse", slow)
    with TestClient(create_app(store_copy, token=TOKEN, extraction_processes=0)) as client:
        queued = client.post("/api/articles", json=ARTICLE, headers=AUTH)
        assert queued.status_code == 202
        started = time.monotonic()
        for _ in range(5):
            assert client.get("/api/events?limit=5").status_code == 200
            assert client.get("/api/stats").status_code == 200
        assert time.monotonic() - started < 10
        release.set()
        done = client.post("/api/articles?wait=true", json={**ARTICLE, "id": "api-3"}, headers=AUTH)
        assert done.status_code == 201, done.text


def test_a_request_over_its_time_limit_is_a_503(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(store_path, time_limit=0.5)

    @app.get("/slow")
    async def slow() -> dict[str, bool]:
        import asyncio

        await asyncio.sleep(5)
        return {"ok": True}

    with TestClient(app) as client:
        started = time.monotonic()
        assert "time limit" in error_of(client.get("/slow"), 503)
        assert time.monotonic() - started < 4


def test_a_500_has_the_security_headers(store_path: Path) -> None:
    app = create_app(store_path)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    with TestClient(app, raise_server_exceptions=False) as client:
        assert "RuntimeError" in error_of(client.get("/boom"), 500)

