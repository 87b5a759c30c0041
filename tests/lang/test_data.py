"""Per-language data: the lemma table with the strong verbs' past forms added."""

from __future__ import annotations

import pytest

from dyad.errors import ConfigError
from dyad.lang import data
from dyad.lang.data import irregular_verb_forms, lemma_table, lemma_values, regular_verb_lemma


def test_past_forms_of_strong_verbs_have_their_infinitive() -> None:
    table = lemma_table("nl")
    # "Washington wees het voorstel af", "sloot een akkoord", "nam ... in beslag", "verwierp het plan"
    for form, infinitive in [("wees", "wijzen"), ("wezen", "wijzen"), ("sloot", "sluiten"), ("nam", "nemen"),
                             ("kwam", "komen"), ("verwierp", "verwerpen"), ("verbrak", "verbreken"),
                             ("ontving", "ontvangen")]:
        assert table[form] == infinitive, form


def test_the_lookup_tables_own_reading_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    data._lemma_data.cache_clear()
    monkeypatch.setattr(data, "irregular_verb_forms", lambda language, known: {"jaren": "jaren", "wees": "wijzen"})
    try:
        table = lemma_table("nl")
        assert table["jaren"] == "jaar" and table["wees"] == "wijzen"
    finally:
        data._lemma_data.cache_clear()


def test_participles_stay_out() -> None:
    table = lemma_table("nl")
    forms = irregular_verb_forms("nl", frozenset(table.values()))
    assert "gedwongen" not in forms and "verworpen" not in forms
    # a prefixed form only where the prefixed verb exists
    assert "verwierp" in forms and "beliep" not in irregular_verb_forms("nl", frozenset())


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"verbs": {"wijzen": ["wees"]}, "inseparable_prefixes": []}, "past singular, past plural"),
        ({"verbs": ["wijzen"], "inseparable_prefixes": []}, "infinitive -> forms"),
    ],
)
def test_malformed_verb_tables_name_the_file(raw: object, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "load_language_data", lambda language, name: raw)
    with pytest.raises(ConfigError, match=message) as info:
        irregular_verb_forms("nl")
    assert "dyad/lang/nl/verbs.yaml" in str(info.value)


@pytest.mark.parametrize(("word", "infinitive"), [("beschuldigde", "beschuldigen"), ("maakten", "maken"),
                                                  ("stemde", "stemmen"), ("leefde", "leven"), ("reisde", "reizen"),
                                                  ("heerst", "heersen"), ("bekritiseert", "bekritiseren")])
def test_a_regular_verb_form_the_table_lacks_gets_its_infinitive(word: str, infinitive: str) -> None:
    lemmas = lemma_values("nl")
    assert regular_verb_lemma(word, "nl", lemmas) == infinitive


def test_no_guess_for_short_stems_nouns_or_after_a_determiner() -> None:
    lemmas = lemma_values("nl")
    assert regular_verb_lemma("grote", "nl", lemmas) is None  # "gro" + "en" is no verb
    assert regular_verb_lemma("ontvangst", "nl", lemmas) is None  # a noun in -t
    assert regular_verb_lemma("vermeende", "nl", lemmas) == "vermenen"
    assert regular_verb_lemma("vermeende", "nl", lemmas, previous="de") is None  # "de vermeende steun"
    assert regular_verb_lemma("beschuldigde", "en", lemmas) is None  # English has no verbs.yaml endings
