"""The alias index: every name the knowledge base knows, as token-unit keys, compiled once per language.

A key is a tuple of folded units (`split_units` + `norm`): "het Witte Huis" -> ("het", "witte", "huis").
Lookups are dictionary hits over windows of text units, longest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dyad.actors.kb import KnowledgeBase, load_kb, norm, split_units
from dyad.actors.lexicon import Lexicon, load_lexicon

Key = tuple[str, ...]

#: Kinds of alias: country (name), seat (capital, seat of power), adjective, demonym, org, body,
#: person (full name or variant), surname, ambiguous.
KINDS = ("country", "seat", "adjective", "demonym", "org", "body", "person", "surname", "ambiguous")


@dataclass(frozen=True)
class Alias:
    kind: str
    ref: str  # ISO3, organisation code, body id, person id, or the ambiguous alias key
    surface: tuple[str, ...]  # the alias units as written (for the case check)


@dataclass(frozen=True)
class AliasIndex:
    language: str
    entries: dict[Key, tuple[Alias, ...]]
    max_len: int
    first: frozenset[str]


def _case_ok(alias_unit: str, text_unit: str) -> bool:
    """Acronyms must match in case ("VS", not "vs"); capitalised alias words must be capitalised in text."""
    letters = [c for c in alias_unit if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return text_unit.upper() == text_unit or text_unit == alias_unit
    if alias_unit[:1].isupper():
        return text_unit[:1].isupper()
    return True


def case_matches(alias: Alias, text_units: list[str]) -> bool:
    return all(_case_ok(a, t) for a, t in zip(alias.surface, text_units, strict=False))


def _add(
    entries: dict[Key, list[Alias]], text: str, kind: str, ref: str, determiners: frozenset[str]
) -> None:
    units = split_units(text)
    if not units:
        return
    forms = [units]
    if len(units) > 1 and norm(units[0]) in determiners:
        forms.append(units[1:])  # "het Witte Huis" also as "Witte Huis"
    for f in forms:
        key = tuple(norm(u) for u in f)
        alias = Alias(kind, ref, tuple(f))
        bucket = entries.setdefault(key, [])
        if alias not in bucket:
            bucket.append(alias)


def build_index(kb: KnowledgeBase, lex: Lexicon) -> AliasIndex:
    lang = lex.language
    e: dict[Key, list[Alias]] = {}
    det = lex.determiners
    for c in kb.countries.values():
        for name in c.names.get(lang, ()):
            _add(e, name, "country", c.iso3, det)
        for adj in c.adjectives.get(lang, ()):
            for form in lex.inflect(adj):
                _add(e, form, "adjective", c.iso3, det)
        for dem in c.demonyms.get(lang, ()) or lex.demonyms_of(c.adjectives.get(lang, ())):
            _add(e, dem, "demonym", c.iso3, det)
        for seat in c.seats:
            _add(e, seat, "seat", c.iso3, det)
    for o in kb.organisations.values():
        for name in o.names.get(lang, ()):
            _add(e, name, "org", o.code, det)
    for b in kb.bodies.values():
        for name in (*b.names.get(lang, ()), *(b.names.get("en", ()) if lang != "en" else ())):
            _add(e, name, "body", b.id, det)
    for p in kb.persons.values():
        for name in (p.name, *p.aliases):
            _add(e, name, "person", p.id, det)
        for s in p.surnames:
            _add(e, s, "surname", p.id, det)
    for key, amb in kb.ambiguous.items():
        if lang in amb.languages:
            e[tuple(key.split(" "))] = [Alias("ambiguous", key, tuple(split_units(amb.alias)))]
    # One person of a people ("de Nederlander", "een Belg"): singulars of the demonyms by the language's
    # endings, where the form names nothing else ("Fransen" -> "Frans" is the adjective and stays one)
    for c in kb.countries.values():
        for dem in c.demonyms.get(lang, ()):
            single = lex.singular_demonym(dem)
            if single and tuple(norm(u) for u in split_units(single)) not in e:
                _add(e, single, "demonym", c.iso3, det)
    # Full names win over surnames that happen to be the same string ("Wang Yi"): keep both, person first.
    order = {k: i for i, k in enumerate(KINDS)}
    entries = {k: tuple(sorted(v, key=lambda a: order[a.kind])) for k, v in e.items()}
    return AliasIndex(lang, entries, max(len(k) for k in entries), frozenset(k[0] for k in entries))


@cache
def get_index(language: str) -> AliasIndex:
    return build_index(load_kb(), load_lexicon(language))


def clear_caches() -> None:
    """Forget compiled indexes (after a user file was added to the knowledge base)."""
    get_index.cache_clear()
