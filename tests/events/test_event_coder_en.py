"""English lexicon (dyad/lang/en/events.yaml, agents.yaml) through the whole English pipeline: one constructed
news sentence per CAMEO category or English construction the lexicon covers, and sentences that must code
nothing (month names, objects that merely name an entry's word)."""

from __future__ import annotations

from typing import Any

import pytest

import dyad


def _events(text: str) -> list[dict[str, Any]]:
    return list(dyad.extract(text, published="2020-01-01", language="en").events)


def _has(events: list[dict[str, Any]], code: str, src: str, tgt: str) -> bool:
    return any(
        e["cameo"].startswith(code) and e["source"]["country"] == src and e["target"]["country"] == tgt
        for e in events
    )


# (sentence, CAMEO code prefix, source country, target country)
CASES: list[tuple[str, str, str, str]] = [
    # passive only with a participle after the auxiliary: a copula or a progressive keeps the subject
    ("Israel was attacked by Hamas.", "19", "PSE", "ISR"),
    ("The Iranian ambassador was expelled by France.", "161", "FRA", "IRN"),
    ("China has been pressuring Taiwan.", "10", "CHN", "TWN"),
    ("Syria is willing to withdraw its troops from Lebanon.", "03", "SYR", "LBN"),
    # a quantity subject after an article
    ("A group of Moroccan diplomats held a meeting with President Obama.", "04", "MAR", "USA"),
    # an English particle stands before the object
    ("Egypt called off the talks with Israel.", "16", "EGY", "ISR"),
    # 03: coordinated subjects of "agree" act on each other; accepting arbitration is 038
    ("France and Egypt agreed to hold talks.", "030", "EGY", "FRA"),
    ("France and Egypt agree that the dispute should be resolved by arbitration.", "03", "FRA", "EGY"),
    # 07: donations and relief goods
    ("The United States donated $5 million to Haiti.", "070", "USA", "HTI"),
    ("Japan sent food and medicine to North Korea.", "073", "JPN", "PRK"),
    # 08: easing a curfew in a place, easing sanctions on a state, backing down, phrasal "pull ... out"
    ("Serbia lifted the curfew in Montenegro.", "081", "SRB", "MNE"),
    ("The EU lifted sanctions on Iran.", "085", "EU", "IRN"),
    ("Russia pulled its troops out of Georgia.", "0874", "RUS", "GEO"),
    # 10: pressure is a demand and absorbs the act it asks for
    ("Turkey pressured Sweden to extradite the activists.", "100", "TUR", "SWE"),
    # 12: phrasal rejections and the requester after "by"/"from"
    ("Iran turned down an offer of talks from the United States.", "125", "IRN", "USA"),
    ("Russia ruled out talks with Ukraine.", "125", "RUS", "UKR"),
    ("Germany rejected calls by Belarus's rulers for economic aid.", "122", "DEU", "BLR"),
    # 14: stone throwing is a violent protest
    ("Palestinian youths threw stones at Israeli soldiers.", "145", "PSE", "ISR"),
    # 16: forcing an agency out
    ("Indonesia forced the UN refugee agency out of the country.", "166", "IDN", "UNHCR"),
    # 18: "shot dead"
    ("Israeli troops shot dead two Palestinians.", "1823", "ISR", "PSE"),
    # a quantity or "members of" before the actor: the actor is the subject
    ("Thousands of Palestinians protested against Israel.", "141", "PSE", "ISR"),
    ("Dozens of Afghan soldiers attacked Pakistan.", "190", "AFG", "PAK"),
    ("Members of the Iraqi parliament criticized Turkey.", "111", "IRQ", "TUR"),
    # "attack": a person in words, a state or its forces with arms
    ("Trump attacked Merkel over her refugee policy.", "111", "USA", "DEU"),
    ("Russia attacked Ukraine.", "190", "RUS", "UKR"),
    ("Israeli jets struck targets in Syria overnight.", "190", "ISR", "SYR"),
    ("China warned the United States against interfering in Hong Kong.", "111", "CHN", "USA"),
    ("Iran seized a British tanker in the Strait of Hormuz.", "1711", "IRN", "GBR"),
    ("Venezuela broke diplomatic relations with Colombia.", "161", "VEN", "COL"),
]


@pytest.mark.parametrize(("text", "code", "src", "tgt"), CASES, ids=[c[0][:40] for c in CASES])
def test_english_entry(text: str, code: str, src: str, tgt: str) -> None:
    events = _events(text)
    assert _has(events, code, src, tgt), [(e["cameo"], e["source"], e["target"]) for e in events]


def test_pressure_absorbs_the_act_it_asks_for() -> None:
    events = _events("Turkey pressured Sweden to extradite the activists.")
    assert not any(e["cameo"].startswith("063") for e in events)


def test_where_opens_a_clause() -> None:
    # the passive of the relative clause ("have been killed") is not the main clause's voice
    events = _events("Serbia lifted a night curfew in Montenegro where 28 people have been killed in riots.")
    assert _has(events, "081", "SRB", "MNE")


@pytest.mark.parametrize(
    "text",
    [
        "Japan's exports to China rose sharply in March.",
        "Saudi Arabia has mobilized pressure groups in the United States.",
    ],
)
def test_no_event(text: str) -> None:
    assert not [e for e in _events(text) if e["cameo"][:2] in {"10", "14"}]


def test_new_agent_nouns() -> None:
    ex = dyad.extract(
        "Radical French farmers and Burundian militiamen met Algerian landowners and Iraqi students.",
        published="2020-01-01",
        language="en",
    )
    actors = {m["actor"] for m in ex.mentions}
    assert {"FRAAGR", "BDIREB", "DZACVL", "IRQEDU"} <= actors
