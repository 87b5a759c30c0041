"""Dutch speakers by class, on sentences written for these tests: who says a quotation without a cue (the subject
after the finite verb behind a fronted phrase, a person the sentence opens with and a pronoun takes up, a titled
person named later without the title), names the language layer splits ("van der Wel", "Samir K."), a
capitalised adverb before the cue, "hij"/"hem" as persons, a role after a possessive, and infinitive complements
(separable verbs, claims, purpose, a second verb after "en")."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _speaker_of(text: str, start: str) -> str:
    q = next(q for q in _quotes(text) if q.text.startswith(start))
    assert q.speaker is not None, q
    return q.speaker.name


@pytest.mark.parametrize(("text", "start", "speaker"), [
    # a person named with a party-compound role is the person, not the party of the compound
    ("D66-Kamerlid Anna Vermeer is tevreden over het akkoord. 'We hebben veel bereikt, maar het werk is nog lang "
     "niet af.'", "We hebben veel bereikt", "Anna Vermeer"),
    # a pronoun takes up the person the sentence opens with, though the actor resolver does not know her
    ("Marieke Doornbos kan het nieuws nauwelijks geloven, vertelt ze aan de telefoon vanuit Zwolle. ,,Ik ben zo "
     "ontzettend blij, dit had ik nooit verwacht.''", "Ik ben zo ontzettend blij", "Doornbos"),
    # the subject after the finite verb, behind a fronted phrase, speaks the quotation after the sentence
    ("Aan die jaren heeft Karim Benali goede herinneringen. 'We speelden elke dag op straat. Niemand had haast in "
     "die tijd.'", "We speelden elke dag", "Benali"),
    # a surname after the particles of a name that is a function word in lower case
    ("Het kabinet houdt het niet lang vol, zegt Sanne van der Wel, hoogleraar bestuurskunde.", "Het kabinet houdt",
     "Sanne van der Wel"),
    # a capitalised adverb that opens the sentence is no name when a name follows the verb
    ("Desondanks zegt Verhoeven het plan te zullen verdedigen.", "het plan te zullen verdedigen", "Verhoeven"),
    # "hem" stands for the person who spoke, not for a place named in the quotation
    ("'De regio trekt nu veel geld aan uit Azië, zeker in de Westelijke Balkan,' zegt econoom Ruud Bakker. Volgens "
     "hem kan dat snel veranderen.", "kan dat snel veranderen", "Ruud Bakker"),
    # lower-case adjectives before a name of two words with an initial: a person a pronoun takes up
    ("De teruggekeerde Samir K. uit Tilburg kreeg drie jaar cel. Hij ontkende de brief te hebben geschreven.",
     "de brief te hebben geschreven", "Samir K."),
])
def test_speaker(text: str, start: str, speaker: str) -> None:
    assert speaker in _speaker_of(text, start)


def test_a_titled_person_named_later_without_the_title_is_a_person() -> None:
    text = ("Oud-minister Pieter Kloosterman kreeg veel kritiek op zijn beleid. Kloosterman zelf ontkent dat hij "
            "fouten heeft gemaakt. 'Ik heb gedaan wat nodig was en ik zou het opnieuw zo doen.'")
    assert _speaker_of(text, "Ik heb gedaan") == "Pieter Kloosterman"


def test_a_role_after_a_possessive_is_that_of_the_person_before() -> None:
    text = ("Staatssecretaris Pieter Kloosterman wil de regels aanpassen. 'Het nieuwe loket gaat pas in mei open,' "
            "stelt zijn woordvoerder.")
    name = _speaker_of(text, "Het nieuwe loket")
    assert name.startswith("woordvoerder van") and name.endswith("Pieter Kloosterman")


def test_a_possessive_before_a_role_after_volgens_is_no_pronoun() -> None:
    assert _speaker_of("Volgens haar advocaat heeft de vrouw niets misdaan.", "heeft de vrouw") == "haar advocaat"


@pytest.mark.parametrize(("text", "statements"), [
    # separable verbs of announcing in the order of a main clause, and "claimen" as "beweren"
    ("Jan de Vries kondigde aan volgend jaar te stoppen.", ["volgend jaar te stoppen"]),
    ("De gemeente maakte gisteren bekend de brug in juni te sluiten.", ["de brug in juni te sluiten"]),
    ("Wethouder Els Kramer claimt de fout te hebben hersteld.", ["de fout te hebben hersteld"]),
    # two verbs joined by "en": each reports its own complement
    ("Wethouder Els Kramer ontkende het rapport te hebben gelezen en zei dat zij op vakantie was.",
     ["het rapport te hebben gelezen", "zij op vakantie was"]),
    # an infinitive of purpose is no content of speech; a particle before "te" is part of the verb
    ("De minister kondigde nieuwe regels aan om de kosten te drukken.", []),
    ("De burgemeester beloofde zorgvuldig met de klachten om te gaan.", ["zorgvuldig met de klachten om te gaan"]),
])
def test_infinitive_complements(text: str, statements: list[str]) -> None:
    assert [q.text for q in _quotes(text) if q.kind == "indirect"] == statements


def test_a_noun_phrase_the_lists_lack_before_the_cue_is_its_subject() -> None:
    q = next(q for q in _quotes("Een betoger scandeerde: 'Weg met deze regering, en wel nu meteen!'"))
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "Een betoger"
