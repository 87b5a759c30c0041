"""A definite agent noun or age in the singular after a cue ("zegt de 45-jarige", "de Delftenaar", "de zanger") names
the person the text named before, as a bare role does; a body ("de krant") or a plural ("de werkgevers") does not. Dutch
sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _name(q: Quote) -> str:
    assert q.speaker is not None
    return q.speaker.name


@pytest.mark.parametrize("noun", ["de 45-jarige", "de Delftenaar", "de zanger"])
def test_definite_person_noun_is_the_person_before(noun: str) -> None:
    quotes = _quotes(f"Karel Pot klaagt al maanden. 'Het moet stoppen', zegt {noun}.")
    assert quotes
    assert _name(quotes[-1]) == "Karel Pot"


@pytest.mark.parametrize("noun", ["de krant", "de werkgevers"])
def test_body_or_plural_noun_is_no_person_before(noun: str) -> None:
    quotes = _quotes(f"Karel Pot klaagt al maanden. 'Het moet stoppen', zegt {noun}.")
    assert quotes
    assert _name(quotes[-1]) == noun
