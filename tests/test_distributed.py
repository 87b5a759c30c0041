"""The distributed ingest against the single-process one, on real articles.

The input mixes six gold dev articles, two raw DpgMedia2019 articles (no language field: detected), a line
with empty text, the same article twice, an id reused with other content, and an input that does not
exist. Every run must leave the store exactly as `dyad.ingest.ingest` leaves it: the exports byte for byte,
the mentions, the errors in order, the counts and the progress events.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dyad.distributed import (
    Analysis,
    InlineEngine,
    analyse_articles,
    ingest_with_engine,
)
from dyad.document import Article
from dyad.export import export
from dyad.ingest import IngestFailure, IngestSummary, ingest
from dyad.store import DuckDBStore

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_ARTICLES = SHARED / "gold" / "dev" / "articles.jsonl"
DPG_ARTICLES = SHARED / "data" / "dpgmedia2019-nl" / "dpgMedia2019-articles-byarticle-all.jsonl"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Outcome:
    """What a run left: the store's exports and tables, the summary and the progress events."""

    events: bytes
    quotes: bytes
    mentions: list[dict[str, object]]
    articles: list[str]
    errors: list[tuple[Any, ...]]
    counts: dict[str, int]
    finals: list[tuple[str, str]]  # progress events other than "start", in order
    started: list[str]  # origins of the "start" events, sorted


