"""Event dates of the time resolver against a gold folder, straight from the gold events: for each required
gold event, the sentence is found in the article, the trigger located in it, and the resolver's date for
that clause compared with the gold date (the event coder is not involved).

Usage: PYTHONPATH=src python scripts/date_diagnostics.py corpus/nl-politics/train [--show CLASS] [--limit N]

Only for folders whose sentences may be read (a train split); on a test split use `dyad eval` alone.

Classes of each compared event: ok.<rule> or wrong.<rule>, where <rule> is the kind of the resolver's
`date_rule` (timex.<expression rule>, carried, published, vague, ...); `nosentence` when the gold sentence is
not found in the article text. The analysed documents are cached (--cache PATH) between runs: the time stage
is run again over them, so a cache holds while only the time resolver changes. --without-quotes dates each
deed by its clause alone, not by the quotation it is in.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dyad.api import analyse
from dyad.document import Document
from dyad.evaluation import date_correct, load_gold
from dyad.temporal.resolver import TimexResolver


def _language_docs(gold_dir: str, cache: Path | None) -> list[tuple[Any, Document]]:
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            loaded: list[tuple[Any, Document]] = pickle.load(fh)
            return loaded
    out = []
    for gold in load_gold(gold_dir):
        out.append((gold, analyse(gold.article)))
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(out, fh)
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _rule_class(rule: str | None) -> str:
    if rule is None:
        return "none"
    head, _, rest = rule.partition(":")
    if head == "timex":
        return "timex." + rest.split(":")[0].split(".")[0]
    if head == "quote":
        return "quote"
    return head


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--show", default="", help="print the items of the classes starting with this")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--cache", default="", help="pickle of the analysed documents")
    ap.add_argument("--without-quotes", action="store_true",
                    help="date each deed by its clause alone, not by the quotation it is in")
    args = ap.parse_args(argv)
    classes: Counter[str] = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    resolvers: dict[str, TimexResolver] = {}
    total = right = 0
    for gold, doc in _language_docs(args.gold_dir, Path(args.cache) if args.cache else None):
        lang = doc.language
        resolver = resolvers.setdefault(lang, TimexResolver(lang))
        doc.timexes = []
        state = resolver.prepare(doc, record=False)
        said = [] if args.without_quotes else resolver.date_quotes(state)
        text = doc.text
        seen: set[tuple[str, str, str]] = set()
        for g in gold.events:
            if g.get("optional") or not g.get("sentence"):
                continue
            key = (g["sentence"], str(g.get("trigger")), str(g.get("date")))
            if key in seen:  # the same deed with two dyads
                continue
            seen.add(key)
            sent = _norm(g["sentence"])
            s_index = next((k for k, s in enumerate(doc.sentences) if sent[:60] in _norm(text[s.start : s.end])),
                           None)
            if s_index is None:
                classes["nosentence"] += 1
                continue
            s = doc.sentences[s_index]
            stext = text[s.start : s.end]
            trig = str(g.get("trigger") or "").split("...")[0].strip()
            at = stext.lower().find(trig.lower()) if trig else -1
            if at < 0 and trig:
                at = stext.lower().find(trig.split()[0].lower())
            start = s.start + max(at, 0)
            end = start + (len(trig) if at >= 0 else 1)
            value, rule = resolver.date_deed(state, said, s_index, start, end)
            predicted = value.iso() if value is not None else None
            ok = date_correct(predicted, g.get("date"))
            total += 1
            right += ok
            cls = ("ok." if ok else "wrong.") + _rule_class(rule)
            classes[cls] += 1
            items[cls].append(
                f"{gold.article.id} pub={gold.article.published} s{s_index} gold={g.get('date')} got={predicted} "
                f"rule={rule}\n    trigger={trig!r}\n    {stext}"
            )
    print(f"date accuracy {right}/{total} = {right / max(total, 1):.3f}")
    for cls, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {cls}")
    if args.show:
        for cls in sorted(items):
            if cls.startswith(args.show):
                print(f"\n== {cls}")
                for line in items[cls][: args.limit]:
                    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
