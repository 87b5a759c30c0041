"""A DuckDB store ingested with the real pipeline from the seed, five gold dev articles and a hostile one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from serve_data import HOSTILE_ID, HOSTILE_TEXT, SEED_ID

from dyad.ingest import ingest
from dyad.store import DuckDBStore


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    inputs = folder / "articles.jsonl"
    with (shared_dir / "gold" / "dev" / "articles.jsonl").open(encoding="utf-8") as gold:
        lines = [line for line in gold if line.strip()][:5]
    hostile = {"id": HOSTILE_ID, "text": HOSTILE_TEXT, "published": "2021-03-22", "language": "en",
               "title": "<b>Markup</b> in a title"}
    inputs.write_text("".join(lines) + json.dumps(hostile) + "\n", encoding="utf-8")
    path = folder / "dyad.duckdb"
    with DuckDBStore(path) as store:
        summary = ingest([str(shared_dir / "seed" / f"{SEED_ID}.txt"), str(inputs)], store)
    assert summary.ok, summary.failures
    assert summary.inserted == 7
    return path