def _lines() -> list[str]:
    gold = GOLD_ARTICLES.read_text(encoding="utf-8").splitlines()
    dpg = [line for line in DPG_ARTICLES.read_text(encoding="utf-8").splitlines()[:12]
           if json.loads(line)["text"].strip()][:2]
    conflicting = json.loads(gold[2]) | {"text": json.loads(gold[12])["text"]}
    empty = {"id": "empty-1", "text": "  ", "language": "nl"}
    return [*gold[:2], dpg[0], gold[1], *gold[2:5], json.dumps(conflicting), json.dumps(empty), dpg[1], gold[5]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "articles.jsonl"
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    return [str(path), str(folder / "missing.jsonl")]


def _outcome(store: DuckDBStore, summary: IngestSummary, events: list[tuple[str, str]], tmp: Path) -> Outcome:
    export(store, events_path=tmp / "events.jsonl", quotes_path=tmp / "quotes.jsonl", fmt="jsonl")
    errors = [(e["origin"], e["code"], e["message"], e["article_id"]) for e in store.errors()]
    return Outcome(
        events=(tmp / "events.jsonl").read_bytes(),
        quotes=(tmp / "quotes.jsonl").read_bytes(),
        mentions=list(store.mentions()),
        articles=store.article_ids(),
        errors=errors,
        counts=summary.counts(),
        finals=[e for e in events if e[0] != "start"],
        started=sorted(origin for event, origin in events if event == "start"),
    )


@pytest.fixture(scope="module")
def single(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    tmp = tmp_path_factory.mktemp("single")
    events: list[tuple[str, str]] = []
    with DuckDBStore(tmp / "single.duckdb") as store:
        summary = ingest(corpus, store, progress=lambda e, o: events.append((e, o)))
        return _outcome(store, summary, events, tmp)


class ShuffledEngine(InlineEngine):
    """Finishes the batches newest first, so the driver has to put the results back in input order."""

    def __init__(self, slots: int) -> None:
        super().__init__(slots)
        self.analysed: list[str] = []

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        done = super().wait()
        for _ticket, analyses in done:
            self.analysed.extend(a.extraction.article_id for a in analyses if a.extraction is not None)
        return list(reversed(done))


def test_corpus_exercises_every_path(single: Outcome) -> None:
    assert single.counts == {"done": 8, "inserted": 8, "replaced": 0, "unchanged": 1, "failed": 3}
    assert single.events.count(b"\n") > 5 and single.quotes.count(b"\n") > 3


@pytest.mark.parametrize("batch_size, slots", [(1, 1), (2, 3), (4, 2)])
def test_engine_run_equals_single_process(corpus: list[str], single: Outcome, tmp_path: Path,
                                          batch_size: int, slots: int) -> None:
    events: list[tuple[str, str]] = []
    with DuckDBStore(tmp_path / "engine.duckdb") as store:
        summary = ingest_with_engine(ShuffledEngine(slots), corpus, store, batch_size=batch_size,
                                     progress=lambda e, o: events.append((e, o)))
        got = _outcome(store, summary, events, tmp_path)
        assert store.runs()[-1]["components"] == {"nl": summary.components["nl"]}
    assert got == single
    assert summary.sentences > 50 and set(summary.timings) == {"language", "actors", "quotes", "events", "time"}


def test_resume_skips_stored_articles_before_any_work(corpus: list[str], single: Outcome, tmp_path: Path) -> None:
    lines = Path(corpus[0]).read_text(encoding="utf-8").splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    with DuckDBStore(tmp_path / "resume.duckdb") as store:
        ingest([first], store)  # a run that stopped after three lines
        engine = ShuffledEngine(2)
        events: list[tuple[str, str]] = []
        summary = ingest_with_engine(engine, corpus, store, batch_size=2, progress=lambda e, o: events.append((e, o)))
        assert summary.counts() == {"done": 5, "inserted": 5, "replaced": 0, "unchanged": 4, "failed": 3}
        assert len(engine.analysed) == 5 and not set(engine.analysed) & {json.loads(x)["id"] for x in lines[:3]}
        again = ShuffledEngine(2)
        summary = ingest_with_engine(again, corpus, store)
        assert summary.counts() == {"done": 0, "inserted": 0, "replaced": 0, "unchanged": 9, "failed": 3}
        assert again.analysed == []
        export(store, events_path=tmp_path / "events.jsonl", quotes_path=tmp_path / "quotes.jsonl")
        assert (tmp_path / "events.jsonl").read_bytes() == single.events
        assert (tmp_path / "quotes.jsonl").read_bytes() == single.quotes


class FailFirstEngine(InlineEngine):
    """Fails the first copy of one article, as a worker that crashed on it would."""

    def __init__(self, victim: str) -> None:
        super().__init__(2)
        self.victim = victim

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        done: list[tuple[Hashable, list[Analysis]]] = []
        for ticket, batch in self._pending.items():
            analyses: list[Analysis] = []
            for article in batch:
                if article.id == self.victim:
                    self.victim = ""
                    analyses.append(Analysis(article.language, failure=IngestFailure(article.origin or "", "E000",
                                                                                      "worker failed: boom")))
                else:
                    analyses.extend(analyse_articles([article]))
            done.append((ticket, analyses))
        self._pending.clear()
        return done


def test_repeat_of_a_failed_article_is_analysed_again(tmp_path: Path) -> None:
    gold = GOLD_ARTICLES.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "repeat.jsonl"
    path.write_text("\n".join([gold[0], gold[14], gold[0]]) + "\n", encoding="utf-8")
    victim = json.loads(gold[0])["id"]
    events: list[tuple[str, str]] = []
    with DuckDBStore(tmp_path / "repeat.duckdb") as store:
        summary = ingest_with_engine(FailFirstEngine(victim), [path], store, batch_size=1,
                                     progress=lambda e, o: events.append((e, o)))
        assert summary.counts() == {"done": 2, "inserted": 2, "replaced": 0, "unchanged": 0, "failed": 1}
        assert [(e["origin"], e["message"]) for e in store.errors()] == [(f"{path}:1", "worker failed: boom")]
        assert store.article_ids() == sorted([victim, json.loads(gold[14])["id"]])
    assert [e for e in events if e[0] != "start"] == [("failed", f"{path}:1"), ("done", f"{path}:2"),
                                                      ("done", f"{path}:3")]


def test_analyse_articles_reports_a_failure_and_goes_on() -> None:
    bad = Article(id="x", text="Een zin.", language="xx", origin="bad")
    good = Article(id="y", text="Rutte bezocht gisteren Berlijn.", language="nl", origin="good")
    first, second = analyse_articles([bad, good])
    assert first.failure is not None and first.failure.origin == "bad" and first.extraction is None
    assert second.failure is None and second.extraction is not None and second.sentences == 1


@pytest.fixture()
def ray_cluster() -> Iterator[object]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray not installed (dyad[ray])")
def test_ray_run_equals_single_process_and_resumes(ray_cluster: object, corpus: list[str], single: Outcome,
                                                   tmp_path: Path) -> None:
    from dyad.distributed import ingest_ray

    events: list[tuple[str, str]] = []
    with DuckDBStore(tmp_path / "ray.duckdb") as store:
        summary = ingest_ray(corpus, store, workers=2, batch_size=2, progress=lambda e, o: events.append((e, o)))
        got = _outcome(store, summary, events, tmp_path)
        assert len(summary.worker_peak_mb) == 2 and all(mb > 50 for mb in summary.worker_peak_mb)
        again = ingest_ray(corpus, store, workers=2)
        assert again.counts() == {"done": 0, "inserted": 0, "replaced": 0, "unchanged": 9, "failed": 3}
        assert again.worker_peak_mb == []  # nothing to analyse: no worker was started
    assert got == single
