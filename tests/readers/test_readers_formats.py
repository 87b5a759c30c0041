"""Each input format read from real text: the seed, the dev gold JSONL, and fixtures built from the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.document import Article, PartialDate, Precision
from dyad.readers import ReadFailure, read_inputs
from dyad.readers.feeds import html_to_text
from dyad.readers.ids import safe_id, text_id

FIXTURES = Path(__file__).parent / "fixtures"


def articles(results: list[Article | ReadFailure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def failures(results: list[Article | ReadFailure]) -> list[ReadFailure]:
    return [r for r in results if isinstance(r, ReadFailure)]


# --- the seed text format ------------------------------------------------------------------------------


def test_seed_article(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "000_c8f14cc41eaac8fb.txt"
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.id == "000_c8f14cc41eaac8fb"
    assert article.published == PartialDate(2021, 3)
    assert article.published.precision is Precision.MONTH
    assert article.language == "nl"
    assert article.origin == str(path)
    assert article.text.startswith("De Russische minister van Buitenlandse zaken Sergei Lavrov (l)")
    assert "date 2021-03" not in article.text
    assert article.text.endswith("‘De verantwoordelijkheid daarvoor ligt volledig bij de VS’.")


@pytest.mark.parametrize(
    ("content", "published", "body"),
    [
        ("date 2021-03-17 Moskou riep zijn ambassadeur terug.", PartialDate(2021, 3, 17), "Moskou riep"),
        ("\n\t date 2021-03 Moskou riep zijn ambassadeur terug.", PartialDate(2021, 3), "Moskou riep"),
        ("date 2021-03\nMoskou riep zijn ambassadeur terug.", PartialDate(2021, 3), "Moskou riep"),
        ("Moskou riep zijn ambassadeur terug.", None, "Moskou riep"),
        # "date" followed by no date is body text, not a prefix
        ("date van de top is nog niet bekend, zei Moskou.", None, "date van de top"),
    ],
)
def test_seed_format_variants(tmp_path: Path, content: str, published: PartialDate | None, body: str) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(content, encoding="utf-8")
    [article] = list(read_inputs([str(path)], language="nl"))
    assert isinstance(article, Article), article
    assert article.id == "bericht"
    assert article.published == published
    assert article.text.startswith(body)


def test_seed_format_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2021-03 Eerste alinea.\r\n\r\nTweede alinea.\r\n")
    [article] = list(read_inputs([str(path)], language="nl"))
    assert isinstance(article, Article)
    assert article.text == "Eerste alinea.\n\nTweede alinea."


# --- JSONL ------------------------------------------------------------------------------------------------


def test_dev_gold_jsonl(shared_dir: Path) -> None:
    path = shared_dir / "gold" / "dev" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = list(read_inputs([str(path)]))
    assert failures(results) == []
    read = articles(results)
    assert [a.id for a in read] == [r["id"] for r in records]
    for number, (article, record) in enumerate(zip(read, records, strict=True), start=1):
        assert article.text == record["text"]
        assert article.published is not None and article.published.iso() == record["published"]
        assert article.published.precision is Precision.DAY
        assert article.language == record["language"]
        assert article.title == record["title"]
        assert article.origin == f"{path}:{number}"


def test_jsonl_fields_and_precision(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Moskou riep zijn ambassadeur terug.", "published": "2021-03-23T10:15:00+01:00",
         "language": "nl", "title": "Ambassadeur", "url": "https://example.org/a", "source": "Trouw"},
        {"id": "b", "text": "Moskou riep zijn ambassadeur terug.", "published": "2021", "language": "NL"},
        {"id": 10748045, "text": "Moskou riep zijn ambassadeur terug.", "published_at": "2019-03-26",
         "language": "nl-BE"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    a, b, c = list(read_inputs([str(path)]))
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.published == PartialDate(2021, 3, 23, "10:15:00")
    assert a.published.precision is Precision.TIME
    assert (a.title, a.url, a.source) == ("Ambassadeur", "https://example.org/a", "Trouw")
    assert b.published == PartialDate(2021) and b.language == "nl"
    assert c.id == "10748045" and c.published == PartialDate(2019, 3, 26) and c.language == "nl"


def test_jsonl_id_derived_from_text_is_stable(tmp_path: Path, seed_text: str) -> None:
    body = seed_text.split("\n", 2)[2]
    first = tmp_path / "one.jsonl"
    second = tmp_path / "other.ndjson"
    first.write_text(json.dumps({"text": body}) + "\n", encoding="utf-8")
    second.write_text("\n" + json.dumps({"text": body, "published": "2021-03"}) + "\n", encoding="utf-8")
    a, b = list(read_inputs([str(first), str(second)]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id == text_id(body)
    assert a.id.startswith("text-") and len(a.id) == len("text-") + 16
    assert b.origin == f"{second}:2"  # physical line numbers: the blank first line counts


# --- HTML -------------------------------------------------------------------------------------------------


def test_html_page() -> None:
    path = FIXTURES / "lavrov_bezoek.html"
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article), article
    assert article.id == "lavrov_bezoek"
    assert article.published == PartialDate(2021, 3, 22)
    assert article.title == "Lavrov en Wang Yi zoeken tegenwicht tegen de VS"
    assert article.url == "https://wereldnieuws.example/buitenland/lavrov-wang-yi"
    assert article.language == "nl"
    assert "Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug" in article.text
    assert "Het Witte Huis liet echter weten dat het daar geen trek in had." in article.text
    for boilerplate in ("Voorpagina", "Meest gelezen", "Alle rechten voorbehouden", "window.analytics"):
        assert boilerplate not in article.text


# --- feeds ------------------------------------------------------------------------------------------------


def test_rss_feed() -> None:
    path = FIXTURES / "buitenland.rss"
    results = list(read_inputs([str(path)]))
    first, second = articles(results)
    assert first.text.startswith("Moskou riep afgelopen week zijn ambassadeur")
    assert "‘moordenaar’" in first.text and "beïnvloeden" in first.text  # entities decoded
    assert "track()" not in first.text  # scripts dropped
    assert first.text.count("\n\n") == 1  # two paragraphs kept apart
    # pubDate in local time as written (+0100), not shifted to 21 March in UTC
    assert first.published == PartialDate(2021, 3, 22, "00:30:00")
    assert first.id == safe_id("wereldnieuws:10748045")  # from the guid, not the link
    assert second.id == safe_id("https://wereldnieuws.example/buitenland/blinken-alaska")  # no guid: link
    assert first.title == "Moskou roept ambassadeur in VS terug"
    assert first.source == "Wereldnieuws - Buitenland"
    assert second.text.startswith("Minister van Buitenlandse Zaken Antony Blinken")
    assert "<b>" not in second.text
    assert second.url == "https://wereldnieuws.example/buitenland/blinken-alaska"
    assert all(a.language == "nl" for a in (first, second))
    [empty] = failures(results)
    assert empty.origin == f"{path}#entry-3"
    assert "no text" in empty.message


def test_atom_feed() -> None:
    path = FIXTURES / "buitenland.atom"
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.published == PartialDate(2021, 3, 23, "08:15:00")  # published wins over updated
    assert second.published == PartialDate(2021, 3, 22, "21:40:00")  # updated when published is absent
    assert first.text.startswith("Lavrov probeerde duidelijk diplomatieke munt te slaan")
    assert "‘ideologische agenda’" in first.text
    assert second.text.startswith("Moskou verweet president Biden maandag")
    assert first.origin == f"{path}#entry-1"
    assert first.id != second.id


def test_feed_entry_ids_are_safe_and_stable() -> None:
    path = str(FIXTURES / "buitenland.atom")
    once = [a.id for a in articles(list(read_inputs([path])))]
    again = [a.id for a in articles(list(read_inputs([path])))]
    assert once == again
    for article_id in once:
        assert article_id.replace("-", "").replace(".", "").replace("_", "").isalnum()
        assert len(article_id) <= 80


def test_html_to_text_keeps_paragraphs() -> None:
    text = html_to_text("<div><p>Eerste &amp; alinea.</p><p>Tweede<br>regel.</p><script>x()</script></div>")
    assert text == "Eerste & alinea.\n\nTweede\nregel."


def test_jsonl_long_first_line_is_one_record(tmp_path: Path, seed_text: str) -> None:
    # longer than the bytes looked at to check the file, so the first line is read in two parts
    body = (seed_text.split("\n", 2)[2] + "\n") * 8
    assert len(body.encode("utf-8")) > 16_384
    path = tmp_path / "lang.jsonl"
    records = [{"id": "lang", "text": body}, {"id": "kort", "text": body[:500]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, Article) and first.text == body and first.origin == f"{path}:1"
    assert isinstance(second, Article) and second.origin == f"{path}:2"
