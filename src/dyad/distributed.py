"""Ingest with many processes: the pipeline runs in Ray workers, the driver reads, decides and writes.

    from dyad.distributed import ingest_ray
    with open_store("news.duckdb") as store:
        summary = ingest_ray(["2019/"], store, workers=8)                  # a local Ray cluster
        summary = ingest_ray(["2019/"], store, address="ray://head:10001")  # an existing one

The split of work keeps everything `dyad.ingest.ingest` promises:

- the driver reads the inputs (the same readers, in the same order), skips articles already stored with the
  same id and content hash *before* any work is sent out, and hands the others to the workers in small
  batches;
- each worker is a Ray actor holding its own pipeline (loaded once); it sends back the records of each
  article, or why the article failed;
- the driver alone writes to the store (DuckDB allows one writer process per file), each article in its own
  transaction, in input order: the store, its `errors` table and the progress events come out as a
  single-process run leaves them, and a run killed at any point resumes with nothing lost or duplicated;
- one `progress` callback, called in the driver, sees every article: `"start"` when it is sent to a worker,
  then `"done"`, `"unchanged"` or `"failed"` in input order.

The driver never loads a pipeline, so its memory stays that of the readers, the store and the results in
flight (at most two batches per worker, plus what waits behind an unfinished article).

The scheduling is separate from Ray (`Engine`), so `ingest_with_engine` runs the same driver over any
executor; `InlineEngine` runs the batches in the calling process (tests, and a baseline for benchmarks).
"""

from __future__ import annotations

import logging
import os
import resource
from collections import deque
from collections.abc import Hashable, Iterable, Sequence
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
    _read,
    pipeline_components,
)
from dyad.readers import read_inputs
from dyad.records import Extraction, build_records
from dyad.store import Store

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Analysis",
    "DistributedSummary",
    "Engine",
    "InlineEngine",
    "RayEngine",
    "analyse_articles",
    "ingest_ray",
    "ingest_with_engine",
]

#: Articles per task: large enough that Ray's per-task cost (about a millisecond) vanishes against the
#: pipeline's (a quarter of a second per article), small enough that the workers finish together.
DEFAULT_BATCH_SIZE = 4

#: Entries (articles, failures, skips) that may wait behind an unfinished article before reading pauses.
_MAX_WAITING = 10_000


# ------------------------------------------------------------------------------------------ worker side


@dataclass
class Analysis:
    """What the pipeline made of one article, as a worker sends it back."""

    language: str | None  # the article's language after analysis (detected when it was not given)
    extraction: Extraction | None = None
    failure: IngestFailure | None = None
    components: dict[str, str] | None = None  # which component ran each stage (for the run's provenance)
    sentences: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def analyse_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Run the pipeline over articles as `dyad.ingest` does; a failing article gives an `Analysis` with a
    failure and the others go on."""
    out: list[Analysis] = []
    for article in articles:
        origin = article.origin or article.id
        try:
            doc = analyse(article)
            extraction = build_records(doc)
            components = pipeline_components(doc.language) if doc.language else None
        except Exception as exc:  # one article's failure is recorded; the batch goes on
            out.append(Analysis(language=article.language, failure=_failure_from_exception(exc, origin)))
            continue
        out.append(Analysis(language=article.language, extraction=extraction, components=components,
                            sentences=len(doc.sentences), timings=dict(doc.timings)))
    return out


def _peak_rss_mb() -> float:
    """The largest resident set size this process has had, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if os.uname().sysname == "Darwin" else 1024), 1)


class _Worker:
    """The body of a Ray actor: one pipeline per language, loaded on first use (or by `warm`)."""

    def warm(self, language: str) -> float:
        from dyad.pipeline import get_pipeline

        get_pipeline(language)
        return _peak_rss_mb()

    def analyse(self, articles: list[Article]) -> list[Analysis]:
        return analyse_articles(articles)

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

    def submit(self, articles: list[Article]) -> Hashable:
        """Start a batch; returns a ticket that `wait` hands back with its results."""

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        """Block until at least one batch is finished; return every finished batch (one `Analysis` per
        article, in the batch's order). Called only while something is in flight."""


