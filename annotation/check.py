"""Check annotation files against the gold format of shared/spec/FORMAT.md before they join the corpus.

    python annotation/check.py FILE.json [FILE.json ...]

Each problem is printed as `FILE: item: problem`; the exit status is 1 when any file has one. Checks: the
fields and their values, CAMEO codes against the codebook, dates, and that every event sentence and every
direct or partial quote stands in the article text as written.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from show import articles

HERE = Path(__file__).resolve().parent
CODEBOOK = HERE.parents[1] / "shared/data/cameo/gdelt/CAMEO.eventcodes.txt"
_ACTOR = re.compile(r"^[A-Z]{2,6}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
FACTUALITY = {"actual", "possible", "negated"}
KINDS = {"direct", "indirect", "partial"}


def codes() -> set[str]:
    lines = CODEBOOK.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return {line.split("\t")[0].strip() for line in lines if line.strip()}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def problems(path: Path, table: dict[str, dict[str, object]], known: set[str]) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"cannot read: {exc}"]
    out: list[str] = []
    article_id = str(data.get("article_id", ""))
    item = table.get(article_id.removeprefix("dpg-"))
    if item is None:
        return [f"article_id {article_id!r} is not an article of the corpus"]
    text = _squash(str(item["text"]))
    for key in ("article_id", "language", "published", "events", "quotes"):
        if key not in data:
            out.append(f"missing field {key!r}")
    for n, event in enumerate(data.get("events", [])):
        where = f"event {n}"
        for key in ("sentence", "source", "target", "cameo", "factuality", "date", "trigger", "optional"):
            if key not in event:
                out.append(f"{where}: missing {key!r}")
        if _squash(str(event.get("sentence", ""))) not in text:
            out.append(f"{where}: sentence not found in the article text")
        for side in ("source", "target"):
            if not _ACTOR.match(str(event.get(side, ""))):
                out.append(f"{where}: {side} {event.get(side)!r} is no country (ISO alpha-3) or organisation code")
        if str(event.get("cameo")) not in known:
            out.append(f"{where}: cameo {event.get('cameo')!r} is not a CAMEO code (a string, leading zero kept)")
        if event.get("factuality") not in FACTUALITY:
            out.append(f"{where}: factuality must be one of {sorted(FACTUALITY)}")
        if event.get("date") is not None and not _DATE.match(str(event.get("date"))):
            out.append(f"{where}: date {event.get('date')!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
        if not isinstance(event.get("optional"), bool):
            out.append(f"{where}: optional must be true or false")
    for n, quote in enumerate(data.get("quotes", [])):
        where = f"quote {n}"
        for key in ("speaker", "speaker_country", "text", "kind", "optional"):
            if key not in quote:
                out.append(f"{where}: missing {key!r}")
        if quote.get("kind") not in KINDS:
            out.append(f"{where}: kind must be one of {sorted(KINDS)}")
        if quote.get("kind") in ("direct", "partial") and _squash(str(quote.get("text", ""))) not in text:
            out.append(f"{where}: a {quote.get('kind')} quote's text must stand in the article as written")
        country = quote.get("speaker_country")
        if country is not None and not _ACTOR.match(str(country)):
            out.append(f"{where}: speaker_country {country!r} is no country or organisation code (or null)")
    return out


def main(paths: list[str]) -> int:
    table, known = articles(), codes()
    bad = 0
    for name in paths:
        for problem in problems(Path(name), table, known):
            print(f"{name}: {problem}")
            bad += 1
    print(f"{len(paths)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
