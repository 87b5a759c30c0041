"""A logistic model over candidate features: trained with NumPy, shipped as a small JSON file of weights.

The file holds `name` (model name and version, written into each event's provenance), `language`,
`threshold` (the probability from which a candidate the rules did not code is kept), `rule_threshold` (the
probability below which an event the rules coded is dropped), `bias`, `weights` (feature -> weight) and
`trained_on` (what it was trained on, with the scores measured then). Scoring needs no NumPy: a sum of the
weights of the features present.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import ConfigError


@dataclass(frozen=True)
class LogisticModel:
    name: str
    language: str
    threshold: float
    bias: float
    weights: dict[str, float]
    trained_on: dict[str, Any] = field(default_factory=dict)
    rule_threshold: float = 0.0

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "language": self.language, "threshold": self.threshold,
                "rule_threshold": self.rule_threshold, "bias": self.bias, "trained_on": self.trained_on,
                "weights": dict(sorted(self.weights.items()))}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> LogisticModel:
        where = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError("event model file not found (train it with `make train-events`)", source=where) from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read the event model: {exc}", source=where) from exc
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            model = cls(str(data["name"]), str(data["language"]), float(data["threshold"]), float(data["bias"]),
                        weights, dict(data.get("trained_on", {})), float(data.get("rule_threshold", 0.0)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"not an event model file: {exc!r}", source=where) from exc
        if not (0.0 < model.threshold <= 1.0 and 0.0 <= model.rule_threshold < 1.0):
            raise ConfigError("the model's thresholds must lie between 0 and 1", source=where)
        return model


def fit_logistic(
    examples: Sequence[Sequence[str]],
    labels: Sequence[int],
    *,
    l2: float = 1.0,
    min_count: int = 2,
    iterations: int = 400,
    rate: float = 0.1,
) -> tuple[float, dict[str, float]]:
    """Bias and weights of an L2-regularised logistic regression (full-batch Adam on the mean log loss).

    Features seen in fewer than `min_count` examples get no weight (they would fit single sentences)."""
    import numpy as np

    if len(examples) != len(labels) or not examples:
        raise ValueError("need as many labels as examples, and at least one")
    counts = Counter(f for feats in examples for f in set(feats))
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    column = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)), dtype=np.float64)
    for i, feats in enumerate(examples):
        for f in feats:
            j = column.get(f)
            if j is not None:
                x[i, j] = 1.0
    y = np.asarray(labels, dtype=np.float64)
    n = len(y)
    w = np.zeros(len(vocab))
    b = 0.0
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, iterations + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        err = p - y
        g_w = x.T @ err / n + l2 * w / n
        g_b = float(err.mean())
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        correction1, correction2 = 1 - beta1**step, 1 - beta2**step
        w -= rate * (m_w / correction1) / (np.sqrt(v_w / correction2) + eps)
        b -= rate * (m_b / correction1) / (math.sqrt(v_b / correction2) + eps)
    weights = {f: round(float(w[j]), 4) for f, j in column.items() if abs(w[j]) >= 1e-3}
    return round(b, 4), weights
