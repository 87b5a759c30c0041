"""A bounded load test of the web API on loopback; prints one JSON object (latency percentiles, errors).

    .venv/bin/python benchmarks/load_api.py --store /tmp/dyad-load.duckdb --events 100000 \
        --clients 200 --duration 60

1. The store: the seed and the gold dev articles are ingested through the real pipeline once; then the
   records extracted from them are stored again under new article ids (`<id>~<n>`, text and records
   unchanged) until the store holds at least `--events` events. An existing store with enough events is
   reused as it is.
2. The server: `dyad.serve.create_app` over that store (read-only) under uvicorn, in its own process, on
   127.0.0.1.
3. The load: `--clients` concurrent clients, each sending requests one after the other for `--duration`
   seconds, to `/api/events` with a mix of pages and filters. An error is any answer but 200, or a failed
   request.

Not part of the test suite. Only loopback traffic.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

WINDOW_S = 10

#: The request mix: paths under /api/events (offsets are drawn per request).
MIX = [
    "/api/events?limit=50&offset={offset}",
    "/api/events?limit=50&offset={offset}",
    "/api/events?actor=USA&limit=50&offset={offset}",
    "/api/events?pair=USA,RUS&limit=50",
    "/api/events?quad_class=4&limit=50&offset={offset}",
    "/api/events?cameo=04&factuality=actual&limit=50",
    "/api/events?since=2019-03&until=2019-04&limit=50&offset={offset}",
]


def build_store(path: Path, target_events: int) -> dict[str, Any]:
    from dyad.ingest import ingest
    from dyad.store import DuckDBStore

    started = time.perf_counter()
    with DuckDBStore(path) as store:
        events = int(store.stats()["events"])
        if events >= target_events:
            return {"events": events, "articles": int(store.stats()["articles"]), "built_s": 0.0,
                    "reused": True}
        sources = [str(SHARED / "seed"), str(SHARED / "gold" / "dev" / "articles.jsonl")]
        summary = ingest(sources, store)
        if not summary.ok:
            raise SystemExit(f"ingest failed: {summary.failures}")
        originals = [i for i in store.article_ids() if "~" not in i]
        templates = []
        for article_id in originals:
            stored = store.get_article(article_id)
            records = store.article_records(article_id)
            assert stored is not None and records is not None
            templates.append((stored, records))
        events = int(store.stats()["events"])
        run_id = store.start_run(inputs=["benchmarks/load_api.py"], dyad_version="bench")
        copy = 0
        from dyad.document import Article, PartialDate

        while events < target_events:
            copy += 1
            for stored, records in templates:
                new_id = f"{stored.id}~{copy}"
                if store.article_hash(new_id) is not None:
                    continue
                article = Article(id=new_id, text=stored.text, language=stored.language, title=stored.title,
                                  published=PartialDate.parse(stored.published) if stored.published else None,
                                  origin=f"copy {copy} of {stored.id}")

                def moved(rows: list[dict[str, Any]], new: str = new_id) -> list[dict[str, Any]]:
                    return [{**row, "article_id": new} for row in rows]

                extraction = replace(records, article_id=new_id, events=moved(records.events),
                                     quotes=moved(records.quotes), mentions=moved(records.mentions))
                store.put_article(article, article.content_hash, extraction, run_id)
                events += len(records.events)
        store.finish_run(run_id, counts={"copies": copy}, components={})
        stats = store.stats()
    return {"events": int(stats["events"]), "articles": int(stats["articles"]),
            "built_s": round(time.perf_counter() - started, 1), "reused": False}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from dyad.serve import create_app; "
            f"uvicorn.run(create_app({str(path)!r}), host='127.0.0.1', port={port}, log_level='warning', "
            "backlog=4096, timeout_keep_alive=120)")
    env = {**os.environ, "DYAD_API_TOKEN": ""}
    process = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


async def load(base: str, clients: int, duration: float, seed: int) -> dict[str, Any]:
    latencies: list[float] = []
    finished: list[tuple[float, float]] = []  # (seconds since start, latency) per request
    errors: dict[str, int] = {}
    rng = random.Random(seed)
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

        async def one_client() -> None:
            while time.monotonic() < deadline:
                path = rng.choice(MIX).format(offset=rng.randrange(0, 1000, 50))
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    if response.status_code != 200 or not response.json().get("ok"):
                        key = f"HTTP {response.status_code}"
                        errors[key] = errors.get(key, 0) + 1
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                    errors[key] = errors.get(key, 0) + 1
                now = time.perf_counter()
                latencies.append(now - started)
                finished.append((now - began, now - started))

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        if not latencies:
            return float("nan")
        return round(1000 * latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1)

    windows = []
    for low in range(0, int(duration) + 10, WINDOW_S):
        inside = sorted(lat for t, lat in finished if low <= t < low + WINDOW_S)
        if inside:
            windows.append({"from_s": low, "requests": len(inside),
                            "p50_ms": round(1000 * inside[len(inside) // 2], 1),
                            "p99_ms": round(1000 * inside[min(len(inside) - 1, int(0.99 * len(inside)))], 1)})
    return {
        "requests": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "elapsed_s": round(elapsed, 1),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else None,
        "latency_ms": {"p50": pct(50), "p90": pct(90), "p95": pct(95), "p99": pct(99),
                       "max": round(1000 * latencies[-1], 1) if latencies else None,
                       "mean": round(1000 * statistics.fmean(latencies), 1) if latencies else None},
        "windows": windows,  # by when requests finished: the cache starts empty, so early ones are slow
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, default=Path("/tmp/dyad-load.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    store = build_store(args.store, args.events)
    port = free_port()
    server = start_server(args.store, port)
    try:
        result = asyncio.run(load(f"http://127.0.0.1:{port}", args.clients, args.duration, args.seed))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"store": {**store, "path": str(args.store)}, "clients": args.clients,
                      "duration_s": args.duration, "mix": MIX, **result}))


if __name__ == "__main__":
    main()
