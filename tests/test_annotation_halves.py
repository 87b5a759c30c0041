"""The two fixed halves of the training split (annotation/halves.py): disjoint, complete, readable from anywhere."""

from __future__ import annotations

import runpy
from pathlib import Path

from dyad.evaluation import load_gold

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "corpus" / "nl-politics" / "train"


def test_the_halves_split_train_in_two_and_read_the_same_articles(tmp_path: Path) -> None:
    script = runpy.run_path(str(ROOT / "annotation" / "halves.py"), run_name="halves")
    out = tmp_path / "some" / "deeper" / "place"
    assert script["main"]([str(out)]) == 0
    a, b = ({p.name for p in (out / half).glob("*.json")} for half in ("A", "B"))
    train = {p.name for p in TRAIN.glob("*.json")}
    assert a | b == train and not a & b and len(a) - len(b) in (0, 1)
    assert script["main"]([str(out)]) == 0  # again: the same halves, nothing left over
    assert {p.name for p in (out / "A").glob("*.json")} == a
    first = sorted(a)[0]
    (moved,) = [g for g in load_gold(out / "A") if g.path.name == first]
    (original,) = [g for g in load_gold(TRAIN) if g.path.name == first]
    assert moved.article.text == original.article.text and moved.events == original.events
