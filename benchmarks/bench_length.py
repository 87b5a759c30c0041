"""Time against article length: the pipeline over one article from 1 KB to 5 MB (the readers' limit), for
ordinary news text (the seed article repeated) and for hostile text (one run of words without a full
stop, with names and pronouns: the case that was quadratic, issue 16).

Prints one line per size to stderr and a JSON object as the last line of stdout: for each kind and size
the seconds, the microseconds per character, the seconds per stage and the document's warnings (work
bounds that applied). ``linear`` is true when, for each kind, the time per character at the largest size
is at most 3 times that at the smallest size of 100 KB or more (the fixed cost of a pipeline run
dominates below that). The pipeline is loaded (and warmed on a short text) before timing.

Usage: ``.venv/bin/python benchmarks/bench_length.py [--sizes 1000,10000,100000,1000000,5000000]
[--kinds news,run]`` (the full default takes about 15 minutes on one core; ``--sizes 1000,100000,400000``
for a quick look).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dyad.api import analyse
from dyad.document import Article
from dyad.readers.text import parse_text_article

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_c8f14cc41eaac8fb.txt"
RUN_WORDS = ["de", "minister", "van", "Buitenlandse", "Zaken", "sprak", "met", "hem", "over", "Rutte", "en",
             "zij", "zei", "dat", "hij", "Poetin", "zou", "bellen", "over", "de", "sancties", "tegen", "Rusland"]


def news_text(size: int) -> str:
    """The seed article's body repeated (paragraph after paragraph) to `size` characters."""
    if SEED.exists():
        body = parse_text_article(SEED.read_text(encoding="utf-8"), article_id="seed", origin=str(SEED)).text
    else:
        body = " ".join(RUN_WORDS) + "."
    parts, total = [], 0
    while total < size:
        parts.append(body)
        total += len(body) + 2
    return "\n\n".join(parts)[:size]


def run_text(size: int) -> str:
    """Words with names and pronouns and no sentence punctuation at all, to `size` characters."""
    parts, total, i = [], 0, 0
    while total < size:
        word = RUN_WORDS[i % len(RUN_WORDS)]
        parts.append(word)
        total += len(word) + 1
        i += 1
    return " ".join(parts)[:size]


KINDS = {"news": news_text, "run": run_text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000,5000000")
    parser.add_argument("--kinds", default="news,run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    analyse(Article(id="warm", text="De minister bezocht Moskou. Hij sprak met Poetin.", language="nl"))
    results: dict[str, list[dict[str, object]]] = {}
    for kind in args.kinds.split(","):
        rows = results[kind] = []
        for size in sizes:
            text = KINDS[kind](size)
            started = time.perf_counter()
            doc = analyse(Article(id=f"{kind}-{size}", text=text, language="nl"))
            seconds = time.perf_counter() - started
            row = {"chars": len(text), "seconds": round(seconds, 3),
                   "us_per_char": round(seconds / len(text) * 1e6, 2),
                   "stages": {k: round(v, 3) for k, v in doc.timings.items()},
                   "sentences": len(doc.sentences), "mentions": len(doc.mentions), "warnings": doc.warnings}
            rows.append(row)
            print(f"{kind:5} {len(text):>9} chars {seconds:8.2f} s {row['us_per_char']:7.2f} us/char "
                  f"{row['stages']}", file=sys.stderr, flush=True)
    linear = True
    for rows in results.values():
        big = [r for r in rows if int(str(r["chars"])) >= 100_000]
        if len(big) >= 2:
            linear = linear and float(str(big[-1]["us_per_char"])) <= 3 * float(str(big[0]["us_per_char"]))
    print(json.dumps({"results": results, "linear": linear}))


if __name__ == "__main__":
    main()
