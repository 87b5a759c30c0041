"""Statements, demands and refusals that carry no classic event verb, through the whole pipeline, on sentences
written for each construction: wanting that another acts ("wil dat X ..."), saying that another must act ("X moet
..., zegt Y"), naming and evaluating ("noemde het besluit schandalig"), refusing by unwillingness ("voelt daar niets
voor"), and the readings that must stay out."""

from __future__ import annotations

from functools import cache

import pytest

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.events.lexicon import compile_lexicon
from dyad.records import build_records


@cache
def _events(text: str) -> tuple[tuple[str | None, str | None, str], ...]:
    article = Article(id="t", text=text, published=PartialDate.parse("2019-03-12"), language="nl")
    return tuple((e["source"]["country"], e["target"]["country"], e["cameo"][:2])
                 for e in build_records(analyse(article)).events)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "willen" with a "dat" clause right after it: an appeal (no demand), the subject of the clause is the target
        ("Den Haag wil dat Brussel de landbouwsubsidies eerlijker verdeelt.", ("NLD", "EU", "02")),
        ("De Russische president wilde dat Oekraïne de gasprijs zou verlagen.", ("RUS", "UKR", "02")),
        # a modal of obligation: what the subject must do is said by someone else
        ("Griekenland moet zich aan de afspraken houden, zei de Duitse minister van Financiën.", ("DEU", "GRC", "02")),
        ("Volgens Parijs moet Rome de migranten aan land laten gaan.", ("FRA", "ITA", "02")),
        # naming and evaluating
        ("De Zweedse regering noemde het Russische optreden onaanvaardbaar.", ("SWE", "RUS", "11")),
        ("Canada bestempelde de Saudische verklaring als hypocriet.", ("CAN", "SAU", "11")),
        # refusing by unwillingness
        ("Nederland voelt weinig voor het Italiaanse plan.", ("NLD", "ITA", "12")),
        ("Turkije piekert er niet over de Amerikaanse eisen in te willigen.", ("TUR", "USA", "12")),
        # losing patience with another, in the tenses the language puts it
        ("Polen verloor zijn geduld met Duitsland.", ("POL", "DEU", "11")),
        ("Japan heeft het geduld met Noord-Korea verloren.", ("JPN", "PRK", "11")),
    ],
)
def test_the_construction_gives_its_event(text: str, event: tuple[str, str, str]) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # "willen" without a "dat" clause is no appeal, and "dat" as a pronoun opens no clause with a target
        ("Polen wil een nieuw handelsverdrag met Japan.", "10"),
        ("Rusland wil dat niet, zei de Russische minister.", "02"),
        # who must act is the speaker's own side: nobody acts on anybody
        ("We moeten harder optreden, zei de Franse premier.", "02"),
        # an obligation nobody states
        ("Duitsland moet volgend jaar meer gas importeren.", "02"),
        # praise is no criticism; "het heeft geen zin" is no refusal
        ("Frankrijk noemde de Italiaanse cijfers bemoedigend.", "11"),
        ("Het heeft geen zin om nu met Iran te praten, zei Macron.", "12"),
        # a particle before an actor's name is a preposition: "neemt ... in Japan ... toe" is no "innemen"
        ("Terwijl Frankrijk minder olie koopt, neemt de vraag naar olie in China toe.", "19"),
        # taking a position is no occupation
        ("Ook al heeft Frankrijk dit standpunt tegenover Italië allang ingenomen.", "19"),
    ],
)
def test_the_reading_stays_out(text: str, root: str) -> None:
    assert all(r != root for _, _, r in _events(text)), _events(text)


def test_listed_subjects_act_together_on_the_actor_before() -> None:
    # "Ook X, Y en Z": the list is one subject (no clause break after its first member), no member is another's
    # target, and the target of what they reject is the actor of the sentence before
    text = ("De Europese Commissie stelde een nieuwe regeling voor. Ook Spanje, Portugal, Griekenland en Italië "
            "zijn volgens de minister tegen het voorstel.")
    events = _events(text)
    assert {(s, t) for s, t, r in events if r == "12"} == {("ESP", "EU"), ("PRT", "EU"), ("GRC", "EU"), ("ITA", "EU")}


def test_a_criticised_deed_points_at_its_author() -> None:
    # the object of the criticism is a thing ("de plannen"); whose plans they are, the sentence before says
    text = "Het Kremlin kondigde nieuwe militaire oefeningen aan. De Poolse regering noemde de plannen onverantwoord."
    assert ("POL", "RUS", "11") in _events(text)


@pytest.mark.parametrize(
    ("text", "root", "factuality"),
    [
        # a word of planning or demanding after a determiner is a noun, no plan or demand of the clause
        ("Ierland sprak schande van de Britse plannen.", "11", "actual"),
        ("Rusland wees de eisen van Oekraïne af.", "12", "actual"),
        # as a verb it still makes the deed possible
        ("Frankrijk plant nieuwe sancties tegen Rusland.", "16", "possible"),
    ],
)
def test_a_planning_word_as_a_noun_leaves_the_deed_actual(text: str, root: str, factuality: str) -> None:
    article = Article(id="t", text=text, published=PartialDate.parse("2019-03-12"), language="nl")
    facts = {e["factuality"] for e in build_records(analyse(article)).events if e["cameo"][:2] == root}
    assert facts == {factuality}


def test_before_is_a_list_of_words() -> None:
    entry = {"id": "x", "cameo": "100", "verbs": ["willen"], "before": ["dat"]}
    assert compile_lexicon("nl", {"triggers": [entry]}).triggers[0].before == frozenset({"dat"})
