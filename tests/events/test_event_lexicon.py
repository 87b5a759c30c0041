"""Schema checks of the event lexicons."""

from __future__ import annotations

import pytest

from dyad.errors import ConfigError
from dyad.events import codes
from dyad.events.lexicon import compile_lexicon, expand_word_lists, load_lexicon


@pytest.mark.parametrize(("language", "minimum", "uncovered"), [("nl", 100, set()), ("en", 100, set())])
def test_lexicon_loads_and_codes_exist(language: str, minimum: int, uncovered: set[str]) -> None:
    lex = load_lexicon(language)
    assert len(lex.triggers) > minimum
    roots = {t.cameo[:2] for t in lex.triggers}
    assert roots == {f"{r:02d}" for r in range(1, 21)} - uncovered  # CAMEO ontology coverage
    for t in lex.triggers:
        assert codes.is_code(t.cameo)
    ids = [(t.id, t.cameo) for t in lex.triggers]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "x", "cameo": "42", "verbs": ["bezoeken"]}, "not a CAMEO code"),
        ({"id": "x", "cameo": "042"}, "needs verbs"),
        ({"id": "x", "cameo": "042", "verbs": ["a|b|c"]}, "separable"),
        ({"id": "x", "cameo": "042", "verbs": ["bezoeken"], "role": "object"}, "role"),
        ({"id": "x", "cameo": "042", "verbs": ["bezoeken"], "colour": "red"}, "unknown keys"),
        ({"id": "x", "cameo": "042", "verbs": ["bezoeken"], "factuality": "maybe"}, "factuality"),
        ({"id": "x", "cameo": "042", "verbs": ["bezoeken"], "source_kinds": ["people"]}, "source_kinds"),
        ({"id": "x", "cameo": "0354", "verbs": ["beloven"], "with_also": ["opheffen"]}, "needs 'with'"),
    ],
)
def test_malformed_entries_are_rejected(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        compile_lexicon("nl", {"triggers": [entry]})


def test_multiword_verbs_become_phrases() -> None:
    lex = compile_lexicon("nl", {"triggers": [{"id": "x", "cameo": "042", "verbs": ["op bezoek bij"]}]})
    assert lex.triggers[0].phrases == (("op", "bezoek", "bij"),)
    assert lex.triggers[0].verbs == ()


def test_verb_final_is_a_boolean() -> None:
    entry = {"id": "x", "cameo": "042", "verbs": ["bezoeken"]}
    assert compile_lexicon("nl", {"triggers": [entry], "verb_final": True}).verb_final
    assert not compile_lexicon("en", {"triggers": [entry]}).verb_final
    with pytest.raises(ConfigError, match="verb_final"):
        compile_lexicon("nl", {"triggers": [entry], "verb_final": "yes"})


def test_named_word_lists_expand_in_the_entries_that_name_them() -> None:
    lists = {"bad": ["slecht", "slechte"], "worse": ["erger"]}
    triggers = [{"id": "x", "cameo": "111", "phrases": ["@bad", "een schande"], "with": ["@worse", "@bad"]},
                {"id": "y", "cameo": "042", "verbs": ["bezoeken"]}]
    expanded = expand_word_lists(triggers, lists, "test.yaml")
    assert expanded[0]["phrases"] == ["slecht", "slechte", "een schande"]
    assert expanded[0]["with"] == ["erger", "slecht", "slechte"]
    assert expanded[1] == triggers[1]
    assert triggers[0]["phrases"] == ["@bad", "een schande"]  # the file's own data is left as it was


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"bad": ["slecht"]}, "no word list 'good'"),
        (["slecht"], "'lists' must map"),
        ({"bad": "slecht"}, "'lists' must map"),
    ],
)
def test_a_missing_or_malformed_word_list_is_rejected(lists: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        expand_word_lists([{"id": "x", "cameo": "111", "phrases": ["@good"]}], lists, "test.yaml")


def test_the_dutch_statement_entries_share_the_evaluative_words() -> None:
    lex = load_lexicon("nl")
    by_id = {t.id: t for t in lex.triggers}
    quoted = {p[0] for p in by_id["criticise_evaluation_words"].phrases if len(p) == 1}
    named = by_id["criticise_naming_evaluation"].with_
    assert {"onverantwoord", "onverantwoorde", "farce"} <= quoted <= named
    # a word that evaluates only as the complement of a naming verb is not a statement on its own
    assert "gevaarlijk" in named and "gevaarlijk" not in quoted
    assert not any(w.startswith("@") for t in lex.triggers for w in (*t.with_, *(p[0] for p in t.phrases)))
