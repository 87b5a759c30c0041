"""The shipped CAMEO table against the codebooks in ../shared/data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dyad.errors import ConfigError
from dyad.events import codes
from dyad.events.tables import PLOVER_NONE_ROOTS, PLOVER_OVERRIDES, build_rows, quad_class_of

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_table_equals_rebuild_from_codebooks() -> None:
    rebuilt = {r["code"]: r for r in build_rows(SHARED)}
    shipped = codes.table()
    assert set(rebuilt) == set(shipped)
    for code, row in rebuilt.items():
        entry = shipped[code]
        assert entry.name == row["name"]
        assert entry.goldstein == float(row["goldstein"])
        assert entry.quad_class == int(row["quad_class"])
        assert entry.plover == (row["plover"] or None)


def test_every_gdelt_code_is_in_the_table() -> None:
    with open(SHARED / "cameo" / "gdelt" / "CAMEO.eventcodes.txt", encoding="utf-8", errors="replace") as fh:
        gdelt = {row[0]: row[1] for row in csv.reader(fh, delimiter="\t") if row and row[0].isdigit()}
    assert len(gdelt) == 311
    assert set(gdelt) <= set(codes.table())
    # Goldstein weights agree with GDELT's table except the four codes where ICEWS revised them.
    with open(SHARED / "cameo" / "gdelt" / "CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        weights = {
            row[0]: float(row[1]) for row in csv.reader(fh, delimiter="\t") if row and row[0].isdigit()
        }
    differ = {c for c, w in weights.items() if codes.lookup(c).goldstein != w}
    assert differ == {"016", "022", "164", "165"}


def test_plover_types_follow_the_conversion_table() -> None:
    listed = {}
    for line in (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        head, _, rest = line.partition(":")
        if head.strip().isdigit() and head.strip() not in listed:
            listed[head.strip()] = rest.split(",")[0].strip()
    overridden = {c for c in codes.table() if any(c.startswith(p) for p in PLOVER_OVERRIDES)}
    for code, plover in listed.items():
        if code in codes.table() and code not in overridden:
            assert codes.lookup(code).plover == plover, code
    assert codes.lookup("0211").plover == "REQUEST"  # appeals are requests (PLOVER manual, REQUEST)
    assert codes.lookup("163").plover == "SANCTION"  # international sanctions: SANCTION 'discontinue'
    assert codes.lookup("0356").plover == "AGREE"


def test_plover_is_complete_and_consistent_over_the_whole_table() -> None:
    """Every CAMEO code outside root 01 has a PLOVER type, a four-digit code not listed in the conversion
    table has its three-digit family's, every 02x is REQUEST and every 16x SANCTION."""
    listed = {line.split(":")[0].strip() for line in
              (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines()}
    table = codes.table()
    for code, entry in table.items():
        if code[:2] in PLOVER_NONE_ROOTS:
            assert entry.plover is None, code
            continue
        assert entry.plover, code
        if len(code) == 4 and code not in listed:
            assert entry.plover == table[code[:3]].plover, code
        if code.startswith("02"):
            assert entry.plover == "REQUEST", code
        if code.startswith("16"):
            assert entry.plover == "SANCTION", code


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad", "plover"),
    [
        ("042", "Make a visit", 1.9, 1, "CONSULT"),
        ("111", "Criticize or denounce", -2.0, 3, "ACCUSE"),
        ("130", "Threaten", -4.4, 3, "THREATEN"),
        ("161", "Reduce or break diplomatic relations", -4.0, 4, "SANCTION"),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "SANCTION"),
        ("057", "Sign formal agreement", 8.0, 1, "SUPPORT"),
        ("073", "Provide humanitarian aid", 7.4, 2, "AID"),
        ("190", "Use conventional military force", -10.0, 4, "ASSAULT"),
    ],
)
def test_lookup(code: str, name: str, goldstein: float, quad: int, plover: str) -> None:
    entry = codes.lookup(code)
    assert (entry.name, entry.goldstein, entry.quad_class, entry.plover) == (name, goldstein, quad, plover)
    assert entry.root == code[:2]


def test_quad_class_boundaries_and_unknown_codes() -> None:
    assert [quad_class_of(c) for c in ("05", "06", "09", "10", "14", "15", "20")] == [1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of("21")
    with pytest.raises(ConfigError):
        codes.lookup("999")


@pytest.mark.parametrize(
    ("code", "intent"),
    [("040", "036"), ("045", "039"), ("046", "036"), ("057", "030"), ("061", "0311"), ("064", "0314"),
     ("073", "0333"), ("0841", "0353"), ("0832", "0342"), ("087", "0356"), ("051", "030")],
)
def test_intent_of_a_cooperative_code(code: str, intent: str | None) -> None:
    if code == "051":  # praise has no intent code of its own
        assert codes.intent_of(code) is None
        return
    assert codes.intent_of(code) == intent
    assert codes.is_code(intent)


def test_no_intent_of_conflict_codes() -> None:
    assert [codes.intent_of(c) for c in ("111", "163", "190", "010", "036")] == [None] * 5
