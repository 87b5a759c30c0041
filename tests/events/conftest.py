"""Documents with hand-made actor mentions, so the coder is tested on its own (the actor resolver is a
separate stage with its own tests)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from dyad.document import Actor, Document, Event, Mention, Quote
from dyad.lang.layer import analyse_text

#: surface form -> (country, CAMEO actor code, kind); the longest form wins where forms overlap.
ACTORS: dict[str, tuple[str, str, str]] = {
    "Moskou": ("RUS", "RUSGOV", "government"),
    "Rusland": ("RUS", "RUS", "state"),
    "Russische": ("RUS", "RUS", "state"),
    "Poetin": ("RUS", "RUSGOV", "person"),
    "president Poetin": ("RUS", "RUSGOV", "person"),
    "de Russische president Poetin": ("RUS", "RUSGOV", "person"),
    "Lavrov": ("RUS", "RUSGOV", "person"),
    "Sergei Lavrov": ("RUS", "RUSGOV", "person"),
    "Het Russische ministerie van Buitenlandse Zaken": ("RUS", "RUSGOV", "government"),
    "de Verenigde Staten": ("USA", "USA", "state"),
    "Verenigde Staten": ("USA", "USA", "state"),
    "de VS": ("USA", "USA", "state"),
    "VS": ("USA", "USA", "state"),
    "Washington": ("USA", "USAGOV", "government"),
    "Biden": ("USA", "USAGOV", "person"),
    "president Biden": ("USA", "USAGOV", "person"),
    "De regering-Biden": ("USA", "USAGOV", "government"),
    "Het Witte Huis": ("USA", "USAGOV", "government"),
    "Trump": ("USA", "USAGOV", "person"),
    "Donald Trump": ("USA", "USAGOV", "person"),
    "President Trump": ("USA", "USAGOV", "person"),
    "Antony Blinken": ("USA", "USAGOV", "person"),
    "Blinken": ("USA", "USAGOV", "person"),
    "De nieuwe Amerikaanse regering": ("USA", "USAGOV", "government"),
    "China": ("CHN", "CHN", "state"),
    "Chinese": ("CHN", "CHN", "state"),
    "Wang Yi": ("CHN", "CHNGOV", "person"),
    "zijn Chinese collega Wang Yi": ("CHN", "CHNGOV", "person"),
    "zijn Chinese college Wang Yi": ("CHN", "CHNGOV", "person"),
    "een hoge Chinese delegatie": ("CHN", "CHNGOV", "government"),
    "India": ("IND", "IND", "state"),
    "De Indiase regering": ("IND", "INDGOV", "government"),
    "Turkije": ("TUR", "TUR", "state"),
    "Venezuela": ("VEN", "VEN", "state"),
    "Maduro": ("VEN", "VENGOV", "person"),
    "Guaidó": ("VEN", "VENOPP", "person"),
    "de Duitse ambassadeur": ("DEU", "DEUGOV", "person"),
    "Kriener": ("DEU", "DEUGOV", "person"),
    "Duitsland": ("DEU", "DEU", "state"),
    "Nederland": ("NLD", "NLD", "state"),
    "Europa": ("EU", "EU", "organisation"),
    "De Verenigde Naties": ("UN", "UN", "organisation"),
    "De VN- Veiligheidsraad": ("UN", "UNSC", "organisation"),
    "Khalifa Haftar": ("LBY", "LBYREB", "person"),
    "Hij": ("LBY", "LBYREB", "person"),
    "De in Tripoli gevestigde overgangsregering": ("LBY", "LBYGOV", "government"),
    "de AKP": ("TUR", "TURPTY", "group"),
    "De oppositie": ("VEN", "VENOPP", "group"),
    "Beijing": ("CHN", "CHNGOV", "government"),
    "De Europese Commissie": ("EU", "EU", "organisation"),
    "Maduro's": ("VEN", "VENGOV", "person"),
    "de Britse premier May": ("GBR", "GBRGOV", "person"),
    "Syrië": ("SYR", "SYR", "state"),
    "de EU": ("EU", "EU", "organisation"),
    "Libië": ("LBY", "LBY", "state"),
    "Israël": ("ISR", "ISR", "state"),
    "Het Israëlische leger": ("ISR", "ISRMIL", "military"),
    "Hamas": ("PSE", "PSEINS", "group"),
    "Qatar": ("QAT", "QAT", "state"),
    "Syrië ": ("SYR", "SYR", "state"),
    "Egypte": ("EGY", "EGY", "state"),
    "de Verenigde Arabische Emiraten": ("ARE", "ARE", "state"),
    "Netanyahu": ("ISR", "ISRGOV", "person"),
    "Gantz": ("ISR", "ISROPP", "person"),
    "De Russische minister van Buitenlandse zaken Sergei Lavrov": ("RUS", "RUSGOV", "person"),
    "Het Venezolaanse ministerie van Buitenlandse Zaken": ("VEN", "VENGOV", "government"),
    "president Maduro": ("VEN", "VENGOV", "person"),
    "Minister van Buitenlandse Zaken Antony Blinken": ("USA", "USAGOV", "person"),
    "Hongkong": ("HKG", "HKG", "state"),
    "Taiwan": ("TWN", "TWN", "state"),
    "Het bondgenootschap": ("NATO", "NATO", "organisation"),
    "Khaddafi's": ("LBY", "LBYGOV", "person"),
    "Minister Hammond": ("GBR", "GBRGOV", "person"),
    "EU": ("EU", "EU", "organisation"),
    "Hugo Chávez": ("VEN", "VENGOV", "person"),
    # forms of the sentences written for test_event_coder_nl.py
    "De Franse minister van Buitenlandse Zaken Jean-Yves Le Drian": ("FRA", "FRAGOV", "person"),
    "Frankrijk": ("FRA", "FRA", "state"),
    "Oekraïne": ("UKR", "UKR", "state"),
    "Zelensky": ("UKR", "UKRGOV", "person"),
    "De rebellen": ("SYR", "SYRREB", "group"),
    "Assad": ("SYR", "SYRGOV", "person"),
    "Erdogan": ("TUR", "TURGOV", "person"),
    "president Erdogan": ("TUR", "TURGOV", "person"),
    "De Turkse president, Recep Tayyip Erdogan": ("TUR", "TURGOV", "person"),
    "Brussel": ("EU", "EU", "organisation"),
    "Japan": ("JPN", "JPN", "state"),
    "Zuid-Korea": ("KOR", "KOR", "state"),
    "Seoul": ("KOR", "KORGOV", "government"),
    "De Zuid-Koreaanse regering": ("KOR", "KORGOV", "government"),
    "Marokko": ("MAR", "MAR", "state"),
    "de Spaanse consul": ("ESP", "ESPGOV", "person"),
    "Het Marokkaanse ministerie van Buitenlandse Zaken": ("MAR", "MARGOV", "government"),
    "Spanje": ("ESP", "ESP", "state"),
    "Polen": ("POL", "POL", "state"),
    "Brazilië": ("BRA", "BRA", "state"),
    "Mexico": ("MEX", "MEX", "state"),
    "Canada": ("CAN", "CAN", "state"),
    "Iran": ("IRN", "IRN", "state"),
    "Colombia": ("COL", "COL", "state"),
    "De Colombiaanse regering": ("COL", "COLGOV", "government"),
    "de FARC": ("COL", "COLREB", "group"),
    "De Afrikaanse Unie": ("AU", "AU", "organisation"),
    "Saudi-Arabië": ("SAU", "SAU", "state"),
    "Het Saudische leger": ("SAU", "SAUMIL", "military"),
    "de Houthi's": ("YEM", "YEMREB", "group"),
    "Jemen": ("YEM", "YEM", "state"),
    "Armenië": ("ARM", "ARM", "state"),
    "Azerbeidzjan": ("AZE", "AZE", "state"),
    "Rutte": ("NLD", "NLDGOV", "person"),
    "Premier Rutte": ("NLD", "NLDGOV", "person"),
    "Wilders": ("NLD", "NLDPTY", "person"),
    "Albanië": ("ALB", "ALB", "state"),
    "Loekasjenko": ("BLR", "BLRGOV", "person"),
    "Tichanovskaja": ("BLR", "BLROPP", "person"),
    "de Griekse premier Tsipras": ("GRC", "GRCGOV", "person"),
}


def build_doc(
    text: str,
    actors: Mapping[str, tuple[str, str, str]] | None = None,
    quotes: list[tuple[str, str, str]] | None = None,
    language: str = "nl",
) -> Document:
    """Analyse text and add a mention for every (token-aligned) occurrence of a known actor form;
    `quotes` are (speaker form, quoted text, kind)."""
    table = dict(ACTORS if actors is None else actors)
    doc = analyse_text(text, language=language, published="2021-03")
    starts = {t.start: t.i for t in doc.tokens}
    ends = {t.end: t.i for t in doc.tokens}
    taken: set[int] = set()
    found: list[Mention] = []
    for form in sorted(table, key=len, reverse=True):
        country, code, kind = table[form]
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if pos in starts and end in ends:
                first, last = starts[pos], ends[end]
                if not taken & set(range(first, last + 1)):
                    taken |= set(range(first, last + 1))
                    sent = doc.sentence_of_offset(pos)
                    actor = Actor(
                        id=f"{code}:{form}" if kind == "person" else code,
                        name=form,
                        code=code,
                        country=country,
                        kind=kind,
                    )
                    found.append(Mention(pos, end, first, last + 1, sent if sent is not None else 0, actor))
            pos = text.find(form, pos + 1)
    doc.mentions = sorted(found, key=lambda m: m.start)
    for speaker, quoted, kind in quotes or []:
        qs = text.find(quoted)
        sm = next(i for i, m in enumerate(doc.mentions) if text[m.start : m.end] == speaker)
        from dyad.document import ActorRef

        doc.quotes.append(
            Quote(
                sentence=doc.sentence_of_offset(qs) or 0,
                speaker=ActorRef.from_mention(doc, sm),
                text=quoted,
                kind=kind,
                cue=None,
                start=qs,
                end=qs + len(quoted),
                rule="test",
            )
        )
    return doc


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return build_doc


@pytest.fixture(scope="session")
def coded_events() -> Callable[..., list[Event]]:
    """Code a sentence with hand-made actors (and quotes, as `build_doc` takes them) by the rules, with the
    coder's `settings`: its events."""
    from dyad.events.coder import LexiconCoder

    coders: dict[str, LexiconCoder] = {}

    def events(
        text: str,
        actors: Mapping[str, tuple[str, str, str]],
        quotes: list[tuple[str, str, str]] | None = None,
        settings: Mapping[str, Any] | None = None,
    ) -> list[Event]:
        key = repr(sorted((settings or {}).items()))
        coder = coders.setdefault(key, LexiconCoder("nl", settings))
        doc = build_doc(text, actors, quotes)
        coder(doc)
        return doc.events

    return events


@pytest.fixture(scope="session")
def coded_actor_rows(coded_events: Callable[..., list[Event]]) -> Callable[..., set[tuple[str | None, ...]]]:
    """`coded_events` as (source code, target code, root)."""
    return lambda *args, **kwargs: {(e.source.actor, e.target.actor, e.cameo[:2])
                                    for e in coded_events(*args, **kwargs)}


@pytest.fixture(scope="session")
def coded_country_rows(coded_events: Callable[..., list[Event]]) -> Callable[..., set[tuple[str | None, ...]]]:
    """`coded_events` as (source country, target country, root)."""
    return lambda *args, **kwargs: {(e.source.country, e.target.country, e.cameo[:2])
                                    for e in coded_events(*args, **kwargs)}


@pytest.fixture(scope="session")
def analysed_events() -> Callable[[str], list[Event]]:
    """The events of a Dutch text run through the whole pipeline (actors resolved, not hand-made), published on
    Tuesday 5 March 2019."""
    from dyad.api import analyse
    from dyad.document import Article, PartialDate

    def events(text: str) -> list[Event]:
        return analyse(Article(id="t", text=text, published=PartialDate.parse("2019-03-05"), language="nl")).events

    return events
