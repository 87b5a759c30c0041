"""An arrest, a trial or a sentence in a passive clause that names no doer is the deed of the state's own
organ (the entry's `implicit_agent`): of the state the sentence places it in, else of the state the
article is about; a named police or court stays the doer, and a thing taken up is no arrest. Sentences
written for these rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from dyad.document import Document, Event
from dyad.events.coder import LexiconCoder

Events = Callable[[str], list[Event]]

ACTORS: dict[str, tuple[str, str, str]] = {
    "Rusland": ("RUS", "RUS", "state"),
    "Frankrijk": ("FRA", "FRA", "state"),
    "Wit-Rusland": ("BLR", "BLR", "state"),
    "de Turkse politie": ("TUR", "TURCOP", "government"),
    "De minister": ("FRA", "FRAGOV", "person"),
    "Hongaarse oppositieleider Kovács": ("HUN", "HUNOPP", "person"),
}


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder("nl")


def _events(coder: LexiconCoder, make_doc: Callable[..., Document], text: str) -> list[tuple[str | None, ...]]:
    doc = make_doc(text, ACTORS)
    coder(doc)
    return [(e.source.actor, e.target.actor, e.cameo[:2]) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "In Wit-Rusland zijn gisteren dertig demonstranten opgepakt.",
        "In Wit-Rusland werden vorige week twee journalisten gearresteerd.",
        "Vier activisten worden in Wit-Rusland vastgehouden in de gevangenis.",
    ],
)
def test_unnamed_police_of_the_state_the_sentence_names(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str
) -> None:
    assert ("BLRCOP", "BLRCVL", "17") in _events(coder, make_doc, text)


def test_unnamed_court_and_a_resolved_patient(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Rusland wordt Hongaarse oppositieleider Kovács volgende week berecht.")
    assert ("RUSJUD", "HUNOPP", "17") in events, events


def test_the_article_state_when_the_sentence_names_no_place(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    text = "Frankrijk verscherpt de regels voor betogingen. Een jonge vrouw is zaterdag aangehouden."
    assert ("FRACOP", "FRACVL", "17") in _events(coder, make_doc, text)


def test_a_named_police_is_the_doer(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    text = "In Rusland werden twee mannen opgepakt tijdens een actie van de Turkse politie."
    events = _events(coder, make_doc, text)
    assert ("TURCOP", "RUSCVL", "17") in events, events
    assert not any(src == "RUSCOP" for src, _, _ in events), events


def test_an_agent_that_is_no_actor_keeps_the_rule_out(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    events = _events(coder, make_doc, "In Rusland werd de dissident door onbekenden opgepakt.")
    assert not any(src == "RUSCOP" for src, _, _ in events), events


def test_a_thing_taken_up_is_no_arrest(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Frankrijk wordt het plan van De minister snel opgepakt.")
    assert not any(src == "FRACOP" for src, _, _ in events), events


def test_a_sentence_by_a_court(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Frankrijk werd een oud-militair veroordeeld tot vier jaar cel.")
    assert ("FRAJUD", "FRACVL", "11") in events, events


def test_a_named_doer_acts_on_unnamed_persons_of_its_state(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    events = _events(coder, make_doc, "De minister ontving de krant. Frankrijk arresteerde gisteren een oud-politicus.")
    assert ("FRA", "FRACVL", "17") in events, events


def test_the_antecedent_of_a_relative_clause_is_the_patient(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    text = "Het gaat om Hongaarse oppositieleider Kovács, die vorige maand in Rusland werd opgepakt."
    assert ("RUSCOP", "HUNOPP", "17") in _events(coder, make_doc, text)



# "Gisteren werd een leider, een oud-strijder, in Frankrijk op de bon geslingerd." in UD (form, head, relation):
# the passive auxiliary stands in a clause of its own by the punctuation, the parse joins it to the participle
TICKET = [
    ("Gisteren", 14, "advmod"), ("werd", 14, "aux:pass"), ("een", 4, "det"), ("leider", 14, "nsubj:pass"),
    (",", 7, "punct"), ("een", 7, "det"), ("oud-strijder", 4, "appos"), (",", 7, "punct"),
    ("in", 10, "case"), ("Frankrijk", 14, "obl"), ("op", 13, "case"), ("de", 13, "det"), ("bon", 14, "obl"),
    ("geslingerd", 0, "root"), (".", 14, "punct"),
]


def test_a_ticket_with_the_auxiliary_in_a_clause_of_its_own(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("Gisteren werd een leider, een oud-strijder, in Frankrijk op de bon geslingerd.", ACTORS)
    tokens = [t for t in doc.tokens if t.text.strip()]
    assert [t.text for t in tokens] == [w for w, _, _ in TICKET]
    for tok, (_, head, dep) in zip(tokens, TICKET, strict=True):
        tok.head = tokens[head - 1].i if head else -1
        tok.dep = dep
    coder(doc)
    events = [(e.source.actor, e.target.actor, e.cameo[:2]) for e in doc.events]
    assert ("FRACOP", "FRACVL", "17") in events, events

@pytest.mark.parametrize(
    "text",
    [
        "In Frankrijk zijn voor het eerst militairen ingezet.",
        "In Frankrijk worden nu ook soldaten ingezet op de pleinen.",
    ],
)
def test_soldiers_deployed_by_an_unnamed_government(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str
) -> None:
    assert ("FRAGOV", "FRACVL", "15") in _events(coder, make_doc, text)


def test_inferred_mentions_do_not_outweigh_a_named_state(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    actors = {**ACTORS, "de autoriteiten": ("NLD", "NLDGOV", "government"),
              "de politie": ("NLD", "NLDCOP", "government")}
    text = ("Rusland verscherpt de wet. Volgens de autoriteiten en de politie gaat het om veiligheid. "
            "Twee journalisten zijn gisteren aangehouden.")
    doc = make_doc(text, actors)
    for m in doc.mentions:
        if m.actor is not None and m.actor.country == "NLD":
            m.confidence = 0.5  # read as the home country's by the resolver, not named by the text
    coder(doc)
    events = [(e.source.actor, e.target.actor, e.cameo[:2]) for e in doc.events]
    assert ("RUSCOP", "RUSCVL", "17") in events, events


def test_an_initial_stands_for_a_person(coder: LexiconCoder, make_doc: Callable[..., Document]) -> None:
    events = _events(coder, make_doc, "In Frankrijk wordt K. volgende maand bij verstek veroordeeld tot vier jaar cel.")
    assert ("FRAJUD", "FRACVL", "11") in events, events


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In Wit-Rusland is gisteren een Litouws lid van een jeugdbeweging opgepakt.", ("BLRCOP", "LTUCVL", "17")),
        ("In Frankrijk werden vorige week twee Belgische activisten aangehouden.", ("FRACOP", "BELCVL", "17")),
        ("Frankrijk arresteerde gisteren drie Spaanse mannen.", ("FRA", "ESPCVL", "17")),
    ],
)
def test_persons_named_with_a_state_adjective_are_people_of_that_state(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _events(coder, make_doc, text)


def test_a_people_named_by_its_demonym_is_not_the_state_the_article_is_about(
    coder: LexiconCoder, make_doc: Callable[..., Document]
) -> None:
    actors = {"Frankrijk": ("FRA", "FRA", "state"), "Belgen": ("BEL", "BEL", "state")}
    doc = make_doc("Vier Belgen reisden naar Frankrijk. De Belgen hadden wapens bij zich. De Belgen zijn opgepakt.",
                   actors)
    doc.mentions = [m if doc.text[m.start : m.end] != "Belgen" else replace(m, people=True) for m in doc.mentions]
    coder(doc)
    assert ("FRACOP", "17") in {(e.source.actor, e.cameo[:2]) for e in doc.events}, [
        (e.source.actor, e.target.actor) for e in doc.events
    ]


@pytest.mark.parametrize(("text", "row"), [
    # an envoy summoned, no summoner named: the government where the envoy is posted summons
    ("De Spaanse ambassadeur in Chili werd dinsdag ontboden.", ("CHL", "ESP", "11")),
    ("De Spaanse ambassadeur is in Santiago ontboden.", ("CHL", "ESP", "11")),
    # state agents as the patients of a passive are not the organ that acts
    ("Twee Spaanse agenten zijn in Chili opgepakt.", ("CHL", "ESP", "17")),
])
def test_the_organ_of_the_state_where_it_happened_acts_on_a_state_agent(
    analysed_events: Events, text: str, row: tuple[str, ...]
) -> None:
    events = analysed_events(text)
    assert row in {(e.source.country, e.target.country, e.cameo[:2]) for e in events}, [
        (e.rule, e.source.country, e.target.country) for e in events]


@pytest.mark.parametrize("text", [
    "De minister is in Frankrijk in staat van beschuldiging gesteld wegens corruptie.",
    "In Frankrijk wordt De minister volgende week in staat van beschuldiging gesteld.",
])
def test_an_indictment_is_legal_action_by_the_courts(
    coder: LexiconCoder, make_doc: Callable[..., Document], text: str
) -> None:
    # the noun of the accusation inside the wording ("beschuldiging") does not make it an accusation (1121)
    events = _events(coder, make_doc, text)
    assert ("FRAJUD", "FRAGOV", "17") in events, events


@pytest.mark.parametrize(("text", "row"), [
    # no summoner named and no place: the state the news is written from summons the foreign envoy
    ("De Russische ambassadeur is ontboden.", ("NLD", "RUS", "11")),
    ("Moskou zweeg. De Russische ambassadeur werd woensdag ontboden.", ("NLD", "RUS", "11")),
    ("Twee Russische diplomaten zijn vorige week uitgezet.", ("NLD", "RUS", "16")),
    # the place the envoy is posted in names the summoner
    ("De Nederlandse ambassadeur in Teheran is ontboden.", ("IRN", "NLD", "11")),
])
def test_an_envoy_is_summoned_or_expelled_by_another_state_than_its_own(
    analysed_events: Events, text: str, row: tuple[str, ...]
) -> None:
    events = analysed_events(text)
    rows = {(e.source.country, e.target.country, e.cameo[:2]) for e in events}
    assert row in rows, rows
    assert (row[1], row[0], row[2]) not in rows, rows


def test_agent_abroad_needs_an_implicit_agent() -> None:
    from dyad.errors import ConfigError
    from dyad.events.lexicon import compile_lexicon

    entry = {"id": "x", "cameo": "114", "verbs": ["ontbieden"], "agent_abroad": True}
    with pytest.raises(ConfigError, match="agent_abroad"):
        compile_lexicon("nl", {"triggers": [entry]})


def test_a_summoned_envoy_with_no_summoner_to_find_is_no_doer(analysed_events: Events) -> None:
    # two states as often in the article, the third the envoy's own (the home country): no summoner is known, and
    # the envoy is acted upon, never the one who summons
    text = "Poetin bezocht gisteren Turkije. De Nederlandse ambassadeur is ontboden."
    events = analysed_events(text)
    assert not any(e.source.country == "NLD" and e.cameo.startswith("11") for e in events), [
        (e.rule, e.source.country, e.target.country) for e in events]
