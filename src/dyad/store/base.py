"""The store interface: what ingest, export, the CLI and (later) the web API need from a database.

A backend implements the abstract methods; everything else (record shapes, filters, export) is shared.
One process writes at a time; readers may open the same store read-only.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Literal, NamedTuple, Self

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import Extraction
from dyad.store.aggregate import AggregateQuery
from dyad.store.filters import RecordFilter, RecordKey

WriteOutcome = Literal["inserted", "replaced", "unchanged"]


class ErrorRow(NamedTuple):
    """A failed input or article to record in the `errors` table, with when it failed (UTC, no zone)."""

    origin: str
    code: str
    message: str
    article_id: str | None
    at: datetime


class ArticleWrite(NamedTuple):
    """One article to write: the article, its content hash (taken before analysis) and its records."""

    article: Article
    content_hash: str
    extraction: Extraction


@dataclass(frozen=True)
class StoredArticle:
    """An article row: what was ingested, when, and by which run."""

    id: str
    content_hash: str
    published: str | None
    published_precision: str | None
    language: str | None
    title: str | None
    url: str | None
    source: str | None
    origin: str | None
    text: str
    ingested_at: str
    run_id: int | None


@dataclass(frozen=True)
class RecordPage:
    """One page of records and the position of each in the stable order (`keys[i]` is `rows[i]`'s).

    Hand a position back as `after` to read the rows that follow it (a keyset cursor: unlike an offset
    it costs the same however deep the page, and rows written before the position do not shift it).
    """

    rows: list[dict[str, Any]]
    keys: list[RecordKey]

    @property
    def last(self) -> RecordKey | None:
        """The position of the last row; None when the page is empty."""
        return self.keys[-1] if self.keys else None


def check_writes(items: Sequence[ArticleWrite]) -> None:
    """Refuse a batch that hands records over with another article, or holds an article id twice."""
    seen: set[str] = set()
    for article, _hash, extraction in items:
        if extraction.article_id != article.id:
            raise StoreError(f"records of article {extraction.article_id!r} handed over with article "
                             f"{article.id!r}", source=article.origin or article.id)
        if article.id in seen:
            raise StoreError(f"article id {article.id!r} twice in one write batch",
                             source=article.origin or article.id)
        seen.add(article.id)


def plan_writes(
    items: Sequence[ArticleWrite], stored: Mapping[str, str]
) -> tuple[list[WriteOutcome], list[str], list[ArticleWrite]]:
    """What a batch does against the hashes stored for its ids: the outcome of each item, in order, the ids
    whose old records are to be deleted, and the items to write."""
    outcomes: list[WriteOutcome] = [
        "inserted" if article.id not in stored else "unchanged" if stored[article.id] == content_hash else "replaced"
        for article, content_hash, _ in items
    ]
    replaced = [item[0].id for item, outcome in zip(items, outcomes, strict=True) if outcome == "replaced"]
    written = [item for item, outcome in zip(items, outcomes, strict=True) if outcome != "unchanged"]
    return outcomes, replaced, written


class Store(abc.ABC):
    """A database of articles and the records extracted from them."""

    #: Where the store lives (a path or URL), for messages.
    location: str
    read_only: bool

    # -- articles and records -------------------------------------------------------------------------

    @abc.abstractmethod
    def article_hash(self, article_id: str) -> str | None:
        """The content hash stored for an article id, or None when the article is not stored."""

    def put_article(self, article: Article, content_hash: str, extraction: Extraction,
                    run_id: int | None) -> WriteOutcome:
        """Write an article and its records in one transaction.

        Unchanged (same id, same hash): nothing is written. Changed: its old records are replaced. A failure
        rolls the whole article back and raises `StoreError`.
        """
        return self.put_articles([ArticleWrite(article, content_hash, extraction)], run_id)[0]

    @abc.abstractmethod
    def put_articles(self, items: Sequence[ArticleWrite], run_id: int | None,
                     errors: Sequence[ErrorRow] = ()) -> list[WriteOutcome]:
        """Write several articles and their records in ONE transaction; an outcome per item, in order.

        Each item is decided as `put_article` decides it (unchanged, replaced or inserted). `errors` are
        recorded in the same transaction, in their order, as `record_error` would record them (a batch
        writer need not end its batch to record a failure). The batch commits whole or not at all: a
        failure rolls every article and error of it back and raises `StoreError` (a caller that wants the
        others stored writes them one by one). The same article id twice in one batch, or records handed
        over with another article, is a `StoreError` before anything is written.
        """

    def article_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The content hash stored for each of these ids that is stored (absent ids are left out)."""
        out: dict[str, str] = {}
        for article_id in dict.fromkeys(article_ids):
            stored = self.article_hash(article_id)
            if stored is not None:
                out[article_id] = stored
        return out

    @abc.abstractmethod
    def get_article(self, article_id: str) -> StoredArticle | None: ...

    @abc.abstractmethod
    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""

    def article_sources(self) -> dict[str, dict[str, Any]]:
        """Every article's `title`, `url`, `source` and `published`, by id (for exports and grouping)."""
        out: dict[str, dict[str, Any]] = {}
        for article_id in self.article_ids():
            article = self.get_article(article_id)
            if article is not None:
                out[article_id] = {"title": article.title, "url": article.url, "source": article.source,
                                   "published": article.published}
        return out

    def actor_names(self) -> dict[str, str]:
        """The name of every resolved actor (knowledge-base id -> name), from the stored mentions."""
        return {m["actor_id"]: m["actor_name"] for m in self.mentions() if m.get("actor_id") and m.get("actor_name")}

    def article_records(self, article_id: str, *, article: StoredArticle | None = None) -> Extraction | None:
        """The stored records of one article, as `dyad.records.build_records` made them; None if absent.
        `article`: the article, when the caller has just read it (saves reading it again)."""
        if article is None or article.id != article_id:
            article = self.get_article(article_id)
        if article is None:
            return None
        where = RecordFilter(article_ids=(article_id,))
        return Extraction(
            article_id=article_id,
            language=article.language or "",
            published=article.published,
            events=list(self.events(where)),
            quotes=list(self.quotes(where)),
            mentions=list(self.mentions(article_id)),
        )

    def article_page(self, article_id: str) -> bytes | None:
        """The article's page as the writer rendered it (dyad.store.pages: the article, its events, quotes
        and mentions, as JSON), or None when none is kept (an absent article, a backend without pages, a
        page that cannot be rendered): the caller then reads the article and its records."""
        del article_id
        return None

    @abc.abstractmethod
    def events(self, where: RecordFilter | None = None, limit: int | None = None, offset: int = 0, *,
               after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        """Event records (FORMAT.md shape, actor slots nested) in a stable order (`filters.ORDER`).

        The filter, `after` (a position from `event_page`: rows after it only), `offset` (rows skipped)
        and `limit` (at most this many; None: all) run in the database.
        """

    @abc.abstractmethod
    def quotes(self, where: RecordFilter | None = None, limit: int | None = None, offset: int = 0, *,
               after: RecordKey | None = None) -> Iterator[dict[str, Any]]:
        """Quote records (FORMAT.md shape) in a stable order; paging as for `events`."""

    @abc.abstractmethod
    def count_events(self, where: RecordFilter | None = None, *, after: RecordKey | None = None) -> int:
        """How many events match the filter (after a position, when given), counted in the database."""

    @abc.abstractmethod
    def count_quotes(self, where: RecordFilter | None = None, *, after: RecordKey | None = None) -> int:
        """How many quotes match the filter (after a position, when given), counted in the database."""

    @abc.abstractmethod
    def event_page(self, where: RecordFilter | None = None, *, limit: int, offset: int = 0,
                   after: RecordKey | None = None) -> RecordPage:
        """A page of events (as `events`) with the position of its last row, for keyset paging."""

    @abc.abstractmethod
    def quote_page(self, where: RecordFilter | None = None, *, limit: int, offset: int = 0,
                   after: RecordKey | None = None) -> RecordPage:
        """A page of quotes (as `quotes`) with the position of its last row, for keyset paging."""

    @abc.abstractmethod
    def mentions(self, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Actor mention records, of one article or all, in a stable order."""

    # -- runs and errors ------------------------------------------------------------------------------

    @abc.abstractmethod
    def start_run(self, *, inputs: list[str], dyad_version: str) -> int:
        """Record the start of an ingest run; returns its id."""

    @abc.abstractmethod
    def finish_run(self, run_id: int, *, counts: Mapping[str, int],
                   components: Mapping[str, Mapping[str, str]]) -> None:
        """Record the end of a run: its counts and the pipeline components per language."""

    @abc.abstractmethod
    def record_error(self, run_id: int | None, *, origin: str, code: str, message: str,
                     article_id: str | None = None) -> None:
        """Record an input or article that failed (committed at once)."""

    @abc.abstractmethod
    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first."""

    @abc.abstractmethod
    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Recorded errors, of one run or all, in the order they happened."""

    # -- summaries ------------------------------------------------------------------------------------

    @abc.abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts for `dyad stats`: a plain dict.

        Keys: `articles`, `events`, `quotes`, `mentions`, `runs`, `errors` (ints); `events_by_quad_class`
        (`{1: n, 2: n, 3: n, 4: n}`); `top_dyads` (up to 10 `{"source_country", "target_country", "events"}`,
        most events first, events with both countries known); `languages` (`{code: articles}`).
        """

    def warm_up(self) -> None:
        """Pay, before the first request of a server, what the first queries of a process would: read the
        columns the aggregates and the event table filter and sort on, and bind a parameter once. A store
        whose database keeps its own cache across connections (a PostgreSQL server) has nothing to do."""
        return None

    @abc.abstractmethod
    def aggregate(self, query: AggregateQuery) -> list[dict[str, Any]]:
        """The rows of an aggregate query (`dyad.store.aggregate`), computed by the database."""

    @abc.abstractmethod
    def migrations(self) -> list[str]:
        """Names of the migrations applied, in order."""

    # -- lifetime -------------------------------------------------------------------------------------

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
