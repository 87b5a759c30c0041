"""Cross-check of the office-holders against the PETRARCH2 Phoenix country actor dictionary (shared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyad.actors.kb import KnowledgeBase, norm
from dyad.actors.phoenix import PhoenixEntry, phrase_index, read_actors_file
from dyad.document import PartialDate

#: Phoenix.Countries.actors.txt was generated from CountryInfo.140130: compare up to then.
LAST = dt.date(2014, 1, 1)


def _state(code: str) -> bool:
    """Whether a CAMEO code is a state sector (government, legislature, military, judiciary, ...)."""
    agents = code[3:]
    return any(
        agents[i : i + 3] in ("GOV", "LEG", "MIL", "JUD", "SPY", "COP") for i in range(0, len(agents), 3)
    )


def disagreements(kb: KnowledgeBase, phoenix_file: Path) -> dict[str, list[str]]:
    """Per person id: the months (2000-01 .. 2013-12) where Phoenix gives another country, or GOV where
    we do not (or the reverse). Persons without a Phoenix entry are skipped."""
    index = phrase_index(read_actors_file(phoenix_file))
    folded = {norm(k): v for k, v in index.items()}
    out: dict[str, list[str]] = {}
    for p in kb.persons.values():
        entries: list[PhoenixEntry] = []
        for name in (p.name, *p.aliases):
            entries.extend(e for e in folded.get(norm(name), []) if e not in entries)
        if not entries:
            continue
        bad: list[str] = []
        d = dt.date(2000, 1, 1)
        while d < LAST:
            theirs = next((c for c in (e.code_at(d) for e in entries) if c), None)
            if theirs and len(theirs) >= 3 and theirs[:3].isalpha():
                ours = p.actor(PartialDate(d.year, d.month, d.day))[0].code
                if ours[:3] == theirs[:3] and ours[3:] == "ELI" and _state(theirs):
                    pass  # an office the KB does not record (coverage, see the persons_*.yaml headers)
                elif ours[:3] != theirs[:3] or _state(ours) != _state(theirs):
                    bad.append(f"{d:%Y-%m}: ours {ours}, Phoenix {theirs}")
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        if bad:
            out[p.id] = bad
    return out
