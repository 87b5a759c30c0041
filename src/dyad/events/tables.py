"""Building the project's CAMEO table from the codebooks (run once, by hand, when the codebooks change).

The table `dyad/events/data/cameo.tsv` holds, for every CAMEO event code: its name and Goldstein weight
(from the CAMEO codebook table published with the ICEWS R package, andybega/icews
`data-raw/cameo-codes.csv`, which follows the Parus Analytics CAMEO manual), its quad class (derived from
the root: 01-05 verbal co-operation, 06-09 material co-operation, 10-14 verbal conflict, 15-20 material
conflict) and its PLOVER event type (the CAMEO2PLOVER-2021 table of the PLOVER manual, draft 0.8; a code
absent from that table takes the type of its nearest listed ancestor), with the corrections of
`PLOVER_OVERRIDES` where that table contradicts the manual's own text. Root 01 (public statements) has no
PLOVER type: PLOVER dropped it and no event type covers a plain statement.

Regenerate with::

    python -m dyad.events.tables ../shared/data > src/dyad/events/data/cameo.tsv

`tests/events/test_codes.py` rebuilds the rows from the codebooks and compares them with the shipped table.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

COLUMNS = ("code", "name", "goldstein", "quad_class", "plover")

#: Corrections to CAMEO2PLOVER-2021, by CAMEO code prefix (the longest prefix wins), each from the manual:
#: - 02 APPEAL: the manual's table says "dropped", but REQUEST is "all requests, demands, and orders"
#:   (PLOVER_MANUAL.tex, section REQUEST), and an appeal is a request; POLECAT codes appeals as REQUEST.
#: - 163 Impose embargo, boycott, or sanctions: the 2021 table says COERCE, the manual says "International
#:   (political or economic) sanctions are coded as [SANCTION] 'discontinue'" (SANCTION modes), and every
#:   other 16x code is SANCTION (root 16 REDUCE RELATIONS -> SANCTION in the manual's translation table).
PLOVER_OVERRIDES: dict[str, str] = {"02": "REQUEST", "163": "SANCTION"}

#: CAMEO roots without a PLOVER type (PLOVER dropped public statements).
PLOVER_NONE_ROOTS: frozenset[str] = frozenset({"01"})

_PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<type>[A-Z_]+)")


def quad_class_of(code: str) -> int:
    """Quad class of a CAMEO code from its root (1 verbal co-operation ... 4 material conflict)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def read_plover_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type from CAMEO2PLOVER-2021.txt (first line wins for a repeated code)."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER_LINE.match(line.strip())
        if match and match["code"] not in table:
            table[match["code"]] = match["type"]
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a code: an override (`PLOVER_OVERRIDES`) for it or an ancestor, else its own entry,
    else its nearest listed ancestor's; None for root 01."""
    if code[:2] in PLOVER_NONE_ROOTS:
        return None
    for length in range(len(code), 1, -1):
        if code[:length] in PLOVER_OVERRIDES:
            return PLOVER_OVERRIDES[code[:length]]
    for length in range(len(code), 1, -1):
        found = table.get(code[:length])
        if found:
            return found
    return None


def build_rows(shared_data: Path) -> list[dict[str, str]]:
    """The rows of cameo.tsv, built from the codebooks under `shared/data`."""
    plover = read_plover_table(shared_data / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(shared_data / "cameo" / "icews-andybega" / "cameo-codes.utf8.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"].strip()
            goldstein = float(rec["goldstein"])
            rows.append(
                {
                    "code": code,
                    "name": " ".join(rec["name"].split()),
                    "goldstein": f"{goldstein:g}",
                    "quad_class": str(quad_class_of(code)),
                    "plover": plover_of(code, plover) or "",
                }
            )
    rows.sort(key=lambda r: (r["code"][:2], r["code"]))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m dyad.events.tables SHARED_DATA_DIR > cameo.tsv", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in build_rows(Path(argv[0])):
        writer.writerow([row[c] for c in COLUMNS])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
