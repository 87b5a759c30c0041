"""Ingest with many processes: Ray workers detect languages and run the pipeline, the driver reads and writes.

    from dyad.distributed import ingest_ray
    with open_store("news.duckdb") as store:
        summary = ingest_ray(["2019/"], store, workers=8)                  # a local Ray cluster
        summary = ingest_ray(["2019/"], store, address="ray://head:10001")  # an existing one

The split of work keeps everything `dyad.ingest.ingest` promises:

- the driver parses the inputs (the same readers, in the same order) but leaves language detection to the
  workers; it skips articles already stored with the same id and content hash *before* any work is sent
  out where it can tell cheaply (the language is declared or given; or the stored hash is that of the same
  text in one of the supported languages, when the driver detects the language itself to be sure), and
  hands the others to the workers in small batches, each with the hash stored under its id;
- each worker is a Ray actor holding its own pipeline (loaded once); for each article it detects the
  language where needed, takes the content hash, and runs the pipeline unless the article turns out
  stored unchanged or is a second copy of an id read earlier in the run; it sends back the hash, the
  records or why the article failed;
- the driver alone writes to the store (DuckDB allows one writer process per file), in input order,
  several articles and the failures between them per transaction (`Store.put_articles`: a batch commits
  whole or not at all; a batch that fails is written again one article per transaction, so only the bad
  article fails). Within the
  run, repeated and conflicting ids are decided in input order as `dyad.ingest` decides them. The store,
  its `errors` table and the progress events come out as a single-process run leaves them, and a run
  killed at any point resumes with nothing lost or duplicated;
- one `progress` callback, called in the driver, sees every article in input order, as `dyad.ingest`
  reports them: `"start"` (for an article the pipeline ran on, reported when its outcome is known) and
  then `"done"` once its transaction committed, or `"unchanged"` or `"failed"`.

The driver never loads a pipeline or (unless it checks a likely-unchanged article) a language model, so
its memory stays that of the readers, the store and the results in flight (at most two batches per worker,
a write batch, plus what waits behind an unfinished article).

The scheduling is separate from Ray (`Engine`), so `ingest_with_engine` runs the same driver over any
executor; `InlineEngine` runs the batches in the calling process (tests, and a baseline for benchmarks).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Hashable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import dyad
from dyad.api import analyse
from dyad.document import Article
from dyad.errors import ConfigError, InputError, StoreError
from dyad.ingest import (
    UNEXPECTED_ERROR_CODE,
    IngestFailure,
    IngestSummary,
    Progress,
    ProgressEvent,
    _failure_from_exception,
    pipeline_components,
)
from dyad.readers import SUPPORTED_LANGUAGES, read_inputs, read_undetected, resolve_language
from dyad.readers.language import normalise_language
from dyad.records import Extraction, build_records
from dyad.store import Store
from dyad.store.base import ArticleWrite, ErrorRow
from dyad.store.sql import now_utc

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_WRITE_BATCH",
    "Analysis",
    "DistributedSummary",
    "Engine",
    "InlineEngine",
    "Job",
    "ProcessEngine",
    "RayEngine",
    "analyse_articles",
    "ingest_items_with_engine",
    "ingest_ray",
    "ingest_with_engine",
    "run_jobs",
]

#: Articles per task: large enough that Ray's per-task cost (about a millisecond) vanishes against the
#: work per article (language detection and the pipeline, some 20 ms), small enough that the workers
#: finish together.
DEFAULT_BATCH_SIZE = 4

#: Articles (and failures) per store transaction in the driver; a batch is also committed when its oldest
#: entry has waited `_WRITE_DELAY_S`, and at the end. A commit and each statement cost about a millisecond
#: in the driver, which shares the workers' cores (`driver_cpu_s` of `benchmarks/bench.py`, 1,007 lines:
#: 1.3-1.5 s at 32, 1.0-1.1 s at 128, where the delay usually decides; docs/BENCHMARKS.md).
DEFAULT_WRITE_BATCH = 128
_WRITE_DELAY_S = 1.0

#: Items read before their stored hashes are looked up, in one query.
_LOOKUP_BATCH = 32

#: Entries (articles, failures, skips) that may wait behind an unfinished article before reading pauses.
_MAX_WAITING = 10_000


# ------------------------------------------------------------------------------------------ worker side


@dataclass
class Job:
    """One article for a worker: the hash stored under its id (None: not stored), whether to run the
    pipeline (False: only detect the language and take the hash), and the language to assume when the
    article declares none (None: detect it)."""

    article: Article
    stored_hash: str | None = None
    analyse: bool = True
    language: str | None = None


@dataclass
class Analysis:
    """What a worker made of one article."""

    language: str | None  # the article's language after analysis (detected when it was not given)
    extraction: Extraction | None = None
    failure: IngestFailure | None = None  # the pipeline failed on the article
    components: dict[str, str] | None = None  # which component ran each stage (for the run's provenance)
    sentences: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    content_hash: str | None = None  # taken after language detection, before analysis
    read_failure: IngestFailure | None = None  # the language could not be detected: a read failure
    unchanged: bool = False  # the hash is the one stored under the article's id (the pipeline did not run)

    @property
    def ran(self) -> bool:
        """Whether the pipeline ran on the article (successfully or not)."""
        return self.extraction is not None or self.failure is not None


def _analysis_of(article: Article, content_hash: str | None) -> Analysis:
    origin = article.origin or article.id
    try:
        doc = analyse(article)
        extraction = build_records(doc)
        components = pipeline_components(doc.language) if doc.language else None
    except Exception as exc:  # one article's failure is recorded; the batch goes on
        return Analysis(language=article.language, failure=_failure_from_exception(exc, origin),
                        content_hash=content_hash)
    return Analysis(language=article.language, extraction=extraction, components=components,
                    sentences=len(doc.sentences), timings=dict(doc.timings), content_hash=content_hash)


def run_jobs(jobs: Sequence[Job]) -> list[Analysis]:
    """What a worker does with a batch: detect languages (as the readers do), take the content hashes and
    run the pipeline where the jobs ask for it; one `Analysis` per job, in order. Nothing raises."""
    out: list[Analysis] = []
    for job in jobs:
        article = job.article
        if article.language is None:
            try:
                ready = resolve_language(article, job.language)
            except Exception as exc:  # a detector bug: the article fails as a read would
                out.append(Analysis(language=None,
                                    read_failure=_failure_from_exception(exc, article.origin or article.id)))
                continue
            if not isinstance(ready, Article):
                out.append(Analysis(language=None, read_failure=_read_failure(ready)))
                continue
        content_hash = article.content_hash  # before analysis, which changes nothing the hash covers
        unchanged = content_hash == job.stored_hash
        if unchanged or not job.analyse:
            out.append(Analysis(language=article.language, content_hash=content_hash, unchanged=unchanged))
            continue
        out.append(_analysis_of(article, content_hash))
    return out


def analyse_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Run the pipeline over articles as `dyad.ingest` does; a failing article gives an `Analysis` with a
    failure and the others go on."""
    return run_jobs([Job(article) for article in articles])


