"""Loader for per-language data files (`dyad/lang/<language>/<name>.yaml`), in dateparser's manner:
the vocabulary of a language is data, the engines that use it are language-independent."""

from __future__ import annotations

from collections.abc import Container, Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.util import load_language_data as load_spacy_language_data
from spacy.util import registry

from dyad.errors import ConfigError
from dyad.yamlio import parse_yaml


@cache
def load_language_data(language: str, name: str) -> Any:
    """The parsed YAML file `name.yaml` of a language; `ConfigError` naming the file when it is missing
    or malformed. Callers validate the shape they expect (each engine owns its schema check)."""
    resource = resources.files("dyad.lang").joinpath(language, f"{name}.yaml")
    where = f"dyad/lang/{language}/{name}.yaml"
    try:
        raw = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError("language data file not found", source=where) from exc
    try:
        return parse_yaml(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", source=where) from exc


def has_language_data(language: str, name: str) -> bool:
    return resources.files("dyad.lang").joinpath(language, f"{name}.yaml").is_file()


@cache
def name_particles(language: str) -> frozenset[str]:
    """The words that join the parts of a personal name in a language ("van der", "bin"): the one list,
    `particles` in `names.yaml`, that the language layer, the actor resolver and the quote finder share."""
    data = load_language_data(language, "names")
    words = data.get("particles") if isinstance(data, Mapping) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ConfigError("'particles' must be a list of words", source=f"dyad/lang/{language}/names.yaml")
    return frozenset(w.lower() for w in words)


@cache
def all_name_particles() -> frozenset[str]:
    """The name particles of every language with a `names.yaml`: for names whose language is not known
    (the knowledge base's names come from many languages)."""
    out: set[str] = set()
    for entry in resources.files("dyad.lang").iterdir():
        if entry.is_dir() and entry.joinpath("names.yaml").is_file():
            out |= name_particles(entry.name)
    return frozenset(out)


def lemma_table(language: str) -> Mapping[str, str]:
    """spaCy's lookup lemma table of a language (spacy-lookups-data), empty for a language without one,
    with the past forms of the strong verbs it lacks (`verbs.yaml`).

    A plain dict rather than spaCy's `Table`: building a `Table` hashes all 213,000 Dutch keys into the
    string store, which took two of the three seconds a pipeline needed to load."""
    return _lemma_data(language)[0]


def lemma_values(language: str) -> frozenset[str]:
    """The lemmas of `lemma_table` (a base form such as "hand" is often no key of it)."""
    return _lemma_data(language)[1]


@cache
def _lemma_data(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """The lemma table and its set of lemmas, built once per process."""
    table: dict[str, str] = {}
    if language in registry.lookups:
        tables = registry.lookups.get(language)
        if "lemma_lookup" in tables:
            table = dict(load_spacy_language_data(tables["lemma_lookup"]))
    lemmas = frozenset(table.values())
    if has_language_data(language, "verbs"):
        forms = irregular_verb_forms(language, lemmas)
        for form, lemma in forms.items():
            table.setdefault(form, lemma)  # the lookup table's own reading of a form wins
        lemmas |= frozenset(forms.values())
    return table, lemmas


def irregular_verb_forms(language: str, known_lemmas: frozenset[str] = frozenset()) -> dict[str, str]:
    """Past tense forms of a language's strong and irregular verbs (`verbs.yaml`) -> infinitive, with the
    forms of inseparably prefixed verbs whose infinitive is among `known_lemmas` ("verwierp" -> "verwerpen").

    Participles stay out: a participle the lookup table lacks is mostly used as an adjective ("niet langer
    gedwongen zijn", "die al is verworpen"), where reading it as the verb made events of states on the dev
    gold; a finite past form ("wees af", "sloot een akkoord") is always a verb."""
    where = f"dyad/lang/{language}/verbs.yaml"
    raw = load_language_data(language, "verbs")
    verbs = raw.get("verbs") if isinstance(raw, dict) else None
    prefixes = raw.get("inseparable_prefixes", []) if isinstance(raw, dict) else []
    if not isinstance(verbs, dict) or not isinstance(prefixes, list):
        raise ConfigError("expected 'verbs' (infinitive -> forms) and 'inseparable_prefixes' (a list)",
                          source=where)
    forms: dict[str, str] = {}
    for infinitive, entry in verbs.items():
        if not isinstance(entry, list) or len(entry) != 2 or not all(isinstance(f, str) for f in entry):
            raise ConfigError(f"{infinitive}: expected [past singular, past plural]", source=where)
        past_singular, past_plural = entry
        for form in (past_singular, past_plural):
            forms.setdefault(form, infinitive)
        for prefix in prefixes:
            prefixed = prefix + infinitive
            if prefixed in known_lemmas:
                for form in (prefix + past_singular, prefix + past_plural):
                    forms.setdefault(form, prefixed)
    return forms


_VOWELS = frozenset("aeiouy")


def stem_infinitives(stem: str) -> set[str]:
    """Infinitives a Dutch-style verb stem may belong to ("zet" -> "zetten", "maak" -> "maken", "geloof" ->
    "geloven"); over-generation is harmless where the candidates are only compared with known lemmas."""
    out = {stem + "en", stem + "n"}
    if len(stem) >= 3:
        last = stem[-1]
        if last not in _VOWELS:
            out.add(stem + last + "en")  # zet -> zetten, erken -> erkennen
            if stem[-2] == stem[-3] and stem[-2] in _VOWELS:
                out.add(stem[:-2] + last + "en")  # veroordeel -> veroordelen, maak -> maken
                if last == "f":
                    out.add(stem[:-2] + "ven")
                if last == "s":
                    out.add(stem[:-2] + "zen")
        if last == "f":
            out.add(stem[:-1] + "ven")  # geloof -> geloven (after the vowel rule above)
        if last == "s":
            out.add(stem[:-1] + "zen")
    return out


def regular_verb_lemma(word: str, language: str, lemmas: Container[str], previous: str | None = None) -> str | None:
    """The infinitive of a regular verb form the lookup table lacks, a weak past ("beschuldigde" ->
    "beschuldigen", "maakten" -> "maken") or a present in -t ("heerst" -> "heersen"), when one of its
    candidate infinitives is a known lemma; None otherwise. The endings come from the language's `verbs.yaml`
    (`weak_past_endings`, `present_endings`); a stem of fewer than four letters is not guessed ("grote" is no
    form of "groen"), nor a word after a determiner (`adjective_openers`: "de vermeende steun" is an
    adjective)."""
    endings, openers = _regular_verb_rules(language)
    if previous is not None and previous in openers:
        return None
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4 and word.isalpha():
            stem = word[: -len(ending)]
            for candidate in sorted(stem_infinitives(stem)):
                if candidate.endswith("en") and candidate in lemmas:
                    return candidate
    return None


@cache
def _regular_verb_rules(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(verb endings, longest first; words after which a form is an adjective) of `verbs.yaml`."""
    if not has_language_data(language, "verbs"):
        return (), frozenset()
    raw = load_language_data(language, "verbs")
    lists = []
    for key in ("weak_past_endings", "present_endings", "adjective_openers"):
        value = raw.get(key, []) if isinstance(raw, dict) else []
        if not isinstance(value, list) or not all(isinstance(e, str) and e for e in value):
            raise ConfigError(f"{key!r} must be a list of words", source=f"dyad/lang/{language}/verbs.yaml")
        lists.append(value)
    return tuple(sorted(lists[0] + lists[1], key=len, reverse=True)), frozenset(lists[2])
