"""Quote misses and false quotes on a gold folder, grouped by class: what to fix next in the quote finder.

Usage: PYTHONPATH=src python scripts/quote_diagnostics.py corpus/nl-politics/train [--show CLASS] [--limit N]

Only for folders whose sentences may be read (a train split); on a test split use `dyad eval` alone.

Classes of a required gold quote that is not matched:
  speaker.<reason>  a prediction covers the text (word F1 >= 0.5) but its speaker is another one;
                    reason: pronoun (the prediction's phrase is a pronoun), role (a role noun), other
  missed.<kind>.<cue-class>  no prediction covers the text; cue-class says how the gold marks it
Classes of a prediction that matches no gold quote (required or optional): false.<rule>.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from typing import Any

from dyad.api import analyse
from dyad.evaluation import QUOTE_F1, greedy_match, load_gold, quote_score, word_f1
from dyad.records import build_records


def _cue_class(g: dict[str, Any]) -> str:
    cue = str(g.get("cue") or "").lower()
    if not cue:
        return "nocue"
    if cue in {":", "-"}:
        return "colon"
    if cue.startswith(("volgens", "aldus", "according")):
        return "marker"
    return "verb"


def _speaker_text(p: dict[str, Any]) -> str:
    sp = p.get("speaker") or {}
    return f"{sp.get('name')}|{sp.get('actor')}|{sp.get('country')}"


def _context(doc: Any, text: str, preds: list[dict[str, Any]]) -> str:
    """The sentence that holds a gold quote's text, and the predictions of that sentence."""
    at = doc.text.find(text[:40]) if text else -1
    s = doc.sentence_of_offset(at) if at >= 0 else None
    if s is None:
        return ""
    sent = doc.sentences[s]
    out = f"\n    SENT: {doc.text[sent.start:sent.end][:300]!r}"
    for p in preds:
        if p.get("sentence_index") == s:
            out += f"\n    PRED: {p.get('rule')} {_speaker_text(p)} {str(p.get('text'))[:80]!r}"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--show", default="", help="print the items of the classes starting with this")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--context", action="store_true",
                    help="with --show: the sentence of each missed quote and the predictions in it")
    args = ap.parse_args(argv)
    classes: Counter[str] = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    for gold in load_gold(args.gold_dir):
        doc = analyse(gold.article)
        records = build_records(doc)
        preds = records.quotes
        matches = greedy_match(preds, gold.quotes, quote_score)
        used_p = {pi for pi, _, _ in matches}
        used_g = {gi for _, gi, _ in matches}
        for gi, g in enumerate(gold.quotes):
            if gi in used_g or g.get("optional"):
                continue
            best = max(((word_f1(p.get("text", ""), g.get("text", "")), pi) for pi, p in enumerate(preds)),
                       default=(0.0, -1))
            if best[0] >= QUOTE_F1:
                p = preds[best[1]]
                rule = str(p.get("rule", ""))
                cls = f"speaker.{g.get('kind')}.{rule}"
                detail = f"gold={g.get('speaker')}/{g.get('speaker_country')} pred={_speaker_text(p)}"
            else:
                cls = f"missed.{g.get('kind')}.{_cue_class(g)}"
                near = f" nearest({best[0]:.2f})={preds[best[1]].get('text', '')[:80]!r}" if best[1] >= 0 else ""
                detail = f"cue={g.get('cue')!r} speaker={g.get('speaker')}{near}"
                if args.context:
                    detail += _context(doc, str(g.get("text") or ""), preds)
            classes[cls] += 1
            items[cls].append(f"{gold.article.id}: {detail}\n    TEXT: {str(g.get('text'))[:160]}")
        for pi, p in enumerate(preds):
            if pi in used_p:
                continue
            best_g = max((word_f1(p.get("text", ""), g.get("text", "")) for g in gold.quotes), default=0.0)
            cls = f"false.{p.get('rule')}" + (".speaker" if best_g >= QUOTE_F1 else "")
            classes[cls] += 1
            items[cls].append(f"{gold.article.id}: pred={_speaker_text(p)} cue={p.get('cue')!r}\n"
                              f"    TEXT: {str(p.get('text'))[:160]}")
    for cls, n in classes.most_common():
        print(f"{n:5d}  {cls}")
    if args.show:
        for cls in sorted(items):
            if cls.startswith(args.show):
                print(f"\n== {cls} ({len(items[cls])})")
                for line in items[cls][: args.limit]:
                    print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
