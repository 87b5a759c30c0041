"""Throughput of the whole ingest (reading, pipeline, store), one core and on Ray, and Frog's, in one run.

Prints progress to stderr and one JSON object as the last line of stdout:

- ``sentences_per_s``, ``articles_per_s``: `dyad.ingest.ingest` on one core (the process is pinned to one
  CPU) over the DpgMedia2019 articles in ../shared/data, into a fresh DuckDB store: reading, language
  detection, pipeline, records and store writes all count; loading the pipeline and the language
  detector's models (``load_s``, of which ``detector_load_s``: lingua loads them on the first detection,
  about 3 s of CPU) does not.
  ``sentences`` are those of the language layer; articles with empty text are read failures (``failed``).
  ``cpu_s`` is the CPU time of the process (DuckDB's threads included) during that ingest, and
  ``sentences_per_cpu_s`` the sentences over it: on a machine that other work shares, the wall time counts
  the time the process waited for its core, the CPU time does not.
- ``stage_shares``: the share of that wall time spent in each pipeline stage, in ``store`` (`put_article`)
  and in ``other`` (reading, detection, hashing, building records, store look-ups).
- ``ray_speedup_2``: `dyad.distributed` with 2 workers against 1 on the same first ``--ray-articles``
  lines (default: all of them, as the one-core run), end to end (workers started and their pipelines and
  language detector loaded, then the ingest into a fresh store); ``ray_speedup_2_warm`` leaves the
  start-up out. ``ray_equal_exports`` says whether both runs exported the same bytes, and
  ``ray_equal_single`` whether they equal the one-core run's export (when both read the same lines).
  ``driver_cpu_s`` in each run is the CPU time the driver (this process) spent during the ingest, and
  ``process_cpu_s`` that of the other processes, per kind (``workers`` summed, Ray's daemons by name).
- ``peak_mb``: the largest peak RSS (VmHWM) of any dyad process: this one (which also ran the one-core
  ingest) and every Ray worker; ``peak_mb_by_process`` has them apart, with Ray's own daemons for reference.
- ``frog_sentences_per_s``: Frog (Debian ``frog``, all modules, one thread) on the first ``--frog-articles``
  articles, sentences as Frog splits them over Frog's own processing time (its model loading excluded);
  null with ``frog_reason`` when frog is not installed, fails or times out.

Usage: ``.venv/bin/python benchmarks/bench.py [--limit N] [--ray-articles N] [--no-ray] [--no-frog]``;
``--profile 100`` instead runs cProfile over the pipeline on the first 100 lines and prints the hot spots;
``--store 200`` instead times the DuckDB writes alone (on one core) for the records of the first 200 lines:
`put_article` per article against `put_articles` in batches of ``--write-batch``, with the imports DuckDB
attempts per article.
(about 3 minutes on 2 cores; ``--limit 100 --ray-articles 40 --frog-articles 10`` for a quick look).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYAD_SHARED", str(ROOT.parent / "shared")))
DATA = SHARED / "data" / "dpgmedia2019-nl" / "dpgMedia2019-articles-byarticle-all.jsonl"

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def head(src: Path, n: int | None, dst: Path, *, non_empty: bool = False) -> Path:
    """The first n lines of a JSONL file (those with text, when asked) written to dst."""
    lines: list[str] = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if n is not None and len(lines) >= n:
                break
            if non_empty and not str(json.loads(line).get("text") or "").strip():
                continue
            lines.append(line.rstrip("\n"))
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst


# ------------------------------------------------------------------------------------------ memory


def _status(pid: int) -> dict[str, str]:
    try:
        text = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def _hwm_mb(status: dict[str, str]) -> float:
    return round(int(status.get("VmHWM", "0 kB").split()[0]) / 1024, 1)


def _descendants() -> list[int]:
    """Every live process below this one."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            ppid = _status(int(entry.name)).get("PPid", "").strip()
            if ppid.isdigit():
                parents[int(entry.name)] = int(ppid)
    me = os.getpid()
    out = []
    for pid in parents:
        up = parents.get(pid)
        while up is not None and up != me:
            up = parents.get(up)
        if up == me:
            out.append(pid)
    return out


