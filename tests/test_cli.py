"""The command line end to end on real articles: run, ingest (idempotent, with failures), export, stats, eval."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()


@pytest.fixture()
def seed_file(shared_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "in" / "000_c8f14cc41eaac8fb.txt"
    target.parent.mkdir()
    shutil.copy(shared_dir / "seed" / "000_c8f14cc41eaac8fb.txt", target)
    return target


def test_run_json_gives_records_per_format(seed_file: Path) -> None:
    result = runner.invoke(app, ["run", "--json", str(seed_file)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["article_id"] == "000_c8f14cc41eaac8fb"
    assert data["published"] == "2021-03"
    assert data["events"], "the seed has events"
    for event in data["events"]:
        for key in ("article_id", "sentence", "source", "target", "cameo", "quad_class", "goldstein", "plover",
                    "factuality", "date", "trigger", "rule"):
            assert key in event
        assert event["factuality"] in {"actual", "possible", "negated"}
        assert event["sentence"] in seed_file.read_text(encoding="utf-8")
    assert any(q["kind"] == "direct" for q in data["quotes"])


def test_run_tables_and_a_failing_input(seed_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["run", str(seed_file), str(empty)])
    assert result.exit_code == 1
    assert "Events" in result.stdout and "Quotes" in result.stdout
    assert "empty.txt" in result.stderr


def test_ingest_is_idempotent_and_export_stats_work(seed_file: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    first = runner.invoke(app, ["ingest", "--quiet", "--db", db, str(seed_file.parent)])
    assert first.exit_code == 0, first.output
    assert "done 1, unchanged 0, failed 0" in first.stderr
    second = runner.invoke(app, ["ingest", "--quiet", "--db", db, str(seed_file.parent)])
    assert "done 0, unchanged 1, failed 0" in second.stderr

    events, quotes = tmp_path / "events.jsonl", tmp_path / "quotes.jsonl"
    exported = runner.invoke(app, ["export", "--db", db, "--events", str(events), "--quotes", str(quotes)])
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in events.read_text().splitlines()]
    assert rows and all(r["article_id"] == "000_c8f14cc41eaac8fb" for r in rows)

    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    data = json.loads(stats.stdout)
    assert data["articles"] == 1 and data["events"] == len(rows)

    from dyad.aggregates import actor_network, dyad_series, top_dyads
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        expected_series = dyad_series(store, "USA", "RUS", bucket="year", factuality=None)
        expected_network = actor_network(store, by="actor")
        expected_top = top_dyads(store, limit=2)
    series = runner.invoke(app, ["series", "usa", "RUS", "--bucket", "year", "--factuality", "all", "--db", db])
    assert series.exit_code == 0, series.output
    assert json.loads(series.stdout) == json.loads(json.dumps(expected_series))
    network = runner.invoke(app, ["network", "--by", "actor", "--db", db])
    assert json.loads(network.stdout) == json.loads(json.dumps(expected_network))
    top = runner.invoke(app, ["network", "--top", "2", "--db", db])
    assert json.loads(top.stdout) == json.loads(json.dumps(expected_top))
    assert runner.invoke(app, ["series", "USA", "RUS", "--bucket", "hour", "--db", db]).exit_code == 2


def test_ingest_reports_bad_inputs_and_stores_the_good(seed_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "in" / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02date")
    db = str(tmp_path / "store.duckdb")
    result = runner.invoke(app, ["ingest", "--quiet", "--db", db, str(seed_file.parent)])
    assert result.exit_code == 1
    assert "binary.txt" in result.stderr
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["articles"] == 1


def test_eval_json_last_line_has_the_format_keys(shared_dir: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    # The seed's gold file refers to its article by a relative path; keep that layout.
    (tmp_path / "seed").mkdir()
    shutil.copy(shared_dir / "seed" / "000_c8f14cc41eaac8fb.txt", tmp_path / "seed")
    data = json.loads((shared_dir / "gold" / "dev" / "000_c8f14cc41eaac8fb.json").read_text())
    data["input"] = "../seed/000_c8f14cc41eaac8fb.txt"
    (gold / "000_c8f14cc41eaac8fb.json").write_text(json.dumps(data))
    result = runner.invoke(app, ["eval", "--json", str(gold)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["articles"] == 1
    for key in ("events", "dyads", "quotes", "quotes_direct", "quotes_indirect"):
        assert {"precision", "recall", "f1", "tp", "pred", "gold"} <= set(scores[key])
    assert {"exact_code", "factuality", "date"} <= set(scores["events"])
    assert scores["events"]["gold"] == 12
    assert scores["intervals"]["events"]["f1_low"] <= scores["events"]["f1"] <= scores["intervals"]["events"]["f1_high"]
    # the same run again against the first: every F1 unchanged, shown with its interval
    (tmp_path / "before.json").write_text(result.stdout)
    again = runner.invoke(app, ["eval", str(gold), "--baseline", str(tmp_path / "before.json")])
    assert again.exit_code == 0, again.output
    assert "events: F1" in again.stdout and "(+0.000, 95% interval +0.000 to +0.000" in again.stdout


def test_eval_with_a_baseline_that_is_no_eval_output_names_the_file(shared_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "scores.json").write_text('{"events": {}}\n')
    result = runner.invoke(app, ["eval", str(shared_dir / "gold" / "dev"), "--baseline", str(tmp_path / "scores.json")])
    assert result.exit_code == 2
    assert "scores.json" in result.stderr and "per_article" in result.stderr


def test_eval_on_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_data_that_looks_like_rich_markup_is_printed_as_it_is(tmp_path: Path) -> None:
    """Issue 16: a date `[/red]` crashed the failure report; a file `a[bold]b.txt` was reported as `ab.txt`."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dates.jsonl").write_text(
        json.dumps({"id": "d", "text": "De minister bezocht Moskou.", "published": "[/red]"}) + "\n"
        + json.dumps({"id": "e", "text": "De minister bezocht Parijs.", "published": "[bold]x"}) + "\n")
    (folder / "a[bold]b.txt").write_text("")
    db = tmp_path / "db.duckdb"
    result = runner.invoke(app, ["ingest", "-q", "--db", str(db), str(folder)])
    assert result.exit_code == 1, result.output
    assert "MarkupError" not in result.output
    flat = result.output.replace("\n", "")
    assert "'[/red]'" in flat and "'[bold]x'" in flat
    assert "a[bold]b.txt" in flat
    run = runner.invoke(app, ["run", "--json", str(folder)])
    assert run.exit_code == 1 and "'[/red]'" in run.output.replace("\n", "")


