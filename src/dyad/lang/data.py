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
    if language not in registry.lookups:
        return {}
    tables = registry.lookups.get(language)
    if "lemma_lookup" not in tables:
        return {}
    return dict(load_spacy_language_data(tables["lemma_lookup"]))