def descendants_peak_mb() -> dict[str, float]:
    """Peak RSS (VmHWM) of every live process below this one, largest per command name."""
    out: dict[str, float] = {}
    for pid in _descendants():
        status = _status(pid)
        name = status.get("Name", "?").strip()
        out[name] = max(out.get(name, 0.0), _hwm_mb(status))
    return out


def descendants_cpu_s() -> dict[int, tuple[str, float]]:
    """CPU seconds (user + system) so far of every live process below this one: pid -> (name, seconds)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[str, float]] = {}
    for pid in _descendants():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        out[pid] = (name, (int(fields[11]) + int(fields[12])) / tick)  # utime, stime
    return out


def cpu_by_kind(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds spent between two `descendants_cpu_s` snapshots, summed per kind of process (Ray names a
    worker process "ray::_Worker"; its daemons are "raylet" and "gcs_server")."""
    out: dict[str, float] = {}
    for pid, (name, seconds) in after.items():
        kind = "workers" if name.startswith("ray::") else name
        spent = seconds - before.get(pid, (name, 0.0))[1]
        out[kind] = round(out.get(kind, 0.0) + spent, 1)
    return {k: v for k, v in out.items() if v > 0}


# ------------------------------------------------------------------------------------------ one core


@contextmanager
def one_core() -> Iterator[int]:
    """Pin this process (and what it starts) to one CPU for the duration."""
    cpus = os.sched_getaffinity(0)
    cpu = min(cpus)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, cpus)


