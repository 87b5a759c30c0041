"""Loader for per-language data files (`dyad/lang/<language>/<name>.yaml`), in dateparser's manner:
the vocabulary of a language is data, the engines that use it are language-independent."""

from __future__ import annotations

from collections.abc import Mapping
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
def lemma_table(language: str) -> Mapping[str, str]:
    """spaCy's lookup lemma table of a language (spacy-lookups-data), empty for a language without one.

    A plain dict rather than spaCy's `Table`: building a `Table` hashes all 213,000 Dutch keys into the
    string store, which took two of the three seconds a pipeline needed to load."""
    table: dict[str, str] = {}
    if language in registry.lookups:
        tables = registry.lookups.get(language)
        if "lemma_lookup" in tables:
            table = dict(load_spacy_language_data(tables["lemma_lookup"]))
    if has_language_data(language, "verbs"):
        for form, lemma in irregular_verb_forms(language, frozenset(table.values())).items():
            table.setdefault(form, lemma)  # the lookup table's own reading of a form wins
    return table


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
