"""Quote finder on real sentences from ../shared (seed, gold dev articles)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dyad.document import Document
from dyad.lang.layer import analyse_text
from dyad.pipeline import registered
from dyad.quotes.finder import QuoteFinder

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "000_c8f14cc41eaac8fb.txt"
DEV = SHARED / "gold" / "dev" / "articles.jsonl"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")


def _quotes(text: str, language: str = "nl") -> Document:
    doc = analyse_text(text, language=language)
    QuoteFinder(language, {})(doc)
    return doc


def _dev_text(article_id: str) -> str:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return str(record["text"])
    raise KeyError(article_id)


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    raw = SEED.read_text(encoding="utf-8").strip()
    text = re.sub(r"^date \S+ ", "", raw)
    return _quotes(text)


def test_registered() -> None:
    try:
        names = registered("quotes")
    except ModuleNotFoundError as exc:  # another stage's module has not landed yet
        pytest.skip(f"pipeline modules incomplete: {exc}")
    assert "cue_quotes" in names


def test_seed_direct_quote_without_opening_mark(seed_doc: Document) -> None:
    q = next(q for q in seed_doc.quotes if q.text.startswith("We moeten ons langzamerhand"))
    assert q.kind == "direct"
    assert q.text.endswith("die door het Westen worden beheerd")
    assert q.speaker is not None and "Lavrov" in q.speaker.name
    assert q.cue == "zei"
    assert seed_doc.text[q.start : q.end] == q.text


def test_seed_direct_quote_speaker_from_previous_sentence(seed_doc: Document) -> None:
    q = next(q for q in seed_doc.quotes if q.text.startswith("De verantwoordelijkheid"))
    assert q.kind == "direct"
    assert q.text == "De verantwoordelijkheid daarvoor ligt volledig bij de VS"
    assert q.speaker is not None and "ministerie van Buitenlandse Zaken" in q.speaker.name


@pytest.mark.parametrize(
    ("text_start", "speaker", "cue"),
    [
        ("Poetin een prijs zal betalen", "Biden", "verzekerde"),
        ("moeten Rusland en China zich allebei verzetten", "Lavrov", "Volgens"),
        ("hij niet was ingegaan op een voorstel", "Moskou", "verweet"),
        ("het daar geen trek in had", "Het Witte Huis", "liet weten"),
    ],
)
def test_seed_indirect(seed_doc: Document, text_start: str, speaker: str, cue: str) -> None:
    q = next(q for q in seed_doc.quotes if q.text.startswith(text_start))
    assert q.kind == "indirect"
    assert q.speaker is not None and speaker in q.speaker.name
    assert q.cue == cue


def test_seed_partial_and_apostrophes(seed_doc: Document) -> None:
    kinds = {q.text: q.kind for q in seed_doc.quotes}
    assert kinds.get("gemiste kans") == "partial"
    # Scare quotes without a speaker are not quotations ("het ‘agressieve’ optreden van China").
    assert "agressieve" not in kinds


# Real sentences from the gold dev articles: (article, quoted text start, kind, speaker name part).
DEV_ROWS = [
    ("dpg-10748045", "De onbreekbare band tussen de VS en Israël", "direct", "Trump"),
    ("dpg-10748045", "Israël heeft nog nooit een betere vriend", "direct", "Netanyahu"),
    ("dpg-10748045", "Ik heb gehoord dat het wel oké", "direct", "Trump"),
    ("dpg-10748045", "hun beleid onveranderd blijft", "indirect", "Verenigde Naties"),
    ("dpg-10673250", "Turkije heeft de voordelen niet meer nodig", "indirect", "Washington"),
    ("dpg-10673250", "De Amerikaanse heffingen zijn al zo laag", "direct", "regeringsfunctionaris"),
    ("dpg-10673250", "Ankara alles zou doen", "indirect", "Pekcan"),
    ("dpg-10686864", "Er zijn genoeg lessen te trekken", "direct", "Wang Yi"),
    ("dpg-10772698", "Het begin van een nieuw tijdperk", "direct", "Yücel Demirer"),
    ("dpg-10772698", "Die moeten worden herteld", "indirect", "Yildirim"),  # "volgens hem" left out
    ("dpg-10772692", "De uitslag zou, nog", "indirect", "Yildirim"),  # ", meent hij," left out
    ("dpg-10801901", "We hebben gewonnen", "direct", "Gantz"),
    ("dpg-10728106", "Dan blijven we maar in cirkeltjes draaien", "direct", "Rutte"),
    ("dpg-10744630", "open te staan voor een tweede referendum", "indirect", "Hammond"),
    ("dpg-10797726", "een Europese leider die een veto uitspreekt", "indirect", "Varadkar"),
]


@pytest.mark.parametrize(("article", "text_start", "kind", "speaker"), DEV_ROWS)
def test_dev_sentences(article: str, text_start: str, kind: str, speaker: str) -> None:
    doc = _quotes(_dev_text(article))
    matches = [q for q in doc.quotes if q.text.startswith(text_start)]
    assert matches, [q.text for q in doc.quotes]
    q = matches[0]
    assert q.kind == kind
    assert q.speaker is not None and speaker in q.speaker.name
    # the text is the span [start, end), less an attribution inside it ("…, meent hij, …")
    span = doc.text[q.start : q.end]
    assert span.startswith(q.text.split(",")[0].split()[0]) and span.endswith(q.text.split()[-1])
    assert set(q.text.replace(",", " ").split()) <= set(span.replace(",", " ").split())


@pytest.mark.parametrize(
    "sentence",
    [
        "Netanyahu's bezoek aan de VS, eerder, was in grote harmonie verlopen.",
        "Maar met zo'n oplossing voor de brexitchaos nog geen millimeter naderbij, blijft het wankel.",
        "Waar The Sunday Times 's ochtends nog een paleisrevolutie aankondigde, scheen de coup doodgebloed.",
    ],
)
def test_apostrophes_are_not_quotes(sentence: str) -> None:
    assert _quotes(sentence).quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        # dev gold: "dreigen ... te" says what may happen, not what was said
        "De oplaaiende machtsstrijd van zwaarbewapende milities in Libië dreigt het land in een nog grotere chaos "
        "te storten.",
        "Partijmedewerkers dreigen in staking te gaan bij de campagne voor de aankomende raadsverkiezingen.",
        # the infinitive after "en" belongs to another verb than "beloofde"
        "Hij beloofde amnestie en zette de bevolking in om de manschappen over te halen.",
    ],
)
def test_infinitives_that_are_not_reported_speech(sentence: str) -> None:
    assert _quotes(sentence).quotes == []


def test_a_promise_to_do_something_is_reported_speech() -> None:
    doc = _quotes("Maduro beloofde nieuwe verkiezingen uit te schrijven.")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes] == [("indirect", "Maduro")]


def test_a_quoted_phrase_words_after_the_marker_is_partial(seed_doc: Document) -> None:
    # seed: "Volgens hem moeten Rusland en China zich ... verzetten tegen de ‘ideologische agenda’ van de VS"
    assert not [q for q in seed_doc.quotes if q.text == "ideologische agenda" and q.kind == "direct"]
    doc = _quotes("Volgens Lavrov ‘is het tijd voor een nieuwe wereldorde’.")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes] == [("direct", "Lavrov")]


def test_double_comma_marks_and_multi_sentence_quote() -> None:
    text = ('Campagneleider en Kamerlid Jan Paternotte zegt: "Als je gaat regeren kun je het flink voor de '
            'kiezen krijgen. Maar deze voorlopige uitslag is beter dan in de laatste opiniepeilingen '
            'is voorspeld."')
    doc = _quotes(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.kind == "direct" and q.text.startswith("Als je gaat regeren") and q.text.endswith("voorspeld.")
    assert q.speaker is not None and "Jan Paternotte" in q.speaker.name
    doc = _quotes(",,We hebben gewonnen. De Israeli's hebben hun stem laten horen\", zei Gantz.")
    assert [q.text for q in doc.quotes] == ["We hebben gewonnen. De Israeli's hebben hun stem laten horen"]


@pytest.mark.parametrize("text", ['"Dit is onaanvaardbaar," aldus Macron.', '“Dit is onaanvaardbaar,” zei Macron.',
                                  '"Dit is onaanvaardbaar", zei Macron.'])
def test_the_comma_before_the_attribution_may_stand_inside_the_closing_mark(text: str) -> None:
    doc = _quotes(text)
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("direct", "Dit is onaanvaardbaar", "Macron")]


def test_a_party_named_like_a_verb_is_the_speaker_not_the_cue() -> None:
    # dev gold dpg-10749319: "Denk" (the party) opens the sentence; the cue is "liet ... weten"
    doc = _quotes("Denk liet de Volkskrant dinsdag weten dat de partij alle scenario's openhoudt.")
    assert [(q.kind, q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("indirect", "liet weten", "Denk")]


@pytest.mark.parametrize("text", [
    "De Amerikaanse president zei dat bij de ontvangst dinsdag in Washington van zijn Braziliaanse ambtgenoot.",
    "Erdogan heeft eerder gedreigd dat weer te doen met nieuw gekozen HDP-burgemeesters.",
])
def test_a_demonstrative_dat_opens_no_content_clause(text: str) -> None:
    assert _quotes(text).quotes == []


@pytest.mark.parametrize(("text", "content"), [
    ("Trump zei dat in Venezuela de stroom was uitgevallen.", "in Venezuela de stroom was uitgevallen"),
    ("Erdogan zei dat we te maken hebben met terroristen.", "we te maken hebben met terroristen"),
    ("Hammond zei dat in de ministersploeg enige wanhoop heerst.", "in de ministersploeg enige wanhoop heerst"),
])
def test_a_content_clause_may_open_with_a_preposition_or_an_infinitive_phrase(text: str, content: str) -> None:
    assert [q.text for q in _quotes(text).quotes] == [content]


def test_the_cue_may_follow_a_long_subject_after_the_quotation() -> None:
    doc = _quotes('"We will not accept this," Russian Foreign Minister Sergei Lavrov told reporters.', language="en")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("direct", "Russian Foreign Minister Sergei Lavrov")]


def test_english_uses_the_same_engine() -> None:
    doc = _quotes('"We will not back down," Blinken said on Monday. "The United States stands with Taiwan."',
                  language="en")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("direct", "Blinken"), ("direct", "Blinken")]
    doc = _quotes("According to the Kremlin, the talks were constructive.", language="en")
    assert doc.quotes[0].kind == "indirect" and doc.quotes[0].text == "the talks were constructive"
