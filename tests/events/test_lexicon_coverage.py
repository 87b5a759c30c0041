"""The Dutch event lexicon covers the codebook (issue: at least 3,000 wordings over at least 250 codes), and
docs/LEXICON.md shows the lexicon as it is."""

from __future__ import annotations

import runpy
from collections import Counter
from pathlib import Path

from dyad.events.coverage import coverage, markdown, petrarch_patterns, wordings_per_code
from dyad.events.lexicon import compile_lexicon, load_lexicon

ROOT = Path(__file__).resolve().parents[2]


def test_wordings_count_verbs_nouns_and_phrases_per_code(tmp_path: Path) -> None:
    lexicon = compile_lexicon("nl", {"triggers": [
        {"id": "a", "cameo": "111", "verbs": ["bekritiseren", "hekelen"], "nouns": ["kritiek"]},
        {"id": "b", "cameo": "111", "phrases": ["uithalen naar"]},
        {"id": "c", "cameo": "042", "nouns": ["bezoek"]},
    ]})
    wordings, entries = wordings_per_code(lexicon)
    assert wordings == Counter({"111": 4, "042": 1})
    assert entries == Counter({"111": 2, "042": 1})
    table = tmp_path / "petrarch.txt"
    table.write_text("---  ACCUSE  [---]\nACCUSE\n- * OF [112]  # ACCUSE\n- * (TO) [042:043]\n", encoding="utf-8")
    assert petrarch_patterns(table) == Counter({"112": 1, "042": 1})
    rows = {r.code: r for r in coverage(lexicon, petrarch_patterns(table))}
    assert rows["111"].wordings == 4 and rows["112"].petrarch_patterns == 1 and rows["190"].wordings == 0
    assert "| 111 |" in markdown(list(rows.values()), "nl")


def test_a_wording_listed_twice_is_one_wording() -> None:
    lexicon = compile_lexicon("nl", {"triggers": [
        {"id": "a", "cameo": "111", "verbs": ["hekelen", "Hekelen"], "phrases": ["haalt uit naar", "haalt  uit naar"]},
    ]})
    (trigger,) = lexicon.triggers
    assert trigger.verbs == ("hekelen",)
    assert trigger.phrases == (("haalt", "uit", "naar"),)
    assert wordings_per_code(lexicon)[0] == Counter({"111": 2})


def test_the_dutch_lexicon_covers_the_codebook() -> None:
    rows = coverage(load_lexicon("nl"))
    assert sum(r.wordings for r in rows) >= 3000
    assert sum(1 for r in rows if r.wordings) >= 250


def test_the_coverage_table_in_docs_is_current() -> None:
    script = runpy.run_path(str(ROOT / "scripts/lexicon_coverage.py"), run_name="lexicon_coverage")
    assert (ROOT / "docs/LEXICON.md").read_text(encoding="utf-8") == script["render"](), (
        "docs/LEXICON.md is stale: run .venv/bin/python scripts/lexicon_coverage.py"
    )
