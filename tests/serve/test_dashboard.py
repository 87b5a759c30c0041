"""The dashboard in a real browser: Debian's chromium driven by Playwright, the app served by uvicorn on
127.0.0.1 from a thread. Skipped only when /usr/bin/chromium is absent (scripts/setup/chromium.sh installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from serve_data import HOSTILE_ID, SEED_ID

from dyad.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is absent: run scripts/setup/chromium.sh")

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
WAIT_MS = 20_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


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
    expected = api(server, "/api/events?quad_class=4&limit=500")
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
    assert sentences[0].startswith(expected["rows"][0]["sentence"])
    assert "quad_class=4" in page.url
    assert page.problems == []


def test_the_dyad_chart_draws_from_data(page: Any, server: str) -> None:
    series = api(server, "/api/dyads/USA/RUS/series?bucket=month")
    assert series["totals"]["events"] > 0
    page.goto("/#/dyad?a=USA&b=RUS&bucket=month")
    page.wait_for_selector("#dyad-chart rect.bar")
    bars = page.locator("#dyad-chart rect.bar")
    drawn: dict[tuple[str, str], int] = {}
    for i in range(bars.count()):
        bar = bars.nth(i)
        drawn[(bar.get_attribute("data-bucket"), bar.get_attribute("data-quad"))] = int(
            bar.get_attribute("data-count"))
        assert float(bar.get_attribute("height")) > 0
    expected = {(p["bucket"], q): n for p in series["points"] for q, n in p["quad"].items() if n}
    assert drawn == expected
    assert page.locator("#dyad-chart path.goldstein").count() == 1
    assert f"{series['totals']['events']} events" in page.locator("#dyad-summary").inner_text()
    assert page.problems == []


def test_the_network_draws_edges_from_data(page: Any, server: str) -> None:
    network = api(server, "/api/network")
    page.goto("/#/network")
    page.wait_for_selector("#network-chart g.node")
    assert page.locator("#network-chart g.node").count() == len(network["nodes"])
    drawn = page.locator("#network-chart path.edge").count()
    assert drawn == sum(1 for e in network["edges"] if e["source"] != e["target"]) > 0
    assert page.problems == []


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
