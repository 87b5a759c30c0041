"""Fuzzing the pipeline and ingest (issue 16): hostile but valid texts through the whole pipeline, and
folders of generated hostile inputs (see `fuzz_inputs`) through `dyad.ingest` into a store: nothing is
raised, every good article is stored, every bad unit is recorded as a failure by its name."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dyad.api import analyse  # noqa: E402
from dyad.document import Article, PartialDate  # noqa: E402
from dyad.ingest import ingest  # noqa: E402
from dyad.records import build_records  # noqa: E402
from dyad.store import DuckDBStore  # noqa: E402
from fuzz_inputs import Fuzz, hostile_text  # noqa: E402

pytestmark = pytest.mark.slow

EDGE_DATES = [None, PartialDate(9999, 12, 31), PartialDate(1, 1, 1), PartialDate(9999), PartialDate(2021, 3, 23)]


@pytest.mark.parametrize("seed", range(4))
def test_hostile_texts_go_through_the_pipeline(seed: int) -> None:
    rng = random.Random(seed)
    for n in range(60):
        text = hostile_text(rng, rng.randint(1, 120 if n % 10 else 600))
        article = Article(id=f"h{n}", text=text, published=rng.choice(EDGE_DATES), language=rng.choice(["nl", "en"]))
        doc = analyse(article)
        records = build_records(doc)
        for event in records.events:
            assert 0 <= event["sentence_start"] <= event["sentence_end"] <= len(text)
        for quote in records.quotes:
            assert 0 <= quote["start"] <= quote["end"] <= len(text)


@pytest.mark.parametrize("seed", range(3))
def test_every_good_article_is_stored_and_every_bad_unit_recorded(tmp_path: Path, seed: int) -> None:
    case = Fuzz(100 + seed).folder(tmp_path / "in", files=18)
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        summary = ingest([tmp_path / "in"], store)
        assert {f.origin for f in summary.failures} == case.bad
        assert len(summary.failures) == len(case.bad)
        assert summary.inserted == len(case.good)
        assert sorted(store.article_ids()) == sorted(case.good)
        for article_id, origin in case.good.items():
            stored = store.get_article(article_id)
            assert stored is not None and stored.origin == origin
        again = ingest([tmp_path / "in"], store)
        assert again.unchanged == len(case.good) and again.done == 0
