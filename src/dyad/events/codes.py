"""The project's CAMEO code table: name, Goldstein weight, quad class and PLOVER type of every code.

The table is `dyad/events/data/cameo.tsv`, built from the codebooks by `dyad.events.tables`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.errors import ConfigError

_WHERE = "dyad/events/data/cameo.tsv"


@dataclass(frozen=True)
class CameoCode:
    code: str  # "042", "0211"
    name: str
    goldstein: float
    quad_class: int  # 1 verbal co-operation, 2 material co-operation, 3 verbal conflict, 4 material conflict
    plover: str | None  # PLOVER event type (dyad.events.tables); None for root 01, which PLOVER dropped

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def table() -> dict[str, CameoCode]:
    """Every CAMEO code of the shipped table, by code."""
    raw = resources.files("dyad.events").joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    out: dict[str, CameoCode] = {}
    reader = csv.DictReader(raw.splitlines(), delimiter="\t")
    for n, rec in enumerate(reader, start=2):
        try:
            code = rec["code"]
            out[code] = CameoCode(
                code, rec["name"], float(rec["goldstein"]), int(rec["quad_class"]), rec["plover"] or None
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"line {n}: malformed row ({exc})", source=_WHERE) from exc
    if not out:
        raise ConfigError("empty code table", source=_WHERE)
    return out


def is_code(code: str) -> bool:
    return code in table()


def lookup(code: str) -> CameoCode:
    """The table entry of a CAMEO code (`"042"`, `"0211"`); `ConfigError` for an unknown code."""
    found = table().get(code)
    if found is None:
        raise ConfigError(f"unknown CAMEO code {code!r}", source=_WHERE)
    return found
