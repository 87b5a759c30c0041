"""List test strings that copy a sentence of the dev gold (or of the seed article).

    .venv/bin/python scripts/find_gold_copies.py [--all] [TESTS_DIR]

The dev gold (`../shared/gold/dev/`) is a test set: unit tests must use sentences written for the behaviour
they test. This script reads every string literal of the Python files under tests/ (and the lines of the text
data files there), and compares each string of 6 or more words, and each of its sentences of 6 or more words,
with every sentence of the dev gold: the `sentence` of each event, the text of each quote, and the article
texts split into sentences. A string is a copy when the Jaccard index of the two word sets is 0.5 or more.

The seed article (`../shared/seed/`, gold `000_c8f14cc41eaac8fb.json`) is the project's founding example and
may stay in tests: its copies are listed apart, as `seed`. Counts per file go to stdout; `--all` lists every
hit with file:line, the score and the gold sentence. The exit status is 1 when a test string copies a dev
(non-seed) gold sentence.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev"
SEED = SHARED / "seed"
SEED_IDS = {"000_c8f14cc41eaac8fb"}
MIN_WORDS = 6
THRESHOLD = 0.5
DATA_SUFFIXES = {".tsv", ".txt", ".html", ".rss", ".atom", ".xml", ".jsonl", ".json", ".csv"}

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…'\"”’])\s+|\n+")


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    text: str
    gold: str
    origin: str  # "dev" or "seed"
    article: str
    score: float


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _gold_sentences(article: str, data: dict) -> set[str]:
    out: set[str] = set()
    for event in data.get("events", []):
        if event.get("sentence"):
            out.add(event["sentence"])
    for quote in data.get("quotes", []):
        if quote.get("text"):
            out.add(quote["text"])
            out.update(sentences(quote["text"]))
    if data.get("text"):
        out.update(sentences(data["text"]))
    return out


def gold_sentences(gold_dir: Path = GOLD_DEV, seed_dir: Path = SEED) -> list[tuple[str, str, frozenset[str], str]]:
    """(origin, article id, word set, sentence) for every gold sentence of 6+ words; origin is dev or seed."""
    found: dict[tuple[str, str], tuple[str, str]] = {}

    def add(origin: str, article: str, sentence: str) -> None:
        key = (origin, " ".join(sentence.split()))
        found.setdefault(key, (article, sentence))

    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        article = data.get("article_id", path.stem)
        origin = "seed" if article in SEED_IDS or path.stem in SEED_IDS else "dev"
        for sentence in _gold_sentences(article, data):
            add(origin, article, sentence)
    articles = gold_dir / "articles.jsonl"
    if articles.exists():
        for line in articles.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                origin = "seed" if data.get("id") in SEED_IDS else "dev"
                for sentence in sentences(data.get("text", "")):
                    add(origin, data.get("id", "?"), sentence)
    for path in sorted(seed_dir.glob("*.txt")):
        for sentence in sentences(path.read_text(encoding="utf-8")):
            add("seed", path.stem, sentence)
    out = []
    for (origin, _), (article, sentence) in found.items():
        ws = words(sentence)
        if len(ws) >= MIN_WORDS:
            out.append((origin, article, ws, sentence))
    return out


def _python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            out.append((node.lineno, " ".join(parts)))
    return out


def _data_strings(path: Path) -> list[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def test_strings(tests_dir: Path) -> list[tuple[Path, int, str]]:
    out = []
    for path in sorted(tests_dir.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix == ".py":
            out += [(path, line, text) for line, text in _python_strings(path)]
        elif path.suffix in DATA_SUFFIXES:
            out += [(path, line, text) for line, text in _data_strings(path)]
    return out


def find_copies(tests_dir: Path = ROOT / "tests", gold_dir: Path = GOLD_DEV, seed_dir: Path = SEED) -> list[Hit]:
    """Every test string (or sentence of one) of 6+ words with word-set Jaccard >= 0.5 to a gold sentence.

    A string (or sentence of one) that copies a seed sentence is a `seed` hit even where it also resembles a dev
    sentence; a string with any sentence that copies a dev sentence only is a `dev` hit."""
    gold = gold_sentences(gold_dir, seed_dir)
    index: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, ws, _) in enumerate(gold):
        for w in ws:
            index[w].append(i)
    hits = []
    for path, line, text in test_strings(tests_dir):
        pieces = {text, *sentences(text)}
        best: dict[str, tuple[float, int, str]] = {}
        for piece in pieces:
            ws = words(piece)
            if len(ws) < MIN_WORDS:
                continue
            shared = Counter(i for w in ws for i in index.get(w, ()))
            found: dict[str, tuple[float, int, str]] = {}
            for i, n in shared.items():
                score = n / (len(ws) + len(gold[i][2]) - n)
                origin = gold[i][0]
                if score >= THRESHOLD and score > found.get(origin, (0.0,))[0]:
                    found[origin] = (score, i, piece)
            # a piece that copies a seed sentence is the seed's, even where it resembles a dev sentence too
            origin = "seed" if "seed" in found else "dev"
            if origin in found and found[origin][0] > best.get(origin, (0.0,))[0]:
                best[origin] = found[origin]
        if not best:
            continue
        # a string with any piece that copies the dev gold (and not the seed) is a dev copy
        origin = "dev" if "dev" in best else "seed"
        score, i, piece = best[origin]
        rel = path.relative_to(tests_dir.parent) if tests_dir.parent in path.parents else path
        hits.append(Hit(str(rel), line, piece, gold[i][3], origin, gold[i][1], round(score, 3)))
    return hits


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    args = [a for a in argv if not a.startswith("--")]
    tests_dir = Path(args[0]) if args else ROOT / "tests"
    hits = find_copies(tests_dir)
    per_file: dict[str, Counter] = defaultdict(Counter)
    for hit in hits:
        per_file[hit.path][hit.origin] += 1
    print(f"{'file':60} {'dev':>5} {'seed':>5}")
    for path in sorted(per_file):
        print(f"{path:60} {per_file[path]['dev']:>5} {per_file[path]['seed']:>5}")
    dev = sum(c["dev"] for c in per_file.values())
    seed = sum(c["seed"] for c in per_file.values())
    print(f"{'total':60} {dev:>5} {seed:>5}")
    if show_all:
        for hit in sorted(hits, key=lambda h: (h.path, h.line)):
            print(f"\n{hit.path}:{hit.line} [{hit.origin} {hit.article} {hit.score}]\n  test: {hit.text[:200]!r}"
                  f"\n  gold: {hit.gold[:200]!r}")
    return 1 if dev else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
