"""Loader for per-language data files (`dyad/lang/<language>/<name>.yaml`), in dateparser's manner:
the vocabulary of a language is data, the engines that use it are language-independent."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from dyad.errors import ConfigError


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
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", source=where) from exc


def has_language_data(language: str, name: str) -> bool:
    return resources.files("dyad.lang").joinpath(language, f"{name}.yaml").is_file()
