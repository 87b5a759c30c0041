"""Agreement of the doubly annotated articles, with the project's scorer (dyad.evaluation).

Each direction takes one annotator as gold and the other's required items as predictions (an item the
second marked optional is no claim); the figures are the mean of both directions.

    .venv/bin/python annotation/agreement.py [corpus/nl-politics/agreement]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from dyad.evaluation import Evaluation


def _load(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def _required(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An annotator's required items in the shape of predictions (a quote's speaker as a record)."""
    out = []
    for item in items:
        if item.get("optional", False):
            continue
        if "speaker" in item:
            item = dict(item, speaker={"name": item.get("speaker"), "country": item.get("speaker_country")})
        out.append(item)
    return out


def direction(gold: dict[str, dict[str, Any]], other: dict[str, dict[str, Any]]) -> dict[str, Any]:
    result = Evaluation()
    for key in sorted(set(gold) & set(other)):
        g, o = gold[key], other[key]
        result.add_article(key, _required(o["events"]), g["events"], _required(o["quotes"]), g["quotes"])
    return result.to_dict()


def main(folder: Path) -> None:
    first, second = _load(folder / "first"), _load(folder / "second")
    a, b = direction(first, second), direction(second, first)
    out: dict[str, Any] = {"articles": a["articles"]}
    for key in ("events", "dyads", "quotes", "quotes_direct", "quotes_indirect"):
        out[key] = {"f1": round((a[key]["f1"] + b[key]["f1"]) / 2, 4),
                    "first_as_gold": a[key]["f1"], "second_as_gold": b[key]["f1"]}
    out["events"]["exact_code"] = round((a["events"]["exact_code"] + b["events"]["exact_code"]) / 2, 4)
    out["events"]["factuality"] = round((a["events"]["factuality"] + b["events"]["factuality"]) / 2, 4)
    out["events"]["date"] = round((a["events"]["date"] + b["events"]["date"]) / 2, 4)
    print(json.dumps(out))


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "corpus/nl-politics/agreement"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
