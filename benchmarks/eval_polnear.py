"""Score dyad's English quotes and speakers on PolNeAR attributions (``../shared/data/polnear-en``).

PolNeAR (Newell, Margolin, Ruths 2018) annotates attributions in US political news: a SOURCE (who), a CUE
("said", "according to") and a CONTENT (what). Its README, ``../shared/data/polnear-en/README.md``, gives the
rule this script implements:

- A predicted quote matches a gold attribution when the word-set F1 of the two contents is at least 0.5
  (``dyad.evaluation.word_f1``: lower-cased ``\\w+`` words) and the last word of the gold SOURCE occurs as a
  word in the predicted speaker (its name, actor code or country, or the words that name it where the quote is
  attributed, its ``phrase``: "the Florida senator" resolved to Marco Rubio; lower-cased); a SOURCE that is a pronoun
  ("he", "they", "we") accepts any speaker, and so does an attribution without a SOURCE. A quote without a
  speaker matches nothing. The SOURCE's last word is that of its head: PolNeAR's SOURCE spans carry the
  apposition and relative clause ("Josh Earnest, the White House press secretary" -> "earnest", "an
  official who spoke on the condition of anonymity" -> "official"), so the span is cut at its first comma,
  parenthesis, dash or relative pronoun, and a possessive "'s" is dropped.
- Matching is one-to-one, greedy over the best word-set F1 (``dyad.evaluation.greedy_match``); precision =
  matched quotes / predicted quotes, recall = matched attributions / gold attributions.
- ``all``: every attribution and every predicted quote. ``direct``: the attributions whose CONTENT begins or
  ends with a quotation mark, against the predicted quotes whose text, with the quotation marks right
  around it in the article, begins or ends with one (the same test on both sides; "right around" is the
  character before and after the text, or after the comma or stop that closes it: not the opening mark of
  the next quotation after ". "); matched one-to-one among themselves.
- ``*_text`` blocks: the same matching without the speaker condition (how much the speaker costs).

An article with several annotators' files is scored against the first file in name order. Texts are read by
dyad's plain-text reader (which removes embedded markup such as ``<tweet ...>``); the publication date is the
one in the file name. Train articles are for reading; dev is for scores only (``--show`` refuses dev).

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/eval_polnear.py [--split train|dev] [--limit N]  # N articles spread
        [--show misses] [--without-phrase]

Progress goes to stderr; the last line of stdout is one JSON object: ``all``, ``direct``, ``all_text``,
``direct_text`` (each ``precision``, ``recall``, ``f1``, ``tp``, ``pred``, ``gold``), ``rules`` (per quote
rule, [matched, predicted] in ``all``), ``articles``, ``split``, ``seconds``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear-en"

#: Characters PolNeAR's texts use as quotation marks.
QUOTE_MARKS = frozenset("\"'“”‘’«»")
#: English personal pronouns (the scoring rule's "pronoun SOURCE").
PRONOUNS = frozenset({
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
    "them", "their", "one", "who", "whom", "someone", "somebody",
})
#: The keys of a speaker record the SOURCE's last word is looked up in (``--without-phrase`` drops ``phrase``).
SPEAKER_KEYS: tuple[str, ...] = ("name", "actor", "country", "phrase")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
_WORD = re.compile(r"\w+")
#: Where a SOURCE's head ends: an apposition, a parenthesis, a dash or a relative clause.
_HEAD_END = re.compile(r"\s*[,(–—]|\s+-\s|\s+(?:who|whom|which|that)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: its CONTENT text and its SOURCE text ("" when none is annotated)."""

    content: str
    source: str
    cue: str = ""

    @property
    def direct(self) -> bool:
        text = self.content.strip()
        return bool(text) and (text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS)


@dataclass
class GoldArticle:
    name: str
    text: str
    published: str | None
    attributions: list[Attribution] = field(default_factory=list)


def _span_text(text: str, spans: str) -> str:
    """The text of a BRAT span list ``start end[;start end...]``, discontinuous pieces joined by a space."""
    parts = []
    for piece in spans.split(";"):
        a, b = (int(x) for x in piece.split())
        parts.append(text[a:b])
    return " ".join(parts)


