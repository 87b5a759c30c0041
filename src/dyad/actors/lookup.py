"""`lookup(name, date)`: the knowledge base's candidates for a name, best first (for the CLI and the API)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dyad.actors.index import get_index
from dyad.actors.kb import Person, load_kb, norm, split_units
from dyad.document import Actor, PartialDate


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    country: str | None
    actor: str  # CAMEO actor code
    role: str | None
    confidence: float
    kind: str
    match: str  # which alias kind matched: country, seat, person, surname, ...

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _from_actor(a: Actor, conf: float, match: str) -> Candidate:
    return Candidate(a.id, a.name, a.country, a.code, a.role, round(conf, 3), a.kind, match)


def _person(p: Person, date: PartialDate | None, base: float, match: str) -> Candidate:
    actor, conf = p.actor(date)
    return _from_actor(actor, base * conf, match)


def lookup(
    name: str, date: PartialDate | None = None, languages: tuple[str, ...] = ("nl", "en")
) -> list[Candidate]:
    """Every actor the name can stand for at the date, best first. Matching ignores case and accents;
    a name that is only part of a person's name ("Lavrov", "Wang") finds the persons who bear it."""
    kb = load_kb()
    key = tuple(norm(u) for u in split_units(name))
    found: dict[str, Candidate] = {}

    def add(c: Candidate) -> None:
        if c.id not in found or found[c.id].confidence < c.confidence:
            found[c.id] = c

    for lang in languages:
        for alias in get_index(lang).entries.get(key, ()):
            if alias.kind == "country":
                add(_from_actor(kb.countries[alias.ref].actor(), 0.95, alias.kind))
            elif alias.kind == "adjective" or alias.kind == "demonym":
                add(_from_actor(kb.countries[alias.ref].actor(), 0.7, alias.kind))
            elif alias.kind == "seat":
                add(_from_actor(kb.countries[alias.ref].government(), 0.9, alias.kind))
            elif alias.kind == "org":
                add(_from_actor(kb.organisations[alias.ref].actor(), 0.95, alias.kind))
            elif alias.kind == "body":
                add(_from_actor(kb.bodies[alias.ref].actor(), 0.9, alias.kind))
            elif alias.kind == "person":
                add(_person(kb.persons[alias.ref], date, 1.0, alias.kind))
            elif alias.kind == "surname":
                add(_person(kb.persons[alias.ref], date, 0.9, alias.kind))
            elif alias.kind == "ambiguous":
                amb = kb.ambiguous[alias.ref]
                for ref, actor, _cues in amb.options:
                    add(_from_actor(actor, 0.6 if ref == amb.default else 0.4, "ambiguous"))
    if not found and key:
        # Partial names: every person whose name contains all the given words.
        words = set(key)
        for p in kb.persons.values():
            names = [tuple(norm(u) for u in split_units(n)) for n in (p.name, *p.aliases)]
            if any(words <= set(n) for n in names):
                add(_person(p, date, 0.6, "partial"))
    return sorted(found.values(), key=lambda c: (-c.confidence, c.name))
