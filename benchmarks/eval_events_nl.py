"""Dutch extraction figures of the rules and of the learned event decision, side by side, on the project's
annotated corpus (train, test) and on the dev gold (a second test set).

    .venv/bin/python benchmarks/eval_events_nl.py [--splits train,test,dev]

Prints a Markdown table (for docs/EVALUATION.md) and, as its last line, one JSON object with every figure.
Train figures of the learned decision are fitted figures (the model saw those articles); the
cross-validated train figure is in the model file (`trained_on`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dyad.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {
    "train": ROOT / "corpus/nl-politics/train",
    "test": ROOT / "corpus/nl-politics/test",
    "dev": ROOT.parent / "shared/gold/dev",
}
CODERS = {"rules": "lexicon_coder", "learned": "learned_coder"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default="train,test,dev")
    args = parser.parse_args(argv)
    figures: dict[str, dict[str, Any]] = {}
    for split in args.splits.split(","):
        for coder, component in CODERS.items():
            figures[f"{split}/{coder}"] = evaluate(SPLITS[split], {"events": component}).to_dict()
    rows = ["| split | coder | events P | R | F1 | F1 95% interval | dyads F1 | exact code | factuality | date "
            "| quotes F1 |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for key, d in figures.items():
        split, coder = key.split("/")
        ev, ci = d["events"], d["intervals"]["events"]
        rows.append(f"| {split} ({d['articles']}) | {coder} | {ev['precision']:.3f} | {ev['recall']:.3f} | "
                    f"**{ev['f1']:.3f}** | {ci['f1_low']:.3f}-{ci['f1_high']:.3f} | {d['dyads']['f1']:.3f} | "
                    f"{ev['exact_code']:.3f} | {ev['factuality']:.3f} | {ev['date']:.3f} | {d['quotes']['f1']:.3f} |")
    print("\n".join(rows))
    compact = {k: {"events": v["events"], "dyads": v["dyads"], "quotes": v["quotes"], "intervals": v["intervals"]}
               for k, v in figures.items()}
    sys.stdout.write(json.dumps(compact) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
