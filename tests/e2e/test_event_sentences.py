"""Events through the whole pipeline on sentences of the seed article, DpgMedia2019 and news sentences written
for the construction each test names (never copied from the dev gold, a test set): the
factuality of what a sentence names, and sources that only the speaker of a sentence gives ("Volgens X was er
sprake van manipulatie" is X's accusation; the quote finder names the speaker, the coder reads it)."""

from __future__ import annotations

import pytest

from dyad.api import analyse
from dyad.document import Article, PartialDate
from dyad.records import build_records


def _events(text: str, published: str) -> set[tuple[str, str, str, str]]:
    """(source country, target country, CAMEO code, factuality) of every event."""
    article = Article(id="t", text=text, published=PartialDate.parse(published), language="nl")
    records = build_records(analyse(article))
    return {(e["source"]["country"], e["target"]["country"], e["cameo"], e["factuality"]) for e in records.events}


def _roots(text: str, published: str) -> set[tuple[str, str, str, str]]:
    """As `_events`, with the CAMEO root (two digits) for the code."""
    return {(s, t, code[:2], f) for s, t, code, f in _events(text, published)}


def test_a_proposal_named_with_its_maker_happened_though_it_was_not_taken_up() -> None:
    # seed: Biden did not take up Putin's proposal; the proposal itself is actual (gold: 036 RUS-USA actual)
    text = (
        "Moskou verweet president Biden maandag dat hij niet was ingegaan op een voorstel van president Poetin hun "
        "problemen te bespreken in een online gesprek."
    )
    got = _roots(text, "2021-03")
    assert ("RUS", "USA", "03", "actual") in got
    assert ("RUS", "USA", "03", "negated") not in got


def test_sanctions_a_state_considers_stay_possible_with_its_adjective() -> None:
    got = _roots("De VS overwegen nieuwe Amerikaanse sancties tegen Rusland.", "2021-03")
    assert ("USA", "RUS", "16", "possible") in got


def test_a_promised_deed_is_possible_and_the_promise_actual() -> None:
    # DpgMedia2019 10791978
    text = (
        "Slechts enkele dagen voor de parlementsverkiezingen in Israël heeft premier Benjamin Netanyahu de "
        "annexatie van joodse nederzettingen op de Westelijke Jordaanoever beloofd."
    )
    got = _roots(text, "2019-04-08")
    assert ("ISR", "PSE", "19", "possible") in got
    assert ("ISR", "PSE", "03", "actual") in got


def test_a_state_adjective_is_the_doer_of_an_event_noun() -> None:
    got = _roots("Nieuwe Amerikaanse sancties tegen Rusland treffen de Russische economie.", "2021-03")
    assert ("USA", "RUS", "16", "actual") in got


def test_according_to_the_opposition_there_was_manipulation() -> None:
    # the adjective says which election board it is
    text = (
        "De Turkse kiescommissie liet de stemmen in Istanbul hertellen. Volgens oppositiepartij HDP was er bij de "
        "telling sprake van grootschalige 'fraude'."
    )
    assert ("TUR", "TUR", "112", "actual") in _events(text, "2019-04-01")


def test_no_accusation_where_the_speaker_denies_it() -> None:
    text = (
        "De Turkse oppositie eist een hertelling. Volgens de Turkse regering was er bij de telling in Istanbul "
        "geen sprake van fraude."
    )
    assert not {e for e in _events(text, "2019-04-01") if e[2] == "112"}


