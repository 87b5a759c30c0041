"""The API's answers as pydantic models: what `/openapi.json` declares for each endpoint.

Every model allows fields beyond those declared (`extra="allow"`): the records carry what the pipeline
writes (FORMAT.md), and a field added there reaches clients without a change here. The declared fields
are those a client can rely on.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Envelope(Open):
    ok: bool = Field(description="true for an answer, false for an error (with `error`).")


class ErrorAnswer(BaseModel):
    ok: bool = Field(False, description="always false")
    error: str = Field(description="what went wrong, naming the parameter when one is at fault")


class ActorSlot(Open):
    name: str | None = Field(None, description="the words of the text")
    actor: str | None = Field(None, description="CAMEO actor code (RUSGOV)")
    country: str | None = Field(None, description="country or organisation code (RUS, NATO)")
    id: str | None = Field(None, description="knowledge-base id of the actor")


class Event(Open):
    article_id: str
    sentence: str | None = None
    sentence_index: int | None = None
    source: ActorSlot | None = None
    target: ActorSlot | None = None
    cameo: str | None = Field(None, description="CAMEO event code")
    quad_class: int | None = Field(None, description="1 verbal cooperation .. 4 material conflict")
    goldstein: float | None = Field(None, description="Goldstein weight, -10 .. +10")
    plover: str | None = None
    factuality: str | None = Field(None, description="actual, possible or negated")
    date: str | None = Field(None, description="ISO date at the precision the text gives (2021, 2021-03, ...)")
    date_rule: str | None = None
    trigger: str | None = None
    rule: str | None = Field(None, description="the rule (or model) that found the event")
    confidence: float | None = None
    language: str | None = None


class Quote(Open):
    article_id: str
    speaker: ActorSlot | None = None
    text: str | None = None
    kind: str | None = Field(None, description="direct, partial or indirect")
    cue: str | None = None
    sentence: str | None = None
    sentence_index: int | None = None
    date: str | None = None


class Listing(Envelope):
    total: int = Field(description="rows matching, over all pages")
    offset: int | None = Field(description="offset of this page (null for a page read after a cursor)")
    next: int | None = Field(description="offset of the next page; null on the last")


class EventPage(Listing):
    rows: list[Event]
    next_cursor: str | None = Field(None, description="token for cursor= to read the next page")


class QuotePage(Listing):
    rows: list[Quote]
    next_cursor: str | None = None


class ArticleLink(Open):
    id: str
    title: str = Field(description="the title, or the article's first words when it has none")
    url: str | None = None
    source: str | None = None
    published: str | None = None


class TableEvent(Event):
    source_label: str | None = Field(None, description="the source actor's name (knowledge base), else its code")
    target_label: str | None = Field(None, description="the target actor's name (knowledge base), else its code")
    article: ArticleLink | None = None


class EventTable(Listing):
    rows: list[TableEvent]
    sort: str
    order: str


class ArticleSummary(Open):
    id: str
    title: str | None = None
    display_title: str | None = Field(None, description="the title, or the first words of the text")
    published: str | None = None
    published_precision: str | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    events: int = 0
    quotes: int = 0


class ArticleList(Listing):
    rows: list[ArticleSummary]


class ArticleDetail(ArticleSummary):
    text: str
    origin: str | None = None


class ArticleAnswer(Envelope):
    article: ArticleDetail
    events: list[Event]
    quotes: list[Quote]
    mentions: list[dict[str, Any]]


class Actor(Open):
    id: str | None = None
    actor: str | None = None
    name: str | None = None
    country: str | None = None
    kind: str | None = None
    mentions: int = 0
    articles: int = 0
    events: int = 0


class ActorList(Listing):
    rows: list[Actor]


class StatsAnswer(Envelope):
    stats: dict[str, Any]
    writable: bool


class SeriesPoint(Open):
    bucket: str = Field(description="label: 2021-03-17, 2021-W11, 2021-03 or 2021")
    start: str = Field(description="first day of the bucket")
    end: str = Field(description="last day of the bucket (inclusive)")
    events: int
    quad: dict[str, int] = Field(description="events per quad class, keys 1 to 4")
    cooperation: int
    conflict: int
    goldstein: float = Field(description="summed Goldstein weight")
    goldstein_mean: float | None = None


class DyadPoint(SeriesPoint):
    a_to_b: int
    b_to_a: int


class DyadSeries(Envelope):
    a: str
    b: str
    bucket: str
    directed: bool
    points: list[DyadPoint]
    totals: dict[str, Any]
    excluded: dict[str, int]


class EventSeriesPoint(SeriesPoint):
    articles: int = Field(description="articles published in the bucket (to normalise by)")


class EventSeries(Envelope):
    actor: str | None
    partner: str | None
    direction: str
    bucket: str
    points: list[EventSeriesPoint]
    totals: dict[str, Any]
    excluded: dict[str, int]


class NetworkNode(Open):
    id: str
    events: int
    out: int = Field(description="events as source")
    in_: int = Field(alias="in", description="events as target")


class NetworkEdge(Open):
    source: str
    target: str
    events: int
    goldstein_mean: float | None = None


class Network(Envelope):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class CountSeries(Envelope):
    bucket: str
    points: list[dict[str, Any]]
    totals: dict[str, Any]
    excluded: dict[str, int]


class TopDyad(NetworkEdge):
    quad: dict[str, int]
    goldstein: float


class TopDyads(Envelope):
    by: str
    dyads: list[TopDyad]


#: Error answers every read endpoint may give.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorAnswer, "description": "a parameter that cannot be used"},
    422: {"model": ErrorAnswer, "description": "a parameter of the wrong type or out of range"},
    503: {"model": ErrorAnswer, "description": "the store is busy or the request took too long"},
}
