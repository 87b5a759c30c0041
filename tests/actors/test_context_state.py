"""Resolution from the article's context: the state an article is about, headings fused onto names,
hyphenated owners and indefinite noun phrases. Sentences are taken from the dev articles (2019)."""

from __future__ import annotations

from helpers import code_of, resolve

from dyad.document import Document

VENEZUELA = (
    "Venezuela zit opnieuw zonder stroom. President Nicolás Maduro van Venezuela sprak van sabotage. "
    "De regering in Caracas wijst naar de Venezolaanse oppositie. "
)
LIBYA = (
    "Libië gaat gebukt onder zware gevechten tussen rivaliserende milities. Khalifa Haftar rukt op naar "
    "Tripoli. Premier Fayez Sarraj probeert sinds 2015 Libië te herenigen. "
)


def _starts_with(doc: Document, word: str) -> list[str]:
    return [doc.text[m.start : m.end] for m in doc.mentions if doc.text[m.start : m.end].startswith(word)]


def test_heading_fused_onto_a_known_name() -> None:
    doc = resolve(
        VENEZUELA + "Imperialisme Maduro noemde de stroomstoring een gevolg van de 'elektriciteitsoorlog, "
        "georganiseerd door het imperialisme van de Verenigde Staten'.",
        "2019-03-10",
    )
    assert _starts_with(doc, "Imperialisme") == []
    assert code_of(doc, "Maduro", 1) == "VENGOV"


def test_function_words_open_no_name() -> None:
    doc = resolve(
        "Thierry Baudet sprak in Amersfoort. Alsof Baudet het horen kan, houdt hij de zaal voor dat hij "
        "zaken kan doen. Zowel de Latijns-Amerikaanse landen als Europa verwerpt het gebruik van geweld.",
        "2019-03-21",
    )
    assert _starts_with(doc, "Alsof") == [] and _starts_with(doc, "Zowel") == []
    assert code_of(doc, "Baudet", 1) is not None


def test_state_institution_of_the_article_state() -> None:
    doc = resolve(
        LIBYA + "De overgangsregering wordt gesteund door Turkije en Qatar, Khalifa Haftar door Egypte.",
        "2019-04-08",
    )
    assert code_of(doc, "De overgangsregering") == "LBYGOV"


def test_state_institution_needs_a_clear_article_state() -> None:
    doc = resolve("Turkije en Griekenland praten. Turkije en Griekenland ruziën. De oppositie protesteert.",
                  "2019-04-08")
    assert code_of(doc, "De oppositie") is None


def test_relative_die_is_no_determiner() -> None:
    doc = resolve(LIBYA + "Daartoe behoren milities die militair worden gesteund.", "2019-04-08")
    assert code_of(doc, "die militair") is None


def test_hyphenated_owner_of_an_envoy() -> None:
    doc = resolve(LIBYA + "VN-gezant Ghassan Salame werkt koortsachtig aan een nationale conferentie.",
                  "2019-04-08")
    assert code_of(doc, "Ghassan Salame") == "UN"


def test_appositive_after_hyphen_is_still_the_state() -> None:
    doc = resolve("President Trump heeft nu ook India en Navo-bondgenoot Turkije de wacht aangezegd.",
                  "2019-03-05")
    assert code_of(doc, "Turkije") == "TUR"


def test_titled_unknown_person_of_the_article_state() -> None:
    doc = resolve(VENEZUELA + "Energieminister Luis Motta liet zich in vergelijkbare bewoordingen uit.",
                  "2019-03-10")
    assert code_of(doc, "Luis Motta") == "VENGOV"


def test_titled_unknown_person_without_a_clear_state() -> None:
    doc = resolve(
        "Trump straft India. India en de VS praten. 'Gezien de sterke banden met de VS zien wij af van "
        "vergelding', aldus minister van Handel Anup Wadhawan.",
        "2019-03-05",
    )
    assert code_of(doc, "Anup Wadhawan") is None


def test_indefinite_leader_refers_to_no_one_named_before() -> None:
    doc = resolve(
        "Martin Selmayr, de hoogste eurocraat, had al laten doorschemeren dat 12 april rekbaar is. De Ierse "
        "premier Leo Varadkar zei dat een Europese leider die een veto uitspreekt niet op vergiffenis kan "
        "rekenen.",
        "2019-04-07",
    )
    assert code_of(doc, "leider") is None
    assert code_of(doc, "De Ierse premier Leo Varadkar") == "IRLGOV"
