"""Assemble dyad's Dutch pipeline from the UD-trained and the NER-trained spaCy pipelines.

The UD pipeline (tok2vec, morphologizer, trainable_lemmatizer, parser) is the base. The NER pipeline's
``ner`` listens to its own ``tok2vec``; its listener is replaced by a private copy of that tok2vec, so the
sourced ``ner`` is self-contained and does not read the UD tok2vec. Only inference weights are written
(``nlp.to_disk``): no optimizer state, no checkpoints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

META = {
    "name": "dyad_nl",
    "version": "0.1.0",
    "description": (
        "dyad's Dutch pipeline: CNN tok2vec + morphologizer (UPOS, features) + edit-tree lemmatizer + "
        "dependency parser trained on UD Dutch, and NER (PER, LOC, ORG, MISC) with its own tok2vec "
        "trained on CoNLL-2002 Dutch. Trained by training/train_nl.sh."
    ),
    "author": "dyad",
    "license": "CC BY-SA 4.0 (UD Dutch training data); NER trained on CoNLL-2002 (research use)",
    "sources": [
        {
            "name": "UD_Dutch-LassySmall train (2017-02-01, UD v2 labels) and two thirds of r2.16 dev",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "UD_Dutch-Alpino r2.16 dev",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "CoNLL-2002 Dutch NER (ned.train and four fifths of ned.testa)",
            "url": "https://www.clips.uantwerpen.be/conll2002/ner/",
            "license": "no licence stated; released for research by the shared-task organisers "
            "(Tjong Kim Sang, 2002)",
        },
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ud_model", type=Path, help="trained UD pipeline (e.g. build/ud/model-best)")
    parser.add_argument("ner_model", type=Path, help="trained NER pipeline (e.g. build/ner/model-best)")
    parser.add_argument("output", type=Path)
    args = parser.parse_args()

    nlp = spacy.load(args.ud_model)
    ner_nlp = spacy.load(args.ner_model)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, last=True)

    performance = dict(nlp.meta.get("performance", {}))
    performance.update({k: v for k, v in ner_nlp.meta.get("performance", {}).items() if k.startswith("ents")})
    nlp.meta.update(META)
    nlp.meta["performance"] = performance  # dev-set scores from training, not the benchmark
    args.output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.output)
    print(f"{args.output}: {nlp.pipe_names}", file=sys.stderr)


if __name__ == "__main__":
    main()
