"""The `dyad` command line. It only calls the library and turns domain errors into friendly messages;
progress goes to stderr, results to stdout (NO_COLOR is respected by Rich)."""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dyad.errors import DyadError, InputError

EXAMPLES = """Examples:

\b
  dyad run article.txt                         show what dyad finds, without storing
  dyad ingest articles.jsonl --db dyad.duckdb  extract into a store
  dyad stats --db dyad.duckdb                  what the store holds
  dyad export --events events.csv -f csv --columns icews --db dyad.duckdb
  dyad series USA RUS --bucket month --db dyad.duckdb
  dyad serve --db dyad.duckdb                  REST API and dashboard on http://127.0.0.1:8000/
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, epilog=EXAMPLES,
                  help="dyad: who did what to whom, when, and who said what, from Dutch and English news.")
actors_app = typer.Typer(no_args_is_help=True, help="Look up actors in the knowledge base.")
app.add_typer(actors_app, name="actors")

# Tables are read in terminals and in logs: when stdout is not a terminal Rich would wrap them at 80
# columns, so give them room unless COLUMNS says otherwise.
out = Console(highlight=False, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160)
err = Console(stderr=True, highlight=False)

def _version(value: bool) -> None:
    if value:
        from dyad import __version__

        out.print(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """dyad: who did what to whom, when, and who said what, from Dutch and English news."""


def _open_read_only(db: str | None) -> Any:
    """A store for a read command: opened read-only (so it works while `dyad serve` or another reader has
    the file), and never created: a path where no store is is an error, not an empty store."""
    from dyad.store import open_store

    return open_store(db, read_only=True)


DB_HELP = "Store: a DuckDB file path (default $DYAD_DB or ~/.local/share/dyad/dyad.duckdb) or a database URL."


def _fail(exc: DyadError) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(str(exc))}")
    return typer.Exit(2)


def _read_eval_json(path: Path) -> dict[str, Any]:
    """The scores of an earlier `dyad eval --json` run: the file's last line, with its per-article scores."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        data = json.loads(lines[-1]) if lines else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(InputError(f"cannot read the baseline scores: {exc}", source=str(path))) from exc
    if not isinstance(data, dict) or not isinstance(data.get("per_article"), list):
        raise _fail(InputError("not the --json output of dyad eval (no per_article scores on its last line)",
                               source=str(path)))
    return data


def _failed(origin: str, message: str) -> None:
    """A failure line on stderr. Origins and messages come from the data (a file `a[bold]b.txt`, a date
    `[/red]`): they are escaped, never read as Rich markup."""
    err.print(f"[red]failed[/red] {escape(origin)}: {escape(message)}")


def _cell(value: Any) -> str:
    """A table cell of data, escaped so that text like `[/red]` in an article is shown as it is."""
    return escape(str(value))


