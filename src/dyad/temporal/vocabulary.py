"""The per-language vocabulary of the time resolver, read from `dyad/lang/<lang>/temporal.yaml`.

Every word or phrase of the file is tokenised like the text and entered in one phrase table that maps
it to canonical features ("month"=3, "mod"="past", "unit"="week", ...). The engine only sees features.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dyad.errors import ConfigError
from dyad.lang.data import load_language_data

#: Words (letters or digits) and single non-space characters; shared by the vocabulary and the engine.
TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)

Feature = tuple[str, Any]

_UNITS = frozenset({"day", "week", "weekend", "month", "quarter", "year", "decade", "century"})


def split_words(text: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in TOKEN_RE.finditer(text))


@dataclass
class Vocabulary:
    language: str
    phrases: dict[tuple[str, ...], list[Feature]] = field(default_factory=dict)
    max_len: int = 1
    weekday_words: dict[str, int] = field(default_factory=dict)
    weekday_suffixes: tuple[str, ...] = ()
    month_needs_day: frozenset[str] = frozenset()
    #: words between a month written together with a part of the day and its year ("een januaridag in 2016")
    month_year_joins: frozenset[str] = frozenset()
    not_tomorrow_after: frozenset[str] = frozenset()
    ordinal_suffixes: tuple[str, ...] = ()
    year_cues: frozenset[tuple[str, ...]] = frozenset()
    determiners: frozenset[str] = frozenset()
    #: the determiners that are never a pronoun or a verb: a plain participle after them is attributive
    articles: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    future_words: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    #: the past forms of the perfect auxiliaries ("had gedreigd": a deed before the narrative's time)
    pluperfect_auxiliaries: frozenset[str] = frozenset()
    past_forms: frozenset[str] = frozenset()
    weak_past_endings: tuple[str, ...] = ()
    sure_weak_past_endings: tuple[str, ...] = ()
    participle_prefixes: tuple[str, ...] = ()
    #: the participle marker inside a word ("ge" of "aangekondigd"), after a particle of at most
    #: `participle_particle_max` letters; empty where the language has none
    participle_infix: str = ""
    participle_particle_max: int = 0
    #: the separable particles the marker may follow ("aan" of "aangekondigd"); when given, a word with the
    #: marker after anything else is no participle ("partijgenoot")
    participle_particles: frozenset[str] = frozenset()
    #: endings of a participle with the marker ("gegeven", "gemeld") and of one with a prefix ("verklaard")
    participle_endings: tuple[str, ...] = ()
    prefixed_participle_endings: tuple[str, ...] = ()
    #: the ending of an inflected adjective or participle ("de aangepaste deal")
    inflection_endings: tuple[str, ...] = ()
    #: the endings of an infinitive (a lemma): a weak past form needs a verb lemma so ended
    infinitive_endings: tuple[str, ...] = ()
    #: what the present participle adds to the infinitive ("dreigend", "dreigende"): an adjective, no past form
    present_participle_suffixes: tuple[str, ...] = ()
    #: words that open a relative clause (its time dates the noun's clause only)
    relative_openers: frozenset[str] = frozenset()
    #: words that open a clause reported by the verb before it ("zei dinsdag dat ...")
    complement_openers: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    #: clause openers that join two main clauses ("en", "maar"): the clause after one depends on no other
    coordinators: frozenset[str] = frozenset()
    #: words that open a reporting clause inserted after a comma ("..., zo stelt de aanklager, ...")
    inserted_report_openers: frozenset[str] = frozenset()
    plural_units: frozenset[str] = frozenset()
    stretch_singular: frozenset[str] = frozenset()
    not_year_before: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()
    #: vague times ("onlangs", "in de maanden erna"): a deed so placed has no date the text supports
    vague_times: frozenset[tuple[str, ...]] = frozenset()
    #: vague times of the recent past ("onlangs"): the publication date at its precision, not null
    recent_times: frozenset[tuple[str, ...]] = frozenset()
    #: vague times that mean "ever" after a superlative or ordinal ("het eerste bezoek ooit"), and the endings
    #: of those
    ever_words: frozenset[tuple[str, ...]] = frozenset()
    superlative_endings: tuple[str, ...] = ()
    #: adverbs that point back to the time named before ("destijds", "kwam toen"); one that is a clause
    #: opener as well ("toen": when) is the adverb only beside a finite verb and before no subject
    then_words: frozenset[str] = frozenset()
    #: a unit (`nearest_units`) after one of `nearest_articles` and one of `nearest_prepositions` is the
    #: nearest one, as after a modifier of the current unit ("in het weekend" as "dit weekend")
    nearest_prepositions: frozenset[str] = frozenset()
    nearest_articles: frozenset[str] = frozenset()
    nearest_units: frozenset[str] = frozenset()
    #: words that begin a subject: after them "toen" is the conjunction ("toen hij kwam")
    subject_starts: frozenset[str] = frozenset()
    #: personal pronouns that may be a subject ("zij", "hij")
    subject_pronouns: frozenset[str] = frozenset()

    def add(self, phrase: str, feature: Feature) -> None:
        key = split_words(str(phrase))
        if not key:
            return
        self.phrases.setdefault(key, [])
        if feature not in self.phrases[key]:
            self.phrases[key].append(feature)
        self.max_len = max(self.max_len, len(key))

    def features(self, words: tuple[str, ...]) -> list[Feature]:
        return self.phrases.get(words, [])


def _list(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{key!r} must be a list", source=where)
    return [str(v).lower() for v in value]


def _map(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a mapping", source=where)
    return {str(k).lower(): v for k, v in value.items()}


def build_vocabulary(language: str, data: Any) -> Vocabulary:
    """Check the shape of a parsed temporal.yaml and build the phrase table."""
    where = f"dyad/lang/{language}/temporal.yaml"
    sections = _top_level(data, where)
    v = Vocabulary(language)
    # the steps run in the file's historical order: a phrase's features keep their order in the table, and
    # a file with several faults reports the same one first
    _add_months(v, sections, where)
    _add_weekdays(v, sections, where)
    _add_deictic_days(v, sections, where)
    _add_units(v, sections, where)
    _add_seasons(v, sections, where)
    _add_modifiers(v, sections, where)
    _add_day_parts(v, sections, where)
    _add_relation_markers(v, sections, where)
    _add_numbers(v, sections, where)
    _add_prepositions(v, sections, where)
    v.year_cues = _phrases(sections, "year_cues", where)
    _read_vague_times(v, sections, where)
    _add_then_words(v, sections, where)
    _read_nearest_units(v, sections, where)
    _read_articles(v, sections, where)
    _read_tense(v, sections, where)
    _read_participle(v, sections, where)
    _read_word_endings(v, sections, where)
    _check_range_join(sections, where)
    return v


def _top_level(data: Any, where: str) -> dict[str, Any]:
    """The file's mapping, with its required sections."""
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", source=where)
    for required in ("months", "weekdays", "deictic_days", "units", "modifiers"):
        if required not in data:
            raise ConfigError(f"missing section {required!r}", source=where)
    return data


