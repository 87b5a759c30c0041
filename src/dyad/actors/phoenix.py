"""Importer for PETRARCH/TABARI actor dictionaries (the Phoenix `.actors.txt` format).

Format (PETRARCH2 docs/dictionaries.rst): records of a primary phrase with an optional default code,
`+synonym` lines, and date-restricted code lines that start with white space:

    SERGEY_LAVROV_  # CountryInfo.txt
    +LAVROV
    \t[RUSGOV 19940922-20040712] # Amb. to UN
    \t[RUSGOV >20040309]

Dates are YYMMDD or YYYYMMDD; `<date` applies before, `>date` after, `a-b` between (inclusive).
`read_actors` parses a file; `code_at` gives the code of an entry at a date; `to_kb_yaml` turns person
entries into the knowledge base's `persons` schema so a Phoenix dictionary can extend the KB
(`dyad.actors.add_user_file` on the written YAML).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import ConfigError

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Restriction:
    code: str
    start: dt.date | None  # inclusive
    end: dt.date | None  # inclusive


@dataclass
class PhoenixEntry:
    phrases: list[str]  # primary first; words separated by spaces, upper case as in the file
    default: str | None = None
    restrictions: list[Restriction] = field(default_factory=list)
    comment: str = ""
    line: int = 0
    problems: list[str] = field(default_factory=list)  # restrictions skipped as malformed (lenient mode)

    def code_at(self, date: dt.date) -> str | None:
        """The code PETRARCH gives the entry on a date: the first restriction that holds, else the default.
        A bare `[CODE]` restriction line is a default."""
        for r in self.restrictions:
            if (r.start is None or r.start <= date) and (r.end is None or date <= r.end):
                return r.code
        return self.default


def parse_date(text: str, where: str) -> dt.date:
    """YYMMDD (years < 30 are 20YY, as PETRARCH reads them) or YYYYMMDD."""
    t = text.strip()
    try:
        if len(t) == 6:
            yy = int(t[:2])
            return dt.date(2000 + yy if yy < 30 else 1900 + yy, int(t[2:4]), int(t[4:6]))
        if len(t) == 8:
            return dt.date(int(t[:4]), int(t[4:6]), int(t[6:8]))
    except ValueError as exc:
        raise ConfigError(f"bad date {text!r}: {exc}", source=where) from exc
    raise ConfigError(f"bad date {text!r} (YYMMDD or YYYYMMDD)", source=where)


def _restriction(body: str, where: str) -> Restriction | None:
    parts = body.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return Restriction(code, None, None)
    spec = "".join(parts[1:])
    if spec.startswith("<"):
        return Restriction(code, None, parse_date(spec[1:], where))
    if spec.startswith(">"):
        return Restriction(code, parse_date(spec[1:], where), None)
    if "-" in spec:
        a, b = spec.split("-", 1)
        return Restriction(code, parse_date(a, where), parse_date(b, where))
    raise ConfigError(f"bad date restriction {body!r}", source=where)


def _phrase(raw: str) -> str:
    return " ".join(w for w in raw.replace("_", " ").split())


def read_actors(lines: Iterable[str], source: str = "<actors>", strict: bool = False) -> list[PhoenixEntry]:
    """Parse a Phoenix/TABARI actor dictionary. A malformed date restriction raises `ConfigError` when
    `strict`, else it is skipped and noted in the entry's `problems` (the shipped dictionaries have a few,
    e.g. `9008223`)."""
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        content, _, comment = line.partition("#")
        if line[:1] in (" ", "\t") and content.strip().startswith("["):
            if current is None:
                raise ConfigError("a date restriction before any actor", source=where)
            for body in _CODE.findall(content):
                try:
                    r = _restriction(body, where)
                except ConfigError as exc:
                    if strict:
                        raise
                    current.problems.append(exc.message)
                    continue
                if r is not None:
                    current.restrictions.append(r)
            continue
        content = content.split(";", 1)[0]
        stripped = content.strip()
        if stripped.startswith("+"):
            if current is None:
                raise ConfigError("a synonym before any actor", source=where)
            phrase = _phrase(_CODE.sub("", stripped[1:]))
            if phrase:
                current.phrases.append(phrase)
            continue
        codes = _CODE.findall(stripped)
        phrase = _phrase(_CODE.sub("", stripped))
        if not phrase:
            continue
        current = PhoenixEntry(
            [phrase],
            codes[0].split()[0] if codes and codes[0].strip() else None,
            comment=comment.strip(),
            line=n,
        )
        entries.append(current)
    return entries


def read_actors_file(path: str | Path, strict: bool = False) -> list[PhoenixEntry]:
    p = Path(path)
    try:
        with p.open(encoding="utf-8", errors="replace") as fh:
            return read_actors(fh, str(p), strict)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc}", source=str(p)) from exc


def phrase_index(entries: Iterable[PhoenixEntry]) -> dict[str, list[PhoenixEntry]]:
    """Entries by every phrase, upper-cased ("SERGEI LAVROV" -> [entry])."""
    out: dict[str, list[PhoenixEntry]] = {}
    for e in entries:
        for p in e.phrases:
            out.setdefault(p.upper(), []).append(e)
    return out


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def to_kb_yaml(
    entries: Iterable[PhoenixEntry], countries: Mapping[str, Any]
) -> dict[str, list[dict[str, Any]]]:
    """Person-like entries (date-restricted codes of a known country + agent) as KB `persons`; codes
    outside the KB's countries are left out. Roles are `official` (Phoenix does not name offices)."""
    persons: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in entries:
        terms = []
        for r in e.restrictions:
            country, agent = r.code[:3], r.code[3:6]
            if country not in countries or r.start is None:
                continue
            role = "official" if agent in ("GOV", "") else None
            if role is None:
                continue
            terms.append(["official", _iso(r.start), _iso(r.end), "GOV", country])
        if not terms:
            continue
        name = e.phrases[0].title()
        pid = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        if not pid or pid in seen:
            continue
        seen.add(pid)
        persons.append(
            {
                "id": f"phoenix_{pid}",
                "name": name,
                "country": terms[0][4],
                "aliases": [p.title() for p in e.phrases[1:] if len(p.split()) > 1][:20],
                "terms": terms,
                "note": f"imported from a Phoenix dictionary, line {e.line}",
            }
        )
    return {"persons": persons}
