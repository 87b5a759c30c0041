"""Coverage of the office-holder knowledge base: who held the four top offices of every required state.

The required states (G20, EU members, the permanent members of the UN Security Council and the states of
the gold dev articles) and the period are listed in `dyad/actors/data/coverage_gaps.yaml`. For each state
and each of head of state, head of government, foreign minister and defence minister, every day of the
period must be covered by a term, or lie in a gap declared there with a reason (facts we are not sure of
are left out rather than guessed). Where one office holds another role (the US president heads the
government), a `same_as` entry says so. Two persons holding the same office of the same state at once is
a data error unless declared, allowing a few days at a handover.

Report of the figures (the numbers in docs/ACTORS.md):

    .venv/bin/python tests/actors/test_coverage.py
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.actors import load_kb
from dyad.actors.kb import KnowledgeBase, last_day

ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
#: Longest uncovered stretch that needs no declaration (an interim between two recorded holders).
MAX_SILENT_GAP = 31
#: Longest overlap of two holders of one office that needs no declaration (handover days).
MAX_HANDOVER = 3

Interval = tuple[dt.date, dt.date]  # inclusive


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Spec:
    start: dt.date
    end: dt.date
    groups: Mapping[str, tuple[str, ...]]
    #: (state, role) -> [(state, role) whose holders hold it, when]
    same_as: Mapping[tuple[str, str], list[tuple[tuple[str, str], Interval]]]
    gaps: Mapping[tuple[str, str], list[Interval]]
    overlaps: frozenset[tuple[str, str, frozenset[str]]]
    raw: Mapping[str, Any]

    @property
    def states(self) -> list[str]:
        return sorted({s for group in self.groups.values() for s in group})


def load_spec() -> Spec:
    text = resources.files("dyad.actors").joinpath("data/coverage_gaps.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    start, end = (_date(d) for d in raw["period"])
    same_as: dict[tuple[str, str], list[tuple[tuple[str, str], Interval]]] = defaultdict(list)
    for e in raw.get("same_as") or []:
        when = (_date(e.get("from", start)), _date(e.get("to", end)))
        same_as[(e["country"], e["role"])].append(((e.get("of", e["country"]), e["as"]), when))
    gaps: dict[tuple[str, str], list[Interval]] = defaultdict(list)
    for e in raw.get("gaps") or []:
        gaps[(e["country"], e["role"])].append((_date(e["from"]), _date(e["to"])))
    overlaps = frozenset(
        (e["country"], e["role"], frozenset(e["persons"])) for e in raw.get("overlaps") or []
    )
    groups = {k: tuple(v) for k, v in raw["required"].items()}
    return Spec(start, end, groups, same_as, gaps, overlaps, raw)


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _clip(intervals: Iterable[Interval], lo: dt.date, hi: dt.date) -> list[Interval]:
    return [(max(a, lo), min(b, hi)) for a, b in intervals if a <= hi and b >= lo]


def _complement(covered: list[Interval], lo: dt.date, hi: dt.date) -> list[Interval]:
    out: list[Interval] = []
    day = lo
    for a, b in covered:
        if a > day:
            out.append((day, a - dt.timedelta(days=1)))
        day = max(day, b + dt.timedelta(days=1))
    if day <= hi:
        out.append((day, hi))
    return out


def _days(intervals: Iterable[Interval]) -> int:
    return sum((b - a).days + 1 for a, b in intervals)


def term_spans(kb: KnowledgeBase) -> dict[tuple[str, str], list[tuple[str, Interval, Interval]]]:
    """(state, role) -> [(person id, widest span, surest span)]: the widest reads a month-precise start
    as its first day and end as its last; the surest the other way round (for the overlap check)."""
    out: dict[tuple[str, str], list[tuple[str, Interval, Interval]]] = defaultdict(list)
    far = dt.date(9999, 12, 31)
    for p in kb.persons.values():
        for t in p.terms:
            if t.role not in ROLES:
                continue
            wide = (t.start.first_day(), last_day(t.end) if t.end else far)
            sure = (last_day(t.start), t.end.first_day() if t.end else far)
            out[(t.country, t.role)].append((p.id, wide, sure))
    return out


def uncovered(spec: Spec, kb: KnowledgeBase) -> dict[tuple[str, str], list[Interval]]:
    """(state, role) -> the stretches of the period no term covers (with `same_as` applied)."""
    spans = term_spans(kb)
    out = {}
    for state in spec.states:
        for role in ROLES:
            covered = [w for _, w, _ in spans.get((state, role), [])]
            for other, (lo, hi) in spec.same_as.get((state, role), []):
                covered += _clip((w for _, w, _ in spans.get(other, [])), lo, hi)
            merged = _merge(_clip(covered, spec.start, spec.end))
            out[(state, role)] = _complement(merged, spec.start, spec.end)
    return out


def undeclared(spec: Spec, holes: Mapping[tuple[str, str], list[Interval]]) -> list[str]:
    """Uncovered stretches longer than MAX_SILENT_GAP days that no declared gap contains."""
    problems = []
    for key, stretches in holes.items():
        declared = _merge(spec.gaps.get(key, []))
        for a, b in stretches:
            if (b - a).days + 1 <= MAX_SILENT_GAP:
                continue
            rest = _complement(_merge(_clip(declared, a, b)), a, b)
            if _days(rest) > 0:
                missing = ", ".join(f"{x}..{y}" for x, y in rest)
                problems.append(f"{key[0]} {key[1]}: {a} .. {b} not covered ({missing})")
    return problems


def overlaps(spec: Spec, kb: KnowledgeBase) -> list[str]:
    """Two persons holding one office of one state at once for more than MAX_HANDOVER days."""
    problems = []
    for (state, role), spans in term_spans(kb).items():
        if state not in kb.countries:
            continue
        spans = sorted(spans, key=lambda s: s[2])
        for i, (p, _, (a, b)) in enumerate(spans):
            for q, _, (c, d) in spans[i + 1 :]:
                if c > b:
                    break
                days = (min(b, d) - max(a, c)).days + 1
                if p != q and days > MAX_HANDOVER and (state, role, frozenset((p, q))) not in spec.overlaps:
                    problems.append(f"{state} {role}: {p} and {q} overlap {days} days from {max(a, c)}")
    return problems


def figures(spec: Spec, kb: KnowledgeBase) -> dict[str, Any]:
    holes = uncovered(spec, kb)
    total = (spec.end - spec.start).days + 1
    per_role = {}
    for role in ROLES:
        missing = sum(_days(holes[(s, role)]) for s in spec.states)
        per_role[role] = 1 - missing / (total * len(spec.states))
    n_gaps = len(spec.raw.get("gaps") or [])
    return {"states": len(spec.states), "per_role": per_role, "declared_gaps": n_gaps}


# ---------------------------------------------------------------------------------------------------


def test_spec_is_well_formed() -> None:
    spec = load_spec()
    kb = load_kb()
    for s in spec.states:
        assert s in kb.countries, s
    for e in spec.raw.get("gaps") or []:
        assert e["country"] in spec.states and e["role"] in ROLES, e
        assert _date(e["from"]) <= _date(e["to"]), e
        assert str(e.get("reason") or "").strip(), f"a declared gap needs a reason: {e}"
    for e in spec.raw.get("same_as") or []:
        assert e["role"] in ROLES and e["as"] in ROLES and str(e.get("reason") or "").strip(), e
    for e in spec.raw.get("overlaps") or []:
        assert all(p in kb.persons for p in e["persons"]) and str(e.get("reason") or "").strip(), e


def test_required_states_include_the_gold_dev_states(shared: Path) -> None:
    kb = load_kb()
    spec = load_spec()
    found = set()
    for f in (shared / "gold/dev").glob("*.json"):
        for ev in json.loads(f.read_text(encoding="utf-8")).get("events", []):
            for side in (ev.get("source"), ev.get("target")):
                for code in side if isinstance(side, list) else [side]:
                    country = kb.countries.get(code[:3]) if isinstance(code, str) else None
                    if country is not None and country.kind in ("state", "observer"):
                        found.add(country.iso3)
    assert found, "no gold dev events read"
    assert found <= set(spec.states), sorted(found - set(spec.states))


def test_every_office_is_covered_or_its_gap_declared() -> None:
    spec = load_spec()
    problems = undeclared(spec, uncovered(spec, load_kb()))
    assert not problems, "\n".join(problems[:40]) + f"\n({len(problems)} in all)"


def test_declared_gaps_are_not_stale() -> None:
    """A declared gap that the data now fills should be removed from coverage_gaps.yaml."""
    spec = load_spec()
    holes = uncovered(spec, load_kb())
    stale = []
    for key, declared in spec.gaps.items():
        for a, b in declared:
            if not _clip(holes.get(key, []), a, b):
                stale.append(f"{key[0]} {key[1]} {a}..{b}")
    assert not stale, stale


def test_no_two_holders_of_one_office_at_once() -> None:
    problems = overlaps(load_spec(), load_kb())
    assert not problems, "\n".join(problems)


def main() -> None:
    spec = load_spec()
    kb = load_kb()
    f = figures(spec, kb)
    print(f"required states: {f['states']}, period {spec.start} .. {spec.end}")
    for role, share in f["per_role"].items():
        print(f"  {role:20s} {share:7.1%} of state-days covered")
    print(f"declared gaps: {f['declared_gaps']}")
    problems = undeclared(spec, uncovered(spec, kb))
    print(f"undeclared gaps over {MAX_SILENT_GAP} days: {len(problems)}")
    for p in problems:
        print("  " + p)


if __name__ == "__main__":
    main()
