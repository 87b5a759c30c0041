"""Write the two fixed halves of the training split, for writing rules from one and checking them on the other.

Rules written from the sentences they are measured on do not carry over (train events F1 rose 0.29 -> 0.36 in one
round while the test split stayed at 0.26). From stop 17 a round reads sentences, gold and diagnostics of half
**A** only and reads half **B** as scores: a change that raises A and leaves B flat is a fit of A. The halves are
the train gold files in sorted order, A at even positions and B at odd ones (103 and 102 articles), copied with
their `input` paths rewritten for the new folder, so that `dyad eval OUT/A` reads the same shared articles.

    python annotation/halves.py OUT_DIR [TRAIN_DIR]     # writes OUT_DIR/A and OUT_DIR/B
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[1] / "corpus/nl-politics/train"


def halves(files: list[Path]) -> dict[str, list[Path]]:
    ordered = sorted(files, key=lambda p: p.name)
    return {"A": ordered[0::2], "B": ordered[1::2]}


def rewritten(gold: dict[str, object], source: Path, target_dir: Path) -> dict[str, object]:
    """The gold file with an `input` path that resolves from `target_dir` to the same file it named from `source`."""
    if "input" not in gold:
        return gold
    name, sep, line_id = str(gold["input"]).partition("#")
    resolved = (source.parent / name).resolve()
    relative = os.path.relpath(resolved, target_dir.resolve())
    return {**gold, "input": f"{relative}{sep}{line_id}"}


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    train = Path(argv[1]) if len(argv) > 1 else TRAIN
    files = sorted(train.glob("*.json"))
    if not files:
        print(f"{train}: no gold *.json files", file=sys.stderr)
        return 2
    for half, members in halves(files).items():
        folder = out / half
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.json"):
            stale.unlink()
        for path in members:
            gold = json.loads(path.read_text(encoding="utf-8"))
            (folder / path.name).write_text(json.dumps(rewritten(gold, path, folder), ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
        print(f"{folder}: {len(members)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
