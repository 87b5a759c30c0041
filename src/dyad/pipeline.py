"""The pipeline: stages in a fixed order, each filled by a registered component.

A component is a callable `component(doc) -> None` that reads what earlier stages put on the
`Document` and adds its own annotations (spaCy's `find()` then `set_annotations()`). Components are
created by factories registered under a stage and a name; which factory runs for which stage is
configuration (`pipeline.toml`), so a later implementation replaces an earlier one without touching
the rest.
"""

from __future__ import annotations

import importlib
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

from dyad.document import Article, Document
from dyad.errors import ConfigError, LanguageError

#: The stages in the order they run; a stage may read what earlier stages wrote, never later ones.
STAGES: tuple[str, ...] = ("language", "actors", "quotes", "events", "time")

#: Languages dyad handles.
LANGUAGES: tuple[str, ...] = ("nl", "en")


class Component(Protocol):
    def __call__(self, doc: Document) -> None: ...


Factory = Callable[[str, Mapping[str, Any]], Component]
"""A factory takes the language code and the component's settings and returns a component."""

_FACTORIES: dict[tuple[str, str], Factory] = {}

# Modules whose import registers the built-in factories.
_BUILTIN_MODULES = (
    "dyad.lang.layer",
    "dyad.actors.resolver",
    "dyad.events.coder",
    "dyad.events.decision",
    "dyad.quotes.finder",
    "dyad.temporal.resolver",
)


def register(stage: str, name: str) -> Callable[[Factory], Factory]:
    """Register a component factory for a stage under a name (decorator)."""
    if stage not in STAGES:
        raise ConfigError(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")

    def wrap(factory: Factory) -> Factory:
        _FACTORIES[(stage, name)] = factory
        return factory

    return wrap


def registered(stage: str) -> list[str]:
    """Names registered for a stage."""
    _import_builtins()
    return sorted(name for (s, name) in _FACTORIES if s == stage)


@cache
def _import_builtins() -> None:
    for module in _BUILTIN_MODULES:
        importlib.import_module(module)


@dataclass(frozen=True)
class StageConfig:
    stage: str
    component: str
    settings: Mapping[str, Any]


def load_config(language: str, path: str | None = None) -> list[StageConfig]:
    """Read the pipeline configuration for a language (the packaged default unless a path is given)."""
    if path is None:
        raw = resources.files("dyad").joinpath("pipeline.toml").read_text(encoding="utf-8")
        source = "dyad/pipeline.toml"
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        except OSError as exc:
            raise ConfigError(f"cannot read pipeline configuration: {exc}", source=path) from exc
        source = path
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", source=source) from exc
    lang = data.get("language", {}).get(language)
    if lang is None:
        raise LanguageError(f"no pipeline configured for language {language!r}", source=source)
    stages = []
    for stage in STAGES:
        entry = lang.get(stage)
        if entry is None:
            raise ConfigError(f"language {language!r} has no component for stage {stage!r}", source=source)
        settings = {k: v for k, v in entry.items() if k != "component"}
        stages.append(StageConfig(stage, entry["component"], settings))
    return stages


class Pipeline:
    """The configured components of one language, run in stage order over an article."""

    def __init__(
        self, language: str, config_path: str | None = None, components: Mapping[str, str] | None = None
    ) -> None:
        """`components` replaces the configured component of a stage by name ({"events": "lexicon_coder"})."""
        if language not in LANGUAGES:
            raise LanguageError(f"unsupported language {language!r}; dyad handles {', '.join(LANGUAGES)}")
        _import_builtins()
        self.language = language
        self.stages: list[tuple[str, str, Component]] = []
        for sc in load_config(language, config_path):
            if components and sc.stage in components:
                sc = StageConfig(sc.stage, components[sc.stage], sc.settings)
            factory = _FACTORIES.get((sc.stage, sc.component))
            if factory is None:
                raise ConfigError(
                    f"no component {sc.component!r} registered for stage {sc.stage!r} "
                    f"(registered: {', '.join(registered(sc.stage)) or 'none'})"
                )
            self.stages.append((sc.stage, sc.component, factory(language, sc.settings)))

    def __call__(self, article: Article) -> Document:
        doc = Document(article=article, language=self.language)
        for stage, _name, component in self.stages:
            started = time.perf_counter()
            component(doc)
            doc.timings[stage] = doc.timings.get(stage, 0.0) + time.perf_counter() - started
        return doc

    @property
    def components(self) -> dict[str, str]:
        """Which component runs each stage (recorded with every run for provenance)."""
        return {stage: name for stage, name, _ in self.stages}


@cache
def get_pipeline(language: str) -> Pipeline:
    """The default pipeline of a language, built once per process."""
    return Pipeline(language)
