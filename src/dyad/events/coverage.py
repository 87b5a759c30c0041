"""How much of the CAMEO codebook a language's event lexicon covers: wordings per code.

A wording is one verb, noun or phrase of a trigger entry. The table beside it counts PETRARCH2's English verb
patterns per code (`shared/data/petrarch2/dictionaries/CAMEO.2.0.txt`), the measure of breadth the project
compares against. `scripts/lexicon_coverage.py` writes the table to docs/LEXICON.md; a test keeps it true.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dyad.events import codes
from dyad.events.lexicon import Lexicon

_PATTERN_CODE = re.compile(r"\[(\d{2,4})(?::\d{2,4})?\]")


@dataclass(frozen=True)
class CodeCoverage:
    code: str
    name: str
    wordings: int
    entries: int
    petrarch_patterns: int | None


def wordings_per_code(lexicon: Lexicon) -> tuple[Counter[str], Counter[str]]:
    """(wordings, entries) per CAMEO code."""
    wordings: Counter[str] = Counter()
    entries: Counter[str] = Counter()
    for trig in lexicon.triggers:
        wordings[trig.cameo] += len(trig.verbs) + len(trig.nouns) + len(trig.phrases)
        entries[trig.cameo] += 1
    return wordings, entries


def petrarch_patterns(path: str | Path) -> Counter[str]:
    """Verb patterns per CAMEO code in PETRARCH2's verb dictionary (a pattern line `- ... [code]`)."""
    out: Counter[str] = Counter()
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("-"):
            found = _PATTERN_CODE.search(line)
            if found:
                out[found[1]] += 1
    return out


def coverage(lexicon: Lexicon, petrarch: Counter[str] | None = None) -> list[CodeCoverage]:
    wordings, entries = wordings_per_code(lexicon)
    return [
        CodeCoverage(code, entry.name, wordings[code], entries[code], petrarch[code] if petrarch is not None else None)
        for code, entry in sorted(codes.table().items())
    ]


def markdown(rows: list[CodeCoverage], language: str) -> str:
    covered = [r for r in rows if r.wordings]
    total = sum(r.wordings for r in rows)
    lines = [
        f"# Event lexicon coverage ({language})",
        "",
        "Written by `.venv/bin/python scripts/lexicon_coverage.py`; `tests/events/test_lexicon_coverage.py` fails",
        "when the lexicon changes and this table is not rewritten. A wording is one verb, noun or phrase of a",
        "trigger entry (`src/dyad/lang/nl/events.yaml` and the per-root files in `src/dyad/lang/nl/events/`);",
        "PETRARCH2 counts the English verb patterns of its `CAMEO.2.0.txt` per code, the breadth measure.",
        "",
        f"**{total} wordings over {len(covered)} of {len(rows)} codes.**",
        "",
        "| code | name | wordings | entries | PETRARCH2 patterns |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        patterns = "" if r.petrarch_patterns is None else str(r.petrarch_patterns)
        lines.append(f"| {r.code} | {r.name} | {r.wordings} | {r.entries} | {patterns} |")
    return "\n".join(lines) + "\n"
