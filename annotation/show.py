"""Print articles of the political corpus for annotation: id, title, publication date and the body text,
one sentence-like piece a line (split at . ! ? followed by a space and a capital; only for reading: copy
sentences into the gold file as they stand in the text).

    python annotation/show.py ID [ID ...]
    python annotation/show.py --annotator A     # every article assigned to annotator A (split.tsv)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parents[1] / "shared/data/dpgmedia2019-nl-politics/articles.jsonl"
_BREAK = re.compile(r"(?<=[.!?'\"’”])\s+(?=[A-Z\"'‘“,])")


def articles() -> dict[str, dict[str, object]]:
    out = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out[str(item["id"])] = item
    return out


def assigned(annotator: str) -> list[str]:
    ids = []
    for line in (HERE / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        article_id, _split, first, second = line.split("\t")
        if annotator in (first, second):
            ids.append(article_id)
    return ids


def main(argv: list[str]) -> None:
    ids = assigned(argv[1]) if argv and argv[0] == "--annotator" else argv
    table = articles()
    for article_id in ids:
        item = table[article_id.removeprefix("dpg-")]
        print(f"=== dpg-{item['id']}  published {item['published_at']}")
        print(f"title: {item['title']}")
        for n, piece in enumerate(_BREAK.split(str(item["text"]))):
            print(f"[{n}] {piece}")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
