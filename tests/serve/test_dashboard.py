"""The dashboard in a real browser: Debian's chromium driven by Playwright, the app served by uvicorn on
127.0.0.1 from a thread. Skipped only when /usr/bin/chromium is absent (scripts/setup/chromium.sh installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from serve_data import HOSTILE_ID, SEED_ID

from dyad.serve import create_app
from dyad.serve.threaded import served

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is absent: run scripts/setup/chromium.sh")

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    with served(create_app(store_path)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    # The app's Content-Security-Policy would stop injected markup on its own; it is bypassed here so that
    # these tests check that the dashboard never turns text into markup (and Playwright may evaluate).
    context = browser.new_context(base_url=server, bypass_csp=True)
    # Nothing but the local server may be reached: any other request fails the test.
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    opened = context.new_page()
    opened.set_default_timeout(WAIT_MS)
    problems: list[str] = []
    opened.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
              if msg.type in ("error", "warning") else None)
    opened.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    opened.problems = problems
    yield opened
    context.close()
    assert outside == [], f"the dashboard reached outside the server: {outside}"


def api(server: str, path: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(f"{server}{path}", timeout=30).json()
    assert body["ok"] is True
    return body


def test_dashboard_loads_without_console_errors(page: Any, server: str) -> None:
    page.goto("/")
    page.wait_for_selector("#events-table tbody tr")
    total = api(server, "/api/events?limit=1")["total"]
    assert page.locator("#events-count").inner_text().endswith(f"of {total} events")
    assert page.locator("#events-table tbody tr").count() == min(50, total)
    page.wait_for_function("document.querySelector('#store-stats').textContent.includes('articles')")
    assert page.problems == []


def test_a_filter_narrows_the_table(page: Any, server: str) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    expected = api(server, "/api/events/table?quad_class=4&limit=500")
    assert 0 < expected["total"] < api(server, "/api/events?limit=1")["total"]
    page.select_option("#events-form select[name=quad_class]", "4")
    page.click("#events-form button[type=submit]")
    page.wait_for_function(
        f"document.querySelector('#events-count').textContent.endsWith('of {expected['total']} events')")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(50, expected["total"])
    badges = page.locator("#events-table tbody tr .quad").all_inner_texts()
    assert badges and set(badges) == {"4"}
    sentences = page.locator("#events-table tbody td.sentence").all_inner_texts()
    assert sentences[0] == expected["rows"][0]["sentence"]
    assert "quad_class=4" in page.url
    assert page.problems == []


def test_the_event_table_sorts_and_names_the_actors(page: Any, server: str) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#events-table th[data-sort=date]").get_attribute("aria-sort") == "ascending"
    page.click("#events-table th[data-sort=goldstein]")
    page.wait_for_function("location.hash.includes('sort=goldstein') && location.hash.includes('order=asc')")
    page.wait_for_function("document.querySelector('#events-table th[data-sort=goldstein]')"
                           ".getAttribute('aria-sort') === 'ascending'")
    page.click("#events-table th[data-sort=goldstein]")
    page.wait_for_function("location.hash.includes('order=desc')")
    page.wait_for_function("document.querySelector('#events-table th[data-sort=goldstein]')"
                           ".getAttribute('aria-sort') === 'descending'")
    expected = api(server, "/api/events/table?sort=goldstein&order=desc&limit=50")
    weights = [e["goldstein"] for e in expected["rows"] if e["goldstein"] is not None]
    assert weights == sorted(weights, reverse=True)
    first = page.locator("#events-table tbody tr").first
    cells = first.locator("td")
    assert cells.nth(5).inner_text() == str(expected["rows"][0]["goldstein"]).removesuffix(".0")
    row = expected["rows"][0]
    # The actor's name (not the words of the text), its code beside it; the article's title.
    assert cells.nth(1).inner_text().startswith(row["source_label"])
    assert cells.nth(9).inner_text().startswith(row["article"]["title"])
    names = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert not any(name.startswith(("Hij", "Zij")) for name in names)
    for precision in page.locator("#events-table tbody .precision").all_inner_texts():
        assert precision in ("day", "week", "month", "year", "time")
    assert page.problems == []


def _series(server: str, **params: str) -> dict[str, Any]:
    return api(server, "/api/series?" + "&".join(f"{k}={v}" for k, v in params.items()))


def test_the_pair_chart_draws_from_data_and_uses_its_frame(page: Any, server: str) -> None:
    series = _series(server, actor="USA", partner="RUS")
    assert series["totals"]["events"] > 0
    page.goto("/#/dyad?a=USA&b=RUS&bucket=month")
    page.wait_for_selector("#series-chart g.bars_marks path")
    shown = page.evaluate("window.dyad.series.table")
    assert [r["bucket"] for r in shown] == [p["bucket"] for p in series["points"]]
    assert [[r[f"q{q}"] for q in range(1, 5)] for r in shown] == [
        [p["quad"][str(q)] for q in range(1, 5)] for p in series["points"]]
    bars = page.locator("#series-chart g.bars_marks path").count()
    assert bars == sum(1 for p in series["points"] for n in p["quad"].values() if n)
    assert page.locator("#series-chart g.goldstein_marks path").count() == 1
    # Zero events and zero Goldstein at one height; the bars' scale spans the whole plot height.
    zeros = page.evaluate("[window.dyad.seriesView.scale('bars_y')(0), window.dyad.seriesView.scale('goldstein_y')(0)]")
    assert abs(zeros[0] - zeros[1]) < 0.5
    span = page.evaluate("window.dyad.seriesView.scale('bars_y').range()")
    assert max(span) - min(span) >= 360 - 1
    assert page.evaluate("window.dyad.seriesView.scale('bars_y').domain()")[1] == max(
        p["quad"]["1"] + p["quad"]["2"] for p in series["points"]) or series["totals"]["cooperation"] == 0
    assert f"{series['totals']['events']} events" in page.locator("#series-summary").inner_text()
    assert page.problems == []


def test_the_direction_toggle_and_per_article_normalisation(page: Any, server: str) -> None:
    page.goto("/#/series?actor=USA&partner=RUS")
    page.wait_for_selector("#series-chart g.bars_marks path")
    page.check("#series-form input[name=direction][value=out]")
    page.wait_for_function("location.hash.includes('direction=out')")
    page.wait_for_function("window.dyad.series && window.dyad.series.values.direction === 'out'")
    forward = _series(server, actor="USA", partner="RUS", direction="out")
    backward = _series(server, actor="USA", partner="RUS", direction="in")
    both = _series(server, actor="USA", partner="RUS")
    assert forward["totals"]["events"] + backward["totals"]["events"] >= both["totals"]["events"]
    assert sum(r["events"] for r in page.evaluate("window.dyad.series.table")) == forward["totals"]["events"]
    page.check("#series-form input[name=normalise]")
    page.wait_for_function("location.hash.includes('normalise=1')")
    page.wait_for_function("window.dyad.series.values.normalise === '1'")
    for row in page.evaluate("window.dyad.series.table"):
        expected = round(row["q1"] / row["articles"], 4) if row["articles"] else 0
        assert abs(row["value_q1"] - expected) < 1e-9
    assert "per article" in page.locator("#series-summary").inner_text()
    # The state is in the URL: a reload draws the same view.
    page.reload()
    page.wait_for_function("window.dyad.series && window.dyad.series.values.normalise === '1'")
    assert page.is_checked("#series-form input[name=direction][value=out]")
    assert page.problems == []


def test_an_actor_series_and_the_overall_series(page: Any, server: str) -> None:
    page.goto("/#/series")
    page.wait_for_selector("#series-chart g.bars_marks path")
    overall = _series(server)
    assert sum(r["events"] for r in page.evaluate("window.dyad.series.table")) == overall["totals"]["events"]
    page.fill("#series-form input[name=actor]", "RUS")
    page.click("#series-form button[type=submit]")
    page.wait_for_function("location.hash.includes('actor=RUS')")
    page.wait_for_function("window.dyad.series.values.actor === 'RUS'")
    actor = _series(server, actor="RUS")
    assert sum(r["events"] for r in page.evaluate("window.dyad.series.table")) == actor["totals"]["events"] > 0
    assert page.problems == []


def test_a_bar_leads_to_its_events(page: Any, server: str) -> None:
    page.goto("/#/dyad?a=USA&b=RUS&bucket=month")
    page.wait_for_selector("#series-chart g.bars_marks path")
    bar = page.locator("#series-chart g.bars_marks path").first
    bar.click()
    page.wait_for_function("location.hash.startsWith('#/events')")
    page.wait_for_selector("#events-table tbody tr")
    url = page.url
    assert "pair=USA%2CRUS" in url and "quad_class=" in url and "since=" in url and "until=" in url
    quad = url.split("quad_class=")[1].split("&")[0]
    badges = set(page.locator("#events-table tbody .quad").all_inner_texts())
    assert badges == {quad}
    assert page.problems == []


def test_a_chart_downloads_what_it_shows_as_csv(page: Any, server: str) -> None:
    page.goto("/#/dyad?a=USA&b=RUS&bucket=month")
    page.wait_for_selector("#series-chart g.bars_marks path")
    with page.expect_download() as info:
        page.click("#series-csv")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    lines = text.strip().split("\n")
    assert lines[0].startswith("bucket,start,end,events,q1,q2,q3,q4,goldstein,articles")
    series = _series(server, actor="USA", partner="RUS")
    assert len(lines) == 1 + len(series["points"])
    assert lines[1].split(",")[0] == series["points"][0]["bucket"]
    page.goto("/#/network")
    page.wait_for_selector("#network-chart[data-ready='1']")
    with page.expect_download() as info:
        page.click("#network-csv")
    rows = Path(info.value.path()).read_text(encoding="utf-8").strip().split("\n")
    assert rows[0] == "source,target,events,cooperation,conflict,goldstein_mean"
    assert len(rows) == 1 + len(api(server, "/api/network?max_edges=100")["edges"])
    assert page.problems == []


def test_the_network_draws_the_graph_without_overlaps(page: Any, server: str) -> None:
    network = api(server, "/api/network?max_edges=100")  # the dashboard's default
    page.goto("/#/network")
    page.wait_for_selector("#network-chart[data-ready='1']")
    graph = page.evaluate("""() => {
        const cy = window.dyad.networkGraph;
        const extent = cy.extent();
        return {
          nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y, w: n.width(),
            box: n.boundingBox({ includeLabels: true }) })),
          edges: cy.edges().map((e) => [e.data("source"), e.data("target"), e.data("events")]),
          extent: { x1: extent.x1, x2: extent.x2, y1: extent.y1, y2: extent.y2 },
        };
    }""")
    assert sorted(n["id"] for n in graph["nodes"]) == sorted(n["id"] for n in network["nodes"])
    assert sorted(map(tuple, graph["edges"])) == sorted((e["source"], e["target"], e["events"])
                                                        for e in network["edges"])
    nodes = graph["nodes"]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            distance = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            assert distance >= (a["w"] + b["w"]) / 2, (a["id"], b["id"])
    extent = graph["extent"]
    for node in nodes:  # every node and its label inside the frame
        box = node["box"]
        assert box["x1"] >= extent["x1"] - 1 and box["x2"] <= extent["x2"] + 1, node["id"]
        assert box["y1"] >= extent["y1"] - 1 and box["y2"] <= extent["y2"] + 1, node["id"]
    # A click on a node opens its events.
    target = max(network["nodes"], key=lambda n: n["events"])
    point = page.evaluate(f"window.dyad.networkGraph.getElementById('{target['id']}').renderedPosition()")
    frame = page.locator("#network-chart").bounding_box()
    page.mouse.click(frame["x"] + point["x"], frame["y"] + point["y"])
    page.wait_for_function("location.hash.startsWith('#/events')")
    assert f"actor={target['id']}" in page.url
    page.wait_for_selector("#events-table tbody tr")
    assert page.problems == []


def test_the_network_draws_the_heaviest_edges_up_to_its_maximum(page: Any, server: str) -> None:
    heaviest = api(server, "/api/network?max_edges=2")["edges"]
    assert len(api(server, "/api/network")["edges"]) > 2, "the test store has more than two edges"
    page.goto("/#/network?max_edges=2")
    page.wait_for_selector("#network-chart[data-ready='1']")
    drawn = page.evaluate("window.dyad.networkGraph.edges().map((e) => [e.data('source'), e.data('target')])")
    assert sorted(map(tuple, drawn)) == sorted((e["source"], e["target"]) for e in heaviest)
    assert "the 2 heaviest edges are drawn" in page.inner_text("#network-summary")
    assert page.input_value("#network-form input[name=max_edges]") == "2"
    assert page.problems == []


def test_an_edge_leads_to_its_events(page: Any, server: str) -> None:
    page.goto("/#/network")
    page.wait_for_selector("#network-chart[data-ready='1']")
    edge = page.evaluate("""() => {
        const e = window.dyad.networkGraph.edges().filter((x) => !x.isLoop())[0];
        const mid = e.renderedMidpoint();
        return { source: e.data('source'), target: e.data('target'), x: mid.x, y: mid.y };
    }""")
    frame = page.locator("#network-chart").bounding_box()
    page.mouse.click(frame["x"] + edge["x"], frame["y"] + edge["y"])
    page.wait_for_function("location.hash.startsWith('#/events')")
    assert f"source={edge['source']}" in page.url and f"target={edge['target']}" in page.url
    page.wait_for_selector("#events-table tbody tr")
    assert page.problems == []


def test_articles_search_date_filter_and_title_fallback(page: Any, server: str) -> None:
    page.goto("/#/article")
    page.wait_for_selector("#articles-table tbody tr")
    every = api(server, "/api/articles?limit=50&sort=published")
    assert page.locator("#articles-table tbody tr").count() == every["total"]
    untitled = [a for a in every["rows"] if not a["title"]]
    assert untitled, "the test store has an article without a title"
    fallbacks = page.locator("#articles-table td.title.fallback").all_inner_texts()
    assert [a["display_title"] for a in untitled if a["display_title"] != a["id"]][0] in fallbacks
    page.fill("#articles-form input[name=q]", "Lavrov")
    page.click("#articles-form button[type=submit]")
    page.wait_for_function("location.hash.includes('q=Lavrov')")
    found = api(server, "/api/articles?q=Lavrov&sort=published")
    count = "document.querySelector('#articles-count').textContent"
    page.wait_for_function(f"{count}.endsWith('of {found['total']} articles')")
    assert 0 < found["total"] < every["total"]
    page.goto("/#/article?since=2021-03&until=2021-03&sort=published")
    dated = api(server, "/api/articles?since=2021-03&until=2021-03&sort=published")
    page.wait_for_function(f"{count}.endsWith('{dated['total']} articles')")
    assert page.locator("#articles-form input[name=since]").input_value() == "2021-03"
    assert page.problems == []


def test_the_api_docs_work_offline(page: Any, server: str) -> None:
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "dyad" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-summary-path")
    assert page.locator(".opblock-summary-path[data-path='/api/series']").count() == 1
    page.goto("/redoc")
    page.wait_for_selector("h1")
    page.wait_for_function("document.body.innerText.includes('/api/events/table')")


def test_the_views_keep_to_the_content_security_policy(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    for path, ready in (("/#/events", "#events-table tbody tr"), ("/#/series", "#series-chart g.bars_marks path"),
                        ("/#/network", "#network-chart[data-ready='1']"), ("/#/article", "#articles-table tbody tr")):
        opened.goto(path)
        opened.wait_for_selector(ready, timeout=WAIT_MS)
    context.close()
    assert problems == []


def test_the_article_view_highlights_the_seed_events(page: Any, server: str) -> None:
    article = api(server, f"/api/articles/{SEED_ID}")
    events = article["events"]
    assert events
    page.goto(f"/#/article/{SEED_ID}")
    page.wait_for_selector("#article-text .hl-trigger")
    assert page.locator("#article-text").inner_text() == article["article"]["text"]
    assert page.locator("#article-events li").count() == len(events)
    highlighted = " ".join(page.locator("#article-text .hl-trigger").all_inner_texts())
    for event in events:
        for part in event["trigger"].split(" ... "):
            assert part in highlighted
    assert page.locator("#article-text .hl-actor").count() > 0
    assert page.locator("#article-text .hl-quote").count() > 0
    # Each event links to its sentence: following the link marks exactly that sentence.
    target = events[1]
    page.locator("#article-events li").nth(1).locator("a.sentence-link").click()
    page.wait_for_selector("#article-text .flash")
    flashed = "".join(page.locator("#article-text .flash").all_inner_texts())
    assert flashed == target["sentence"]
    assert page.problems == []


def test_markup_in_an_article_shows_as_text(page: Any, server: str) -> None:
    article = api(server, f"/api/articles/{HOSTILE_ID}")
    page.goto(f"/#/article/{HOSTILE_ID}")
    page.wait_for_function("document.querySelector('#article-text').textContent.length > 0")
    shown = page.locator("#article-text").inner_text()
    assert "<script>window.__dyad_xss = 'script';</script>" in shown
    assert "onerror=" in shown
    assert shown == article["article"]["text"]
    assert page.locator("#article-text img, #article-text script, #article-title b").count() == 0
    assert page.locator("#article-title").inner_text() == "<b>Markup</b> in a title"
    assert page.evaluate("typeof window.__dyad_xss") == "undefined"
    # The same text in the events table is text too.
    page.goto("/#/events?q=script")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('events')")
    assert page.locator("#events-table img, #events-table script").count() == 0
    assert page.evaluate("typeof window.__dyad_xss") == "undefined"
    assert page.problems == []
