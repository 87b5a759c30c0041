"""What the dashboard's views read beyond the record pages: an event series for the whole store, one actor
or one pair in a chosen direction with the number of articles per bucket (to normalise by), an event table
in any column's order with the actors' names and the articles' titles and links, and articles searched by
text and date.

Each is computed by the database through `Store.aggregate` (the same SQL on DuckDB and PostgreSQL; values
are parameters, column names come from fixed tables here, never from a request) and the library's
aggregates (`dyad.aggregates`, `dyad.store.aggregate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from dyad.store import RecordFilter, Store
from dyad.store.aggregate import ActorTable
from dyad.store.filters import ORDER_COLUMNS, Dialect, like_pattern
from dyad.store.pages import display_title
from dyad.store.rows import EVENTS, unflatten

Direction = Literal["either", "out", "in"]
DIRECTIONS: tuple[str, ...] = ("either", "out", "in")

#: Columns the event table can be sorted by: the name a request gives, and the SQL that orders by it.
EVENT_SORTS: dict[str, str] = {
    "date": '"date_first"',
    "source": "coalesce(\"source_actor\", \"source_country\", \"source_name\")",
    "target": "coalesce(\"target_actor\", \"target_country\", \"target_name\")",
    "cameo": '"cameo"',
    "quad_class": '"quad_class"',
    "goldstein": '"goldstein"',
    "factuality": '"factuality"',
    "confidence": '"confidence"',
    "rule": '"rule"',
    "article": '"article_id"',
}
#: Orders of the article list.
ARTICLE_SORTS: dict[str, str] = {
    "id": '"id"',
    "published": '"published" DESC NULLS LAST, "id"',
    "title": 'coalesce("title", \'\') , "id"',
}
#: How much of an article's text is read to make a title from its first words.
LEAD_CHARS = 400


@dataclass(frozen=True)
class SortedEvents:
    """A page of events matching a filter, every stored column, in the order of one column, then the
    stable order: a top-N over the matching events (the columns of the page's rows are read for those rows
    alone)."""

    where: RecordFilter
    sort: str
    descending: bool
    limit: int
    offset: int
    #: The sort column's value of the last row of the page, where known (`SortBound`): only the rows up
    #: to it (in the sort's direction) are sorted, not every matching row.
    bound: object | None = None

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        clauses, params = self.where._conditions(EVENTS, dialect)
        if self.bound is not None:
            clauses.append(f"{EVENT_SORTS[self.sort]} {'>=' if self.descending else '<='} {dialect.placeholder}")
            params.append(self.bound)
        stable = ", ".join(f'"{c}"' for c in ORDER_COLUMNS["events"])
        columns = ", ".join(f'"{c}"' for c in EVENTS.stored_columns)
        direction = "DESC" if self.descending else "ASC"
        where_sql = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        p = dialect.placeholder
        order = f"ORDER BY {EVENT_SORTS[self.sort]} {direction} NULLS LAST, {stable}"
        if dialect.row_id is None:
            return f"SELECT {columns} FROM events {where_sql} {order} LIMIT {p} OFFSET {p}", [
                *params, self.limit, self.offset]
        # Where rows have a position of their own, the top-N reads the sort columns only, and the page's
        # other columns are read for its rows alone (`EventsAt`): a filtered top-N over every column
        # read them for every matching row, seconds over 10 M events.
        return (f'SELECT {dialect.row_id} AS "_row" FROM events {where_sql} {order} LIMIT {p} OFFSET {p}',
                [*params, self.limit, self.offset])


@dataclass(frozen=True)
class SortBound:
    """The sort column's value at position `rows` (from 1) among the matching events with one, in the
    sort's direction: no row of the first `rows` in the table's order lies beyond it (NULLs sort last), so
    `SortedEvents` may leave out every row that does. A top-N over one column, where the page's top-N
    compares the sort and stable-order columns of every matching row (0.5 to 1 s over 10 M events)."""

    where: RecordFilter
    sort: str
    descending: bool
    rows: int

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        clauses, params = self.where._conditions(EVENTS, dialect)
        expression = EVENT_SORTS[self.sort]
        clauses.append(f"{expression} IS NOT NULL")
        p = dialect.placeholder
        return (f'SELECT {expression} AS "bound" FROM events WHERE {" AND ".join(clauses)} '
                f'ORDER BY 1 {"DESC" if self.descending else "ASC"} LIMIT 1 OFFSET {p}',
                [*params, self.rows - 1])


@dataclass(frozen=True)
class EventsAt:
    """Every stored column of the events at these row positions (`Dialect.row_id`), in no order."""

    rows: tuple[int, ...]

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        columns = ", ".join(f'"{c}"' for c in EVENTS.stored_columns)
        return (f'SELECT {dialect.row_id} AS "_row", {columns} FROM events '
                f"WHERE {dialect.row_id} = ANY({dialect.placeholder})", [list(self.rows)])


def event_table(store: Store, where: RecordFilter, *, sort: str, descending: bool, limit: int,
                offset: int, actor_names: dict[str, str]) -> list[dict[str, Any]]:
    """A page of events in the order of `sort`, each with `source_label` and `target_label` (the actor's
    name in the knowledge base, else the country or the words of the text) and its article's `title`,
    `url`, `source` and `published` under `article`."""
    bound = store.aggregate(SortBound(where, sort, descending, limit + offset)) if limit > 0 else []
    found = store.aggregate(SortedEvents(where, sort, descending, limit, offset,
                                         bound=bound[0]["bound"] if bound else None))
    if found and "_row" in found[0]:  # positions: the rows' columns read for them alone
        at = {row["_row"]: row for row in store.aggregate(EventsAt(tuple(int(r["_row"]) for r in found)))}
        found = [{k: v for k, v in at[r["_row"]].items() if k != "_row"} for r in found if r["_row"] in at]
    records = [unflatten(row, EVENTS) for row in found]
    ids = tuple(dict.fromkeys(str(r["article_id"]) for r in records))
    articles = {str(a["id"]): a for a in store.aggregate(ArticlesById(ids))} if ids else {}
    rows = []
    for record in records:
        stored = articles.get(str(record["article_id"]))
        rows.append({
            **record,
            "source_label": actor_label(record.get("source"), actor_names),
            "target_label": actor_label(record.get("target"), actor_names),
            "article": None if stored is None else {
                "id": stored["id"], "title": display_title(stored["title"], stored["lead"], stored["id"]),
                "url": stored["url"], "source": stored["source"], "published": stored["published"]},
        })
    return rows


@dataclass(frozen=True)
class ArticlesById:
    """The title, link, source, publication date and the first words (`lead`, for `display_title`) of
    some articles: one query for a page's articles, not one per article."""

    article_ids: tuple[str, ...]

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        marks = ", ".join(dialect.placeholder for _ in self.article_ids)
        return (f'SELECT "id", "title", "url", "source", "published", substr("text", 1, {LEAD_CHARS}) AS "lead" '
                f'FROM articles WHERE "id" IN ({marks})', list(self.article_ids))


