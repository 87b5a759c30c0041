"""Quote finder on the seed article of ../shared and on sentences written for each behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.document import Document
from dyad.lang.layer import analyse_text
from dyad.pipeline import registered
from dyad.quotes.finder import QuoteFinder

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "000_c8f14cc41eaac8fb.txt"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")


def _quotes(text: str, language: str = "nl") -> Document:
    doc = analyse_text(text, language=language)
    QuoteFinder(language, {})(doc)
    return doc


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


# Sentences written for one behaviour each: (text, quoted text start, kind, speaker name part).
ROWS = [
    # a direct quotation before its attribution, cue and speaker inverted
    ('"De vriendschap tussen Canada en Mexico is sterker dan ooit", zei Sheinbaum tijdens een diner.',
     "De vriendschap tussen Canada en Mexico", "direct", "Sheinbaum"),
    # a direct quotation after a colon, the speaker first
    ('Albanese verklaarde maandag: "Australië heeft nooit een trouwere bondgenoot gehad."',
     "Australië heeft nooit een trouwere bondgenoot", "direct", "Albanese"),
    # a direct quotation that holds a content clause of its own stays one direct quotation
    ('"Ik heb begrepen dat de regeling prima werkt", zei Kishida tegen verslaggevers.',
     "Ik heb begrepen dat de regeling", "direct", "Kishida"),
    # an organisation of two words reports a content clause
    ("De Wereldbank benadrukte dat haar leenvoorwaarden ongewijzigd blijven.",
     "haar leenvoorwaarden ongewijzigd blijven", "indirect", "Wereldbank"),
    # reported speech without marks before an inverted attribution
    ("Brazilië heeft de Europese subsidies niet langer nodig, stelt Brussel.",
     "Brazilië heeft de Europese subsidies", "indirect", "Brussel"),
    # a common noun phrase as speaker
    ('"Onze importtarieven zijn nu al erg bescheiden", zei een ambtenaar van het ministerie.',
     "Onze importtarieven zijn nu al", "direct", "ambtenaar"),
    # a content clause with a modal past ("zou")
    ("Okonjo zei dat Nigeria alles zou doen om de handelsruzie bij te leggen.",
     "Nigeria alles zou doen", "indirect", "Okonjo"),
    # a two-word Asian name after the cue
    ('"Er valt genoeg te leren van deze crisis", zei Li Qiang op een persconferentie.',
     "Er valt genoeg te leren", "direct", "Li Qiang"),
    # a name with diacritics
    ('"Dit is de start van een nieuwe periode", zei de politicoloog Şükrü Aydın.',
     "Dit is de start van een nieuwe", "direct", "Aydın"),
    # "volgens hem" inside the clause: left out of the text, the pronoun resolves to the last speaker
    ("Burgemeester Kowalczyk wantrouwt de gemeentelijke administratie. Alle kiezerslijsten moeten volgens hem "
     "grondig worden nagelopen.", "Alle kiezerslijsten moeten grondig", "indirect", "Kowalczyk"),
    # an attribution between commas inside the clause (", vindt hij,") is left out of the text
    ("Wethouder Janssens is niet tevreden. De begroting zou, vindt hij, nog flink moeten worden aangepast.",
     "De begroting zou, nog", "indirect", "Janssens"),
    # a double-comma opening mark (",,") before the attribution
    (',,Het is ons gelukt", zei Sharif na de telling.', "Het is ons gelukt", "direct", "Sharif"),
    # a direct quotation that opens with an adverb and a particle
    ('"Zo komen we natuurlijk nooit verder", zei Frederiksen.',
     "Zo komen we natuurlijk nooit verder", "direct", "Frederiksen"),
    # an infinitive complement as reported speech
    ("Lagarde zei bereid te zijn tot een nieuwe renteverlaging.",
     "bereid te zijn tot een nieuwe renteverlaging", "indirect", "Lagarde"),
    # a content clause whose subject holds a relative clause
    ("Kallas zei dat een Baltische minister die het akkoord blokkeert snel alleen zou staan.",
     "een Baltische minister die het akkoord blokkeert", "indirect", "Kallas"),
]


@pytest.mark.parametrize(("text", "text_start", "kind", "speaker"), ROWS)
def test_written_sentences(text: str, text_start: str, kind: str, speaker: str) -> None:
    doc = _quotes(text)
    matches = [q for q in doc.quotes if q.text.startswith(text_start)]
    assert matches, [q.text for q in doc.quotes]
    q = matches[0]
    assert q.kind == kind
    assert q.speaker is not None and speaker in q.speaker.name
    # the text is the span [start, end), less an attribution inside it ("…, vindt hij, …")
    span = doc.text[q.start : q.end]
    assert span.startswith(q.text.split(",")[0].split()[0]) and span.endswith(q.text.split()[-1])
    assert set(q.text.replace(",", " ").split()) <= set(span.replace(",", " ").split())


@pytest.mark.parametrize(
    "sentence",
    [
        "Jacinda's reis naar Japan, vorige maand, was zonder enig incident verlopen.",
        "Met zo'n begroting nog altijd geen stap dichter bij een akkoord, blijft de coalitie onrustig.",
        "Waar het dagblad 's avonds nog een kabinetscrisis voorspelde, leek de ruzie de volgende dag bijgelegd.",
    ],
)
def test_apostrophes_are_not_quotes(sentence: str) -> None:
    assert _quotes(sentence).quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        # "dreigen ... te" says what may happen, not what was said
        "Het aanhoudende geweld van rivaliserende bendes in Haïti dreigt de hoofdstad volledig te ontwrichten.",
        "Buschauffeurs dreigen het werk neer te leggen tijdens de drukke zomervakantie.",
        # the infinitive after "en" belongs to another verb than "beloofde"
        "Zij beloofde hulp en stuurde de brandweer erop uit om de bewoners te evacueren.",
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
    text = ('Fractievoorzitter en Statenlid Marieke Bosman zegt: "Wie bestuurt, moet ook klappen kunnen '
            'incasseren. Toch valt dit resultaat gunstiger uit dan alle peilingen hadden gedacht."')
    doc = _quotes(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.kind == "direct" and q.text.startswith("Wie bestuurt") and q.text.endswith("gedacht.")
    assert q.speaker is not None and "Marieke Bosman" in q.speaker.name
    doc = _quotes(",,Het is ons gelukt. De Pakistani's hebben hun keuze gemaakt\", zei Sharif.")
    assert [q.text for q in doc.quotes] == ["Het is ons gelukt. De Pakistani's hebben hun keuze gemaakt"]


@pytest.mark.parametrize("text", ['"Dit is onaanvaardbaar," aldus Macron.', '“Dit is onaanvaardbaar,” zei Macron.',
                                  '"Dit is onaanvaardbaar", zei Macron.'])
def test_the_comma_before_the_attribution_may_stand_inside_the_closing_mark(text: str) -> None:
    doc = _quotes(text)
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("direct", "Dit is onaanvaardbaar", "Macron")]


def test_a_party_named_like_a_verb_is_the_speaker_not_the_cue() -> None:
    # "Denk" (the party) opens the sentence; the cue is "liet ... weten"
    doc = _quotes("Denk liet het persbureau woensdag weten dat de fractie tegen de motie stemt.")
    assert [(q.kind, q.cue, q.speaker.name if q.speaker else None) for q in doc.quotes] == [
        ("indirect", "liet weten", "Denk")]


@pytest.mark.parametrize("text", [
    "De Spaanse premier zei dat tijdens het bezoek maandag in Madrid aan zijn Portugese collega.",
    "De vakbond heeft al vaker gedreigd dat nogmaals te doen bij nieuwe bezuinigingen.",
])
def test_a_demonstrative_dat_opens_no_content_clause(text: str) -> None:
    assert _quotes(text).quotes == []


@pytest.mark.parametrize(("text", "content"), [
    ("Sánchez zei dat in Andalusië de oogst was mislukt.", "in Andalusië de oogst was mislukt"),
    ("Meloni zei dat we te maken hebben met smokkelaars.", "we te maken hebben met smokkelaars"),
    ("Scholz zei dat in de coalitie grote onvrede heerst.", "in de coalitie grote onvrede heerst"),
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
