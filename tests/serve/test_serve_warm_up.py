"""The server's warm-up at start (`create_app(warm_up=True)`, the default): the store's own warm-up runs
before the first request, the header's counts and the actor names are in the cache when it is over, and
the server starts as before on an empty DuckDB store, on PostgreSQL and when the warm-up fails."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyad.serve import create_app
from dyad.serve.access import READER_THREADS
from dyad.store import DuckDBStore, open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from pg_fixtures import fresh_schema  # noqa: E402


def cached(app: Any, key: tuple[Any, ...]) -> Any:
    """The value the app's cache holds under `key`; fails the test when it holds none."""
    return app.state.access.cached(key, lambda: pytest.fail(f"{key} is not in the cache"))


def test_the_warm_up_runs_before_the_first_request(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = DuckDBStore.warm_up

    def counted(self: DuckDBStore) -> None:
        calls.append(self.location)
        original(self)

    monkeypatch.setattr(DuckDBStore, "warm_up", counted)
    app = create_app(store_path)
    assert calls == []
    with TestClient(app) as client:
        assert calls == [str(store_path)]
        with DuckDBStore(store_path, read_only=True) as store:
            expected = store.stats()
        assert cached(app, ("stats",)) == expected
        assert cached(app, ("actor_names",))
        assert client.get("/api/stats").json()["stats"]["events"] == expected["events"] > 0
        with app.state.access.reader() as store:  # the warm-up's threads given back
            assert store._con.execute("SELECT current_setting('threads')").fetchone()[0] == READER_THREADS


def test_without_warm_up_nothing_is_computed_at_start(store_path: Path) -> None:
    app = create_app(store_path, warm_up=False)
    with TestClient(app), pytest.raises(pytest.fail.Exception):
        cached(app, ("stats",))


def test_the_server_starts_on_an_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    DuckDBStore(path).close()
    app = create_app(path)
    with TestClient(app) as client:
        stats = client.get("/api/stats").json()["stats"]
        assert stats["events"] == stats["articles"] == 0
        assert cached(app, ("actor_names",)) == {}
        assert client.get("/api/events/table").json()["rows"] == []


def test_the_server_starts_on_postgresql() -> None:
    with fresh_schema() as (_schema, url):
        open_store(url).close()  # the schema's tables
        app = create_app(url)
        with TestClient(app) as client:
            assert cached(app, ("stats",))["events"] == 0
            assert client.get("/api/stats").json()["stats"]["events"] == 0
            assert client.get("/api/series").json()["ok"] is True
        app.state.access.close()


def test_a_failed_warm_up_does_not_stop_the_server(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_self: DuckDBStore) -> None:
        raise RuntimeError("the warm-up broke")

    monkeypatch.setattr(DuckDBStore, "warm_up", broken)
    app = create_app(store_path)
    with TestClient(app) as client:
        with pytest.raises(pytest.fail.Exception):
            cached(app, ("stats",))
        assert client.get("/api/stats").json()["stats"]["events"] > 0
