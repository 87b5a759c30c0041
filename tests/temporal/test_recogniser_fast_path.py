"""The recogniser's shortcuts are optimisations only: skipping words that can start no expression
(`_may_start`) and computing the features of a position once give what trying every pattern at every word
gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.temporal.engine import Recogniser, Word, words_of
from dyad.temporal.vocabulary import vocabulary

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLES = SHARED / "data" / "dpgmedia2019-nl" / "dpgMedia2019-articles-byarticle.jsonl"
TABLE = Path(__file__).with_name("nl_expressions.tsv")


class _Exhaustive(Recogniser):
    """Every pattern at every word, features recomputed at every lookup (the recogniser before)."""

    def _may_start(self, words: list[Word], i: int) -> bool:
        return True

    def _get(self, words: list[Word], i: int, name: str) -> tuple[Any, int] | None:
        if i >= len(words):
            return None
        return next(((v, nxt) for fname, v, nxt in self._feats(words, i) if fname == name), None)


def _texts() -> list[str]:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()]
    texts = [r[4] for r in rows if len(r) >= 5 and not r[0].startswith("#") and r[0] != "article"]
    texts += [
        "Maandags en zondagavond, op 3 maart 2021, begin vorige week en de afgelopen twee weken.",
        "In de jaren tachtig, eind 2019, 18-03-2021, tien dagen eerder en over drie dagen.",
    ]
    if ARTICLES.is_file():
        with ARTICLES.open(encoding="utf-8") as f:
            for _, line in zip(range(40), f, strict=False):
                text = json.loads(line).get("text") or ""
                texts.append(text)
    return [t for t in texts if t]


@pytest.mark.parametrize("language", ["nl"])
def test_fast_path_finds_the_same(language: str) -> None:
    vocab = vocabulary(language)
    fast, slow = Recogniser(vocab), _Exhaustive(vocab)
    found = 0
    for text in _texts():
        words = words_of(text)
        got = fast.find(words)
        assert got == slow.find(words), text[:80]
        found += len(got)
    assert found > 50
