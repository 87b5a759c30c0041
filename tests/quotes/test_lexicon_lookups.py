"""The quote lexicon's word tests look suffixes and prefixes up in sets; they must say what scanning every
listed word says."""

from __future__ import annotations

from dyad.quotes.lexicon import get_lexicon

WORDS = [
    "regeringsfunctionaris", "turkije-kenner", "regering-trump", "kabinet-rutte", "minister", "ministers",
    "oud-minister", "premier", "woordvoerder", "woordvoerders", "legerwoordvoerder", "ministerie",
    "het", "de", "a", "", "zondagavond", "maandagochtend", "vanochtend", "gisteravond", "eergisteren",
    "vanmiddag", "politie", "politiewoordvoerder", "analist", "veiligheidsanalist", "xyz-minister",
]


def _ends_with_scan(word: str, nouns: frozenset[str]) -> bool:
    if word in nouns:
        return True
    if "-" in word and word.split("-")[0] in nouns:
        return True
    return any(len(n) >= 4 and word.endswith(n) and len(word) - len(n) >= 3 for n in nouns)


def test_suffix_and_prefix_lookups_equal_scans() -> None:
    lex = get_lexicon("nl")
    words = set(WORDS) | set(lex.person_roles) | set(lex.speaking_bodies) | set(lex.time_words)
    words |= {p + w for w in list(words) for p in ("oud", "vice", "x", "staats", "")}
    words |= {w + s for w in list(words) for s in ("s", "en", "avond", "")}
    for word in sorted(words):
        for nouns in (lex.person_roles, lex.speaking_bodies):
            assert lex._ends_with(word, nouns) == _ends_with_scan(word, nouns), word
        scan = word in lex.time_words or any(word.startswith(w) for w in lex.time_words if len(w) >= 6)
        assert lex.is_time_word(word) == scan, word