class InlineEngine:
    """Runs each batch in the calling process when `wait` is called (no parallelism)."""

    def __init__(self, slots: int = 2) -> None:
        self._slots = slots
        self._pending: dict[int, list[Article]] = {}
        self._next = 0

    @property
    def slots(self) -> int:
        return self._slots

    @property
    def in_flight(self) -> int:
        return len(self._pending)

    def submit(self, articles: list[Article]) -> Hashable:
        ticket = self._next
        self._next += 1
        self._pending[ticket] = list(articles)
        return ticket

    def wait(self) -> list[tuple[Hashable, list[Analysis]]]:
        done = [(ticket, analyse_articles(batch)) for ticket, batch in self._pending.items()]
        self._pending.clear()
        return list(done)


def _ray_module() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError("the Ray engine needs Ray: pip install 'dyad[ray]'") from exc
    return ray


class RayEngine:
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
        self._flights: dict[Any, tuple[int, int, list[Article]]] = {}  # ref -> (ticket, actor, batch)
        self._next = 0

    @property
    def slots(self) -> int:
        return 2 * self.workers

    @property
    def in_flight(self) -> int:
        return len(self._flights)

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

    def submit(self, articles: list[Article]) -> Hashable:
        self._start()
        index = min(range(self.workers), key=lambda i: self._load[i])
        ref = self.actors[index].analyse.remote(list(articles))
        ticket = self._next
        self._next += 1
        self._load[index] += 1
        self._flights[ref] = (ticket, index, list(articles))
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
                message = f"worker failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                analyses = [Analysis(language=a.language,
                                     failure=IngestFailure(a.origin or a.id, UNEXPECTED_ERROR_CODE, message))
                            for a in batch]
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


# ------------------------------------------------------------------------------------------ driver


@dataclass
class DistributedSummary(IngestSummary):
    """An `IngestSummary` with what the workers measured: sentences analysed and seconds per stage."""

    sentences: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    worker_peak_mb: list[float] = field(default_factory=list)


_Kind = Literal["failure", "unchanged", "repeat", "analyse"]


@dataclass
class _Entry:
    """One item of the input, waiting for its turn to be written (or reported) in input order."""

    kind: _Kind
    origin: str
    article: Article | None = None
    content_hash: str = ""
    failure: IngestFailure | None = None
    analysis: Analysis | None = None

    @property
    def resolved(self) -> bool:
        return self.kind != "analyse" or self.analysis is not None


