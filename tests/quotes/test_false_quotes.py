"""Quoted text that is no quote in Dutch news, on sentences written for these tests: a quoted phrase inside a
sentence whose every word is capitalised (or opens with a digit) names a programme, document, group or code, and is
reported as no partial quote (nor as a direct one where a naming verb is its cue: "'Ellie', zoals X haar noemen"); a
quoted phrase of ordinary words beside it still is one. A sentence adverb that opens a
sentence before its inverted verb ("Desondanks zegt X dat …") is no speaker. An inserted speaker phrase that the lists
lack runs on over "van" and a determiner and common noun ("…, zegt een oud-adviseur van de stichting."). "Vorig" and
"komend" ("Vorig jaar zei X") are time words, no speakers. A quoted phrase without a cue in a relative clause ("de
leden die '…'", "een leider '…die…'") is said of the noun before it, not by the subject of the sentence. A name
that opens a sentence with an apposition after it speaks the quotation after the colon, past a clause word in the
apposition ("X, toen nog …, nu directeur: '…'"). A clause opened by a conjunction after a quotation ("'…', maar dat X
aangeeft …") is no attribution of it. A source of "volgens" cut off before a head that is no source ("volgens een
recent onderzoek") reports nothing. A noun phrase the lists lack right after the cue of a quotation ("'…', schreef een
dominee in de kerkbode") speaks it, not the speaker before. A word or two quoted right after "dat" that the clause
goes on with ("dat 'duurzaam' op elk pak staat") is a term, not a direct quotation. A cue in an infinitive of
purpose ("om het gerucht te weerspreken dat …") reports nothing; one in an infinitive of means ("door te benadrukken
dat …") does. A subject pronoun after an initial that the sentence layer did not split at ("Karim B. Hij zei …") is
no part of the name."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


_TITLES = [
    # a programme after a preposition
    ("Wethouder Petra Smeets vertelde er vorige week over bij 'Goedemorgen Nederland'.", "Goedemorgen Nederland"),
    # a code name after a naming verb
    ("Rechercheur Jan Vos noemt de verdachte 'T-12', naar het nummer van zijn dossier.", "T-12"),
    # the name of a product in a sentence with a statement after it
    ("Op de markt verkoopt minister Anna Dekker zeep van het merk 'Vrijheid', en zegt ze lachend: 'Dit is wat "
     "wij maken.'", "Vrijheid"),
    # terms of several capitalised words
    ("Het kabinet wil dat de term 'Nieuwe Europese Defensie Unie' verdwijnt uit de stukken.",
     "Nieuwe Europese Defensie Unie"),
    ("Burgemeester Ria Lammers verwacht dat de naam 'Grote Markt Oost Kwartier' blijft.",
     "Grote Markt Oost Kwartier"),
]


@pytest.mark.parametrize(("text", "title"), _TITLES)
def test_a_quoted_name_or_title_is_no_quote(text: str, title: str) -> None:
    assert all(q.text != title for q in _quotes(text)), [(q.text, q.rule) for q in _quotes(text)]


def test_a_quoted_phrase_of_ordinary_words_is_still_a_partial_quote() -> None:
    qs = _quotes("Minister Karel de Bruin noemde het plan van de oppositie 'volstrekt onhaalbaar'.")
    assert any(q.text == "volstrekt onhaalbaar" and q.kind == "partial" for q in qs), [(q.text, q.kind) for q in qs]



def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in _quotes(text)]


_ADVERB_OPENERS = [
    ("Het plan is niet populair. Desondanks zegt wethouder Ruud Verkerk dat hij het zal verdedigen.",
     "wethouder Ruud Verkerk"),
    ("Het plan is niet populair. Desondanks zegt Verkerk het voorstel 'met volle overtuiging' te steunen.",
     "Verkerk"),
    ("De cijfers vallen tegen. Kennelijk vindt Verkerk dat de kritiek overdreven is.", "Verkerk"),
    ("De bond wil meer loon. Uiteindelijk meldde directeur Sanne Bos dat er geen geld is.", "directeur Sanne Bos"),
]


@pytest.mark.parametrize(("text", "speaker"), _ADVERB_OPENERS)
def test_a_sentence_adverb_before_the_verb_is_no_speaker(text: str, speaker: str) -> None:
    found = _speakers(text)
    assert found and all(name == speaker for _, name in found), found


def test_an_inserted_speaker_runs_on_over_van_and_a_common_noun() -> None:
    found = _speakers("Het fonds was nooit gezond, zegt een oud-adviseur van de stichting.")
    assert found == [("Het fonds was nooit gezond", "een oud-adviseur van de stichting")], found


@pytest.mark.parametrize("text", [
    "Wethouder Ellen Kramer is al jaren het gezicht van de stad. 'Ellie', zoals Amsterdammers haar noemen, opende "
    "gisteren de nieuwe brug.",
    "Wethouder Ellen Kramer is al jaren het gezicht van de stad. 'Ellie', noemt burgemeester Piet Zandstra haar.",
])
def test_a_quoted_name_before_a_naming_verb_is_no_quote(text: str) -> None:
    assert all(q.text != "Ellie" for q in _quotes(text)), _speakers(text)


@pytest.mark.parametrize("text", [
    "Fractievoorzitter Joost Mulder is tevreden. ,,De wijk is veiliger geworden.'' Vorig jaar zei Smit al dat er "
    "meer agenten kwamen.",
    "\"De wijk is veiliger geworden.'' Vorig jaar zei Smit al 'dat het kan'.",
])
def test_a_time_adverb_opening_a_sentence_is_no_speaker(text: str) -> None:
    found = _speakers(text)
    assert found and all(name not in {"Vorig", "Komend"} for _, name in found), found


@pytest.mark.parametrize(("text", "quoted"), [
    ("Achterin de zaal staan wethouder Anna Smit en haar collega's die 'de sluiting van het zwembad willen "
     "terugdraaien'.",
     "de sluiting van het zwembad willen terugdraaien"),
    ("Wethouder Anna Smit zag in Kramer een bestuurder 'die nooit een enkele vergadering overslaat'.",
     "die nooit een enkele vergadering overslaat"),
])
def test_a_quoted_phrase_in_a_relative_clause_is_no_quote_of_the_subject(text: str, quoted: str) -> None:
    assert all(q.text != quoted for q in _quotes(text)), _speakers(text)


def test_a_quoted_clause_after_the_subject_keeps_its_speaker() -> None:
    found = _speakers("De vakbond FNV is 'diep geschokt over de ernst van alle meldingen'.")
    assert found == [("diep geschokt over de ernst van alle meldingen", "De vakbond FNV")], found


def test_a_name_with_an_apposition_before_a_colon_says_what_follows() -> None:
    found = _speakers("Petra Hendriks, toen nog stagiair op het stadhuis, nu directeur: 'De burgemeester las alles "
                      "zelf. Dat zie je niet vaak.'")
    assert found and found[0][1] == "Petra Hendriks", found


def test_a_clause_after_the_quotation_opened_by_a_conjunction_is_no_attribution() -> None:
    found = _speakers("Bisschop Jan de Vries schrijft dat de kerk 'de deur openhoudt voor iedereen die twijfelt', "
                      "maar dat pastoor Kees Bakker aangeeft niet te willen veranderen.")
    quoted = [name for text, name in found if text == "de deur openhoudt voor iedereen die twijfelt"]
    assert quoted == ["Bisschop Jan de Vries"], found


def test_a_study_after_volgens_with_an_adjective_the_lists_lack_is_no_source() -> None:
    text = "Een op de vijf scholieren slaapt te weinig, volgens een recent onderzoek van de GGD."
    assert _quotes(text) == [], _speakers(text)


def test_a_noun_phrase_the_lists_lack_after_the_cue_of_a_quotation_speaks_it() -> None:
    found = _speakers("Wethouder Anna Smit sprak gisteren. 'Deze school moet openblijven voor alle kinderen uit het "
                      "dorp', schreef een dominee in de kerkbode.")
    assert found == [("Deze school moet openblijven voor alle kinderen uit het dorp", "een dominee")], found


def test_a_word_or_two_after_dat_that_the_clause_goes_on_with_is_a_term() -> None:
    found = _speakers("Minister Anna Smit sprak gisteren over de wet. ,,Dit is een goede dag.'' Het probleem is dat "
                      "'duurzaam' tegenwoordig op elk pak melk staat.")
    assert [text for text, _ in found] == ["Dit is een goede dag."], found


def test_a_cue_in_an_infinitive_of_purpose_reports_nothing() -> None:
    text = "Wethouder Anna Smit doet haar best om het gerucht te weerspreken dat ze volgend jaar vertrekt."
    assert _quotes(text) == [], _speakers(text)


def test_a_cue_in_an_infinitive_of_means_still_reports() -> None:
    found = _speakers("Wethouder Anna Smit probeerde de schade te beperken door steeds te benadrukken dat het "
                      "zwembad openblijft.")
    assert found == [("het zwembad openblijft", "Wethouder Anna Smit")], found


def test_a_subject_pronoun_after_an_initial_is_no_part_of_the_name() -> None:
    found = _speakers("Tientallen Syriëgangers zitten vast in kampen. Een van hen is de Rotterdammer Karim B. Hij "
                      "ontkende te hebben gevochten en zei dat hij kok was.")
    assert found and all(name is not None and not name.endswith("Hij") for _, name in found), found