def _peak_rss_mb() -> float:
    """The largest resident set size this process has had, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if os.uname().sysname == "Darwin" else 1024), 1)


_WARM_SAMPLE = " ".join(["De minister zei dat het kabinet het plan steunt, ook al is de oppositie ertegen."] * 5)


class _Worker:
    """The body of a Ray actor: one pipeline per language, loaded on first use (or by `warm`)."""

    def warm(self, language: str) -> float:
        from dyad.pipeline import get_pipeline
        from dyad.readers import detect_language

        get_pipeline(language)
        # The detector's models load on first use: once here rather than in the first batch (a failure
        # here is met again, and reported, per article). An article-length sample loads the trigram models
        # that articles use (0.1 s); a short sample would load every n-gram model (2 s) for nothing.
        with contextlib.suppress(Exception):
            detect_language(_WARM_SAMPLE)
        return _peak_rss_mb()

    def analyse(self, jobs: list[Job]) -> list[Analysis]:
        return run_jobs(jobs)

    def peak_rss_mb(self) -> float:
        return _peak_rss_mb()


# ------------------------------------------------------------------------------------------ engines


class Engine(Protocol):
    """Runs batches of articles through the pipeline somewhere; the driver calls it from one thread."""

    @property
    def slots(self) -> int:
        """How many batches may be in flight at once."""

    @property
    def in_flight(self) -> int:
        """Batches submitted and not yet returned by `wait`."""

    def submit(self, jobs: list[Job]) -> Hashable:
        """Start a batch; returns a ticket that `wait` hands back with its results."""

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        """Block until at least one batch is finished; return every finished batch (one `Analysis` per
        job, in the batch's order, as `run_jobs` makes them). Called only while something is in flight."""


class InlineEngine:
    """Runs each batch in the calling process when `wait` is called (no parallelism)."""

    def __init__(self, slots: int = 2) -> None:
        self._slots = slots
        self._pending: dict[int, list[Job]] = {}
        self._next = 0

    @property
    def slots(self) -> int:
        return self._slots

    @property
    def in_flight(self) -> int:
        return len(self._pending)

    def submit(self, jobs: list[Job]) -> Hashable:
        ticket = self._next
        self._next += 1
        self._pending[ticket] = list(jobs)
        return ticket

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        done = [(ticket, run_jobs(batch)) for ticket, batch in self._pending.items()]
        self._pending.clear()
        return list(done)


def _ray_module() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError("the Ray engine needs Ray: pip install 'dyad[ray]'") from exc
    return ray


class _WorkerSlots:
    """Two batches in flight per worker, so that a worker never waits for the driver."""

    workers: int
    _flights: dict[Any, Any]

    @property
    def slots(self) -> int:
        return 2 * self.workers

    @property
    def in_flight(self) -> int:
        return len(self._flights)


class RayEngine(_WorkerSlots):
    """Batches on Ray actors, one actor (one CPU, one pipeline) per worker; at most two batches per actor
    in flight, so a worker never waits for the driver. Ray must be initialised (see `ingest_ray`)."""

    def __init__(self, workers: int, *, language: str | None = None) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        ray = self._ray = _ray_module()
        cpus = ray.cluster_resources().get("CPU", 0)
        if cpus < workers:
            raise ConfigError(f"the Ray cluster has {cpus:g} CPUs; {workers} workers need one each")
        self.workers = workers
        self.language = language
        self.actors: list[Any] = []  # started with the first batch: a run with nothing to do starts none
        self._load = [0] * workers  # batches in flight per actor
        self._flights: dict[Any, tuple[int, int, list[Job]]] = {}  # ref -> (ticket, actor, batch)
        self._next = 0

    def _start(self) -> list[Any]:
        if not self.actors:
            actor_class = self._ray.remote(num_cpus=1, max_restarts=1)(_Worker)
            self.actors = [actor_class.remote() for _ in range(self.workers)]
            if self.language:  # load the pipeline in every worker at once, before the first batch arrives
                for actor in self.actors:
                    actor.warm.remote(self.language)
        return self.actors

    def warm(self, language: str = "nl") -> list[float]:
        """Start the workers, load the pipeline of a language in each and wait for it; returns their RSS in
        MiB. Optional: the first batches do the same."""
        refs = [actor.warm.remote(language) for actor in self._start()]
        return list(self._ray.get(refs))

    def submit(self, jobs: list[Job]) -> Hashable:
        self._start()
        index = min(range(self.workers), key=lambda i: self._load[i])
        ref = self.actors[index].analyse.remote(list(jobs))
        ticket = self._next
        self._next += 1
        self._load[index] += 1
        self._flights[ref] = (ticket, index, list(jobs))
        return ticket

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        ray = self._ray
        refs = list(self._flights)
        ready, rest = ray.wait(refs, num_returns=1)
        if rest:
            more, _ = ray.wait(rest, num_returns=len(rest), timeout=0)
            ready = [*ready, *more]
        done: list[tuple[Hashable, list[Analysis]]] = []
        for ref in ready:
            ticket, index, batch = self._flights.pop(ref)
            self._load[index] -= 1
            try:
                analyses: list[Analysis] = ray.get(ref)
            except Exception as exc:  # the worker died or could not take the batch: each article fails
                analyses = _worker_failed(batch, exc)
            done.append((ticket, analyses))
        return done

    def peak_rss_mb(self) -> list[float]:
        """The largest RSS each worker process has had, in MiB (none when no worker was started)."""
        return list(self._ray.get([actor.peak_rss_mb.remote() for actor in self.actors]))

    def close(self) -> None:
        for actor in self.actors:
            self._ray.kill(actor)
        self.actors = []
        self._flights.clear()


def _worker_failed(batch: Sequence[Job], exc: BaseException) -> list[Analysis]:
    """Every article of a batch whose worker died or could not take it fails with the reason."""
    message = f"worker failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return [Analysis(language=job.article.language,
                     failure=IngestFailure(job.article.origin or job.article.id, UNEXPECTED_ERROR_CODE, message))
            for job in batch]