def parse_ann(ann: str, text: str) -> list[Attribution]:
    """The attributions of one BRAT standoff file (``T`` spans tied by ``E`` lines) over its article text."""
    spans: dict[str, str] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = _span_text(text, offsets)
        elif line.startswith("E") and len(cols) >= 2:
            roles: dict[str, str] = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), ref)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), "")
        if content.strip():
            source, cue = spans.get(roles.get("Source", ""), ""), spans.get(roles.get("Cue", ""), "")
            out.append(Attribution(content, source, cue))
    return out


def load(split: str, limit: int | None = None) -> list[GoldArticle]:
    folder = POLNEAR / split
    anns: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    paths = [p for p in sorted((folder / "text").glob("*.txt")) if p.stem in anns]
    if limit and limit < len(paths):  # spread over the compartment (its files are sorted by publisher)
        paths = [paths[k * len(paths) // limit] for k in range(limit)]
    out = []
    for path in paths:
        files = anns[path.stem]
        text = path.read_text(encoding="utf-8")
        m = _DATE.search(path.name)
        art = GoldArticle(path.stem, text, m.group(1) if m else None)
        art.attributions = parse_ann(files[0].read_text(encoding="utf-8"), text)
        out.append(art)
    return out


def source_head(source: str) -> str:
    """A SOURCE span without its apposition or relative clause."""
    source = source.strip()
    m = _HEAD_END.search(source, 1)
    return source[: m.start()] if m else source


def source_matches(source: str, speaker: dict[str, Any] | None) -> bool:
    """The README's speaker condition: the SOURCE's last word in the speaker; a pronoun or no SOURCE takes any."""
    if not speaker:
        return False
    words = _WORD.findall(source_head(source).lower())
    if not words or (len(words) == 1 and words[0] in PRONOUNS):
        return True
    last = words[-1]
    if last == "s" and len(words) > 1:  # "Trump’s" -> "trump"
        last = words[-2]
    haystack = " ".join(str(speaker.get(k) or "") for k in SPEAKER_KEYS).lower()
    return last in _WORD.findall(haystack)


#: Punctuation that may stand between a quotation's text and its closing mark ('“…,”', '“…?”').
_BEFORE_CLOSE = frozenset(",.?!;:")


def quote_is_direct(quote: dict[str, Any], text: str) -> bool:
    """Whether a predicted quote's text begins or ends with a quotation mark, or has one right around it (the
    finder leaves the marks of a quotation out of its text): the character before it, the character after it,
    or the one after a comma or stop that closes it ('“…,”'). A mark further on belongs to the next quotation
    ('… the group was created independently. “They are …”' is reported speech, not a quotation)."""
    a, b = int(quote.get("start", 0)), int(quote.get("end", 0))
    piece = text[a:b].strip()
    if not piece:
        return False
    if piece[0] in QUOTE_MARKS or piece[-1] in QUOTE_MARKS:
        return True
    after = text[b : b + 1]
    closing = text[b + 1 : b + 2] if after in _BEFORE_CLOSE else ""
    return text[a - 1 : a] in QUOTE_MARKS or after in QUOTE_MARKS or closing in QUOTE_MARKS


def score_article(quotes: Sequence[dict[str, Any]], gold: Sequence[Attribution], text: str,
                  ) -> dict[str, Any]:
    """Counts per block (``all``, ``direct``, ``all_text``, ``direct_text``) for one article, and the matches
    of ``all`` as (quote index, attribution index) pairs."""
    from dyad.evaluation import QUOTE_F1, Counts, greedy_match, word_f1

    gold_items: list[dict[str, Any]] = [{"i": i, "a": a} for i, a in enumerate(gold)]

    def scorer(with_speaker: bool) -> Any:
        def score(q: dict[str, Any], g: dict[str, Any]) -> float | None:
            a: Attribution = g["a"]
            if with_speaker and not source_matches(a.source, q.get("speaker")):
                return None
            f = word_f1(str(q.get("text", "")), a.content)
            return f if f >= QUOTE_F1 else None
        return score

    direct_q = [q for q in quotes if quote_is_direct(q, text)]
    direct_g = [g for g in gold_items if g["a"].direct]
    out: dict[str, Any] = {}
    for name, qs, gs in (("all", list(quotes), gold_items), ("direct", direct_q, direct_g)):
        for suffix, with_speaker in (("", True), ("_text", False)):
            matches = greedy_match(qs, gs, scorer(with_speaker))
            out[name + suffix] = Counts(tp=len(matches), pred=len(qs), gold=len(gs))
            if name == "all":
                out["matches" if with_speaker else "text_matches"] = [(pi, gs[gi]["i"]) for pi, gi, _ in matches]
    return out


BLOCKS = ("all", "direct", "all_text", "direct_text")


def predict(article: GoldArticle) -> tuple[str, list[dict[str, Any]]]:
    """dyad's quotes for one article, read as dyad reads a plain-text file; returns the text read and them."""
    import dyad
    from dyad.readers.text import parse_text_article

    read = parse_text_article(article.text, article_id=article.name, origin=article.name)
    ex = dyad.extract(read.text, published=article.published, language="en", article_id=article.name)
    return read.text, list(ex.quotes)


def evaluate(articles: Sequence[GoldArticle], show: bool = False) -> dict[str, Any]:
    from dyad.evaluation import Counts

    totals = {b: Counts() for b in BLOCKS}
    rules: dict[str, Counts] = {}
    for n, art in enumerate(articles, 1):
        text, quotes = predict(art)
        counts = score_article(quotes, art.attributions, text)
        for b in BLOCKS:
            totals[b].add(counts[b])
        matched = {q for q, _ in counts["matches"]}
        for i, q in enumerate(quotes):
            c = rules.setdefault(str(q.get("rule")), Counts())
            c.pred += 1
            c.tp += i in matched
        if show:
            _show(art, quotes, counts["matches"], counts["text_matches"])
        if n % 20 == 0:
            print(f"{n}/{len(articles)} articles", file=sys.stderr)
    out: dict[str, Any] = {b: totals[b].scores() for b in BLOCKS}
    out["rules"] = {r: [c.tp, c.pred] for r, c in sorted(rules.items(), key=lambda kv: -kv[1].pred)}
    out["articles"] = len(articles)
    return out


def _show(art: GoldArticle, quotes: Sequence[dict[str, Any]], matches: list[tuple[int, int]],
          text_matches: list[tuple[int, int]]) -> None:
    got_q = {q for q, _ in matches}
    by_text = dict(text_matches)
    got_g = {g for _, g in matches}
    print(f"== {art.name}", file=sys.stderr)
    for i, a in enumerate(art.attributions):
        if i not in got_g:
            tag = "MISS-D" if a.direct else "MISS"
            print(f"  {tag} [{a.source}] <{a.cue}> {a.content[:200]!r}", file=sys.stderr)
    for i, q in enumerate(quotes):
        if i not in got_q:
            sp = (q.get("speaker") or {}).get("name")
            gold = f" (gold source: {art.attributions[by_text[i]].source!r})" if i in by_text else ""
            print(f"  FP {q.get('kind')} {q.get('rule')} [{sp}] {str(q.get('text'))[:200]!r}{gold}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", choices=["misses"], default=None,
                    help="print misses and false positives to stderr (train only)")
    ap.add_argument("--without-phrase", action="store_true",
                    help="look the SOURCE up in the speaker's name, actor and country only (not its phrase)")
    args = ap.parse_args(argv)
    if args.without_phrase:
        global SPEAKER_KEYS
        SPEAKER_KEYS = ("name", "actor", "country")
    if args.show and args.split != "train":
        ap.error("--show is for train only: dev is read as scores")
    t0 = time.perf_counter()
    result = evaluate(load(args.split, args.limit), show=bool(args.show))
    result["split"] = args.split
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