def single_core(path: Path, tmp: Path) -> dict[str, Any]:
    from dyad.document import Document
    from dyad.ingest import ingest
    from dyad.pipeline import Component, get_pipeline
    from dyad.readers.language import detect_language
    from dyad.store import DuckDBStore

    with one_core() as cpu:
        started = time.perf_counter()
        pipeline = get_pipeline("nl")
        detector_started = time.perf_counter()
        detect_language("Een zin om de modellen van de taalherkenning te laden voordat de tijd begint te lopen.")
        detector_load_s = time.perf_counter() - detector_started
        load_s = time.perf_counter() - started
        log(f"single core (cpu {cpu}): pipeline and language detector loaded in {load_s:.1f}s "
            f"(detector {detector_load_s:.1f}s)")

        sentences = [0]
        original = list(pipeline.stages)
        # every stage the configured pipeline runs (a stage added later, such as places, is timed too)
        seconds = dict.fromkeys([*(stage for stage, _name, _component in original), "store"], 0.0)

        def timed(stage: str, component: Component) -> Component:
            def run(doc: Document) -> None:
                t = time.perf_counter()
                component(doc)
                seconds[stage] += time.perf_counter() - t
                if stage == "language":
                    sentences[0] += len(doc.sentences)
            return run

        pipeline.stages = [(stage, name, timed(stage, component)) for stage, name, component in original]
        store = DuckDBStore(tmp / "single.duckdb")
        put_article = store.put_article

        def timed_put(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return put_article(*args, **kwargs)
            finally:
                seconds["store"] += time.perf_counter() - t

        store.put_article = timed_put  # type: ignore[method-assign]
        done = [0]

        def progress(event: str, origin: str) -> None:
            if event in ("done", "failed"):
                done[0] += 1
                if done[0] % 100 == 0:
                    log(f"  {done[0]} articles, {time.perf_counter() - started:.0f}s")

        try:
            started, cpu_started = time.perf_counter(), time.process_time()
            summary = ingest([path], store, progress=progress)
            wall, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
        finally:
            pipeline.stages = original
            store.close()
    shares = {k: round(v / wall, 4) for k, v in seconds.items()}
    shares["other"] = round(1 - sum(seconds.values()) / wall, 4)
    result = {
        "articles": summary.done,
        "failed": summary.failed,
        "sentences": sentences[0],
        "wall_s": round(wall, 1),
        "load_s": round(load_s, 1),
        "detector_load_s": round(detector_load_s, 1),
        "sentences_per_s": round(sentences[0] / wall, 1),
        "cpu_s": round(cpu_s, 1),
        "sentences_per_cpu_s": round(sentences[0] / cpu_s, 1),
        "articles_per_s": round(summary.done / wall, 2),
        "stage_shares": shares,
        "stage_s": {k: round(v, 1) for k, v in seconds.items()},
    }
    log(f"single core: {json.dumps(result)}")
    return result


# ------------------------------------------------------------------------------------------ Ray


def exported(store: Any, tmp: Path, name: str) -> bytes:
    from dyad.export import export

    events, quotes = tmp / f"{name}.events.jsonl", tmp / f"{name}.quotes.jsonl"
    export(store, events_path=events, quotes_path=quotes)
    return events.read_bytes() + quotes.read_bytes()


def ray_runs(path: Path, tmp: Path, workers: int, batch_size: int, write_batch: int) -> dict[str, Any]:
    import ray

    from dyad.distributed import RayEngine, ingest_with_engine
    from dyad.store import DuckDBStore

    runs: dict[int, dict[str, Any]] = {}
    exports: dict[int, bytes] = {}
    worker_peaks: list[float] = []
    daemons: dict[str, float] = {}
    for n in sorted({1, workers}):
        # A fresh cluster per run, so that both start alike: Ray keeps idle worker processes started at
        # `ray.init`, and a run after another (whose workers were killed) had to start new ones (0.4 s more).
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
        try:
            with DuckDBStore(tmp / f"ray{n}.duckdb") as store:
                engine = RayEngine(n, language="nl")
                try:
                    started = time.perf_counter()
                    engine.warm("nl")
                    warm_s = time.perf_counter() - started
                    started, cpu = time.perf_counter(), time.process_time()
                    processes = descendants_cpu_s()
                    summary = ingest_with_engine(engine, [path], store, batch_size=batch_size,
                                                 write_batch=write_batch)
                    ingest_s, driver_cpu_s = time.perf_counter() - started, time.process_time() - cpu
                    process_cpu_s = cpu_by_kind(processes, descendants_cpu_s())
                    worker_peaks.extend(engine.peak_rss_mb())
                finally:
                    engine.close()
                exports[n] = exported(store, tmp, f"ray{n}")
            runs[n] = {"warm_s": round(warm_s, 1), "ingest_s": round(ingest_s, 1),
                       "total_s": round(warm_s + ingest_s, 1), "articles": summary.done,
                       "failed": summary.failed, "sentences": summary.sentences,
                       "sentences_per_s": round(summary.sentences / ingest_s, 1),
                       "driver_cpu_s": round(driver_cpu_s, 1), "process_cpu_s": process_cpu_s}
            log(f"ray, {n} worker(s): {json.dumps(runs[n])}")
            for name, mb in descendants_peak_mb().items():
                if name in ("raylet", "gcs_server"):
                    daemons[name] = max(mb, daemons.get(name, 0.0))
        finally:
            ray.shutdown()
    one, many = runs[1], runs[workers]
    return {
        f"ray_speedup_{workers}": round(one["total_s"] / many["total_s"], 2),
        f"ray_speedup_{workers}_warm": round(one["ingest_s"] / many["ingest_s"], 2),
        "ray_runs": {str(k): v for k, v in runs.items()},
        "ray_equal_exports": exports[1] == exports[workers],
        "ray_export": exports[1],
        "worker_peak_mb": max(worker_peaks) if worker_peaks else None,
        "ray_daemons_peak_mb": daemons,
    }


# ------------------------------------------------------------------------------------------ Frog

_FROG_TOTAL = re.compile(r"Frogging in total took:\s*(?:(\d+) seconds?)?,?\s*(?:(\d+) milliseconds?)?")


def frog_speed(path: Path, n_articles: int, timeout: float, tmp: Path) -> dict[str, Any]:
    if shutil.which("frog") is None:
        return {"frog_sentences_per_s": None, "frog_reason": "frog not installed (Debian packages frog, frogdata)"}
    texts = [json.loads(line)["text"].replace("\n", " ") for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [t for t in texts if t.strip()][:n_articles]
    inp, out = tmp / "frog.in.txt", tmp / "frog.out.tsv"
    inp.write_text("\n".join(texts) + "\n", encoding="utf-8")
    # Not --nostdout: Frog 0.20 (Debian) then leaves the -o file empty; stdout goes to /dev/null instead.
    cmd = ["frog", "--threads=1", "-t", str(inp), "-o", str(out)]
    log(f"frog on {len(texts)} articles: {shlex.join(cmd)}")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tmp,
                              timeout=timeout,
                              env={**os.environ, "OMP_NUM_THREADS": "1"})
    except subprocess.TimeoutExpired:
        return {"frog_sentences_per_s": None, "frog_reason": f"frog did not finish within {timeout:g}s"}
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        return {"frog_sentences_per_s": None,
                "frog_reason": f"frog exited {proc.returncode}: {proc.stderr.strip()[-300:]}"}
    match = _FROG_TOTAL.search(proc.stderr)
    seconds = wall
    if match and (match.group(1) or match.group(2)):
        seconds = int(match.group(1) or 0) + int(match.group(2) or 0) / 1000
    sentences, in_sentence = 0, False
    for row in out.read_text(encoding="utf-8").splitlines():
        if row.strip():
            in_sentence = True
        elif in_sentence:
            sentences, in_sentence = sentences + 1, False
    sentences += in_sentence
    if not sentences:
        return {"frog_sentences_per_s": None, "frog_reason": f"frog wrote no sentences to {out.name}"}
    peak = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)  # Frog: the only child waited for
    result = {"frog_sentences_per_s": round(sentences / seconds, 1), "frog_articles": len(texts),
              "frog_sentences": sentences, "frog_s": round(seconds, 1), "frog_wall_s": round(wall, 1),
              "frog_peak_mb": peak}
    log(f"frog: {json.dumps(result)}")
    return result


