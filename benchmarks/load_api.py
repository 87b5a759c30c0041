"""A bounded load test of the web API on loopback; prints one JSON object (latency percentiles, errors).

    .venv/bin/python benchmarks/load_api.py --store /tmp/dyad-load.duckdb --events 100000 \
        --clients 200 --duration 60
    .venv/bin/python benchmarks/load_api.py --mix real --store /tmp/dyad-real.duckdb --workers 2 \
        --clients 200 --duration 60          # issue 16's test; --store may be a PostgreSQL URL

1. The store. `--mix events`: the seed and the gold dev articles are ingested through the real pipeline
   once; then the records extracted from them are stored again under new article ids (`<id>~<n>`, text
   and records unchanged) until the store holds at least `--events` events. `--mix real`: real Dutch news
   only, each article once (`REAL_SOURCES`: 678 lines, 671 articles stored, one whose language cannot be
   told reported), through the real pipeline, into a DuckDB file or a PostgreSQL URL. An existing store
   is reused as it is; `store.built_s` in the output is the time the store took to build (0 if reused).
2. The server: `dyad.serve.create_app` over that store (read-only) under uvicorn, in its own process on
   127.0.0.1, or with `--workers N` in N processes as `dyad serve --workers N` runs them; the clients start
   when every process is up and idle.
3. The load: `--clients` concurrent clients, each sending requests one after the other (no think time)
   over its own keep-alive connection for `--duration` seconds, to `/api/events` with a mix of pages and
   filters (`--mix events`), or (`--mix real`) events with filters, dyad series, the network and single
   article pages (3 requests in 10), each of an article drawn at random from the whole store. Article
   pages are read from the store on every request (the server keeps no answer for them; the store keeps
   each article's page as its writer rendered it, `dyad.store.pages`, so a read is one look-up by key).
   An error is any answer but 200 with `"ok": true`, or a failed request.

The client (`--client raw`, the default) speaks HTTP/1.1 over asyncio streams: under 0.5 ms of CPU a
request, so that on a small machine the figures measure the server rather than the load generator.
`--client httpx` is the client the first figures were taken with; it spends several milliseconds of CPU a
request in the one event loop, and on 2 cores that loop, not the server, set the pace (see
docs/BENCHMARKS.md). The output records the CPU seconds the server (all its processes) and the client
used, the HTTP parser and event loop uvicorn runs on, and the load average before and after, so that a
reader can tell which of them was the bottleneck.

Not part of the test suite. Only loopback traffic.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

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

#: `--mix real` (issue 16): what the dashboard asks for. Events with filters, a dyad's series, the network
#: of a period, and single article pages, each of an article drawn at random from the whole store (the
#: server reads every article page from the store: `dyad.serve.responses` keeps no answer for them).
REAL_MIX = [
    "/api/events?limit=50&offset={offset}",
    "/api/events?actor=USA&quad_class=4&limit=50&offset={offset}",
    "/api/events?pair=USA,RUS&since=2019&limit=50",
    "/api/events?q=minister&limit=50&offset={offset}",
    "/api/dyads/USA/RUS/series?bucket=month",
    "/api/dyads/NLD/RUS/series?bucket=week&factuality=all",
    "/api/network?since=2019-01&until=2019-12",
    "/api/articles/{article}",
    "/api/articles/{article}",
    "/api/articles/{article}",
]
MIXES = {"events": MIX, "real": REAL_MIX}


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


#: `--mix real`: real Dutch news only, each article stored once through the real pipeline (no copies): the
#: 250 political articles and the 428 articles of the DpgMedia2019 hyperpartisan set (disjoint from them).
REAL_SOURCES = [SHARED / "data" / "dpgmedia2019-nl-politics" / "articles.jsonl",
                SHARED / "data" / "dpgmedia2019-nl" / "dpgMedia2019-articles-byarticle.jsonl"]


def build_real_store(location: str) -> dict[str, Any]:
    """The store of `--mix real`: `REAL_SOURCES` ingested into `location` (a DuckDB path or a PostgreSQL
    URL; reused when it holds articles)."""
    from dyad.ingest import ingest
    from dyad.store import open_store

    started = time.perf_counter()
    with open_store(location) as store:
        reused = int(store.stats()["articles"]) > 0
        failed = 0
        if not reused:
            summary = ingest([str(source) for source in REAL_SOURCES], store)
            failed = len(summary.failures)  # reported (an article whose language cannot be told), not fatal
        stats = store.stats()
    return {"events": int(stats["events"]), "articles": int(stats["articles"]), "sources": [
        str(source.relative_to(SHARED.parent)) for source in REAL_SOURCES],
            "failed": failed, "built_s": 0.0 if reused else round(time.perf_counter() - started, 1),
            "reused": reused}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path | str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """uvicorn over the store (read-only), in one process or (`workers` > 1) in that many worker processes
    under uvicorn's supervisor, as `dyad serve --workers N` runs them."""
    options = (f"host='127.0.0.1', port={port}, log_level='warning', backlog=4096, timeout_keep_alive=120")
    if workers == 1:
        code = f"import uvicorn; from dyad.serve import create_app; uvicorn.run(create_app({str(path)!r}), {options})"
    else:
        code = ("import uvicorn; uvicorn.run('dyad.serve.app:app_from_environment', factory=True, "
                f"workers={workers}, {options})")
    env = {**os.environ, "DYAD_API_TOKEN": "", "DYAD_SERVE_STORE": str(path)}
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