# Common Dutch news wordings of frequent CAMEO roots (strong past forms read through the verb table, phrases
# with gaps, a source that must be a person), written after the patterns of Dutch political news.
LEXICON_CASES = [
    ("Washington wees het voorstel van Rusland van de hand.", ("USA", "RUS", "120", "actual")),
    ("Washington wees het voorstel van Rusland af.", ("USA", "RUS", "125", "actual")),
    ("Rusland heeft de oproep van de NAVO van tafel geveegd.", ("RUS", "NATO", "120", "actual")),
    ("De Britse regering ziet niets in een nieuw referendum van de EU.", ("GBR", "EU", "120", "actual")),
    ("Erdogan viel maandag opnieuw uit naar de Verenigde Staten.", ("TUR", "USA", "111", "actual")),
    ("De Chinese minister las de Amerikanen de les over mensenrechten.", ("CHN", "USA", "111", "actual")),
    ("Trump kraakte Merkel af tijdens een toespraak.", ("USA", "DEU", "111", "actual")),
    ("Duitsland schaart zich achter Guaidó.", ("DEU", "VEN", "051", "actual")),
    ("China verwelkomde de stap van Noord-Korea.", ("CHN", "PRK", "051", "actual")),
    ("Trump verwelkomde de Israëlische premier in het Witte Huis.", ("USA", "ISR", "043", "actual")),
    ("Trump trof Kim Jong-un in Hanoi.", ("USA", "PRK", "040", "actual")),
    ("Erdogan sprak telefonisch met Poetin.", ("TUR", "RUS", "041", "actual")),
    # a summit is a third location (044)
    ("Xi en Trump spraken elkaar op de G20-top.", ("USA", "CHN", "044", "actual")),
    ("De EU bevriest de tegoeden van Venezolaanse functionarissen.", ("EU", "VEN", "163", "actual")),
    ("De Turkse regering heeft een Nederlandse journalist vastgehouden.", ("TUR", "NLD", "173", "actual")),
    ("De Turkse politie hield de Nederlandse journalist aan op het vliegveld.", ("TUR", "NLD", "173", "actual")),
    # rockets fired at a country: artillery (194)
    ("Hamas vuurde in de nacht tientallen raketten af op Israël.", ("PSE", "ISR", "194", "actual")),
    ("Premier Rutte reist volgende week naar Washington.", ("NLD", "USA", "042", "actual")),
    ("De Amerikaanse minister Pompeo kwam woensdag aan in Moskou.", ("USA", "RUS", "042", "actual")),
    ("Rusland vecht de sancties van de EU aan bij het Europese Hof.", ("RUS", "EU", "115", "actual")),
    ("Rusland dwong Oekraïne tot concessies.", ("RUS", "UKR", "170", "actual")),
    ("De Britse oppositie bezwoer achter de EU te staan.", ("GBR", "EU", "051", "actual")),
    ("Frankrijk blijft achter Guaidó staan.", ("FRA", "VEN", "051", "actual")),
    ("Rusland zegt dat de cijfers van de NAVO niet kloppen.", ("RUS", "NATO", "111", "actual")),
    ("De VS eisen van China meer toegang tot de Chinese markt.", ("USA", "CHN", "1011", "actual")),
    ("Een Chinese delegatie reisde naar Washington.", ("CHN", "USA", "042", "actual")),
    ("Iran heeft de Britse tanker in beslag genomen.", ("IRN", "GBR", "1711", "actual")),
    # strong participles the lookup table lacks, after a form of "hebben" or "worden"
    ("Rusland heeft het voorstel van de VS verworpen.", ("RUS", "USA", "120", "actual")),
    ("Iran heeft een akkoord gesloten met China.", ("IRN", "CHN", "057", "actual")),
    ("De NAVO heeft Libië aangevallen.", ("NATO", "LBY", "190", "actual")),
    ("Nederland werd door de EU gedwongen tot concessies.", ("EU", "NLD", "170", "actual")),
    # the perfect passive with "zijn" and its agent
    ("Israël is door Hamas bekritiseerd.", ("PSE", "ISR", "111", "actual")),
    ("Maduro is door de VS veroordeeld.", ("USA", "VEN", "111", "actual")),
    ("Trump heeft de Iraanse Revolutionaire Garde op de terreurlijst gezet.", ("USA", "IRN", "163", "actual")),
    # a people named by its demonym protests against its own government
    ("Duizenden Venezolanen gingen de straat op tegen Maduro.", ("VEN", "VEN", "141", "actual")),
    ("De Russische ambassade tekende bezwaar aan tegen het besluit van Nederland.", ("RUS", "NLD", "114", "actual")),
    ("Venezuela verbrak de diplomatieke banden met Colombia.", ("VEN", "COL", "161", "actual")),
    ("Rusland sloot een handelsakkoord met China.", ("RUS", "CHN", "057", "actual")),
    ("De VS braken de onderhandelingen met Noord-Korea af.", ("USA", "PRK", "164", "actual")),
    ("Poetin bood Trump zijn excuses aan.", ("RUS", "USA", "055", "actual")),
    # a state adjective in the trigger's object is the target when no actor is named there
    ("Merkel had kritiek op het Amerikaanse besluit om uit het akkoord te stappen.", ("DEU", "USA", "111", "actual")),
    ("Frankrijk en Duitsland hebben kritiek op het Amerikaanse besluit.", ("DEU", "USA", "111", "actual")),
    ("De VS verhogen de importheffingen op Chinese producten.", ("USA", "CHN", "163", "actual")),
    ("Turkije arresteerde een Amerikaanse pastoor.", ("TUR", "USA", "173", "actual")),
    ("Noord-Korea wees het Amerikaanse aanbod af.", ("PRK", "USA", "120", "actual")),
    ("De Chinese regering reageerde furieus op de Amerikaanse heffingen.", ("CHN", "USA", "111", "actual")),
    ("Iran houdt de Verenigde Staten verantwoordelijk voor de aanval.", ("IRN", "USA", "1123", "actual")),
    ("China wijst de VS aan als schuldige.", ("CHN", "USA", "112", "actual")),
    ("De Franse president sprak zijn steun uit voor Guaidó.", ("FRA", "VEN", "051", "actual")),
    ("De EU betuigde steun aan Ierland.", ("EU", "IRL", "051", "actual")),
    ("Israël voerde luchtaanvallen uit op doelen in Syrië.", ("ISR", "SYR", "195", "actual")),
    ("Turkse troepen trokken Syrië binnen.", ("TUR", "SYR", "190", "actual")),
    ("Trump is bereid om met Kim Jong-un te praten.", ("USA", "PRK", "036", "actual")),
    ("De Venezolaanse oppositie eist het vertrek van Maduro.", ("VEN", "VEN", "1041", "actual")),
    ("Moskou reageerde sceptisch op het voorstel van Washington.", ("RUS", "USA", "012", "actual")),
    # "aanvallen": a person attacks in words, a state or its forces with arms
    ("Wilders viel Rutte aan in het debat.", ("NLD", "NLD", "111", "actual")),
    ("De NAVO viel Libië aan.", ("NATO", "LBY", "190", "actual")),
    ("Israëlische gevechtsvliegtuigen vielen doelen in Gaza aan.", ("ISR", "PSE", "190", "actual")),
    ("Amerikaanse drones bombardeerden een kamp in Somalië.", ("USA", "SOM", "195", "actual")),
    # a surname that is also a lemma of the lookup table opens the sentence: its holder in office at the date
    ("Merkel prees Macron.", ("DEU", "FRA", "051", "actual")),
    ("Modi bezocht China.", ("IND", "CHN", "042", "actual")),
]


