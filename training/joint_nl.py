"""Corpus reader for the joint Dutch pipeline (training/nl_joint.cfg): several DocBins as one corpus.

``dyad.joint_corpus.v1`` reads a comma-separated list of ``.spacy`` files (a string, so that
``--paths.train`` / ``--paths.dev`` can override it on the command line), each optionally suffixed with
``*N`` to read it N times (up-weighting one corpus; the augmenter runs on every copy, so copies of an
example can differ in their quotation marks). Each file goes through ``spacy.Corpus.v1`` with the given
augmenter. The union relies on spaCy's handling of partial annotation, checked in
``training/check_joint_data.py``: the UD Docs have no entity annotation at all (``ENT_IOB`` 0, missing,
not ``O``), the CoNLL-2002 Docs no POS, morphology, lemmas or heads, and the ner, parser, morphologizer and
edit-tree lemmatizer skip tokens or Docs without their annotation.

Importing this module also registers ``dyad.curly_quotes.v1`` (``augment_nl.py``), so one
``--code training/joint_nl.py`` serves the whole config.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Corpus, Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
import augment_nl  # noqa: E402,F401  (registers dyad.curly_quotes.v1)


def parse_paths(paths: str) -> list[tuple[Path, int]]:
    """``"a.spacy*2,b.spacy"`` -> ``[(a.spacy, 2), (b.spacy, 1)]``."""
    out: list[tuple[Path, int]] = []
    for item in paths.split(","):
        item = item.strip()
        if not item:
            continue
        name, _, times = item.partition("*")
        out.append((Path(name), int(times) if times else 1))
    if not out:
        raise ValueError(f"no corpus paths in {paths!r}")
    return out


@spacy.registry.readers("dyad.joint_corpus.v1")
def create_joint_corpus(
    paths: str,
    augmenter: Callable[[Language, Example], Iterator[Example]] | None = None,
    max_length: int = 0,
    gold_preproc: bool = False,
) -> Callable[[Language], Iterator[Example]]:
    corpora = [
        (Corpus(path, max_length=max_length, gold_preproc=gold_preproc, augmenter=augmenter), times)
        for path, times in parse_paths(paths)
    ]

    def read(nlp: Language) -> Iterator[Example]:
        for corpus, times in corpora:
            for _ in range(times):
                yield from corpus(nlp)

    return read
