"""Ingest: read inputs, extract records, and write them to a store, one article per transaction.

Idempotent by article id and content hash: an article already stored with the same hash is skipped before
the pipeline runs; a changed one has its records replaced; a new one is inserted. Each article commits on
its own, so a batch killed at any point resumes with nothing lost and nothing duplicated. An input or
article that fails is recorded (in the summary and the store's `errors` table) and the batch goes on.

The library never prints: a caller that wants a progress bar passes a `progress` callback, called with an
event name and the article's origin:

- `"start"`: the pipeline is about to run on an article;
- `"done"`: the article and its records are committed (inserted or replaced);
- `"unchanged"`: the article was already stored with the same content;
- `"failed"`: an input or article could not be read, analysed or stored.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import dyad
from dyad.api import analyse
from dyad.document import Article
from dyad.errors import DyadError, InputError, StoreError
from dyad.pipeline import get_pipeline
from dyad.readers import read_inputs
from dyad.readers.limits import printable
from dyad.records import Extraction, build_records
from dyad.store import Store

ProgressEvent = Literal["start", "done", "unchanged", "failed"]

#: The code recorded for an unexpected exception (a bug, not bad input): the base code of `DyadError`.
UNEXPECTED_ERROR_CODE = DyadError.code


class Progress(Protocol):
    """A progress callback: `progress("done", "articles.jsonl:3")`."""

    def __call__(self, event: ProgressEvent, origin: str, /) -> None: ...


@dataclass(frozen=True)
class IngestFailure:
    """An input, or one article of it, that was not stored, and why."""

    origin: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "code": self.code, "message": self.message}


@dataclass
class IngestSummary:
    """What one ingest run did."""

    run_id: int
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    components: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def done(self) -> int:
        """Articles written by this run (new or changed)."""
        return self.inserted + self.replaced

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, outcome: str) -> bool:
        """Count what the store did with one article ("inserted", "replaced", else unchanged); whether it wrote."""
        if outcome == "inserted":
            self.inserted += 1
        elif outcome == "replaced":
            self.replaced += 1
        else:
            self.unchanged += 1
            return False
        return True

    def counts(self) -> dict[str, int]:
        return {"done": self.done, "inserted": self.inserted, "replaced": self.replaced,
                "unchanged": self.unchanged, "failed": self.failed}

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, **self.counts(), "failures": [f.to_dict() for f in self.failures]}


def pipeline_components(language: str) -> dict[str, str]:
    """Which component ran each stage for a language (recorded with the run for provenance)."""
    return get_pipeline(language).components


def _read(inputs: Iterable[str | os.PathLike[str]], language: str | None,
          follow_symlinks: bool = False) -> Iterator[tuple[str, Any]]:
    """(input, item) for every item the readers yield; an input whose reader breaks yields a failure."""
    for source in inputs:
        name = os.fspath(source)
        try:
            for item in read_inputs([name], language=language, follow_symlinks=follow_symlinks):
                yield name, item
        except Exception as exc:  # a reader bug or an unreadable input must not end the batch
            yield name, _failure_from_exception(exc, printable(name))


def _failure_from_exception(exc: BaseException, origin: str) -> IngestFailure:
    if isinstance(exc, DyadError):
        return IngestFailure(origin, exc.code, exc.message)
    return IngestFailure(origin, UNEXPECTED_ERROR_CODE, f"{type(exc).__name__}: {exc}")


def _printable_failure(failure: IngestFailure) -> IngestFailure:
    """The failure with any lone surrogate in its origin or message escaped, so that it can be stored."""
    origin, message = printable(failure.origin), printable(failure.message)
    if (origin, message) == (failure.origin, failure.message):
        return failure
    return IngestFailure(origin, failure.code, message)


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    language: str | None = None,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
) -> IngestSummary:
    """Read every input (files, folders, `-` for stdin) and store what dyad finds in each article.

    An unsupported `language` raises `LanguageError` before anything is read or recorded. Folder walks
    stay inside their folder unless `follow_symlinks` (see `dyad.readers.read_inputs`).
    """
    names = [os.fspath(source) for source in inputs]
    read_inputs([], language=language)  # validates the language now: it concerns every input
    items = (item for _source, item in _read(names, language, follow_symlinks))
    return ingest_articles(items, store, inputs=[printable(name) for name in names], progress=progress)


def ingest_articles(
    items: Iterable[Article | Any],
    store: Store,
    *,
    inputs: list[str] | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store articles (and record read failures) as `ingest` does, from articles already read.

    `items` holds `Article`s and failures: anything else with `origin`, `message` and `code` (a reader's
    `ReadFailure`, an `IngestFailure`).
    """
    run_id = store.start_run(inputs=inputs if inputs is not None else [], dyad_version=dyad.__version__)
    run = _Run(store, run_id, progress)
    try:
        for item in items:
            if isinstance(item, Article):
                run.add_article(item)
            else:
                run.add_read_failure(item)
    finally:
        # a run cut short by an exception is still closed with what it did
        store.finish_run(run_id, counts=run.summary.counts(), components=run.summary.components)
    return run.summary


