"""A trained Dutch pipeline (`make train-nl` writes build/nl-model/) loads offline and analyses real Dutch
sensibly. These tests need the trained model and skip without it; the layer's model-loading code itself is
tested in CI with a small pipeline trained by the test (tests/lang/test_layer_model.py).

Sentences come from the seed article (/work/shared/seed), UD Dutch-Alpino test and CoNLL-2002 testb;
the model never saw the test sentences in training (training/README.md).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[2]
#: The trained model; DYAD_MODEL_NL points the tests at another trained pipeline (e.g. build/nl-final).
MODEL = Path(os.environ.get("DYAD_MODEL_NL", str(ROOT / "build" / "nl-model")))
SHARED = Path(os.environ.get("DYAD_SHARED", str(ROOT.parent / "shared")))
SEED = SHARED / "seed" / "000_c8f14cc41eaac8fb.txt"
ALPINO_TEST = SHARED / "data" / "ud-dutch" / "current-r2.16" / "alpino__nl_alpino-ud-test.conllu"

SEED_SENTENCES = [
    "Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug, nadat president Biden de "
    "Russische president Poetin een ‘moordenaar’ had genoemd.",
    "Biden verzekerde verder dat Poetin een prijs zal betalen voor de Russische pogingen de Amerikaanse "
    "verkiezingen te beïnvloeden.",
    "Lavrov probeerde duidelijk diplomatieke munt te slaan uit de verkilling van de relaties van beide "
    "landen met de VS.",
    "Volgens hem moeten Rusland en China zich allebei verzetten tegen de ‘ideologische agenda’ van de VS "
    "en het Westen.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    if not (MODEL / "config.cfg").is_file():
        pytest.skip(f"no trained model at {MODEL}: run `make train-nl` (about 45 minutes) to test it")
    start = time.perf_counter()
    loaded = spacy.load(MODEL)
    assert time.perf_counter() - start < 10, "loading the shipped model is too slow"
    return loaded


def parse(nlp: Language, text: str) -> Doc:
    """Parse one sentence as a sentence: the parser must not split it (dyad sets sentence starts)."""
    doc = nlp.make_doc(text)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_model_has_all_components_and_meta(nlp: Language) -> None:
    for name in ("tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert nlp.lang == "nl"
    assert "CC BY-SA" in nlp.meta["license"]
    assert {"PER", "LOC", "ORG", "MISC"} <= set(nlp.get_pipe("ner").labels)
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 60e6
    assert not any(p.name.startswith(("model-last", "model-best")) for p in MODEL.rglob("*"))


def test_seed_is_the_expected_text() -> None:
    text = SEED.read_text(encoding="utf8")
    for sentence in SEED_SENTENCES:
        assert sentence in text


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_one_root_per_sentence(nlp: Language, sentence: str) -> None:
    doc = parse(nlp, sentence)
    roots = [tok for tok in doc if tok.dep_ == "ROOT"]
    assert len(roots) == 1, [t.text for t in roots]
    assert roots[0].pos_ in {"VERB", "AUX", "NOUN", "ADJ"}
    # Every token reaches the root.
    for tok in doc:
        assert roots[0] in [tok, *tok.ancestors]


def test_names_are_proper_nouns(nlp: Language) -> None:
    doc = parse(nlp, SEED_SENTENCES[0])
    by_text = {t.text: t for t in doc}
    for name in ("Biden", "Poetin", "Moskou"):
        assert by_text[name].pos_ == "PROPN", (name, by_text[name].pos_)
    assert by_text["riep"].pos_ == "VERB"
    assert by_text["Russische"].pos_ == "ADJ"
    assert by_text["de"].pos_ == "DET"
    assert by_text["president"].pos_ == "NOUN"


def test_subject_object_and_lemmas(nlp: Language) -> None:
    doc = parse(nlp, SEED_SENTENCES[1])
    by_text = {t.text: t for t in doc}
    assert by_text["verzekerde"].dep_ == "ROOT"
    assert by_text["Biden"].dep_ == "nsubj"
    assert by_text["Biden"].head.text == "verzekerde"
    assert by_text["pogingen"].lemma_ == "poging"
    assert by_text["verkiezingen"].lemma_ == "verkiezing"
    assert by_text["zal"].lemma_ == "zullen"
    assert parse(nlp, SEED_SENTENCES[0])[1].lemma_ == "roepen"  # riep
    assert by_text["pogingen"].morph.get("Number") == ["Plur"]


def test_entities_in_the_seed(nlp: Language) -> None:
    doc = parse(nlp, SEED_SENTENCES[0])
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Poetin", "PER") in ents
    assert ("Moskou", "LOC") in ents
    assert ("Verenigde Staten", "LOC") in ents
    assert ("Russische", "MISC") in ents  # CoNLL-2002 convention for nationality adjectives
    doc = nlp("De Amerikaanse president Joe Biden sprak maandag met de Chinese leider Xi Jinping.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joe Biden", "PER") in ents
    assert ("Xi Jinping", "PER") in ents


def test_upos_on_alpino_test_sample(nlp: Language) -> None:
    """UPOS accuracy on the first 60 gold-tokenised UD Alpino test sentences (held out from training)."""
    correct = total = 0
    sentence: list[tuple[str, str]] = []
    n_sentences = 0
    for line in ALPINO_TEST.read_text(encoding="utf8").splitlines() + [""]:
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            sentence.append((cols[1], cols[3]))
        elif not line and sentence:
            doc = Doc(nlp.vocab, words=[w for w, _ in sentence])
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            correct += sum(t.pos_ == gold for t, (_, gold) in zip(doc, sentence, strict=True))
            total += len(sentence)
            sentence = []
            n_sentences += 1
            if n_sentences == 60:
                break
    assert total > 800
    assert correct / total > 0.9