def test_common_wordings_of_frequent_roots() -> None:
    for text, expected in LEXICON_CASES:
        assert expected in _events(text, "2019-04-01"), text


def test_wordings_that_look_like_events_but_are_not() -> None:
    for text in [
        "Rutte houdt vast aan zijn standpunt over de EU.",  # "vasthouden aan": no detention, no arrest
        "De VS houden de druk op Iran aan.",  # keeping up pressure is no arrest
        "Rusland gaat naar de rechter om de sancties van de EU aan te vechten.",  # a state "going" is no visit
        "Iran houdt de Verenigde Staten verantwoordelijk voor de aanval.",  # the blamed attack is not Iran's
        "Frankrijk riep zijn ambassadeur in Italië terug voor overleg.",  # consulted at home: no meeting
        "De sancties treffen Rusland hard.",  # "treffen" hits here: no meeting
        "Trump heeft maatregelen getroffen tegen China.",
    ]:
        assert not {e for e in _events(text, "2019-04-01") if e[2][:2] in ("04", "17", "19")}, text


@pytest.mark.xfail(strict=True, reason="a visit phrase ('rondreis langs') with no actor after its own prepositions "
                   "borrows the actor after 'van' in its clause as the visited target")
def test_a_visit_to_places_that_are_no_actors_borrows_no_target() -> None:
    text = "Met zijn rondreis langs Afrikaanse hoofdsteden nam Lavrov hoe dan ook afstand van Peking."
    assert not {e for e in _events(text, "2019-04-01") if e[2][:2] == "04"}


