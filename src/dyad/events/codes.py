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


#: CAMEO 03 mirrors the cooperative roots: "express intent to" meet (04 -> 036, mediate 045 -> 039), cooperate
#: diplomatically (05 -> 032; an agreement 057 -> 030), materially (06 -> 031 and its sub-codes), give aid
#: (07 -> 033 and its sub-codes) and yield (08 -> 035 and its sub-codes; reform 083 -> 034). The longest
#: prefix of a code decides; codes of 05 with no such intent (praise, apology, forgiveness) have none.
_INTENT_OF = {
    "04": "036", "045": "039",
    "050": "032", "052": "032", "053": "032", "054": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
    "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}


def intent_of(code: str) -> str | None:
    """The CAMEO 03 code of the intent to do what `code` names ("061" -> "0311"), None when there is none."""
    for n in range(len(code), 1, -1):
        if code[:n] in _INTENT_OF:
            return _INTENT_OF[code[:n]]
    return None
