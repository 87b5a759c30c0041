"""Required gold events whose actors the resolver does not find in their sentence, grouped by class: what to
fix next in the actor resolver.

Usage: PYTHONPATH=src python scripts/actor_diagnostics.py corpus/nl-politics/train [--show CLASS] [--limit N]

Only for folders whose sentences may be read (a train split); on a test split use `dyad eval` alone.

For each required gold event, its sentence is the article's sentence with the highest word overlap (Jaccard
>= 0.5, as the scorer matches). Each side (source, target) is then:
  sentence     a mention of the sentence resolves to the gold country
  before       none does, but a mention of the sentence before does
  missing      neither
An event counts as `actors.both` when both sides are `sentence`, `actors.neither` when neither is. A
missing side is classed by what its sentence holds that could have named it:
  pronoun      a personal pronoun ("hij", "ze") with no resolved mention on it
  agent        an agent noun of the language's lexicon with no resolved mention on it ("de politie")
  name         a capitalised name the resolver kept without an actor (a person outside the knowledge base)
  resolved     a mention resolves to another country (a wrong resolution, or a reading of the annotator)
  none         none of these
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from dyad.actors.kb import norm, split_units
from dyad.actors.lexicon import load_lexicon
from dyad.api import analyse
from dyad.document import Document
from dyad.evaluation import SENTENCE_JACCARD, jaccard, load_gold


def _sentence_of(doc: Document, text: str) -> int | None:
    best = max(((jaccard(doc.sentence_text(s.index), text), s.index) for s in doc.sentences), default=(0.0, -1))
    return best[1] if best[0] >= SENTENCE_JACCARD else None


def _countries(doc: Document, sentence: int) -> set[str]:
    return {a.country for i in doc.mentions_in(sentence) if (a := doc.mentions[i].actor) is not None and a.country}


def _uncovered(doc: Document, sentence: int) -> list[int]:
    """Tokens of the sentence that no resolved mention covers."""
    s = doc.sentences[sentence]
    covered = {
        t
        for i in doc.mentions_in(sentence)
        if doc.mentions[i].actor is not None
        for t in range(doc.mentions[i].token_start, doc.mentions[i].token_end)
    }
    return [t for t in range(s.token_start, s.token_end) if t not in covered]


def _hints(doc: Document, sentence: int) -> list[tuple[str, str]]:
    """(class, words) for what in the sentence might name a missing actor."""
    lex = load_lexicon(doc.article.language or "nl")
    out: list[tuple[str, str]] = []
    free = _uncovered(doc, sentence)
    free_set = set(free)
    for t in free:
        key = norm(doc.tokens[t].text)
        if key in lex.pronouns:
            out.append(("pronoun", doc.tokens[t].text))
        parts = tuple(norm(u) for u in split_units(doc.tokens[t].text))
        if (parts[-1:] and (parts[-1],) in lex.agents) or lex.compound(key) is not None:
            out.append(("agent", doc.tokens[t].text))
    for i in doc.mentions_in(sentence):
        m = doc.mentions[i]
        if m.actor is None and m.token_start in free_set:
            out.append(("name", " ".join(tok.text for tok in doc.tokens[m.token_start : m.token_end])))
    return out


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir", help="a folder of gold files whose sentences may be read (a train split)")
    ap.add_argument("--show", default="", help="print the events of the classes starting with this")
    ap.add_argument("--limit", type=int, default=40, help="at most this many events per class")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    classes: Counter[str] = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    for gold in load_gold(args.gold_dir):
        doc = analyse(gold.article)
        for g in gold.events:
            if g.get("optional"):
                continue
            classes["events.required"] += 1
            sentence = _sentence_of(doc, str(g.get("sentence", "")))
            if sentence is None:
                classes["events.no_sentence"] += 1
                continue
            here = _countries(doc, sentence)
            before = _countries(doc, sentence - 1) if sentence > 0 else set()
            where = {}
            for side in ("source", "target"):
                country = g.get(side)
                where[side] = "sentence" if country in here else "before" if country in before else "missing"
            found = sum(w == "sentence" for w in where.values())
            classes[("actors.neither", "actors.one", "actors.both")[found]] += 1
            hints = _hints(doc, sentence)
            text = doc.sentence_text(sentence)
            for side, w in where.items():
                classes[f"side.{w}"] += 1
                if w == "sentence":
                    continue
                kinds = sorted({k for k, _ in hints}) or ["none"]
                if here - {g.get("source"), g.get("target")}:
                    kinds.append("resolved")
                cls = f"{w}.{'+'.join(kinds)}"
                classes[cls] += 1
                detail = ", ".join(f"{k}:{v}" for k, v in hints)
                items[cls].append(
                    f"{gold.article.id} {side}={g.get(side)} ({g.get('source')}->{g.get('target')} "
                    f"{g.get('cameo')}) have={sorted(here)} [{detail}]\n    TEXT: {text[:220]}"
                )
    for cls, n in sorted(classes.items(), key=lambda kv: (kv[0].split(".")[0], -kv[1])):
        print(f"{n:5d}  {cls}")
    shown = {cls: lines for cls, lines in sorted(items.items()) if args.show and cls.startswith(args.show)}
    for cls, lines in shown.items():
        print(f"\n== {cls} ({len(lines)})", *(f"  {line}" for line in lines[: args.limit]), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
