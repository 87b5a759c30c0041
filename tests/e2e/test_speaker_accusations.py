"""Events whose source is the speaker of the sentence, through the whole pipeline (the quote finder names the
speaker, the coder reads it): "Volgens X was er sprake van manipulatie" is X's accusation."""

from __future__ import annotations

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.records import build_records


def _events(text: str, published: str) -> set[tuple[str, str, str, str]]:
    article = Article(id="t", text=text, published=PartialDate.parse(published), language="nl")
    records = build_records(analyse(article))
    return {(e["source"]["country"], e["target"]["country"], e["cameo"], e["factuality"]) for e in records.events}


def test_according_to_the_opposition_there_was_manipulation() -> None:
    # dev gold dpg-10772692 (there the article says which Kiesraad it is; here the adjective does)
    text = (
        "De Turkse Kiesraad had de site met uitslagen toen al gesloten. Volgens oppositiepartij CHP was er sprake "
        "van 'manipulatie'."
    )
    assert ("TUR", "TUR", "112", "actual") in _events(text, "2019-04-01")


def test_no_accusation_where_the_speaker_denies_it() -> None:
    text = (
        "De Turkse oppositie stapt naar de Kiesraad. Volgens de Turkse regering was er geen sprake van "
        "manipulatie."
    )
    assert not {e for e in _events(text, "2019-04-01") if e[2] == "112"}
