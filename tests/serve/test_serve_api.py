"""The web API over a store ingested from real articles: envelopes, filters, paging, CSV, auth, limits."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from serve_data import HOSTILE_ID, SEED_ID

import aggregates_oracle as oracle
from dyad import aggregates
from dyad.aggregates import actor_network, dyad_series
from dyad.serve import TOKEN_ENV, create_app
from dyad.store import DuckDBStore, RecordFilter

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as opened:
        yield opened


@pytest.fixture(scope="module")
def all_events(store_path: Path) -> list[dict[str, Any]]:
    with DuckDBStore(store_path, read_only=True) as store:
        return list(store.events())


def ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is True
    return body


def failed(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and isinstance(body["error"], str) and body["error"]
    return str(body["error"])


def every_page(client: TestClient, path: str, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        sep = "&" if "?" in path else "?"
        body = ok(client.get(f"{path}{sep}limit={limit}&offset={offset}"))
        rows.extend(body["rows"])
        offset = body["next"]
        assert len(rows) <= body["total"]
    return rows


def test_openapi_and_security_headers(client: TestClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/events", "/api/events.csv", "/api/quotes", "/api/actors", "/api/articles",
                 "/api/articles/{article_id}", "/api/dyads/{a}/{b}/series", "/api/network"):
        assert path in paths
    assert "post" in paths["/api/articles"]
    assert "bearer" in response.json()["components"]["securitySchemes"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_events_pages_are_stable_and_complete(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    assert len(all_events) > 20
    first = ok(client.get("/api/events?limit=7"))
    assert first["total"] == len(all_events)
    assert first["next"] == 7 and len(first["rows"]) == 7
    paged = every_page(client, "/api/events", 7)
    assert paged == all_events  # same rows, same order as the store, no overlap or gap
    again = every_page(client, "/api/events", 11)
    assert again == paged
    last = ok(client.get(f"/api/events?limit=7&offset={len(all_events) - 1}"))
    assert len(last["rows"]) == 1 and last["next"] is None
    beyond = ok(client.get(f"/api/events?offset={len(all_events) + 5}"))
    assert beyond["rows"] == [] and beyond["next"] is None and beyond["total"] == len(all_events)


def test_event_filters_narrow_to_matching_rows(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    def sides(e: dict[str, Any]) -> list[dict[str, Any]]:
        return [s for s in (e["source"], e["target"]) if s]

    rus = every_page(client, "/api/events?actor=rus", 50)
    expected = [e for e in all_events if any("RUS" in (s["actor"], s["country"]) for s in sides(e))]
    assert rus == expected and 0 < len(rus) < len(all_events)

    pair = every_page(client, "/api/events?pair=USA,RUS", 50)
    assert pair and all({e["source"]["country"], e["target"]["country"]} == {"USA", "RUS"} for e in pair)

    directed = every_page(client, "/api/events?source=RUS&target=USA", 50)
    assert directed and all(e["source"]["country"] == "RUS" and e["target"]["country"] == "USA"
                            for e in directed)
    assert len(directed) < len(pair)

    conflict = every_page(client, "/api/events?quad_class=3,4", 50)
    assert conflict == [e for e in all_events if e["quad_class"] in (3, 4)]

    root = every_page(client, "/api/events?cameo=16", 50)
    assert root == [e for e in all_events if e["cameo"].startswith("16")]
    code = all_events[0]["cameo"]
    exact = every_page(client, f"/api/events?cameo={code}", 50)
    assert exact and all(e["cameo"].startswith(code) for e in exact)

    actual = every_page(client, "/api/events?factuality=actual", 50)
    assert actual == [e for e in all_events if e["factuality"] == "actual"]

    text = every_page(client, "/api/events?q=AMBASSADEUR", 50)
    assert text and all("ambassadeur" in e["sentence"].lower() for e in text)

    dated = every_page(client, "/api/events?since=2021-03&until=2021-03", 50)
    assert dated and all(e["date"] and e["date"].startswith("2021-03") for e in dated)

    seed = every_page(client, f"/api/events?article_id={SEED_ID}", 50)
    assert seed == [e for e in all_events if e["article_id"] == SEED_ID]


def test_bad_parameters_answer_with_the_error_envelope(client: TestClient) -> None:
    assert "cameo" in failed(client.get("/api/events?cameo=1x"), 400)
    assert "quad_class" in failed(client.get("/api/events?quad_class=5"), 400)
    assert "factuality" in failed(client.get("/api/events?factuality=maybe"), 400)
    assert "2021-13" in failed(client.get("/api/events?since=2021-13"), 400)
    assert "limit" in failed(client.get("/api/events?limit=0"), 422)
    assert "limit" in failed(client.get("/api/events?limit=100000"), 422)
    assert "format" in failed(client.get("/api/events?format=xml"), 400)
    failed(client.get("/api/events?actor=RUS'%20OR%201=1%20--"), 400)
    failed(client.get("/api/nothing-here"), 404)
    failed(client.get("/api/articles/no-such-article"), 404)
    failed(client.get("/api/dyads/USA/RUS/series?bucket=hour"), 400)
    failed(client.get("/api/network?by=planet"), 400)


def test_text_search_is_data_not_sql(client: TestClient) -> None:
    body = ok(client.get("/api/events", params={"q": "' OR 1=1; DROP TABLE events; --"}))
    assert body["rows"] == [] and body["total"] == 0
    assert ok(client.get("/api/events?limit=1"))["total"] > 0


def test_csv_has_the_export_columns_and_every_match(client: TestClient,
                                                    all_events: list[dict[str, Any]]) -> None:
    response = client.get("/api/events.csv?actor=RUS")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = [e for e in all_events if "RUS" in {e["source"]["country"], e["target"]["country"],
                                                     e["source"]["actor"], e["target"]["actor"]}]
    assert len(rows) == len(expected)
    assert rows[0]["source_actor"] == expected[0]["source"]["actor"]
    assert rows[0]["sentence"] == expected[0]["sentence"]
    assert client.get("/api/events?actor=RUS&format=csv").text == response.text
    limited = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?limit=3&offset=2").text)))
    assert [r["sentence"] for r in limited] == [e["sentence"] for e in all_events[2:5]]


def test_articles_and_one_article_with_its_records(client: TestClient) -> None:
    listing = ok(client.get("/api/articles?limit=3"))
    assert listing["total"] == 7 and len(listing["rows"]) == 3 and listing["next"] == 3
    ids = [a["id"] for a in every_page(client, "/api/articles", 3)]
    assert ids == sorted(ids) and SEED_ID in ids and HOSTILE_ID in ids
    seed_row = next(a for a in every_page(client, "/api/articles", 50) if a["id"] == SEED_ID)
    body = ok(client.get(f"/api/articles/{SEED_ID}"))
    assert body["article"]["id"] == SEED_ID and body["article"]["published"] == "2021-03"
    assert body["article"]["text"].startswith("De Russische minister")
    assert len(body["events"]) == seed_row["events"] > 0
    assert len(body["quotes"]) == seed_row["quotes"] > 0
    text = body["article"]["text"]
    for event in body["events"]:
        assert text[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
    assert any(m["actor"] == "RUSGOV" for m in body["mentions"])


def test_an_article_page_is_the_kept_page_and_equals_the_computed_one(client: TestClient,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The page the writer kept (dyad.store.pages) is answered with one look-up, and is byte for byte the
    answer computed from the article and its records (the API before pages)."""
    ids = [a["id"] for a in every_page(client, "/api/articles", 50)]

    def no_reads(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the article was read although its page is kept")

    with monkeypatch.context() as patched:
        patched.setattr(DuckDBStore, "get_article", no_reads)
        patched.setattr(DuckDBStore, "article_records", no_reads)
        kept = {i: client.get(f"/api/articles/{quote(i, safe='')}") for i in ids}
    with monkeypatch.context() as patched:
        patched.setattr(DuckDBStore, "article_page", lambda _self, _article_id: None)
        computed = {i: client.get(f"/api/articles/{quote(i, safe='')}") for i in ids}
    for article_id in ids:
        assert kept[article_id].status_code == computed[article_id].status_code == 200
        assert kept[article_id].content == computed[article_id].content, article_id
        assert dict(kept[article_id].headers) == dict(computed[article_id].headers)
    assert ok(kept[SEED_ID])["article"]["id"] == SEED_ID


def test_quotes_by_speaker_and_text(client: TestClient) -> None:
    lavrov = every_page(client, "/api/quotes?speaker=lavrov", 50)
    assert lavrov and all("lavrov" in q["speaker"]["name"].lower() for q in lavrov)
    by_country = every_page(client, "/api/quotes?speaker=RUS", 50)
    assert by_country and all(q["speaker"]["country"] == "RUS" or q["speaker"]["actor"] == "RUS"
                              or "rus" in q["speaker"]["name"].lower() for q in by_country)
    word = lavrov[0]["text"].split()[-1]
    found = every_page(client, f"/api/quotes?q={word}", 50)
    assert found and all(word.lower() in q["text"].lower() for q in found)
    assert "kind" in failed(client.get("/api/quotes?kind=shouted"), 400)


def test_actors(client: TestClient) -> None:
    body = ok(client.get("/api/actors?limit=500"))
    rows = body["rows"]
    assert rows and body["total"] == len(rows)
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    lavrov = ok(client.get("/api/actors?q=lavrov"))["rows"]
    assert [r["id"] for r in lavrov] == ["person.sergei_lavrov"]
    assert lavrov[0]["actor"] == "RUSGOV" and lavrov[0]["articles"] >= 1
    russian = ok(client.get("/api/actors?country=rus&limit=500"))["rows"]
    assert russian and all(r["country"] == "RUS" for r in russian)


def test_series_and_network_match_the_library(client: TestClient, store_path: Path) -> None:
    with DuckDBStore(store_path, read_only=True) as store:
        expected_series = dyad_series(store, "USA", "RUS", bucket="month")
        expected_network = actor_network(store, since="2019", until="2021")
        n_pair = sum(1 for e in store.events(RecordFilter(actor="USA"))
                     if {e["source"]["country"], e["target"]["country"]} == {"USA", "RUS"}
                     and e["factuality"] == "actual" and e["date"])
    series = ok(client.get("/api/dyads/usa/RUS/series?bucket=month"))
    assert {k: v for k, v in series.items() if k != "ok"} == expected_series
    assert series["totals"]["events"] + series["excluded"]["coarser_than_bucket"] == n_pair
    assert series["totals"]["events"] > 0
    week = ok(client.get("/api/dyads/USA/RUS/series?bucket=week"))
    assert week["totals"]["events"] + week["excluded"]["coarser_than_bucket"] == n_pair
    network = ok(client.get("/api/network?since=2019&until=2021"))
    assert network["edges"] == expected_network["edges"] and network["nodes"] == expected_network["nodes"]


def test_sql_aggregates_equal_the_python_oracle_on_the_ingested_store(store_path: Path) -> None:
    """On a store the real pipeline filled, every aggregate equals the row-by-row Python it replaced."""
    with DuckDBStore(store_path, read_only=True) as store:
        for bucket in aggregates.BUCKETS:
            for a, b in (("USA", "RUS"), ("RUSGOV", "USA"), ("NLD", "RUS")):
                for directed in (False, True):
                    assert dyad_series(store, a, b, bucket=bucket, directed=directed, factuality=None) == \
                        oracle.dyad_series(store, a, b, bucket=bucket, directed=directed, factuality=None)
            assert aggregates.cameo_root_series(store, bucket=bucket, factuality=None) == \
                oracle.cameo_root_series(store, bucket=bucket, factuality=None)
            assert aggregates.country_series(store, bucket=bucket) == oracle.country_series(store, bucket=bucket)
        for by in ("country", "actor"):
            assert actor_network(store, by=by, factuality=None) == oracle.actor_network(store, by=by, factuality=None)
            assert aggregates.top_dyads(store, by=by) == oracle.top_dyads(store, by=by)
        assert aggregates.actor_table(store) == oracle.actor_table(store)


def test_top_dyads_and_count_series_endpoints(client: TestClient, store_path: Path) -> None:
    with DuckDBStore(store_path, read_only=True) as store:
        expected_top = aggregates.top_dyads(store, limit=3, factuality=None)
        expected_roots = aggregates.cameo_root_series(store, bucket="year", actor="USA")
        expected_countries = aggregates.country_series(store, bucket="year", cameo_root="11")
    top = ok(client.get("/api/dyads/top?limit=3&factuality=all"))
    assert {k: v for k, v in top.items() if k != "ok"} == expected_top
    assert len(top["dyads"]) == 3
    roots = ok(client.get("/api/series/roots?bucket=year&actor=usa"))
    assert {k: v for k, v in roots.items() if k != "ok"} == expected_roots
    countries = ok(client.get("/api/series/countries?bucket=year&cameo_root=11"))
    assert {k: v for k, v in countries.items() if k != "ok"} == expected_countries
    assert client.get("/api/series/countries?cameo_root=1x").status_code == 400
    assert client.get("/api/dyads/top?by=region").status_code == 400


# -- writing -------------------------------------------------------------------------------------------


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path, copy)
    return copy


