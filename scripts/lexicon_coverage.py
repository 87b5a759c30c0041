"""Write docs/LEXICON.md: wordings per CAMEO code of the Dutch event lexicon beside PETRARCH2's patterns.

    .venv/bin/python scripts/lexicon_coverage.py [--check]

With --check nothing is written; the exit status is 1 when docs/LEXICON.md is not what the lexicon gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dyad.events.coverage import coverage, markdown, petrarch_patterns
from dyad.events.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
PETRARCH = ROOT.parent / "shared/data/petrarch2/dictionaries/CAMEO.2.0.txt"
DOC = ROOT / "docs/LEXICON.md"


def render() -> str:
    return markdown(coverage(load_lexicon("nl"), petrarch_patterns(PETRARCH)), "nl")


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv[1:]:
        sys.exit(0 if DOC.exists() and DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
    print(text.splitlines()[7])