def test_ingest_follows_symlinks_only_when_asked(tmp_path: Path, seed_file: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "seed.txt").symlink_to(seed_file)
    db = tmp_path / "db.duckdb"
    refused = runner.invoke(app, ["ingest", "-q", "--db", str(db), str(folder)])
    assert refused.exit_code == 1 and "symbolic link" in refused.output
    followed = runner.invoke(app, ["ingest", "-q", "--follow-symlinks", "--db", str(db), str(folder)])
    assert followed.exit_code == 0, followed.output
    assert "done 1" in followed.output


def test_version_and_examples_in_help() -> None:
    from dyad import __version__

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"dyad {__version__}"
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "Examples" in top.stdout and "dyad ingest" in top.stdout
    for command in ("export", "stats", "series", "ingest"):
        assert "Example" in runner.invoke(app, [command, "--help"]).stdout, command


def test_a_read_command_refuses_a_store_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "typo.duckdb"
    for args in (["stats"], ["export", "--events", str(tmp_path / "e.jsonl")], ["series", "USA", "RUS"],
                 ["network"]):
        result = runner.invoke(app, [*args, "--db", str(missing)])
        assert result.exit_code == 2, args
        assert "no store here" in " ".join(result.stderr.split())
    assert not missing.exists()


def test_read_commands_work_while_another_process_reads_the_store(seed_file: Path, tmp_path: Path) -> None:
    """`dyad serve` without a token holds the file read-only; stats and export open it read-only too."""
    import subprocess
    import sys

    db = str(tmp_path / "dyad.duckdb")
    assert runner.invoke(app, ["ingest", "--quiet", "--db", db, str(seed_file)]).exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], "
                               "read_only=True); print('held', flush=True); time.sleep(60)", db],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        stats = runner.invoke(app, ["stats", "--db", db, "--json"])
        assert stats.exit_code == 0, stats.stderr
        exported = runner.invoke(app, ["export", "--db", db, "--events", str(tmp_path / "e.jsonl")])
        assert exported.exit_code == 0, exported.stderr
    finally:
        holder.kill()
        holder.wait()


def test_ingest_progress_knows_the_total(tmp_path: Path) -> None:
    from dyad.readers.reading import count_articles

    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}\n{"id": "c", "text": "z"}', encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "one.txt").write_text("x", encoding="utf-8")
    (folder / "README").write_text("not an article", encoding="utf-8")
    assert count_articles([str(lines), str(folder)]) == 4
    assert count_articles(["-"]) is None

    from dyad.cli import _RichProgress

    with _RichProgress(quiet=True, total=2) as progress:
        for status in ("start", "done", "start", "unchanged"):
            progress(status, "a.jsonl:1")
        task = progress.progress.tasks[0]
        assert (task.completed, task.total) == (2, 2)


def test_export_in_icews_columns_loads_with_the_icews_names(seed_file: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "dyad.duckdb")
    assert runner.invoke(app, ["ingest", "--quiet", "--db", db, str(seed_file)]).exit_code == 0
    out = tmp_path / "icews.csv"
    result = runner.invoke(app, ["export", "--db", db, "--events", str(out), "-f", "csv", "--columns", "icews"])
    assert result.exit_code == 0, result.stderr
    import pandas  # where ICEWS users load their files (a dev dependency)

    frame = pandas.read_csv(out, keep_default_na=False)
    names, rows = list(frame.columns), frame.to_dict("records")
    for name in ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
                 "Longitude"):
        assert name in names
    assert rows and all(str(r["Event ID"]).startswith("ev-") for r in rows)
    assert any(r["Country"] == "United States" and r["Latitude"] not in ("", None) for r in rows)
    grouped = runner.invoke(app, ["export", "--db", db, "--events", str(tmp_path / "g.parquet"), "-f", "parquet",
                                  "--columns", "gdelt", "--grouped"])
    assert grouped.exit_code == 0, grouped.stderr
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "g.parquet")
    assert {"GLOBALEVENTID", "NumArticles", "NumSources", "ActionGeo_Lat", "group_id"} <= set(table.column_names)
