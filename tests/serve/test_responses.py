"""Whole answers kept by `dyad.serve.responses`: served again until the store changes, never after."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.serve import create_app
from dyad.serve.access import StoreAccess
from dyad.serve.responses import Answers, _Answer

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"id": "cache-1", "published": "2021-03-24", "language": "en",
           "text": "Moscow - Russia recalled its ambassador to the United States on Tuesday."}


@pytest.fixture(scope="module")
def client_app(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as opened:
        yield opened


def test_a_repeated_read_is_answered_from_memory_until_a_write(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path, copy)
    app = create_app(copy, token=TOKEN)
    answers: Answers = app.state.answers
    with TestClient(app) as client:
        first = client.get("/api/articles?q=ambassador&limit=50")
        assert first.status_code == 200
        assert "cache-1" not in [row["id"] for row in first.json()["rows"]]
        hits = answers.hits
        again = client.get("/api/articles?q=ambassador&limit=50")
        assert answers.hits == hits + 1
        assert again.content == first.content
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        stats = client.get("/api/stats").json()["stats"]
        assert client.get("/api/stats").json()["stats"] == stats

        # The ingest goes through the write queue; when it is done, the same URLs answer from the new store.
        assert client.post("/api/articles?wait=true", json=ARTICLE, headers=AUTH).status_code == 201
        hits = answers.hits
        after = client.get("/api/articles?q=ambassador&limit=50")
        assert answers.hits == hits  # computed afresh, not served from memory
        assert after.json()["total"] == first.json()["total"] + 1
        assert "cache-1" in [row["id"] for row in after.json()["rows"]]
        assert client.get("/api/stats").json()["stats"]["articles"] == stats["articles"] + 1


def test_article_pages_errors_and_exports_are_not_kept(client_app: TestClient) -> None:
    answers: Answers = client_app.app.state.answers  # type: ignore[attr-defined]
    article_id = client_app.get("/api/articles?limit=1").json()["rows"][0]["id"]
    kept = len(answers)
    for path in (f"/api/articles/{article_id}", "/api/events?format=csv&limit=5", "/api/events?limit=0",
                 "/api/articles/no-such-article"):
        for _ in range(2):
            client_app.get(path)
    assert len(answers) == kept


def test_an_answer_made_across_a_write_is_not_kept(store_path: Path) -> None:
    access = StoreAccess(store_path, writable=False)
    try:
        answers = Answers(access, max_bytes=10)
        key = ("/api/stats", b"")
        stale = _Answer(version=access.version - 1, made=0.0, status=200, headers=[], body=b"{}")
        answers.keep(key, stale)
        assert answers.lookup(key) is None
        # Least recently used out when the bodies pass max_bytes.
        for number in range(3):
            answers.keep(("/api/x", str(number).encode()), _Answer(access.version, 1e18, 200, [], b"12345"))
        assert answers.lookup(("/api/x", b"0")) is None
        assert answers.lookup(("/api/x", b"2")) is not None
    finally:
        access.close()


def test_several_server_processes_read_only(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app as cli
    from dyad.serve.app import STORE_ENV, app_from_environment

    # Each worker process builds its app from the environment, over the same store.
    monkeypatch.setenv(STORE_ENV, str(store_path))
    monkeypatch.delenv("DYAD_API_TOKEN", raising=False)
    with TestClient(app_from_environment()) as client:
        assert client.get("/api/stats").json()["writable"] is False
    # A server that writes keeps one process: its kept answers are dropped by its own writes only.
    monkeypatch.setenv("DYAD_API_TOKEN", TOKEN)
    refused = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--workers", "2"])
    assert refused.exit_code == 2
    assert "one process" in refused.output
