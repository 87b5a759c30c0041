"""Train the Dutch event decision model on the training split of the project's annotated corpus.

    .venv/bin/python training/train_events.py [--gold corpus/nl-politics/train] [--out PATH]

Runs the rules over the training articles, labels their candidates against the gold events, chooses the
regularisation and threshold by 5-fold cross-validation by article, fits the model on all training articles
and writes it (default: the packaged `src/dyad/events/data/nl_events_model.json`). Prints one JSON object
with the cross-validated figures of the rules and the model. Deterministic: full-batch training, fixed folds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dyad.evaluation import load_gold
from dyad.learning import coverage, cross_validate, fit, prepare, score

ROOT = Path(__file__).resolve().parent.parent
NAME = "nl-events-lr-1"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "corpus/nl-politics/train"))
    parser.add_argument("--out", default=str(ROOT / "src/dyad/events/data/nl_events_model.json"))
    parser.add_argument("--name", default=NAME)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    golds = load_gold(args.gold)
    items = prepare(golds, "nl")
    rules = score(items, None)
    cv = cross_validate(items, args.name, "nl")
    model = fit(items, args.name, "nl", cv["l2"], cv["threshold"], cv["rule_threshold"])
    n_candidates = sum(len(g) for item in items for g in item.groups)
    positives = sum(lab == 1 for item in items for labels in item.labels for lab in labels)
    covered = coverage(items)
    trained_on = {
        "gold": str(Path(args.gold).resolve().relative_to(ROOT)) if Path(args.gold).resolve().is_relative_to(ROOT)
        else args.gold,
        "articles": len(items), "candidates": n_candidates, "positives": positives,
        "gold_covered": covered["covered"], "gold_required": covered["required"],
        "l2": cv["l2"], "features": len(model.weights),
        "cv_events_f1": cv["events"]["f1"], "rules_events_f1": rules["events"]["f1"],
    }
    final = type(model)(model.name, model.language, model.threshold, model.bias, model.weights, trained_on,
                        model.rule_threshold)
    final.save(args.out)
    report = {"model": args.out, "seconds": round(time.perf_counter() - started, 1), **trained_on,
              "threshold": cv["threshold"], "rule_threshold": cv["rule_threshold"],
              "cv": {"events": cv["events"], "dyads": cv["dyads"]},
              "rules": {"events": rules["events"], "dyads": rules["dyads"]}, "grid": cv["grid"]}
    sys.stdout.write(json.dumps(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
