"""The learned event decision: the model file, its training, the choice per candidate group, the component."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.document import ActorRef, Event, Factuality
from dyad.errors import ConfigError
from dyad.events.decision import choose, decide, default_model_path
from dyad.events.features import Candidate
from dyad.events.model import LogisticModel, fit_logistic


def _event(source: str, target: str, cameo: str = "111", sentence: int = 0) -> Event:
    return Event(sentence=sentence, source=ActorRef(source, country=source), target=ActorRef(target, country=target),
                 cameo=cameo, quad_class=3, goldstein=-2.0, plover="ACCUSE", factuality=Factuality.ACTUAL,
                 trigger="t", trigger_start=0, trigger_end=1, rule="nl.test")


def _model(weights: dict[str, float], threshold: float = 0.5, rule_threshold: float = 0.0) -> LogisticModel:
    return LogisticModel("m-1", "nl", threshold, 0.0, weights, rule_threshold=rule_threshold)


def test_a_model_file_round_trips_and_scores_by_its_weights(tmp_path: Path) -> None:
    model = _model({"good": 3.0, "bad": -3.0}, threshold=0.6, rule_threshold=0.1)
    path = tmp_path / "m.json"
    model.save(path)
    loaded = LogisticModel.load(path)
    assert loaded == model
    assert loaded.probability(["good"]) > 0.95 and loaded.probability(["bad"]) < 0.05
    assert loaded.probability(["unknown"]) == pytest.approx(0.5)


@pytest.mark.parametrize("content", ["not json", json.dumps({"name": "x"}),
                                     json.dumps({"name": "x", "language": "nl", "threshold": 2, "bias": 0,
                                                 "weights": {}})])
def test_a_bad_model_file_is_a_config_error_naming_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.json"):
        LogisticModel.load(path)


def test_a_missing_model_file_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="make train-events"):
        LogisticModel.load(tmp_path / "none.json")


def test_logistic_fitting_learns_which_feature_predicts_the_label() -> None:
    examples = [("a", "x")] * 20 + [("b", "x")] * 20
    labels = [1] * 20 + [0] * 20
    bias, weights = fit_logistic(examples, labels, l2=0.1)
    model = LogisticModel("t", "nl", 0.5, bias, weights)
    assert model.probability(["a", "x"]) > 0.8 and model.probability(["b", "x"]) < 0.2
    # a feature seen only once gets no weight (it would fit one sentence)
    assert "once" not in fit_logistic([("once",), ("a",), ("a",)], [1, 0, 0])[1]


def test_the_rules_event_stays_unless_scored_below_the_rule_threshold() -> None:
    rule = Candidate(_event("RUS", "USA"), "rule", ("weak",))
    other = Candidate(_event("USA", "RUS"), "swap", ("weak",))
    assert choose(_model({"weak": -1.0}, rule_threshold=0.0), [rule, other]) == (pytest.approx(0.269, abs=1e-3),
                                                                                  rule)
    assert choose(_model({"weak": -1.0}, rule_threshold=0.3), [rule, other]) is None


def test_another_candidate_replaces_the_rules_event_only_when_scored_high_and_higher() -> None:
    rule = Candidate(_event("RUS", "USA"), "rule", ("r",))
    swap = Candidate(_event("USA", "RUS"), "swap", ("s",))
    chosen = choose(_model({"r": 0.0, "s": 2.0}, threshold=0.8), [rule, swap])
    assert chosen is not None and chosen[1] is swap
    chosen = choose(_model({"r": 0.0, "s": 1.0}, threshold=0.8), [rule, swap])  # 0.73 < 0.8: the rules stay
    assert chosen is not None and chosen[1] is rule


def test_decide_keeps_one_event_per_sentence_dyad_and_root_with_the_model_in_its_provenance() -> None:
    groups = [[Candidate(_event("RUS", "USA", "111"), "open", ("hi",))],
              [Candidate(_event("RUS", "USA", "112"), "open", ("higher",))],
              [Candidate(_event("RUS", "USA", "042"), "open", ("low",))]]
    events = decide(_model({"hi": 1.0, "higher": 2.0, "low": -2.0}, threshold=0.5), groups)
    assert [(e.cameo, e.rule) for e in events] == [("112", "nl.test@m-1")]
    assert events[0].confidence == pytest.approx(0.881, abs=1e-3)


def test_the_learned_coder_runs_in_the_pipeline_with_the_shipped_model() -> None:
    from dyad.document import Article, PartialDate
    from dyad.pipeline import Pipeline

    assert default_model_path("nl").exists()
    pipeline = Pipeline("nl", None, {"events": "learned_coder"})
    doc = pipeline(Article(id="t", text="Rusland heeft de Amerikaanse sancties scherp veroordeeld.",
                           published=PartialDate.parse("2019-03-05"), language="nl"))
    assert all("@nl-events-lr" in e.rule and 0 < e.confidence <= 1 for e in doc.events)
