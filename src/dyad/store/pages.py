"""Article pages: each article with its events, quotes and actor mentions as one rendered JSON document,
kept in the `article_pages` table (migration 0006_article_pages) so that reading an article page is one
look-up by key instead of an article and three tables of records.

A page is made by the writer in the transaction that writes the article, so it is the page a reader
would compute from the tables at any moment after the commit: never stale, never different. The writer
renders it from the rows it has just inserted, as the tables give them back (`written_pages`: each value
as its column's kind reads back, an int in a float column as a float); an article holding a value whose
read-back cannot be told in memory (a bool, a NumPy number, a str where a number goes) gets its page from
the rows the transaction reads back (`render_pages`), as the migration makes the stored articles' pages.
An article replaced by a re-ingest gets a new page in the same transaction; a page goes whenever its
article's rows go. Rendered as the web API renders JSON (Starlette's `JSONResponse`: UTF-8, no ASCII
escapes, no spaces); a page that cannot be rendered (a NaN) is not kept, and a reader computes it from
the tables as before (`Store.article_page` is None).

The document: `{"article": {...}, "events": [...], "quotes": [...], "mentions": [...]}`; the API answers
it with `"ok": true` in front (`dyad.serve`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dyad.store.base import ArticleWrite, StoredArticle
from dyad.store.filters import ORDER_COLUMNS
from dyad.store.rows import EVENTS, MENTIONS, QUOTES, ColumnKind, RecordShape, unflatten

logger = logging.getLogger(__name__)

#: Longest title made from an article's first words when it has none.
TITLE_FALLBACK_CHARS = 90
#: Articles whose pages one query reads back and renders (migration and write batches).
PAGE_BATCH = 500

#: Stored articles whose pages the migration renders at most. Rendering costs about 3 ms an article, so a
#: store of a million articles would take most of an hour to open after an upgrade; a larger store's pages
#: are computed by the reader as before (`Store.article_page` is None) until its articles are written again.
MIGRATION_PAGE_LIMIT = 20_000

#: A backend's "rows of this query as dicts", read inside the writer's transaction.
Fetch = Callable[[str, list[object]], list[dict[str, Any]]]
#: The record shapes of a page, in the page's order.
SHAPES: tuple[RecordShape, ...] = (EVENTS, QUOTES, MENTIONS)
#: Largest int a float column takes exactly (a float64's 53-bit mantissa).
_EXACT_INT = 2 ** 53


def display_title(title: str | None, text: str | None, article_id: str) -> str:
    """An article's title; without one, its first words (up to `TITLE_FALLBACK_CHARS`); else its id."""
    if title and title.strip():
        return title.strip()
    words = " ".join((text or "").split())
    if not words:
        return article_id
    first = words.split(". ")[0]
    if len(first) > TITLE_FALLBACK_CHARS:
        first = first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"
    return first


def sorted_records(rows: list[dict[str, Any]], shape: RecordShape) -> list[dict[str, Any]]:
    """Stored rows of one article as records, in the stable order (`ORDER_COLUMNS`, ascending, NULLs
    last), sorted here: an article has a few dozen rows, and a sort in the database (DuckDB) costs more
    than reading them."""
    columns = ORDER_COLUMNS[shape.table]
    rows.sort(key=lambda row: [(row[c] is None, row[c]) for c in columns])
    return [unflatten(row, shape) for row in rows]


def article_summary(article: StoredArticle) -> dict[str, Any]:
    """The `article` object of a page: the stored fields, the title to show, the text and the origin."""
    return {"id": article.id, "title": article.title, "published": article.published,
            "published_precision": article.published_precision, "language": article.language,
            "url": article.url, "source": article.source, "ingested_at": article.ingested_at,
            "display_title": display_title(article.title, article.text, article.id),
            "text": article.text, "origin": article.origin}


def render(document: dict[str, Any]) -> bytes:
    """JSON bytes as the web API renders an answer (Starlette's `JSONResponse.render`)."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")


def render_pages(fetch: Fetch, placeholder: str, article_ids: Sequence[str]) -> list[tuple[str, bytes]]:
    """The page of each of these stored articles, read back through `fetch` (one query per table for
    all of them); articles not stored, and pages that cannot be rendered (a NaN), are left out."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return []
    any_of = f"= ANY({placeholder})"
    articles = fetch(f'SELECT * FROM articles WHERE "id" {any_of}', [ids])
    by_table: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for shape in SHAPES:
        columns = ", ".join(f'"{c}"' for c in shape.stored_columns)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in fetch(f'SELECT {columns} FROM {shape.table} WHERE "article_id" {any_of}', [ids]):
            grouped.setdefault(str(row["article_id"]), []).append(row)
        by_table[shape.table] = grouped
    out = []
    for row in articles:
        row["ingested_at"] = row["ingested_at"].isoformat()
        article = StoredArticle(**row)
        page = render_page(article, {table: grouped.get(article.id, []) for table, grouped in by_table.items()})
        if page is not None:
            out.append((article.id, page))
    return out


