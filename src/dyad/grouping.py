"""Reports of one event across articles: event records grouped, as GDELT counts NumArticles/NumSources.

Two reports are of the same event when they have the same dyad (each side's actor code, else its country)
and the same CAMEO root, their dates are compatible (their periods overlap or lie at most `MAX_DAYS`
apart; an undated report is compatible with any date), and their sentences are worded alike (the Jaccard
similarity of their content words is at least `MIN_SIMILARITY`). Groups are the connected reports
(single linkage). A group's id is the smallest event id among its reports, so it is stable while its
reports are; its representative is the report with the highest confidence (then the smallest id).

`sources` counts the distinct publishers of a group's articles: the article's `source`, else its URL's
host; articles with neither are not counted (so `sources` may be 0).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dyad.store.rows import date_bounds

if TYPE_CHECKING:
    from dyad.store import RecordFilter, Store

MIN_SIMILARITY = 0.5
MAX_DAYS = 3

_WORD = re.compile(r"[^\W_]+")


@dataclass
class EventGroup:
    """One event and the reports of it."""

    group_id: str
    representative: dict[str, Any]
    reports: list[dict[str, Any]]
    articles: int
    sources: int

    def to_dict(self) -> dict[str, Any]:
        """The representative report with the group's fields: `group_id`, `num_reports`, `num_articles`,
        `num_sources`, `report_ids` (the event ids of its reports)."""
        return {**self.representative, "group_id": self.group_id, "num_reports": len(self.reports),
                "num_articles": self.articles, "num_sources": self.sources,
                "report_ids": [r["event_id"] for r in self.reports]}


def _side(record: Mapping[str, Any], slot: str) -> str | None:
    side = record.get(slot) or {}
    return side.get("actor") or side.get("country")


def _words(sentence: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if len(w) > 2)


def similarity(a: str | None, b: str | None) -> float:
    """Jaccard similarity of the content words (3 letters or more) of two sentences."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def dates_compatible(a: str | None, b: str | None, max_days: int = MAX_DAYS) -> bool:
    """Whether two record dates can be of one event: either undated, or periods at most `max_days` apart."""
    if a is None or b is None:
        return True
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return True
    gap = timedelta(days=max_days)
    return ba[0] <= bb[1] + gap and bb[0] <= ba[1] + gap


def publisher(article: Mapping[str, Any] | None) -> str | None:
    """The publisher of an article: its `source`, else its URL's host."""
    if not article:
        return None
    if article.get("source"):
        return str(article["source"])
    url = article.get("url")
    return urlsplit(str(url)).hostname if url else None


def group_events(events: Iterable[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]] | None = None, *,
                 min_similarity: float = MIN_SIMILARITY, max_days: int = MAX_DAYS) -> list[EventGroup]:
    """Group event records (with `event_id`) into events; `articles` maps an article id to its `source` and
    `url` (for `sources`). Groups come in the order of their first report."""
    records = [dict(e) for e in events]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[Any, ...], list[int]] = {}
    for i, record in enumerate(records):
        cameo = record.get("cameo") or ""
        blocks.setdefault((_side(record, "source"), _side(record, "target"), cameo[:2]), []).append(i)
    words = [_words(r.get("sentence")) for r in records]
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if find(i) == find(j):
                    continue
                if not dates_compatible(records[i].get("date"), records[j].get("date"), max_days):
                    continue
                wi, wj = words[i], words[j]
                if wi and wj and len(wi & wj) / len(wi | wj) >= min_similarity:
                    parent[find(j)] = find(i)
    members_of: dict[int, list[int]] = {}
    for i in range(len(records)):
        members_of.setdefault(find(i), []).append(i)
    groups: list[EventGroup] = []
    for indices in sorted(members_of.values(), key=lambda m: m[0]):
        reports = [records[i] for i in indices]
        representative = min(reports, key=lambda r: (-(r.get("confidence") or 0.0), r["event_id"]))
        article_ids = {r["article_id"] for r in reports}
        publishers = {publisher((articles or {}).get(a)) for a in article_ids} - {None}
        groups.append(EventGroup(group_id=min(r["event_id"] for r in reports), representative=representative,
                                 reports=reports, articles=len(article_ids), sources=len(publishers)))
    return groups


def store_groups(store: Store, where: RecordFilter | None = None) -> list[EventGroup]:
    """The events of a store that pass a filter, grouped (every match is read: grouping looks across
    articles)."""
    return group_events(store.events(where), store.article_sources())