def test_a_refused_deed_is_negated_and_the_refusal_actual() -> None:
    got = _events("Duitsland weigert wapens te leveren aan Saudi-Arabië.", "2019-04-01")
    # refusing to deliver arms is one actual rejection of military aid (1222), which absorbs the named delivery
    assert ("DEU", "SAU", "1222", "actual") in got
    assert not {e for e in got if e[2].startswith("07")}
    got = _events("De VS weigerden met Iran te onderhandelen.", "2019-04-01")
    assert ("USA", "IRN", "046", "negated") in got


def test_a_deed_hedged_with_possibly_is_possible() -> None:
    assert ("USA", "CHN", "163", "possible") in _events("Mogelijk legt Washington nieuwe heffingen op aan Peking.",
                                                          "2019-04-01")
    assert ("USA", "IRN", "190", "possible") in _events("Een mogelijke aanval van de VS op Iran baart zorgen.",
                                                          "2019-04-01")
    # DpgMedia2019 10780465: the possibility belongs to the No Deal, not to the visit
    text = "Angela Merkel bezoekt Ierland om solidariteit te tonen met de Ieren bij een eventuele No Deal."
    assert ("DEU", "IRL", "042", "actual") in _events(text, "2019-04-04")


def test_a_deed_under_investigation_is_not_the_investigators() -> None:
    # DpgMedia2019 10743031: the prosecutors investigate the threats; they did not make them
    text = "Wel doet het Openbaar Ministerie onderzoek naar doodsbedreigingen aan het adres van Thierry Baudet."
    assert not {e for e in _events(text, "2019-03-20") if e[2].startswith("13")}


def test_who_a_report_is_according_to_does_not_do_what_it_reports() -> None:
    # DpgMedia2019 10755163: the migrants rebelled; the Italian media report it
    text = ("De 108 migranten zijn bij hun overtocht gered door het schip Elhiblu 1, en kwamen volgens Italiaanse "
            "media in opstand toen bekend werd dat zij terug naar Libië werden gebracht.")
    assert not _events(text, "2019-03-28")


def test_an_attack_by_a_state_is_no_criticism_and_a_persons_no_fight() -> None:
    assert not {e for e in _events("De NAVO viel Libië aan.", "2019-04-01") if e[2].startswith("11")}
    assert not {e for e in _events("Wilders viel Rutte aan in het debat.", "2019-04-01") if e[2].startswith("19")}


def test_what_the_subject_opposes_is_not_its_deed() -> None:
    # the sanctions are not Russia's
    got = _events("Topdiplomaat Sergej Lavrov keerde zich gisteren tegen nieuwe sancties tegen Minsk.", "2019-03-12")
    assert not {e for e in got if e[2].startswith("16")}


