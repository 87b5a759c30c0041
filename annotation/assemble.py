"""Gather the annotators' files into the corpus: `corpus/nl-politics/{train,test}/dpg-ID.json` from each
article's first annotator, `corpus/nl-politics/agreement/second/dpg-ID.json` from the second annotator of
the doubly annotated articles. Files point at the shared article by `input` (`PATH#ID`); no text is copied.

    python annotation/assemble.py WORK_DIR      # WORK_DIR holds one folder per annotator (A/, B/, ...)

An adjudicated file (`WORK_DIR/adjudicated/dpg-ID.json`) replaces the first annotator's for that article; the
second batch lies in `WORK_DIR/batch2/<annotator>/`.
Articles whose file is missing are listed and left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus" / "nl-politics"
# relative to a gold file in corpus/nl-politics/<split>/ (the repository has ../shared beside it)
INPUT = "../../../../shared/data/dpgmedia2019-nl-politics/articles.jsonl#{id}"
FIELDS = ("events", "quotes")


def split_rows() -> list[tuple[str, str, str, str]]:
    lines = (HERE / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [tuple(line.split("\t")) for line in lines]  # type: ignore[misc]


def gold_file(annotation: dict[str, object], article_id: str, annotator: str) -> dict[str, object]:
    out: dict[str, object] = {
        "article_id": f"dpg-{article_id}",
        "language": "nl",
        "published": annotation["published"],
        "input": INPUT.format(id=article_id),
        "annotator": annotation.get("annotator", annotator),
    }
    for key in FIELDS:
        out[key] = annotation.get(key, [])
    return out


def write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(work: Path) -> int:
    missing = []
    written = 0
    for article_id, split, first, second in split_rows():
        name = f"dpg-{article_id}.json"
        adjudicated = work / "adjudicated" / name
        second_batch = work / "batch2" / first / name
        primary = next((f for f in (adjudicated, second_batch) if f.exists()), work / first / name)
        if primary.exists():
            write(CORPUS / split / name, gold_file(json.loads(primary.read_text(encoding="utf-8")), article_id, first))
            written += 1
        else:
            missing.append(f"{first}/{name}")
        for who, folder in ((first, "first"), (second, "second")) if second else ():
            source = work / who / name
            if source.exists():
                write(CORPUS / "agreement" / folder / name,
                      gold_file(json.loads(source.read_text(encoding="utf-8")), article_id, who))
            else:
                missing.append(f"{who}/{name}")
    print(f"{written} corpus files written; missing: {len(missing)} {' '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
