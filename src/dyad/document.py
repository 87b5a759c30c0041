"""The one document object passed along the pipeline, and the annotations the stages put on it.

Like spaCy's `Doc`, a `Document` owns the text; every annotation refers to it by character offsets
(and token indices), never by a copy of the text. Stages fill the lists in pipeline order:

    language layer -> tokens, sentences, names
    actor resolver -> mentions
    quote finder   -> quotes (before events: statements inside quotes belong to the speaker)
    event coder    -> events
    time resolver  -> timexes, and the `date` of events and quotes
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from dyad.errors import DateError


class Precision(str, Enum):
    """How much of a date the source supports."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    TIME = "time"


_ISO_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a precision: `2021`, `2021-03`, `2021-03-23` or `2021-03-23T10:15:00`."""

    year: int
    month: int | None = None
    day: int | None = None
    time: str | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.time is not None and self.day is None:
            raise ValueError("a time needs a day")
        # Validate the calendar date itself (31 February is not a date), and the time of day (25:00 is not).
        date(self.year, self.month or 1, self.day or 1)
        if self.time is not None:
            datetime.strptime(self.time, "%H:%M:%S")

    @property
    def precision(self) -> Precision:
        if self.time is not None:
            return Precision.TIME
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.time is not None:
            out += f"T{self.time}"
        return out

    def __str__(self) -> str:
        return self.iso()

    def first_day(self) -> date:
        """The earliest calendar day the date covers (for ordering and relative arithmetic)."""
        return date(self.year, self.month or 1, self.day or 1)

    def truncate(self, precision: Precision) -> PartialDate:
        """The same date at a coarser precision (never finer than it is)."""
        order = [Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.TIME]
        keep = min(order.index(precision), order.index(self.precision))
        return PartialDate(
            self.year,
            self.month if keep >= 1 else None,
            self.day if keep >= 2 else None,
            self.time if keep >= 3 else None,
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        if isinstance(value, datetime):
            return cls(value.year, value.month, value.day, value.strftime("%H:%M:%S"))
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str, *, source: str | None = None) -> PartialDate:
        """Parse ISO 8601 at any of the four precisions; raise `DateError` naming the input otherwise."""
        cleaned = text.strip()
        match = _ISO_DATE.match(cleaned)
        if not match:
            raise DateError(f"unparseable date {text!r} (expected ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD "
                            "or a full timestamp)", source=source)
        try:
            month = int(match["month"]) if match["month"] else None
            day = int(match["day"]) if match["day"] else None
            time = match["time"]
            if time is not None and len(time) == 5:
                time += ":00"
            if time is not None:
                time = time[:8]
            return cls(int(match["year"]), month, day, time)
        except ValueError as exc:
            raise DateError(f"invalid date {text!r}: {exc}", source=source) from exc


@dataclass
class Article:
    """One news article as read from an input, before any analysis."""

    id: str
    text: str
    published: PartialDate | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from: "path", "path:line", "<stdin>"

    @property
    def content_hash(self) -> str:
        """What decides whether a re-ingested article changed: its text and all its metadata (date,
        language, title, url, source); `id` names the article and `origin` is only where it was read."""
        h = hashlib.sha256()
        for part in (self.text, self.published.iso() if self.published else "", self.language or "",
                     self.title or "", self.url or "", self.source or ""):
            # surrogatepass: a lone surrogate (a reader lets none through) must not crash the hash either
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass
class Token:
    """A token: offsets into the document text, plus what the language layer knows of it."""

    i: int
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""  # Universal POS tag
    tag: str = ""  # language-specific tag
    morph: str = ""  # UD features, "Number=Sing|Tense=Past"
    head: int = -1  # index of the head token, -1 for the root or when there is no parse
    dep: str = ""  # UD relation
    whitespace: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Sentence:
    """A sentence: character offsets and the half-open token range [token_start, token_end)."""

    index: int
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass
class Name:
    """A named entity found by the language layer (PER, LOC, ORG, MISC)."""

    start: int
    end: int
    token_start: int
    token_end: int
    label: str
    sentence: int


@dataclass(frozen=True)
class Actor:
    """A resolved identity: a state, an organisation, a government body or a person in a role."""

    id: str  # stable knowledge-base id: "RUS", "RUS.GOV", "person.sergei_lavrov"
    name: str  # canonical display name
    code: str  # CAMEO-style actor code: "RUSGOV", "USA", "NATO"
    country: str | None  # ISO alpha-3, or an organisation code ("EU", "NATO", "UN")
    role: str | None = None  # "foreign minister", "head of state", agent noun ...
    kind: str = "state"  # state | government | organisation | person | group


@dataclass
class Mention:
    """A stretch of text that refers to an actor (a name, a noun phrase, a pronoun)."""

    start: int
    end: int
    token_start: int
    token_end: int
    sentence: int
    actor: Actor | None
    confidence: float = 1.0
    rule: str = ""  # how it was resolved: "kb.alias", "coref.pronoun", ...
    antecedent: int | None = None  # index into Document.mentions for coreferent mentions
    #: names a people by its demonym ("Venezolanen"): the state's people, not its government
    people: bool = False


@dataclass
class ActorRef:
    """The actor slot of an event or quote as written to records."""

    name: str  # the text as it stands in the article
    actor: str | None = None  # CAMEO actor code
    country: str | None = None
    actor_id: str | None = None
    mention: int | None = None  # index into Document.mentions
    #: "anonymous" for a source the text does not name ("volgens bronnen", "naar verluidt"): its record has
    #: no name, its `kind`, and the words that stand for it as `phrase`; None for every other actor
    kind: str | None = None
    #: the words that name a quote's speaker where the text attributes the quote ("the Ohio senator",
    #: "he", "Reyes"), when they differ from `name` (what they resolve to: "Tom Reyes"); recorded as
    #: `phrase`
    phrase: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        if self.kind == "anonymous":
            return {"name": None, "actor": self.actor, "country": self.country, "id": self.actor_id,
                    "kind": self.kind, "phrase": self.name}
        out = {"name": self.name, "actor": self.actor, "country": self.country, "id": self.actor_id}
        if self.phrase is not None and self.phrase != self.name:
            out["phrase"] = self.phrase
        return out

    @classmethod
    def from_mention(cls, doc: Document, index: int) -> ActorRef:
        m = doc.mentions[index]
        a = m.actor
        return cls(
            name=doc.text[m.start : m.end],
            actor=a.code if a else None,
            country=a.country if a else None,
            actor_id=a.id if a else None,
            mention=index,
        )


class Factuality(str, Enum):
    ACTUAL = "actual"
    POSSIBLE = "possible"
    NEGATED = "negated"


@dataclass
class Event:
    """One coded event: who did what to whom, with the evidence for it."""

    sentence: int  # index into Document.sentences
    source: ActorRef
    target: ActorRef
    cameo: str
    quad_class: int
    goldstein: float
    plover: str | None
    factuality: Factuality
    trigger: str  # the trigger as written, discontinuous parts joined with " ... "
    trigger_start: int
    trigger_end: int
    rule: str
    confidence: float = 1.0
    date: PartialDate | None = None
    date_rule: str | None = None  # which temporal expression (or fallback) dated it
    place: Place | None = None  # where it happened, when the sentence says (the places stage)


@dataclass(frozen=True)
class Place:
    """Where an event happened: a gazetteer entry (GeoNames, through `dyad.gazetteer`) and the words naming it.

    `country` is the ISO 3166 alpha-3 code (as actors' countries are); `lat`/`lon` are WGS84 degrees (a
    country is placed at its capital, a US state at its largest city); `kind` is city, state or country.
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    geonameid: int | None = None
    text: str = ""  # the name as written in the sentence
    start: int = 0  # character offsets of `text` in the article
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The record's `place` field: name, country, lat, lon."""
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass
class Quote:
    """Something a speaker said: a direct, partial or indirect quotation."""

    sentence: int  # index of the sentence where the quote starts
    speaker: ActorRef | None
    text: str
    kind: str  # direct | partial | indirect
    cue: str | None  # the speech verb or marker ("zei", "volgens", "aldus")
    #: offsets of the quoted text; an attribution inside reported speech ("…, zegt hij, …", "… is volgens
    #: Bos …") lies within [start, end) but is left out of `text`
    start: int
    end: int
    rule: str
    confidence: float = 1.0
    date: PartialDate | None = None
    #: the speaker reports what others did or said ("volgens X ..."): an informant, not the doer
    informant: bool = False


