"""The knowledge-base files: every file passes the schema check, and the check rejects bad data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dyad.actors import load_kb, lookup
from dyad.actors.kb import build_kb, data_files
from dyad.actors.lexicon import load_lexicon, parse_lexicon
from dyad.document import PartialDate
from dyad.errors import ConfigError
from dyad.lang.data import load_language_data


def test_every_data_file_loads_and_checks() -> None:
    kb = build_kb(data_files())
    assert len(kb.countries) == 213  # 193 UN members, 2 observers, 18 territories
    assert sum(c.kind == "state" for c in kb.countries.values()) == 193
    assert {"EU", "NATO", "UN", "WHO", "IMF", "WTO", "OPEC", "AU"} <= set(kb.organisations)
    assert len(kb.persons) > 350
    for p in kb.persons.values():
        assert p.terms, p.id
        for t in p.terms:
            assert t.start.year >= 1950 and (t.end is None or t.end.year <= 2026), p.id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_agent_files_check(language: str) -> None:
    lex = load_lexicon(language)
    assert lex.agents and lex.pronouns


def test_dutch_adjectives_inflect() -> None:
    lex = load_lexicon("nl")
    assert lex.inflect("Russisch") == ["Russisch", "Russische"]
    assert lex.inflect("Chinees") == ["Chinees", "Chinese"]
    assert lex.inflect("Brits") == ["Brits", "Britse"]


def _write(tmp_path: Path, data: object) -> list[tuple[str, object]]:
    p = tmp_path / "extra.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return [*data_files(), (p.name, p)]


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"countries": [{"iso3": "xx", "name": "X", "en": ["X"], "nl": ["X"]}]}, "three capital letters"),
        ({"countries": [{"iso3": "NLD", "name": "X", "en": ["X"], "nl": ["X"]}]}, "duplicate country"),
        (
            {"persons": [{"id": "p", "name": "P", "country": "NLD", "terms": [["king", "2000", None]]}]},
            "unknown role",
        ),
        (
            {
                "persons": [
                    {"id": "p", "name": "P", "country": "NLD", "terms": [["minister", "2001", "2000"]]}
                ]
            },
            "ends before it starts",
        ),
        ({"persons": [{"id": "p", "name": "P", "country": "ZZZ", "terms": []}]}, "unknown country"),
        (
            {"organisations": [{"code": "NLD", "name": "X", "cameo": "IGO", "en": ["X"], "nl": ["X"]}]},
            "clash",
        ),
        (
            {"ambiguous": [{"alias": "X", "default": "FOO", "options": [{"actor": "NLD", "cues": []}]}]},
            "default",
        ),
        ({"bodies": [{"id": "b", "name": "B", "country": "NLD", "agent": "XYZ"}]}, "unknown agent code"),
    ],
)
def test_schema_rejects(tmp_path: Path, bad: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_kb(_write(tmp_path, bad))


def test_lexicon_schema_rejects() -> None:
    data = dict(load_language_data("nl", "agents"))
    data["agents"] = [{"code": "XXX", "kind": "body", "forms": ["regering"]}]
    with pytest.raises(ConfigError, match="unknown agent code"):
        parse_lexicon("nl", data)


@pytest.mark.parametrize(
    "name, date, actor, role",
    [
        ("Blinken", "2021-03", "USAGOV", "foreign minister"),
        ("Trump", "2019-05-01", "USAGOV", "head of state"),
        ("Trump", "2022-06", "USAELI", None),
        ("Poetin", "2010", "RUSGOV", "head of government"),
        ("Sergej Lavrov", "2021-03", "RUSGOV", "foreign minister"),
        ("Theresa May", "2019-03-25", "GBRGOV", "head of government"),
        ("Theresa May", "2019-08", "GBRGOV", "minister"),  # no: she left office in July 2019
        ("het Witte Huis", None, "USAGOV", None),
        ("NAVO", None, "NATO", None),
        ("VN", None, "UN", None),
        ("Europa", None, "EU", None),  # "roept hij Europa op meer sancties af te kondigen"
        ("Raad van Europa", None, "COE", None),
    ],
)
def test_lookup(name: str, date: str | None, actor: str, role: str | None) -> None:
    if name == "Theresa May" and date == "2019-08":
        got = lookup(name, PartialDate.parse(date))
        assert got[0].actor == "GBRELI" and got[0].role is None
        return
    got = lookup(name, PartialDate.parse(date) if date else None)
    assert got, name
    assert got[0].actor == actor
    assert got[0].role == role
    d = got[0].to_dict()
    assert {"id", "name", "country", "actor", "role", "confidence"} <= set(d)


def test_lookup_ambiguous_lists_every_option() -> None:
    got = lookup("Brussel")
    assert [c.actor for c in got][:2] == ["EU", "BELGOV"]
    assert got[0].confidence > got[1].confidence


def test_month_precise_date_at_a_handover() -> None:
    kb = load_kb()
    # Boris Johnson took over from Theresa May on 2019-07-24: July 2019 is mostly May's.
    holders = kb.holders("GBR", "head_of_government", PartialDate(2019, 7))
    assert [p.id for p, _ in holders] == ["theresa_may", "boris_johnson"]
