from __future__ import annotations

import pytest

from dyad.readers.ids import safe_id, text_id


def test_text_id_depends_on_text_only() -> None:
    assert text_id("Moskou riep zijn ambassadeur terug.") == text_id("Moskou riep zijn ambassadeur terug.")
    assert text_id("Moskou riep zijn ambassadeur terug.") != text_id("Moskou riep zijn ambassadeur terug")


@pytest.mark.parametrize("raw", ["10748045", "dpg-10748045", "nos_2021.03.23"])
def test_safe_id_keeps_safe_ids(raw: str) -> None:
    assert safe_id(raw) == raw


def test_safe_id_slugs_and_disambiguates() -> None:
    link = "https://nos.nl/artikel/2373468-moskou-roept-ambassadeur-terug?utm=rss"
    made = safe_id(link)
    assert made.startswith("nos-nl-artikel-2373468-moskou-roept-ambassadeur-terug")
    assert made == safe_id(link)
    # two ids that slug alike still differ
    assert safe_id("https://a.example/x?y") != safe_id("https://a.example/x/y")
    assert len(safe_id("https://a.example/" + "lang" * 100)) <= 60 + 1 + 8
    assert safe_id("::").startswith("id-")
