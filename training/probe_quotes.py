"""Curly-quote probe: UPOS/LAS of a trained pipeline on the UD test Docs that contain quotation marks, with
the marks straight (as in the treebanks) and rewritten to ‘ ’ and to “ ” by ``augment_nl.curly_reference``,
plus the share of quotation-mark tokens tagged PUNCT. Prints one JSON object.

    .venv/bin/python training/probe_quotes.py build/nl-final [build/corpus]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
import augment_nl  # noqa: E402

QUOTES = frozenset("‘’“”„\"'")


def main() -> None:
    model = sys.argv[1]
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("build/corpus")
    nlp = spacy.load(model)
    out: dict[str, object] = {"model": model}
    for name in ("ud-alpino-test", "ud-lassysmall-test"):
        docs = list(DocBin().from_disk(corpus / f"{name}.spacy").get_docs(nlp.vocab))
        docs = [d for d in docs if augment_nl.quote_positions(d)]
        for style, pair in (("straight", None), ("single", ("‘", "’")), ("double", ("“", "”"))):
            refs = []
            for doc in docs:
                if pair is None:
                    refs.append(doc)
                    continue
                augment_nl.CURLY_PAIRS = (pair,)
                ref = augment_nl.curly_reference(doc, random.Random(0))
                assert ref is not None
                refs.append(ref)
            examples = [Example(nlp.make_doc(ref.text), ref) for ref in refs]
            scores = nlp.evaluate(examples)
            quote_tokens = [t for doc in nlp.pipe(ref.text for ref in refs) for t in doc if t.text in QUOTES]
            punct = sum(t.pos_ == "PUNCT" for t in quote_tokens) / max(len(quote_tokens), 1)
            out[f"{name}/{style}"] = {
                "docs": len(docs),
                "upos": round(scores["pos_acc"], 4),
                "las": round(scores["dep_las"], 4),
                "quote_punct": round(punct, 4),
            }
    example = nlp("Hij noemde Poetin een ‘moordenaar’ en zei: „Dat is zo”.")
    out["example"] = [(t.text, t.pos_, t.dep_) for t in example]
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
