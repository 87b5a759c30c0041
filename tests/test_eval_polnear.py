"""The PolNeAR scorer of benchmarks/eval_polnear.py on toy data written for these tests (no PolNeAR text)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module("eval_polnear")
    finally:
        sys.path.remove(str(BENCHMARKS))


TEXT = '“We will lower taxes,” Mayor Ann Holt said. Holt added that the budget would balance next year.'


def _ann(text: str) -> str:
    """A BRAT file over TEXT: a direct attribution with a discontinuous content and an indirect one."""
    a = text.index("“")
    b = text.index("”") + 1
    src = text.index("Mayor")
    c = text.index("the budget")
    lines = [
        f"T1\tSource {src} {src + len('Mayor Ann Holt')}\tMayor Ann Holt",
        f"T2\tCue {b + 1} {b + 5}\tsaid",
        f"T3\tContent {a} {b}\t{text[a:b]}",
        f"T4\tAttribution {b + 1} {b + 5}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {text.index('Holt added')} {text.index('Holt added') + 4}\tHolt",
        f"T6\tContent {c} {len(text) - 1};{c} {c + 3}\tx",
        "E2\tAttribution:T4 Content:T6 Source:T5 Cue:T2",
    ]
    return "\n".join(lines) + "\n"


def test_parse_ann_reads_contents_sources_and_discontinuous_spans(ev: ModuleType) -> None:
    gold = ev.parse_ann(_ann(TEXT), TEXT)
    assert [g.source for g in gold] == ["Mayor Ann Holt", "Holt"]
    assert gold[0].direct and not gold[1].direct
    assert gold[1].content == "the budget would balance next year the"


def test_source_head_and_speaker_condition(ev: ModuleType) -> None:
    assert ev.source_head("Josh Park, the city's press secretary,") == "Josh Park"
    assert ev.source_head("an aide who asked not to be named") == "an aide"
    assert ev.source_matches("Josh Park, the city's press secretary,", {"name": "Mr. Park"})
    assert not ev.source_matches("Josh Park, the city's press secretary,", {"name": "Parker"})
    assert ev.source_matches("Holt’s office", {"name": "the mayor's office"})
    assert ev.source_matches("she", {"name": "Anyone"})
    assert ev.source_matches("", {"name": "Anyone"})
    assert not ev.source_matches("she", None)


def test_the_speaker_words_of_the_record_count_beside_its_name(ev: ModuleType) -> None:
    speaker = {"name": "Ann Holt", "phrase": "the county mayor"}
    assert ev.source_matches("the county mayor", speaker)
    assert ev.source_matches("Mayor Ann Holt", speaker)
    assert not ev.source_matches("the county clerk", speaker)
    assert ev.source_matches("the Kremlin", {"name": "Moscow", "actor": "RUSGOV", "country": "RUS"}) is False


def test_score_article_counts_all_and_direct_one_to_one(ev: ModuleType) -> None:
    gold = ev.parse_ann(_ann(TEXT), TEXT)
    a = TEXT.index("We")
    quote = {"text": "We will lower taxes", "start": a, "end": a + len("We will lower taxes"),
             "speaker": {"name": "Ann Holt"}, "kind": "direct"}
    indirect = {"text": "the budget would balance next year", "start": TEXT.index("the budget"),
                "end": len(TEXT) - 1, "speaker": {"name": "Someone Else"}, "kind": "indirect"}
    same_again = dict(quote)
    counts = ev.score_article([quote, indirect, same_again], gold, TEXT)
    # the quote matches the direct attribution once (one-to-one); the indirect one has the wrong speaker
    assert (counts["all"].tp, counts["all"].pred, counts["all"].gold) == (1, 3, 2)
    assert (counts["direct"].tp, counts["direct"].pred, counts["direct"].gold) == (1, 2, 1)
    # without the speaker condition the indirect one matches too
    assert counts["all_text"].tp == 2
    assert counts["matches"] == [(0, 0)]


def test_a_content_below_half_the_words_does_not_match(ev: ModuleType) -> None:
    gold = [ev.Attribution("the budget would balance next year", "Holt")]
    short = {"text": "budget", "start": 0, "end": 6, "speaker": {"name": "Holt"}}
    assert ev.score_article([short], gold, TEXT)["all"].tp == 0


def test_quote_is_direct_looks_at_the_marks_around_the_text(ev: ModuleType) -> None:
    a = TEXT.index("We")
    assert ev.quote_is_direct({"start": a, "end": a + 19}, TEXT)
    c = TEXT.index("the budget")
    assert not ev.quote_is_direct({"start": c, "end": len(TEXT) - 1}, TEXT)


def test_the_mark_of_the_next_quotation_does_not_make_reported_speech_direct(ev: ModuleType) -> None:
    text = 'Holt said that the budget would balance. "We will lower taxes," she added.'
    c = text.index("the budget")
    assert not ev.quote_is_direct({"start": c, "end": text.index(".")}, text)
    w = text.index("We")
    assert ev.quote_is_direct({"start": w, "end": text.index(",", w)}, text)  # '"…,"': the comma then the mark
    q = 'She asked: "Who pays?" Nobody answered.'
    assert ev.quote_is_direct({"start": q.index("Who"), "end": q.index("?")}, q)
