"""Speakers and quotations by class, on sentences written for these tests (not taken from any corpus):
cue-less quotations after interview questions and headings, names with particles, inserted cues."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Document, Quote
from dyad.quotes.lexicon import get_lexicon
from dyad.quotes.speakers import Phrase, PhraseFinder, SpeakerResolver


def _doc(text: str) -> Document:
    return analyse(Article(id="t", text=text, language="nl", published=None))


def _quote(doc: Document, start: str) -> Quote:
    for q in doc.quotes:
        if q.text.startswith(start):
            return q
    raise AssertionError(f"no quote starting {start!r}: {[q.text for q in doc.quotes]}")


def _speaker(q: Quote) -> str:
    assert q.speaker is not None
    return q.speaker.name


def test_answer_after_an_interview_question_keeps_the_interviewee() -> None:
    doc = _doc(
        "Wethouder Karel Verhoef wil meer fietspaden in de binnenstad. "
        "‘We beginnen dit jaar nog met de eerste twee routes’, zegt Verhoef. "
        "Wat vinden de winkeliers daarvan? "
        "‘De meeste ondernemers zijn enthousiast over de plannen, zeker in de oude wijken.’"
    )
    assert "Verhoef" in _speaker(_quote(doc, "De meeste ondernemers"))


def test_name_with_particles_is_one_name() -> None:
    doc = _doc("‘Het kabinet moet nu echt kleur bekennen over de begroting’, zegt Pieter van der Linden.")
    assert _speaker(_quote(doc, "Het kabinet moet")).endswith("van der Linden")


@pytest.mark.parametrize("heading", ["Twijfel", "Nieuwe plannen"])
def test_a_heading_is_no_speaker(heading: str) -> None:
    doc = _doc(
        "‘De provincie heeft de subsidie veel te laat toegekend’, zegt gedeputeerde Anna Bakker. "
        f"{heading}\n"
        "‘Daardoor konden de dorpen hun plannen niet op tijd uitvoeren.’"
    )
    q = _quote(doc, "Daardoor konden")
    assert "Bakker" in _speaker(q)


def test_inserted_cue_after_zo() -> None:
    doc = _doc("De nieuwe regels voor de huurmarkt komen veel te laat, zo stelt de Woonbond.")
    q = _quote(doc, "De nieuwe regels")
    assert q.kind == "indirect" and q.text.endswith("veel te laat")
    assert "Woonbond" in _speaker(q)


def test_inserted_cue_with_an_apposition_keeps_the_statement_alone() -> None:
    doc = _doc("Het debat ging nauwelijks over de inhoud, zegt Marieke de Wit, hoogleraar bestuurskunde in Delft.")
    q = _quote(doc, "Het debat ging")
    assert q.text == "Het debat ging nauwelijks over de inhoud"
    assert _speaker(q).endswith("de Wit")


def test_verb_of_belief_reports_a_view() -> None:
    doc = _doc("Burgemeester Lotte Dijkstra vreest dat de kosten van de nieuwe brug nog verder oplopen.")
    q = _quote(doc, "de kosten")
    assert q.kind == "indirect" and "Dijkstra" in _speaker(q)


@pytest.mark.parametrize("opener", ["Overigens", "Telkens"])
def test_a_capitalised_function_word_is_no_speaker(opener: str) -> None:
    doc = _doc(
        "Kamerlid Ruben Smeets wil een onderzoek naar de subsidies. "
        f"{opener} zegt hij dat de provincie het geld beter had kunnen besteden."
    )
    q = _quote(doc, "de provincie")
    assert "Smeets" in _speaker(q)


def test_adjective_and_unlisted_noun_before_a_name() -> None:
    doc = _doc("De Noorse historicus Lars Eriksen vindt dat de grens tussen de twee landen nooit duidelijk was.")
    q = _quote(doc, "de grens")
    assert _speaker(q).endswith("Lars Eriksen")


def test_surname_with_a_capitalised_particle_before_a_colon() -> None:
    doc = _doc(
        "Twee raadsleden debatteren over de nieuwe parkeertarieven. "
        "De Wit: ‘Wie in de stad woont, moet zijn auto ook kwijt kunnen.’ "
        "Van Dongen: ‘Dan bouwen we liever een grote garage aan de rand van de stad.’"
    )
    assert "Dongen" in _speaker(_quote(doc, "Dan bouwen we"))
    assert "Wit" in _speaker(_quote(doc, "Wie in de stad"))


_SCHOLTEN = "Marleen Scholten volgt de zaak al jaren. "


@pytest.mark.parametrize(("before", "cue", "speaker"), [
    # separable verbs of telling
    ("", "licht Marieke Jansen toe", "Jansen"),
    ("", "blikt Marieke Jansen terug", "Jansen"),
    ("", "voegde Marieke Jansen eraan toe", "Jansen"),
    ("", "legde Marieke Jansen uit", "Jansen"),
    # a role or an adjective of origin without a name: the person named before
    (_SCHOLTEN, "verwacht de Utrechtse hoogleraar", "Scholten"),
    (_SCHOLTEN, "verwacht de emeritus hoogleraar staatsrecht", "Scholten"),
    (_SCHOLTEN, "verwacht de Groningse", "Scholten"),
])
def test_cue_after_a_quotation(before: str, cue: str, speaker: str) -> None:
    doc = _doc(f"{before}‘We hadden destijds gewoon te weinig geld voor de dijken’, {cue}.")
    assert speaker in _speaker(_quote(doc, "We hadden destijds"))


def test_a_quotation_without_a_closing_mark_runs_to_the_next_opening_mark() -> None:
    doc = _doc(
        "‘Het gaat goed met de haven’, zegt havenwethouder Ruud Smits. "
        ",,Er komen steeds meer schepen binnen. Ik ben daar blij mee. Ze laden en lossen sneller. "
        ",,Volgend jaar breiden we de kade uit met driehonderd meter.''"
    )
    q = _quote(doc, "Er komen steeds meer schepen")
    assert q.text.endswith("Ze laden en lossen sneller.") and "Smits" in _speaker(q)


def test_an_adjective_of_origin_before_a_noun_is_no_speaker_on_its_own() -> None:
    doc = _doc("Volgens de Groningse gemeenteraad moet de gaswinning nog dit jaar stoppen.")
    assert "gemeenteraad" in _speaker(_quote(doc, "moet de gaswinning"))


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Volgens voormalig medisch directeur Anouk Veldkamp haakten de patiënten af.", "Veldkamp"),
    ("Volgens onderzoekers zijn de wachtlijsten in het noorden het langst.", "onderzoekers"),
    ("Volgens zijn aanhangers is de stad onder zijn bewind vooruitgegaan.", "aanhangers"),
])
def test_according_to_a_source_the_role_lists_do_not_know(sentence: str, speaker: str) -> None:
    q = [q for q in _doc(sentence).quotes if q.kind == "indirect"]
    assert q and speaker in _speaker(q[0])


@pytest.mark.parametrize("sentence", [
    "Volgens de eerste resultaten wint de zittende burgemeester ruim.",
    "Hij leeft volgens een strikte uitleg van de regels van zijn club.",
])
def test_according_to_a_measure_or_rule_is_no_quote(sentence: str) -> None:
    assert [q for q in _doc(sentence).quotes if q.kind == "indirect"] == []


def test_infinitive_content_right_after_the_verb() -> None:
    doc = _doc("Advocaat Ruben Mol zegt te zijn misleid door het waterschap.")
    q = _quote(doc, "te zijn misleid")
    assert q.kind == "indirect" and "Mol" in _speaker(q)


def test_a_spokesperson_of_a_role_or_body_keeps_whom_it_speaks_for() -> None:
    doc = _doc("Een woordvoerder van de staatssecretaris zegt dat de regeling na de zomer ingaat.")
    assert _speaker(_quote(doc, "de regeling")).endswith("staatssecretaris")


# (what the case shows, text, start of the quote, part of its speaker's name)
SPEAKER_CASES = [
    pytest.param(
        "‘De haven moet open blijven’, zegt wethouder Saskia Mulder. "
        "Ook Joris Hendriks van de ondernemersvereniging kent de problemen op de kade. "
        "De Rotterdamse ondernemer zegt dat de vrachtwagens nu uren moeten wachten.",
        "de vrachtwagens", "Hendriks", id="bare_role_noun_is_the_person_named_just_before",
    ),
    pytest.param(
        "Burgemeester Lotte Visser is tevreden. ‘Eerste zin van het antwoord. Tweede zin erover. "
        "Derde zin erover. Vierde zin erover. Vijfde zin erover. Zesde zin over de wijk.’ "
        "Waarom duurde het zo lang? Het plan lag er al jaren. "
        "‘Omdat de provincie eerst moest betalen voor de nieuwe brug.’",
        "Omdat de provincie", "Visser", id="a_long_quotation_carries_its_speaker_over_the_question_after_it",
    ),
    pytest.param(
        "‘We willen meer woningen bouwen, vooral voor starters’, zegt wethouder Femke Dijkstra. "
        "Vorig jaar concludeerde een onderzoekscommissie nog dat de bouw veel te traag ging. "
        "‘Dat klopt, maar we hebben inmiddels twee nieuwe projecten gestart.’",
        "Dat klopt", "Dijkstra", id="an_answer_after_a_body_reported_in_the_question_stays_with_the_interviewee",
    ),
    pytest.param(
        "‘Kijk naar burgemeester Hanneke Bosman. Zij durft tenminste te kiezen’, zegt oud-minister Gerrit Kuipers. "
        "Bosman sloot vorig jaar drie coffeeshops in het centrum. "
        "‘Dat is leiderschap, en dat mis ik in Den Haag.’",
        "Dat is leiderschap", "Kuipers", id="a_person_the_speaker_talks_about_does_not_take_over_the_next_quotation",
    ),
    pytest.param(
        "Dat is juridisch niet houdbaar, zegt hoogleraar staatsrecht Els Verbeek van de Universiteit Leiden. "
               "‘De wet laat zo'n maatregel eenvoudig niet toe.’",
        "De wet laat", "Verbeek", id="role_with_its_field_before_the_name",
    ),
    pytest.param(
        "Wethouder Inge Bos opende gisteren de nieuwe brug. Spijt zegt ze niet te hebben van de hoge kosten.",
        "niet te hebben", "Bos", id="a_pronoun_right_after_the_verb_is_its_subject",
    ),
    pytest.param(
        "‘We beginnen volgend jaar met de bouw’, zegt wethouder Anna Bakker. "
        "KORT NIEUWS Op het plein komen tweehonderd plekken bij. ‘Die zijn hard nodig in de oude wijk.’",
        "Die zijn hard nodig", "Bakker", id="a_heading_in_capitals_run_into_the_next_sentence_is_no_speaker",
    ),
    pytest.param(
        "‘We beginnen volgend jaar met de bouw’, zegt wethouder Anna Bakker. "
        "Parkeerdruk Op het plein komen tweehonderd plekken bij. ‘Die zijn hard nodig in de oude wijk.’",
        "Die zijn hard nodig", "Bakker", id="a_heading_word_written_once_is_no_speaker",
    ),
    pytest.param(
        "‘De regels zijn helder’, zegt Pieter de Groot. "
        "Deze week maakte de Amerikaanse toezichthouder FAA bekend dat het verbod blijft. "
        "Gaat De Groot niet te snel? ‘Hoe sneller hoe beter, geldt hier volgens mij.’",
        "Hoe sneller", "de Groot", id="a_body_named_after_its_noun_is_no_interviewee",
    ),
    pytest.param(
        "Het festival groeit ieder jaar, meent de schrijver Anna Bakker. "
        "Voor het festival in de hoofdstad laat zij veel auteurs uit het buitenland overkomen. "
        "‘Ze willen heel graag iets terugdoen voor hun land van herkomst.’",
        "Ze willen heel graag", "Bakker", id="a_quotation_without_a_cue_after_reported_speech_is_the_reported_speakers",
    ),
]


@pytest.mark.parametrize(("text", "start", "speaker"), SPEAKER_CASES)
def test_speaker_found_by_class(text: str, start: str, speaker: str) -> None:
    assert speaker in _speaker(_quote(_doc(text), start))


def test_an_interview_answer_of_many_sentences_is_one_quotation() -> None:
    answer = " ".join(f"Punt {n} van het plan gaat over de dijken in het noorden." for n in range(1, 11))
    doc = _doc(
        "‘We beginnen volgend jaar met de bouw’, zegt gedeputeerde Anna Bakker. "
        "Wat staat er in het plan? "
        f",,{answer}'' Ze wil het plan dit najaar aan de Staten voorleggen."
    )
    q = _quote(doc, "Punt 1 van")
    assert q.text.endswith("Punt 10 van het plan gaat over de dijken in het noorden.")
    assert "Bakker" in _speaker(q)


def test_established_names() -> None:
    # a full name, a single name written twice, an actor: established; a single name written once, or a word in
    # capitals (a heading): not
    doc = _doc("Pieter de Groot sprak met Bakker. Bakker knikte. Kraaijenstein en DIJKEN lagen stil.")
    lex = get_lexicon("nl")
    resolver = SpeakerResolver(doc, lex, PhraseFinder(doc, lex, set()))

    def at(word: str) -> Phrase:
        i = next(t.i for t in doc.tokens if t.text == word)
        return Phrase(i, i + 1, "name")

    pieter = next(t.i for t in doc.tokens if t.text == "Pieter")
    assert resolver.established(Phrase(pieter, pieter + 3, "name"))
    assert resolver.established(at("Bakker"))
    assert not resolver.established(at("Kraaijenstein"))
    assert not resolver.established(at("DIJKEN"))


@pytest.mark.parametrize(("text", "start", "name"), [
    # a definite body noun stands for the body named with that noun before
    ("De Amerikaanse krant The Boston Globe maakt zich zorgen over de begroting. "
     "Volgens de krant is het plan onbetaalbaar.", "is het plan onbetaalbaar", "The Boston Globe"),
    ("De inlichtingendienst AIVD waarschuwt voor extremisme. De dienst stelt dat de dreiging groeit.",
     "de dreiging groeit", "AIVD"),
])
def test_a_definite_body_noun_is_the_body_named_before(text: str, start: str, name: str) -> None:
    assert _speaker(_quote(_doc(text), start)) == name


@pytest.mark.parametrize("text", [
    "De brug blijft nog een week dicht, zegt de woordvoerder van de gemeente, Jan de Vries.",
    "De brug blijft nog een week dicht, zei de woordvoerder van de gemeente, Jan de Vries, tegen de krant.",
    "‘De brug blijft nog een week dicht’, zegt de woordvoerder van de gemeente, Jan de Vries.",
])
def test_a_role_named_in_an_apposition_after_the_cue_is_the_name(text: str) -> None:
    q = _quote(_doc(text), "De brug blijft")
    assert q.text == "De brug blijft nog een week dicht"
    assert _speaker(q) == "Jan de Vries"