def settle(pid: int, timeout: float = 30.0) -> None:
    """Wait until a server's processes are idle (every worker has imported and opened the store), so that
    the clients' connections spread over all of them rather than over the first one up."""
    deadline = time.monotonic() + timeout
    used = process_cpu_s(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = process_cpu_s(pid)
        if now - used < 0.05:
            return
        used = now


class RawConnection:
    """One keep-alive HTTP/1.1 connection: GET a path, read the status and a Content-Length body."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" not in headers:
            raise ConnectionError(f"no Content-Length in the answer to {path}")
        body = await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def process_cpu_s(pid: int) -> float:
    """User plus system CPU seconds a process and its live descendants have used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with contextlib.suppress(OSError):
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            with contextlib.suppress(OSError):
                total += process_cpu_s(int(child))
    return total


def server_stack() -> dict[str, str]:
    """The HTTP parser and event loop uvicorn picks in this environment ("auto": httptools and uvloop when
    installed, else h11 and asyncio)."""
    import importlib.util

    return {"http": "httptools" if importlib.util.find_spec("httptools") else "h11",
            "loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"}


async def load(base: str, clients: int, duration: float, seed: int, client_kind: str = "raw",
               mix: list[str] = MIX, articles: list[str] | None = None) -> dict[str, Any]:
    latencies: list[float] = []
    finished: list[tuple[float, float]] = []  # (seconds since start, latency) per request
    by_kind: dict[str, list[float]] = {}  # latencies per endpoint (the path up to its query or last part)
    errors: dict[str, int] = {}
    rng = random.Random(seed)
    deadline = time.monotonic() + duration
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def drive(get: Callable[[str], Awaitable[tuple[int, bytes]]]) -> None:
        while time.monotonic() < deadline:
            article = quote(rng.choice(articles), safe="") if articles else "none"
            path = rng.choice(mix).format(offset=rng.randrange(0, 1000, 50), article=article)
            started = time.perf_counter()
            try:
                status, body = await get(path)
                if status != 200 or not json.loads(body).get("ok"):
                    key = f"HTTP {status}"
                    errors[key] = errors.get(key, 0) + 1
            except (OSError, ValueError, asyncio.IncompleteReadError, httpx.HTTPError) as exc:
                key = type(exc).__name__
                errors[key] = errors.get(key, 0) + 1
            now = time.perf_counter()
            latencies.append(now - started)
            finished.append((now - began, now - started))
            by_kind.setdefault(endpoint(path), []).append(now - started)

    began = time.perf_counter()
    if client_kind == "raw":
        connections = [RawConnection(host, int(port)) for _ in range(clients)]

        async def one_raw(connection: RawConnection) -> None:
            async def get(path: str) -> tuple[int, bytes]:
                try:
                    return await connection.get(path)
                except BaseException:
                    await connection.close()  # a fresh connection for the next request
                    raise
            await drive(get)

        await asyncio.gather(*(one_raw(c) for c in connections))
        for connection in connections:
            await connection.close()
    else:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

            async def get(path: str) -> tuple[int, bytes]:
                response = await client.get(path)
                return response.status_code, response.content

            await asyncio.gather(*(drive(get) for _ in range(clients)))
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
        "endpoints": {kind: {"requests": len(values), "p50_ms": round(1000 * statistics.median(values), 1),
                             "p99_ms": round(1000 * sorted(values)[min(len(values) - 1, int(0.99 * len(values)))], 1)}
                      for kind, values in sorted(by_kind.items())},
    }


