"""Golden output of the lexicon event coder, for behaviour-preserving changes to `dyad.events`.

    PYTHONPATH=src .venv/bin/python scripts/coder_golden.py OUT.jsonl [--cache DIR] [--no-english]

Runs the pipeline with the "lexicon_coder" events component over
(a) corpus/nl-politics/train, (b) ../shared/gold/dev, (c) the first 300 articles of the DpgMedia2019 JSONL and
(d) the first 40 English PolNeAR dev texts, and writes every event the coder finds (article, sentence,
source and target actor and country, CAMEO code, factuality, trigger and its offsets, rule, confidence), once
from a plain coder and once from a coder with `keep_open` together with its `open_events`, as sorted JSON
lines. Two runs of a refactoring must give the same bytes (`diff`).

The stages before the events stage do not change in such a refactoring; with `--cache DIR` the documents they
produce are pickled there on the first run and read back on later runs, so that a run costs the coder's time.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.document import Article, Document, Event
from dyad.evaluation import load_gold
from dyad.pipeline import Pipeline, bound_sentences, run_in_pieces
from dyad.readers import read_inputs

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DPG = SHARED / "data/dpgmedia2019-nl/dpgMedia2019-articles-byarticle-all.jsonl"
POLNEAR = SHARED / "data/polnear-en/dev/text"


def _articles(english: bool) -> Iterator[tuple[str, str, Article]]:
    """(set, language, article) of every input, in a fixed order."""
    for name, folder in (("train", ROOT / "corpus/nl-politics/train"), ("dev", SHARED / "gold/dev")):
        for gold in load_gold(folder):
            yield name, gold.article.language or "nl", gold.article
    with DPG.open(encoding="utf-8") as f:
        lines = [next(f) for _ in range(300)]
    tmp = Path("/tmp/coder_golden_dpg300.jsonl")
    tmp.write_text("".join(lines), encoding="utf-8")
    for item in read_inputs([tmp], language="nl"):
        if isinstance(item, Article):
            yield "dpg", "nl", item
    if english:
        for path in sorted(POLNEAR.glob("*.txt"))[:40]:
            yield "polnear", "en", Article(id=path.stem, text=path.read_text(encoding="utf-8"), language="en")


def _before_events(pipeline: Pipeline, article: Article) -> Document:
    """The document as the stages before the events stage leave it (`Pipeline.__call__` up to events)."""
    doc = Document(article=article, language=pipeline.language)
    for stage, _name, component in pipeline.stages:
        if stage == "events":
            break
        if stage == "language":
            run_in_pieces(component, doc)
            bound_sentences(doc)
        else:
            component(doc)
    return doc


def _side(ref: object) -> dict[str, object]:
    return {k: getattr(ref, k) for k in ("name", "actor", "country", "actor_id", "mention")}


def _row(kind: str, set_name: str, article: str, e: Event) -> str:
    return json.dumps(
        {
            "set": set_name,
            "article": article,
            "kind": kind,
            "sentence": e.sentence,
            "source": _side(e.source),
            "target": _side(e.target),
            "cameo": e.cameo,
            "factuality": e.factuality.value,
            "trigger": e.trigger,
            "trigger_start": e.trigger_start,
            "trigger_end": e.trigger_end,
            "rule": e.rule,
            "confidence": e.confidence,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--cache", help="folder for the documents of the stages before events")
    ap.add_argument("--no-english", action="store_true")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    pipelines: dict[str, Pipeline] = {}
    rows: list[str] = []
    manifest = cache / f"manifest{'-nl' if args.no_english else ''}.json" if cache else None
    if manifest is not None and manifest.exists():
        # the cached documents, in the order they were read: (set, language, article id, pickle file)
        inputs: Iterator[tuple[str, str, Article | str]] = iter(
            (s, lang, f"{aid}\t{pick}") for s, lang, aid, pick in json.loads(manifest.read_text())
        )
    else:
        inputs = iter(_articles(not args.no_english))
    listed: list[tuple[str, str, str, str]] = []
    for n, (set_name, language, item) in enumerate(inputs):
        if language not in pipelines:
            pipelines[language] = Pipeline(language, None, {"events": "lexicon_coder"})
        pipeline = pipelines[language]
        if isinstance(item, str):
            article_id, _, pick = item.partition("\t")
            doc = pickle.loads(Path(pick).read_bytes())
        else:
            article_id = str(item.id)
            doc = _before_events(pipeline, item)
            if cache is not None:
                path = cache / f"{n:05d}.pickle"
                path.write_bytes(pickle.dumps(doc))
                listed.append((set_name, language, article_id, str(path)))
        coder: Any = next(c for stage, _, c in pipeline.stages if stage == "events")
        plain = pickle.loads(pickle.dumps(doc))
        keep_open = coder.keep_open
        coder.keep_open = False
        coder(plain)
        coder.keep_open = True
        coder(doc)
        coder.keep_open = keep_open
        rows += [_row("event", set_name, article_id, e) for e in plain.events]
        rows += [_row("event_keep_open", set_name, article_id, e) for e in doc.events]
        rows += [_row("open", set_name, article_id, e) for e in coder.open_events]
    if manifest is not None and listed:
        manifest.write_text(json.dumps(listed))
    rows.sort()
    Path(args.out).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows, {len(pipelines)} languages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
