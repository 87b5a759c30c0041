"""Accuracy of the resolver on a table of Dutch expressions from real news sentences (nl_expressions.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from deed_dating import date_of

from dyad.document import PartialDate
from dyad.temporal import find_timexes

TABLE = Path(__file__).with_name("nl_expressions.tsv")


def _rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _outcome(row: dict[str, str]) -> str:
    """The value the resolver gives the expression in its sentence: ISO, "None", or "absent"."""
    published = PartialDate.parse(row["published"])
    wanted = row["expression"].lower()
    for expr in find_timexes(row["sentence"], published, "nl"):
        if expr.text.lower() == wanted:
            return expr.value.iso() if expr.value is not None else "None"
    return "absent"


def test_table_is_large_and_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 150
    for row in rows:
        assert row["expression"].lower() in row["sentence"].lower(), row
        if row["expected"] not in {"absent", "None"}:
            PartialDate.parse(row["expected"])


def test_table_accuracy() -> None:
    rows = _rows()
    wrong = [
        (r["expression"], r["published"], r["expected"], got)
        for r in rows
        if (got := _outcome(r)) != r["expected"]
    ]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.90, f"accuracy {accuracy:.3f}; wrong: {wrong}"


def _deed_rows() -> list[dict[str, str]]:
    return [r for r in _rows() if r.get("deed")]


def test_the_table_dates_deeds_of_each_class() -> None:
    rows = _deed_rows()
    assert len(rows) >= 10
    for row in rows:
        assert row["deed"] in row["sentence"] and row["deed_date"], row


@pytest.mark.parametrize("row", _deed_rows(), ids=lambda r: f"{r['deed']}:{r['sentence'][:40]}")
def test_table_deed_date(row: dict[str, str]) -> None:
    """The deed of a written sentence is dated by the time of its own clause, or as the class says."""
    assert date_of(row["sentence"], row["deed"], PartialDate.parse(row["published"])) == row["deed_date"]


@pytest.mark.parametrize("published", ["2021-03", "2020"])
def test_day_level_expressions_stay_at_the_publication_precision(published: str) -> None:
    """Against a month- or year-precise publication date, the day words, weekdays and weeks of the real
    sentences come out at exactly that precision."""
    pub = PartialDate.parse(published)
    checked = 0
    for row in _rows():
        for expr in find_timexes(row["sentence"], pub, "nl"):
            f = expr.frame
            day_level = f.op in {"deictic", "weekday"} or (
                f.op in {"unit", "offset"} and f.unit in {"day", "week", "weekend"} and f.anchor == "pub"
            )
            if day_level:
                assert expr.value == pub, (row["sentence"], expr.text, expr.value)
                checked += 1
    assert checked >= 50