class _Run:
    """One ingest run: each item's outcome goes to the store, the summary and the progress callback."""

    def __init__(self, store: Store, run_id: int, progress: Progress | None) -> None:
        self.store = store
        self.run_id = run_id
        self.progress = progress
        self.summary = IngestSummary(run_id=run_id)
        self.seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, origin) within this run

    def report(self, event: ProgressEvent, origin: str) -> None:
        if self.progress is not None:
            self.progress(event, origin)

    def fail(self, failure: IngestFailure, article_id: str | None = None) -> None:
        failure = _printable_failure(failure)
        article_id = printable(article_id) if article_id is not None else None
        self.store.record_error(self.run_id, origin=failure.origin, code=failure.code, message=failure.message,
                                article_id=article_id)
        self.summary.failures.append(failure)
        self.report("failed", failure.origin)

    def add_read_failure(self, item: Any) -> None:
        """A reader's failure (or anything else that is not an `Article`), recorded as it describes itself."""
        origin = str(getattr(item, "origin", None) or "<unknown input>")
        self.fail(IngestFailure(origin, str(getattr(item, "code", UNEXPECTED_ERROR_CODE)),
                                str(getattr(item, "message", item))))

    def add_article(self, article: Article) -> None:
        """Analyse and store an article that is new or changed; count or record every other outcome."""
        origin = article.origin or article.id
        content_hash = self._content_hash(article, origin)
        if content_hash is None or self._clashes_with_earlier(article, content_hash, origin):
            return
        if not self._needs_storing(article, content_hash, origin):
            return
        self.report("start", origin)
        extraction = self._extract(article, origin)
        if extraction is not None:
            self._put(article, content_hash, extraction, origin)

    def _content_hash(self, article: Article, origin: str) -> str | None:
        """The article's content hash; None, with the failure recorded, when it cannot be taken."""
        # The hash is taken before analysis, which fills in a detected language.
        try:
            return article.content_hash
        except Exception as exc:  # an article no reader should have let through
            self.fail(_failure_from_exception(exc, origin))
            return None

    def _clashes_with_earlier(self, article: Article, content_hash: str, origin: str) -> bool:
        """Whether an article of this id but other content came earlier in the run (recorded as a failure);
        the first origin of each id is remembered."""
        earlier = self.seen.get(article.id)
        if earlier is not None and earlier[0] != content_hash:
            message = (f"article id {article.id!r} was already read from {earlier[1]} in this batch "
                       "with other content")
            self.fail(IngestFailure(origin, InputError.code, message), article.id)
            return True
        self.seen.setdefault(article.id, (content_hash, origin))
        return False

    def _needs_storing(self, article: Article, content_hash: str, origin: str) -> bool:
        """False when the store already holds this content (counted unchanged) or cannot look the id up
        (recorded as a failure)."""
        try:
            stored_hash = self.store.article_hash(article.id)
        except Exception as exc:  # an id the store cannot take (a reader should have refused it)
            self.fail(_failure_from_exception(exc, origin))
            return False
        if stored_hash == content_hash:
            self.summary.unchanged += 1
            self.report("unchanged", origin)
            return False
        return True

    def _extract(self, article: Article, origin: str) -> Extraction | None:
        """The article's records, noting which components ran for its language; None when analysis fails."""
        try:
            doc = analyse(article)
            extraction = build_records(doc)
            if doc.language and doc.language not in self.summary.components:
                self.summary.components[doc.language] = pipeline_components(doc.language)
        except Exception as exc:  # one article's failure is recorded; the batch goes on
            self.fail(_failure_from_exception(exc, origin), article.id)
            return None
        return extraction

    def _put(self, article: Article, content_hash: str, extraction: Extraction, origin: str) -> None:
        """Write the article and its records, and count what the store did with them."""
        try:
            outcome = self.store.put_article(article, content_hash, extraction, self.run_id)
        except StoreError as exc:
            self.fail(IngestFailure(origin, exc.code, exc.message), article.id)
            return
        except Exception as exc:  # a value the store cannot take: this article fails, the batch goes on
            self.fail(_failure_from_exception(exc, origin), article.id)
            return
        self.report("done" if self.summary.count(outcome) else "unchanged", origin)

