"""Screenshots of the dashboard's views for docs/DASHBOARD.md: serve a store, open each view in Chromium.

    python scripts/screenshots.py /tmp/dash.duckdb docs/screenshots
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from dyad.serve import create_app

VIEWS = [
    ("events", "/#/events?sort=goldstein&order=desc", "#events-table tbody tr"),
    ("series-overall", "/#/series?bucket=month&since=2018-01", "#series-chart g.bars_marks path"),
    ("series-actor", "/#/series?actor=NLD&direction=out&bucket=week&normalise=1&since=2019-02&until=2019-04",
     "#series-chart g.bars_marks path"),
    ("pair", "/#/dyad?a=NLD&b=EU&bucket=week&since=2019-02&until=2019-04", "#series-chart g.bars_marks path"),
    ("network", "/#/network?by=country", "#network-chart[data-ready='1']"),
    ("articles", "/#/article?q=brexit&sort=published", "#articles-table tbody tr"),
    ("api-docs", "/docs", ".swagger-ui .opblock"),
]


def main(store: str, out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=8799, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for name, path, ready in VIEWS:
            page.goto(f"http://127.0.0.1:8799{path}")
            page.wait_for_selector(ready, timeout=30_000)
            time.sleep(0.8)
            page.screenshot(path=str(folder / f"{name}.png"))
            print(folder / f"{name}.png")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