def _actor_cell(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "-"
    code = ref.get("actor") or "?"
    return f"{_cell(ref.get('name'))} [dim]({_cell(code)})[/dim]"


def print_extraction(records: Any, title: str) -> None:
    """Readable tables of the events, quotes and actors found in one article."""
    title = escape(title)
    events = Table(title=f"Events — {title}", show_lines=False, expand=False)
    for col in ("source", "cameo", "target", "factuality", "date", "trigger", "rule"):
        events.add_column(col)
    for e in records.events:
        events.add_row(_actor_cell(e["source"]), _cell(f"{e['cameo']} {e['plover'] or ''}"),
                       _actor_cell(e["target"]), _cell(e["factuality"]), _cell(e["date"] or "-"),
                       _cell(e["trigger"]), _cell(e["rule"]))
    out.print(events)
    quotes = Table(title=f"Quotes — {title}")
    for col in ("speaker", "kind", "cue", "text"):
        quotes.add_column(col)
    for q in records.quotes:
        text = q["text"] if len(q["text"]) <= 100 else q["text"][:97] + "..."
        quotes.add_row(_actor_cell(q["speaker"]), _cell(q["kind"]), _cell(q["cue"] or "-"), _cell(text))
    out.print(quotes)
    seen: dict[str, list[str]] = {}
    for m in records.mentions:
        if m["actor"]:
            seen.setdefault(f"{m['actor_name']}|{m['actor']}|{m['country'] or '-'}|{m['role'] or '-'}",
                            []).append(m["text"])
    actors = Table(title=f"Actors — {title}")
    for col in ("actor", "code", "country", "role", "mentions"):
        actors.add_column(col)
    for key, texts in seen.items():
        name, code, country, role = key.split("|")
        actors.add_row(_cell(name), _cell(code), _cell(country), _cell(role),
                       _cell(", ".join(dict.fromkeys(texts))))
    out.print(actors)


@app.command(epilog="Example: dyad run article.txt --json | jq '.events[].cameo'")
def run(
    inputs: list[str] = typer.Argument(..., help="Files, folders or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article on stdout."),
    language: str | None = typer.Option(None, "--language", "-l", help="nl or en (detected when not given)."),
) -> None:
    """Extract events, quotes and actors and show them, without storing."""
    from dyad.api import analyse
    from dyad.readers import ReadFailure, read_inputs
    from dyad.records import build_records

    failed = 0
    for item in read_inputs(inputs, language=language):
        if isinstance(item, ReadFailure):
            failed += 1
            _failed(item.origin, f"[{item.code}] {item.message}")
            continue
        try:
            records = build_records(analyse(item))
        except Exception as exc:  # one article's failure is reported; the others are still extracted
            failed += 1
            reason = str(exc) if isinstance(exc, DyadError) else f"[E000] {type(exc).__name__}: {exc}"
            _failed(item.origin or item.id, reason)
            continue
        if as_json:
            sys.stdout.write(json.dumps(records.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_extraction(records, item.id)
    if failed:
        raise typer.Exit(1)


@app.command(epilog="Examples: dyad ingest articles.jsonl --db dyad.duckdb; "
                     "dyad ingest folder/ --engine ray --workers 4")
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, folders or - for stdin."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    language: str | None = typer.Option(None, "--language", "-l", help="nl or en (detected when not given)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: str = typer.Option("local", "--engine", help="local (one process) or ray."),
    workers: int = typer.Option(2, "--workers", "-w", help="Ray workers, one CPU each."),
    address: str | None = typer.Option(None, "--address", help="An existing Ray cluster (default: start a local one)."),
    follow_symlinks: bool = typer.Option(
        False, "--follow-symlinks",
        help="Read symbolic links met in a folder walk (by default they are reported and not read)."),
) -> None:
    """Extract articles into the store (idempotent: unchanged articles are skipped)."""
    from dyad.ingest import IngestSummary
    from dyad.ingest import ingest as run_ingest
    from dyad.store import open_store

    if engine not in ("local", "ray"):
        err.print(f"[red]error[/red] --engine must be local or ray, not {escape(repr(engine))}")
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except DyadError as exc:
        raise _fail(exc) from exc
    from dyad.readers.reading import count_articles

    total = None if quiet else count_articles(inputs, follow_symlinks=follow_symlinks)
    with store, _progress(quiet, total) as progress:
        summary: IngestSummary
        try:
            if engine == "ray":
                from dyad.distributed import ingest_ray

                summary = ingest_ray(inputs, store, workers=workers, address=address, language=language,
                                     progress=progress, follow_symlinks=follow_symlinks)
            else:
                summary = run_ingest(inputs, store, language=language, progress=progress,
                                     follow_symlinks=follow_symlinks)
        except DyadError as exc:
            raise _fail(exc) from exc
    err.print(f"done {summary.done}, unchanged {summary.unchanged}, failed {summary.failed}")
    for failure in summary.failures:
        _failed(failure.origin, f"[{failure.code}] {failure.message}")
    if summary.failed:
        raise typer.Exit(1)


class _RichProgress:
    """Adapts the library's progress callbacks to a Rich progress bar on stderr."""

    def __init__(self, quiet: bool, total: int | None = None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                                 console=err, disable=quiet, transient=False)
        self.task = self.progress.add_task("ingest", total=total)

    def __enter__(self) -> _RichProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def __call__(self, status: str, origin: str) -> None:
        # "start" announces an article; done, unchanged and failed end one: only those advance the bar.
        self.progress.update(self.task, advance=0 if status == "start" else 1,
                             description=f"ingest {status:9} {escape(origin[-40:])}")
        task = self.progress.tasks[0]
        if task.total is not None and task.completed > task.total:
            self.progress.update(self.task, total=task.completed)  # the count was short (a bad line)


def _progress(quiet: bool, total: int | None = None) -> _RichProgress:
    return _RichProgress(quiet, total)


@app.command(epilog="Examples: dyad export --events events.jsonl; dyad export --events events.csv -f csv "
                     "--columns icews --since 2021-03; dyad export --events groups.parquet -f parquet --grouped")
def export(
    events: Path | None = typer.Option(None, "--events", help="Write events to this file."),
    quotes: Path | None = typer.Option(None, "--quotes", help="Write quotes to this file."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    article: str | None = typer.Option(None, "--article", help="Only this article id."),
    actor: str | None = typer.Option(None, "--actor", help="Actor code or country on either side (RUS, USAGOV)."),
    country: str | None = typer.Option(None, "--country", help="Country on either side (ISO alpha-3 or org code)."),
    cameo_root: str | None = typer.Option(None, "--root", help="CAMEO root, two digits (e.g. 11)."),
    factuality: str | None = typer.Option(None, "--factuality", help="actual, possible or negated."),
    since: str | None = typer.Option(None, "--since", help="Events dated on or after (ISO date)."),
    until: str | None = typer.Option(None, "--until", help="Events dated on or before (ISO date)."),
    date_overlap: str = typer.Option(
        "contained", "--date-overlap",
        help="contained: an event's whole date period inside --since/--until (an event dated 2021-03 is not "
             "in --since 2021-03-15); overlap: any part of it."),
    columns: str = typer.Option("dyad", "--columns",
                                help="Column set of the events file: dyad, icews, polecat or gdelt (docs/EXPORTS.md)."),
    grouped: bool = typer.Option(False, "--grouped",
                                 help="One row per event reported by one or more articles, not per report."),
) -> None:
    """Export events and quotes from the store (opened read-only)."""
    from dyad.export import export as run_export

    if events is None and quotes is None:
        err.print("[red]error[/red] give --events FILE and/or --quotes FILE")
        raise typer.Exit(2)
    try:
        with _open_read_only(db) as store:
            counts = run_export(store, events_path=events, quotes_path=quotes, fmt=fmt, article_id=article,
                                actor=actor, country=country, cameo_root=cameo_root, factuality=factuality, since=since,
                                until=until, date_overlap=date_overlap, columns=columns, grouped=grouped)
    except DyadError as exc:
        raise _fail(exc) from exc
    err.print(", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command(name="eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold *.json files."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object (last line)."),
    events: str | None = typer.Option(
        None, "--events", help="Events component instead of the configured one: lexicon_coder (the rules) or "
        "learned_coder (the rules' candidates decided by the trained model)."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="The --json output of an earlier run on the same gold folder: print how each F1 "
        "changed, with its paired-bootstrap 95% interval."
    ),
) -> None:
    """Extract the gold articles and score them as shared/spec/FORMAT.md says; every F1 with its 95% interval
    over the articles (bootstrap).

    Example: dyad eval corpus/nl-politics/test --events lexicon_coder --json"""
    from dyad.evaluation import INTERVAL_BLOCKS, paired_difference
    from dyad.evaluation import evaluate as run_evaluation

    before = _read_eval_json(baseline) if baseline else None
    try:
        result = run_evaluation(gold_dir, {"events": events} if events else None).to_dict()
    except DyadError as exc:
        raise _fail(exc) from exc
    changes = []
    if before is not None:
        try:
            changes = [paired_difference(before["per_article"], result["per_article"], block)
                       for block in INTERVAL_BLOCKS]
        except ValueError as exc:
            raise _fail(InputError(str(exc), source=str(baseline))) from exc
        result["changes"] = changes
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
        return
    table = Table(title=f"dyad eval {gold_dir} ({result['articles']} articles)")
    for col in ("", "precision", "recall", "f1", "f1 95% interval", "tp", "pred", "gold"):
        table.add_column(col, justify="right" if col else "left")
    for key in ("events", "dyads", "quotes", "quotes_direct", "quotes_indirect", "quotes_partial", "quotes_named",
                "quotes_text"):
        s = result[key]
        ci = result["intervals"].get(key)
        table.add_row(key, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      f"{ci['f1_low']:.3f}-{ci['f1_high']:.3f}" if ci else "", str(s["tp"]), str(s["pred"]),
                      str(s["gold"]))
    out.print(table)
    for c in changes:
        out.print(f"{c['block']}: F1 {c['before']:.3f} -> {c['after']:.3f} ({c['difference']:+.3f}, 95% interval "
                  f"{c['low']:+.3f} to {c['high']:+.3f}; better in {c['share_better']:.0%} of resamples)")
    ev = result["events"]
    out.print(f"matched events: exact code {ev['exact_code']:.3f}, factuality {ev['factuality']:.3f}, "
              f"date {ev['date']:.3f}; actor country accuracy {result['actors']['country_accuracy']:.3f} "
              f"({result['actors']['sides']} sides of events matched on sentence and CAMEO root)")


@app.command()
def stats(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Counts of what the store holds (opened read-only).

    Example: dyad stats --db dyad.duckdb --json"""
    try:
        with _open_read_only(db) as store:
            data = store.stats()
    except DyadError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(data, default=str) + "\n")
        return
    table = Table(title="dyad store")
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in data.items():
        table.add_row(_cell(key), _cell(json.dumps(value, default=str) if isinstance(value, dict | list) else value))
    out.print(table)


def _aggregate(db: str | None, compute: Any) -> None:
    """Open the store read-only, compute an aggregate (a `dyad.aggregates` function) and print it as JSON."""
    try:
        with _open_read_only(db) as store:
            result = compute(store)
    except DyadError as exc:
        raise _fail(exc) from exc
    except ValueError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")


@app.command()
def series(
    a: str = typer.Argument(..., help="Actor or country code (RUS, RUSGOV, NATO)."),
    b: str = typer.Argument(..., help="The other actor or country code."),
    bucket: str = typer.Option("month", "--bucket", help="day, week, month or year."),
    since: str | None = typer.Option(None, "--since", help="ISO date at any precision (inclusive)."),
    until: str | None = typer.Option(None, "--until", help="ISO date at any precision (inclusive)."),
    directed: bool = typer.Option(False, "--directed", help="Only A acting on B."),
    factuality: str = typer.Option("actual", "--factuality", help="actual, possible, negated or all."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Events between two actors over time (counts per quad class, Goldstein), as JSON.

    Example: dyad series USA RUS --bucket week --since 2021-03 --db dyad.duckdb"""
    from dyad.aggregates import dyad_series

    fact = None if factuality == "all" else factuality
    _aggregate(db, lambda store: dyad_series(store, a.upper(), b.upper(), bucket=bucket, since=since,
                                             until=until, directed=directed, factuality=fact))


@app.command()
def network(
    since: str | None = typer.Option(None, "--since", help="ISO date at any precision (inclusive)."),
    until: str | None = typer.Option(None, "--until", help="ISO date at any precision (inclusive)."),
    by: str = typer.Option("country", "--by", help="country or actor."),
    factuality: str = typer.Option("actual", "--factuality", help="actual, possible, negated or all."),
    top: int | None = typer.Option(None, "--top", help="Only the N dyads with the most events."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Who acted on whom in a period (nodes and weighted edges), or the top dyads with --top, as JSON.

    Example: dyad network --since 2021-03 --until 2021-04 --top 10 --db dyad.duckdb"""
    from dyad.aggregates import actor_network, top_dyads

    fact = None if factuality == "all" else factuality
    if top is not None:
        _aggregate(db, lambda store: top_dyads(store, since=since, until=until, by=by, factuality=fact,
                                               limit=top))
        return
    _aggregate(db, lambda store: actor_network(store, since=since, until=until, by=by, factuality=fact))


@actors_app.command("lookup")
def actors_lookup(
    name: str = typer.Argument(..., help="A name as written: Poetin, het Kremlin, NAVO ..."),
    date: str | None = typer.Option(None, "--date", help="Resolve roles at this date (YYYY[-MM[-DD]])."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
) -> None:
    """Candidates for a name, best first.

    Example: dyad actors lookup Poetin --date 2021-03"""
    from dyad.actors import lookup
    from dyad.document import PartialDate

    try:
        when = PartialDate.parse(date, source="--date") if date else None
        candidates = lookup(name, when)
    except DyadError as exc:
        raise _fail(exc) from exc
    rows = [c.to_dict() for c in candidates]
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    if not rows:
        err.print(f"no actor known for {escape(repr(name))}")
        raise typer.Exit(1)
    table = Table(title=escape(name) + (f" at {escape(date)}" if date else ""))
    for col in ("id", "name", "actor", "country", "role", "confidence"):
        table.add_column(col)
    for r in rows:
        table.add_row(*(_cell(r.get(c) if r.get(c) is not None else "-") for c in
                        ("id", "name", "actor", "country", "role", "confidence")))
    out.print(table)


@app.command()
def demo(
    db: str | None = typer.Option(None, "--db", help="Store for the demo (default: the embedded default store)."),
) -> None:
    """Run the example Dutch article through the whole pipeline into the store and show what was found."""
    from dyad.ingest import ingest as run_ingest
    from dyad.store import open_store

    example = resources.files("dyad").joinpath("examples", "nl_sancties.txt")
    path = str(example)
    try:
        store = open_store(db)
    except DyadError as exc:
        raise _fail(exc) from exc
    with store:
        summary = run_ingest([path], store)
        err.print(f"ingested {escape(path)}: done {summary.done}, unchanged {summary.unchanged}, "
                  f"failed {summary.failed}")
        for failure in summary.failures:
            _failed(failure.origin, f"[{failure.code}] {failure.message}")
        records = store.article_records(Path(path).stem)
        print_extraction(records, Path(path).stem)
        err.print(f"store: {escape(str(store.location))}")
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token_file: Path | None = typer.Option(
        None, "--token-file",
        help="File holding the API token that enables POST /api/articles (else $DYAD_API_TOKEN; "
             "with neither the server is read-only)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes (read-only servers only): each opens the store "
                                     "read-only and answers on the same port."),
) -> None:
    """Serve the REST API (/api/, OpenAPI at /openapi.json) and the dashboard (/).

    Example: dyad serve --db dyad.duckdb --port 8000 --workers 2"""
    import os

    import uvicorn

    from dyad.serve import TOKEN_ENV, create_app
    from dyad.serve.app import STORE_ENV

    token: str | None = None
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            err.print(f"[red]error[/red] cannot read the token file {escape(str(token_file))}: "
                      f"{escape(str(exc.strerror))}")
            raise typer.Exit(2) from exc
    writable = bool(token or os.environ.get(TOKEN_ENV, "").strip())
    if workers > 1 and writable:
        err.print("[red]error[/red] --workers: a server that takes POSTed articles runs in one process (the "
                  "store has one writer, and a process forgets its cached answers on its own writes only)")
        raise typer.Exit(2)
    try:
        application = create_app(db, token=token)
    except DyadError as exc:
        raise _fail(exc) from exc
    location = application.state.access.location
    err.print(f"dyad: serving {escape(str(location))} at http://{host}:{port}/ "
              f"({'ingest enabled with the token' if writable else 'read-only'}"
              f"{f', {workers} processes' if workers > 1 else ''})")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="info")
        return
    application.state.access.close()
    if db is not None:
        os.environ[STORE_ENV] = db  # as given: a URL's password is not in `location`
    uvicorn.run("dyad.serve.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="info")


def main() -> None:
    app()
