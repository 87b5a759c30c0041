"""Date accuracy on the gold dev events, with gold sentences and triggers placed as events (so the figure
measures the time resolver alone, not the event coder)."""

from __future__ import annotations

import pytest
from temporal_gold_dates import GOLD, date_right, evaluate

from dyad.document import PartialDate


def test_date_right_follows_the_scoring_rules() -> None:
    assert date_right(PartialDate(2019, 3, 4), "2019-W10")
    assert not date_right(PartialDate(2019, 3, 3), "2019-W10")
    assert date_right(PartialDate(2019, 3, 4), "2019-03")
    assert not date_right(PartialDate(2019), "2019-03")
    assert date_right(None, None)


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared gold not present")
def test_gold_dev_date_accuracy() -> None:
    right, total = evaluate(required_only=True)
    assert total >= 80
    assert right / total >= 0.85, f"{right}/{total}"