ARTICLE = {"id": "api-1", "published": "2021-03-24", "language": "en",
           "text": "Moscow - Russia recalled its ambassador to the United States on Tuesday."}


def test_read_only_server_refuses_writes(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    with TestClient(create_app(store_copy)) as client:
        error = failed(client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}),
                       403)
        assert "read-only" in error
        assert failed(client.get("/api/articles/api-1"), 404)


def test_writes_need_the_token_and_then_show_up(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    with TestClient(create_app(store_copy)) as client:
        before = ok(client.get("/api/events?limit=1"))["total"]
        response = client.post("/api/articles", json=ARTICLE)
        failed(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
        failed(client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer wrong"}), 401)
        failed(client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Basic {TOKEN}"}), 401)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        created = ok(client.post("/api/articles?wait=true", json=ARTICLE, headers=auth), 201)
        assert created["inserted"] == 1 and created["articles"] == ["api-1"] and created["failures"] == []
        article = ok(client.get("/api/articles/api-1"))
        assert article["article"]["text"] == ARTICLE["text"]
        after = ok(client.get("/api/events?limit=1"))["total"]
        assert after == before + len(article["events"])  # the cached total was dropped by the write
        again = ok(client.post("/api/articles?wait=true", json=[ARTICLE], headers=auth))
        assert again["unchanged"] == 1
        lines = "\n".join(json.dumps({**ARTICLE, "id": f"api-{i}"}) for i in (2, 3))
        batch = ok(client.post("/api/articles?wait=true", content=lines.encode(),
                               headers={**auth, "Content-Type": "application/x-ndjson"}), 201)
        assert batch["inserted"] == 2


def test_bad_bodies_are_refused_before_ingest(store_copy: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(store_copy, token=TOKEN)) as client:
        assert "JSON" in failed(client.post("/api/articles", content=b"{not json", headers=auth), 400)
        assert "text" in failed(client.post("/api/articles", json=[ARTICLE, {"id": "x"}], headers=auth), 422)
        assert "date" in failed(client.post("/api/articles", json={**ARTICLE, "published": "soon"},
                                                 headers=auth), 422)
        failed(client.post("/api/articles", content=b"", headers=auth), 400)
        failed(client.get("/api/articles/api-1"), 404)  # nothing of the refused batches was stored


def test_request_size_limit(store_copy: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(store_copy, token=TOKEN, max_body_bytes=2000)) as client:
        big = {**ARTICLE, "text": "Russia recalled its ambassador. " * 200}
        assert "too large" in failed(client.post("/api/articles", json=big, headers=auth), 413)

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
            data = json.dumps(big).encode()
            for i in range(0, len(data), 500):
                yield data[i:i + 500]

        assert "too large" in failed(client.post("/api/articles", content=chunks(), headers=auth), 413)
        ok(client.post("/api/articles?wait=true", json=ARTICLE, headers=auth), 201)
    with TestClient(create_app(store_copy)) as client:  # the default limit is 5 MB
        declared = {"Content-Length": str(6 * 1024 * 1024), "Content-Type": "application/json"}
        failed(client.post("/api/articles", content=b"{}", headers=declared), 413)
