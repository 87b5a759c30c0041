"""The coder's dependency-parse path: roles from UD relations (nsubj, obj, obl with its case, obl:agent,
nmod, conj, acl:relcl) when the language layer fills `Token.dep`/`Token.head`. The parses are set by hand
(UD Dutch conventions, as the Alpino/LassySmall treebanks annotate) on news-style sentences written for
each construction, so the test does not depend on a trained model; without `dep` the same sentences go
through the position heuristics."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyad.document import Document
from dyad.events.coder import LexiconCoder

Arc = tuple[str, int, str]  # form, head (1-based, 0 = root), UD relation


def parse(doc: Document, arcs: list[Arc]) -> Document:
    """Set head and dep of the doc's tokens from CoNLL-style arcs (one sentence)."""
    tokens = [t for t in doc.tokens if t.text.strip()]
    assert [t.text for t in tokens] == [a[0] for a in arcs]
    base = tokens[0].i
    for tok, (_, head, dep) in zip(tokens, arcs, strict=True):
        tok.head = base + head - 1 if head else -1
        tok.dep = dep
    return doc


ALLIANCE = {
    "De alliantie": ("NATO", "NATO", "organisation"),
    "Milosevics": ("SRB", "SRBGOV", "person"),
    "Kosovo": ("XKX", "XKX", "state"),
}
NO_ALLIANCE = {"Milosevics": ("SRB", "SRBGOV", "person"), "Kosovo": ("XKX", "XKX", "state")}
BOMBED_AND_SENT: list[Arc] = [
    ("De", 2, "det"),
    ("alliantie", 3, "nsubj"),
    ("bombardeerde", 0, "root"),
    ("Milosevics", 5, "nmod:poss"),
    ("troepen", 3, "obj"),
    ("en", 7, "cc"),
    ("stuurde", 3, "conj"),
    ("hulp", 7, "obj"),
    ("naar", 10, "case"),
    ("Kosovo", 7, "obl"),
    (".", 3, "punct"),
]
BOMBED_AND_SENT_RELIEF: list[Arc] = [
    ("De", 2, "det"),
    ("alliantie", 3, "nsubj"),
    ("bombardeerde", 0, "root"),
    ("Milosevics", 5, "nmod:poss"),
    ("troepen", 3, "obj"),
    ("en", 7, "cc"),
    ("stuurde", 3, "conj"),
    ("humanitaire", 9, "amod"),
    ("hulp", 7, "obj"),
    ("naar", 11, "case"),
    ("Kosovo", 7, "obl"),
    (".", 3, "punct"),
]
BOMBED_AND_BACKED: list[Arc] = [
    ("De", 2, "det"),
    ("alliantie", 3, "nsubj"),
    ("bombardeerde", 0, "root"),
    ("Milosevics", 5, "nmod:poss"),
    ("troepen", 3, "obj"),
    ("en", 7, "cc"),
    ("steunde", 3, "conj"),
    ("de", 10, "det"),
    ("Kosovaarse", 10, "amod"),
    ("rebellen", 7, "obj"),
    (".", 3, "punct"),
]
SUPPORTED: list[Arc] = [
    ("Het", 2, "det"),
    ("leger", 7, "nsubj:pass"),
    ("van", 4, "case"),
    ("Myanmar", 2, "nmod"),
    ("wordt", 7, "aux:pass"),
    ("openlijk", 7, "advmod"),
    ("gesteund", 0, "root"),
    ("door", 9, "case"),
    ("Rusland", 7, "obl:agent"),
    ("en", 11, "cc"),
    ("China", 9, "conj"),
    (".", 7, "punct"),
]
CRITICISED: list[Arc] = [
    ("Blinken", 2, "nsubj"),
    ("uitte", 0, "root"),
    ("scherpe", 4, "amod"),
    ("kritiek", 2, "obj"),
    ("op", 7, "case"),
    ("het", 7, "det"),
    ("optreden", 4, "nmod"),
    ("van", 9, "case"),
    ("China", 7, "nmod"),
    (".", 2, "punct"),
]
PRONOUN: list[Arc] = [("Hij", 2, "nsubj"), ("bekritiseerde", 0, "root"), ("China", 2, "obj"), (".", 2, "punct")]

