"""The codebook-wide lexicon through the whole pipeline: for each CAMEO code, Dutch news sentences written for
it (not taken from any annotated article) must come out with that code's root and dyad.

Rows live in `tests/events/data/nl_codebook_*.tsv`: `code<TAB>source<TAB>target<TAB>factuality<TAB>sentence`
(countries as ISO alpha-3 or organisation codes). A row's code is the one the sentence was written for; the
test asks for its root, the level the scorer reads, and for the exact code in `exact_share` of the rows.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.records import build_records

DATA = Path(__file__).parent / "data"
PUBLISHED = "2019-03-12"


def _rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for path in sorted(DATA.glob("nl_codebook_*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.reader(handle, delimiter="\t")):
                if not row or row[0].startswith("#") or row[0] == "code":
                    continue
                if len(row) != 5:
                    raise AssertionError(f"{path.name}:{n + 1}: expected 5 tab-separated columns, got {len(row)}")
                rows.append((row[0].strip(), row[1].strip(), row[2].strip(), row[3].strip(), row[4].strip()))
    return rows


@cache
def _events(sentence: str) -> tuple[tuple[str, str, str, str], ...]:
    article = Article(id="t", text=sentence, published=PartialDate.parse(PUBLISHED), language="nl")
    records = build_records(analyse(article))
    return tuple(
        (e["source"]["country"], e["target"]["country"], e["cameo"], e["factuality"]) for e in records.events
    )


ROWS = _rows()


def test_the_tables_cover_the_codebook_roots() -> None:
    assert {row[0][:2] for row in ROWS} >= {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(("code", "source", "target", "factuality", "sentence"), ROWS,
                         ids=[f"{r[0]}-{n}" for n, r in enumerate(ROWS)])
def test_a_sentence_written_for_a_code_gets_its_root_and_dyad(
    code: str, source: str, target: str, factuality: str, sentence: str
) -> None:
    got = _events(sentence)
    assert any(s == source and t == target and c[:2] == code[:2] and f == factuality for s, t, c, f in got), got
