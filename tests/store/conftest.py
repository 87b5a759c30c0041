"""Fixtures for the store, ingest and export mechanics (helpers in store_fakes.py, pg_fixtures.py).

Every test here that takes the `store` fixture runs twice: against DuckDB and against PostgreSQL (in a
schema of its own; skipped only when no server is configured or answers, see pg_fixtures.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_fixtures import fresh_schema
from store_fakes import CountingAnalyse, gold_articles

from dyad.document import Article
from dyad.store import DuckDBStore, Store

BACKENDS = ("duckdb", "postgres")

#: Tests of DuckDB internals (they patch `DuckDBStore` methods); test_postgres.py has their counterparts.
DUCKDB_ONLY = frozenset({"test_a_write_that_fails_midway_leaves_the_old_records"})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store" in metafunc.fixturenames:
        only_duckdb = metafunc.function.__name__ in DUCKDB_ONLY
        metafunc.parametrize("backend", ("duckdb",) if only_duckdb else BACKENDS)


@pytest.fixture
def articles() -> list[Article]:
    return gold_articles()


@pytest.fixture
def store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """An empty store of the backend the test is parametrised with."""
    if backend == "duckdb":
        with DuckDBStore(tmp_path / "dyad.duckdb") as opened:
            yield opened
        return
    from dyad.store.postgres import PostgresStore

    with fresh_schema() as (_schema, url), PostgresStore(url) as pg:
        yield pg


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CountingAnalyse]:
    """Install a `CountingAnalyse` as the pipeline ingest runs; returns a function to build one."""

    def install(failing: set[str] | None = None) -> CountingAnalyse:
        analyse = CountingAnalyse(failing)
        monkeypatch.setattr("dyad.ingest.analyse", analyse)
        monkeypatch.setattr("dyad.ingest.pipeline_components", lambda language: {"events": "test"})
        return analyse

    return install
