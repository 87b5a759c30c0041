"""Export: the FORMAT.md shapes in JSONL, flat columns in CSV and Parquet, filters, stable bytes.

The store is filled with records built by `dyad.records` from hand-made documents over real sentences,
so each filter has a known answer.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from dyad.document import (
    Actor,
    ActorRef,
    Article,
    Document,
    Event,
    Factuality,
    PartialDate,
    Quote,
    Sentence,
)
from dyad.errors import StoreError
from dyad.export import export
from dyad.records import build_records
from dyad.store import DuckDBStore

RUSGOV = Actor("RUS.GOV", "Russische regering", "RUSGOV", "RUS", kind="government")
USA = Actor("USA", "Verenigde Staten", "USA", "USA")
NATO = Actor("NATO", "NAVO", "NATO", "NATO", kind="organisation")
LAVROV = Actor("person.sergei_lavrov", "Sergei Lavrov", "RUSGOV", "RUS", role="foreign minister",
               kind="person")

# (article id, published, text, events as (sentence, source, target, cameo, quad, goldstein, factuality,
# date), quotes as (sentence, speaker, quoted text))
ARTICLES: list[tuple[str, str, str, list[tuple[Any, ...]], list[tuple[Any, ...]]]] = [
    ("a1", "2021-03-20",
     "Moskou riep zijn ambassadeur uit Washington terug. De NAVO veroordeelde Moskou. "
     "\"Wij zijn niet bang\", zei Lavrov.",
     [(0, RUSGOV, USA, "161", 4, -4.0, Factuality.ACTUAL, "2021-03-17"),
      (1, NATO, RUSGOV, "111", 3, -2.0, Factuality.ACTUAL, "2021-03")],
     [(2, LAVROV, "Wij zijn niet bang")]),
    ("a0", "2021-04-02",
     "Washington overweegt sancties tegen Moskou. Moskou weigerde overleg met de NAVO.",
     [(0, USA, RUSGOV, "163", 4, -8.0, Factuality.POSSIBLE, "2021-04"),
      (1, RUSGOV, NATO, "125", 3, -5.0, Factuality.NEGATED, None)],
     [(1, None, "overleg met de NAVO")]),
]


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(actor.name, actor.code, actor.country, actor.id)


def _document(article_id: str, published: str, text: str, events: list[tuple[Any, ...]],
              quotes: list[tuple[Any, ...]]) -> Document:
    article = Article(id=article_id, text=text, published=PartialDate.parse(published), language="nl")
    doc = Document(article=article, language="nl")
    start = 0
    for index, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        doc.sentences.append(Sentence(index, start, end, 0, 0))
        start = end + 1
    for sentence, source, target, cameo, quad, goldstein, factuality, when in events:
        s = doc.sentences[sentence]
        doc.events.append(Event(
            sentence=sentence, source=_ref(source), target=_ref(target), cameo=cameo, quad_class=quad,
            goldstein=goldstein, plover=None, factuality=factuality, trigger=text[s.start:s.start + 5],
            trigger_start=s.start, trigger_end=s.start + 5, rule="test.hand_made",
            date=PartialDate.parse(when) if when else None,
        ))
    for sentence, speaker, quoted in quotes:
        at = text.index(quoted)
        ref = _ref(speaker) if speaker else None
        doc.quotes.append(Quote(sentence=sentence, speaker=ref, text=quoted, kind="direct", cue="zei",
                                start=at, end=at + len(quoted), rule="test.hand_made",
                                date=article.published))
    return doc


@pytest.fixture
def store(tmp_path: Path) -> DuckDBStore:
    opened = DuckDBStore(tmp_path / "dyad.duckdb")
    for spec in ARTICLES:
        doc = _document(*spec)
        opened.put_article(doc.article, doc.article.content_hash, build_records(doc), None)
    return opened


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _events(store: DuckDBStore, tmp_path: Path, **filters: object) -> list[tuple[str, str]]:
    path = tmp_path / "filtered.jsonl"
    export(store, events_path=path, **filters)  # type: ignore[arg-type]
    return [(e["article_id"], e["cameo"]) for e in _jsonl(path)]


def test_jsonl_holds_the_format_md_shape_in_a_stable_order(store: DuckDBStore, tmp_path: Path) -> None:
    counts = export(store, tmp_path / "events.jsonl", tmp_path / "quotes.jsonl")
    assert counts == {"events": 4, "quotes": 2}
    events = _jsonl(tmp_path / "events.jsonl")
    assert [(e["article_id"], e["sentence_index"]) for e in events] == [("a0", 0), ("a0", 1), ("a1", 0),
                                                                          ("a1", 1)]
    first = events[2]
    assert first["source"] == {"name": "Russische regering", "actor": "RUSGOV", "country": "RUS",
                               "id": "RUS.GOV"}
    assert first["target"]["country"] == "USA"
    assert (first["cameo"], first["quad_class"], first["goldstein"]) == ("161", 4, -4.0)
    assert (first["factuality"], first["date"]) == ("actual", "2021-03-17")
    assert first["sentence"] == "Moskou riep zijn ambassadeur uit Washington terug."
    for key in ("article_id", "sentence", "source", "target", "cameo", "quad_class", "goldstein", "plover",
                "factuality", "date", "trigger", "rule"):
        assert key in first
    quotes = _jsonl(tmp_path / "quotes.jsonl")
    assert quotes[0]["speaker"] is None
    assert quotes[1]["speaker"]["name"] == "Sergei Lavrov" and quotes[1]["text"] == "Wij zijn niet bang"
    again = tmp_path / "again.jsonl"
    export(store, events_path=again)
    assert again.read_bytes() == (tmp_path / "events.jsonl").read_bytes()


def test_csv_flattens_actor_slots_into_columns(store: DuckDBStore, tmp_path: Path) -> None:
    export(store, tmp_path / "events.csv", tmp_path / "quotes.csv", fmt="csv")
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    assert [c for c in rows[0] if c.startswith("source_")] == ["source_name", "source_actor",
                                                                "source_country", "source_id"]
    assert "source" not in rows[0]
    assert (rows[2]["source_actor"], rows[2]["target_country"], rows[2]["cameo"]) == ("RUSGOV", "USA", "161")
    assert rows[1]["date"] == ""  # null is an empty cell
    with open(tmp_path / "quotes.csv", encoding="utf-8", newline="") as fh:
        quotes = list(csv.DictReader(fh))
    assert quotes[1]["speaker_name"] == "Sergei Lavrov" and quotes[0]["speaker_name"] == ""


def test_parquet_has_typed_flat_columns_even_when_empty(store: DuckDBStore, tmp_path: Path) -> None:
    export(store, tmp_path / "events.parquet", tmp_path / "quotes.parquet", fmt="parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 4
    assert str(table.schema.field("quad_class").type) == "int64"
    assert str(table.schema.field("goldstein").type) == "double"
    assert table.column("target_actor").to_pylist() == ["RUSGOV", "NATO", "USA", "RUSGOV"]
    assert pq.read_table(tmp_path / "quotes.parquet").column("speaker_country").to_pylist() == [None, "RUS"]
    export(store, tmp_path / "none.parquet", fmt="parquet", actor="CHN")
    empty = pq.read_table(tmp_path / "none.parquet")
    assert empty.num_rows == 0 and empty.schema.names == table.schema.names


def test_filters(store: DuckDBStore, tmp_path: Path) -> None:
    assert _events(store, tmp_path, article_id="a1") == [("a1", "161"), ("a1", "111")]
    assert _events(store, tmp_path, actor="USA") == [("a0", "163"), ("a1", "161")]
    everything = [("a0", "163"), ("a0", "125"), ("a1", "161"), ("a1", "111")]
    assert _events(store, tmp_path, actor="RUS") == everything  # a country code matches actor countries
    assert _events(store, tmp_path, country="NATO") == [("a0", "125"), ("a1", "111")]
    assert _events(store, tmp_path, cameo_root="16") == [("a0", "163"), ("a1", "161")]
    assert _events(store, tmp_path, factuality="negated") == [("a0", "125")]
    # The month-precise "2021-03" event is not contained in a range that starts mid-March; it overlaps it.
    assert _events(store, tmp_path, since="2021-03-18", until="2021-03-31") == []
    assert _events(store, tmp_path, since="2021-03-18", until="2021-03-31", date_overlap="overlap") == [("a1", "111")]
    assert _events(store, tmp_path, since="2021-04") == [("a0", "163")]
    assert _events(store, tmp_path, until="2021-03-17") == [("a1", "161")]
    assert _events(store, tmp_path, until="2021-03-17", date_overlap="overlap") == [("a1", "161"), ("a1", "111")]
    # Event-only filters leave quotes alone; speaker filters narrow them.
    export(store, quotes_path=tmp_path / "q.jsonl", factuality="negated")
    assert len(_jsonl(tmp_path / "q.jsonl")) == 2
    export(store, quotes_path=tmp_path / "q.jsonl", country="RUS")
    assert [q["text"] for q in _jsonl(tmp_path / "q.jsonl")] == ["Wij zijn niet bang"]


def test_bad_arguments_are_clear_errors_and_leave_no_file(store: DuckDBStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export(store, tmp_path / "e.xml", fmt="xml")
    with pytest.raises(StoreError, match="nothing to export"):
        export(store)
    with pytest.raises(StoreError, match="CAMEO root"):
        export(store, tmp_path / "e.jsonl", cameo_root="abc")
    with pytest.raises(StoreError, match="standard output"):
        export(store, "-", fmt="parquet")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("dyad.duckdb")] == []


def test_dash_writes_jsonl_to_stdout(store: DuckDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    export(store, events_path="-", cameo_root="11")
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["cameo"] for line in lines] == ["111"]


def test_streamed_parquet_equals_the_record_by_record_export(store: DuckDBStore, tmp_path: Path) -> None:
    """DuckDB streams Parquet from Arrow batches; the file holds what the record path writes."""
    from dyad.export import write_records
    from dyad.store.rows import EVENTS, QUOTES

    export(store, tmp_path / "events.parquet", tmp_path / "quotes.parquet", fmt="parquet")
    for shape, name in ((EVENTS, "events"), (QUOTES, "quotes")):
        records = store.events() if shape is EVENTS else store.quotes()
        write_records(records, shape, tmp_path / f"slow-{name}.parquet", "parquet")
        streamed = pq.read_table(tmp_path / f"{name}.parquet")
        assert streamed.num_rows > 0
        assert streamed.equals(pq.read_table(tmp_path / f"slow-{name}.parquet"))
