"""The distributed ingest against the single-process one, on real articles.

The input mixes six gold dev articles, two raw DpgMedia2019 articles (no language field: detected), a line
with empty text, the same article twice, an id reused with other content, and an input that does not
exist. Every run must leave the store exactly as `dyad.ingest.ingest` leaves it: the exports byte for byte,
the mentions, the errors in order, the counts and the progress events.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dyad.distributed import (
    Analysis,
    InlineEngine,
    Job,
    analyse_articles,
    ingest_with_engine,
    run_jobs,
)
from dyad.document import Article
from dyad.errors import StoreError
from dyad.export import export
from dyad.ingest import IngestFailure, IngestSummary, ingest
from dyad.pipeline import STAGES
from dyad.store import DuckDBStore, WriteOutcome
from dyad.store.base import ArticleWrite, ErrorRow

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
    assert summary.sentences > 50 and set(summary.timings) == set(STAGES)


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
            for job in batch:
                article = job.article
                if article.id == self.victim and job.analyse:
                    self.victim = ""
                    analyses.append(Analysis(article.language, failure=IngestFailure(article.origin or "", "E000",
                                                                                      "worker failed: boom")))
                else:
                    analyses.extend(run_jobs([job]))
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


class RecordingEngine(InlineEngine):
    """Keeps every job it is given."""

    def __init__(self, slots: int = 2) -> None:
        super().__init__(slots)
        self.jobs: list[tuple[str, str | None, bool]] = []  # (article id, language when sent, analyse)

    def submit(self, jobs: list[Job]) -> Hashable:
        self.jobs.extend((job.article.id, job.article.language, job.analyse) for job in jobs)
        return super().submit(jobs)


def test_workers_detect_languages_and_repeats_of_undetected_articles_match(tmp_path: Path) -> None:
    dpg = [line for line in DPG_ARTICLES.read_text(encoding="utf-8").splitlines()[:12]
           if json.loads(line)["text"].strip()][:3]
    path = tmp_path / "undetected.jsonl"
    path.write_text("\n".join([dpg[0], dpg[1], dpg[0], dpg[2], dpg[1]]) + "\n", encoding="utf-8")
    single_events: list[tuple[str, str]] = []
    with DuckDBStore(tmp_path / "single.duckdb") as store:
        expected = _outcome(store, ingest([path], store, progress=lambda e, o: single_events.append((e, o))),
                            single_events, tmp_path)
    for batch_size, write_batch in ((1, 1), (2, 32)):
        events: list[tuple[str, str]] = []
        engine = RecordingEngine()
        with DuckDBStore(tmp_path / f"engine{batch_size}.duckdb") as store:
            summary = ingest_with_engine(engine, [path], store, batch_size=batch_size, write_batch=write_batch,
                                         progress=lambda e, o, sink=events: sink.append((e, o)))
            assert _outcome(store, summary, events, tmp_path) == expected
            assert events == single_events  # the same events in the same order
            # The workers detected the languages: every article went out without one, the pipeline ran
            # once per id, and a copy of an id read before went out (if at all) for its hash only.
            ids = [str(json.loads(line)["id"]) for line in (dpg[0], dpg[1], dpg[2])]
            assert all(language is None for _id, language, _analyse in engine.jobs)
            assert [i for i, _language, analyse in engine.jobs if analyse] == ids
            # A rerun finds them stored unchanged without a worker: the driver detects those itself.
            again = RecordingEngine()
            assert ingest_with_engine(again, [path], store).counts() == \
                {"done": 0, "inserted": 0, "replaced": 0, "unchanged": 5, "failed": 0}
            assert again.jobs == []


class FailingBatchStore(DuckDBStore):
    """A store on which any write holding one article fails, as a constraint or disk error would."""

    victim = ""

    def put_articles(self, items: Sequence[ArticleWrite], run_id: int | None,
                     errors: Sequence[ErrorRow] = ()) -> list[WriteOutcome]:
        for article, _hash, _extraction in items:
            if article.id == self.victim:
                raise StoreError(f"cannot write article {article.id!r}: disk on fire", source=article.origin)
        return super().put_articles(items, run_id, errors)


def test_a_write_batch_that_fails_is_written_one_by_one(corpus: list[str], tmp_path: Path) -> None:
    victim = json.loads(GOLD_ARTICLES.read_text(encoding="utf-8").splitlines()[3])["id"]
    outcomes = []
    for name in ("single", "engine"):
        events: list[tuple[str, str]] = []
        with FailingBatchStore(tmp_path / f"{name}.duckdb") as store:
            store.victim = victim
            if name == "single":
                summary = ingest(corpus, store, progress=lambda e, o, sink=events: sink.append((e, o)))
            else:
                summary = ingest_with_engine(ShuffledEngine(2), corpus, store, batch_size=2,
                                             progress=lambda e, o, sink=events: sink.append((e, o)))
            outcomes.append((_outcome(store, summary, events, tmp_path), events))
    (single, single_events), (engine, engine_events) = outcomes
    assert engine == single and engine_events == single_events
    assert victim not in engine.articles and any("disk on fire" in e[2] for e in engine.errors)


class CountingStore(DuckDBStore):
    """A store that counts its write transactions."""

    batches = 0

    def put_articles(self, items: Sequence[ArticleWrite], run_id: int | None,
                     errors: Sequence[ErrorRow] = ()) -> list[WriteOutcome]:
        self.batches += 1
        return super().put_articles(items, run_id, errors)


def test_failed_articles_are_recorded_with_the_write_batch(tmp_path: Path) -> None:
    # Four articles with an empty one after each: the failures go into the batch, in order, rather than
    # ending it (one transaction, not five).
    gold = GOLD_ARTICLES.read_text(encoding="utf-8").splitlines()[:4]
    lines = [line for i, article in enumerate(gold)
             for line in (article, json.dumps({"id": f"empty-{i}", "text": " ", "language": "nl"}))]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events: list[tuple[str, str]] = []
    with CountingStore(tmp_path / "s.duckdb") as store:
        summary = ingest_with_engine(InlineEngine(), [path], store, write_batch=100,
                                     progress=lambda e, o: events.append((e, o)))
        assert store.batches == 1
        assert [e["origin"] for e in store.errors()] == [f"{path}:{n}" for n in (2, 4, 6, 8)]
        assert len(store.article_ids()) == 4
    assert [f.origin for f in summary.failures] == [f"{path}:{n}" for n in (2, 4, 6, 8)]
    assert [e for e, _ in events if e != "start"] == ["done", "failed"] * 4
