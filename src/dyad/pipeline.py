"""The pipeline: stages in a fixed order, each filled by a registered component.

A component is a callable `component(doc) -> None` that reads what earlier stages put on the
`Document` and adds its own annotations (spaCy's `find()` then `set_annotations()`). Components are
created by factories registered under a stage and a name; which factory runs for which stage is
configuration (`pipeline.toml`), so a later implementation replaces an earlier one without touching
the rest.
"""

from __future__ import annotations

import bisect
import importlib
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

from dyad.document import Article, Document, Sentence
from dyad.errors import ConfigError, LanguageError

#: The stages in the order they run; a stage may read what earlier stages wrote, never later ones.
STAGES: tuple[str, ...] = ("language", "actors", "quotes", "events", "time", "places")

#: Languages dyad handles.
LANGUAGES: tuple[str, ...] = ("nl", "en")

MAX_SENTENCE_TOKENS = 200
"""Longest sentence the stages after the language layer see, in tokens. A longer one (a run of text
without sentence punctuation, a list of 10,000 names) is cut into consecutive pieces of at most this many
tokens (never inside a name), and the document carries a warning saying so. A news sentence is rarely
over 80 tokens; the bound keeps the work of the later stages (pronoun antecedents, clause and quote
searches within a sentence) linear in the length of the article."""

LANGUAGE_PIECE_CHARS = 50_000
"""Longest piece of text the language layer is given at once. A longer article is cut into pieces of
at most this many characters, at a paragraph break where there is one (else a line break, else a
sentence end, else a space), each piece analysed on its own and the pieces joined: no sentence spans two
pieces. Some of the layer's work (spaCy's retokenizer) grows with the square of the text it is given;
in pieces it is linear in the length of the article. A cut that is not at a paragraph break is noted
in the document's warnings."""

MAX_TEXT_CHARS = 5_000_000
"""Longest text the language layer takes: the readers' 5 MB limit (`dyad.readers.MAX_TEXT_BYTES`) in
characters, above spaCy's default of 1,000,000."""


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
    "dyad.places.finder",
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
            component = factory(language, sc.settings)
            _raise_text_limit(component)
            self.stages.append((sc.stage, sc.component, component))

    def __call__(self, article: Article) -> Document:
        doc = Document(article=article, language=self.language)
        for stage, _name, component in self.stages:
            started = time.perf_counter()
            if stage == "language":
                run_in_pieces(component, doc)
                bound_sentences(doc)
            else:
                component(doc)
            doc.timings[stage] = doc.timings.get(stage, 0.0) + time.perf_counter() - started
        return doc

    @property
    def components(self) -> dict[str, str]:
        """Which component runs each stage (recorded with every run for provenance)."""
        return {stage: name for stage, name, _ in self.stages}


def _raise_text_limit(component: object) -> None:
    """A component holding a spaCy `Language` (the language layer) takes texts up to `MAX_TEXT_CHARS`."""
    nlp = getattr(component, "nlp", None)
    if nlp is not None and getattr(nlp, "max_length", MAX_TEXT_CHARS) < MAX_TEXT_CHARS:
        nlp.max_length = MAX_TEXT_CHARS


def _piece_ends(text: str, size: int) -> list[tuple[int, bool]]:
    """(end, cut at a paragraph break) of each piece of at most `size` characters."""
    ends: list[tuple[int, bool]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        for sep, clean in (("\n\n", True), ("\n", False), (". ", False), (" ", False)):
            at = window.rfind(sep, size // 2)
            if at > 0:
                end, paragraph = start + at + len(sep), clean
                break
        else:
            end, paragraph = start + size, False
        ends.append((end, paragraph))
        start = end
    ends.append((len(text), True))
    return ends


def run_in_pieces(component: Component, doc: Document, size: int = LANGUAGE_PIECE_CHARS) -> None:
    """Run the language component over `doc`, in pieces of at most `size` characters when it is longer
    (see `LANGUAGE_PIECE_CHARS`): tokens, sentences and names of each piece are shifted into place."""
    text = doc.text
    if len(text) <= size:
        component(doc)
        return
    start = 0
    rough = 0
    for end, paragraph in _piece_ends(text, size):
        rough += not paragraph
        piece = Document(article=Article(id=doc.article.id, text=text[start:end], published=doc.article.published,
                                         language=doc.article.language), language=doc.language)
        component(piece)
        tokens, sentences = len(doc.tokens), len(doc.sentences)
        for token in piece.tokens:
            token.i += tokens
            token.start += start
            token.end += start
            if token.head >= 0:
                token.head += tokens
        for sentence in piece.sentences:
            sentence.index += sentences
            sentence.start += start
            sentence.end += start
            sentence.token_start += tokens
            sentence.token_end += tokens
        for name in piece.names:
            name.start += start
            name.end += start
            name.token_start += tokens
            name.token_end += tokens
            name.sentence += sentences
        doc.tokens.extend(piece.tokens)
        doc.sentences.extend(piece.sentences)
        doc.names.extend(piece.names)
        start = end
    if rough:
        doc.warnings.append(f"text over {size} characters analysed in pieces; {rough} cut{'s' if rough > 1 else ''} "
                            "not at a paragraph break (dyad.pipeline.LANGUAGE_PIECE_CHARS)")


def bound_sentences(doc: Document, max_tokens: int = MAX_SENTENCE_TOKENS) -> None:
    """Cut every sentence of over `max_tokens` tokens into pieces of at most that many (a name is never
    cut: a piece ends after it), renumbering the sentences and the names' sentence indices; a warning
    on the document names how many sentences were cut."""
    if all(s.token_end - s.token_start <= max_tokens for s in doc.sentences):
        return
    name_end: dict[int, int] = {}  # a token inside a name -> the end of that name
    for name in doc.names:
        for t in range(name.token_start + 1, name.token_end):
            name_end[t] = max(name_end.get(t, 0), name.token_end)
    pieces: list[Sentence] = []
    cut = 0
    for sentence in doc.sentences:
        start = sentence.token_start
        if sentence.token_end - start > max_tokens:
            cut += 1
        while start < sentence.token_end:
            end = min(start + max_tokens, sentence.token_end)
            end = min(max(end, name_end.get(end, end)), sentence.token_end)
            pieces.append(Sentence(len(pieces), doc.tokens[start].start if start > sentence.token_start
                                   else sentence.start,
                                   doc.tokens[end - 1].end if end < sentence.token_end else sentence.end,
                                   start, end))
            start = end
    starts = [p.token_start for p in pieces]
    for name in doc.names:
        name.sentence = bisect.bisect_right(starts, name.token_start) - 1
    doc.sentences = pieces
    doc.warnings.append(f"{cut} sentence{'s' if cut > 1 else ''} over {max_tokens} tokens cut into pieces "
                        f"of at most {max_tokens} (dyad.pipeline.MAX_SENTENCE_TOKENS)")


@cache
def get_pipeline(language: str) -> Pipeline:
    """The default pipeline of a language, built once per process."""
    return Pipeline(language)