@dataclass
class Timex:
    """A temporal expression and the date it resolves to against the publication date."""

    start: int
    end: int
    sentence: int
    value: PartialDate | None  # None when it cannot be resolved (e.g. a day against a month)
    kind: str  # date | relative | duration | range
    rule: str


@dataclass
class Document:
    """An article with everything the pipeline found in it."""

    article: Article
    language: str = ""
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    warnings: list[str] = field(default_factory=list)  # work bounds that applied (dyad.pipeline)
    _sentence_starts: tuple[Any, list[int]] = field(default=((), []), repr=False, compare=False)
    _mention_index: tuple[Any, dict[int, list[int]]] = field(default=((), {}), repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def span_text(self, start: int, end: int) -> str:
        return self.article.text[start:end]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.article.text[s.start : s.end]

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        return self.tokens[s.token_start : s.token_end]

    def sentence_of_offset(self, offset: int) -> int | None:
        """Index of the sentence that contains a character offset (a binary search: sentences are in text
        order)."""
        key = (id(self.sentences), len(self.sentences))
        if self._sentence_starts[0] != key:
            self._sentence_starts = (key, [s.start for s in self.sentences])
        starts = self._sentence_starts[1]
        at = bisect.bisect_right(starts, offset) - 1
        if at >= 0:
            s = self.sentences[at]
            if s.start <= offset < s.end:
                return s.index
        return None

    def mentions_in(self, sentence: int) -> list[int]:
        """Indices into `mentions` of the mentions in one sentence, in text order.

        The index by sentence is built once for the list of mentions as it stands (its identity, length,
        first and last mention), so that asking for every sentence costs linear time, not quadratic."""
        mentions = self.mentions
        key = (id(mentions), len(mentions), id(mentions[0]) if mentions else 0, id(mentions[-1]) if mentions else 0)
        if self._mention_index[0] != key:
            index: dict[int, list[int]] = {}
            for i, m in enumerate(mentions):
                index.setdefault(m.sentence, []).append(i)
            self._mention_index = (key, index)
        found = self._mention_index[1].get(sentence, [])
        if any(i >= len(mentions) or mentions[i].sentence != sentence for i in found):  # changed in place
            self._mention_index = ((), {})
            return [i for i, m in enumerate(mentions) if m.sentence == sentence]
        return list(found)
