"""English quote errors on PolNeAR train, grouped by class: what to fix next in the English quote finder.

Usage: PYTHONPATH=src python scripts/polnear_diagnostics.py [--limit N] [--show CLASS] [--max K]
       [--cache FILE]  (predictions kept in FILE: a second run with the same FILE reads them back)

Train only (dev and test are read as scores: ``benchmarks/eval_polnear.py --split dev``). Matching as the
benchmark's ``all`` block. Classes of a gold attribution that is not matched:
  speaker.none|other[.direct]  an unmatched prediction covers the CONTENT (word F1 >= 0.5), its speaker fails
  extent[.direct]              an unmatched prediction overlaps the CONTENT (0.2 <= word F1 < 0.5)
  missed.<cue-class>[.direct]  nothing covers it; cue-class: according, colon, verb (the cue's last word is
                               counted in the cue table), other, nocue
Classes of a prediction that matches nothing: fp.speaker.<rule>, fp.extent.<rule>, fp.false.<rule>.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import eval_polnear as ep  # noqa: E402

from dyad.evaluation import word_f1  # noqa: E402

_WORD = re.compile(r"[A-Za-z’']+")


def _cue_class(cue: str) -> tuple[str, str]:
    c = cue.strip().lower()
    if not c:
        return "nocue", ""
    if "according" in c:
        return "according", ""
    if c in {":", "-", "—", "–"} or c.endswith(":"):
        return "colon", ""
    ws = _WORD.findall(c)
    if not ws:
        return "other", ""
    return "verb", ws[-1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default="")
    ap.add_argument("--max", type=int, default=60)
    ap.add_argument("--cache", default="")
    ap.add_argument("--direct", action="store_true", help="the direct block: quote-marked gold and predictions")
    args = ap.parse_args(argv)
    arts = ep.load("train", args.limit)
    cache = Path(args.cache) if args.cache else None
    preds: dict[str, Any] = {}
    if cache and cache.exists():
        preds = json.loads(cache.read_text())
    for art in arts:
        if art.name not in preds:
            text, quotes = ep.predict(art)
            preds[art.name] = {"text": text, "quotes": quotes}
    if cache and not cache.exists():
        cache.write_text(json.dumps(preds, default=str))
    classes: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    for art in arts:
        text, quotes = preds[art.name]["text"], preds[art.name]["quotes"]
        gold = art.attributions
        if args.direct:
            quotes = [q for q in quotes if ep.quote_is_direct(q, text)]
            gold = [a for a in gold if a.direct]
        counts = ep.score_article(quotes, gold, text)
        got_q = {q for q, _ in counts["matches"]}
        got_g = {g for _, g in counts["matches"]}
        free = [i for i in range(len(quotes)) if i not in got_q]
        for gi, a in enumerate(gold):
            if gi in got_g:
                continue
            d = ".direct" if a.direct else ""
            best, bi = 0.0, -1
            for qi in free:
                f = word_f1(str(quotes[qi].get("text", "")), a.content)
                if f > best:
                    best, bi = f, qi
            if best >= 0.5:
                sp = quotes[bi].get("speaker")
                cls = ("speaker.none" if not sp else "speaker.other") + d
                info = f"[{a.source}] <{a.cue}> {a.content[:160]!r}\n      PRED {quotes[bi].get('rule')} " \
                       f"[{(sp or {}).get('name')}|{(sp or {}).get('phrase')}] {str(quotes[bi].get('text'))[:120]!r}"
            elif best >= 0.2:
                cls = "extent" + d
                info = f"[{a.source}] <{a.cue}> {a.content[:200]!r}\n      PRED {quotes[bi].get('rule')} " \
                       f"{str(quotes[bi].get('text'))[:200]!r}"
            else:
                cc, word = _cue_class(a.cue)
                cls = f"missed.{cc}{d}"
                if word:
                    cues[word + d] += 1
                info = f"[{a.source}] <{a.cue}> {a.content[:200]!r}"
            classes[cls] += 1
            items[cls].append(f"{art.name}: {info}")
        for qi in free:
            q = quotes[qi]
            best = max((word_f1(str(q.get("text", "")), a.content) for a in gold), default=0.0)
            kind = "speaker" if best >= 0.5 else "extent" if best >= 0.2 else "false"
            cls = f"fp.{kind}.{q.get('rule')}"
            classes[cls] += 1
            sp = q.get("speaker") or {}
            items[cls].append(f"{art.name}: [{sp.get('name')}|{sp.get('phrase')}] {str(q.get('text'))[:200]!r}")
    for cls, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {cls}")
    print("missed verb cues:", ", ".join(f"{w} {n}" for w, n in cues.most_common(60)))
    if args.show:
        for cls in sorted(items):
            if cls.startswith(args.show):
                print(f"== {cls}")
                for line in items[cls][: args.max]:
                    print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
