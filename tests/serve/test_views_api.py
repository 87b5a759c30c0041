"""The endpoints behind the dashboard's views, the typed OpenAPI schema, the offline API docs and the
vendored libraries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_data import SEED_ID

from dyad.serve import create_app
from dyad.serve.app import STATIC_DIR


@pytest.fixture(scope="module")
def client(store_path: Path) -> Any:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is True
    return body


def test_series_of_all_an_actor_and_a_pair_in_each_direction(client: TestClient) -> None:
    overall = ok(client.get("/api/series"))
    assert overall["totals"]["events"] > 0 and overall["totals"]["articles"] > 0
    both = ok(client.get("/api/series?actor=USA&partner=RUS"))
    assert both["totals"]["events"] == ok(client.get("/api/dyads/USA/RUS/series"))["totals"]["events"]
    out = ok(client.get("/api/series?actor=USA&partner=RUS&direction=out"))
    back = ok(client.get("/api/series?actor=USA&partner=RUS&direction=in"))
    assert out["totals"]["events"] == ok(client.get("/api/dyads/USA/RUS/series?directed=true"))["totals"]["events"]
    assert back["totals"]["events"] == ok(client.get("/api/dyads/RUS/USA/series?directed=true"))["totals"]["events"]
    actor = ok(client.get("/api/series?actor=RUS"))
    as_source = ok(client.get("/api/series?actor=RUS&direction=out"))
    assert 0 < as_source["totals"]["events"] <= actor["totals"]["events"] <= overall["totals"]["events"]
    for point in overall["points"]:
        assert set(point) >= {"bucket", "start", "end", "events", "quad", "goldstein", "articles"}
    assert client.get("/api/series?partner=RUS").status_code == 400
    assert client.get("/api/series?actor=RUS&direction=up").status_code == 400


def test_the_event_table_sorts_and_carries_names_and_articles(client: TestClient) -> None:
    table = ok(client.get("/api/events/table?sort=goldstein&order=desc&limit=500"))
    assert table["total"] == ok(client.get("/api/events?limit=1"))["total"] == len(table["rows"])
    weights = [r["goldstein"] for r in table["rows"] if r["goldstein"] is not None]
    assert weights == sorted(weights, reverse=True)
    dates = [r["date"] for r in ok(client.get("/api/events/table?sort=date&limit=500"))["rows"] if r["date"]]
    assert dates[0] <= dates[-1]
    seed = [r for r in table["rows"] if r["article_id"] == SEED_ID]
    assert seed and all(r["article"]["id"] == SEED_ID and r["article"]["title"] for r in seed)
    labelled = [r for r in table["rows"] if r["source"] and r["source"].get("id")]
    assert labelled and all(r["source_label"] for r in labelled)
    # The same events as /api/events, in another order.
    plain = ok(client.get("/api/events?limit=500"))["rows"]
    assert sorted(json.dumps({k: r[k] for k in plain[0]}, sort_keys=True) for r in table["rows"]) == sorted(
        json.dumps(r, sort_keys=True) for r in plain)
    filtered = ok(client.get("/api/events/table?quad_class=4&sort=confidence"))
    assert filtered["total"] == ok(client.get("/api/events?quad_class=4"))["total"]
    assert {r["quad_class"] for r in filtered["rows"]} == {4}
    assert client.get("/api/events/table?sort=sentence").status_code == 400
    assert client.get("/api/events/table?order=up").status_code == 400


def test_articles_search_date_filter_and_title_fallback(client: TestClient) -> None:
    every = ok(client.get("/api/articles?limit=50&sort=published"))
    assert every["total"] == 7
    published = [a["published"] for a in every["rows"] if a["published"]]
    assert published == sorted(published, reverse=True)
    for row in every["rows"]:
        assert row["display_title"] == (row["title"] or row["display_title"])
        assert row["display_title"]
    found = ok(client.get("/api/articles?q=lavrov"))
    assert 0 < found["total"] < 7
    march = ok(client.get("/api/articles?since=2021-03-15&until=2021-03-31"))
    for row in march["rows"]:
        assert row["published"][:7] == "2021-03"
    assert SEED_ID in [r["id"] for r in march["rows"]]  # dated 2021-03: its month overlaps the range
    assert client.get("/api/articles?since=yesterday").status_code == 400
    assert client.get("/api/articles?sort=length").status_code == 400


def test_openapi_declares_response_fields(client: TestClient) -> None:
    schema = ok_json(client.get("/openapi.json"))
    def fields(path: str) -> set[str]:
        ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        return set(schema["components"]["schemas"][ref.split("/")[-1]]["properties"])
    assert {"rows", "total", "next", "next_cursor"} <= fields("/api/events")
    assert {"rows", "total", "sort", "order"} <= fields("/api/events/table")
    assert {"points", "totals", "excluded"} <= fields("/api/series")
    assert {"nodes", "edges"} <= fields("/api/network")
    assert {"article", "events", "quotes", "mentions"} <= fields("/api/articles/{article_id}")
    assert {"cameo", "quad_class", "goldstein", "source"} <= set(schema["components"]["schemas"]["Event"]["properties"])


def ok_json(response: Any) -> dict[str, Any]:
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_the_api_docs_are_served_from_the_package(client: TestClient) -> None:
    for path, asset in (("/docs", "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js"),
                        ("/redoc", "/static/vendor/redoc/redoc.standalone.js")):
        response = client.get(path)
        assert response.status_code == 200 and asset in response.text
        assert "cdn" not in response.text.lower() and "googleapis" not in response.text
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "http" not in policy
        assert client.get(asset).status_code == 200


def test_every_vendored_file_has_its_licence_and_version() -> None:
    vendor = STATIC_DIR / "vendor"
    manifest = json.loads((vendor / "MANIFEST.json").read_text(encoding="utf-8"))
    lock = json.loads((Path(__file__).resolve().parents[2] / "web" / "package-lock.json").read_text())
    assert set(manifest) == {"cytoscape", "swagger-ui-dist", "redoc"}
    for library, entry in manifest.items():
        folder = vendor / library
        assert sorted(p.name for p in folder.iterdir()) == entry["files"]
        assert (folder / "LICENSE").read_text().strip() and entry["license"]
        assert lock["packages"][f"node_modules/{library}"]["version"] == entry["version"]
    # The network's library is loaded by app.js when the network is first shown (`LIBRARIES`); the time
    # series is drawn by app.js itself, with no library (Vega was dropped from web/package.json).
    loader = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    assert '"cytoscape/cytoscape.min.js"' in loader and (STATIC_DIR / "vendor" / "cytoscape/cytoscape.min.js").is_file()
    assert "/static/vendor/" in loader and "vega" not in loader


def test_the_sort_bound_leaves_every_page_of_the_event_table_as_it_was(store_path: Path) -> None:
    """A page sorted with the bound of its last row (`SortBound`) holds the rows of the plain top-N, in
    its order, for every sort column, direction, filter and page, deep pages past the non-NULL values
    included."""
    from dyad.serve.views import EVENT_SORTS, SortBound, SortedEvents
    from dyad.store import RecordFilter, open_store

    with open_store(store_path, read_only=True) as store:
        total = store.count_events()
        for where in (RecordFilter(), RecordFilter.build(quad_class=4), RecordFilter.build(actor="USA")):
            for sort in EVENT_SORTS:
                for descending in (False, True):
                    for limit, offset in ((50, 0), (7, 13), (500, 0), (3, max(total - 2, 0)), (1, total + 5)):
                        plain = store.aggregate(SortedEvents(where, sort, descending, limit, offset))
                        bound = store.aggregate(SortBound(where, sort, descending, limit + offset))
                        assert len(bound) <= 1
                        bounded = store.aggregate(SortedEvents(where, sort, descending, limit, offset,
                                                               bound=bound[0]["bound"] if bound else None))
                        assert bounded == plain, (where, sort, descending, limit, offset)
        assert total > 50
