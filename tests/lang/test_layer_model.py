"""The layer loads a trained spaCy pipeline from a path the user gives, keeps its own news sentence
boundaries, and takes POS, morphology and the parse from it. The pipeline here is trained by the test
itself on a few UD Dutch-Alpino sentences, so the loading code runs in CI without a shipped model."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from dyad.errors import ConfigError
from dyad.lang.layer import LanguageLayer, analyse_text, get_layer, model_path


def _conllu_sentences(path: Path, limit: int) -> list[list[list[str]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                sentences.append(current)
                current = []
            if len(sentences) == limit:
                break
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                current.append(cols)
    return sentences


@pytest.fixture(scope="module")
def tiny_model(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    conllu = shared_dir / "data" / "ud-dutch" / "current-r2.16" / "alpino__nl_alpino-ud-dev.conllu"
    nlp = spacy.blank("nl")
    nlp.add_pipe("morphologizer")
    nlp.add_pipe("parser")
    examples = []
    for rows in _conllu_sentences(conllu, 40):
        words = [r[1] for r in rows]
        heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
        deps = [r[7] for r in rows]
        pos = [r[3] for r in rows]
        examples.append(Example.from_dict(Doc(nlp.vocab, words=words), {"heads": heads, "deps": deps, "pos": pos}))
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(6):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer)
    out = tmp_path_factory.mktemp("model") / "nl-tiny"
    nlp.to_disk(out)
    return out


SEED = ("Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug, nadat president Biden de "
        "Russische president Poetin een ‘moordenaar’ had genoemd. ‘De verantwoordelijkheid daarvoor ligt volledig "
        "bij de VS’.")


def test_trained_pipeline_fills_pos_morph_and_parse_within_rule_sentences(tiny_model: Path) -> None:
    doc = analyse_text(SEED, "nl", model=str(tiny_model))
    assert len(doc.sentences) == 2  # the layer's boundaries, not the parser's
    assert all(t.pos for t in doc.tokens)
    for sent in doc.sentences:
        roots = 0
        for tok in doc.tokens[sent.token_start : sent.token_end]:
            assert tok.dep
            if tok.head == -1:
                roots += 1
            else:
                assert sent.token_start <= tok.head < sent.token_end
        assert roots == 1
    # No NER in the model: names still come from the rules.
    assert "Poetin" in {doc.span_text(n.start, n.end) for n in doc.names}


def test_model_path_from_environment(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_MODEL_NL", str(tiny_model))
    assert model_path("nl") == tiny_model


def test_a_wrong_model_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no trained spaCy pipeline here"):
        LanguageLayer("nl", str(tmp_path / "missing"))


def test_without_a_model_the_rules_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYAD_MODEL_NL", raising=False)  # the suite may run with a model in the environment
    get_layer.cache_clear()  # and may have cached that model's layer under the same key
    doc = analyse_text(SEED, "nl")
    assert all(t.dep == "" and t.head == -1 for t in doc.tokens)
