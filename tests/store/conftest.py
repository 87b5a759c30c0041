"""Fixtures for the store, ingest and export mechanics (helpers in store_fakes.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_fakes import CountingAnalyse, gold_articles

from dyad.document import Article
from dyad.store import DuckDBStore


@pytest.fixture
def articles() -> list[Article]:
    return gold_articles()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    with DuckDBStore(tmp_path / "dyad.duckdb") as opened:
        yield opened


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CountingAnalyse]:
    """Install a `CountingAnalyse` as the pipeline ingest runs; returns a function to build one."""

    def install(failing: set[str] | None = None) -> CountingAnalyse:
        analyse = CountingAnalyse(failing)
        monkeypatch.setattr("dyad.ingest.analyse", analyse)
        monkeypatch.setattr("dyad.ingest.pipeline_components", lambda language: {"events": "test"})
        return analyse

    return install
