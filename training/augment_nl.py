"""Training-data augmentation for dyad's Dutch pipeline: curly quotation marks.

The treebanks and CoNLL-2002 write quotation marks as straight ``"`` and ``'`` (Alpino also ``,,`` and
``''``), while Dutch news writes ‘…’, “…” and „…”. ``dyad.curly_quotes.v1`` rewrites the quotation-mark
tokens of a training example, with probability ``level`` per example that has any, into one of those
curly pairs (chosen per example and per kind of mark), keeping every annotation (POS, morphology, lemma,
head, relation, entities, sentence starts). Opening and closing marks are told apart by the spacing
around the token where the corpus records it (UD), else by alternation (CoNLL-2002 has no spacing).

spaCy's ``spacy.orth_variants.v1`` cannot do this here: it matches on fine-grained tags (``TAG``), and
neither corpus has them. Used with ``spacy train ... --code training/augment_nl.py``; the augmenter only
runs on ``[corpora.train]``, so the dev and test sets are never changed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import cast

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.types import Ints2d

#: Curly (opening, closing) pairs used in Dutch news.
CURLY_PAIRS: tuple[tuple[str, str], ...] = (("‘", "’"), ("“", "”"), ("„", "”"))
#: Straight marks and the kind they belong to; ``,,`` always opens and ``''`` always closes.
KINDS = {"'": "single", '"': "double", ",,": "double", "''": "double", "`": "single", "``": "double"}
ALWAYS = {",,": 0, "``": 0, "`": 0, "''": 1}


def quote_positions(doc: Doc) -> list[tuple[int, str, int]]:
    """(token index, kind, 0 for opening / 1 for closing) for each quotation-mark token of ``doc``."""
    out: list[tuple[int, str, int]] = []
    parity = {"single": 0, "double": 0}
    for tok in doc:
        kind = KINDS.get(tok.text)
        if kind is None:
            continue
        if tok.text in ALWAYS:
            side = ALWAYS[tok.text]
        else:
            space_before = tok.i == 0 or bool(doc[tok.i - 1].whitespace_)
            space_after = bool(tok.whitespace_) or tok.i == len(doc) - 1
            if space_before and not space_after:
                side = 0
            elif space_after and not space_before:
                side = 1
            else:  # no spacing information: alternate
                side = parity[kind] % 2
        parity[kind] = side + 1
        out.append((tok.i, kind, side))
    return out


def curly_reference(doc: Doc, rng: random.Random) -> Doc | None:
    """A copy of ``doc`` (all annotations kept) with its quotation marks made curly; None if it has none."""
    positions = quote_positions(doc)
    if not positions:
        return None
    pair = {kind: rng.choice(CURLY_PAIRS) for kind in ("single", "double")}
    words = [t.text for t in doc]
    for i, kind, side in positions:
        words[i] = pair[kind][side]
    attrs = [POS, TAG, MORPH, LEMMA, ENT_IOB, ENT_TYPE]
    attrs += [HEAD, DEP] if doc.has_annotation("DEP") else [SENT_START]
    new = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    new.from_array(attrs, cast(Ints2d, doc.to_array(attrs)))
    for i, _kind, _side in positions:
        if doc[i].lemma_ == doc[i].text:
            new[i].lemma_ = words[i]
    return new


@spacy.registry.augmenters("dyad.curly_quotes.v1")
def create_curly_quotes_augmenter(level: float, seed: int = 0) -> Callable[[Language, Example], Iterator[Example]]:
    """Rewrite the quotation marks of a share ``level`` of the examples that have any into curly ones."""
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        if rng.random() >= level:
            yield example
            return
        reference = curly_reference(example.reference, rng)
        if reference is None:
            yield example
            return
        yield Example(nlp.make_doc(reference.text), reference)

    return augment