class ProcessEngine(_WorkerSlots):
    """Batches in worker processes of this machine (`concurrent.futures`), each holding its own pipelines
    (loaded on first use). The processes are started by spawn, never fork, so that a caller with threads
    (the web server) is never copied mid-lock; a process that dies fails its batch's articles, and the
    next batch starts a fresh pool."""

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._flights: dict[Future[list[Analysis]], tuple[int, list[Job]]] = {}
        self._next = 0

    def submit(self, jobs: list[Job]) -> Hashable:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("spawn"))
        ticket = self._next
        self._next += 1
        batch = list(jobs)
        try:
            future = self._pool.submit(run_jobs, batch)
        except BrokenProcessPool:
            self._pool = None
            return self.submit(batch)
        self._flights[future] = (ticket, batch)
        return ticket

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        finished, _ = futures_wait(list(self._flights), return_when=FIRST_COMPLETED)
        done: list[tuple[Hashable, list[Analysis]]] = []
        for future in finished:
            ticket, batch = self._flights.pop(future)
            try:
                analyses = future.result()
            except Exception as exc:
                if isinstance(exc, BrokenProcessPool):
                    self._pool = None  # the next batch starts a fresh pool
                analyses = _worker_failed(batch, exc)
            done.append((ticket, analyses))
        return done

    def close(self) -> None:
        """Stop the worker processes (a batch still running is abandoned)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._flights.clear()


# ------------------------------------------------------------------------------------------ driver


@dataclass
class DistributedSummary(IngestSummary):
    """An `IngestSummary` with what the workers measured: sentences analysed and seconds per stage."""

    sentences: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    worker_peak_mb: list[float] = field(default_factory=list)


@dataclass
class _Entry:
    """One item of the input, waiting for its turn to be decided and written (or reported) in input order."""

    origin: str
    article: Article | None = None
    failure: IngestFailure | None = None  # a read failure, known when it was read
    content_hash: str | None = None  # when the driver knows the language (declared, given, detected here)
    stored_unchanged: bool = False  # found stored with this hash when it was read
    job: Job | None = None  # what a worker is (or will be) asked to do
    analysis: Analysis | None = None

    @property
    def resolved(self) -> bool:
        return self.job is None or self.analysis is not None


_Op = (tuple[Literal["write"], _Entry, ArticleWrite] | tuple[Literal["error"], IngestFailure, ErrorRow]
       | tuple[Literal["event"], ProgressEvent, str])


class _Driver:
    def __init__(self, engine: Engine, store: Store, summary: DistributedSummary, progress: Progress | None,
                 batch_size: int, write_batch: int, language: str | None) -> None:
        self.engine = engine
        self.store = store
        self.summary = summary
        self.progress = progress
        self.batch_size = batch_size
        self.write_batch = write_batch
        self.language = language
        self.reading: list[Article | Any] = []  # read, not yet looked up
        self.queue: deque[_Entry] = deque()  # input order; the head is the next to decide
        self.batch: list[_Entry] = []  # jobs not yet submitted
        self.tickets: dict[Hashable, list[_Entry]] = {}
        self.read_ids: set[str] = set()  # every article id read so far (a guess at repeats, never decisive)
        self.seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, origin), decided in order
        self.pending: list[_Op] = []  # writes not yet committed, and the events that follow them
        self.pending_ids: set[str] = set()
        self.pending_writes = 0
        self.pending_since = 0.0

    # -- reading ----------------------------------------------------------------------------------------

    def add(self, item: Article | Any) -> None:
        self.reading.append(item)
        if len(self.reading) >= _LOOKUP_BATCH:
            self._take_read()

    def _take_read(self) -> None:
        """Decide what the items read so far need, with one look-up of the stored hashes for them all."""
        items, self.reading = self.reading, []
        ids = [item.id for item in items if isinstance(item, Article)]
        stored = self.store.article_hashes(ids) if ids else {}
        for item in items:
            entry = self._entry(item, stored)
            self.queue.append(entry)
            if entry.job is not None:
                self.batch.append(entry)
            # A full batch goes out (waiting for room); a partial one only while a slot is free, so that
            # the workers start at once and a slow input never leaves them idle.
            if self.batch and (len(self.batch) >= self.batch_size or self.engine.in_flight < self.engine.slots):
                self._submit()
            self._flush()
            while len(self.queue) > _MAX_WAITING and (self.engine.in_flight or self.batch):
                self._step()

    def _entry(self, item: Article | Any, stored_hashes: dict[str, str]) -> _Entry:
        if not isinstance(item, Article):
            return _Entry(str(getattr(item, "origin", None) or "<unknown input>"), failure=_read_failure(item))
        article = item
        entry = _Entry(article.origin or article.id, article)
        if article.language is None and self.language:
            article.language = self.language  # as the readers do with a given language
        first = article.id not in self.read_ids
        self.read_ids.add(article.id)
        # Looked up before the items read with this one were decided: nothing this run writes under an id
        # comes before the id's first copy, so for a first copy the hash is still the stored one.
        stored = stored_hashes.get(article.id)
        if article.language is None and stored is not None and stored in _candidate_hashes(article):
            # Likely stored unchanged: detecting the language here settles it without a worker.
            ready = resolve_language(article, None)
            if not isinstance(ready, Article):
                entry.failure = _read_failure(ready)
                return entry
        if not first:
            # Perhaps a second copy: decided at its turn (unchanged, a conflict, or analysed after all).
            if article.language is None:
                entry.job = Job(article, analyse=False)  # a worker detects the language and takes the hash
            else:
                entry.content_hash = article.content_hash
            return entry
        if article.language is None:
            entry.job = Job(article, stored_hash=stored)
            return entry
        entry.content_hash = article.content_hash
        if stored == entry.content_hash:
            entry.stored_unchanged = True
        else:
            entry.job = Job(article, stored_hash=stored)
        return entry

    def finish(self) -> None:
        self._take_read()
        self._flush()
        while self.queue or self.batch or self.engine.in_flight:
            self._step()
            self._flush()
        self._commit()

    # -- scheduling -------------------------------------------------------------------------------------

    def _step(self) -> None:
        """Make progress: send the waiting batch when there is room, else take finished batches in."""
        if self.batch and self.engine.in_flight < self.engine.slots:
            self._submit()
        elif self.engine.in_flight:
            self._collect()
        elif self.queue and not self.queue[0].resolved:  # pragma: no cover - a driver bug
            raise RuntimeError(f"article {self.queue[0].origin} is neither waiting nor in flight")

    def _submit(self) -> None:
        while self.engine.in_flight >= self.engine.slots:
            self._collect()
        entries, self.batch = self.batch, []
        jobs = [entry.job for entry in entries if entry.job is not None]
        self.tickets[self.engine.submit(jobs)] = entries

    def _collect(self) -> None:
        for ticket, analyses in self.engine.wait():
            entries = self.tickets.pop(ticket)
            if len(analyses) != len(entries):  # pragma: no cover - an engine bug
                raise ConfigError(f"the engine returned {len(analyses)} results for {len(entries)} articles")
            for entry, analysis in zip(entries, analyses, strict=True):
                entry.analysis = analysis

    # -- deciding, in input order -----------------------------------------------------------------------

    def _flush(self) -> None:
        """Decide (and write, or report) every entry at the head of the queue whose turn has come."""
        while self.queue and self.queue[0].resolved:
            if not self._decide(self.queue[0]):
                break  # sent back to a worker: the head waits for it
            self.queue.popleft()
        if self.pending and (self.pending_writes >= self.write_batch
                             or time.monotonic() - self.pending_since >= _WRITE_DELAY_S):
            self._commit()

    def _decide(self, entry: _Entry) -> bool:
        """What `dyad.ingest` does with this item, given what came before it; False when the pipeline
        still has to run on it (it is queued again)."""
        if entry.failure is not None:
            self._fail(entry.failure, None)
            return True
        article, analysis = entry.article, entry.analysis
        assert article is not None
        content_hash = entry.content_hash
        if analysis is not None:
            if analysis.read_failure is not None:
                self._fail(analysis.read_failure, None)
                return True
            if analysis.language is not None:
                article.language = analysis.language  # detected in the worker
            content_hash = analysis.content_hash or content_hash
        if content_hash is None:  # the worker failed before it took the hash
            assert analysis is not None
            self._fail(analysis.failure or IngestFailure(entry.origin, UNEXPECTED_ERROR_CODE, "no result"),
                       article.id)
            return True
        earlier = self.seen.get(article.id)
        if earlier is not None and earlier[0] != content_hash:
            message = (f"article id {article.id!r} was already read from {earlier[1]} in this batch "
                       "with other content")
            self._fail(IngestFailure(entry.origin, InputError.code, message), article.id)
            return True
        first = earlier is None
        if first:
            self.seen[article.id] = (content_hash, entry.origin)
        if analysis is not None and analysis.ran:
            self._write(entry, analysis, content_hash)
            return True
        if first and (entry.stored_unchanged or (analysis is not None and analysis.unchanged)):
            self._unchanged(entry.origin)
            return True
        if self._stored_hash(article.id) == content_hash:  # a second copy of an article now stored
            self._unchanged(entry.origin)
            return True
        entry.content_hash = content_hash
        entry.job = Job(article, stored_hash=None)
        entry.analysis = None
        self.batch.append(entry)
        return False

    def _stored_hash(self, article_id: str) -> str | None:
        if article_id in self.pending_ids:
            self._commit()
        return self.store.article_hash(article_id)

    # -- writing ----------------------------------------------------------------------------------------

    def _write(self, entry: _Entry, analysis: Analysis, content_hash: str) -> None:
        article = entry.article
        assert article is not None
        summary = self.summary
        if analysis.failure is not None or analysis.extraction is None:
            failure = analysis.failure or IngestFailure(entry.origin, UNEXPECTED_ERROR_CODE, "no records")
            self._pend(("event", "start", entry.origin))
            self._fail(failure, article.id)
            return
        summary.sentences += analysis.sentences
        for stage, seconds in analysis.timings.items():
            summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
        if article.language and analysis.components and article.language not in summary.components:
            summary.components[article.language] = dict(analysis.components)
        self._pend(("write", entry, ArticleWrite(article, content_hash, analysis.extraction)))
        self.pending_ids.add(article.id)
        entry.analysis = None  # the write batch holds the records now

    def _pend(self, op: _Op) -> None:
        """Add to the write batch; writes and errors count towards its size."""
        if not self.pending:
            self.pending_since = time.monotonic()
        self.pending.append(op)
        if op[0] != "event":
            self.pending_writes += 1

    def _unchanged(self, origin: str) -> None:
        self.summary.unchanged += 1
        if self.pending:
            self._pend(("event", "unchanged", origin))
        else:
            self._report("unchanged", origin)

    def _commit(self) -> None:
        """Write the pending articles and errors in one transaction, then report them (and the events
        between them) in input order; when the batch fails, write its articles and errors one by one, so
        that only the bad ones fail."""
        if not self.pending:
            return
        ops, self.pending = self.pending, []
        self.pending_ids.clear()
        self.pending_writes = 0
        writes = [op[2] for op in ops if op[0] == "write"]
        errors = [op[2] for op in ops if op[0] == "error"]
        try:
            outcomes = iter(self.store.put_articles(writes, self.summary.run_id, errors))
        except StoreError:
            outcomes = None
        for op in ops:
            if op[0] == "event":
                self._report(op[1], op[2])
                continue
            if op[0] == "error":
                self._recorded(op[1], op[2].article_id, written=outcomes is not None)
                continue
            entry, item = op[1], op[2]
            self._report("start", entry.origin)
            if outcomes is not None:
                outcome = next(outcomes)
            else:
                try:
                    outcome = self.store.put_article(item.article, item.content_hash, item.extraction,
                                                     self.summary.run_id)
                except StoreError as exc:
                    self._recorded(IngestFailure(entry.origin, exc.code, exc.message), item.article.id,
                                   written=False)
                    continue
            self._report("done" if self.summary.count(outcome) else "unchanged", entry.origin)

    def _fail(self, failure: IngestFailure, article_id: str | None) -> None:
        """Record a failure with the write batch (in input order, like the progress events), so that a
        failed article does not end the batch: with a few failed articles in a hundred, ending it at each
        one doubled the transactions."""
        self._pend(("error", failure, ErrorRow(failure.origin, failure.code, failure.message, article_id,
                                               now_utc())))

    def _recorded(self, failure: IngestFailure, article_id: str | None, *, written: bool) -> None:
        """Count and report a failure whose turn has come; record it in the store unless its batch did."""
        if not written:
            self.store.record_error(self.summary.run_id, origin=failure.origin, code=failure.code,
                                    message=failure.message, article_id=article_id)
        self.summary.failures.append(failure)
        self._report("failed", failure.origin)

    def _report(self, event: ProgressEvent, origin: str) -> None:
        if self.progress is not None:
            self.progress(event, origin)


def _read_failure(item: Any) -> IngestFailure:
    """A reader's failure (or anything with origin, code and message) as an `IngestFailure`."""
    origin = str(getattr(item, "origin", None) or "<unknown input>")
    return IngestFailure(origin, str(getattr(item, "code", UNEXPECTED_ERROR_CODE)), str(getattr(item, "message", item)))


