"""Event ids: stable across re-ingests, unique within an article, in the records and the store."""

from __future__ import annotations

from pathlib import Path

from dyad.api import analyse
from dyad.document import Article
from dyad.ingest import ingest
from dyad.records import build_records, event_id, record_event_id
from dyad.store import open_store

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_c8f14cc41eaac8fb.txt"


def test_the_id_depends_on_article_sentence_and_trigger_only() -> None:
    first = event_id("a", 3, 10, 16, "042", "USA", "RUS")
    assert first == event_id("a", 3, 10, 16, "042", "USA", "RUS")
    assert first.startswith("ev-") and len(first) == 19
    assert len({first, event_id("b", 3, 10, 16, "042", "USA", "RUS"), event_id("a", 4, 10, 16, "042", "USA", "RUS"),
                event_id("a", 3, 11, 16, "042", "USA", "RUS"), event_id("a", 3, 10, 16, "042", "USA", "CHN")}) == 5


def test_ids_are_the_same_across_re_ingests(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    once = build_records(analyse(Article(id="seed", text=text, language="nl"))).events
    again = build_records(analyse(Article(id="seed", text=text, language="nl"))).events
    ids = [e["event_id"] for e in once]
    assert ids and ids == [e["event_id"] for e in again]
    assert len(set(ids)) == len(ids)
    assert all(record_event_id(e) == e["event_id"] for e in once)
    stored_ids = []
    for name in ("one.duckdb", "two.duckdb"):
        with open_store(tmp_path / name) as store:
            ingest([str(SEED)], store)
            stored_ids.append(sorted(e["event_id"] for e in store.events()))
    assert stored_ids[0] == stored_ids[1] and len(stored_ids[0]) == len(ids)
