"""Date accuracy of the time resolver on the gold dev events, with the gold sentences and triggers placed
by hand as events (independent of the event coder). Used by test_temporal_gold_dev.py and runnable as a
script:

    .venv/bin/python tests/temporal/temporal_gold_dates.py [-v]
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from dyad.document import ActorRef, Event, Factuality, PartialDate
from dyad.lang.layer import analyse_text
from dyad.temporal.resolver import TimexResolver

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold" / "dev"


def date_right(pred: PartialDate | None, gold: str | None) -> bool:
    """FORMAT.md: equal at the gold date's precision; for a gold ISO week, any day of that week."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if "-W" in gold:
        year, week = gold.split("-W")
        if pred.day is None:
            return False
        iso = date(pred.year, pred.month or 1, pred.day).isocalendar()
        return (iso[0], iso[1]) == (int(year), int(week))
    g = PartialDate.parse(gold)
    return pred.truncate(g.precision) == g


def _text_of(gold_file: Path, gold: dict) -> str:
    if "text" in gold:
        return str(gold["text"])
    raw = (gold_file.parent / gold["input"]).read_text(encoding="utf-8")
    if gold["input"].endswith(".txt"):
        stripped = raw.lstrip()
        if stripped.startswith("date "):
            return stripped.split(" ", 2)[2] if len(stripped.split(" ", 2)) > 2 else ""
        return raw
    return raw


def load_articles() -> dict[str, str]:
    texts = {}
    path = GOLD / "articles.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                texts[rec["id"]] = rec["text"]
    return texts


def evaluate(verbose: bool = False, required_only: bool = True) -> tuple[int, int]:
    texts = load_articles()
    right = total = 0
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = texts.get(gold["article_id"]) or _text_of(gold_file, gold)
        doc = analyse_text(text, gold.get("language", "nl"), gold["published"])
        placed = []
        for g in gold["events"]:
            if required_only and g.get("optional"):
                continue
            pos = text.find(g["sentence"][:60])
            if pos < 0:
                continue
            sent = doc.sentence_of_offset(pos)
            if sent is None:
                continue
            first_word = g["trigger"].replace("(", " ").replace(")", " ").split()[0].strip(".'‘’\"")
            s = doc.sentences[sent]
            t = text.find(first_word, s.start, s.end)
            t = t if t >= 0 else s.start
            ev = Event(
                sent,
                ActorRef(""),
                ActorRef(""),
                g["cameo"],
                0,
                0.0,
                None,
                Factuality.ACTUAL,
                g["trigger"],
                t,
                t + len(first_word),
                "gold",
            )
            doc.events.append(ev)
            placed.append(g)
        TimexResolver(doc.language).__call__(doc)
        for g, ev in zip(placed, doc.events, strict=True):
            ok = date_right(ev.date, g["date"])
            right += ok
            total += 1
            if verbose and not ok:
                print(
                    f"{gold['article_id']} pub={gold['published']} gold={g['date']} pred={ev.date} "
                    f"[{ev.date_rule}] {g['sentence'][:150]}"
                )
    return right, total


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    for req in (True, False):
        r, t = evaluate(verbose, req)
        print(f"{'required' if req else 'all'}: {r}/{t} = {r / max(t, 1):.3f}")
