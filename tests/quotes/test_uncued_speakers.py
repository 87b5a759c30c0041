"""Who says a Dutch quotation without a cue (`nl.direct.previous_speaker`), and whom a speaker phrase stands for, on
sentences written for these tests: a person introduced after the last quotation, as the subject of a sentence
between them, takes the quotation over from the older speaker (a pronoun there continues the older speaker); so does
the source of "volgens" in the sentence before, and a name with an age after the quotation; a pronoun stands for no
name after a preposition the actor resolver does not know (a place: "op de Grote Markt"), for a full name before it
in its own sentence, and goes on with the same pronoun before the name the resolver gave it; "die laatste" stands
for the person named last; a word between brackets is no speaker; a role written with capitals ("het Tweede
Kamerlid") and a titled person's surname stand for a person; the subject of an opening "dat" clause is none; "van
die ambassade" and "van de fractie" belong to the speaker phrase, and a heading word run into it does not; "aldus"
takes a source the role lists lack; two quotations joined by "en" share the attribution after the second; a role
of a named place ("van de stad X") names its own holder."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _uncued(text: str) -> Quote:
    found = [q for q in _quotes(text) if q.rule.endswith(".previous_speaker")]
    assert found, [(q.text, q.rule, q.speaker) for q in _quotes(text)]
    return found[-1]


def _name(q: Quote) -> str:
    assert q.speaker is not None
    return q.speaker.name


_INTRODUCED = [
    # the subject of a sentence two before the quotation, after an older quotation
    ("\"We bouwen dit jaar driehonderd woningen\", zegt wethouder Karel Verbeek. "
     "Projectleider Marloes Gerritsen kent de plannen al jaren. Het terrein ligt nu nog braak. "
     "\"Eerst moet de grond worden gesaneerd.\"", "Marloes Gerritsen"),
]


@pytest.mark.parametrize(("text", "speaker"), _INTRODUCED)
def test_a_person_introduced_after_the_last_quotation(text: str, speaker: str) -> None:
    assert _name(_uncued(text)).endswith(speaker)


def test_a_pronoun_after_the_last_quotation_continues_its_speaker() -> None:
    text = ("\"De dijk is te laag\", zegt waterbouwer Frits Molenaar. "
            "Daar denkt de provincie anders over, weet hij. De provincie wil eerst meten. "
            "\"Dan zijn we weer een jaar verder.\"")
    assert _name(_uncued(text)).endswith("Frits Molenaar")


def test_a_pronoun_stands_for_no_place_named_after_a_preposition() -> None:
    # the actor resolver's guess for "hij" is the first unknown name of the sentence before, here a square
    text = ("Een paar straten verderop, op de Grote Markt, staat de nieuwe commandant van de brandweer, Henk Kuipers: "
            "hij is net terug van vakantie. \"We hebben het vuur onder controle\", zegt hij. "
            "De brand woedde de hele nacht op het Stationsplein. \"Morgen gaan we de schade opnemen.\"")
    found = _quotes(text)
    assert [_name(q) for q in found] == ["Henk Kuipers", "Henk Kuipers"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("\"Een mooie dag\", noemde Karel Bosman de opening van de brug met zijn collega Ruud Meijer uit Zwolle. "
     "\"We hebben lang gewacht\", zei die laatste.", "Ruud Meijer"),
    ("Burgemeester Ineke Smit sprak met wethouder Tom Brouwer. De laatstgenoemde verklaarde dat de brug in mei "
     "opengaat.", "Tom Brouwer"),
])
def test_the_last_named_person(text: str, speaker: str) -> None:
    found = [q for q in _quotes(text) if q.speaker is not None and q.speaker.name.endswith(speaker)]
    assert found, [(q.text, q.rule, q.speaker) for q in _quotes(text)]


def test_the_last_years_are_no_speaker() -> None:
    text = ("\"Het gaat goed met de winkels\", zegt ondernemer Anna Vos. De laatste jaren zijn er veel bijgekomen. "
            "\"Er staat bijna niets meer leeg.\"")
    assert _name(_uncued(text)).endswith("Anna Vos")


def test_a_word_between_brackets_is_no_speaker() -> None:
    text = ("Schrijver Bart Jonker deelt de kandidaten in vijf groepen in. In groep 3 (Hoop) vinden we de optimisten: "
            "\"Zij geloven nog altijd in een goede afloop.\" In groep 4 (Twijfel) staan de zwevende kiezers. "
            "\"Zij weten het gewoon nog niet.\"")
    names = [_name(q) for q in _quotes(text)]
    assert names and not any(n in {"Hoop", "Twijfel"} for n in names), names


def test_a_role_written_with_capitals_stands_for_the_person_before() -> None:
    text = ("\"De campagne was zwaar\", zegt partijleider Ruud Kok. Het Tweede Kamerlid trok drie maanden door het "
            "land. \"Ik heb nog nooit zoveel koffie gedronken.\"")
    assert _name(_uncued(text)).endswith("Ruud Kok")


def test_an_inserted_pronoun_stands_for_the_full_name_before_it_in_its_sentence() -> None:
    text = ("De zoons van buurman Kees Verhoef mogen in het land blijven. Truus Bakker kan het nieuws nauwelijks "
            "geloven, vertelt ze aan de telefoon. \"Ik ben zo ontzettend blij voor ze.\"")
    assert [_name(q) for q in _quotes(text)] == ["Truus Bakker", "Truus Bakker"]


@pytest.mark.parametrize(("text", "speaker"), [
    # "volgens" in the sentence before, where no reported speech was found
    ("\"We openen in maart\", zegt wethouder Gert Ploeg. Niemand had volgens buurtvoorzitter Jan Smeets verwacht "
     "dat het plan zo snel klaar zou zijn. \"We hebben er tien jaar op gewacht.\"", "Jan Smeets"),
    # the source of "volgens" is a person where a role stands before the name
    ("\"De verkoop loopt goed\", zegt directeur Hans Vermeulen. Klanten bleven volgens voormalig financieel "
     "directeur Loes Hartman van de Bakkerij weg. \"Niemand wist wat de prijzen gingen doen.\"", "Loes Hartman"),
])
def test_the_source_of_volgens_in_the_sentence_before(text: str, speaker: str) -> None:
    assert speaker in _name(_uncued(text))


@pytest.mark.parametrize("clause", ["Dat Kees Bakker het bedrijf overnam, was een fout.",
                                    "Dat Kees Bakker failliet ging, had met de crisis te maken."])
def test_the_subject_of_a_dat_clause_that_opens_the_sentence_is_no_speaker(clause: str) -> None:
    text = (f"\"Het bedrijf was gezond\", zegt oud-eigenaar Piet Wolters. {clause} "
            "\"De bank wilde gewoon niet meer lenen.\"")
    assert _name(_uncued(text)).endswith("Piet Wolters")


def test_a_surname_of_a_titled_person_is_a_person() -> None:
    # the actor resolver gives the minister's surname the state he acts for; it still names a person, who speaks
    text = ("\"Het plan is klaar\", zei minister Karel Dijkhof vorige week. \"Het kost wel veel geld\", zei Eva Bos "
            "van de Rekenkamer. Dijkhof zelf ontkent dat hij te veel geld uitgeeft. \"Elke euro is goed besteed.\"")
    assert _name(_uncued(text)).endswith("Karel Dijkhof")


def test_a_pronoun_goes_on_with_the_same_pronoun_before_the_name_it_was_given() -> None:
    # the actor resolver gives the last "hij" the name after the "hij" of the sentence before
    text = ("Student Pieter Brand wil terug naar Nederland. Dit zei hij gisteren tegen de NOS. In 2014 vertrok hij "
            "naar Spanje. Niet veel later trouwde hij met de toen 19-jarige Maria Lopez. Tegen de NOS vertelde hij "
            "dat hij haar erg jong vond. \"Om eerlijk te zijn, twijfelde ik eerst.\"")
    assert [_name(q) for q in _quotes(text)] == ["Student Pieter Brand", "Student Pieter Brand"]


def test_a_quotation_with_a_name_and_age_after_it() -> None:
    # people asked in turn: a quotation as a heading, the name and age, what they do, their answer
    text = ("\"Het stadion moet blijven\", zegt voorzitter Rob Smit. Drie supporters over de plannen. 'Ik kom hier al "
            "dertig jaar' Wim de Ruiter (58) Seizoenkaarthouder uit Zeist 'Elke thuiswedstrijd zit ik op dezelfde "
            "plek.'")
    found = {q.text: _name(q) for q in _quotes(text)}
    assert found["Ik kom hier al dertig jaar"] == "Wim de Ruiter"


def test_a_demonstrative_after_van_belongs_to_the_speaker_phrase() -> None:
    text = ("De Nederlander zit vast in Caïro. Hij krijgt hulp van de Nederlandse ambassade. Een woordvoerder van die "
            "ambassade zegt niets te kunnen doen. \"Dat moet de familie zelf regelen.\"")
    assert _name(_uncued(text)) == "Een woordvoerder van die ambassade"


def test_a_headline_a_paper_printed() -> None:
    text = "Na de stemming was de toon hard. 'Chaos op het Binnenhof, kabinet wankelt', kopte De Telegraaf maandag."
    assert [_name(q) for q in _quotes(text)] == ["De Telegraaf"]


def test_a_heading_run_into_a_role_with_its_body_and_name() -> None:
    # a heading word before "De …" is no part of the speaker phrase; the role runs on over the body the actor
    # resolver found ("van de fractie"), and the name in apposition to it speaks
    text = ("\"We stemmen tegen\", zegt Kamerlid Hans Kramer van GroenLinks. Twijfel De vorige woordvoerder van de "
            "fractie, Petra Dam, noemde het plan 'veel te duur'. Zij werkte eerder bij een bank. "
            "\"Ik weet wat geld kost.\"")
    assert [_name(q) for q in _quotes(text)][1:] == ["Petra Dam", "Petra Dam"]


def test_a_source_after_aldus_the_role_lists_lack() -> None:
    text = ("Het noodweer trok de hele nacht over de staat. \"De schade is enorm,\" aldus sheriff Dunn. "
            "\"Ik heb nog nooit zoveel omgewaaide bomen gezien.\"")
    assert [_name(q) for q in _quotes(text)] == ["sheriff Dunn", "sheriff Dunn"]


def test_two_quotations_joined_by_en_share_the_attribution_after_the_second() -> None:
    text = ("Het besluit viel goed. 'Een historische dag' en 'een grote stap vooruit voor de stad', aldus "
            "burgemeester Ineke Smit.")
    assert [_name(q) for q in _quotes(text)] == ["burgemeester Ineke Smit", "burgemeester Ineke Smit"]


def test_a_pronoun_goes_on_with_the_same_pronoun_sentences_back() -> None:
    text = ("Student Pieter Brand wil terug naar Nederland. Dit zei hij gisteren tegen de NOS. In 2014 vertrok hij "
            "naar Spanje. Niet veel later trouwde hij met de toen 19-jarige Maria Lopez. Het paar woont in Sevilla. Er "
            "kwamen twee kinderen. \"Het was een goede tijd,\" zei hij over die jaren.")
    assert [_name(q) for q in _quotes(text)] == ["Student Pieter Brand"]


def test_a_role_of_a_named_place_is_no_earlier_holder() -> None:
    # "de burgemeester van de stad X" names its holder by the place, not the person with that role before
    text = ("Het noodweer trok over het dorp. Oud-burgemeester Kees Dekker sprak van een ramp. \"Er zijn veel bomen "
            "omgewaaid,\" meldde de burgemeester van de stad Delden. \"De schade is enorm.\"")
    assert {_name(q) for q in _quotes(text)} == {"de burgemeester van de stad Delden"}


def test_the_person_quoted_last_when_no_sentence_near_names_a_speaker() -> None:
    # four sentences of narration that name no one stand between the quotations: the article goes on quoting the
    # person it quoted last
    text = ("\"We openen de brug in mei\", zegt wethouder Karel Verbeek. De brug kost twaalf miljoen euro. Het "
            "ontwerp komt uit Delft. De bouw begon twee jaar geleden. Er werkten honderd mensen aan. \"We vieren "
            "de opening met de hele stad.\"")
    assert [_name(q) for q in _quotes(text)] == ["wethouder Karel Verbeek", "wethouder Karel Verbeek"]


def test_a_body_quoted_last_is_no_speaker_far_back() -> None:
    # a body's words far back are no guess for a quotation without a cue: it is left out
    text = ("\"We openen de brug in mei\", meldt de gemeente. De brug kost twaalf miljoen euro. Het ontwerp komt uit "
            "Delft. De bouw begon twee jaar geleden. Er werkten honderd mensen aan. \"We vieren de opening met de hele "
            "stad.\"")
    assert [_name(q) for q in _quotes(text)] == ["de gemeente"]
