"""Score dyad's English pipeline on public English gold: root + dyad matching, per sentence.

Gold sets (read-only, under ``../shared/data``):

- ``petrarch``: ``petrarch2/text/PETR.UnitTest.records.xml``, the PETRARCH2 validation records. Each
  ``<Sentence>`` has ``<EventCoding sourcecode= targetcode= eventcode=>`` elements (or ``noevents="True"``:
  the sentence must yield no event). Most records use fictional placeholder actors (Arnor, Gondor, ...) from
  the validation dictionaries, which no real-world coder can resolve; only records whose every coding names
  real actors (a state known to dyad's country table, or an IGO/NGO code) are scored, and ``noevents``
  records are scored for false positives. Codings with an ``error=`` attribute are skipped.
- ``plover``: ``plover/gold_standard_records/PLOVER_GSR_CAMEO.txt``, a JSON array of 322 English
  sentences from the CAMEO manual, coded in PLOVER 0.5b1 (event type, source and target actor lists). The
  gold CAMEO roots of a record are the roots of every CAMEO code the CAMEO2PLOVER-2021 table maps to its
  PLOVER type (``PLOVER_ROOTS`` below; 0.5b1 names the 2021 table lacks are mapped by hand there). A record
  whose actors are not all real is dropped, as above.

Matching, per sentence (one sentence is one dyad article; the record date is the publication date):

- A gold actor code is compared by its first three letters (``USAGOV`` -> ``USA``; CAMEO's few non-ISO
  country codes such as ``JAP`` are mapped to ISO, see ``CODE_ALIASES``). A dyad actor's key is the first
  three letters of its CAMEO actor code when that is an IGO/NGO/IMG code, the CAMEO prefix of an
  organisation (``UN`` -> ``IGO``, from dyad's organisations.yaml), else its country.
- A predicted event is the triple (CAMEO root, source key, target key) of a dyad event; duplicates within a
  sentence count once. CAMEO has no factuality: it codes an announced cooperative act ("will visit",
  "will provide aid") as 03 and an announced act of force as 13, where dyad codes the act with factuality
  ``possible``; so a ``possible`` event of roots 04-08 is scored as 03 and one of roots 15-20 as 13
  (``intent_root``). Otherwise factuality is not part of the match.
- A gold event matches a predicted event when the predicted root is one of the gold roots and the source
  key is one of the gold source keys and the target key is one of the gold target keys. A PLOVER record
  with no target: if it lists two or more sources (reciprocal "SRC/TAR" actors: "Israel and Jordan
  agreed"), the targets are the same set (source != target); with one source, any target is accepted.
- precision = predicted events that match some gold event / predicted events; recall = gold events
  matched by some predicted event / gold events; F1 their harmonic mean. ``noevents`` sentences add no
  gold events, so any event predicted there is a false positive.
- ``root_accuracy`` = share of gold events for which dyad codes any event with a gold root, whatever the
  actors (how often the vocabulary finds the right kind of event).

Split: a record is ``dev`` when ``zlib.crc32(record_id) % 2 == 0``, else ``heldout``. The dev half is the
one to look at while improving ``dyad/lang/en/*.yaml``; the held-out half is scored only to report.

Usage::

    .venv/bin/python benchmarks/eval_en.py [--split dev|heldout|all] [--source petrarch|plover|all]
                                           [--limit N] [--show misses|all]

Progress and the per-source breakdown go to stderr; the last line of stdout is one JSON object with
``precision``, ``recall``, ``f1``, ``root_accuracy``, ``count`` (sentences scored), ``gold``, ``predicted``
and per-source blocks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PETRARCH = SHARED / "petrarch2" / "text" / "PETR.UnitTest.records.xml"
PLOVER = SHARED / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
CAMEO2PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"

#: CAMEO country codes that differ from ISO 3166 alpha-3 (dyad's country keys), as used in the gold files.
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "UKG": "GBR"}
#: Non-state codes scored as such: a dyad actor whose CAMEO code starts with one matches it.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC"})
#: PLOVER 0.5b1 type names of the GSR that the 2021 table renamed or split: their CAMEO roots.
RENAMED = {
    "DEMAND": ("10",),
    "DISAPPROVE": ("11",),
    "INVESTIGATE": ("09",),
    "FIGHT": ("19",),
}


def split_of(record_id: str) -> str:
    return "dev" if zlib.crc32(record_id.encode("utf-8")) % 2 == 0 else "heldout"


@cache
def plover_roots() -> dict[str, frozenset[str]]:
    """PLOVER type -> CAMEO roots, from CAMEO2PLOVER-2021.txt (``CODE: TYPE, mode, context # name``)."""
    out: dict[str, set[str]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4})\s*:\s*([A-Za-z_]+)", line.split("#", 1)[0])
        if m:
            out.setdefault(m.group(2).upper(), set()).add(m.group(1)[:2])
    for name, roots in RENAMED.items():
        out[name] = set(roots)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def known_countries() -> frozenset[str]:
    path = ROOT / "src" / "dyad" / "actors" / "data" / "countries.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("countries", []) if isinstance(data, dict) else data
    return frozenset(str(e["iso3"]) for e in entries if isinstance(e, dict) and "iso3" in e)


