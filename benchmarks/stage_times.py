"""Sentences per CPU second of the Dutch pipeline in one process, and the seconds of each stage.

    .venv/bin/python benchmarks/stage_times.py [--articles 200]

Reads the first ARTICLES of the DpgMedia2019 corpus (not the political articles), warms the pipeline on one,
then extracts each article in turn without a store. CPU time (process time), so other load on the machine
changes it little. Prints one JSON object. The full throughput benchmark with the store is `make bench`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from dyad.document import Article
from dyad.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared/data/dpgmedia2019-nl/dpgMedia2019-articles-byarticle-all.jsonl"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args(argv)
    with CORPUS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in itertools.islice(handle, args.articles)]
    pipeline = Pipeline("nl")
    pipeline(Article(id="warm", text=texts[0], language="nl"))
    stages: dict[str, float] = {}
    sentences = 0
    started = time.process_time()
    for n, text in enumerate(texts):
        doc = pipeline(Article(id=str(n), text=text, language="nl"))
        sentences += len(doc.sentences)
        for stage, seconds in doc.timings.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    cpu = time.process_time() - started
    print(json.dumps({"articles": len(texts), "sentences": sentences, "cpu_s": round(cpu, 1),
                      "sentences_per_cpu_s": round(sentences / cpu, 1),
                      "stage_s": {k: round(v, 2) for k, v in stages.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
