"""Bounded work per article (issue 16): long texts are given to the language layer in pieces, long
sentences are cut, pronoun searches look back a bounded number of mentions; so time grows linearly with
the length of an article, and the documented 5 MB limit is the real one (not spaCy's 1,000,000)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import dyad.actors.resolver as resolver
from dyad.api import analyse
from dyad.document import Article, Document, Name, Sentence, Token
from dyad.pipeline import LANGUAGE_PIECE_CHARS, MAX_SENTENCE_TOKENS, MAX_TEXT_CHARS, bound_sentences, get_pipeline
from dyad.readers import MAX_TEXT_BYTES

WORDS = ["de", "minister", "van", "Buitenlandse", "Zaken", "sprak", "met", "hem", "over", "Rutte", "en", "zij",
         "zei", "dat", "hij", "Poetin", "zou", "bellen", "over", "de", "sancties", "tegen", "Rusland"]


def run_text(size: int) -> str:
    """Words with names and pronouns and no full stop: the input that took quadratic time."""
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < size:
        words.extend(WORDS)
    return " ".join(words)[:size].rsplit(" ", 1)[0]


def test_the_documented_limit_is_the_language_layers_limit() -> None:
    assert MAX_TEXT_CHARS >= MAX_TEXT_BYTES
    layer = get_pipeline("nl").stages[0][2]
    assert layer.nlp.max_length >= MAX_TEXT_BYTES


@pytest.mark.slow
def test_an_article_over_spacys_million_characters_is_analysed() -> None:
    """Issue 16: an ordinary 1.2 MB article failed with spaCy's [E088]. The language stage alone (the whole
    pipeline over 1.2 MB takes a minute or two)."""
    paragraph = "De minister van Buitenlandse Zaken bezocht Moskou. Hij sprak er met Lavrov over de sancties.\n\n"
    text = paragraph * (1_200_000 // len(paragraph) + 1)
    pipeline = get_pipeline("nl")
    doc = Document(article=Article(id="big", text=text, language="nl"), language="nl")
    stage, _name, layer = pipeline.stages[0]
    assert stage == "language"
    from dyad.pipeline import run_in_pieces

    run_in_pieces(layer, doc)
    assert len(doc.sentences) == 2 * (1_200_000 // len(paragraph) + 1)
    assert all(t.text == text[t.start:t.end] for t in doc.tokens[-50:])
    assert doc.names[-1].sentence == len(doc.sentences) - 1 and not doc.warnings


def test_pieces_give_what_the_whole_gives() -> None:
    paragraph = "Premier Rutte sprak dinsdag met president Zelensky over steun aan Oekraïne.\n\n"
    text = paragraph * (2 * LANGUAGE_PIECE_CHARS // len(paragraph) + 3)
    whole = Document(article=Article(id="w", text=text, language="nl"), language="nl")
    layer = get_pipeline("nl").stages[0][2]
    layer(whole)
    pieced = analyse(Article(id="p", text=text, language="nl"))
    key: Callable[[Any], tuple[Any, ...]] = lambda t: (t.i, t.start, t.end, t.text, t.head, t.dep)  # noqa: E731
    assert [key(t) for t in pieced.tokens] == [key(t) for t in whole.tokens]
    assert [(s.start, s.end) for s in pieced.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert [(n.start, n.end, n.sentence) for n in pieced.names] == [(n.start, n.end, n.sentence) for n in whole.names]


def test_a_long_sentence_is_cut_and_the_document_says_so() -> None:
    tokens = [Token(i, 2 * i, 2 * i + 1, "x") for i in range(1000)]
    doc = Document(article=Article(id="s", text="x " * 1000), tokens=tokens,
                   sentences=[Sentence(0, 0, 1999, 0, 1000)],
                   names=[Name(2 * 199, 2 * 201 + 1, 199, 202, "PER", 0),
                          Name(2 * 900, 2 * 900 + 1, 900, 901, "LOC", 0)])
    bound_sentences(doc)
    assert [(s.token_start, s.token_end) for s in doc.sentences] == [(0, 202), (202, 402), (402, 602), (602, 802),
                                                                     (802, 1000)]
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3, 4]
    assert [n.sentence for n in doc.names] == [0, 4]
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == 1999
    assert doc.warnings == [f"1 sentence over {MAX_SENTENCE_TOKENS} tokens cut into pieces of at most "
                            f"{MAX_SENTENCE_TOKENS} (dyad.pipeline.MAX_SENTENCE_TOKENS)"]


def test_pronoun_work_grows_linearly_with_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: 50 KB without a full stop took 1.8 s, 200 KB 105 s, in the pronoun antecedent search."""
    calls = {"n": 0}
    real = resolver._State._gender

    def counted(self: Any, m: Any) -> Any:
        calls["n"] += 1
        return real(self, m)

    monkeypatch.setattr(resolver._State, "_gender", counted)
    work = []
    for size in (10_000, 40_000):
        calls["n"] = 0
        doc = analyse(Article(id="run", text=run_text(size), language="nl"))
        assert any("MAX_SENTENCE_TOKENS" in w for w in doc.warnings)
        work.append(calls["n"])
    assert work[1] < 5 * work[0], work  # linear: about 4 times the work for 4 times the text
