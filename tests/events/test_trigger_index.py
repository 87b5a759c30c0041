"""The coder's trigger index is an optimisation only: on real Dutch text, `Candidates.find` (candidate triggers from
the index, phrases pre-checked against the clause's words) finds exactly what trying every trigger of the
lexicon on every clause finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.events.candidates import Candidates, Clause, Match, Tok
from dyad.events.lexicon import load_lexicon
from dyad.lang.layer import analyse_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLES = SHARED / "data" / "dpgmedia2019-nl" / "dpgMedia2019-articles-byarticle.jsonl"

#: sentences with verbs, separable verbs (joined and apart), compound nouns and phrases of the lexicon
TEXTS = [
    "Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug, nadat president Biden de "
    "Russische president Poetin een moordenaar had genoemd.",
    "De EU kondigde nieuwe handelssancties aan tegen Rusland; Washington heeft de sancties opgeheven.",
    "China zet de Duitse ambassadeur, Daniel Kriener, het land uit en roept op tot een staakt-het-vuren.",
    "Turkije dreigt met een militaire aanval op Syrië, waar de VS achter zitten, en ziet het als een aanval.",
    "Het staatsbezoek van Lavrov aan China werd uitgesteld; Beijing uitte scherpe kritiek op de VS.",
]


def _brute_force(coder: Candidates, toks: dict[int, Tok], clauses: list[Clause]) -> list[Match]:
    """The matching without the index: every trigger, in lexicon order, on every clause (no phrase
    pre-check against the clause's words)."""
    found: list[Match] = []
    sentence_words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
    for ci in range(len(clauses)):
        tails: list[list[Tok]] = []
        for trig in coder.lexicon.triggers:
            found += coder._trigger_matches(trig, toks, clauses, ci, sentence_words, tails)
    return found


def _texts() -> list[str]:
    texts = list(TEXTS)
    if ARTICLES.is_file():
        with ARTICLES.open(encoding="utf-8") as f:
            for _, line in zip(range(25), f, strict=False):
                text = json.loads(line).get("text") or ""
                if text:
                    texts.append(text)
    return texts


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_index_finds_what_every_trigger_finds(text: str) -> None:
    coder = Candidates(load_lexicon("nl"))
    doc = analyse_text(text)
    matches = 0
    for sent in doc.sentences:
        toks = {t.i: coder.tok(t) for t in doc.sentence_tokens(sent.index)}
        clauses = coder._clauses(doc, sent.token_start, sent.token_end, toks)
        fast = coder.find(toks, clauses)
        assert fast == _brute_force(coder, toks, clauses)
        matches += len(fast)
    if text in TEXTS:
        assert matches > 0
