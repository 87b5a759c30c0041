"""Classes of wording and roles the rules missed (issue 13, event recall), each through the whole pipeline on
sentences written for the class (not taken from any annotated article)."""

from __future__ import annotations

from functools import cache

import pytest

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.records import build_records


@cache
def _events(text: str) -> tuple[tuple[str, str, str], ...]:
    article = Article(id="t", text=text, published=PartialDate.parse("2019-03-12"), language="nl")
    records = build_records(analyse(article))
    return tuple((e["source"]["country"], e["target"]["country"], e["cameo"][:2]) for e in records.events)


# a domestic party or member of parliament that demands a change with no addressee named demands it of its own
# government (the `domestic` flag of the demand entries)
@pytest.mark.parametrize("text", [
    "De SP eiste dat de huurverhoging wordt teruggedraaid.",
    "Het CDA eist een koerswijziging in het landbouwbeleid.",
    "De PVV eist dat de grenzen dichtgaan.",
])
def test_a_domestic_demand_goes_to_the_government(text: str) -> None:
    assert ("NLD", "NLD", "10") in _events(text)


def test_a_demand_with_its_addressee_keeps_it() -> None:
    got = _events("De SP eiste van Duitsland dat de grens opengaat.")
    assert ("NLD", "DEU", "10") in got
    assert ("NLD", "NLD", "10") not in got
