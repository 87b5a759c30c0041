"""The wording index of the trigger matcher (`dyad.events.candidates.WordingIndex`): a clause tries a wording
exactly when the words the wording needs occur in it, and the index changes nothing of what matches (word
order, gaps, separable verbs, the order of the matches).

The lexicon here is a small one written for these tests, in a language without a lemma table, so that a
token's keys are its own form and the lemma given to it."""

from __future__ import annotations

import pytest

from dyad.document import Token
from dyad.events.candidates import Candidates, Clause, Match, Tok, Wording
from dyad.events.lexicon import compile_lexicon

LEXICON = compile_lexicon(
    "xx",
    {
        "particles": ["back"],
        "noun_endings": ["s"],
        "compound_endings": [],
        "infinitive_markers": ["to"],
        "triggers": [
            {"id": "threat", "cameo": "130", "verbs": ["threaten"], "nouns": ["threat"]},
            {"id": "recall", "cameo": "161", "verbs": ["back|call"]},
            {"id": "talks", "cameo": "043", "phrases": ["hold ... talks with", "open talks", "... talks"]},
            {"id": "meet", "cameo": "043", "verbs": ["meet"], "phrases": ["meet with", "hold talks"]},
        ],
    },
)


def _matcher() -> Candidates:
    return Candidates(LEXICON)


def _sentence(coder: Candidates, text: str) -> tuple[dict[int, Tok], list[Clause]]:
    """Tokens of a space-separated text, one clause; "word/lemma" gives a word its lemma."""
    toks: dict[int, Tok] = {}
    at = 0
    for i, item in enumerate(text.split()):
        word, _, lemma = item.partition("/")
        toks[i] = coder.tok(Token(i=i, start=at, end=at + len(word), text=word, lemma=lemma))
        at += len(word) + 1
    return toks, [Clause(0, len(toks))]


def _brute_force(coder: Candidates, toks: dict[int, Tok], clauses: list[Clause]) -> list[Match]:
    """Every wording of every trigger tried on every clause, without the index."""
    sentence_words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
    found: list[Match] = []
    for ci in range(len(clauses)):
        tails: list[list[Tok]] = []
        for trig in coder.lexicon.triggers:
            found += coder._trigger_matches(trig, toks, clauses, ci, sentence_words, tails)
    return found


def _needed_words_occur(wording: Wording, toks: dict[int, Tok]) -> bool:
    """The definition the index must follow: a verb's lemma (or a separable verb's base) among the tokens'
    lookup words, a noun or its plural among them, every word of a phrase among the tokens' forms and keys."""
    words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
    lookup = set().union(*(Candidates._lookup_words(t.lower, t.keys, t.compound) for t in toks.values()))
    word = wording.words[0]
    if wording.kind == "verb":
        return bool({word, word.rpartition("|")[2]} & lookup)
    if wording.kind == "noun":
        return bool({word, word + "s"} & lookup)
    return wording.needs <= words


SENTENCES = [
    "they hold/hold new talks/talk with the rebels",
    "they hold/hold new talks/talk",
    "talks/talk with them hold/hold",
    "the army threatened/threaten the town with threats/threat",
    "the government calls/call its envoy back",
    "the government decided to call/call back its envoy",
    "the president will meet/meet with the envoy and hold talks",
    "nothing happens here",
]


def test_index_words() -> None:
    index = _matcher().index
    by_text = {(w.kind, w.words): number for number, w in enumerate(index.wordings)}
    assert by_text[("verb", ("threaten",))] in index.by_lookup["threaten"]
    assert by_text[("noun", ("threat",))] in index.by_lookup["threat"] & index.by_lookup["threats"]
    recall = by_text[("verb", ("back|call",))]
    assert recall in index.by_lookup["back|call"] and recall in index.by_lookup["call"]
    # a phrase under one word: the one the fewest phrases share ("talks" is in four phrases)
    assert by_text[("phrase", ("hold", "...", "talks", "with"))] in index.by_word["hold"]
    assert by_text[("phrase", ("open", "talks"))] in index.by_word["open"]
    assert all(by_text[("phrase", ("hold", "...", "talks", "with"))] not in v for k, v in index.by_word.items()
               if k != "hold")
    # a phrase that opens with a gap never matches and is not indexed
    assert ("phrase", ("...", "talks")) not in by_text


def test_wordings_in_lexicon_order() -> None:
    """Numbered trigger by trigger: verbs, nouns, then phrases grouped by their first word."""
    index = _matcher().index
    listed = [(w.trigger, w.kind, " ".join(w.words)) for w in index.wordings]
    assert listed == [
        (0, "verb", "threaten"), (0, "noun", "threat"), (1, "verb", "back|call"),
        (2, "phrase", "hold ... talks with"), (2, "phrase", "open talks"),
        (3, "verb", "meet"), (3, "phrase", "meet with"), (3, "phrase", "hold talks"),
    ]
    assert index.of_trigger == {0: (0, 1), 1: (2,), 2: (3, 4), 3: (5, 6, 7)}


@pytest.mark.parametrize("text", SENTENCES)
def test_a_wording_is_tried_iff_its_words_occur(text: str) -> None:
    coder = _matcher()
    toks, clauses = _sentence(coder, text)
    tried = set(coder.clause_wordings(list(toks.values())))
    for number, wording in enumerate(coder.index.wordings):
        assert (number in tried) == _needed_words_occur(wording, toks), (text, wording)


@pytest.mark.parametrize("text", SENTENCES)
def test_index_finds_what_every_wording_finds(text: str) -> None:
    coder = _matcher()
    toks, clauses = _sentence(coder, text)
    assert coder.find(toks, clauses) == _brute_force(coder, toks, clauses)


def _found(text: str) -> list[tuple[str, str, list[int]]]:
    coder = _matcher()
    toks, clauses = _sentence(coder, text)
    return [(m.trigger.id, m.kind, m.tokens) for m in coder.find(toks, clauses)]


def test_gap_and_order() -> None:
    # a gap of up to eight words between "hold" and "talks"
    assert ("talks", "phrase", [1, 3, 4]) in _found("they hold/hold new talks/talk with the rebels")
    eight = " ".join(["long"] * 8)
    assert ("talks", "phrase", [1, 10, 11]) in _found(f"they hold/hold {eight} talks/talk with them")
    assert not any(t == "talks" for t, _, _ in _found(f"they hold/hold {eight} more talks/talk with them"))
    # all the words, in another order: the index tries the phrase, the matcher does not take it
    assert _found("talks/talk with them hold/hold") == []
    # a word missing: not tried, not found
    assert _found("they hold/hold new talks/talk") == []


def test_separable_verb_and_match_order() -> None:
    assert _found("the government calls/call its envoy back") == [("recall", "verb", [2, 5])]
    assert _found("the government decided to call/call back its envoy") == [("recall", "verb", [4, 5])]
    assert _found("the army threatened/threaten the town with threats/threat") == [
        ("threat", "verb", [2]), ("threat", "noun", [6]),
    ]
    # trigger by trigger in lexicon order, and within a trigger its verb before its phrases
    assert _found("the president will meet/meet with the envoy and hold talks") == [
        ("meet", "verb", [3]), ("meet", "phrase", [3, 4]), ("meet", "phrase", [8, 9]),
    ]
