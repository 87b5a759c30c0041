"""The record at scale: every API aggregate and the main /api/events reads over synthetic stores of 1 M and
10 M events (DuckDB) and 1 M events (PostgreSQL), and a streamed Parquet export of the largest store.

    .venv/bin/python benchmarks/bench_scale.py                    # the full run (make bench-scale)
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000000 --no-pg --no-export   # a quick look

1. Stores: `synthetic.build_duckdb` (the real schema by `open_store`, rows by one INSERT ... SELECT; see
   benchmarks/synthetic.py) under `--workdir`; an existing store of the right size is reused with
   `--reuse`. PostgreSQL: a schema of its own in `$DYAD_TEST_POSTGRES_URL` (else the URL
   scripts/setup/postgres.sh prints), filled by the same generator, dropped at the end.
2. Aggregates, each the median of `--runs` runs after one warm-up, through `dyad.aggregates` (what the API
   calls, without its cache): the dyad series USA-RUS per month, week and day, directed; the network of
   2019 by country and by actor; the top dyads; the counts per CAMEO root and per country per month; the
   actor table.
3. /api/events reads, through the store as the API makes them (`count_events`, `event_page`): a page of
   50 at offset 0 and at offset 10,000, the keyset page after the first page, and the count, for each
   of the main filters.
4. Export: `dyad.export.export(..., fmt="parquet")` of every event of the largest DuckDB store, in a child
   process whose peak RSS is read from the kernel (`ru_maxrss`).
5. The dashboard over the largest DuckDB store in Chromium (benchmarks/bench_dashboard.py): each view
   from a freshly started server (warmed up at start, as `dyad serve` is), the median time until it shows
   its data. Skipped without /usr/bin/chromium.

Prints one JSON object as its last line (keys in the module's `main`); `--write-docs` puts the figures
into docs/BENCHMARKS.md (the section between the scale markers). Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import synthetic  # noqa: E402
from bench_dashboard import CHROMIUM, dashboard_figures  # noqa: E402

from dyad import aggregates  # noqa: E402
from dyad.store import RecordFilter, Store, open_store  # noqa: E402

DOCS = REPO / "docs" / "BENCHMARKS.md"
BEGIN, END = "<!-- bench-scale:begin -->", "<!-- bench-scale:end -->"

#: The main /api/events filters (as RecordFilter.build arguments) and their names.
FILTERS: dict[str, dict[str, Any]] = {
    "none": {},
    "actor=USA": {"actor": "USA"},
    "pair=USA,RUS": {"pair": "USA,RUS"},
    "quad_class=4": {"quad_class": 4},
    "cameo=14&factuality=actual": {"cameo": "14", "factuality": "actual"},
    "since=2019-03&until=2019-04": {"since": "2019-03", "until": "2019-04"},
    "country=UKR&quad_class=3,4&since=2022": {"country": "UKR", "quad_class": "3,4", "since": "2022"},
}


def median_ms(call: Callable[[], object], runs: int) -> float:
    call()  # warm-up: the first run reads the columns from disk
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def aggregate_figures(store: Store, runs: int) -> dict[str, float]:
    a = aggregates
    calls: dict[str, Callable[[], object]] = {
        "series_month": lambda: a.dyad_series(store, "USA", "RUS", bucket="month"),
        "series_week": lambda: a.dyad_series(store, "USA", "RUS", bucket="week"),
        "series_day": lambda: a.dyad_series(store, "USA", "RUS", bucket="day"),
        "series_directed": lambda: a.dyad_series(store, "USA", "RUS", bucket="month", directed=True),
        "network_2019": lambda: a.actor_network(store, since="2019", until="2019", max_edges=300),
        "network_2019_actor": lambda: a.actor_network(store, since="2019", until="2019", by="actor",
                                                      max_edges=300),
        "top_dyads": lambda: a.top_dyads(store),
        "roots_month": lambda: a.cameo_root_series(store, bucket="month"),
        "countries_month": lambda: a.country_series(store, bucket="month"),
        "actor_table": lambda: a.actor_table(store),
    }
    out = {}
    for name, call in calls.items():
        out[name] = median_ms(call, runs)
        print(f"  {name}: {out[name]} ms", file=sys.stderr, flush=True)
    return out


def page_figures(store: Store, runs: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, args in FILTERS.items():
        where = RecordFilter.build(**args)
        first = store.event_page(where, limit=50)
        after = first.last
        figures = {
            "page_ms": median_ms(lambda w=where: store.event_page(w, limit=50), runs),
            "offset_10000_ms": median_ms(lambda w=where: store.event_page(w, limit=50, offset=10_000), runs),
            "keyset_ms": median_ms(lambda w=where, k=after: store.event_page(w, limit=50, after=k), runs)
            if after is not None else 0.0,
            "count_ms": median_ms(lambda w=where: store.count_events(w), runs),
        }
        out[name] = figures
        print(f"  /api/events {name}: {figures}", file=sys.stderr, flush=True)
    return out


def duckdb_store(workdir: Path, n: int, reuse: bool) -> tuple[Path, float | None]:
    path = workdir / f"dyad-scale-{n}.duckdb"
    if reuse and path.exists():
        with open_store(path) as store:  # writable: applies the migrations a store of an older dyad lacks
            if store.count_events() == n:
                return path, None
    start = time.perf_counter()
    synthetic.build_duckdb(path, n)
    return path, round(time.perf_counter() - start, 1)


def postgres_url() -> str:
    configured = os.environ.get("DYAD_TEST_POSTGRES_URL", "").strip()
    if configured:
        return configured
    done = subprocess.run(["sh", str(REPO / "scripts" / "setup" / "postgres.sh")], check=True,
                          capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1]


def with_schema(url: str, schema: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def postgres_figures(n: int, runs: int) -> dict[str, Any]:
    import psycopg

    base = postgres_url()
    schema = f"dyad_scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = with_schema(base, schema)
        start = time.perf_counter()
        synthetic.build_postgres(url, n)
        build_s = round(time.perf_counter() - start, 1)
        print(f"PostgreSQL {n}: built in {build_s} s", file=sys.stderr, flush=True)
        with open_store(url, read_only=True) as store:
            events = store.count_events()
            return {"events": events, "build_s": build_s, "aggregates": aggregate_figures(store, runs),
                    "pages": page_figures(store, runs)}
    finally:
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


_EXPORT_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[3])
from dyad.export import export
from dyad.store import open_store
start = time.perf_counter()
with open_store(sys.argv[1], read_only=True) as store:
    counts = export(store, sys.argv[2], fmt="parquet")
print(json.dumps({"rows": counts["events"], "s": round(time.perf_counter() - start, 1),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def export_figures(path: Path, workdir: Path) -> dict[str, Any]:
    target = workdir / "events.parquet"
    done = subprocess.run([sys.executable, "-c", _EXPORT_CHILD, str(path), str(target), str(REPO / "src")],
                          check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["file_mb"] = round(target.stat().st_size / 2**20, 1)
    target.unlink()
    return result


def write_docs(result: dict[str, Any]) -> None:
    d, pg = result["duckdb"], result.get("postgres")
    largest = str(max(int(k) for k in d))
    lines = [BEGIN, "", f"Run `{result['command']}` at {result['date']} on {result['machine']}.", ""]
    sizes = sorted(d, key=int)
    header = "| aggregate (median ms) | " + " | ".join(f"DuckDB {int(s):,}" for s in sizes)
    header += f" | PostgreSQL {pg['events']:,} |" if pg else " |"
    lines += [header, "|---" * (len(sizes) + 1 + (1 if pg else 0)) + "|"]
    for name in d[largest]["aggregates"]:
        row = f"| {name} | " + " | ".join(str(d[s]["aggregates"][name]) for s in sizes)
        row += f" | {pg['aggregates'][name]} |" if pg else " |"
        lines.append(row)
    lines += ["", f"`/api/events` reads at {int(largest):,} events (DuckDB; PostgreSQL at "
              f"{pg['events']:,} after the slash), median ms:" if pg else "", "",
              "| filter | page (limit 50) | offset 10,000 | keyset page | count |", "|---|---|---|---|---|"]
    for name, figures in d[largest]["pages"].items():
        cells = []
        for key in ("page_ms", "offset_10000_ms", "keyset_ms", "count_ms"):
            cell = str(figures[key])
            if pg:
                cell += f" / {pg['pages'][name][key]}"
            cells.append(cell)
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    dashboard = result.get("dashboard")
    if dashboard:
        lines += ["", f"The dashboard over the {int(largest):,}-event store in Chromium "
                  "(benchmarks/bench_dashboard.py: a freshly started server per load, its start-up warm-up "
                  "done, its answer cache otherwise empty; median ms from navigation until the view shows its "
                  "data):", "", "| view | ms |", "|---|---|"]
        lines += [f"| {name} | {ms} |" for name, ms in dashboard.items()]
    export = result.get("export")
    if export:
        lines += ["", f"Parquet export of {export['rows']:,} events: {export['s']} s, peak RSS "
                  f"**{export['peak_mb']} MB**, file {export['file_mb']} MB."]
    lines += ["", "The last line, as printed:", "", "```json", json.dumps(result["summary"]), "```", "", END]
    text = DOCS.read_text(encoding="utf-8")
    block = "\n".join(lines)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## The record at scale (bench_scale.py)\n\n" + block + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="DuckDB store sizes, comma-separated.")
    parser.add_argument("--pg-events", type=int, default=1_000_000)
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--no-dashboard", action="store_true",
                        help="Skip the dashboard views in Chromium (benchmarks/bench_dashboard.py).")
    parser.add_argument("--dashboard-runs", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dyad-scale"))
    parser.add_argument("--reuse", action="store_true", help="Reuse stores of the right size in workdir.")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python benchmarks/bench_scale.py " + " ".join(sys.argv[1:]),
        "machine": f"{os.cpu_count()} vCPUs, load average {os.getloadavg()[0]:.2f} at the start",
        "duckdb": {},
    }
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    largest_path: Path | None = None
    for n in sizes:
        path, build_s = duckdb_store(args.workdir, n, args.reuse)
        print(f"DuckDB {n}: {'built in ' + str(build_s) + ' s' if build_s else 'reused'}", file=sys.stderr,
              flush=True)
        with open_store(path, read_only=True) as store:
            result["duckdb"][str(n)] = {"build_s": build_s, "aggregates": aggregate_figures(store, args.runs),
                                        "pages": page_figures(store, args.runs)}
        largest_path = path
    if not args.no_pg:
        result["postgres"] = postgres_figures(args.pg_events, args.runs)
    if not args.no_export and largest_path is not None:
        result["export"] = export_figures(largest_path, args.workdir)
        print(f"export: {result['export']}", file=sys.stderr, flush=True)
    if not args.no_dashboard and largest_path is not None and CHROMIUM.exists():
        result["dashboard"] = dashboard_figures(largest_path, args.dashboard_runs)
    big = result["duckdb"][str(max(sizes))] if sizes else None
    pg = result.get("postgres")

    def worst_page(figures: dict[str, Any]) -> float:
        return max(f["page_ms"] for name, f in figures["pages"].items() if name != "none")

    summary: dict[str, Any] = {
        "events": max(sizes) if sizes else 0,
        "series_ms": big["aggregates"]["series_month"] if big else None,
        "series_day_ms": big["aggregates"]["series_day"] if big else None,
        "network_ms": big["aggregates"]["network_2019"] if big else None,
        "events_page_ms": worst_page(big) if big else None,
        "events_keyset_ms": max(f["keyset_ms"] for f in big["pages"].values()) if big else None,
        "pg_events": pg["events"] if pg else None,
        "pg_series_ms": pg["aggregates"]["series_month"] if pg else None,
        "pg_network_ms": pg["aggregates"]["network_2019"] if pg else None,
        "pg_events_page_ms": worst_page(pg) if pg else None,
        "roots_ms": big["aggregates"]["roots_month"] if big else None,
        "countries_ms": big["aggregates"]["countries_month"] if big else None,
        "pg_roots_ms": pg["aggregates"]["roots_month"] if pg else None,
        "pg_countries_ms": pg["aggregates"]["countries_month"] if pg else None,
        "pg_slowest_aggregate_ms": max(pg["aggregates"].values()) if pg else None,
        "dashboard_ms": result.get("dashboard"),
        "dashboard_slowest_ms": max(result["dashboard"].values()) if result.get("dashboard") else None,
        "export_peak_mb": result["export"]["peak_mb"] if "export" in result else None,
        "export_s": result["export"]["s"] if "export" in result else None,
        "bench_s": round(time.perf_counter() - started, 1),
    }
    result["summary"] = summary
    if args.write_docs:
        write_docs(result)
    print(json.dumps(result))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
