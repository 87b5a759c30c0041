"""Required gold events the lexicon coder misses, by class: what to fix next in the event coder.

Usage: PYTHONPATH=src python scripts/event_diagnostics.py corpus/nl-politics/train [--cache DIR]
       [--show CLASS] [--limit N] [--json]

Only for folders whose sentences may be read (a train split); on a test split or the dev gold use `dyad eval`
alone (the script refuses folders named test or dev).

Each required gold event falls in the first class that fits:
  coded                    the rules code it (the scorer's match: sentence, source and target country, root)
  candidate.<origin>       no rule event, but a candidate of the learned decision matches (`gold_covered`)
  root.<gold>-><other>     a rule or open event of the sentence has the gold dyad with another root
                           (neighbouring roots, error class 3)
  roles.<actors>           a trigger of the gold root in the sentence, with no candidate of the gold dyad
  nocand.<actors>.<why>    no trigger of the gold root in the sentence
where <actors> says whether the gold source and target countries are among the sentence's resolved mentions,
the speakers of its quotes and the last mentions of the sentence before (`both`, `source`, `target`, `none`):
a miss without them is an actor miss (class 2), whatever the trigger. For `nocand`, <why> is
  clause       a trigger of the gold root matches the sentence read as one clause (engine: clause breaks)
  particle     one matches once a particle before an article may be a particle (engine: "spraken af de")
  quote        the gold source speaks a quote of the sentence (statements without an event word, class 1)
  words        none of these: the lexicon lacks the wording

With `--false` it lists the rules' events that match no gold event (optional ones included), by class:
  false.root      a gold event of the sentence has the dyad, with another root (wrong code)
  false.roles     a gold event of the sentence has the root, with another dyad (wrong source or target)
  false.sentence  the sentence has gold events, none of this root or dyad
  false.none      the sentence has no gold event (no event there, or a wrong sense of the trigger)
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from dyad.document import Document, Event
from dyad.evaluation import SENTENCE_JACCARD, GoldArticle, event_score, jaccard, load_gold
from dyad.events.candidates import Candidates, Clause, Tok
from dyad.events.coder import LexiconCoder
from dyad.events.decision import candidates as decision_candidates
from dyad.pipeline import Pipeline
from dyad.records import event_record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coder_golden import _before_events as stages_before_events  # noqa: E402


def _before_events(pipeline: Pipeline, gold: GoldArticle, cache: Path | None) -> Document:
    """The document as the stages before the events stage leave it (pickled in `cache` when given)."""
    path = cache / f"{gold.article.id}.pickle" if cache else None
    if path is not None and path.exists():
        doc: Document = pickle.loads(path.read_bytes())
        return doc
    doc = stages_before_events(pipeline, gold.article)
    if path is not None:
        path.write_bytes(pickle.dumps(doc))
    return doc


def _sentence_of(doc: Document, text: str) -> int | None:
    best = max(((jaccard(doc.sentence_text(i), text), i) for i in range(len(doc.sentences))), default=(0.0, -1))
    return best[1] if best[0] >= SENTENCE_JACCARD else None


def _countries(doc: Document, sentence: int) -> tuple[set[str], set[str]]:
    """Countries a source and a target may be read from: the sentence's resolved mentions, its quotes'
    speakers and the mentions of the sentence before."""
    own = {a.country for i in doc.mentions_in(sentence) if (a := doc.mentions[i].actor) and a.country}
    before = {a.country for i in doc.mentions_in(sentence - 1) if (a := doc.mentions[i].actor) and a.country} \
        if sentence > 0 else set()
    speakers = {q.speaker.country for q in doc.quotes if q.sentence == sentence and q.speaker and q.speaker.country}
    return own | speakers | before, own | before


def _actors(doc: Document, sentence: int, g: dict[str, Any]) -> str:
    sources, targets = _countries(doc, sentence)
    has_s, has_t = g.get("source") in sources, g.get("target") in targets
    return "both" if has_s and has_t else "source" if has_s else "target" if has_t else "none"


class _Probe:
    """Whether a trigger of a root matches a sentence under a relaxed reading (engine limits)."""

    def __init__(self, coder: LexiconCoder) -> None:
        self.plain = coder.candidates
        lexicon = coder.lexicon
        words = dict(lexicon.words, preposition_articles=frozenset())
        self.loose = Candidates(replace(lexicon, words=words))

    def _roots(self, cands: Candidates, toks: dict[int, Tok], clauses: Sequence[Clause]) -> set[str]:
        return {m.trigger.cameo[:2] for m in cands.find(toks, clauses)}

    def why(self, doc: Document, sentence: int, root: str) -> str:
        sent = self.plain.sentence(doc, sentence)
        whole = [Clause(sent.clauses[0].start, sent.clauses[-1].end)] if sent.clauses else []
        if root in self._roots(self.plain, dict(sent.toks), whole):
            return "clause"
        loose = self.loose.sentence(doc, sentence)
        if root in self._roots(self.loose, dict(loose.toks), loose.clauses):
            return "particle"
        return ""


def _classify(doc: Document, gold: GoldArticle, coder: LexiconCoder, probe: _Probe) -> Iterator[tuple[str, str]]:
    match = event_score(with_code=True)
    rules = [event_record(doc, e) for e in doc.events]
    groups = decision_candidates(doc, list(doc.events), True, coder.open_events, doc.language)
    cands = [(c.origin, event_record(doc, c.event)) for group in groups for c in group]
    near: list[Event] = [*doc.events, *coder.open_events]
    for g in gold.events:
        if g.get("optional", False):
            continue
        sentence = _sentence_of(doc, g["sentence"])
        root = str(g["cameo"])[:2]
        line = f"{gold.article.id} {g['source']}->{g['target']} {g['cameo']} [{g.get('trigger')}] {g['sentence']}"
        if any(match(r, g) is not None for r in rules):
            yield "coded", line
            continue
        origin = next((o for o, r in cands if match(r, g) is not None), None)
        if origin is not None:
            yield f"candidate.{origin}", line
            continue
        if sentence is None:
            yield "nosentence", line
            continue
        here = [e for e in near if e.sentence == sentence]
        other = next((e.cameo[:2] for e in here if e.source.country == g["source"]
                      and e.target.country == g["target"]), None)
        actors = _actors(doc, sentence, g)
        if other is not None:
            yield f"root.{root}->{other}", line
        elif any(e.cameo[:2] == root for e in here):
            yield f"roles.{actors}", line
        else:
            why = probe.why(doc, sentence, root)
            if not why:
                speakers = {q.speaker.country for q in doc.quotes if q.sentence == sentence and q.speaker}
                why = "quote" if g["source"] in speakers else "words"
            yield f"nocand.{actors}.{why}", line


def _false_events(doc: Document, gold: GoldArticle) -> Iterator[tuple[str, str]]:
    """The rules' events that match no gold event, each with its class (see the module's description)."""
    match = event_score(with_code=True)
    for e in doc.events:
        rec = event_record(doc, e)
        if any(match(rec, g) is not None for g in gold.events):
            continue
        here = [g for g in gold.events if jaccard(rec["sentence"], g["sentence"]) >= SENTENCE_JACCARD]
        dyad = (e.source.country, e.target.country)
        if any((g["source"], g["target"]) == dyad for g in here):
            cls = "false.root"
        elif any(str(g["cameo"])[:2] == e.cameo[:2] for g in here):
            cls = "false.roles"
        else:
            cls = "false.sentence" if here else "false.none"
        golds = "; ".join(f"{g['source']}->{g['target']} {g['cameo']}" for g in here)
        line = (f"{gold.article.id} {e.source.country}->{e.target.country} {e.cameo} [{e.trigger}] "
                f"{e.source.name or e.source.actor} -> {e.target.name or e.target.actor} ({e.rule}) "
                f"{{gold: {golds}}} {rec['sentence']}")
        yield cls, line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--cache", help="folder for the documents of the stages before events (pickled)")
    ap.add_argument("--show", help="print the events of the classes starting with this ('' for all)")
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--json", action="store_true", help="one JSON object of the counts")
    ap.add_argument("--false", action="store_true", help="count (and with --show list) the false events instead")
    args = ap.parse_args(argv)
    parts = Path(args.gold_dir).resolve().parts
    if "test" in parts or "dev" in parts:
        sys.stderr.write("refused: test and dev gold are read as scores only (dyad eval)\n")
        return 2
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline("nl", None, {"events": "lexicon_coder"})
    coder = next(c for stage, _, c in pipeline.stages if stage == "events")
    assert isinstance(coder, LexiconCoder)
    coder.keep_open = True
    probe = _Probe(coder)
    classes: Counter[str] = Counter()
    roots: dict[str, Counter[str]] = defaultdict(Counter)
    items: dict[str, list[str]] = defaultdict(list)
    for gold in load_gold(args.gold_dir):
        doc = _before_events(pipeline, gold, cache)
        coder(doc)
        found = _false_events(doc, gold) if args.false else _classify(doc, gold, coder, probe)
        for cls, line in found:
            classes[cls] += 1
            roots[cls][line.split()[2][:2]] += 1
            items[cls].append(line)
    if args.json:
        sys.stdout.write(json.dumps({"classes": dict(sorted(classes.items()))}) + "\n")
        return 0
    total = sum(classes.values())
    sys.stdout.write(f"{'false events' if args.false else 'required gold events'}: {total}\n")
    for cls, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        by_root = " ".join(f"{r}:{c}" for r, c in sorted(roots[cls].items()))
        sys.stdout.write(f"{n:5d}  {cls:28s} {by_root}\n")
    if args.show is not None:
        for cls in sorted(items):
            if cls.startswith(args.show):
                sys.stdout.write(f"\n== {cls}\n")
                for line in items[cls][: args.limit]:
                    sys.stdout.write(f"  {line}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
