"""The joint corpus reader of training/nl_joint.cfg: several DocBins as one corpus, one read N times."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

TRAINING = Path(__file__).resolve().parents[2] / "training"


@pytest.fixture(scope="module")
def joint_nl():
    sys.path.insert(0, str(TRAINING))
    try:
        spec = importlib.util.spec_from_file_location("joint_nl", TRAINING / "joint_nl.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(TRAINING))


def test_paths_with_repeats(joint_nl) -> None:
    assert joint_nl.parse_paths("a.spacy*2, b.spacy") == [(Path("a.spacy"), 2), (Path("b.spacy"), 1)]
    with pytest.raises(ValueError, match="no corpus paths"):
        joint_nl.parse_paths(" , ")


def test_the_union_reads_each_file_its_number_of_times(joint_nl, tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    for name, words in (("ud", ["De", "VS", "zwijgen", "."]), ("ner", ["Rutte", "belde", "."])):
        DocBin(docs=[Doc(nlp.vocab, words=words)]).to_disk(tmp_path / f"{name}.spacy")
    read = joint_nl.create_joint_corpus(f"{tmp_path / 'ud.spacy'}*2,{tmp_path / 'ner.spacy'}")
    texts = [example.reference.text.strip() for example in read(nlp)]
    assert texts == ["De VS zwijgen .", "De VS zwijgen .", "Rutte belde ."]