def _candidate_hashes(article: Article) -> set[str]:
    """The content hashes an article without a language would have in each supported language."""
    return {dataclasses.replace(article, language=code).content_hash for code in SUPPORTED_LANGUAGES}


def _read_undetected(names: Iterable[str], follow_symlinks: bool = False) -> Iterator[Article | Any]:
    """What `dyad.readers.read_inputs` yields, in the same order, but with the language left unset where
    the input does not declare it (the workers detect it); an input whose reader breaks is a failure."""
    for name in names:
        try:
            yield from read_undetected([name], follow_symlinks=follow_symlinks)
        except Exception as exc:  # a reader bug or an unreadable input must not end the batch
            yield _failure_from_exception(exc, name)



def ingest_with_engine(
    engine: Engine,
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    language: str | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    write_batch: int = DEFAULT_WRITE_BATCH,
    follow_symlinks: bool = False,
) -> DistributedSummary:
    """`dyad.ingest.ingest` with language detection and the pipeline run by an engine; the store is
    written from this process, up to `write_batch` articles per transaction.

    An unsupported `language` raises `LanguageError` before anything is read or recorded.
    """
    names = [os.fspath(source) for source in inputs]
    read_inputs([], language=language)  # validates the language now: it concerns every input
    return ingest_items_with_engine(engine, _read_undetected(names, follow_symlinks), store, inputs=names,
                                    language=language, progress=progress, batch_size=batch_size,
                                    write_batch=write_batch)


