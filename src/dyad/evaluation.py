"""Scoring extracted events and quotes against gold articles, exactly as shared/spec/FORMAT.md says.

- Events match when source and target countries agree, the CAMEO root agrees and the sentences overlap
  (Jaccard of lower-cased word sets >= 0.5); one-to-one, greedy over the best overlap, ties to required
  gold items first. Precision, recall and F1 count required gold events only; a prediction matched to an
  optional gold event is ignored.
- Dyads: the same without the CAMEO condition, after reducing gold and predictions to one item per
  (sentence, source country, target country).
- Quotes match when the gold speaker's last name (or country code) appears in the predicted speaker's
  name, actor or country, and the word-set F1 of the texts is >= 0.5.

Test sets of a few dozen articles hold about a hundred events, so a difference of two events is within chance:
every F1 comes with a 95% interval from resampling the articles (bootstrap), and `paired_difference` says how
sure a change between two runs on the same articles is.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dyad.document import Article, PartialDate
from dyad.errors import GoldError

_WORD = re.compile(r"\w+", re.UNICODE)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

SENTENCE_JACCARD = 0.5
QUOTE_F1 = 0.5
#: the blocks whose F1 gets an interval, and the samples and seed of the bootstrap (fixed: the same run gives the
#: same interval)
INTERVAL_BLOCKS = ("events", "dyads", "quotes", "quotes_direct", "quotes_indirect")
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 17


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def jaccard(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / len(wa | wb)


def word_f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    common = len(wa & wb)
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def date_correct(predicted: str | None, gold: str | None) -> bool:
    """A date is right when it equals the gold date at the gold date's precision; for a gold ISO week,
    any day of that week or the week itself is right."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    week = _WEEK.match(gold)
    if week:
        if predicted == gold:
            return True
        try:
            day = PartialDate.parse(predicted)
        except Exception:
            return False
        if day.day is None:
            return False
        iso = day.first_day().isocalendar()
        return (iso.year, iso.week) == (int(week[1]), int(week[2]))
    try:
        g = PartialDate.parse(gold)
        p = PartialDate.parse(predicted)
    except Exception:
        return False
    order = ["year", "month", "day", "time"]
    if order.index(p.precision.value) < order.index(g.precision.value):
        return False
    return p.truncate(g.precision) == g


