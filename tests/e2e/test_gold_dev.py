"""The evaluation gates (trafilatura's idea): dyad eval on the project's test split and on the dev gold, with
floors pinned here.

Both are test sets: rules, lexicon entries and features come from the training split only, so these figures
are what dyad does on news it was not written for. The floors are the scores measured when they were last
set, rounded down a little (the pipeline is deterministic; the slack is for harmless reorderings). A change
that lowers a score below its floor fails; raising a floor records an improvement. The dev floors were
lowered when the dev articles stopped being a source of rules (the entries written for single dev sentences
went, and the codebook-wide lexicon came in).

The floors sit far inside chance: the test split's events F1 has a 95% interval of about +-0.09 over its articles
and a change between two runs one of about +-0.04 (`dyad eval --baseline`). A floor that fails says "look", and
the round that made it fail is kept only with support from the held-out sets beside it (train-B, the other test set).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.api import analyse
from dyad.evaluation import evaluate, event_score, greedy_match, load_gold, quote_score
from dyad.records import build_records

ROOT = Path(__file__).resolve().parents[2]

DEV_FLOORS = {
    # 0.64 -> 0.67 at stop 20: sense and role fixes found on sentences written for them (with_also for the intents to
    # ease, plural nouns after an article, envoys) matched three more dev events (0.654 -> 0.686); the test split's
    # events did not move (23 / 68 before and after)
    ("events", "f1"): 0.67,
    ("events", "factuality"): 0.95,
    # 0.95 -> 0.94 at stop 20: the round that matched more dev events (with_also) brought one more wrong date among
    # the matched ones (64 / 67 -> 66 / 70 right dates at the stop's end); the test split's dates stayed 0.826 and
    # train's rose (0.830 -> 0.837) (docs/EVALUATION.md)
    ("events", "date"): 0.94,
    # 0.77 -> 0.7565 at stop 17: the false-events round (issue13-false) removed false events on train-A, train-B, the
    # test split and dev alike, and lost two dev dyads on the way (docs/EVALUATION.md)
    ("dyads", "f1"): 0.75,
    ("quotes", "f1"): 0.96,
    ("quotes_direct", "f1"): 0.96,
    ("quotes_indirect", "f1"): 0.95,
    ("actors", "country_accuracy"): 0.96,
}

TEST_FLOORS = {
    ("events", "f1"): 0.24,
    ("events", "factuality"): 0.95,
    ("dyads", "f1"): 0.34,
    ("quotes", "f1"): 0.76,
    ("quotes_direct", "f1"): 0.80,
    ("quotes_indirect", "f1"): 0.70,
}


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path) -> dict[str, Any]:
    return evaluate(shared_dir / "gold" / "dev").to_dict()


@pytest.fixture(scope="module")
def test_split_scores() -> dict[str, Any]:
    return evaluate(ROOT / "corpus" / "nl-politics" / "test").to_dict()


@pytest.mark.parametrize(("block", "metric"), sorted(DEV_FLOORS))
def test_dev_score_floor(dev_scores: dict[str, Any], block: str, metric: str) -> None:
    assert dev_scores[block][metric] >= DEV_FLOORS[(block, metric)], json.dumps(dev_scores[block])


@pytest.mark.parametrize(("block", "metric"), sorted(TEST_FLOORS))
def test_test_split_score_floor(test_split_scores: dict[str, Any], block: str, metric: str) -> None:
    assert test_split_scores[block][metric] >= TEST_FLOORS[(block, metric)], json.dumps(test_split_scores[block])


def test_every_required_seed_event_and_quote_is_found(shared_dir: Path) -> None:
    gold = next(g for g in load_gold(shared_dir / "gold" / "dev") if g.article.id == "000_c8f14cc41eaac8fb")
    records = build_records(analyse(gold.article))
    matched = {gi for _, gi, _ in greedy_match(records.events, gold.events, event_score(with_code=True))}
    missing = [g["trigger"] for i, g in enumerate(gold.events) if not g.get("optional") and i not in matched]
    assert not missing, f"required seed events not found: {missing}"
    direct = [q for q in gold.quotes if q["kind"] == "direct" and not q.get("optional")]
    found = {gi for _, gi, _ in greedy_match(records.quotes, direct, quote_score)}
    assert found == set(range(len(direct))), "both required direct quotes of the seed, with their speakers"
