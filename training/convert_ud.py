"""Convert UD Dutch CoNLL-U treebanks into spaCy DocBins for training and evaluation.

Splits (all from ``/work/shared/data/ud-dutch``; see ``training/README.md``):

- ``ud-train.spacy``: LassySmall 2017-02 train (UD v2 labels) + all of r2.16 Alpino dev (the only news
  treebank text here) + r2.16 LassySmall dev minus the held-out dev sentences, de-duplicated by sentence
  text against both r2.16 test sets, the held-out dev set and itself.
- ``ud-dev.spacy``: every third sentence of r2.16 LassySmall dev, used for model selection only.
- ``ud-alpino-test.spacy`` / ``ud-lassysmall-test.spacy``: r2.16 test sets, never trained on.

Labels: the 2017 LassySmall train predates conventions of the r2.16 test sets. Two deterministic mappings
bring it closer (``harmonise_2017``): ``flat:name`` -> ``flat``, and possessive determiners (``zijn``,
``haar``, ``hun``, ... as DET/det) -> PRON/``nmod:poss`` with ``Person``/``Poss=Yes``/``PronType=Prs``.

Lemmas: r2.16 Alpino/LassySmall lemmas mark compound parts with ``_`` (``mee_doen``); the 2017 train does
not. Underscores are removed from a lemma when the word form itself has none, in every split, so that
training targets and the gold standard follow one convention (``meedoen``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

UD_DIR = Path("/work/shared/data/ud-dutch")
LASSY_2017_TRAIN = UD_DIR / "lassysmall-2017-02-v2-train" / "nl_lassysmall-ud-train.conllu"
CURRENT = UD_DIR / "current-r2.16"
ALPINO_DEV = CURRENT / "alpino__nl_alpino-ud-dev.conllu"
ALPINO_TEST = CURRENT / "alpino__nl_alpino-ud-test.conllu"
LASSY_DEV = CURRENT / "lassysmall__nl_lassysmall-ud-dev.conllu"
LASSY_TEST = CURRENT / "lassysmall__nl_lassysmall-ud-test.conllu"


@dataclass
class Sentence:
    """One CoNLL-U sentence (syntactic words only; empty nodes are dropped)."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based index into the sentence; self for root
    deps: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """De-duplication key: the characters of the sentence without whitespace, lowercased."""
        return "".join(self.words).lower()


def normalise_lemma(form: str, lemma: str) -> str:
    if "_" in lemma and "_" not in form:
        lemma = lemma.replace("_", "")
    return lemma


#: Possessive determiners of the 2017 train and the person r2.16 gives them.
POSSESSIVES = {
    "mijn": "1", "m'n": "1", "ons": "1", "onze": "1",
    "jouw": "2", "je": "2", "uw": "2", "jullie": "2",
    "zijn": "3", "z'n": "3", "haar": "3", "hun": "3",
}


def harmonise_2017(sent: Sentence) -> Sentence:
    """Map 2017 LassySmall annotation conventions to those of UD Dutch r2.16 (see module docstring)."""
    for i, form in enumerate(sent.words):
        if sent.deps[i] == "flat:name":
            sent.deps[i] = "flat"
        person = POSSESSIVES.get(form.lower())
        if person and sent.pos[i] == "DET" and sent.deps[i] == "det":
            sent.pos[i] = "PRON"
            sent.deps[i] = "nmod:poss"
            sent.morphs[i] = f"Person={person}|Poss=Yes|PronType=Prs"
    return sent


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences of a CoNLL-U file. Multiword-token ranges and empty nodes are skipped."""
    sent = Sentence()
    raw_heads: list[int] = []
    with path.open(encoding="utf8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sent.words:
                    sent.heads = [h - 1 if h > 0 else i for i, h in enumerate(raw_heads)]
                    yield sent
                sent, raw_heads = Sentence(), []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            form, lemma, upos, _xpos, feats, head, deprel, _deps, misc = cols[1:]
            sent.words.append(form)
            sent.spaces.append("SpaceAfter=No" not in misc.split("|"))
            sent.lemmas.append(normalise_lemma(form, lemma))
            sent.pos.append(upos)
            sent.morphs.append("" if feats == "_" else feats)
            raw_heads.append(int(head))
            sent.deps.append(deprel)
    if sent.words:
        sent.heads = [h - 1 if h > 0 else i for i, h in enumerate(raw_heads)]
        yield sent


def to_doc(vocab: spacy.vocab.Vocab, sentences: list[Sentence]) -> Doc:
    """Join sentences into one Doc (sentence boundaries are given by the dependency trees)."""
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool | int | None] = []
    for sent in sentences:
        offset = len(words)
        words.extend(sent.words)
        sp = list(sent.spaces)
        sp[-1] = True  # always a space between sentences
        spaces.extend(sp)
        lemmas.extend(sent.lemmas)
        pos.extend(sent.pos)
        morphs.extend(sent.morphs)
        heads.extend(h + offset for h in sent.heads)
        deps.extend(sent.deps)
        sent_starts.extend([True] + [False] * (len(sent.words) - 1))
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


def chunk(items: list[Sentence], n: int) -> Iterable[list[Sentence]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def write(path: Path, sentences: list[Sentence], n_sents: int) -> None:
    vocab = spacy.blank("nl").vocab
    db = DocBin(store_user_data=False)
    for group in chunk(sentences, n_sents):
        db.add(to_doc(vocab, group))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    tokens = sum(len(s.words) for s in sentences)
    print(f"{path}: {len(sentences)} sentences, {tokens} tokens", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n-sents", type=int, default=10, help="sentences per Doc (as `spacy convert -n`)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    alpino_test = list(read_conllu(ALPINO_TEST))
    lassy_test = list(read_conllu(LASSY_TEST))
    lassy_dev = list(read_conllu(LASSY_DEV))
    dev = lassy_dev[::3]
    blocked = {s.key for s in alpino_test} | {s.key for s in lassy_test} | {s.key for s in dev}

    candidates = (
        list(read_conllu(ALPINO_DEV))
        + [s for i, s in enumerate(lassy_dev) if i % 3 != 0]
        + [harmonise_2017(s) for s in read_conllu(LASSY_2017_TRAIN)]
    )
    train: list[Sentence] = []
    seen: set[str] = set()
    dropped = 0
    for sent in candidates:
        if sent.key in blocked or sent.key in seen:
            dropped += 1
            continue
        seen.add(sent.key)
        train.append(sent)
    print(f"dropped {dropped} training sentences (test/dev overlap or duplicates)", file=sys.stderr)
    # Shuffle before grouping so each Doc mixes genres; seeded for reproducibility.
    random.Random(args.seed).shuffle(train)

    write(args.out_dir / "ud-train.spacy", train, args.n_sents)
    write(args.out_dir / "ud-dev.spacy", dev, args.n_sents)
    write(args.out_dir / "ud-alpino-test.spacy", alpino_test, args.n_sents)
    write(args.out_dir / "ud-lassysmall-test.spacy", lassy_test, args.n_sents)


if __name__ == "__main__":
    main()
