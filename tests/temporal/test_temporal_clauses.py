"""Which time dates a deed: the clause the time belongs to, its tense, relative clauses; and the checks of
the temporal vocabulary file. Sentences written for the behaviour."""

from __future__ import annotations

import copy

import pytest
from deed_dating import date_of

from dyad.errors import ConfigError
from dyad.lang.data import load_language_data
from dyad.temporal.engine import tense_of, words_of
from dyad.temporal.vocabulary import build_vocabulary, vocabulary


def test_a_future_time_of_another_clause_does_not_date_a_past_deed() -> None:
    text = "Volgende week stemt het parlement over het plan en de minister verdedigde het voorstel in een brief."
    assert date_of(text, "verdedigde") == "2019-03-26"
    assert date_of(text, "stemt") == "2019-04-01"


def test_a_past_time_of_another_clause_does_not_date_a_future_deed() -> None:
    text = "De ministers spraken gisteren urenlang, maar de beslissing zal pas na de zomer vallen."
    assert date_of(text, "spraken") == "2019-03-25"
    assert date_of(text, "vallen") != "2019-03-25"


def test_a_time_in_a_relative_clause_of_another_tense_dates_that_clause_alone() -> None:
    text = "De partij eist dat het kabinet de subsidie terugvordert die de stichting in 2015 heeft gekregen."
    assert date_of(text, "eist") == "2019-03-26"
    assert date_of(text, "gekregen") == "2015"


def test_a_reported_clause_takes_the_time_of_the_saying() -> None:
    text = "De premier zei maandag dat het land de sancties niet zal versoepelen."
    assert date_of(text, "versoepelen") == "2019-03-25"


def test_a_bare_past_year_in_the_simple_past_is_background_the_next_sentences_do_not_take() -> None:
    text = "In 2015 won de partij de verkiezingen. De leider beloofde lagere belastingen."
    assert date_of(text, "won") == "2015"
    assert date_of(text, "beloofde") == "2019-03-26"
    # with its month, the year is an episode the next sentences narrate
    text = "In mei 2015 won de partij de verkiezingen. De leider beloofde lagere belastingen."
    assert date_of(text, "beloofde") == "2015-05"
    # told in the present tense, a bare year opens a narrative in the historical present
    text = "In 2015 wint de partij de verkiezingen. De leider belooft lagere belastingen."
    assert date_of(text, "belooft") == "2015"


def test_a_past_relative_clause_in_a_past_narrative_keeps_its_time_for_the_main_deed() -> None:
    text = "De vrachtwagen kwam donderdag aan in de haven, waar de douane de lading in beslag nam."
    assert date_of(text, "in beslag nam") == "2019-03-21"


def test_a_capitalised_word_is_no_weak_past_form() -> None:
    # "Britten" ends like a weak past plural ("zetten"); as a name it gives the clause no past tense
    text = "Morgen stemmen de Britten opnieuw over het akkoord."
    assert date_of(text, "stemmen") == "2019-03-27"


