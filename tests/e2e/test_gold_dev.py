"""The evaluation gate (trafilatura's idea): dyad eval on the dev gold with floors pinned here.

A change that lowers a score below its floor fails; raising a floor is how an improvement is recorded.
The floors are the scores measured when they were last raised, rounded down a little for noise-free
slack (the pipeline is deterministic, so the slack is only for harmless reorderings).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.api import analyse
from dyad.evaluation import evaluate, event_score, greedy_match, load_gold, quote_score
from dyad.records import build_records

FLOORS = {
    ("events", "f1"): 0.79,
    ("events", "factuality"): 0.95,
    ("events", "date"): 0.95,
    ("dyads", "f1"): 0.83,
    # 0.97 -> 0.96: partial quotations inside reported speech are kept as quotes of their own, as the
    # nl-politics gold annotates them (train split quotes F1 0.635 -> 0.655, partial 0.32 -> 0.51); this dev
    # gold leaves them out (3 more predictions here, precision 0.974 -> 0.950)
    ("quotes", "f1"): 0.96,
    ("quotes_direct", "f1"): 0.96,
    ("quotes_indirect", "f1"): 0.96,
    ("actors", "country_accuracy"): 0.96,
}


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path) -> dict[str, Any]:
    return evaluate(shared_dir / "gold" / "dev").to_dict()


@pytest.mark.parametrize(("block", "metric"), sorted(FLOORS))
def test_dev_score_floor(dev_scores: dict[str, Any], block: str, metric: str) -> None:
    assert dev_scores[block][metric] >= FLOORS[(block, metric)], json.dumps(dev_scores[block])


def test_every_required_seed_event_and_quote_is_found(shared_dir: Path) -> None:
    gold = next(g for g in load_gold(shared_dir / "gold" / "dev") if g.article.id == "000_c8f14cc41eaac8fb")
    records = build_records(analyse(gold.article))
    matched = {gi for _, gi, _ in greedy_match(records.events, gold.events, event_score(with_code=True))}
    missing = [g["trigger"] for i, g in enumerate(gold.events) if not g.get("optional") and i not in matched]
    assert not missing, f"required seed events not found: {missing}"
    direct = [q for q in gold.quotes if q["kind"] == "direct" and not q.get("optional")]
    found = {gi for _, gi, _ in greedy_match(records.quotes, direct, quote_score)}
    assert found == set(range(len(direct))), "both required direct quotes of the seed, with their speakers"