CASES = [
    # the subject names the actor: the alliance bombs Serbian troops and sends aid to Kosovo (the conj
    # shares the subject; the aid goes to the obl with "naar")
    (
        "De alliantie bombardeerde Milosevics troepen en stuurde hulp naar Kosovo.",
        ALLIANCE,
        BOMBED_AND_SENT,
        {("NATO", "SRB", "19"), ("NATO", "XKX", "07")},
    ),
    # the same with a verb trigger in the second conjunct: its object is the target
    (
        "De alliantie bombardeerde Milosevics troepen en steunde de Kosovaarse rebellen.",
        {**ALLIANCE, "de Kosovaarse rebellen": ("XKX", "XKXREB", "group")},
        BOMBED_AND_BACKED,
        {("NATO", "SRB", "19"), ("NATO", "XKX", "05")},
    ),
    # the subject is a phrase that names no actor: no guess from the genitive object
    (
        "De alliantie bombardeerde Milosevics troepen en stuurde hulp naar Kosovo.",
        NO_ALLIANCE,
        BOMBED_AND_SENT,
        set(),
    ),
    pytest.param(
        "De alliantie bombardeerde Milosevics troepen en stuurde humanitaire hulp naar Kosovo.",
        ALLIANCE,
        BOMBED_AND_SENT_RELIEF,
        {("NATO", "SRB", "19"), ("NATO", "XKX", "07")},
        marks=pytest.mark.xfail(
            reason="a phrase trigger that is the object of a verb ('stuurde humanitaire hulp', aid_humanitarian) "
            "is taken as its own predicate: the parse path does not climb to 'stuurde', so the 'naar' obl is "
            "not its target and the position heuristics take the genitive of the first conjunct (Milosevics)",
            strict=True,
        ),
        id="phrase-trigger-object-of-a-conjoined-verb",
    ),
    # passive: obl:agent acts, nsubj:pass is acted upon; coordinated agents each give an event
    (
        "Het leger van Myanmar wordt openlijk gesteund door Rusland en China.",
        {
            "Het leger van Myanmar": ("MMR", "MMRMIL", "military"),
            "Rusland": ("RUS", "RUS", "state"),
            "China": ("CHN", "CHN", "state"),
        },
        SUPPORTED,
        {("RUS", "MMR", "05"), ("CHN", "MMR", "05")},
    ),
    # nominal trigger: source is the subject of the light verb, target the owner inside "kritiek op ..."
    (
        "Blinken uitte scherpe kritiek op het optreden van China.",
        {"Blinken": ("USA", "USAGOV", "person"), "China": ("CHN", "CHN", "state")},
        CRITICISED,
        {("USA", "CHN", "11")},
    ),
    # an unresolved pronoun subject: the object is not promoted to source
    ("Hij bekritiseerde China.", {"China": ("CHN", "CHN", "state")}, PRONOUN, set()),
]


@pytest.mark.parametrize(("text", "actors", "arcs", "expected"), CASES)
def test_roles_from_parse(
    make_doc: Callable[..., Document],
    text: str,
    actors: dict[str, tuple[str, str, str]],
    arcs: list[Arc],
    expected: set[tuple[str, str, str]],
) -> None:
    doc = parse(make_doc(text, actors), arcs)
    LexiconCoder("nl")(doc)
    got = {(e.source.country, e.target.country, e.cameo[:2]) for e in doc.events}
    assert got == expected, [(e.rule, e.trigger, e.source.name, e.target.name) for e in doc.events]


def test_parse_decides_over_position(make_doc: Callable[..., Document]) -> None:
    """Object-first order: the parse says China is the object, the position would make it the subject."""
    text = "China bekritiseerde de Amerikaanse regering."
    actors = {"China": ("CHN", "CHN", "state"), "de Amerikaanse regering": ("USA", "USAGOV", "government")}
    plain = make_doc(text, actors)
    LexiconCoder("nl")(plain)
    assert {(e.source.country, e.target.country) for e in plain.events} == {("CHN", "USA")}
    arcs: list[Arc] = [
        ("China", 2, "obj"),  # topicalised object, as a parser may read it
        ("bekritiseerde", 0, "root"),
        ("de", 5, "det"),
        ("Amerikaanse", 5, "amod"),
        ("regering", 2, "nsubj"),
        (".", 2, "punct"),
    ]
    parsed = parse(make_doc(text, actors), arcs)
    LexiconCoder("nl")(parsed)
    assert {(e.source.country, e.target.country) for e in parsed.events} == {("USA", "CHN")}
