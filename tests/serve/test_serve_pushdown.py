"""The API hands every filter, the count and the page to the store: rows read per request, keyset
cursors, and text search that treats LIKE's wildcards as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyad.serve import create_app
from dyad.serve.query import QueryError, decode_cursor, encode_cursor
from dyad.store import DuckDBStore


class CountingStore(DuckDBStore):
    """A read-only DuckDB store that counts the rows its queries hand to Python."""

    rows_read = 0

    def _dicts(self, sql: str, params: list[object] | None = None) -> Iterator[dict[str, Any]]:
        for row in super()._dicts(sql, params):
            self.rows_read += 1
            yield row


@pytest.fixture(scope="module")
def counting(store_path: Path) -> Iterator[tuple[TestClient, CountingStore]]:
    store = CountingStore(store_path, read_only=True)
    with TestClient(create_app(store)) as client:
        yield client, store
    store.close()


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as opened:
        yield opened


@pytest.fixture(scope="module")
def all_events(store_path: Path) -> list[dict[str, Any]]:
    with DuckDBStore(store_path, read_only=True) as store:
        return list(store.events())


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is True
    return body


def by_cursor(client: TestClient, path: str, limit: int) -> list[dict[str, Any]]:
    sep = "&" if "?" in path else "?"
    first = ok(client.get(f"{path}{sep}limit={limit}"))
    rows, token, total = list(first["rows"]), first["next_cursor"], first["total"]
    while token is not None:
        body = ok(client.get(f"{path}{sep}limit={limit}&cursor={token}"))  # base64url: URL-safe
        assert body["offset"] is None and body["next"] is None and body["total"] == total
        assert 0 < len(body["rows"]) <= limit
        rows.extend(body["rows"])
        token = body["next_cursor"]
    assert len(rows) == total
    return rows


@pytest.mark.parametrize("path", ["/api/events?limit=5&offset=20", "/api/events?quad_class=3,4&limit=5",
                                  "/api/events?q=the&limit=5",
                                  "/api/events?pair=USA,RUS&source=USA&limit=5",
                                  "/api/quotes?speaker=lavrov&limit=5"])
def test_a_page_reads_only_its_rows_from_the_store(counting: tuple[TestClient, CountingStore],
                                                   path: str) -> None:
    client, store = counting
    before = store.rows_read
    body = ok(client.get(path))
    read = store.rows_read - before
    assert body["total"] >= len(body["rows"]) > 0
    assert read <= 5 + 1  # the page and one row to know whether a next page exists; the total in SQL


def test_cursor_pages_match_offset_pages(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    assert by_cursor(client, "/api/events", 7) == all_events
    rus = by_cursor(client, "/api/events?actor=RUS&quad_class=1,2,3,4", 4)
    assert rus == [e for e in all_events
                   if any("RUS" in (s["actor"], s["country"]) for s in (e["source"], e["target"]) if s)]
    last = ok(client.get(f"/api/events?limit=5&offset={len(all_events) - 5}"))
    assert last["next_cursor"] is None and last["next"] is None
    quotes = ok(client.get("/api/quotes?limit=500"))["rows"]
    assert by_cursor(client, "/api/quotes", 2) == quotes
    # A cursor and an offset together: the offset counts from the cursor.
    token = ok(client.get("/api/events?limit=3"))["next_cursor"]
    skipped = ok(client.get(f"/api/events?limit=2&offset=4&cursor={token}"))
    assert skipped["rows"] == all_events[7:9]
    csv_rows = list(csv.DictReader(io.StringIO(
        client.get(f"/api/events.csv?limit=2&cursor={token}").text)))
    assert [r["sentence"] for r in csv_rows] == [e["sentence"] for e in all_events[3:5]]


def test_bad_cursors_are_refused(client: TestClient) -> None:
    quotes_token = ok(client.get("/api/quotes?limit=1"))["next_cursor"]
    assert quotes_token
    for token in ("nonsense", "%%%", quotes_token, encode_cursor("events", ("a", 1)),
                  encode_cursor("events", (1, 2, 3, "04", 5)), "x" * 3000):
        response = client.get("/api/events", params={"cursor": token})
        assert response.status_code in (400, 422), (token, response.text)
        assert "cursor" in response.json()["error"]
    key = ("art-1", 2, None, "042", 0)
    assert decode_cursor("events", encode_cursor("events", key)) == key
    with pytest.raises(QueryError):
        decode_cursor("events", encode_cursor("events", ("a", True, None, "0", 1)))


def test_text_search_treats_wildcards_as_text(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    for needle in ("%", "_", "\\", "%ambassad", "n_t"):
        body = ok(client.get("/api/events", params={"q": needle, "limit": 500}))
        expected = [e for e in all_events if needle.lower() in e["sentence"].lower()]
        assert body["total"] == len(expected) and body["rows"] == expected, needle
    upper = ok(client.get("/api/events", params={"q": "AMBASSADEUR", "limit": 500}))
    lower = ok(client.get("/api/events", params={"q": "ambassadeur", "limit": 500}))
    assert upper["rows"] == lower["rows"] and upper["total"] > 0


def test_combined_filters_all_hold(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    def on(slot: dict[str, Any] | None, key: str) -> bool:
        return slot is not None and key in (slot["actor"], slot["country"])

    body = ok(client.get("/api/events?pair=RUS,USA&actor=RUSGOV&quad_class=1,2,3&limit=500"))
    expected = [e for e in all_events
                if ((on(e["source"], "RUS") and on(e["target"], "USA"))
                    or (on(e["source"], "USA") and on(e["target"], "RUS")))
                and (on(e["source"], "RUSGOV") or on(e["target"], "RUSGOV")) and e["quad_class"] in (1, 2, 3)]
    assert body["rows"] == expected and body["total"] == len(expected) > 0
    code = next(e["cameo"] for e in all_events if len(e["cameo"]) >= 3)
    prefix = ok(client.get(f"/api/events?cameo={code[:3]}&factuality=actual&limit=500"))
    assert prefix["rows"] == [e for e in all_events
                              if e["cameo"].startswith(code[:3]) and e["factuality"] == "actual"]