def test_a_war_the_subject_took_part_in_takes_its_target_from_its_own_phrase() -> None:
    # the general led Iraqi troops in the war with Iran; Iraq did not fight Iraq
    text = ("De Iraakse generaal Maher Abd al-Rashid voerde de Iraakse troepen aan in de oorlog met Iran in de "
            "jaren tachtig.")
    assert not {e for e in _events(text, "2019-04-05") if e[2].startswith("19") and e[0] == e[1]}


@pytest.mark.xfail(
    strict=True,
    reason="'Rusland wil met beide partijen afzonderlijk overleggen' borrows Cuba from the sentence before as the "
    "target of a willed meeting (036, an intent): only the dev-gold wording 'met beide partijen afzonderlijk praten' "
    "(lexicon entry intent_mediate_parties) is read as talks with the participants, not 'overleggen' or "
    "'met beide kampen apart'",
)
def test_no_target_is_borrowed_for_participants_who_act_on_each_other() -> None:
    # the rivals need not meet each other; Cuba, named before, is no participant
    text = ("Tot de bemiddelaars behoren Noorwegen en Cuba. Rusland wil met beide partijen afzonderlijk overleggen, "
            "zodat de rivalen elkaar niet hoeven te zien.")
    assert not {e for e in _events(text, "2019-03-05") if e[2][:2] in ("03", "04")}


def test_an_event_noun_between_two_actors_is_mutual() -> None:
    got = _events("De onderhandelingen tussen de VS en China liepen vast.", "2019-04-01")
    assert {("USA", "CHN", "046", "actual"), ("CHN", "USA", "046", "actual")} <= got
    got = _events("De gevechten tussen Israël en Hamas duren voort.", "2019-04-01")
    assert {("ISR", "PSE", "190", "actual"), ("PSE", "ISR", "190", "actual")} <= got


def test_news_media_reporting_a_deed_do_not_do_it() -> None:
    # DpgMedia2019 10791381: the wife asked the French government for help; the newspaper reports it
    text = ("Zijn vrouw vloog naar Parijs om hulp te vragen van de regering, schrijft de Britse zakenkrant "
            "Financial Times.")
    assert not _events(text, "2019-04-05")


def test_who_reports_a_clause_is_not_borrowed_as_its_target() -> None:
    # DpgMedia2019 10723126: the newspaper reports the investigation; the bank is no actor
    text = "Een Italiaanse zakenkrant meldde dat het Italiaanse Openbaar Ministerie een onderzoek start naar de bank."
    assert not _events(text, "2019-03-20")


def test_an_appeal_or_accusation_absorbs_the_deed_it_names() -> None:
    got = _events("De EU heeft Rusland opgeroepen de gevangenen vrij te laten.", "2019-04-01")
    # an appeal for the release of persons (0253)
    assert ("EU", "RUS", "0253", "actual") in got and not {e for e in got if e[2].startswith("08")}
    got = _events("India beschuldigt Pakistan ervan terroristen te steunen.", "2019-04-01")
    assert ("IND", "PAK", "112", "actual") in got and not {e for e in got if e[2].startswith("05")}


def test_two_parties_of_one_sector_code_are_distinct_actors() -> None:
    # a party leader criticising another party: both NLDPTY, two actors of the knowledge base
    assert ("NLD", "NLD", "11", "actual") in _roots("Klaver hekelt de VVD.", "2019-03-12")


def test_a_party_and_its_own_leader_named_together_are_one_side() -> None:
    # "PvdA-leider Asscher" names the leader with his party: no event between them
    assert not _events("Ook PvdA-leider Asscher belt hij graag.", "2019-03-12")


def test_not_ruling_out_is_no_rejection_and_holding_on_to_a_position_no_detention() -> None:
    assert not {e for e in _roots("De Amerikaanse regering sluit een militaire aanval op Iran niet uit.", "2019-03-12")
                if e[2] == "12"}
    assert not {e for e in _roots("De Duitse regering hield vast aan haar standpunt over Rusland.", "2019-03-12")
                if e[2] == "17"}