def render_page(article: StoredArticle, rows: dict[str, list[dict[str, Any]]]) -> bytes | None:
    """The page of an article from its stored rows (`shape.table` -> rows as read back, in any order);
    None when it cannot be rendered (a NaN or an infinity)."""
    document: dict[str, Any] = {"article": article_summary(article)}
    for shape in SHAPES:
        document[shape.table] = sorted_records(rows.get(shape.table, []), shape)
    try:
        return render(document)
    except ValueError:  # NaN or infinity: the reader computes the page (and fails) as without pages
        return None


def _read_back(value: Any, kind: ColumnKind) -> Any:
    """A value as a column of this kind gives it back; `_Unknown` when that is not certain here."""
    if value is None:
        return None
    cls = type(value)
    if kind == "str":
        if cls is str:
            return value
    elif kind == "int":
        if cls is int:
            return value
    elif cls is float:
        return value
    elif cls is int and -_EXACT_INT <= value <= _EXACT_INT:
        return float(value)
    raise _Unknown


class _Unknown(Exception):
    """A value whose read-back is not certain in memory (the page is read back from the tables)."""


def _page_columns(shape: RecordShape) -> tuple[str, ...]:
    """The columns a page reads of a row: the record's, its position and `extra`."""
    return tuple(dict.fromkeys((shape.index_column, *shape.flat_columns, "extra")))


_PAGE_COLUMNS = {shape.table: _page_columns(shape) for shape in SHAPES}


def written_pages(items: Sequence[ArticleWrite], ingested_at: datetime, run_id: int | None,
                  rows: dict[str, list[dict[str, Any]]]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The pages of articles just written, from what the writer wrote: the articles (`ingested_at`,
    `run_id` as in their rows) and the flat rows (`dyad.store.rows.flatten`) it inserted, `shape.table` ->
    rows of all of them. Byte for byte the page `render_pages` makes from the rows read back. Returns the
    pages, and the ids of the articles whose page must be read back (`_read_back` is not certain of a
    value); pages that cannot be rendered (a NaN) are in neither."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {article.id: {} for article, _, _ in items}
    unknown: set[str] = set()
    for shape in SHAPES:
        columns = [(c, shape.kind(c)) for c in _PAGE_COLUMNS[shape.table]]
        for row in rows.get(shape.table, []):
            article_id = str(row["article_id"])
            try:
                stored = {c: _read_back(row[c], kind) for c, kind in columns}
            except _Unknown:
                unknown.add(article_id)
                continue
            grouped.setdefault(article_id, {}).setdefault(shape.table, []).append(stored)
    stamp = ingested_at.isoformat()
    pages: list[tuple[str, bytes]] = []
    back: list[str] = []
    for article, content_hash, extraction in items:
        published = article.published
        try:
            stored_article = StoredArticle(
                id=article.id, content_hash=content_hash, published=published.iso() if published else None,
                published_precision=published.precision.value if published else None,
                language=_read_back(extraction.language or article.language, "str"),
                title=_read_back(article.title, "str"), url=_read_back(article.url, "str"),
                source=_read_back(article.source, "str"), origin=_read_back(article.origin, "str"),
                text=_read_back(article.text, "str"), ingested_at=stamp, run_id=run_id)
        except _Unknown:
            unknown.add(article.id)
        else:
            if article.id not in unknown and type(article.id) is str:
                page = render_page(stored_article, grouped[article.id])
                if page is not None:
                    pages.append((article.id, page))
                continue
        back.append(article.id)
    return pages, back


@dataclass(frozen=True)
class WrittenArticles:
    """The articles a writer has just written, with what it wrote: their pages are rendered from these in
    memory (`written_pages`)."""

    items: Sequence[ArticleWrite]
    ingested_at: datetime
    run_id: int | None
    rows: dict[str, list[dict[str, Any]]]


def fill_pages(fetch: Fetch, placeholder: str, articles: Sequence[str] | WrittenArticles,
               insert: Callable[[list[tuple[str, bytes]]], None]) -> None:
    """Render and `insert` the pages of these articles, `PAGE_BATCH` at a time: articles just written
    (`WrittenArticles`) from what the writer wrote, except those `written_pages` leaves to the rows read
    back through `fetch`; stored articles (their ids) from the rows read back."""
    article_ids: Sequence[str]
    if isinstance(articles, WrittenArticles):
        pages, article_ids = written_pages(articles.items, articles.ingested_at, articles.run_id, articles.rows)
        if pages:
            insert(pages)
    else:
        article_ids = articles
    for start in range(0, len(article_ids), PAGE_BATCH):
        pages = render_pages(fetch, placeholder, article_ids[start:start + PAGE_BATCH])
        if pages:
            insert(pages)


def pages_to_render_on_migration(article_ids: Sequence[str]) -> Sequence[str]:
    """The stored articles whose pages the migration renders: all of them up to `MIGRATION_PAGE_LIMIT`,
    else none (a page is a copy the reader can do without, and a partial set would be no faster to use)."""
    if len(article_ids) > MIGRATION_PAGE_LIMIT:
        logger.warning("article_pages: %d stored articles, more than %d; their pages are computed when read "
                       "and kept when an article is written again", len(article_ids), MIGRATION_PAGE_LIMIT)
        return []
    return article_ids
