"""Dutch reported speech by class, on sentences written for these tests: the cue inserted after the statement
("…, zegt X."): subjects the role lists lack, separable cues, a parenthesis after the speaker, verbs of the manner
of speaking, verbs of perception and knowledge that report a view only there, what is no statement; "volgens"
in a subordinate clause, and who speaks for a body."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _one(text: str) -> Quote:
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


_INSERTED = [
    # a determiner and a noun the role lists lack, with a prepositional tail
    ("De kantine gaat volgend jaar dicht, vertelde een kok aan de plaatselijke krant.",
     "De kantine gaat volgend jaar dicht", "een kok"),
    # a plain plural agent noun, in present and past
    ("Het nieuwe stadion is veel te groot, zeggen buurtbewoners.", "Het nieuwe stadion is veel te groot",
     "buurtbewoners"),
    ("Het tarief was te hoog, klaagden de vissers.", "Het tarief was te hoog", "de vissers"),
    # a separable cue with its subject between verb and particle
    ("De brug blijft nog een week dicht, legt Pieters uit.", "De brug blijft nog een week dicht", "Pieters"),
    ("Het budget is op, voegde Van Dam eraan toe.", "Het budget is op", "Van Dam"),
    # a party in parentheses after the speaker
    ("Het voorstel komt te laat, reageert wethouder Ingrid Smit (CDA).", "Het voorstel komt te laat", "Smit"),
    # verbs of the manner of speaking
    ("De begroting is een sprookjesboek, grapte Kamerlid Joris Bakker.", "De begroting is een sprookjesboek",
     "Bakker"),
    ("Er is nooit iets beloofd, sneert de minister-president Karel Vos.", "Er is nooit iets beloofd", "Vos"),
    # perception and knowledge at the end of the sentence
    ("De kiezers worden ieder jaar wispelturiger, ziet politicoloog Hanna de Wit.",
     "De kiezers worden ieder jaar wispelturiger", "de Wit"),
    ("Zo'n coalitie houdt nooit lang stand, weet oud-minister Pieter Klaassen.",
     "Zo'n coalitie houdt nooit lang stand", "Klaassen"),
    # a subordinate clause before the statement, set off by its own comma
    ("Omdat de prijzen stijgen, kopen mensen minder, zegt econoom Lotte Mulder.",
     "Omdat de prijzen stijgen, kopen mensen minder", "Mulder"),
    # a preposition that can also open a subordinate clause opens a phrase of the statement here
    ("Sinds maart praat de regering wekelijks met de bonden, meldt woordvoerder Eva Smit.",
     "Sinds maart praat de regering wekelijks met de bonden", "Smit"),
]


@pytest.mark.parametrize("text", [
    # a subordinate clause right before the comma: the verb after it is the main clause's (with "gaf aan" and an
    # infinitive, tests/quotes/test_dutch_indirect_infinitives.py)
    "Wie het rapport leest, ziet de fouten meteen.",
    # perception with an object and more after the subject: no report
    "Anna de Vries, kandidaat in Zwolle, ziet de uitslag met vertrouwen tegemoet.",
    "Na de vergadering weet de voorzitter het ook niet meer.",
    # an infinitive after the noun phrase is no subject
    "Wie nu nog twijfelt, dreigt de boot te missen.",
    # clause openers alone are no statement
    "Maar ook, meldt het persbureau.",
])
def test_no_inserted_report(text: str) -> None:
    assert [q.text for q in _quotes(text) if q.kind == "indirect"] == []


_ACCORDING_TO = [
    # "volgens" inside a relative or subordinate clause speaks for that clause only
    ("De kiesraad telt opnieuw in wijken waar volgens de oppositie fraude is gepleegd.", "fraude is gepleegd",
     "de oppositie"),
    ("Hij toonde de brieven, die volgens de rechercheur Anna Bakker zijn vervalst, aan de pers.", "zijn vervalst",
     "Bakker"),
    # the source named in an apposition after its role
    ("Volgens de woordvoerder in de Kamer, Jan de Vries, is er geen sprake van een andere koers.",
     "is er geen sprake van een andere koers", "Jan de Vries"),
    # who speaks for a body
    ("Volgens een zegsman van het bedrijf ligt de fabriek nog weken stil.", "ligt de fabriek nog weken stil",
     "een zegsman van het bedrijf"),
]


_LONG_SUBJECTS = [
    # a separable cue with a long subject and its apposition between verb and particle, before "dat"
    ("Vorige week liet Anna Bakker, de voorzitter van de gemeenteraad, weten dat de brug dicht blijft.",
     "de brug dicht blijft", "Anna Bakker"),
    ("Eind januari maakte Hans de Groot, voorzitter van de Omgevingsraad (OR), bekend dat het overleg is mislukt.",
     "het overleg is mislukt", "Hans de Groot"),
    # a cue between commas after a clause opener reports what follows it
    ("Anna Bakker is wethouder. Maar, zegt Bakker, de uitslag van de stemming valt tegen.",
     "de uitslag van de stemming valt tegen", "Bakker"),
]


@pytest.mark.parametrize(("text", "statement", "speaker"), _INSERTED + _ACCORDING_TO + _LONG_SUBJECTS)
def test_reported_statement_and_its_speaker(text: str, statement: str, speaker: str) -> None:
    q = _one(text)
    assert q.text == statement
    assert q.speaker is not None and q.speaker.name.endswith(speaker)


@pytest.mark.parametrize(("text", "phrase", "speaker"), [
    ("Nu pleit wethouder Anna Bakker voor een ‘groene formatie’ met de oppositie.", "groene formatie", "Bakker"),
    ("Minister Jan de Vries wijst op ‘zorgwekkende’ cijfers over de wachtlijsten.", "zorgwekkende", "de Vries"),
    ("De rechtbank had de vereniging eerder als ‘gevaarlijk’ bestempeld.", "gevaarlijk", "rechtbank"),
])
def test_a_quoted_word_after_a_verb_of_communication(text: str, phrase: str, speaker: str) -> None:
    q = next(q for q in _quotes(text) if q.text == phrase)
    assert q.kind == "partial"
    assert q.speaker is not None and q.speaker.name.endswith(speaker)
