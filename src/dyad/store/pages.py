"""Article pages: each article with its events, quotes and actor mentions as one rendered JSON document,
kept in the `article_pages` table (migration 0006_article_pages) so that reading an article page is one
look-up by key instead of an article and three tables of records.

A page is made by the writer in the transaction that writes the article, from the rows as that
transaction reads them back (`render_pages`), so it is the page a reader would compute from the tables at
any moment after the commit: never stale, never different. An article replaced by a re-ingest gets a new
page in the same transaction; a page goes whenever its article's rows go. Rendered as the web API renders
JSON (Starlette's `JSONResponse`: UTF-8, no ASCII escapes, no spaces); a page that cannot be rendered
(a NaN) is not kept, and a reader computes it from the tables as before (`Store.article_page` is None).

The document: `{"article": {...}, "events": [...], "quotes": [...], "mentions": [...]}`; the API answers
it with `"ok": true` in front (`dyad.serve`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from dyad.store.base import StoredArticle
from dyad.store.filters import ORDER_COLUMNS
from dyad.store.rows import EVENTS, MENTIONS, QUOTES, RecordShape, unflatten

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
    for shape in (EVENTS, QUOTES, MENTIONS):
        columns = ", ".join(f'"{c}"' for c in shape.stored_columns)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in fetch(f'SELECT {columns} FROM {shape.table} WHERE "article_id" {any_of}', [ids]):
            grouped.setdefault(str(row["article_id"]), []).append(row)
        by_table[shape.table] = grouped
    out = []
    for row in articles:
        row["ingested_at"] = row["ingested_at"].isoformat()
        article = StoredArticle(**row)
        document: dict[str, Any] = {"article": article_summary(article)}
        for shape in (EVENTS, QUOTES, MENTIONS):
            document[shape.table] = sorted_records(by_table[shape.table].get(article.id, []), shape)
        try:
            out.append((article.id, render(document)))
        except ValueError:  # NaN or infinity: the reader computes the page (and fails) as without pages
            continue
    return out


def fill_pages(fetch: Fetch, placeholder: str, article_ids: Sequence[str],
               insert: Callable[[list[tuple[str, bytes]]], None]) -> None:
    """Render and `insert` the pages of these articles, `PAGE_BATCH` at a time."""
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