def actor_label(slot: dict[str, Any] | None, names: dict[str, str]) -> str | None:
    """What to call an actor slot: the knowledge base's name of its actor, else its actor code or
    country, else the words of the text."""
    if not slot:
        return None
    for key in (slot.get("id"), slot.get("actor")):
        if key and key in names:
            return names[key]
    return slot.get("actor") or slot.get("country") or slot.get("name")


def mention_names(store: Store) -> dict[str, str]:
    """`actor_names` of the store's actor table without its event counts (read from the mentions alone)."""
    return actor_names(store.aggregate(ActorTable(events=False)))


def actor_names(table: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Names by knowledge-base id and by actor code (the most mentioned actor's name for a code)."""
    out: dict[str, str] = {}
    for row in table:  # most mentioned first
        if row.get("name"):
            if row.get("id"):
                out.setdefault(str(row["id"]), str(row["name"]))
            if row.get("actor"):
                out.setdefault(str(row["actor"]), str(row["name"]))
    return out


@dataclass(frozen=True)
class ArticleSearch:
    """Articles whose title or text holds `text` (case-insensitive) and whose publication date overlaps
    `since`..`until` (ISO days, inclusive), newest first; `count=True` counts them instead."""

    text: str | None
    since: str | None
    until: str | None
    limit: int = 50
    offset: int = 0
    count: bool = False
    sort: str = "id"

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        p = dialect.placeholder
        clauses: list[str] = []
        params: list[object] = []
        if self.text:
            lower = dialect.lower
            clauses.append(f"({lower.format(chr(34) + 'title' + chr(34))} LIKE {lower.format(p)} ESCAPE '\\' "
                           f"OR {lower.format(chr(34) + 'text' + chr(34))} LIKE {lower.format(p)} ESCAPE '\\')")
            pattern = like_pattern(self.text)
            params.extend([pattern, pattern])
        # A date at any precision overlaps the range when its first ten characters sort before the range's
        # last day and, followed by '~' (after every digit and '-'), after its first day.
        if self.since:
            clauses.append(f"substr(\"published\", 1, 10) || '~' >= {p}")
            params.append(self.since)
        if self.until:
            clauses.append(f'substr("published", 1, 10) <= {p}')
            params.append(self.until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        if self.count:
            return f"SELECT count(*) AS n FROM articles {where}", params
        sql = (f'SELECT "id", "title", "published", "published_precision", "language", "url", "source", '
               f'"ingested_at", substr("text", 1, {LEAD_CHARS}) AS "lead" FROM articles {where} '
               f'ORDER BY {ARTICLE_SORTS[self.sort]} LIMIT {p} OFFSET {p}')
        return sql, [*params, self.limit, self.offset]


@dataclass(frozen=True)
class RecordCounts:
    """Events (or quotes) per article, for some articles."""

    table: str
    article_ids: tuple[str, ...]

    def sql(self, dialect: Dialect) -> tuple[str, list[object]]:
        marks = ", ".join(dialect.placeholder for _ in self.article_ids)
        table = "events" if self.table == "events" else "quotes"
        return (f'SELECT "article_id", count(*) AS n FROM {table} WHERE "article_id" IN ({marks}) '
                f'GROUP BY "article_id"', list(self.article_ids))


def article_search(store: Store, *, text: str | None, since: str | None, until: str | None, limit: int,
                   offset: int, sort: str = "id") -> tuple[list[dict[str, Any]], int]:
    """A page of articles (newest first) with `display_title`, `events` and `quotes`; and how many match."""
    total = int(store.aggregate(ArticleSearch(text, since, until, count=True))[0]["n"])
    rows = store.aggregate(ArticleSearch(text, since, until, limit, offset, sort=sort))
    ids = tuple(str(r["id"]) for r in rows)
    counts: dict[str, dict[str, int]] = {}
    if ids:
        for kind in ("events", "quotes"):
            for row in store.aggregate(RecordCounts(kind, ids)):
                counts.setdefault(str(row["article_id"]), {})[kind] = int(row["n"])
    out = []
    for row in rows:
        article_id = str(row["id"])
        ingested: Any = row.get("ingested_at")
        out.append({
            "id": article_id, "title": row["title"],
            "display_title": display_title(row["title"], row.get("lead"), article_id),
            "published": row["published"], "published_precision": row["published_precision"],
            "language": row["language"], "url": row["url"], "source": row["source"],
            "ingested_at": ingested.isoformat() if hasattr(ingested, "isoformat") else ingested,
            "events": counts.get(article_id, {}).get("events", 0),
            "quotes": counts.get(article_id, {}).get("quotes", 0),
        })
    return out, total