def ingest_items_with_engine(
    engine: Engine,
    items: Iterable[Article | Any],
    store: Store,
    *,
    inputs: list[str],
    language: str | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    write_batch: int = DEFAULT_WRITE_BATCH,
) -> DistributedSummary:
    """`ingest_with_engine` over articles (and read failures) already read, as `dyad.ingest.ingest_articles`
    takes them; `inputs` is what the run records as its inputs (the web server's POSTs: `["api"]`)."""
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}")
    if write_batch < 1:
        raise ConfigError(f"write batch must be at least 1, not {write_batch}")
    default_language = normalise_language(language, source="language argument") if language else None
    run_id = store.start_run(inputs=inputs, dyad_version=dyad.__version__)
    summary = DistributedSummary(run_id=run_id)
    driver = _Driver(engine, store, summary, progress, batch_size, write_batch, default_language)
    try:
        for item in items:
            driver.add(item)
        driver.finish()
    finally:
        store.finish_run(run_id, counts=summary.counts(), components=summary.components)
    return summary


def ingest_ray(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    workers: int = 2,
    address: str | None = None,
    language: str | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    write_batch: int = DEFAULT_WRITE_BATCH,
    runtime_env: dict[str, Any] | None = None,
    follow_symlinks: bool = False,
) -> DistributedSummary:
    """Ingest as `dyad.ingest.ingest` does, with the pipeline in `workers` Ray worker processes.

    Ray: when this process has already called `ray.init`, that cluster is used (and left running);
    otherwise `address` (`"auto"`, `"ray://host:10001"`, ...) connects to an existing cluster, whose nodes
    need dyad installed or a `runtime_env` that ships it, and no address starts a local cluster of
    `workers` CPUs that is shut down at the end. Each worker takes one CPU of the cluster.
    """
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    names = [os.fspath(source) for source in inputs]
    read_inputs([], language=language)  # a bad language fails before Ray starts
    ray = _ray_module()
    started = False
    if not ray.is_initialized():
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "logging_level": logging.WARNING}
        if runtime_env is not None:
            options["runtime_env"] = runtime_env
        if address is None:
            ray.init(num_cpus=workers, **options)
        else:
            ray.init(address=address, **options)
        started = True
    try:
        engine = RayEngine(workers, language=language)
        try:
            summary = ingest_with_engine(engine, names, store, language=language, progress=progress,
                                         batch_size=batch_size, write_batch=write_batch,
                                         follow_symlinks=follow_symlinks)
            try:
                summary.worker_peak_mb = engine.peak_rss_mb()
            except Exception:  # a worker that died has no figure; the ingest itself is done
                summary.worker_peak_mb = []
            return summary
        finally:
            engine.close()
    finally:
        if started:
            ray.shutdown()