# ------------------------------------------------------------------------------------------ profile


def profile(path: Path, top: int) -> None:
    """cProfile over the pipeline and records (not the store) of every article in path; top functions to
    stderr, by cumulative and by own time."""
    import cProfile
    import pstats

    from dyad.api import analyse
    from dyad.document import Article
    from dyad.pipeline import get_pipeline
    from dyad.readers import read_inputs
    from dyad.records import build_records

    articles = [item for item in read_inputs([path]) if isinstance(item, Article)]
    get_pipeline("nl")
    profiler = cProfile.Profile()
    profiler.enable()
    sentences = 0
    for article in articles:
        doc = analyse(article)
        build_records(doc)
        sentences += len(doc.sentences)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    log(f"profile: {len(articles)} articles, {sentences} sentences, {stats.total_tt:.1f}s under cProfile")  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


# ------------------------------------------------------------------------------------------ store


class _ImportCounter:
    """A meta path finder that finds nothing and counts what is looked for (imports that reach it)."""

    def __init__(self) -> None:
        self.count = 0

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        self.count += 1


def store_writes(path: Path, tmp: Path, write_batch: int) -> dict[str, Any]:
    """ms per article of DuckDB writes: one transaction per article, and `write_batch` per transaction."""
    from dyad.api import analyse
    from dyad.document import Article
    from dyad.pipeline import get_pipeline
    from dyad.readers import read_inputs
    from dyad.records import build_records
    from dyad.store import DuckDBStore
    from dyad.store.base import ArticleWrite

    get_pipeline("nl")
    writes = []
    for item in read_inputs([path]):
        if isinstance(item, Article):
            content_hash = item.content_hash
            writes.append(ArticleWrite(item, content_hash, build_records(analyse(item))))
    out: dict[str, Any] = {"store_articles": len(writes) - 1}
    with one_core():
        for mode in ("put_article", "put_articles"):
            with DuckDBStore(tmp / f"{mode}.duckdb") as store:
                store.put_articles(writes[:1], None)  # the first write loads what DuckDB loads lazily
                counter = _ImportCounter()
                sys.meta_path.insert(0, counter)
                started = time.perf_counter()
                try:
                    if mode == "put_article":
                        for article, content_hash, extraction in writes[1:]:
                            store.put_article(article, content_hash, extraction, None)
                    else:
                        for i in range(1, len(writes), write_batch):
                            store.put_articles(writes[i:i + write_batch], None)
                finally:
                    seconds = time.perf_counter() - started
                    sys.meta_path.remove(counter)
            out[f"{mode}_ms"] = round(1000 * seconds / (len(writes) - 1), 2)
            out[f"{mode}_imports_per_article"] = round(counter.count / (len(writes) - 1), 2)
    out["write_batch"] = write_batch
    return out


