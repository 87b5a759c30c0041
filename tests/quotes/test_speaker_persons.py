"""Which Dutch speakers are persons, and which person a role stands for, on sentences written for these tests: a
body the actor resolver knows by a name phrase ("inlichtingendienst AIVD", "de Libische Nationale Strijdkrachten")
speaks, but is no person that a later quotation without a cue or a pronoun goes on with; a person with a party after
the name ("X van D66") and a surname that takes a title's actor over stay persons. A definite role the actor resolver
gives the state it serves ("de minister" -> NLDGOV) is the person named with that role before, also after its
portfolio ("minister van Financiën X", "de minister van Volksgezondheid, X,"); with no such person it stays the
state, not the nearest person. A name after a title runs on over its particles ("Kamerlid Tom van der Lee"; not over an
adjective after "de"), and a compound role takes the name after it ("AIVD-baas Dick Schoof")."""

from __future__ import annotations

from dyad.api import analyse
from dyad.document import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return analyse(Article(id="t", text=text, language="nl", published=None)).quotes


def _speaker_of(text: str, start: str) -> str:
    found = [q for q in _quotes(text) if q.text.startswith(start)]
    assert found, [(q.text, q.rule, q.speaker) for q in _quotes(text)]
    assert found[-1].speaker is not None
    return found[-1].speaker.name


def test_a_body_reported_before_a_quotation_yields_to_the_person_quoted_earlier() -> None:
    text = ("\"Het onderzoek loopt nog\", zegt rechercheur Lotte Kramer. "
            "Ook inlichtingendienst AIVD meldde dinsdag dat de dreiging groot is. "
            "\"We zoeken nog naar een tweede man.\"")
    assert _speaker_of(text, "We zoeken").endswith("Lotte Kramer")


def test_a_pronoun_passes_over_a_body_that_spoke() -> None:
    text = ("Rechercheur Lotte Kramer leidt het onderzoek. "
            "Inlichtingendienst AIVD meldde dinsdag dat de dreiging groot is. "
            "Ze zegt dat er nog een tweede man wordt gezocht.")
    assert _speaker_of(text, "er nog een tweede man").endswith("Lotte Kramer")


def test_a_person_with_a_party_after_the_name_is_still_a_person() -> None:
    text = ("\"De begroting klopt niet\", zegt Marieke de Boer van D66. "
            "Daar gaat ze vanavond met de wethouder over praten. "
            "\"We willen de cijfers nog voor de zomer zien.\"")
    assert _speaker_of(text, "We willen").endswith("Marieke de Boer van D66")


def test_a_definite_role_the_resolver_gives_a_state_is_the_person_named_with_it_before() -> None:
    text = ("Minister van Financiën Wopke Hoekstra presenteerde dinsdag de begroting. "
            "Kamerlid Jan Smit van de SP was kritisch. \"Dit is een rampbegroting\", zei Smit. "
            "De minister zei dat de begroting sluitend is.")
    assert _speaker_of(text, "de begroting sluitend").endswith("Hoekstra")


def test_a_role_with_its_portfolio_and_the_name_in_apposition() -> None:
    text = ("De minister van Volksgezondheid, Hugo de Jonge, was dinsdag in Utrecht. "
            "Burgemeester Jan van Zanen liet hem de stad zien. "
            "Volgens de minister is de zorg er goed geregeld.")
    assert _speaker_of(text, "is de zorg").endswith("Hugo de Jonge")


def test_a_definite_role_without_a_holder_named_before_keeps_the_state() -> None:
    # no minister is named: the nearest person (a member of parliament) is not taken for the minister
    text = "Kamerlid Jan Smit was kritisch. De minister zei dat de begroting sluitend is."
    assert _speaker_of(text, "de begroting sluitend") == "De minister"


def test_a_titled_name_runs_on_over_its_particles() -> None:
    text = "\"We gaan dit jaar winnen\", zegt Kamerlid Tom van der Lee in Den Haag."
    assert _speaker_of(text, "We gaan").endswith("Tom van der Lee")


def test_a_compound_role_takes_the_name_after_it() -> None:
    text = "\"De dreiging blijft groot\", zegt AIVD-baas Dick Schoof."
    assert _speaker_of(text, "De dreiging").endswith("Dick Schoof")


def test_particles_before_a_capitalised_adjective_are_no_surname() -> None:
    # a person the actor resolver knows, with "de" and an adjective of the object after the name
    text = "Daarom raadt Angela Merkel de Duitse kiezers aan om \"niets als vanzelfsprekend aan te nemen\"."
    assert _speaker_of(text, "niets als").endswith("Angela Merkel")


def test_a_member_of_parliament_with_a_name_is_a_person_a_later_pronoun_refers_to() -> None:
    text = ("\"Het plan is mislukt\", zegt parlementariër Anna de Groot. "
            "Volgens haar wacht het college te lang.")
    assert "de Groot" in _speaker_of(text, "wacht het college")
