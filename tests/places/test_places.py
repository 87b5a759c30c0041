"""Places: names after a place preposition, resolved through the offline gazetteer to coordinates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.api import analyse
from dyad.document import Article
from dyad.gazetteer import find_places, gazetteer
from dyad.records import build_records

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.parametrize(
    ("text", "language", "name", "country"),
    [
        ("Een ontmoeting met een hoge Chinese delegatie in Alaska.", "nl", "Alaska", "USA"),
        ("De top in Hanoi eindigde zonder akkoord.", "nl", "Hanoi", "VNM"),
        ("Na de aanslag in Christchurch sprak Ardern.", "nl", "Christchurch", "NZL"),
        ("Het kabinet vergaderde in Den Haag.", "nl", "The Hague", "NLD"),
        ("Lavrov was in Moskou.", "nl", "Moscow", "RUS"),
        ("Troepen trokken samen in de Verenigde Staten.", "nl", "United States", "USA"),
        ("Ministers met in Canberra on Tuesday.", "en", "Canberra", "AUS"),
    ],
)
def test_a_place_after_a_preposition_resolves_to_coordinates(text: str, language: str, name: str,
                                                            country: str) -> None:
    (mention,) = find_places(text, language)
    assert (mention.place.name, mention.place.country) == (name, country)
    assert mention.place.lat is not None and mention.place.lon is not None
    assert text[mention.start:mention.end] == mention.text


def test_words_that_are_no_place_are_left_alone() -> None:
    assert find_places("Hij zei in een verklaring dat Poetin in Het Parool werd geciteerd.", "nl") == []
    assert find_places("in", "nl") == []


def test_the_gazetteer_prefers_a_country_then_a_state_then_the_largest_city() -> None:
    places = gazetteer()
    alaska = places.lookup("Alaska")
    assert alaska is not None and alaska.kind == "state" and alaska.country == "USA"
    assert 55 < (alaska.lat or 0) < 72 and -170 < (alaska.lon or 0) < -130
    georgia = places.lookup("Georgia")
    assert georgia is not None and georgia.kind == "country"


def test_the_seeds_alaska_is_the_place_of_its_event() -> None:
    path = SHARED / "seed" / "000_c8f14cc41eaac8fb.txt"
    text = path.read_text(encoding="utf-8").split("\n", 1)[1]
    records = build_records(analyse(Article(id="seed", text=text, language="nl")))
    places = [e["place"] for e in records.events if e["place"]]
    alaska = [p for p in places if p["name"] == "Alaska"]
    assert alaska and alaska[0]["country"] == "USA"
    assert alaska[0]["lat"] == pytest.approx(61.2, abs=0.5) and alaska[0]["lon"] == pytest.approx(-149.9, abs=0.5)


def test_the_dev_articles_places_come_out_with_coordinates() -> None:
    found = []
    with open(SHARED / "gold" / "dev" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            found.extend(find_places(article["text"], "nl"))
    names = {m.place.name for m in found}
    assert {"Tripoli", "Istanbul", "Ankara", "London", "Venezuela", "Washington"} <= names
    assert all(m.place.lat is not None and m.place.lon is not None and m.place.country for m in found)
