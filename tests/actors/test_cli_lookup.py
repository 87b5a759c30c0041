"""`dyad actors lookup NAME [--date] [--json]`: candidates best first, as the CLI prints them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()


def _json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["actors", "lookup", *args, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout.strip().splitlines()[-1])
    assert isinstance(rows, list)
    return rows


def test_json_rows_have_the_documented_keys() -> None:
    rows = _json("Poetin", "--date", "2021-03-23")
    assert rows
    for row in rows:
        assert {"id", "name", "country", "actor", "role", "confidence"} <= set(row)
    assert rows[0]["id"] == "person.vladimir_putin"
    assert rows[0]["actor"] == "RUSGOV" and rows[0]["role"] == "head of state"


def test_date_decides_the_role() -> None:
    as_pm = _json("Poetin", "--date", "2010-06")[0]
    assert as_pm["actor"] == "RUSGOV" and as_pm["role"] == "head of government"
    out_of_office = _json("Wopke Hoekstra", "--date", "2016-01")[0]
    assert out_of_office["actor"] == "NLDELI" and out_of_office["role"] is None


def test_candidates_are_sorted_best_first() -> None:
    rows = _json("Brussel")
    assert [r["country"] for r in rows][:2] == ["EU", "BEL"]
    confidences = [float(str(r["confidence"])) for r in rows]
    assert confidences == sorted(confidences, reverse=True)


def test_seat_of_power_and_region() -> None:
    assert _json("het Kremlin")[0]["actor"] == "RUSGOV"
    assert _json("het Westen")[0]["country"] == "WST"


def test_table_output_and_unknown_name() -> None:
    result = runner.invoke(app, ["actors", "lookup", "NAVO"])
    assert result.exit_code == 0, result.output
    assert "NATO" in result.stdout
    missing = runner.invoke(app, ["actors", "lookup", "Xyzzyvolk"])
    assert missing.exit_code == 1
    assert _json("Xyzzyvolk") == []


def test_bad_date_is_an_error_not_a_traceback() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Poetin", "--date", "23-03-2021"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