class _Driver:
    def __init__(self, engine: Engine, store: Store, summary: DistributedSummary, progress: Progress | None,
                 batch_size: int) -> None:
        self.engine = engine
        self.store = store
        self.summary = summary
        self.progress = progress
        self.batch_size = batch_size
        self.queue: deque[_Entry] = deque()  # input order; the head is the next to write
        self.batch: list[_Entry] = []  # read, not yet submitted
        self.tickets: dict[Hashable, list[_Entry]] = {}
        self.seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, origin) within this run

    # -- reading ----------------------------------------------------------------------------------------

    def add(self, item: Article | Any) -> None:
        self.queue.append(self._entry(item))
        # A full batch goes out (waiting for room); a partial one only while a slot is free, so that the
        # workers start at once and a slow input never leaves them idle.
        if self.batch and (len(self.batch) >= self.batch_size or self.engine.in_flight < self.engine.slots):
            self._submit()
        self._flush()
        while len(self.queue) > _MAX_WAITING and (self.engine.in_flight or self.batch):
            self._step()

    def _entry(self, item: Article | Any) -> _Entry:
        if not isinstance(item, Article):
            origin = str(getattr(item, "origin", None) or "<unknown input>")
            failure = IngestFailure(origin, str(getattr(item, "code", UNEXPECTED_ERROR_CODE)),
                                    str(getattr(item, "message", item)))
            return _Entry("failure", origin, failure=failure)
        article = item
        origin = article.origin or article.id
        # The hash is taken before analysis, which fills in a detected language.
        content_hash = article.content_hash
        earlier = self.seen.get(article.id)
        if earlier is not None and earlier[0] != content_hash:
            message = (f"article id {article.id!r} was already read from {earlier[1]} in this batch "
                       "with other content")
            return _Entry("failure", origin, article, content_hash, IngestFailure(origin, InputError.code, message))
        if earlier is not None:
            # The same article again: unchanged once the first copy is written, decided at its turn.
            return _Entry("repeat", origin, article, content_hash)
        self.seen[article.id] = (content_hash, origin)
        if self.store.article_hash(article.id) == content_hash:
            return _Entry("unchanged", origin, article, content_hash)
        entry = _Entry("analyse", origin, article, content_hash)
        self.batch.append(entry)
        return entry

    def finish(self) -> None:
        self._flush()
        while self.queue or self.batch or self.engine.in_flight:
            self._step()
            self._flush()

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
        articles = [entry.article for entry in entries if entry.article is not None]
        self.tickets[self.engine.submit(articles)] = entries
        for entry in entries:
            self._report("start", entry.origin)

    def _collect(self) -> None:
        for ticket, analyses in self.engine.wait():
            entries = self.tickets.pop(ticket)
            if len(analyses) != len(entries):  # pragma: no cover - an engine bug
                raise ConfigError(f"the engine returned {len(analyses)} results for {len(entries)} articles")
            for entry, analysis in zip(entries, analyses, strict=True):
                entry.analysis = analysis

    # -- writing ----------------------------------------------------------------------------------------

    def _flush(self) -> None:
        """Write (or report) every entry at the head of the queue whose turn has come."""
        while self.queue and self.queue[0].resolved:
            entry = self.queue[0]
            if entry.kind == "repeat":
                assert entry.article is not None
                if self.store.article_hash(entry.article.id) != entry.content_hash:
                    # The first copy was not stored (it failed): this one is analysed in its own right.
                    entry.kind = "analyse"
                    self.batch.append(entry)
                    return
                entry.kind = "unchanged"
            self.queue.popleft()
            self._write(entry)

    def _write(self, entry: _Entry) -> None:
        article = entry.article
        summary = self.summary
        if entry.kind == "failure":
            assert entry.failure is not None
            self._fail(entry.failure, article.id if article is not None else None)
            return
        assert article is not None
        if entry.kind == "unchanged":
            summary.unchanged += 1
            self._report("unchanged", entry.origin)
            return
        analysis = entry.analysis
        assert analysis is not None
        article.language = analysis.language
        if analysis.failure is not None or analysis.extraction is None:
            failure = analysis.failure or IngestFailure(entry.origin, UNEXPECTED_ERROR_CODE, "no records")
            self._fail(failure, article.id)
            return
        summary.sentences += analysis.sentences
        for stage, seconds in analysis.timings.items():
            summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
        if article.language and analysis.components and article.language not in summary.components:
            summary.components[article.language] = dict(analysis.components)
        try:
            outcome = self.store.put_article(article, entry.content_hash, analysis.extraction, summary.run_id)
        except StoreError as exc:
            self._fail(IngestFailure(entry.origin, exc.code, exc.message), article.id)
            return
        entry.analysis = None  # the records are written: let them go
        if outcome == "inserted":
            summary.inserted += 1
        elif outcome == "replaced":
            summary.replaced += 1
        else:
            summary.unchanged += 1
            self._report("unchanged", entry.origin)
            return
        self._report("done", entry.origin)

    def _fail(self, failure: IngestFailure, article_id: str | None) -> None:
        self.store.record_error(self.summary.run_id, origin=failure.origin, code=failure.code,
                                message=failure.message, article_id=article_id)
        self.summary.failures.append(failure)
        self._report("failed", failure.origin)

    def _report(self, event: ProgressEvent, origin: str) -> None:
        if self.progress is not None:
            self.progress(event, origin)


def ingest_with_engine(
    engine: Engine,
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    language: str | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> DistributedSummary:
    """`dyad.ingest.ingest` with the pipeline run by an engine; the store is written from this process.

    An unsupported `language` raises `LanguageError` before anything is read or recorded.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}")
    names = [os.fspath(source) for source in inputs]
    read_inputs([], language=language)  # validates the language now: it concerns every input
    run_id = store.start_run(inputs=names, dyad_version=dyad.__version__)
    summary = DistributedSummary(run_id=run_id)
    driver = _Driver(engine, store, summary, progress, batch_size)
    try:
        for _source, item in _read(names, language):
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
    runtime_env: dict[str, Any] | None = None,
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
                                         batch_size=batch_size)
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