def endpoint(path: str) -> str:
    """A request's endpoint for the per-endpoint figures: /api/articles/{id}, /api/events, ..."""
    route = path.split("?", 1)[0]
    return "/api/articles/{id}" if route.startswith("/api/articles/") else route


def query_times(path: Path | str, repeat: int = 20) -> dict[str, Any]:
    """Milliseconds (best of `repeat`) the store takes to count each filter of the mix and to read a page
    of 50 at offsets 0, 900 and near the end, and after a keyset position (near the start and near the
    end), in-process and uncached: what a request costs when the API's cache misses. `path` may be a
    PostgreSQL URL."""
    from urllib.parse import parse_qsl, urlsplit

    from dyad.serve.query import event_query, page
    from dyad.store import open_store

    def best(action: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return round(1000 * min(times), 2)

    out: dict[str, Any] = {}
    with open_store(path, read_only=True) as store:
        for template in dict.fromkeys(MIX):
            url = template.format(offset=0)
            params = {k: v for k, v in parse_qsl(urlsplit(url).query) if k not in ("limit", "offset")}
            query = event_query(**params)
            first = page(query, store, offset=0, limit=50)
            out[url] = {
                "total": first.total,
                "count_ms": best(lambda q=query: q.count(store)),  # type: ignore[misc]
                "page_offset_0_ms": best(lambda q=query: page(q, store, offset=0, limit=50,  # type: ignore[misc]
                                                               known_total=1)),
                "page_offset_900_ms": best(lambda q=query: page(q, store, offset=900, limit=50,  # type: ignore[misc]
                                                                 known_total=1)),
            }
            read = store.event_page(query.where, limit=50)
            if read.last is not None:
                out[url]["page_after_cursor_ms"] = best(
                    lambda q=query, k=read.last: store.event_page(q.where, limit=51, after=k))  # type: ignore[misc]
            deep = max(0, first.total - 100)  # the last pages: where an offset costs most
            out[url]["deep_offset"] = deep
            out[url]["page_deep_offset_ms"] = best(
                lambda q=query, o=deep: page(q, store, offset=o, limit=50, known_total=1))  # type: ignore[misc]
            mark = store.event_page(query.where, limit=1, offset=max(0, deep - 1)).last
            if mark is not None:
                out[url]["page_deep_cursor_ms"] = best(
                    lambda q=query, k=mark: store.event_page(q.where, limit=51, after=k))  # type: ignore[misc]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", default="/tmp/dyad-load.duckdb",
                        help="a DuckDB file, or (--mix real) a PostgreSQL URL")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="raw: HTTP/1.1 over asyncio streams (default); httpx: the first client")
    parser.add_argument("--mix", choices=tuple(MIXES), default="events",
                        help="events: the /api/events mix (default); real: events, series, network and "
                             "single article pages drawn from the whole store (issue 16)")
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes (uvicorn workers over the read-only store; default 1)")
    parser.add_argument("--query-times", action="store_true",
                        help="instead of the load: time each filter's count and pages in-process, uncached")
    args = parser.parse_args()
    store = (build_real_store(args.store) if args.mix == "real"
             else build_store(Path(args.store), args.events))
    if args.query_times:
        print(json.dumps({"store": {**store, "path": str(args.store)}, "cpus": os.cpu_count(),
                          "load_average": [round(x, 2) for x in os.getloadavg()],
                          "queries": query_times(args.store)}))
        return
    from dyad.store import open_store

    with open_store(args.store, read_only=True) as opened:
        article_ids = list(opened.article_ids())
    port = free_port()
    server = start_server(args.store, port, args.workers)
    settle(server.pid)
    machine: dict[str, Any] = {"cpus": os.cpu_count(), "workers": args.workers, **server_stack(),
               "load_average_before": [round(x, 2) for x in os.getloadavg()],
               "started_utc": datetime.now(UTC).isoformat(timespec="seconds")}
    server_cpu = process_cpu_s(server.pid)
    client_cpu = time.process_time()
    try:
        result = asyncio.run(load(f"http://127.0.0.1:{port}", args.clients, args.duration, args.seed,
                                  args.client, MIXES[args.mix], article_ids))
        machine["server_cpu_s"] = round(process_cpu_s(server.pid) - server_cpu, 1)
        machine["client_cpu_s"] = round(time.process_time() - client_cpu, 1)
        machine["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"store": {**store, "path": str(args.store)}, "clients": args.clients,
                      "duration_s": args.duration, "client": args.client, "mix": MIXES[args.mix],
                      "machine": machine,
                      **result}))


if __name__ == "__main__":
    main()