# ------------------------------------------------------------------------------------------ main


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "load_avg_1m_at_start": round(os.getloadavg()[0], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL articles (default: DpgMedia2019)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines (default: all)")
    parser.add_argument("--ray-articles", type=int, default=None,
                        help="only the first N lines for the Ray runs (default: as many as the one-core run)")
    parser.add_argument("--workers", type=int, default=2)
    from dyad.distributed import DEFAULT_BATCH_SIZE, DEFAULT_WRITE_BATCH

    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="articles per Ray task")
    parser.add_argument("--write-batch", type=int, default=DEFAULT_WRITE_BATCH,
                        help="articles per store transaction (Ray driver)")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-frog", action="store_true")
    parser.add_argument("--frog-articles", type=int, default=100)
    parser.add_argument("--frog-timeout", type=float, default=420.0)
    parser.add_argument("--profile", type=int, metavar="N", default=None,
                        help="only profile the pipeline over the first N lines (cProfile, to stderr) and exit")
    parser.add_argument("--store", type=int, metavar="N", default=None,
                        help="only time the store writes for the first N lines (one core) and exit")
    args = parser.parse_args()
    if args.store is not None:
        with tempfile.TemporaryDirectory(prefix="dyad-store-") as name:
            print(json.dumps({"command": shlex.join([Path(sys.executable).name, *sys.argv]),
                              "load_avg_1m_at_start": round(os.getloadavg()[0], 2),
                              **store_writes(head(args.data, args.store, Path(name) / "corpus.jsonl"), Path(name),
                                             args.write_batch)}))
        return
    if args.profile is not None:
        with tempfile.TemporaryDirectory(prefix="dyad-profile-") as name:
            profile(head(args.data, args.profile, Path(name) / "corpus.jsonl"), 40)
        return

    bench_started = time.perf_counter()
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "machine": machine(),
        "data": str(args.data),
    }
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as name:
        tmp = Path(name)
        corpus = head(args.data, args.limit, tmp / "corpus.jsonl")
        result.update(single_core(corpus, tmp))
        peaks = {"bench driver": _hwm_mb(_status(os.getpid()))}
        if args.no_ray:
            result.update(ray_speedup_2=None, ray_reason="skipped (--no-ray)")
        else:
            limits = [x for x in (args.ray_articles, args.limit) if x is not None]
            n = min(limits) if limits else None
            ray_corpus = head(args.data, n, tmp / "ray.jsonl")
            try:
                ray = ray_runs(ray_corpus, tmp, args.workers, args.batch_size, args.write_batch)
                ray_export = ray.pop("ray_export")
                result.update(ray)
                result["ray_lines"] = len(ray_corpus.read_text(encoding="utf-8").splitlines())
                if ray_corpus.read_bytes() == corpus.read_bytes():
                    from dyad.store import DuckDBStore

                    with DuckDBStore(tmp / "single.duckdb", read_only=True) as single:
                        result["ray_equal_single"] = exported(single, tmp, "single") == ray_export
                else:
                    result["ray_equal_single"] = None
                if result.get("worker_peak_mb") is not None:
                    peaks["ray worker"] = result["worker_peak_mb"]
            except ImportError:
                result.update(ray_speedup_2=None, ray_reason="ray not installed (pip install 'dyad[ray]')")
        peaks["bench driver"] = _hwm_mb(_status(os.getpid()))  # after the Ray runs, which it drove
        result["peak_mb"] = max(peaks.values())
        result["peak_mb_by_process"] = peaks
        if args.no_frog:
            result.update(frog_sentences_per_s=None, frog_reason="skipped (--no-frog)")
        else:
            frog_corpus = head(args.data, args.frog_articles, tmp / "frog.jsonl", non_empty=True)
            result.update(frog_speed(frog_corpus, args.frog_articles, args.frog_timeout, tmp))
    result["bench_s"] = round(time.perf_counter() - bench_started, 1)
    result["bars"] = {"sentences_per_s>=300": result["sentences_per_s"] >= 300,
                      "ray_speedup_2>=1.7": (result.get("ray_speedup_2") or 0) >= 1.7,
                      "peak_mb<=1024": result["peak_mb"] <= 1024}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
