"""Language detection on real Dutch (the seed, the dev gold) and English (PLOVER gold standard records)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import LanguageError
from dyad.readers.language import DETECTION_PREFIX_CHARS, _detector, detect_language, normalise_language

FRENCH = (
    "Moscou a rappelé la semaine dernière son ambassadeur aux États-Unis, après que le président Biden a "
    "qualifié le président russe Poutine de meurtrier."
)


@pytest.fixture(scope="module")
def english_sentences(shared_dir: Path) -> list[str]:
    path = shared_dir / "data" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r["text"] for r in records if r.get("language") == "en" and r.get("text")][:40]


def test_dutch_seed(seed_text: str) -> None:
    assert detect_language(seed_text) == "nl"


def test_dutch_dev_gold(shared_dir: Path) -> None:
    lines = (shared_dir / "gold" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert {detect_language(json.loads(line)["text"]) for line in lines} == {"nl"}


def test_english_sentences(english_sentences: list[str]) -> None:
    assert "Senior Hungarian and Romanian officials agreed on Wednesday" in english_sentences[0]
    assert [detect_language(s) for s in english_sentences] == ["en"] * len(english_sentences)


def test_other_language_rejected_naming_the_source() -> None:
    with pytest.raises(LanguageError, match=r"unsupported language 'fr'") as caught:
        detect_language(FRENCH, source="nieuws/fr.txt")
    assert caught.value.source == "nieuws/fr.txt"
    assert "nieuws/fr.txt" in str(caught.value)


@pytest.mark.parametrize("text", ["Stef Blok,", "toosenhenk.nl facebook.com/toosenhenk"])
def test_no_evidence_is_unknown_not_foreign(text: str) -> None:
    with pytest.raises(LanguageError, match="cannot tell which language"):
        detect_language(text)


def test_no_words() -> None:
    with pytest.raises(LanguageError, match="no words"):
        detect_language("2021-03-23 12:00 | 4 - 2")


def test_only_a_bounded_prefix_is_read(seed_text: str, english_sentences: list[str]) -> None:
    dutch = seed_text[: DETECTION_PREFIX_CHARS + 200]
    assert detect_language(dutch + " ".join(english_sentences) * 20) == "nl"


def test_detector_is_built_once() -> None:
    assert _detector() is _detector()


GERMAN = (
    "Moskau hat in der vergangenen Woche seinen Botschafter aus den Vereinigten Staaten zurückgerufen, nachdem "
    "Präsident Biden den russischen Präsidenten Putin einen Mörder genannt hatte. Der Kreml sprach von einem "
    "beispiellosen Angriff und kündigte an, die Beziehungen zu Washington auf den Prüfstand zu stellen. "
)


def test_long_texts_in_other_languages_are_rejected_by_name(english_sentences: list[str]) -> None:
    assert detect_language(" ".join(english_sentences[:6])) == "en"
    for text, code in ((" ".join([FRENCH] * 3), "fr"), (GERMAN, "de")):
        with pytest.raises(LanguageError, match=f"unsupported language '{code}'"):
            detect_language(text)


@pytest.mark.parametrize(("declared", "code"), [("nl", "nl"), ("NL", "nl"), ("nl-BE", "nl"), ("en_GB", "en")])
def test_declared_language(declared: str, code: str) -> None:
    assert normalise_language(declared) == code


@pytest.mark.parametrize("declared", ["de", "fr-FR", "dutch", ""])
def test_declared_language_unsupported(declared: str) -> None:
    with pytest.raises(LanguageError, match="unsupported language"):
        normalise_language(declared, source="x.jsonl:3")