def gold_key(code: str) -> str | None:
    """The scoring key of a gold actor code, or None when it names no real actor dyad could know."""
    key = code.strip().upper()[:3]
    key = CODE_ALIASES.get(key, key)
    if key in NON_STATE or key in known_countries():
        return key
    return None


@dataclass(frozen=True)
class GoldEvent:
    roots: frozenset[str]
    sources: frozenset[str]
    targets: frozenset[str] | None  # None: any target


@dataclass
class Record:
    id: str
    source: str  # petrarch | plover
    text: str
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.id)


def _iso_date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    if raw and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return raw
    return None


def load_petrarch(path: Path = PETRARCH) -> tuple[list[Record], int]:
    """Scoreable PETRARCH2 records and the number dropped for fictional actors or errors."""
    root = ET.parse(path).getroot()
    out: list[Record] = []
    dropped = 0
    for s in root.iter("Sentence"):
        text_el = s.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        rid = s.get("id") or ""
        codings = s.findall("EventCoding")
        if not text or not rid:
            continue
        rec = Record(rid, "petrarch", text, _iso_date(s.get("date")))
        ok = True
        for c in codings:
            if c.get("error"):
                ok = False
                break
            if (c.get("noevents") or "").lower() == "true":
                continue
            src, tgt, code = c.get("sourcecode") or "", c.get("targetcode") or "", c.get("eventcode") or ""
            sk, tk = gold_key(src), gold_key(tgt)
            if sk is None or tk is None or not re.fullmatch(r"\d{3,4}", code):
                ok = False
                break
            rec.events.append(GoldEvent(frozenset({code[:2]}), frozenset({sk}), frozenset({tk})))
        noevents = (s.get("noevents") or "").lower() == "true" or any(
            (c.get("noevents") or "").lower() == "true" for c in codings
        )
        if ok and (rec.events or noevents):
            out.append(rec)
        else:
            dropped += 1
    return out, dropped


def _actor_codes(value: Any) -> list[str] | None:
    """Codes of a GSR actor list; None when an actor is not a real one."""
    if not isinstance(value, list):
        return []
    keys: list[str] = []
    for a in value:
        code = a.get("code") if isinstance(a, dict) else None
        key = gold_key(code) if isinstance(code, str) else None
        if key is None:
            return None
        keys.append(key)
    return keys


