"""Check that the joint config's union corpus has partial annotation spaCy treats as *missing*.

Usage: ``.venv/bin/python training/check_joint_data.py [training/nl_joint.cfg]`` (from the repository
root; reads build/corpus). For the training examples as the joint reader yields them (augmenter
included) it checks that

- UD Docs have no entity annotation (``has_annotation("ENT_IOB")`` False, every ``ent_iob`` 0 = missing,
  not 2 = ``O``), and CoNLL Docs no POS, MORPH, LEMMA or DEP;
- the ner's and the parser's transition systems report no gold (``moves.has_gold``) for the Docs without
  their annotation, so their ``update`` skips them;
- the morphologizer's and the edit-tree lemmatizer's ``get_loss`` give a zero gradient on every token of
  a CoNLL Doc (their missing-label paths), and a non-zero one on the UD Docs;
- the dev-set scorer ignores the entity predictions on UD Docs and the POS/LAS ones on CoNLL Docs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy
import spacy
from spacy.training import Example
from spacy.training.initialize import init_nlp
from spacy.util import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
import joint_nl  # noqa: E402,F401  (registers the reader and the augmenter)


def main() -> None:
    cfg_path = Path(sys.argv[1] if len(sys.argv) > 1 else "training/nl_joint.cfg")
    config = load_config(cfg_path, overrides={"paths.init_tok2vec": None}, interpolate=False)
    nlp = init_nlp(config)
    T = spacy.util.registry.resolve(config.interpolate()["corpora"])
    train = list(T["train"](nlp))
    ud = [eg for eg in train if eg.reference.has_annotation("DEP")]
    ner = [eg for eg in train if not eg.reference.has_annotation("DEP")]
    print(f"train examples: {len(train)} (UD {len(ud)}, CoNLL {len(ner)})")
    bad = 0
    for eg in ud:
        y = eg.reference
        if y.has_annotation("ENT_IOB") or any(t.ent_iob != 0 for t in y):
            bad += 1
    print("UD Docs with entity annotation (must be 0):", bad)
    bad = sum(
        any(eg.reference.has_annotation(a) for a in ("POS", "MORPH", "LEMMA", "DEP")) for eg in ner
    )
    print("CoNLL Docs with POS/MORPH/LEMMA/DEP (must be 0):", bad)
    parser, ner_pipe = nlp.get_pipe("parser"), nlp.get_pipe("ner")
    print("parser has_gold on CoNLL Docs (must be 0):", sum(parser.moves.has_gold(eg) for eg in ner),
          "| on UD Docs:", sum(parser.moves.has_gold(eg) for eg in ud), "of", len(ud))
    print("ner has_gold on UD Docs (must be 0):", sum(ner_pipe.moves.has_gold(eg) for eg in ud),
          "| on CoNLL Docs:", sum(ner_pipe.moves.has_gold(eg) for eg in ner), "of", len(ner))
    sample_ud, sample_ner = ud[:40], ner[:40]
    for name in ("morphologizer", "trainable_lemmatizer"):
        pipe = nlp.get_pipe(name)
        for label, sample in (("CoNLL", sample_ner), ("UD", sample_ud)):
            docs = [eg.predicted for eg in sample]
            docs = list(nlp.get_pipe("tok2vec").pipe(docs))  # doc.tensor feeds the listener
            scores = pipe.model.predict(docs)
            _, d_scores = pipe.get_loss(sample, scores)
            nonzero = sum(int(numpy.abs(numpy.asarray(d)).sum(axis=1).astype(bool).sum()) for d in d_scores)
            n_tok = sum(len(d) for d in docs)
            print(f"{name} get_loss on {label} sample: tokens with non-zero gradient {nonzero} of {n_tok}")
    # Scorer: predictions on Docs without gold annotation are not counted.
    ud_dev = [Example(nlp.make_doc(eg.reference.text), eg.reference) for eg in ud[:5]]
    for eg in ud_dev:
        eg.predicted.ents = [eg.predicted[0:1]]  # a spurious entity on a Doc without NER gold
    s = nlp.get_pipe("ner").scorer(ud_dev)
    print("ents scored on UD Docs with a spurious entity (must be None):", s.get("ents_f"))
    ner_dev = [Example(nlp.make_doc(eg.reference.text), eg.reference) for eg in ner[:5]]
    for eg in ner_dev:
        for t in eg.predicted:
            t.pos_ = "NOUN"
    s = nlp.get_pipe("morphologizer").scorer(ner_dev)
    print("pos_acc on CoNLL Docs with predicted POS (must be None):", s.get("pos_acc"))


if __name__ == "__main__":
    main()
