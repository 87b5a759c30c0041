"""since/until against records dated at a coarser precision: contained (the default) or overlap."""

from __future__ import annotations

import pytest

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import Extraction
from dyad.store import DuckDBStore, RecordFilter


def _event(i: int, date: str) -> dict[str, object]:
    return {"event_id": f"ev-{i}", "article_id": "a", "sentence": "s", "sentence_index": i, "sentence_start": 0,
            "sentence_end": 1, "source": None, "target": None, "cameo": "042", "quad_class": 1,
            "goldstein": 1.9, "plover": "CONSULT", "factuality": "actual", "date": date, "date_rule": None,
            "trigger": "t", "trigger_start": i, "trigger_end": i + 1, "rule": "r", "confidence": 1.0,
            "language": "nl", "place": None}


def test_a_month_dated_event_is_not_inside_a_day_range_unless_overlap_is_asked() -> None:
    with DuckDBStore(":memory:") as store:
        store.put_article(Article(id="a", text="s", language="nl"), "h",
                          Extraction("a", "nl", None, events=[_event(0, "2021-03"), _event(1, "2021-03-17")]),
                          None)
        contained = RecordFilter.build(since="2021-03-15", until="2021-03-20")
        assert [e["date"] for e in store.events(contained)] == ["2021-03-17"]
        overlap = RecordFilter.build(since="2021-03-15", until="2021-03-20", date_overlap="overlap")
        assert sorted(e["date"] for e in store.events(overlap)) == ["2021-03", "2021-03-17"]
        month = RecordFilter.build(since="2021-03", until="2021-03")
        assert store.count_events(month) == 2
    with pytest.raises(StoreError, match="date_overlap"):
        RecordFilter.build(since="2021", date_overlap="sometimes")
