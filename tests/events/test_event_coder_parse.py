"""The coder's dependency-parse path: roles from UD relations (nsubj, obj, obl with its case, obl:agent,
nmod, conj, acl:relcl) when the language layer fills `Token.dep`/`Token.head`. The parses are set by hand
(UD Dutch conventions, as the Alpino/LassySmall treebanks annotate) on real news sentences, so the test
does not depend on a trained model; without `dep` the same sentences go through the position heuristics."""

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


NATO = {"Het bondgenootschap": ("NATO", "NATO", "organisation"), "Khaddafi's": ("LBY", "LBYGOV", "person")}
ONLY_LBY = {"Khaddafi's": ("LBY", "LBYGOV", "person")}
BOMBED: list[Arc] = [
    ("Het", 2, "det"),
    ("bondgenootschap", 3, "nsubj"),
    ("bombardeerde", 0, "root"),
    ("Khaddafi's", 5, "nmod:poss"),
    ("troepen", 3, "obj"),
    ("en", 7, "cc"),
    ("hielp", 3, "conj"),
    ("rebellen", 7, "obj"),
    ("bij", 11, "case"),
    ("hun", 11, "nmod:poss"),
    ("offensief", 7, "obl"),
    (".", 3, "punct"),
]
SUPPORTED: list[Arc] = [
    ("De", 2, "det"),
    ("overgangsregering", 4, "nsubj:pass"),
    ("wordt", 4, "aux:pass"),
    ("gesteund", 0, "root"),
    ("door", 6, "case"),
    ("Turkije", 4, "obl:agent"),
    ("en", 8, "cc"),
    ("Qatar", 6, "conj"),
    (".", 4, "punct"),
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
    # the subject names the actor: NATO bombs Libyan troops and helps rebels (conj shares the subject)
    (
        "Het bondgenootschap bombardeerde Khaddafi's troepen en hielp rebellen bij hun offensief.",
        NATO,
        BOMBED,
        {("NATO", "LBY", "19"), ("NATO", "LBY", "07")},
    ),
    # the subject is a phrase that names no actor: no guess from the genitive object
    (
        "Het bondgenootschap bombardeerde Khaddafi's troepen en hielp rebellen bij hun offensief.",
        ONLY_LBY,
        BOMBED,
        set(),
    ),
    # passive: obl:agent acts, nsubj:pass is acted upon; coordinated agents each give an event
    (
        "De overgangsregering wordt gesteund door Turkije en Qatar.",
        {
            "De overgangsregering": ("LBY", "LBYGOV", "government"),
            "Turkije": ("TUR", "TUR", "state"),
            "Qatar": ("QAT", "QAT", "state"),
        },
        SUPPORTED,
        {("TUR", "LBY", "05"), ("QAT", "LBY", "05")},
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
