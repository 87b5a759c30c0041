"""Tests test the language, not the dev gold: no test string copies a sentence of ../shared/gold/dev (a test
set). scripts/find_gold_copies.py is the check (word-set Jaccard >= 0.5 with a gold sentence, strings of 6+
words); the seed article, the project's founding example, may stay in tests."""

from __future__ import annotations

import runpy
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: files not yet rewritten, with the number of dev-gold copies they still hold: the number may only go down
#: (write a sentence for the behaviour, see tests/events/test_event_coder_nl.py), never up, and no file joins.
NOT_YET_REWRITTEN: dict[str, int] = {}


def test_no_test_string_copies_a_dev_gold_sentence(shared_dir: Path) -> None:
    script = runpy.run_path(str(ROOT / "scripts/find_gold_copies.py"), run_name="find_gold_copies")
    hits = script["find_copies"](ROOT / "tests", shared_dir / "gold" / "dev", shared_dir / "seed")
    dev = [h for h in hits if h.origin == "dev"]
    per_file = Counter(h.path for h in dev)
    over = {
        path: n for path, n in per_file.items() if n > NOT_YET_REWRITTEN.get(path, 0)
    }
    assert not over, "test strings copy dev-gold sentences (write new ones): " + "; ".join(
        f"{h.path}:{h.line} {h.text[:80]!r} ~ {h.article}" for h in dev if h.path in over
    )


def test_the_check_finds_a_copy_and_passes_a_new_sentence(tmp_path: Path, shared_dir: Path) -> None:
    script = runpy.run_path(str(ROOT / "scripts/find_gold_copies.py"), run_name="find_gold_copies")
    tests = tmp_path / "tests"
    tests.mkdir()
    # a dev-gold sentence is read from the gold, so that this file copies none
    dev = next(s for s in script["gold_sentences"](shared_dir / "gold" / "dev", shared_dir / "seed") if s[0] == "dev")
    (tests / "test_x.py").write_text(
        f"A = {dev[3]!r}\n"
        "B = 'Het Noorse parlement keurde gisteren een nieuwe visserijwet goed.'\n"
        "C = 'Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug.'\n"
        f"D = {'Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug. ' + dev[3]!r}\n",
        encoding="utf-8",
    )
    hits = script["find_copies"](tests, shared_dir / "gold" / "dev", shared_dir / "seed")
    assert [(h.line, h.origin) for h in sorted(hits, key=lambda h: h.line)] == [(1, "dev"), (3, "seed"), (4, "dev")]
