"""No engine module holds words of a language: the quote finder, the speaker resolver, the temporal engine,
the actor resolver and the event engines read their vocabulary, suffixes and particles from
`dyad/lang/<language>/` data. These tests read the engines' source and fail when a string literal that is a
word of a language's data (or a literal suffix or prefix test) comes back into them."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

import dyad

SRC = Path(dyad.__file__).parent

#: modules that read text with a language's vocabulary (loaders, which name the keys of the data files,
#: are not engines)
ENGINES = (
    "quotes/finder.py",
    "quotes/speakers.py",
    "quotes/marks.py",
    "temporal/engine.py",
    "temporal/resolver.py",
    "actors/resolver.py",
    "events/candidates.py",
    "events/roles.py",
    "events/factuality.py",
)

#: the data files whose words the engines must not spell out
DATA_FILES = ("quotes", "temporal", "names", "agents", "sentences", "verbs")

#: internal labels of the engines that happen to be spelled like a word of some language's data: kinds of
#: time unit and period part, tense and direction codes, phrase kinds, KB roles and sectors
LABELS = frozenset({
    "day", "week", "weekend", "month", "quarter", "year", "decade", "century",
    "begin", "middle", "end", "past", "future", "current", "earlier", "later", "same", "ago", "since", "until",
    "of", "role", "name", "body", "person", "pronoun", "anonymous", "close", "open",
    "minister", "government", "organisation", "group", "state",
})

#: Universal Dependencies relation names the engines test with startswith ("nsubj:pass", "obl:agent")
DEPENDENCY_RELATIONS = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "amod", "advmod", "acl", "advcl",
                                  "ccomp", "xcomp", "conj", "cc", "case", "mark", "det", "aux", "cop",
                                  "appos", "compound", "flat", "parataxis", "root", "punct"})


def _words(value: Any, out: set[str], depth: int = 0) -> None:
    """List items and the keys of word -> value tables (not the top-level keys, which are the schema)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                _words(item, out, depth + 1)
            elif depth > 0:
                out.add(str(key).lower())
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                out.add(item.lower())
            else:
                _words(item, out, depth + 1)


def _vocabulary() -> dict[str, frozenset[str]]:
    """Every language's words from its data files, by language."""
    out: dict[str, frozenset[str]] = {}
    for entry in resources.files("dyad.lang").iterdir():
        if not entry.is_dir():
            continue
        words: set[str] = set()
        for name in DATA_FILES:
            path = entry.joinpath(f"{name}.yaml")
            if path.is_file():
                _words(yaml.safe_load(path.read_text(encoding="utf-8")), words)
        out[entry.name] = frozenset(w for w in words if sum(c.isalpha() for c in w) >= 2)
    return out


def _literals(tree: ast.AST) -> Iterator[ast.Constant]:
    """String constants of a module, docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def language_words_in(source: str, vocabulary: dict[str, frozenset[str]]) -> list[str]:
    """'line: literal (languages)' for each literal of `source` that is a word of some language's data."""
    found = []
    for node in _literals(ast.parse(source)):
        text = node.value
        if text != text.lower() or text in LABELS:
            continue
        languages = sorted(lang for lang, words in vocabulary.items() if text in words)
        if languages:
            found.append(f"{node.lineno}: {text!r} ({', '.join(languages)})")
    return found


def _affix(text: str) -> bool:
    """A piece of a word: lower-case letters and apostrophes ("en", "'s"), not a rule name (".after_cue")
    or a code ("MED")."""
    return any(c.isalpha() for c in text) and text == text.lower() and all(c.isalpha() or c in "'’" for c in text)


def affix_literals_in(source: str) -> list[str]:
    """'line: literal' for each literal suffix or prefix an engine tests a word with (`endswith("en")`,
    `removesuffix("s")`, `startswith(("ge", "be"))`): such lists belong in the language's data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"endswith", "startswith", "removesuffix", "removeprefix"}):
            continue
        for arg in node.args[:1]:
            parts = arg.elts if isinstance(arg, ast.Tuple) else [arg]
            for part in parts:
                if (isinstance(part, ast.Constant) and isinstance(part.value, str) and _affix(part.value)
                        and part.value not in DEPENDENCY_RELATIONS):
                    found.append(f"{node.lineno}: {part.value!r}")
    return found


@pytest.mark.parametrize("module", ENGINES)
def test_engine_spells_no_word_of_a_language(module: str) -> None:
    source = (SRC / module).read_text(encoding="utf-8")
    assert language_words_in(source, _vocabulary()) == []
    assert affix_literals_in(source) == []


def test_the_checks_find_words_and_suffixes_put_back_into_code() -> None:
    vocabulary = {"nl": frozenset({"volgens", "zei"}), "en": frozenset({"said"})}
    source = (
        '"""Docstrings may quote "volgens" and zei."""\n'
        'CUES = ("volgens", "said")\n'
        'def plural(word):\n'
        '    """A plural."""\n'
        '    return word.endswith(("en", "s")) or word.startswith("ge") or word.startswith("nsubj")\n'
        'KIND = "past"\n'
    )
    assert language_words_in(source, vocabulary) == ["2: 'volgens' (nl)", "2: 'said' (en)"]
    assert affix_literals_in(source) == ["5: 'en'", "5: 's'", "5: 'ge'"]
