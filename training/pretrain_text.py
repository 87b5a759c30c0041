"""Write the raw Dutch text for ``spacy pretrain`` (one JSON line ``{"text": ...}`` per sentence).

Sources, all on the training side only:

- the DpgMedia2019 articles of the shared split (``dpgmedia2019-nl/dpgMedia2019-articles-byarticle-all.jsonl``,
  title and body), cut into sentences by a punctuation rule; the 20 gold dev articles of dyad's own
  evaluation are kept apart in that corpus and are not in this file;
- the sentences of ``ud-train.spacy`` and ``ner-train.spacy`` written by ``convert_ud.py`` and
  ``convert_conll2002.py`` (already de-duplicated against the test and dev sets).

No test or dev text is used: every sentence whose de-duplication key (characters without whitespace,
lowercased, as in the converters) occurs in UD Alpino/LassySmall test, the UD dev set, CoNLL-2002 testb
or the NER dev set is dropped, and so are repeated sentences. The lines are shuffled with a fixed seed
(``spacy pretrain`` reads them in file order).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import DocBin

DPG = Path("/work/shared/data/dpgmedia2019-nl/dpgMedia2019-articles-byarticle-all.jsonl")

#: A sentence ends at . ! ? or … (with closing quotes/brackets) followed by whitespace and an opener.
_BOUNDARY = re.compile(r"[.!?…][\"'’”)]?(\s+)(?=[\"'‘“„(]?[A-Z0-9À-Ý])")


def key(text: str) -> str:
    return "".join(text.split()).lower()


def docbin_sentences(path: Path) -> Iterator[str]:
    vocab = spacy.blank("nl").vocab
    for doc in DocBin().from_disk(path).get_docs(vocab):
        for sent in doc.sents:
            yield sent.text.strip()


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        sentences.append(text[start : match.start(1)])
        start = match.end(1)
    sentences.append(text[start:])
    return sentences


def dpg_sentences(path: Path) -> Iterator[str]:
    with path.open(encoding="utf8") as handle:
        for line in handle:
            article = json.loads(line)
            for field in ("title", "text"):
                for sent in split_sentences(str(article.get(field) or "")):
                    sent = " ".join(sent.split())
                    if sent:
                        yield sent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus_dir", type=Path, help="folder with the converters' DocBins")
    parser.add_argument("output", type=Path, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    blocked: set[str] = set()
    for name in ("ud-alpino-test", "ud-lassysmall-test", "ud-dev", "ner-testb", "ner-dev"):
        blocked.update(key(s) for s in docbin_sentences(args.corpus_dir / f"{name}.spacy"))

    lines: list[str] = []
    seen: set[str] = set()
    counts: dict[str, int] = {}
    dropped = 0
    sources = {
        "dpgmedia2019": dpg_sentences(DPG),
        "ud-train": docbin_sentences(args.corpus_dir / "ud-train.spacy"),
        "ner-train": docbin_sentences(args.corpus_dir / "ner-train.spacy"),
    }
    for source, sentences in sources.items():
        for sent in sentences:
            k = key(sent)
            if k in blocked or k in seen:
                dropped += 1
                continue
            seen.add(k)
            lines.append(sent)
            counts[source] = counts.get(source, 0) + 1
    random.Random(args.seed).shuffle(lines)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf8") as out:
        for sent in lines:
            out.write(json.dumps({"text": sent}, ensure_ascii=False) + "\n")
    words = sum(len(s.split()) for s in lines)
    print(
        f"{args.output}: {len(lines)} sentences, {words} words ({counts}); "
        f"dropped {dropped} (test/dev text or repeated)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
