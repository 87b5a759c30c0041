"""The dashboard over a large store, in Chromium: how long each view takes from navigation until it shows
its data, from a freshly started server (a fresh app per measurement).

    .venv/bin/python benchmarks/bench_dashboard.py /tmp/dyad-scale/dyad-scale-10000000.duckdb --runs 3

The harness of the browser tests (tests/serve/test_dashboard.py): the app served by uvicorn on 127.0.0.1
from a thread, Debian's chromium (scripts/setup/chromium.sh) driven by Playwright, headless. For each view
and run: a new app on the store, started as `dyad serve` starts one (its warm-up, `create_app(warm_up=True)`,
done before it listens: the store's hot columns read, the header's counts and the actor names in its cache;
no answer of the view's own requests cached), a new browser context (no HTTP cache), then the time
from `goto` to the moment the view's content is on the page (the condition in `VIEWS`: rows in the table,
the chart drawn, the summary written). The figure per view is the median of the runs. Run by
benchmarks/bench_scale.py (`make bench-scale`) on its largest DuckDB store; prints one JSON object as its
last line: `{view: median ms}`. Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyad.serve import create_app  # noqa: E402
from dyad.serve.threaded import served  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
WAIT_MS = 60_000

_ROWS = "document.querySelectorAll('{table} tbody tr').length > 0"
_TEXT = "document.querySelector('{node}').textContent.includes('{text}')"

#: view name -> (the dashboard URL, a JavaScript condition true once the view shows its data).
VIEWS: dict[str, tuple[str, str]] = {
    "events": ("/#/events", _ROWS.format(table="#events-table") + " && "
               + _TEXT.format(node="#events-count", text=" of ")),
    "events_pair_filtered": ("/#/events?pair=USA,RUS&quad_class=4",
                             _ROWS.format(table="#events-table") + " && "
                             + _TEXT.format(node="#events-count", text=" of ")),
    "events_sorted_goldstein": ("/#/events?sort=goldstein&order=desc",
                                _ROWS.format(table="#events-table") + " && "
                                + _TEXT.format(node="#events-count", text=" of ")),
    "stats": ("/#/events", _TEXT.format(node="#store-stats", text="articles")),
    "quotes": ("/#/quotes", _TEXT.format(node="#quotes-count", text="quotes")),
    "series_all": ("/#/series", _TEXT.format(node="#series-summary", text="events")
                   + " && document.querySelector('#series-chart svg') !== null"),
    "series_pair": ("/#/dyad?actor=USA&partner=RUS", _TEXT.format(node="#series-summary", text="events")
                    + " && document.querySelector('#series-chart svg') !== null"),
    "network_2019": ("/#/network?since=2019&until=2019", _TEXT.format(node="#network-summary", text="edges")
                     + " && document.querySelector('#network-chart canvas') !== null"),
    "network_all": ("/#/network", _TEXT.format(node="#network-summary", text="edges")
                    + " && document.querySelector('#network-chart canvas') !== null"),
    "articles": ("/#/article", _ROWS.format(table="#articles-table")),
    "article": ("/#/article/{article}", "document.querySelector('#article-title').textContent.length > 0"),
}


@contextmanager
def cold_server(store: Path) -> Iterator[str]:
    """A fresh app on the store (warmed up at start, no view's answer cached), served from a thread; yields
    its base URL."""
    with served(create_app(store)) as base:
        yield base


def view_ms(browser: Any, base: str, url: str, ready: str) -> float:
    """Milliseconds from navigation to the view's ready condition, in a new browser context."""
    # The app's Content-Security-Policy forbids evaluating text, which Playwright's conditions are.
    context = browser.new_context(base_url=base, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        start = time.perf_counter()
        page.goto(url)
        try:
            page.wait_for_function(ready, polling=10)
        except Exception as exc:
            shown = page.evaluate("document.querySelector('main') ? document.querySelector('main').innerText"
                                  ".slice(0, 300) : ''")
            raise RuntimeError(f"{url}: the view did not show its data ({shown!r})") from exc
        elapsed = time.perf_counter() - start
        if problems:
            raise RuntimeError(f"{url}: {problems[0]}")
        return elapsed * 1000
    finally:
        context.close()


def first_article(store: Path) -> str:
    from dyad.store import open_store

    with open_store(store, read_only=True) as opened:
        page = opened.event_page(limit=1)
    return str(page.rows[0]["article_id"]) if page.rows else "none"


def dashboard_figures(store: Path, runs: int) -> dict[str, float]:
    """Median ms per view (`VIEWS`) over `runs` cold loads."""
    from playwright.sync_api import sync_playwright

    article = first_article(store)
    out: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            with cold_server(store) as base:  # warm-up: the browser, the static files, the store's columns
                for name, (url, ready) in VIEWS.items():
                    warm = view_ms(browser, base, url.format(article=article), ready)
                    print(f"  dashboard {name} (warm-up): {warm:.0f} ms", file=sys.stderr, flush=True)
            for name, (url, ready) in VIEWS.items():
                times = []
                for _ in range(runs):
                    with cold_server(store) as base:
                        times.append(view_ms(browser, base, url.format(article=article), ready))
                out[name] = round(statistics.median(times), 1)
                print(f"  dashboard {name}: {out[name]} ms", file=sys.stderr, flush=True)
        finally:
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is absent: run scripts/setup/chromium.sh")
    print(json.dumps(dashboard_figures(args.store, args.runs)))


if __name__ == "__main__":
    main()