def _phrases(data: Mapping[str, Any], key: str, where: str) -> frozenset[tuple[str, ...]]:
    """A list of phrases, each tokenised like the text."""
    return frozenset(split_words(w) for w in _list(data, key, where))


def _add_months(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Month names, and the compounds they open ("januaridag") unless the name is an abbreviation."""
    for word, month in _map(data, "months", where).items():
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise ConfigError(f"month {word!r} must map to 1..12", source=where)
        v.add(word, ("month", month))
    v.month_needs_day = frozenset(_list(data, "month_abbreviations_need_day", where))
    compounds = _map(data, "month_compounds", where)
    for word, month in _map(data, "months", where).items():
        if str(word).lower() in v.month_needs_day:
            continue
        for suffix in _list(compounds, "suffixes", where):
            v.add(f"{word}{suffix}", ("month", month))
            v.add(f"{word}{suffix}", ("month_compound", True))
    v.month_year_joins = frozenset(_list(compounds, "year_joins", where))


def _add_weekdays(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    for word, wd in _map(data, "weekdays", where).items():
        if not isinstance(wd, int) or not 0 <= wd <= 6:
            raise ConfigError(f"weekday {word!r} must map to 0..6 (Monday = 0)", source=where)
        v.add(word, ("weekday", wd))
        v.weekday_words[word] = wd
    v.weekday_suffixes = tuple(_list(data, "weekday_suffixes", where))


def _add_deictic_days(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Days named from today ("gisteren": -1), and the words after which "morgen" is not tomorrow ("de morgen")."""
    for word, offset in _map(data, "deictic_days", where).items():
        if not isinstance(offset, int):
            raise ConfigError(f"deictic day {word!r} must map to an integer offset", source=where)
        v.add(word, ("deictic", offset))
    v.not_tomorrow_after = frozenset(_list(data, "not_tomorrow_after", where))


def _add_units(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Units of time, and the word sets that qualify a unit or a year beside it."""
    v.plural_units = frozenset(_list(data, "plural_units", where))
    v.stretch_singular = frozenset(_list(data, "stretch_singular_determiners", where))
    v.not_year_before = frozenset(_list(data, "not_year_before", where))
    v.comparatives = frozenset(_list(data, "comparatives", where))
    for word, unit in _map(data, "units", where).items():
        if unit not in _UNITS:
            raise ConfigError(f"unit {word!r} maps to unknown unit {unit!r}", source=where)
        v.add(word, ("unit", unit))


def _add_seasons(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    for word, span in _map(data, "seasons", where).items():
        if not (isinstance(span, list) and len(span) == 2):
            raise ConfigError(f"season {word!r} must map to [first month, last month]", source=where)
        v.add(word, ("season", (int(span[0]), int(span[1]))))


def _add_modifiers(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Words that move a unit ("vorige week"), or stretch it to now ("de afgelopen weken")."""
    mods = _map(data, "modifiers", where)
    for direction in ("past", "future", "current"):
        for word in _list(mods, direction, where):
            v.add(word, ("mod", direction))
    for direction in ("stretch_past", "stretch_future"):
        for word in _list(mods, direction, where):
            v.add(word, ("stretch", direction.split("_")[1]))


def _add_day_parts(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    for part, words in _map(data, "parts", where).items():
        for word in words:
            v.add(str(word), ("part", part))


def _add_relation_markers(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Words placing a time against now or against another time ("geleden", "daarna", "dezelfde dag")."""
    for key, feature in (
        ("ago", "ago"),
        ("in_future", "in_future"),
        ("anchor_before", "anchor_before"),
        ("anchor_after", "anchor_after"),
        ("earlier", "earlier"),
        ("later", "later"),
        ("anchor_same", "anchor_same"),
    ):
        for word in _list(data, key, where):
            v.add(word, (feature, True))


def _add_numbers(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Decades, numbers written as words, and the endings of ordinals."""
    decades = _map(data, "decades", where)
    for word in _list(decades, "prefix", where):
        v.add(word, ("decade_prefix", True))
    for word, value in _map(decades, "words", where).items():
        v.add(word, ("decade_word", int(value)))
    for word, value in _map(data, "numbers", where).items():
        v.add(word, ("number", float(value)))
    v.ordinal_suffixes = tuple(sorted(_list(data, "ordinal_suffixes", where), key=len, reverse=True))


def _add_prepositions(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    for role, words in _map(data, "prepositions", where).items():
        for word in words:
            v.add(str(word), ("prep", role))


def _read_vague_times(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Vague times, with the recent ones and the "ever" ones among them."""
    v.vague_times = _phrases(data, "vague_times", where)
    v.recent_times = _phrases(data, "recent_times", where)
    if not v.recent_times <= v.vague_times:
        raise ConfigError("recent_times must be vague_times", source=where)
    v.ever_words = _phrases(data, "ever_after_superlative", where)
    if not v.ever_words <= v.vague_times:
        raise ConfigError("ever_after_superlative must be vague_times", source=where)
    v.superlative_endings = tuple(_list(data, "superlative_endings", where))


def _add_then_words(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """Words pointing back to the time named before, and the subject starts that make "toen" a conjunction."""
    v.determiners = frozenset(_list(data, "determiners", where))
    v.then_words = frozenset(_list(data, "then_words", where))
    for word in v.then_words:
        v.add(word, ("then_word", True))
    v.subject_pronouns = frozenset(_list(data, "subject_pronouns", where))
    v.subject_starts = v.subject_pronouns | v.determiners
    overlap = {w for w in v.then_words if (w,) in v.vague_times}
    if overlap:
        raise ConfigError(f"then_words are not vague_times as well: {sorted(overlap)}", source=where)


def _read_nearest_units(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    nearest = _map(data, "nearest_units", where)
    v.nearest_prepositions = frozenset(_list(nearest, "prepositions", where))
    v.nearest_articles = frozenset(_list(nearest, "articles", where))
    v.nearest_units = frozenset(_list(nearest, "units", where))
    if not v.nearest_units <= _UNITS:
        raise ConfigError(f"nearest_units: units must be of {sorted(_UNITS)}", source=where)


def _read_articles(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    v.articles = frozenset(_list(data, "articles", where))
    if not v.articles <= v.determiners:
        raise ConfigError("articles must be determiners", source=where)


def _read_tense(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """The auxiliaries, forms and clause openers that tell a clause's tense."""
    tense = _map(data, "tense", where)
    v.future_auxiliaries = frozenset(_list(tense, "future_auxiliaries", where))
    v.future_words = frozenset(_list(tense, "future_words", where))
    v.perfect_auxiliaries = frozenset(_list(tense, "perfect_auxiliaries", where))
    v.pluperfect_auxiliaries = frozenset(_list(tense, "pluperfect_auxiliaries", where))
    v.past_forms = frozenset(_list(tense, "past_forms", where))
    v.weak_past_endings = tuple(_list(tense, "weak_past_endings", where))
    v.sure_weak_past_endings = tuple(_list(tense, "sure_weak_past_endings", where))
    v.participle_prefixes = tuple(_list(tense, "participle_prefixes", where))
    v.clause_openers = frozenset(_list(tense, "clause_openers", where))
    v.coordinators = frozenset(_list(tense, "coordinators", where))
    v.relative_openers = frozenset(_list(tense, "relative_openers", where))
    v.complement_openers = frozenset(_list(tense, "complement_openers", where))
    v.inserted_report_openers = frozenset(_list(tense, "inserted_report_openers", where))
    if not (v.relative_openers | v.complement_openers | v.coordinators) <= v.clause_openers:
        raise ConfigError("tense: relative_openers, complement_openers and coordinators must be clause_openers",
                          source=where)


def _read_participle(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """How a past participle is built: its marker, the particles before it and its endings."""
    participle = _map(data, "participle", where)
    for key in ("infix", "particle_max", "endings", "prefixed_endings"):
        if key not in participle:
            raise ConfigError(f"participle: missing {key!r}", source=where)
    v.participle_infix = str(participle["infix"] or "").lower()
    max_particle = participle["particle_max"]
    if not isinstance(max_particle, int) or max_particle < 0:
        raise ConfigError("participle: particle_max must be a whole number >= 0", source=where)
    v.participle_particle_max = max_particle
    v.participle_endings = tuple(_list(participle, "endings", where))
    v.prefixed_participle_endings = tuple(_list(participle, "prefixed_endings", where))
    v.participle_particles = frozenset(_list(participle, "particles", where))


def _read_word_endings(v: Vocabulary, data: Mapping[str, Any], where: str) -> None:
    """The endings of an inflected word, an infinitive and a present participle."""
    v.inflection_endings = tuple(_list(data, "inflection_endings", where))
    tense = _map(data, "tense", where)
    v.infinitive_endings = tuple(_list(tense, "infinitive_endings", where))
    v.present_participle_suffixes = tuple(_list(tense, "present_participle_suffixes", where))


def _check_range_join(data: Mapping[str, Any], where: str) -> None:
    if "range_join" not in _map(data, "prepositions", where):
        raise ConfigError("prepositions: missing 'range_join' (the words joining the ends of a range)", source=where)


@cache
def vocabulary(language: str) -> Vocabulary:
    """The vocabulary of a language (read once per process)."""
    return build_vocabulary(language, load_language_data(language, "temporal"))
