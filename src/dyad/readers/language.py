"""Which language an article is in, when its input does not say.

lingua ships its language models inside the wheel, so detection needs no download. The detector knows
the languages dyad reads plus the ones news most often comes in besides, so that a German or French article
is recognised as such and rejected, instead of being forced into Dutch or English.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from dyad.errors import LanguageError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "en")
"""ISO 639-1 codes of the languages dyad has a language layer for."""

DETECTION_PREFIX_CHARS = 2000
"""How much of the text detection looks at: a few paragraphs settle it, and the time stays bounded."""

MIN_CONFIDENCE = 0.5
"""Least confidence (lingua's, 0 to 1, shared out over the candidate languages) at which a language other
than Dutch or English is believed. Article text scores above 0.9; a name or a link alone 0.2 to 0.4."""

# Afrikaans and Frisian are left out on purpose: they are close enough to Dutch that a short Dutch text
# could be taken for them and rejected, while dyad would read such articles no better either way.
_CANDIDATES: tuple[Language, ...] = (
    Language.DUTCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DANISH,
    Language.SWEDISH,
    Language.BOKMAL,
    Language.POLISH,
    Language.TURKISH,
    Language.INDONESIAN,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.ARABIC,
    Language.CHINESE,
)

_LETTER = re.compile(r"[^\W\d_]")
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


@cache
def _detector() -> LanguageDetector:
    """Built once per process, on first use: building it loads nothing, detection loads models lazily (for a
    text of 120 characters or more only the trigram models, which load in a tenth of a second; the larger
    n-gram models, about two seconds, only for a shorter text)."""
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def _sample(text: str) -> str:
    """The first `DETECTION_PREFIX_CHARS` characters, cut back to a word boundary."""
    if len(text) <= DETECTION_PREFIX_CHARS:
        return text
    prefix = text[:DETECTION_PREFIX_CHARS]
    cut = prefix.rfind(" ")
    return prefix[:cut] if cut > DETECTION_PREFIX_CHARS // 2 else prefix


def detect_language(text: str, *, source: str | None = None) -> str:
    """Return `"nl"` or `"en"`; raise `LanguageError` naming `source` for any other or an unknown language.

    The two kinds of mistake cost differently, so the rule is asymmetric. Dutch or English ranked first is
    taken at any confidence (a short Dutch caption is still Dutch, and if it is not, little is lost). Any
    other language ranked first is only reported as unsupported at a confidence of `MIN_CONFIDENCE` or more;
    below that (a name, a word, a link is no evidence of any language) the language is reported as unknown,
    rather than, say, as Danish.
    """
    sample = _sample(text)
    if not _LETTER.search(sample):
        raise LanguageError("no words to detect the language from; declare the language", source=source)
    ranked = _detector().compute_language_confidence_values(sample)
    if not ranked:
        raise LanguageError("cannot tell which language the text is in; declare the language", source=source)
    best = ranked[0]
    code = best.language.iso_code_639_1.name.lower()
    if code in SUPPORTED_LANGUAGES:
        return code
    if best.value < MIN_CONFIDENCE:
        raise LanguageError(
            f"cannot tell which language the text is in (best guess {code!r} at {best.value:.2f}); "
            "declare the language",
            source=source,
        )
    raise LanguageError(
        f"unsupported language {code!r} ({best.language.name.lower()}); dyad reads "
        + ", ".join(SUPPORTED_LANGUAGES),
        source=source,
    )


def normalise_language(value: str, *, source: str | None = None) -> str:
    """A declared language (`"nl"`, `"NL"`, `"nl-BE"`, `"en_GB"`) as `"nl"` or `"en"`.

    Raises `LanguageError` for any other language.
    """
    match = _LANGUAGE_TAG.match(value.strip())
    code = match.group(1).lower() if match else value.strip()
    if code not in SUPPORTED_LANGUAGES:
        raise LanguageError(
            f"unsupported language {code!r}; dyad reads " + ", ".join(SUPPORTED_LANGUAGES), source=source
        )
    return code
