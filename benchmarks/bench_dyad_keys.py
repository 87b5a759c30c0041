"""The aggregates the dyad keys serve, through the keys and on the columns, in one process one after the
other: CPU time per call (user and system time of every DuckDB thread), which a busy machine inflates far
less than wall time.

    .venv/bin/python benchmarks/bench_dyad_keys.py /tmp/dyad-scale/dyad-scale-10000000.duckdb

Prints one line per aggregate and a JSON object as the last line. Not a test.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyad import aggregates as a  # noqa: E402
from dyad.store import open_store  # noqa: E402
from dyad.store.filters import Dialect  # noqa: E402


def cpu_ms(call: Callable[[], object], runs: int) -> float:
    """Mean CPU milliseconds per call over `runs` calls after one warm-up."""
    call()
    before = resource.getrusage(resource.RUSAGE_SELF)
    for _ in range(runs):
        call()
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return round(used / runs * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out: dict[str, dict[str, float]] = {}
    with open_store(args.store, read_only=True) as store:
        calls: dict[str, Callable[[], object]] = {
            "series_month": lambda: a.dyad_series(store, "USA", "RUS", bucket="month"),
            "series_directed": lambda: a.dyad_series(store, "USA", "RUS", bucket="month", directed=True),
            "network_2019": lambda: a.actor_network(store, since="2019", until="2019", max_edges=300),
            "top_dyads": lambda: a.top_dyads(store),
        }
        keyed = store._dialect  # type: ignore[attr-defined]
        for name, call in calls.items():
            store._dialect = keyed  # type: ignore[attr-defined]
            through_keys = cpu_ms(call, args.runs)
            store._dialect = Dialect()  # type: ignore[attr-defined]  # the filters on the columns
            on_columns = cpu_ms(call, args.runs)
            out[name] = {"dyad_keys_cpu_ms": through_keys, "columns_cpu_ms": on_columns}
            print(f"{name}: {through_keys} ms CPU through the dyad keys, {on_columns} on the columns", flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
