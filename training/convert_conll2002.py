"""Convert CoNLL-2002 Dutch NER (IOB2) into spaCy DocBins.

- ``ner-train.spacy``: ``ned.train`` plus four of every five documents of ``ned.testa``.
- ``ner-dev.spacy``: every fifth document of ``ned.testa`` (model selection only).
- ``ner-testb.spacy``: ``ned.testb``, the reported test set, never trained on.

Documents are cut at ``-DOCSTART-`` lines and then into Docs of at most ``--n-sents`` sentences, with
sentence starts set. Tokens are joined by single spaces (the corpus has no spacing information).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

CONLL_DIR = Path("/work/shared/data/conll2002-nl")

Sentence = list[tuple[str, str]]  # (word, IOB2 tag)


def read_documents(path: Path) -> Iterator[list[Sentence]]:
    """Yield documents (lists of sentences) of a CoNLL-2002 file."""
    doc: list[Sentence] = []
    sent: Sentence = []
    with path.open(encoding="utf8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                if doc:
                    yield doc
                doc, sent = [], []
                continue
            sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def _key(sent: Sentence) -> str:
    return "".join(w for w, _ in sent).lower()


def to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    words = [w for sent in sentences for w, _ in sent]
    ents = [t for sent in sentences for _, t in sent]
    sent_starts: list[bool | int | None] = [i == 0 for sent in sentences for i in range(len(sent))]
    return Doc(vocab, words=words, ents=ents, sent_starts=sent_starts)


def write(path: Path, documents: list[list[Sentence]], n_sents: int) -> None:
    vocab = spacy.blank("nl").vocab
    db = DocBin(store_user_data=False)
    n_sent = n_tok = 0
    for document in documents:
        for i in range(0, len(document), n_sents):
            group = document[i : i + n_sents]
            db.add(to_doc(vocab, group))
            n_sent += len(group)
            n_tok += sum(len(s) for s in group)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    print(f"{path}: {len(documents)} documents, {n_sent} sentences, {n_tok} tokens", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n-sents", type=int, default=10)
    args = parser.parse_args()

    train = list(read_documents(CONLL_DIR / "ned.train"))
    testa = list(read_documents(CONLL_DIR / "ned.testa"))
    testb = list(read_documents(CONLL_DIR / "ned.testb"))
    dev = [d for i, d in enumerate(testa) if i % 5 == 0]
    train += [d for i, d in enumerate(testa) if i % 5 != 0]
    # Never train on a sentence whose text also occurs in the reported test set (or the dev set).
    blocked = {_key(s) for doc in testb + dev for s in doc}
    before = sum(len(d) for d in train)
    train = [kept for d in train if (kept := [s for s in d if _key(s) not in blocked])]
    dropped = before - sum(len(d) for d in train)
    print(f"dropped {dropped} training sentences found in testb/dev", file=sys.stderr)

    write(args.out_dir / "ner-train.spacy", train, args.n_sents)
    write(args.out_dir / "ner-dev.spacy", dev, args.n_sents)
    write(args.out_dir / "ner-testb.spacy", testb, args.n_sents)


if __name__ == "__main__":
    main()
