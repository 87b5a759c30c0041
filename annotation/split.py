"""Fix the Dutch political corpus's annotation split before any rule is written from it.

Articles of `shared/data/dpgmedia2019-nl-politics/articles.jsonl` are ordered by a salted SHA-1 of their id
(no reading of the text), so the split does not depend on content. The first 45 are **test**, the next 115
**train**; the first 20 train articles are annotated twice (agreement). The remaining 90 were annotated later,
as a second batch (after ADJUDICATION.md's advice), and joined **train**: the test split never changes. Each
article goes to one of six annotators in turn; an article annotated twice goes to a second annotator too.

    python annotation/split.py [ARTICLES_JSONL]      # writes annotation/split.tsv
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SALT = "dyad-nl-politics-2019"
N_TEST, N_TRAIN, N_DOUBLE = 45, 115, 20
ANNOTATORS = ["A", "B", "C", "D", "E", "F"]
DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dpgmedia2019-nl-politics/articles.jsonl"


def order_key(article_id: str) -> str:
    return hashlib.sha1(f"{SALT}:{article_id}".encode()).hexdigest()


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    ids = [str(json.loads(line)["id"]) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    ordered = sorted(ids, key=order_key)
    rows = ["id\tsplit\tannotator\tsecond_annotator"]
    for n, article_id in enumerate(ordered):
        split = "test" if n < N_TEST else "train"
        batch = n - N_TEST - N_TRAIN  # second batch: its own turn of annotators
        first = ANNOTATORS[n % len(ANNOTATORS)] if batch < 0 else ANNOTATORS[batch % len(ANNOTATORS)]
        second = ""
        if split == "train" and n - N_TEST < N_DOUBLE:
            second = ANNOTATORS[(n + 1 + (n // len(ANNOTATORS)) % (len(ANNOTATORS) - 1)) % len(ANNOTATORS)]
            if second == first:
                second = ANNOTATORS[(n + 1) % len(ANNOTATORS)]
        rows.append(f"{article_id}\t{split}\t{first}\t{second}")
    out = Path(__file__).with_name("split.tsv")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out}: {N_TEST} test, {len(ordered) - N_TEST} train ({N_DOUBLE} twice; {len(ordered) - N_TEST - N_TRAIN} "
          "in the second batch)")


if __name__ == "__main__":
    main()
