"""Unit tests of the resolution rules: precision, direction, weeks, parts, ranges, and event dating."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import ActorRef, Article, Document, Event, Factuality, PartialDate, Quote, Sentence
from dyad.temporal import find_timexes, resolve
from dyad.temporal.resolver import TimexResolver

TUE = PartialDate(2019, 3, 26)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gisteren", "2019-03-25"),
        ("eergisteren", "2019-03-24"),
        ("vanochtend", "2019-03-26"),
        ("gisteravond", "2019-03-25"),
        ("morgen", "2019-03-27"),
        ("Hij kwam maandag aan", "2019-03-25"),
        ("afgelopen vrijdag", "2019-03-22"),
        ("komende vrijdag", "2019-03-29"),
        ("Hij zal zondag vertrekken", "2019-03-31"),
        ("Woensdag komen de leiders bijeen", "2019-03-27"),  # present tense: nearest
        ("vorige week", "2019-03-18"),  # a week as its Monday
        ("eerder deze week", "2019-03-25"),
        ("volgende week", "2019-04-01"),
        ("afgelopen weekeinde", "2019-03-23"),  # a weekend as its Saturday
        ("eerder deze maand", "2019-03"),
        ("vorige maand", "2019-02"),
        ("vorig jaar", "2018"),
        ("begin dit jaar", "2019-01"),
        ("eind vorig jaar", "2018-12"),
        ("over twee weken", "2019-04-09"),
        ("drie dagen geleden", "2019-03-23"),
        ("begin april", "2019-04"),
        ("22 maart", "2019-03-22"),
        ("op 18 maart 2021", "2021-03-18"),
        ("in 2020", "2020"),
        ("maart vorig jaar", "2018-03"),
        ("van 18 tot 20 maart", "2019-03-18"),
        ("de afgelopen twee jaar", "2019-03-26"),  # a stretch ending now: the publication date
    ],
)
def test_resolve_against_a_day(text: str, expected: str) -> None:
    value = resolve(text, TUE)
    assert value is not None and value.iso() == expected


@pytest.mark.parametrize(
    "text", ["maandag", "gisteren", "vorige week", "afgelopen weekend", "twee dagen geleden"]
)
def test_month_precise_publication_cannot_yield_a_day(text: str) -> None:
    assert resolve(text, PartialDate(2021, 3)) == PartialDate(2021, 3)


def test_year_precise_publication() -> None:
    assert resolve("gisteren", PartialDate(2021)) == PartialDate(2021)
    assert resolve("vorig jaar", PartialDate(2021)) == PartialDate(2020)
    assert resolve("vorige maand", PartialDate(2021)) == PartialDate(2021)
    # An absolute date keeps its own precision whatever the publication date.
    assert resolve("22 maart 2020", PartialDate(2021)) == PartialDate(2020, 3, 22)


def test_months_against_a_month() -> None:
    assert resolve("vorige maand", PartialDate(2021, 1)) == PartialDate(2020, 12)
    assert resolve("In november kwam hij binnen", PartialDate(2019, 3, 6)) == PartialDate(2018, 11)
    assert resolve("In september begint hij", PartialDate(2019, 3, 25)) == PartialDate(2019, 9)


def test_unrepresentable_and_absent() -> None:
    assert resolve("eind vorige eeuw", TUE) is None
    assert resolve("in de jaren tachtig", TUE) is None
    assert resolve("met 1000 euro", TUE) is None
    assert resolve("vijf jaar eerder dan gebruikelijk", TUE) is None
    assert find_timexes("Het kabinet viel.", TUE) == []


def test_anaphoric_against_the_text() -> None:
    found = find_timexes("Op 4 maart keerde hij terug. Tien dagen eerder stak hij de grens over.", TUE)
    assert [e.value.iso() if e.value else None for e in found] == ["2019-03-04", "2019-02-22"]


def test_narrative_year_for_a_month() -> None:
    text = "In maart 2014 bezetten Russische troepen de Krim. In juli werd een passagiersvliegtuig neergeschoten."
    assert [str(e.value) for e in find_timexes(text, PartialDate(2019, 4, 9))] == ["2014-03", "2014-07"]


def _doc(text: str, published: PartialDate) -> Document:
    """A document with sentences split at ". " (no language layer needed)."""
    doc = Document(Article("t", text, published, "nl"), "nl")
    start = 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        doc.sentences.append(Sentence(len(doc.sentences), start, min(end, len(text)), 0, 0))
        start = start + len(part) + 2
    return doc


def _event(doc: Document, trigger: str, sentence: int) -> Event:
    s = doc.sentences[sentence]
    at = doc.text.index(trigger, s.start)
    return Event(
        sentence,
        ActorRef("a"),
        ActorRef("b"),
        "111",
        3,
        -2.0,
        None,
        Factuality.ACTUAL,
        trigger,
        at,
        at + len(trigger),
        "test",
    )


def test_event_dated_by_its_clause_not_a_nominal_modifier() -> None:
    text = "Poetin zint op strafmaatregelen na de verkiezingen van afgelopen jaar."
    doc = _doc(text, TUE)
    doc.events.append(_event(doc, "zint", 0))
    TimexResolver("nl")(doc)
    assert doc.events[0].date == TUE and doc.events[0].date_rule == "published"
    assert [t.value for t in doc.timexes] == [PartialDate(2018)]


def test_a_nominal_event_is_dated_by_a_time_in_its_own_phrase() -> None:
    # "in de oorlog van april 1982" dates the war, not the article
    text = "Argentinië verloor de eilanden in de oorlog van april 1982 aan de Britten."
    doc = _doc(text, TUE)
    doc.events.append(_event(doc, "oorlog", 0))
    TimexResolver("nl")(doc)
    assert doc.events[0].date == PartialDate(1982, 4)


def test_event_dated_by_the_governing_expression() -> None:
    text = (
        "De Braziliaanse regering liet dinsdag weten dat het land de boycot niet zou beantwoorden. "
        "Vorige week maakte Brazilië bekend dat de invoerrechten worden opgeschort tot 1 april"
    )
    doc = _doc(text, PartialDate(2019, 3, 6))
    doc.events += [_event(doc, "beantwoorden", 0), _event(doc, "opgeschort", 1)]
    TimexResolver("nl")(doc)
    assert doc.events[0].date == PartialDate(2019, 3, 5)
    assert doc.events[1].date == PartialDate(2019, 2, 25)  # "tot 1 april" ends a stretch, it dates nothing
    assert doc.events[1].date_rule is not None and "Vorige week" in doc.events[1].date_rule


def test_past_tense_sentence_inherits_the_day_of_the_one_before() -> None:
    text = (
        "Het leger is gisteren begonnen met een offensief in het noorden. "
        "De generaal beloofde de opstand snel te breken. "
        "Thailand noemt het zorgwekkend"
    )
    doc = _doc(text, TUE)
    doc.events += [_event(doc, "beloofde", 1), _event(doc, "noemt", 2)]
    TimexResolver("nl")(doc)
    assert doc.events[0].date == PartialDate(2019, 3, 25)
    assert doc.events[1].date == TUE


def test_event_falls_back_to_the_publication_precision() -> None:
    doc = _doc("Moskou riep afgelopen week zijn ambassadeur terug", PartialDate(2021, 3))
    doc.events.append(_event(doc, "riep", 0))
    TimexResolver("nl")(doc)
    assert doc.events[0].date == PartialDate(2021, 3)


def test_a_vaguely_placed_event_has_no_date() -> None:
    # "eerder" alone still dates by publication; "onlangs" (the recent past) by publication as well, but under
    # a rule of its own
    text = (
        "Chili kondigde onlangs strengere controles aan op fruit uit Peru. "
        "In de maanden erna liet de oppositie geen gelegenheid onbenut om het besluit aan te vallen. "
        "Lima heeft eerder gedreigd naar de WTO te stappen"
    )
    doc = _doc(text, PartialDate(2019, 3, 6))
    doc.events += [_event(doc, "controles", 0), _event(doc, "liet", 1), _event(doc, "gedreigd", 2)]
    TimexResolver("nl")(doc)
    assert [e.date for e in doc.events] == [PartialDate(2019, 3, 6), None, PartialDate(2019, 3, 6)]
    assert doc.events[0].date_rule == "recent:onlangs"
    assert doc.events[1].date_rule == "vague:in de maanden erna"


def test_a_deed_of_the_recent_past_takes_no_time_of_the_sentences_before() -> None:
    # a narrative day ("dinsdag") is carried to a past sentence, but not to one placed "onlangs"
    text = (
        "De premier sprak dinsdag met de vakbonden. "
        "Hij beloofde een nieuw overleg. "
        "De minister had onlangs al een voorstel gedaan. "
        "De bonden kregen kortgeleden een brief van het kabinet."
    )
    doc = _doc(text, PartialDate(2019, 3, 27))
    doc.events += [_event(doc, "beloofde", 1), _event(doc, "kregen", 3)]
    TimexResolver("nl")(doc)
    assert [(e.date, e.date_rule) for e in doc.events] == [
        (PartialDate(2019, 3, 26), "carried:weekday:dinsdag"),
        (PartialDate(2019, 3, 27), "recent:kortgeleden"),
    ]


def test_quote_dated_by_the_saying() -> None:
    text = '"Dit is onbegrijpelijk", zei Maas gisteren'
    doc = _doc(text, PartialDate(2019, 3, 7))
    doc.quotes.append(Quote(0, None, "Dit is onbegrijpelijk", "direct", "zei", 1, 22, "test"))
    TimexResolver("nl")(doc)
    assert doc.quotes[0].date == PartialDate(2019, 3, 6)


def test_english_basics() -> None:
    assert resolve("yesterday", TUE, "en") == PartialDate(2019, 3, 25)
    assert resolve("She said on Friday", TUE, "en") == PartialDate(2019, 3, 22)
    assert resolve("last week", TUE, "en") == PartialDate(2019, 3, 18)
    assert resolve("two weeks ago", TUE, "en") == PartialDate(2019, 3, 12)
    assert resolve("on March 22, 2021", TUE, "en") == PartialDate(2021, 3, 22)
    assert resolve("in May", TUE, "en") == PartialDate(2019, 5)
    assert resolve("next month", TUE, "en") == PartialDate(2019, 4)
    assert resolve("it may rain", TUE, "en") is None
    assert resolve("Monday", PartialDate(2021, 3), "en") == PartialDate(2021, 3)


def test_a_direct_quote_attributed_in_the_sentence_before_is_dated_by_that_sentence() -> None:
    # the minister spoke "gisteren"; her quotation follows in a sentence of its own
    text = (
        "De Noorse minister van Defensie Ine Eriksen zei gisteren dat Noorwegen en zijn bondgenoten de "
        'vissers zullen blijven beschermen. "Dit is een roekeloze stap, waarmee Moskou de hele regio in '
        'gevaar brengt."'
    )
    doc = analyse(Article("t", text, PartialDate(2019, 3, 7), "nl"))
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert direct and direct[0].date == PartialDate(2019, 3, 6)


def test_a_weak_past_the_lookup_table_lacks_carries_the_day_of_the_sentence_before() -> None:
    # "beschuldigde" is not in spaCy's lookup table: its lemma comes from its stem, so the sentence is past
    from dyad.api import analyse
    from dyad.document import Article

    text = ("De Venezolaanse president Nicolás Maduro heeft zaterdag de grens met Colombia gesloten. Hij "
            "beschuldigde de Colombiaanse regering ervan een militaire invasie voor te bereiden.")
    doc = analyse(Article(id="t", text=text, published=PartialDate(2019, 2, 25), language="nl"))
    accusations = [(e.cameo[:2], e.date) for e in doc.events if e.sentence == 1]
    assert accusations == [("11", PartialDate(2019, 2, 23))]
