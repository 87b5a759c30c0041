"""Precision and recall of the resolver on a hand-annotated table of mentions in real sentences
(tests/actors/data/mentions_nl.tsv: DpgMedia2019 articles with their publication dates, CoNLL-2002)."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import code_of, resolve

TABLE = Path(__file__).parent / "data" / "mentions_nl.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_table_is_large_and_real(shared: Path) -> None:
    rows = _rows()
    assert len(rows) >= 200
    corpus = (shared / "data/dpgmedia2019-nl/dpgMedia2019-articles-byarticle-all.jsonl").read_text(
        encoding="utf-8"
    )
    conll = (shared / "data/conll2002-nl/ned.testa").read_text(encoding="utf-8")
    for r in rows:
        assert r["mention"] in r["sentence"]
        if r["source"] == "dpgmedia2019":
            assert r["sentence"][:60] in corpus.replace('\\"', '"'), r["sentence"][:60]
        else:
            assert r["sentence"].split()[0] in conll


def test_precision_and_recall() -> None:
    tp = fp = fn = 0
    errors = []
    for r in _rows():
        date = None if r["date"] in ("", "-") else r["date"]
        doc = resolve(r["sentence"], date)
        got = code_of(doc, r["mention"])
        want = None if r["expected"] == "-" else r["expected"]
        if got == want:
            tp += want is not None
            continue
        if got is not None:
            fp += 1
        if want is not None:
            fn += 1
        errors.append((r["mention"], want, got))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"P={precision:.3f} R={recall:.3f} tp={tp} fp={fp} fn={fn}")
    for e in errors:
        print("  ", e)
    assert precision >= 0.95, errors
    assert recall >= 0.90, errors
