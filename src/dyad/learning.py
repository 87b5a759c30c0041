"""Training the learned event decision (`dyad.events.decision`) from gold articles.

1. Every gold article goes through the pipeline with the rules as its events component; each rule event
   becomes a group of candidates (`dyad.events.decision.candidates`).
2. A candidate is labelled 1 when it matches a required gold event of its article as the scorer matches
   (`dyad.evaluation.event_score`: same source and target country, CAMEO root, overlapping sentence), 0 when it
   matches no gold event, and is left out when it matches only an optional one (the scorer ignores those).
3. Cross-validation by article chooses the regularisation and the threshold that give the best event F1 when
   the decision is applied and scored like `dyad eval`; the final model is fitted on all articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dyad.document import Document, Event
from dyad.evaluation import Evaluation, GoldArticle, event_score
from dyad.events.coder import LexiconCoder
from dyad.events.decision import candidates, decide
from dyad.events.features import Candidate
from dyad.events.model import LogisticModel, fit_logistic
from dyad.pipeline import Pipeline
from dyad.records import build_records, event_record

#: probability from which a candidate the rules did not code is kept (1.0: never)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
#: probability below which an event the rules coded is dropped (0.0: never)
RULE_THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3)
L2 = (1.0, 3.0)


@dataclass
class Prepared:
    """One gold article run through the rules: its document, candidate groups and their labels."""

    gold: GoldArticle
    doc: Document
    groups: list[list[Candidate]]
    labels: list[list[int | None]]


def label(doc: Document, candidate: Candidate, gold_events: Sequence[dict[str, Any]]) -> int | None:
    record = event_record(doc, candidate.event)
    match = event_score(with_code=True)
    matched = [g for g in gold_events if match(record, g) is not None]
    if any(not g.get("optional", False) for g in matched):
        return 1
    return None if matched else 0


def prepare(golds: Sequence[GoldArticle], language: str = "nl", alternatives: bool = True) -> list[Prepared]:
    pipeline = Pipeline(language, None, {"events": "lexicon_coder"})
    coder = next(c for stage, _, c in pipeline.stages if stage == "events")
    assert isinstance(coder, LexiconCoder)
    coder.keep_open = True
    out = []
    for gold in golds:
        # the time stage dates the rules' events; candidates of open triggers stay undated here
        doc = pipeline(gold.article)
        groups = candidates(doc, list(doc.events), alternatives, coder.open_events, language)
        labels = [[label(doc, c, gold.events) for c in group] for group in groups]
        out.append(Prepared(gold, doc, groups, labels))
    return out


def coverage(items: Sequence[Prepared]) -> dict[str, int]:
    """How many required gold events some candidate matches: the recall the decision can reach at most."""
    match = event_score(with_code=True)
    covered = required = 0
    for item in items:
        records = [event_record(item.doc, c.event) for group in item.groups for c in group]
        for g in item.gold.events:
            if g.get("optional", False):
                continue
            required += 1
            covered += any(match(r, g) is not None for r in records)
    return {"required": required, "covered": covered}


def _examples(items: Sequence[Prepared]) -> tuple[list[tuple[str, ...]], list[int]]:
    x: list[tuple[str, ...]] = []
    y: list[int] = []
    for item in items:
        for group, labels in zip(item.groups, item.labels, strict=True):
            for cand, lab in zip(group, labels, strict=True):
                if lab is not None:
                    x.append(cand.features)
                    y.append(lab)
    return x, y


def fit(
    items: Sequence[Prepared], name: str, language: str, l2: float, threshold: float, rule_threshold: float = 0.0
) -> LogisticModel:
    x, y = _examples(items)
    bias, weights = fit_logistic(x, y, l2=l2)
    return LogisticModel(name, language, threshold, bias, weights, rule_threshold=rule_threshold)


def _rule_events(item: Prepared) -> list[Event]:
    return [g[0].event for g in item.groups if g[0].origin == "rule"]


def _add(result: Evaluation, item: Prepared, events: Sequence[Event], with_quotes: bool) -> None:
    """Score one article's events (records built for the events alone; quotes only when asked)."""
    records = [event_record(item.doc, e) for e in events]
    quotes = build_records(item.doc).quotes if with_quotes else []
    result.add_article(item.gold.article.id, records, item.gold.events, quotes,
                       item.gold.quotes if with_quotes else [])


def score(items: Sequence[Prepared], model: LogisticModel | None) -> dict[str, Any]:
    """`dyad eval` figures of the decided events (the rules' events when `model` is None)."""
    result = Evaluation()
    for item in items:
        _add(result, item, decide(model, item.groups) if model else _rule_events(item), with_quotes=True)
    return result.to_dict()


def cross_validate(items: Sequence[Prepared], name: str, language: str, folds: int = 5) -> dict[str, Any]:
    """Event F1 of every (l2, threshold, rule threshold) over article folds; the best setting and its figures."""
    parts = [list(items[k::folds]) for k in range(folds)]
    results: dict[tuple[float, float, float], Evaluation] = {}
    for l2 in L2:
        for k, held in enumerate(parts):
            train = [item for j, part in enumerate(parts) if j != k for item in part]
            base = fit(train, name, language, l2, 0.5)
            for threshold in THRESHOLDS:
                for rule_threshold in RULE_THRESHOLDS:
                    model = LogisticModel(name, language, threshold, base.bias, base.weights,
                                          rule_threshold=rule_threshold)
                    result = results.setdefault((l2, threshold, rule_threshold), Evaluation())
                    for item in held:
                        _add(result, item, decide(model, item.groups), with_quotes=False)
    scored = {key: result.to_dict() for key, result in results.items()}
    best = max(scored, key=lambda k: (scored[k]["events"]["f1"], scored[k]["dyads"]["f1"]))
    return {"l2": best[0], "threshold": best[1], "rule_threshold": best[2], "folds": folds,
            "events": scored[best]["events"], "dyads": scored[best]["dyads"],
            "grid": {"/".join(map(str, k)): v["events"]["f1"] for k, v in sorted(scored.items())}}
