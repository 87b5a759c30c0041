"""Fuzzing the readers (issue 16): folders of thousands of generated hostile units (see `fuzz_inputs`).
Nothing is raised, every good article comes out with its origin, and every bad unit is one failure that
names it, with an error code and a reason."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dyad.document import Article  # noqa: E402
from dyad.readers import ReadFailure, read_inputs  # noqa: E402
from fuzz_inputs import Fuzz  # noqa: E402

CODES = {"E000", "E001", "E002", "E003", "E004"}


@pytest.mark.parametrize("seed", range(12))
def test_every_good_unit_is_read_and_every_bad_one_reported(tmp_path: Path, seed: int) -> None:
    fuzz = Fuzz(seed)
    case = fuzz.folder(tmp_path / "in", files=30)
    articles: dict[str, str] = {}
    failures: dict[str, ReadFailure] = {}
    for item in read_inputs([tmp_path / "in"]):
        if isinstance(item, Article):
            assert item.id not in articles, item.id
            assert item.origin is not None
            articles[item.id] = item.origin
            assert item.language in ("nl", "en")
        else:
            assert isinstance(item, ReadFailure)
            assert item.origin not in failures, item
            failures[item.origin] = item
    assert articles == case.good
    assert set(failures) == case.bad, (set(failures) ^ case.bad)
    for failure in failures.values():
        assert failure.code in CODES and failure.code == failure.error.code
        assert failure.message.strip()
        str(failure).encode("utf-8")  # printable, storable
    assert len(case.good) + len(case.bad) > 60