@dataclass
class GoldArticle:
    article: Article
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    path: Path


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def scores(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


def greedy_match(
    predicted: Sequence[Any],
    gold: Sequence[dict[str, Any]],
    score: Callable[[Any, dict[str, Any]], float | None],
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching over the best score; ties go to required gold items first.
    `score` returns None when a pair cannot match."""
    pairs = []
    for pi, p in enumerate(predicted):
        for gi, g in enumerate(gold):
            s = score(p, g)
            if s is not None:
                pairs.append((-s, bool(g.get("optional", False)), pi, gi))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for neg, _opt, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        matches.append((pi, gi, -neg))
    return matches


def _counts(matches: list[tuple[int, int, float]], n_pred: int, gold: Sequence[dict[str, Any]]) -> Counts:
    required = sum(1 for g in gold if not g.get("optional", False))
    to_optional = sum(1 for _, gi, _ in matches if gold[gi].get("optional", False))
    tp = sum(1 for _, gi, _ in matches if not gold[gi].get("optional", False))
    return Counts(tp=tp, pred=n_pred - to_optional, gold=required)


def _side(event: dict[str, Any], key: str) -> str | None:
    value = event.get(key)
    if isinstance(value, dict):
        return value.get("country")
    return value


def root_score(p: dict[str, Any], g: dict[str, Any]) -> float | None:
    """Sentence and CAMEO root only (no actor condition): the matching behind actor country accuracy."""
    if str(p.get("cameo", ""))[:2] != str(g.get("cameo", ""))[:2]:
        return None
    j = jaccard(p.get("sentence", ""), g.get("sentence", ""))
    return j if j >= SENTENCE_JACCARD else None


def event_score(with_code: bool) -> Callable[[dict[str, Any], dict[str, Any]], float | None]:
    def score(p: dict[str, Any], g: dict[str, Any]) -> float | None:
        if _side(p, "source") != g.get("source") or _side(p, "target") != g.get("target"):
            return None
        if with_code and str(p.get("cameo", ""))[:2] != str(g.get("cameo", ""))[:2]:
            return None
        j = jaccard(p.get("sentence", ""), g.get("sentence", ""))
        return j if j >= SENTENCE_JACCARD else None

    return score


def _reduce_dyads(events: Iterable[dict[str, Any]], gold: bool) -> list[dict[str, Any]]:
    groups: dict[tuple[str, Any, Any], dict[str, Any]] = {}
    for e in events:
        key = (e.get("sentence", ""), _side(e, "source"), _side(e, "target"))
        item = groups.get(key)
        if item is None:
            groups[key] = {"sentence": key[0], "source": key[1], "target": key[2],
                           "optional": bool(e.get("optional", False)) if gold else False}
        elif gold and not e.get("optional", False):
            item["optional"] = False
    return list(groups.values())


def quote_score(p: dict[str, Any], g: dict[str, Any]) -> float | None:
    # exactly FORMAT.md: the speaker's name, actor or country (an anonymous speaker, which has no name, matches
    # only by country)
    speaker = p.get("speaker") or {}
    haystack = " ".join(str(speaker.get(k) or "") for k in ("name", "actor", "country")).lower()
    last = _last_name(g)
    country = str(g.get("speaker_country") or g.get("country") or "").lower()
    if not ((last and last in haystack) or (country and country in haystack)):
        return None
    return quote_text_score(p, g)


def _last_name(g: dict[str, Any]) -> str:
    gold_speaker = str(g.get("speaker") or "").strip()
    return gold_speaker.split()[-1].lower() if gold_speaker else ""


def quote_named_score(p: dict[str, Any], g: dict[str, Any]) -> float | None:
    """A stricter speaker test than FORMAT.md's, for `quotes_named`: the gold speaker's last name must stand in
    the predicted speaker's name. FORMAT.md also accepts the speaker's country, so a quote given to the wrong
    person of the right country counts as right there; this block shows how often that happens. A gold speaker
    without a name (an anonymous source) still matches by country."""
    last = _last_name(g)
    if not last:
        return quote_score(p, g)
    name = str((p.get("speaker") or {}).get("name") or "").lower()
    return quote_text_score(p, g) if last in name else None


def quote_text_score(p: dict[str, Any], g: dict[str, Any]) -> float | None:
    """The text test alone (word-set F1 >= 0.5), whoever the speaker: `quotes_text`, what finding the quotation
    scores before speakers count."""
    f = word_f1(p.get("text", ""), g.get("text", ""))
    return f if f >= QUOTE_F1 else None


@dataclass
class Evaluation:
    articles: int = 0
    events: Counts = field(default_factory=Counts)
    dyads: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quotes_by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    #: quotes matched with the speaker's name, not its country (`quote_named_score`), and by text alone
    quotes_named: Counts = field(default_factory=Counts)
    quotes_text: Counts = field(default_factory=Counts)
    exact_code: list[bool] = field(default_factory=list)
    factuality: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    actor_sides: list[bool] = field(default_factory=list)
    per_article: list[dict[str, Any]] = field(default_factory=list)

    def add_article(self, article_id: str, pred_events: list[dict[str, Any]], gold_events: list[dict[str, Any]],
                    pred_quotes: list[dict[str, Any]], gold_quotes: list[dict[str, Any]]) -> None:
        self.articles += 1
        matches = greedy_match(pred_events, gold_events, event_score(with_code=True))
        ev = _counts(matches, len(pred_events), gold_events)
        self.events.add(ev)
        for pi, gi, _ in matches:
            g, p = gold_events[gi], pred_events[pi]
            if g.get("optional", False):
                continue
            self.exact_code.append(str(p.get("cameo")) == str(g.get("cameo")))
            self.factuality.append(p.get("factuality") == g.get("factuality"))
            self.date.append(date_correct(p.get("date"), g.get("date")))

        # Per-root confusion among events that agree on the dyad and the sentence.
        for pi, gi, _ in greedy_match(pred_events, gold_events, event_score(with_code=False)):
            self.confusion[str(gold_events[gi].get("cameo"))[:2]][str(pred_events[pi].get("cameo"))[:2]] += 1

        # Actor country accuracy: events matched on sentence and CAMEO root, both sides compared.
        for pi, gi, _ in greedy_match(pred_events, gold_events, root_score):
            for side in ("source", "target"):
                self.actor_sides.append(_side(pred_events[pi], side) == gold_events[gi].get(side))

        pd, gd = _reduce_dyads(pred_events, gold=False), _reduce_dyads(gold_events, gold=True)
        dy = _counts(greedy_match(pd, gd, event_score(with_code=False)), len(pd), gd)
        self.dyads.add(dy)

        qm = greedy_match(pred_quotes, gold_quotes, quote_score)
        qc = _counts(qm, len(pred_quotes), gold_quotes)
        self.quotes.add(qc)
        self.quotes_named.add(_counts(greedy_match(pred_quotes, gold_quotes, quote_named_score), len(pred_quotes),
                                      gold_quotes))
        self.quotes_text.add(_counts(greedy_match(pred_quotes, gold_quotes, quote_text_score), len(pred_quotes),
                                     gold_quotes))
        kinds = {}
        for kind in ("direct", "indirect", "partial"):
            pk = [q for q in pred_quotes if q.get("kind") == kind]
            gk = [q for q in gold_quotes if q.get("kind") == kind]
            kinds[kind] = _counts(greedy_match(pk, gk, quote_score), len(pk), gk)
            self.quotes_by_kind[kind].add(kinds[kind])
        self.per_article.append({
            "article_id": article_id, "events": ev.scores(), "dyads": dy.scores(), "quotes": qc.scores(),
            **{f"quotes_{kind}": counts.scores() for kind, counts in kinds.items()},
        })

    def to_dict(self) -> dict[str, Any]:
        def share(values: list[bool]) -> float:
            return round(sum(values) / len(values), 4) if values else 0.0

        events = self.events.scores()
        events.update({"exact_code": share(self.exact_code), "factuality": share(self.factuality),
                       "date": share(self.date)})
        return {
            "articles": self.articles,
            "events": events,
            "dyads": self.dyads.scores(),
            "quotes": self.quotes.scores(),
            "quotes_direct": self.quotes_by_kind["direct"].scores(),
            "quotes_indirect": self.quotes_by_kind["indirect"].scores(),
            "quotes_partial": self.quotes_by_kind["partial"].scores(),
            "quotes_named": self.quotes_named.scores(),
            "quotes_text": self.quotes_text.scores(),
            "actors": {"country_accuracy": share(self.actor_sides), "sides": len(self.actor_sides)},
            "confusion": {g: dict(sorted(c.items())) for g, c in sorted(self.confusion.items())},
            "intervals": {block: f1_interval(self.per_article, block) for block in INTERVAL_BLOCKS},
            "per_article": self.per_article,
        }


def _f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def _resampled_f1s(per_article: Sequence[dict[str, Any]], block: str, draws: Sequence[Sequence[int]]) -> list[float]:
    counts = [(a[block]["tp"], a[block]["pred"], a[block]["gold"]) for a in per_article]
    out = []
    for draw in draws:
        tp = pred = gold = 0
        for i in draw:
            tp, pred, gold = tp + counts[i][0], pred + counts[i][1], gold + counts[i][2]
        out.append(_f1(tp, pred, gold))
    return out


@cache
def _draws(n: int, samples: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """The resampled article positions, drawn once per size: every block and both runs of a comparison use the
    same ones."""
    rng = random.Random(seed)
    return tuple(tuple(rng.randrange(n) for _ in range(n)) for _ in range(samples))


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def f1_interval(per_article: Sequence[dict[str, Any]], block: str, samples: int = BOOTSTRAP_SAMPLES,
                seed: int = BOOTSTRAP_SEED) -> dict[str, float]:
    """The 95% interval of a block's pooled F1 over articles drawn with replacement (percentile bootstrap)."""
    if not per_article:
        return {"f1_low": 0.0, "f1_high": 0.0}
    f1s = _resampled_f1s(per_article, block, _draws(len(per_article), samples, seed))
    return {"f1_low": round(_percentile(f1s, 0.025), 4), "f1_high": round(_percentile(f1s, 0.975), 4)}


def paired_difference(before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]], block: str,
                      samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED) -> dict[str, Any]:
    """How the pooled F1 of a block changed between two runs' `per_article` scores on the same articles: the
    difference, its 95% interval over the same resampled articles for both runs (paired bootstrap), and the
    share of resamples in which the later run is better. Articles in only one run are an error."""
    by_id = {a["article_id"]: a for a in before}
    if set(by_id) != {a["article_id"] for a in after}:
        raise ValueError("the two runs scored different articles; compare runs on the same gold folder")
    paired = [by_id[a["article_id"]] for a in after]
    draws = _draws(len(after), samples, seed)
    old, new = _resampled_f1s(paired, block, draws), _resampled_f1s(after, block, draws)
    deltas = [b - a for a, b in zip(old, new, strict=True)]

    def pooled(items: Sequence[dict[str, Any]]) -> float:
        return _f1(*(sum(a[block][k] for a in items) for k in ("tp", "pred", "gold")))

    return {
        "block": block, "before": round(pooled(paired), 4), "after": round(pooled(after), 4),
        "difference": round(pooled(after) - pooled(paired), 4),
        "low": round(_percentile(deltas, 0.025), 4), "high": round(_percentile(deltas, 0.975), 4),
        "share_better": round(sum(d > 0 for d in deltas) / len(deltas), 4),
    }


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """Every `*.json` gold file of a folder, with its article (inline `text` or `input` path)."""
    from dyad.readers import ReadFailure, read_inputs

    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError("not a folder of gold files", source=str(gold_dir))
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError("no *.json gold files in this folder", source=str(gold_dir))
    out = []
    inputs: dict[tuple[str, Any], list[Any]] = {}  # a JSONL file is read once for all the gold files naming it
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"cannot read gold file: {exc}", source=str(path)) from exc
        if not isinstance(data, dict) or "article_id" not in data:
            raise GoldError("gold file has no article_id", source=str(path))
        published = data.get("published")
        pub = PartialDate.parse(published, source=str(path)) if published else None
        if "text" in data:
            article = Article(id=data["article_id"], text=data["text"], published=pub,
                              language=data.get("language"), origin=str(path))
        elif "input" in data:
            # `PATH#ID` names the line of a JSONL file whose `id` is ID (FORMAT.md)
            name, _, line_id = str(data["input"]).partition("#")
            source = str((path.parent / name).resolve())
            if (source, data.get("language")) not in inputs:
                inputs[source, data.get("language")] = list(read_inputs([source], language=data.get("language")))
            items = inputs[source, data.get("language")]
            if line_id:
                items = [item for item in items if isinstance(item, Article) and item.id == line_id] or items[:0]
            if len(items) != 1 or isinstance(items[0], ReadFailure):
                reason = items[0].message if items and isinstance(items[0], ReadFailure) else "no article"
                raise GoldError(f"cannot read the gold article {data['input']}: {reason}", source=str(path))
            article = copy(items[0])
            assert isinstance(article, Article)
            article.id = data["article_id"]
            article.published = pub or article.published
        else:
            raise GoldError("gold file has neither `text` nor `input`", source=str(path))
        out.append(GoldArticle(article, list(data.get("events", [])), list(data.get("quotes", [])), path))
    return out


def evaluate(gold_dir: str | Path, components: dict[str, str] | None = None) -> Evaluation:
    """Extract every gold article with the default pipeline (or with `components` in place of the
    configured ones: {"events": "lexicon_coder"}) and score it."""
    from dyad.api import analyse
    from dyad.pipeline import Pipeline
    from dyad.records import build_records

    pipelines: dict[str, Pipeline] = {}
    result = Evaluation()
    for gold in load_gold(gold_dir):
        if components and gold.article.language:
            language = gold.article.language
            pipeline = pipelines.get(language) or pipelines.setdefault(language, Pipeline(language, None, components))
            doc = pipeline(gold.article)
        else:
            doc = analyse(gold.article)
        records = build_records(doc)
        result.add_article(gold.article.id, records.events, gold.events, records.quotes, gold.quotes)
    return result
