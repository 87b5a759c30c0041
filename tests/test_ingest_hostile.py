"""Ingest of hostile inputs (issue 16): one bad unit is one failure with its name and reason, and every
good article is stored; edge dates are articles like any other; a changed url or source is a change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.document import Article, PartialDate
from dyad.ingest import ingest
from dyad.store import DuckDBStore

pytestmark = pytest.mark.slow

TEXT = "De minister van Buitenlandse Zaken bezocht gisteren Moskou. Volgende week reist hij naar Parijs."


def line(article_id: str, **fields: str) -> str:
    return json.dumps({"id": article_id, "text": TEXT, "language": "nl", **fields})


def test_a_bad_line_stops_neither_its_file_nor_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(f"{line('g1')}\n{'[' * 100_000}\n{line('g2')}\n")
    (folder / "b.jsonl").write_text(line("s1", title="x\ud800") + "\n" + line("g3") + "\n")
    (folder / "c.jsonl").write_text(line("s\ud800") + "\n")
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        summary = ingest([folder], store)
        assert summary.inserted == 3
        assert sorted(f.origin for f in summary.failures) == [f"{folder}/a.jsonl:2", f"{folder}/b.jsonl:1",
                                                               f"{folder}/c.jsonl:1"]
        assert sorted(store.article_ids()) == ["g1", "g2", "g3"]


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "9999", "0001-01"])
def test_edge_dates_are_stored(tmp_path: Path, published: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(line("d1", published=published) + "\n")
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        summary = ingest([path], store)
        assert summary.ok, summary.failures
        stored = store.get_article("d1")
        assert stored is not None and stored.published == published


def test_a_changed_url_or_source_is_a_change(tmp_path: Path) -> None:
    base = Article(id="x", text=TEXT, published=PartialDate(2021, 3), language="nl", title="t",
                   url="https://a.example/1", source="A")
    hashes = {base.content_hash,
              Article(**{**base.__dict__, "url": "https://a.example/2"}).content_hash,
              Article(**{**base.__dict__, "source": "B"}).content_hash,
              Article(**{**base.__dict__, "url": None}).content_hash}
    assert len(hashes) == 4
    assert Article(**{**base.__dict__, "origin": "elsewhere"}).content_hash == base.content_hash

    path = tmp_path / "u.jsonl"
    path.write_text(line("u1", url="https://a.example/1", source="A") + "\n")
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        assert ingest([path], store).inserted == 1
        assert ingest([path], store).unchanged == 1
        path.write_text(line("u1", url="https://b.example/1", source="B") + "\n")
        assert ingest([path], store).replaced == 1
        stored = store.get_article("u1")
        assert stored is not None and (stored.url, stored.source) == ("https://b.example/1", "B")
