"""The actor knowledge base: states, organisations, national bodies and office-holders with dated terms.

Everything here is data (`dyad/actors/data/*.yaml`, `dyad/lang/<lang>/agents.yaml`); this module loads it,
checks its shape (every error names the file and the entry) and answers "who is X at date D".

Files:
    countries.yaml      states and territories: ISO alpha-3, names, adjectives, demonyms, seats of power
    organisations.yaml  international organisations with fixed codes (EU, NATO, UN, ...)
    bodies.yaml         national institutions, parties and state media (Tweede Kamer -> NLDLEG)
    persons_*.yaml      office-holders with dated terms
    ambiguity.yaml      aliases that name more than one actor, with the context words that decide
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.document import Actor, PartialDate
from dyad.errors import ConfigError
from dyad.lang.data import all_name_particles
from dyad.yamlio import parse_yaml

#: KB roles and the CAMEO agent code a term in that role gives by default.
ROLE_AGENTS: dict[str, str] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOV",
    "minister": "GOV",
    "ambassador": "GOV",
    "official": "GOV",
    "legislator": "LEG",
    "party_leader": "PTY",
    "opposition_leader": "OPP",
    "military_commander": "MIL",
    "rebel_leader": "REB",
    "judge": "JUD",
    "lawyer": "JUD",
    "union_leader": "LAB",
    "executive": "BUS",
    "academic": "EDU",
    "politician": "PTY",
    "secretary_general": "",
    "organisation_head": "",
}

#: Human-readable role names used in `Actor.role` and CLI output.
ROLE_LABELS: dict[str, str] = {k: k.replace("_", " ").replace("defence", "defence") for k in ROLE_AGENTS}

#: CAMEO agent (sector) codes accepted in data files.
AGENT_CODES = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "LEG",
        "ELI",
        "LAB",
        "REF",
        "HLH",
        "NGO",
        "IGO",
        "IMG",
        "AGR",
        "ENV",
        "SET",
        "UAF",
        "INS",
        "MOD",
        "RAD",
    ]
)

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ORG_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_PERSON_ID = re.compile(r"^[a-z0-9_]+$")

# ---------------------------------------------------------------------------------------------------
# Normalisation


_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "–": "-",
        "‐": "-",
    }
)


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Case- and accent-folded form used for every alias comparison ("Erdoğan" == "erdogan")."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold().translate(_FOLD)


def split_units(text: str) -> list[str]:
    """An alias as the resolver sees text: whitespace-separated words, hyphenated words split in parts."""
    out: list[str] = []
    for word in text.split():
        parts = [p for p in word.split("-") if p]
        out.extend(parts if len(parts) > 1 else [word.strip("-") or word])
    return out


def to_partial_date(value: Any, where: str) -> PartialDate | None:
    """A date as written in a data file: YAML date, `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or null."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return (
            PartialDate.from_date(value)
            if not isinstance(value, dt.datetime)
            else PartialDate(value.year, value.month, value.day)
        )
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value, source=where)
    raise ConfigError(f"not a date: {value!r}", source=where)


def last_day(d: PartialDate) -> dt.date:
    """The last calendar day a partial date covers."""
    if d.day is not None:
        return dt.date(d.year, d.month or 1, d.day)
    if d.month is not None:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(d.year, 12, 31)


# ---------------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: Mapping[str, tuple[str, ...]]  # language -> names and short forms
    adjectives: Mapping[str, tuple[str, ...]]
    demonyms: Mapping[str, tuple[str, ...]]
    seats: tuple[str, ...]  # capitals and seats of power that stand for the government
    kind: str = "state"  # state | territory | observer | former

    def actor(self) -> Actor:
        return Actor(id=self.iso3, name=self.name, code=self.iso3, country=self.iso3, kind="state")

    def government(self, agent: str = "GOV", role: str | None = None) -> Actor:
        return Actor(
            id=f"{self.iso3}.{agent}",
            name=f"{self.name} ({agent})",
            code=self.iso3 + agent,
            country=self.iso3,
            role=role,
            kind="government" if agent == "GOV" else "group",
        )


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    cameo: str
    names: Mapping[str, tuple[str, ...]]
    kind: str = "igo"

    def actor(self) -> Actor:
        return Actor(id=self.code, name=self.name, code=self.code, country=self.code, kind="organisation")


@dataclass(frozen=True)
class Body:
    """A national institution, party or state medium: fixed country and agent."""

    id: str
    name: str
    country: str
    agent: str
    names: Mapping[str, tuple[str, ...]]

    def actor(self) -> Actor:
        return Actor(
            id=f"body.{self.id}",
            name=self.name,
            code=self.country + self.agent,
            country=self.country,
            role=self.agent,
            kind="government" if self.agent in ("GOV", "LEG", "JUD", "MIL", "COP") else "group",
        )


@dataclass(frozen=True)
class Term:
    role: str
    start: PartialDate
    end: PartialDate | None
    country: str
    agent: str

    def covers(self, date: PartialDate) -> float:
        """Share of the date's span inside the term (1.0 fully inside, 0.0 outside)."""
        lo, hi = date.first_day(), last_day(date)
        t_lo = self.start.first_day()
        t_hi = last_day(self.end) if self.end is not None else dt.date(9999, 12, 31)
        a, b = max(lo, t_lo), min(hi, t_hi)
        if a > b:
            return 0.0
        return ((b - a).days + 1) / ((hi - lo).days + 1)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    gender: str | None
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    terms: tuple[Term, ...]
    note: str | None = None  # explanation of a disagreement with other sources (PETRARCH2 Phoenix)
    state: bool = True  # whether `country` is a state (else an organisation code)

    def term_at(self, date: PartialDate | None) -> tuple[Term | None, float]:
        """The term held at a date and how much of the date it covers; without a date the latest term."""
        if not self.terms:
            return None, 0.0
        if date is None:
            return max(self.terms, key=lambda t: t.start), 0.5
        best = max(self.terms, key=lambda t: (t.covers(date), _rank(t.role)))
        share = best.covers(date)
        return (best, share) if share > 0 else (None, 0.0)

    def actor(self, date: PartialDate | None) -> tuple[Actor, float]:
        """The person as an actor at a date, and how sure that is. Outside every term the person
        is an elite of their country (CAMEO `ELI`), as PETRARCH codes former office-holders."""
        term, share = self.term_at(date)
        if term is None:
            home = self._home(date)
            code = home if (home == self.country and not self.state) else _code(home, "ELI")
            return Actor(
                id=f"person.{self.id}", name=self.name, code=code, country=home, role=None, kind="person"
            ), 0.7
        return Actor(
            id=f"person.{self.id}",
            name=self.name,
            code=_code(term.country, term.agent),
            country=term.country,
            role=ROLE_LABELS.get(term.role, term.role),
            kind="person",
        ), (0.6 + 0.4 * share)

    def _home(self, date: PartialDate | None) -> str:
        """The country a person belongs to outside their terms: their own, or for officials of an
        organisation the state of their nearest state term (Stoltenberg -> NOR)."""
        if self.state or date is None:
            return self.country
        state_terms = [t for t in self.terms if t.agent]
        if not state_terms:
            return self.country
        day = date.first_day()
        nearest = min(
            state_terms,
            key=lambda t: min(
                abs((t.start.first_day() - day).days), abs((last_day(t.end) - day).days) if t.end else 0
            ),
        )
        return nearest.country


def _rank(role: str) -> int:
    order = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister"]
    return len(order) - order.index(role) if role in order else 0


def _code(country: str, agent: str) -> str:
    """CAMEO code of a country/organisation and an agent: RUS+GOV -> RUSGOV; organisations keep their code."""
    if not agent or not _ISO3.match(country):
        return country
    return country + agent


@dataclass(frozen=True)
class AmbiguousAlias:
    alias: str
    options: tuple[tuple[str, Actor, frozenset[str]], ...]  # (option id, actor, cue words normalised)
    default: str
    languages: tuple[str, ...]


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    ambiguous: dict[str, AmbiguousAlias] = field(default_factory=dict)  # by normalised alias

    def holders(self, country: str, role: str, date: PartialDate | None) -> list[tuple[Person, float]]:
        """Who held a role for a country at a date, best covered first."""
        out: list[tuple[Person, float]] = []
        for p in self.persons.values():
            for t in p.terms:
                if t.country == country and t.role == role:
                    share = t.covers(date) if date is not None else (1.0 if t.end is None else 0.0)
                    if share > 0:
                        out.append((p, share))
        out.sort(key=lambda x: -x[1])
        return out

    def actor_for(self, ref: str) -> Actor:
        """An actor from a reference written in data: ISO3 (state), `ISO3GOV`/`ISO3.GOV` (government),
        an organisation code, `body.<id>` or `person.<id>`."""
        if ref.startswith("person."):
            return self.persons[ref[7:]].actor(None)[0]
        if ref.startswith("body."):
            return self.bodies[ref[5:]].actor()
        if ref in self.organisations:
            return self.organisations[ref].actor()
        iso, _, agent = ref.partition(".")
        if len(iso) > 3 and not agent:
            iso, agent = ref[:3], ref[3:]
        if iso in self.countries:
            c = self.countries[iso]
            return c.government(agent) if agent else c.actor()
        raise KeyError(ref)


# ---------------------------------------------------------------------------------------------------
# Loading and schema checks


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"expected a list of non-empty strings, got {value!r}", source=where)
    return tuple(v.strip() for v in value)


def _require(entry: Mapping[str, Any], keys: Iterable[str], allowed: Iterable[str], where: str) -> None:
    if not isinstance(entry, Mapping):
        raise ConfigError(f"expected a mapping, got {entry!r}", source=where)
    missing = [k for k in keys if k not in entry]
    if missing:
        raise ConfigError(f"missing {', '.join(missing)}", source=where)
    unknown = set(entry) - set(allowed)
    if unknown:
        raise ConfigError(f"unknown field(s) {', '.join(sorted(unknown))}", source=where)


def _by_language(entry: Mapping[str, Any], prefix: str, where: str) -> dict[str, tuple[str, ...]]:
    return {lang: _strings(entry.get(f"{prefix}{lang}"), where) for lang in ("en", "nl")}


_COUNTRY_KEYS = ("iso3", "name", "kind", "en", "nl", "adj_en", "adj_nl", "dem_en", "dem_nl", "seats")


def parse_countries(data: Any, source: str) -> list[Country]:
    items = _top(data, "countries", source)
    out = []
    for n, e in enumerate(items):
        where = f"{source}: countries[{n}]"
        _require(e, ("iso3", "name", "en", "nl"), _COUNTRY_KEYS, where)
        if not _ISO3.match(str(e["iso3"])):
            raise ConfigError(f"iso3 {e['iso3']!r} is not three capital letters", source=where)
        kind = e.get("kind", "state")
        if kind not in ("state", "territory", "observer", "former"):
            raise ConfigError(f"unknown kind {kind!r}", source=where)
        out.append(
            Country(
                iso3=e["iso3"],
                name=str(e["name"]),
                kind=kind,
                names={k: v for k, v in (("en", _strings(e["en"], where)), ("nl", _strings(e["nl"], where)))},
                adjectives=_by_language(e, "adj_", where),
                demonyms=_by_language(e, "dem_", where),
                seats=_strings(e.get("seats"), where),
            )
        )
    return out


def parse_organisations(data: Any, source: str, countries: Mapping[str, Country]) -> list[Organisation]:
    items = _top(data, "organisations", source)
    out = []
    for n, e in enumerate(items):
        where = f"{source}: organisations[{n}]"
        _require(
            e, ("code", "name", "cameo", "en", "nl"), ("code", "name", "cameo", "kind", "en", "nl"), where
        )
        if not _ORG_CODE.match(str(e["code"])):
            raise ConfigError(f"code {e['code']!r} is not 2-8 capitals/digits", source=where)
        if e["code"] in countries:
            raise ConfigError(
                f"code {e['code']!r} would clash with an ISO alpha-3 country code", source=where
            )
        out.append(
            Organisation(
                code=e["code"],
                name=str(e["name"]),
                cameo=str(e["cameo"]),
                kind=str(e.get("kind", "igo")),
                names={"en": _strings(e["en"], where), "nl": _strings(e["nl"], where)},
            )
        )
    return out


def parse_bodies(data: Any, source: str, countries: Mapping[str, Country]) -> list[Body]:
    items = _top(data, "bodies", source)
    out = []
    for n, e in enumerate(items):
        where = f"{source}: bodies[{n}]"
        _require(e, ("id", "name", "country", "agent"), ("id", "name", "country", "agent", "en", "nl"), where)
        if e["country"] not in countries:
            raise ConfigError(f"unknown country {e['country']!r}", source=where)
        if e["agent"] not in AGENT_CODES:
            raise ConfigError(f"unknown agent code {e['agent']!r}", source=where)
        if not _PERSON_ID.match(str(e["id"])):
            raise ConfigError(f"id {e['id']!r} must be lower-case letters, digits and _", source=where)
        out.append(
            Body(
                id=e["id"],
                name=str(e["name"]),
                country=e["country"],
                agent=e["agent"],
                names=_by_language(e, "", where),
            )
        )
    return out


def default_surname(name: str) -> str:
    """The surname of a full name: the last word with its particles ("Ursula von der Leyen" -> "von der
    Leyen"). Names with a comma-free single word are their own surname."""
    words = name.split()
    if len(words) <= 1:
        return name
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in all_name_particles():
        i -= 1
    return " ".join(words[i:])


def parse_persons(
    data: Any, source: str, countries: Mapping[str, Country], organisations: Mapping[str, Organisation]
) -> list[Person]:
    items = _top(data, "persons", source)
    out = []
    for n, e in enumerate(items):
        where = f"{source}: persons[{n}]"
        _require(
            e,
            ("id", "name", "country", "terms"),
            ("id", "name", "country", "gender", "aliases", "surname", "terms", "note"),
            where,
        )
        if not _PERSON_ID.match(str(e["id"])):
            raise ConfigError(f"id {e['id']!r} must be lower-case letters, digits and _", source=where)
        where = f"{source}: {e['id']}"
        country = e["country"]
        if country not in countries and country not in organisations:
            raise ConfigError(f"unknown country or organisation {country!r}", source=where)
        gender = e.get("gender")
        if gender not in (None, "m", "f"):
            raise ConfigError(f"gender must be m or f, got {gender!r}", source=where)
        if not isinstance(e["terms"], list):
            raise ConfigError("terms must be a list", source=where)
        terms = []
        for t in e["terms"]:
            if not isinstance(t, list) or not 3 <= len(t) <= 5:
                raise ConfigError(f"a term is [role, start, end, agent?, country?], got {t!r}", source=where)
            role = t[0]
            if role not in ROLE_AGENTS:
                raise ConfigError(f"unknown role {role!r} (roles: {', '.join(ROLE_AGENTS)})", source=where)
            start = to_partial_date(t[1], where)
            if start is None:
                raise ConfigError(f"a term needs a start date: {t!r}", source=where)
            end = to_partial_date(t[2], where)
            if end is not None and end.first_day() < start.first_day():
                raise ConfigError(f"term ends before it starts: {t!r}", source=where)
            agent = t[3] if len(t) >= 4 and t[3] is not None else ROLE_AGENTS[role]
            if agent and agent not in AGENT_CODES:
                raise ConfigError(f"unknown agent code {agent!r}", source=where)
            tcountry = t[4] if len(t) == 5 else country
            if tcountry not in countries and tcountry not in organisations:
                raise ConfigError(f"unknown country or organisation {tcountry!r}", source=where)
            terms.append(Term(role, start, end, tcountry, agent if tcountry in countries else ""))
        aliases = _strings(e.get("aliases"), where)
        surnames = _strings(e.get("surname"), where) or (default_surname(str(e["name"])),)
        out.append(
            Person(
                id=e["id"],
                name=str(e["name"]),
                country=country,
                gender=gender,
                aliases=aliases,
                surnames=surnames,
                terms=tuple(sorted(terms, key=lambda x: x.start)),
                note=e.get("note"),
                state=country in countries,
            )
        )
    return out


def parse_ambiguity(data: Any, source: str, kb: KnowledgeBase) -> list[AmbiguousAlias]:
    items = _top(data, "ambiguous", source)
    out = []
    for n, e in enumerate(items):
        where = f"{source}: ambiguous[{n}]"
        _require(e, ("alias", "options", "default"), ("alias", "options", "default", "languages"), where)
        options = []
        for o in e["options"]:
            _require(o, ("actor", "cues"), ("actor", "cues"), where)
            try:
                actor = kb.actor_for(str(o["actor"]))
            except KeyError as exc:
                raise ConfigError(f"unknown actor {o['actor']!r}", source=where) from exc
            options.append((str(o["actor"]), actor, frozenset(norm(c) for c in _strings(o["cues"], where))))
        if e["default"] not in [o[0] for o in options]:
            raise ConfigError(f"default {e['default']!r} is not one of the options", source=where)
        langs = _strings(e.get("languages"), where) or ("nl", "en")
        out.append(AmbiguousAlias(str(e["alias"]), tuple(options), str(e["default"]), langs))
    return out


def _top(data: Any, key: str, source: str) -> list[Any]:
    if not isinstance(data, Mapping) or not isinstance(data.get(key), list):
        raise ConfigError(f"expected a top-level list `{key}`", source=source)
    return list(data[key])


def _read_yaml(path: Any, source: str) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", source=source) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc}", source=source) from exc


#: Data files beside the KB that are not part of it (coverage_gaps.yaml: declared gaps, read by the tests).
_NOT_KB = frozenset({"coverage_gaps.yaml"})


def data_files() -> list[tuple[str, Any]]:
    """The packaged data files (name, traversable), in load order."""
    folder = resources.files("dyad.actors").joinpath("data")
    files = sorted((f.name, f) for f in folder.iterdir() if f.name.endswith(".yaml") and f.name not in _NOT_KB)
    order = {"countries.yaml": 0, "organisations.yaml": 1, "bodies.yaml": 2, "ambiguity.yaml": 9}
    return sorted(files, key=lambda x: (order.get(x[0], 5), x[0]))


def build_kb(files: Sequence[tuple[str, Any]]) -> KnowledgeBase:
    """Load and check knowledge-base files; person ids and ISO codes must be unique across files."""
    kb = KnowledgeBase()
    pending_ambiguity: list[tuple[str, Any]] = []
    for name, path in files:
        source = f"dyad/actors/data/{name}" if not isinstance(path, Path) else str(path)
        data = _read_yaml(path, source)
        if not isinstance(data, Mapping):
            raise ConfigError("expected a mapping at the top level", source=source)
        if "countries" in data:
            for c in parse_countries(data, source):
                if c.iso3 in kb.countries:
                    raise ConfigError(f"duplicate country {c.iso3}", source=source)
                kb.countries[c.iso3] = c
        if "organisations" in data:
            for o in parse_organisations(data, source, kb.countries):
                if o.code in kb.organisations:
                    raise ConfigError(f"duplicate organisation {o.code}", source=source)
                kb.organisations[o.code] = o
        if "bodies" in data:
            for b in parse_bodies(data, source, kb.countries):
                if b.id in kb.bodies:
                    raise ConfigError(f"duplicate body {b.id}", source=source)
                kb.bodies[b.id] = b
        if "persons" in data:
            for p in parse_persons(data, source, kb.countries, kb.organisations):
                if p.id in kb.persons:
                    raise ConfigError(f"duplicate person {p.id}", source=source)
                kb.persons[p.id] = p
        if "ambiguous" in data:
            pending_ambiguity.append((source, data))
        if not set(data) & {"countries", "organisations", "bodies", "persons", "ambiguous"}:
            raise ConfigError("no countries, organisations, bodies, persons or ambiguous list", source=source)
    for source, data in pending_ambiguity:
        for a in parse_ambiguity(data, source, kb):
            kb.ambiguous[" ".join(norm(u) for u in split_units(a.alias))] = a
    return kb


_USER_FILES: list[Path] = []


def add_user_file(path: str | Path) -> None:
    """Add a user YAML file (same schema as the packaged files) to the knowledge base of this process."""
    p = Path(path)
    build_kb([*data_files(), (p.name, p)])  # check it before accepting it
    _USER_FILES.append(p)
    load_kb.cache_clear()


@cache
def load_kb() -> KnowledgeBase:
    """The knowledge base of this process: packaged files plus any added user files (loaded once)."""
    return build_kb([*data_files(), *((p.name, p) for p in _USER_FILES)])