def load_plover(path: Path = PLOVER) -> tuple[list[Record], int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    roots = plover_roots()
    out: list[Record] = []
    dropped = 0
    for r in data:
        if not isinstance(r, dict) or r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        sources = _actor_codes(r.get("source"))
        targets = _actor_codes(r.get("target"))
        event_roots = roots.get(str(r.get("event", "")).upper())
        if not sources or targets is None or not event_roots:
            dropped += 1
            continue
        if targets:
            tset: frozenset[str] | None = frozenset(targets)
        elif len(set(sources)) >= 2:
            tset = frozenset(sources)
        else:
            tset = None
        rec = Record(str(r["id"]), "plover", " ".join(str(r["text"]).split()), _iso_date(r.get("date")))
        rec.events.append(GoldEvent(event_roots, frozenset(sources), tset))
        out.append(rec)
    return out, dropped


def load(source: str = "all") -> tuple[list[Record], dict[str, int]]:
    records: list[Record] = []
    dropped: dict[str, int] = {}
    if source in ("petrarch", "all"):
        recs, n = load_petrarch()
        records += recs
        dropped["petrarch"] = n
    if source in ("plover", "all"):
        recs, n = load_plover()
        records += recs
        dropped["plover"] = n
    return records, dropped


@cache
def organisation_codes() -> dict[str, str]:
    """dyad organisation code -> its CAMEO code prefix (``UN`` -> ``IGO``), from organisations.yaml."""
    path = ROOT / "src" / "dyad" / "actors" / "data" / "organisations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("organisations", []) if isinstance(data, dict) else data
    out: dict[str, str] = {}
    for e in entries or []:
        if isinstance(e, dict) and e.get("code") and e.get("cameo"):
            out[str(e["code"]).upper()] = str(e["cameo"]).upper()[:3]
    return out


def actor_key(ref: dict[str, Any]) -> str | None:
    code = (ref.get("actor") or "").upper()
    if code[:3] in NON_STATE:
        return code[:3]
    if code in organisation_codes():
        return organisation_codes()[code]
    country = ref.get("country")
    return str(country) if country else None


def intent_root(root: str, factuality: str) -> str:
    """CAMEO codes an announced cooperative act as 03 (express intent to cooperate) and an announced
    conflictual act as 13 (threaten); dyad codes the act itself with factuality "possible"."""
    if factuality == "possible" and "04" <= root <= "08":
        return "03"
    if factuality == "possible" and "15" <= root <= "20":
        return "13"
    return root


def predict(text: str, date: str | None) -> list[tuple[str, str | None, str | None, dict[str, Any]]]:
    """dyad's events for one sentence as (root, source key, target key, event record)."""
    import dyad

    ex = dyad.extract(text, published=date, language="en")
    out = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for e in ex.events:
        root = intent_root(e["cameo"][:2], str(e.get("factuality", "")))
        triple = (root, actor_key(e["source"]), actor_key(e["target"]))
        if triple not in seen:
            seen.add(triple)
            out.append((*triple, e))
    return out


def matches(g: GoldEvent, root: str, src: str | None, tgt: str | None) -> bool:
    if root not in g.roots or src not in g.sources:
        return False
    if g.targets is None:
        return tgt is not None and tgt != src
    if g.targets == g.sources and len(g.sources) > 1:  # reciprocal: one of them acts on another
        return tgt in g.targets and tgt != src
    return tgt in g.targets


@dataclass
class Tally:
    count: int = 0
    gold: int = 0
    predicted: int = 0
    tp_pred: int = 0
    tp_gold: int = 0
    root_hits: int = 0

    def add(self, other: Tally) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def to_dict(self) -> dict[str, float | int]:
        p = self.tp_pred / self.predicted if self.predicted else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "root_accuracy": round(self.root_hits / self.gold, 4) if self.gold else 0.0,
            "count": self.count,
            "gold": self.gold,
            "predicted": self.predicted,
        }


def score_record(rec: Record) -> tuple[Tally, list[tuple[str, str | None, str | None, dict[str, Any]]]]:
    pred = predict(rec.text, rec.date)
    t = Tally(count=1, gold=len(rec.events), predicted=len(pred))
    t.tp_pred = sum(any(matches(g, r, s, tg) for g in rec.events) for r, s, tg, _ in pred)
    t.tp_gold = sum(any(matches(g, r, s, tg) for r, s, tg, _ in pred) for g in rec.events)
    t.root_hits = sum(any(r in g.roots for r, _, _, _ in pred) for g in rec.events)
    return t, pred


def evaluate(records: Sequence[Record], show: str | None = None) -> dict[str, Any]:
    """Score records; the overall block plus one block per gold source."""
    total = Tally()
    per: dict[str, Tally] = {}
    for rec in records:
        t, pred = score_record(rec)
        total.add(t)
        per.setdefault(rec.source, Tally()).add(t)
        if show == "all" or (show == "misses" and (t.tp_gold < t.gold or t.tp_pred < t.predicted)):
            gold = "; ".join(
                f"{'/'.join(sorted(g.roots))} {','.join(sorted(g.sources))}->"
                f"{','.join(sorted(g.targets)) if g.targets is not None else '*'}"
                for g in rec.events
            ) or "none"
            got = "; ".join(f"{r} {s}->{tg} [{e['trigger']}|{e['rule']}|{e['factuality']}]" for r, s, tg, e in pred)
            print(f"{rec.id}\n  {rec.text}\n  gold: {gold}\n  dyad: {got or 'none'}", file=sys.stderr)
    out: dict[str, Any] = total.to_dict()
    for name, t in sorted(per.items()):
        out[name] = t.to_dict()
    return out


def select(records: Iterable[Record], split: str, limit: int | None = None) -> list[Record]:
    chosen = [r for r in records if split == "all" or r.split == split]
    return chosen[:limit] if limit else chosen


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all", "both"], default="both")
    ap.add_argument("--source", choices=["petrarch", "plover", "all"], default="all")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", choices=["misses", "all"], default=None)
    args = ap.parse_args(argv)
    records, dropped = load(args.source)
    t0 = time.perf_counter()
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    result: dict[str, Any] = {}
    for sp in splits:
        chosen = select(records, sp, args.limit)
        result[sp] = evaluate(chosen, args.show)
        print(f"{sp}: {json.dumps(result[sp])}", file=sys.stderr)
    if len(splits) == 1:
        result = result[splits[0]]
    result["dropped"] = dropped
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
