"""Dutch indirect speech by class, on sentences written for these tests: a content clause that belongs to the
second of two cues, the end of a content clause in a sentence that opens with a subordinate clause, multi-word cues
(separable verbs by lemma, idioms of holding a view), speaker phrases with a common noun after "van", and a quoted
phrase that ends a statement before an inserted cue."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _indirect(text: str) -> list[Quote]:
    doc = analyse(Article(id="t", text=text, language="nl", published=None))
    return [q for q in doc.quotes if q.kind == "indirect"]


def _one(text: str) -> Quote:
    found = _indirect(text)
    assert len(found) == 1, [(q.text, q.cue, q.speaker) for q in found]
    return found[0]


@pytest.mark.parametrize(("text", "statement", "cue"), [
    # an infinitive for the first cue, a "dat" clause for the second
    ("Wethouder Karin Smit ontkende het geld te hebben gezien en zei dat de kas klopte.", "de kas klopte", "zei"),
    # two "dat" clauses, each with its own cue
    ("Wethouder Karin Smit zei dat de kas klopte en beloofde dat de cijfers openbaar worden.", "de kas klopte",
     "zei"),
    # a noun that the lemma table reads as a verb of speech stands before the cue
    ("Op vragen van de krant zei Karin Smit dat de school open blijft.", "de school open blijft", "zei"),
])
def test_the_clause_goes_with_the_cue_before_it(text: str, statement: str, cue: str) -> None:
    found = [q for q in _indirect(text) if q.text == statement]
    assert len(found) == 1, [(q.text, q.cue) for q in _indirect(text)]
    assert found[0].cue == cue
    assert found[0].speaker is not None and "Smit" in found[0].speaker.name


def test_an_infinitive_ends_before_the_next_cue() -> None:
    found = {q.cue: q.text for q in _indirect(
        "Wethouder Karin Smit ontkende het geld te hebben gezien en zei dat de kas klopte.")}
    assert found == {"ontkende": "het geld te hebben gezien", "zei": "de kas klopte"}


@pytest.mark.parametrize(("text", "statement"), [
    # a sentence that opens with a subordinate clause: the main clause's finite verb follows the comma
    ("Nadat wethouder Karin Smit had gezegd dat de school sluit, kwamen de ouders in actie.", "de school sluit"),
    ("Hoewel wethouder Karin Smit erkende dat de kas niet klopte, bleef zij aan.", "de kas niet klopte"),
    # commas inside the reported clause, before the main clause
    ("Toen wethouder Karin Smit zei dat de huren, de lonen en de prijzen stijgen, schrokken de ouders.",
     "de huren, de lonen en de prijzen stijgen"),
])
def test_a_preposed_subordinate_clause_ends_at_the_main_verb(text: str, statement: str) -> None:
    assert [q.text for q in _indirect(text)] == [statement]


def test_a_main_clause_goes_on_after_a_comma() -> None:
    # no subordinate clause before the cue: what follows the comma is still reported
    q = _one("Wethouder Karin Smit zei dat de school sluit, maar dat de bus blijft rijden.")
    assert q.text == "de school sluit, maar dat de bus blijft rijden"


@pytest.mark.parametrize(("text", "statement", "cue"), [
    # separable cues by lemma, in the forms the lists of forms leave out
    ("Gisteren gaven Piet Bos en Anna Smit aan dat zij stoppen.", "zij stoppen", "gaven aan"),
    ("De ministers van Financiën wezen erop dat de schuld stijgt.", "de schuld stijgt", "wezen erop"),
    # holding a view
    ("De partij staat nog altijd op het standpunt dat de wet deugt.", "de wet deugt", "staat op het standpunt"),
    ("Minister Anna Smit is van mening dat de wet deugt.", "de wet deugt", "is van mening"),
    ("Minister Anna Smit was ervan overtuigd dat de wet deugt.", "de wet deugt", "was ervan overtuigd"),
    ("Minister Anna Smit gaat ervan uit dat de wet deugt.", "de wet deugt", "gaat ervan uit"),
])
def test_multiword_cues(text: str, statement: str, cue: str) -> None:
    q = _one(text)
    assert (q.text, q.cue) == (statement, cue)


@pytest.mark.parametrize(("text", "speaker"), [
    # a role with "van", a determiner and a noun the lists of bodies lack
    ("De rust keert niet terug, zegt een woordvoerder van de uitgeverij.", "een woordvoerder van de uitgeverij"),
    ("De advocaat van de uitgeverij zei dat de schrijver onschuldig is.", "De advocaat van de uitgeverij"),
    # with an adjective before the noun
    ("De subsidie is veel te laag, zegt de directeur van het Utrechtse museum.",
     "de directeur van het Utrechtse museum"),
])
def test_a_speaker_with_a_common_noun_after_van(text: str, speaker: str) -> None:
    q = _one(text)
    assert q.speaker is not None and q.speaker.name == speaker


def test_the_noun_after_van_stops_before_the_cue() -> None:
    q = _one("De directeur van het museum zei dat de subsidie te laag is.")
    assert q.speaker is not None and q.speaker.name == "De directeur van het museum"


def test_a_quoted_phrase_that_ends_an_inserted_statement() -> None:
    quotes = analyse(Article(id="t", text="Die regels zijn door de minister nooit goed 'getoetst', zegt Anna Smit.",
                             language="nl", published=None)).quotes
    found = {(q.kind, q.text) for q in quotes}
    assert ("indirect", "Die regels zijn door de minister nooit goed 'getoetst'") in found
    assert ("partial", "getoetst") in found


def test_a_quotation_before_an_inserted_cue_is_the_statement() -> None:
    assert _indirect("'Die regels zijn nooit goed getoetst', zegt Anna Smit.") == []
    # a quotation that holds most of the words before the comma
    assert _indirect("Het is 'een regelrechte ramp voor de boeren', zegt Anna Smit.") == []


def test_a_noun_after_an_article_does_not_take_the_clause_from_its_cue() -> None:
    # English shares the engine: "report" after an article is a noun, no cue of its own
    doc = analyse(Article(id="t", text="Mayor Ann Holt said in a report that the budget was short.", language="en",
                          published=None))
    assert [(q.cue, q.text) for q in doc.quotes if q.kind == "indirect"] == [("said", "the budget was short")]


def test_the_closing_mark_of_the_quotation_before_opens_no_statement() -> None:
    # the sentence layer leaves the closing mark of the quotation before at the start of the next sentence
    text = "Anna Smit sprak lang. ,,Het gaat goed, het gaat heel goed.'' Maar, zegt Smit, haar dochter wilde ook iets."
    found = [(q.text, q.speaker.name if q.speaker else None) for q in _indirect(text)]
    assert found == [("haar dochter wilde ook iets", "Anna Smit")]


@pytest.mark.parametrize(("text", "speaker"), [
    # a clause opener between the verb and the inverted subject
    ("Gisteren zei ook minister Piet Bos dat de brug dicht blijft.", "minister Piet Bos"),
    ("Vorige week lieten zelfs de voorzitter van de raad, Piet Bos, en twee leden weten dat de brug dicht blijft.",
     "Piet Bos"),
])
def test_an_inverted_subject_after_an_adverb(text: str, speaker: str) -> None:
    q = _one(text)
    assert q.text == "de brug dicht blijft"
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize("text", [
    # "dat" as a demonstrative object: a few words after it and no verb
    "Minister Piet Bos zei dat al eerder.",
    "Minister Piet Bos zei dat gisteren ook.",
    "Minister Piet Bos heeft dat vorige week ook gezegd en herhaalt dat nu.",
])
def test_dat_as_a_demonstrative_object(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(("text", "statement"), [
    # a short clause with a pronoun subject or a verb the lemma table inflects
    ("Minister Piet Bos zei dat het kan.", "het kan"),
    ("Minister Piet Bos zei dat de kas klopt.", "de kas klopt"),
    ("Minister Piet Bos zei dat Nederland wint.", "Nederland wint"),
])
def test_a_short_content_clause(text: str, statement: str) -> None:
    assert [q.text for q in _indirect(text)] == [statement]


@pytest.mark.parametrize(("text", "statement"), [
    # the plural present has the infinitive's form: the verb ends the clause, "dat" is no demonstrative
    ("Wethouder Karin Smit zei dat de bussen uitvallen.", "de bussen uitvallen"),
    ("Volgens de krant meldde Karin Smit dinsdag dat de boeren protesteren.", "de boeren protesteren"),
])
def test_a_short_clause_with_its_verb_at_the_end_is_reported(text: str, statement: str) -> None:
    assert _one(text).text == statement


@pytest.mark.parametrize("text", [
    "Wethouder Karin Smit zei dat de hele avond.",  # a demonstrative object before a time phrase
    "Wethouder Karin Smit zei dat gisteren al.",
])
def test_a_demonstrative_object_reports_nothing(text: str) -> None:
    assert _indirect(text) == []