def _temporal_data() -> dict:
    return copy.deepcopy(load_language_data("nl", "temporal"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["participle"].pop("infix"), "participle: missing 'infix'"),
        (lambda d: d["participle"].__setitem__("particle_max", "zes"), "particle_max"),
        (lambda d: d["prepositions"].pop("range_join"), "range_join"),
        (lambda d: d["tense"]["relative_openers"].append("hoewel_niet"), "relative_openers"),
        (lambda d: d["articles"].append("geen_lidwoord"), "articles must be determiners"),
        (lambda d: d["tense"]["coordinators"].append("noch_opener"), "coordinators must be clause_openers"),
        (lambda d: d["recent_times"].append("nooit_vaag"), "recent_times must be vague_times"),
        (lambda d: d["nearest_units"]["units"].append("fortnight"), "nearest_units"),
    ],
)
def test_the_vocabulary_file_is_checked(change, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _temporal_data()
    change(data)
    with pytest.raises(ConfigError, match=message):
        build_vocabulary("nl", data)


def test_the_engine_reads_its_words_from_the_vocabulary() -> None:
    """A range joined by a word the file names, and a participle by the file's marker: change the file and
    the engine follows (no Dutch word is written in the engine)."""
    from dyad.temporal.engine import Recogniser, is_participle, words_of

    data = _temporal_data()
    v = build_vocabulary("nl", data)
    assert is_participle("aangekondigd", v)
    found = Recogniser(v).find(words_of("op 4 en 5 juni"))
    assert found and found[0].range_end is not None
    data["prepositions"]["range_join"] = ["tot"]
    data["participle"]["infix"] = "xq"
    v2 = build_vocabulary("nl", data)
    assert not is_participle("aangekondigd", v2)
    found = Recogniser(v2).find(words_of("op 4 en 5 juni"))
    assert all(f.range_end is None for f in found)


def test_a_past_narrative_resumes_the_news_day_after_a_quotation() -> None:
    text = (
        "Gistermiddag sprak de burgemeester de raad toe. \"Dit gaat zo niet langer.\" Daarna verliet zij "
        "de vergadering."
    )
    assert date_of(text, "verliet") == "2019-03-25"


def test_a_resumed_day_ends_at_another_time_and_after_three_sentences() -> None:
    text = (
        "Gistermiddag sprak de burgemeester de raad toe. Vorig jaar waren er ook al klachten. "
        "Daarna verliet zij de vergadering."
    )
    assert date_of(text, "verliet") == "2019-03-26"
    far = (
        "Gistermiddag sprak de burgemeester de raad toe. \"Dit gaat zo niet langer.\" \"Het is genoeg.\" "
        "\"We moeten verder.\" Daarna verliet zij de vergadering."
    )
    assert date_of(far, "verliet") == "2019-03-26"


def test_a_time_inside_a_quotation_does_not_end_the_news_day() -> None:
    text = (
        "Gisteravond kwam de gemeenteraad bijeen voor een spoeddebat. Een raadslid schreef op Twitter: 'De "
        "wethouder heeft de afgelopen weken laten zien dat zij niet deugt.' Veel bewoners verweten de wethouder een "
        "gebrek aan fatsoen."
    )
    assert date_of(text, "verweten", quotes=True) == "2019-03-25"
    # a time of the narrative itself still ends it
    told = (
        "Gisteravond kwam de gemeenteraad bijeen voor een spoeddebat. De wethouder kreeg de afgelopen weken veel "
        "kritiek. Veel bewoners verweten de wethouder een gebrek aan fatsoen."
    )
    assert date_of(told, "verweten", quotes=True) == "2019-03-26"


def test_a_past_perfect_does_not_take_the_day_of_the_sentence_before() -> None:
    text = "Gisterochtend sloot de politie de brug af. De actievoerders hadden gedreigd de weg te blokkeren."
    assert date_of(text, "sloot") == "2019-03-25"
    assert date_of(text, "gedreigd") == "2019-03-26"


def test_a_range_is_not_carried_to_the_next_sentence() -> None:
    text = "De top vond op 4 en 5 maart plaats in Brussel. De premier bezocht daar ook de koning."
    assert date_of(text, "vond") == "2019-03-04"
    assert date_of(text, "bezocht") == "2019-03-26"


def test_a_weekday_inside_a_noun_phrase_does_not_date_the_clause() -> None:
    text = "De ambassadeur diende een protest in tegen de aanslag van vrijdag."
    assert date_of(text, "diende") == "2019-03-26"


def test_a_day_is_carried_through_a_narrative_in_the_simple_past() -> None:
    # further than the three sentences a resumed news day reaches
    text = (
        "Zaterdag trokken duizenden boeren met hun trekkers naar Den Haag. Zij blokkeerden urenlang de "
        "snelwegen. Op het Malieveld hielden zij een manifestatie. Enkele boeren gooiden eieren naar het ministerie. "
        "De politie arresteerde aan het eind van de middag twaalf demonstranten."
    )
    assert date_of(text, "arresteerde") == "2019-03-23"


def test_a_carried_day_stops_at_a_present_perfect_and_at_a_present_sentence() -> None:
    perfect = (
        "Zaterdag trokken duizenden boeren naar Den Haag. Zij blokkeerden urenlang de snelwegen. "
        "De minister heeft de boeren uitgenodigd voor overleg."
    )
    assert date_of(perfect, "uitgenodigd") == "2019-03-26"
    present = (
        "Zaterdag trokken duizenden boeren naar Den Haag. Zij blokkeerden urenlang de snelwegen. "
        "De boeren eisen al jaren meer steun. Het kabinet wil daar niet aan. De partijen zijn het oneens. "
        "De minister zegde vorige maand een gesprek toe. Een boer reed een hek omver."
    )
    assert date_of(present, "reed") == "2019-03-26"


def test_a_past_day_named_in_the_present_tense_opens_a_historical_present() -> None:
    text = (
        "Het debat loopt maandagavond volledig uit de hand. De premier verwijt de oppositie stemmingmakerij. "
        "Een Kamerlid verlaat boos de zaal."
    )
    assert date_of(text, "verwijt") == "2019-03-25"
    assert date_of(text, "verlaat") == "2019-03-25"


def test_a_prefixed_participle_after_its_auxiliary_makes_the_clause_past() -> None:
    # "bereikt" alone could be a present form; after "hebben" in its clause it is the participle, so the
    # day is named in the past tense and the present-tense sentence after it is not dated by it
    text = "De ministers hebben maandag een akkoord bereikt. De boeren eisen meer steun."
    assert date_of(text, "eisen") == "2019-03-26"
    # a noun after a determiner is no participle ("het besluit")
    state = "De ministers hebben maandag een akkoord bereikt. Nederland is tegen het besluit."
    assert date_of(state, "is tegen") == "2019-03-26"


@pytest.mark.parametrize(
    ("clause", "tense"),
    [
        ("de commissie heeft gisteren een akkoord bereikt", "past"),
        ("de trein is om acht uur vertrokken", "past"),
        ("de commissie bereikt een akkoord", None),
        ("zij is tegen het besluit", None),
        ("het was een grote ontvangst", "past"),
        ("dit is een grote ontvangst", None),
        ("hij is er niet bij als het verdrag de unie verandert", None),
        # "ge" after no separable particle, and a noun after an article: no participles
        ("de minister is tegelijkertijd voorzitter van de partij", None),
        ("hij is de partijgenoot van de premier", None),
        ("het kabinet is een gebied kwijt", None),
        # "ge" after an inseparable prefix that begins the stem ("vergelijken")
        ("de commissie heeft de cijfers vergeleken", "past"),
    ],
)
def test_the_tense_of_a_clause_with_a_prefixed_participle(clause: str, tense: str | None) -> None:
    words = words_of(clause)
    assert tense_of(words, 0, len(words), vocabulary("nl")) == tense


def test_ooit_is_vague_except_after_a_superlative() -> None:
    assert date_of("De premier bezocht ooit de hoofdstad van het buurland.", "bezocht") is None
    text = "Gisteren landde de premier in Skopje. Het was de grootste ontvangst ooit voor een buitenlandse gast."
    assert date_of(text, "ontvangst") == "2019-03-25"


def test_a_subordinate_clause_shares_the_vague_time_of_its_main_clause() -> None:
    text = "Jaren geleden bleek het probleem al, toen de oppositie en de vakbonden het plan afwezen."
    assert date_of(text, "afwezen") is None
    # not a clause joined by a coordinator to the main clause, nor a reported one
    joined = "Jaren geleden bleek het probleem al, maar de oppositie wees het plan af."
    assert date_of(joined, "wees") == "2019-03-26"
    reported = "Jaren geleden zei de minister al dat de oppositie het plan afwijst."
    assert date_of(reported, "afwijst") == "2019-03-26"


def test_a_day_of_a_clause_without_a_past_verb_opens_no_narrative() -> None:
    # the day dates the present-tense clause it stands in; the sentence is in the past by its relative clause,
    # and the reaction told after it is no deed of that day (neither carried nor resumed)
    text = (
        "Maandag ligt het plan op tafel waarover de minister lang twijfelde. "
        "De oppositie noemde het plan onuitvoerbaar."
    )
    assert date_of(text, "noemde") == "2019-03-26"
    apposition = (
        "Het kabinet, zondag nog eensgezind over de hervorming, viel uiteen over de begroting. "
        "De coalitiepartners verweten elkaar woordbreuk."
    )
    assert date_of(apposition, "verweten") == "2019-03-26"


def test_a_day_alone_before_a_comma_or_with_a_past_verb_still_opens_a_narrative() -> None:
    fronted = (
        "Maandagavond, na een lange vergadering, stemde de raad in met het plan. "
        "De wethouder noemde de uitslag een opluchting."
    )
    assert date_of(fronted, "noemde") == "2019-03-25"
    strong = (
        "De partij klom maandag in de peiling naar de tweede plaats, nadat de lijsttrekker een sterk debat voerde. "
        "De voorzitter bood de leden namens het bestuur een feest aan."
    )
    assert date_of(strong, "bood") == "2019-03-25"


@pytest.mark.parametrize("form", ["zwom", "klommen", "wrong", "krompen", "verzon"])
def test_strong_past_forms_of_the_zingen_zong_class_make_a_clause_past(form: str) -> None:
    v = vocabulary("nl")
    assert tense_of(words_of(f"de delegatie {form} gisteren"), 0, 3, v) == "past"
