"""Every kind of bad input gets one clear failure naming it and the reason, and the good inputs beside it
in the same batch are still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.document import Article
from dyad.errors import DateError, InputError, LanguageError, RecordError
from dyad.readers import MAX_TEXT_BYTES, ReadFailure, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = "date 2021-03 Moskou riep afgelopen week zijn ambassadeur uit de Verenigde Staten terug."
# A German rendering of the seed's opening, to be recognised as German and rejected.
GERMAN = (
    "Moskau hat vergangene Woche seinen Botschafter aus den Vereinigten Staaten zurückgerufen, nachdem "
    "Präsident Biden den russischen Präsidenten Putin einen Mörder genannt hatte. Biden versicherte "
    "außerdem, dass Putin einen Preis für die russischen Versuche zahlen werde, die amerikanischen Wahlen "
    "zu beeinflussen."
)


def read_between_good(tmp_path: Path, bad: Path) -> ReadFailure:
    """Read `bad` between two good files; both good ones must come through, and exactly one failure."""
    before = tmp_path / "voor.txt"
    after = tmp_path / "na.txt"
    before.write_text(GOOD, encoding="utf-8")
    after.write_text(GOOD, encoding="utf-8")
    results = list(read_inputs([str(before), str(bad), str(after)]))
    assert [r.id for r in results if isinstance(r, Article)] == ["voor", "na"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == str(bad)
    assert str(bad) in str(failure) and str(bad) in str(failure.error)
    return failure


def test_empty_file(tmp_path: Path) -> None:
    bad = tmp_path / "leeg.txt"
    bad.write_bytes(b"")
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, InputError) and failure.code == "E001"
    assert failure.message == "empty file"


def test_white_space_only_file(tmp_path: Path) -> None:
    bad = tmp_path / "wit.txt"
    bad.write_text("  \n\n\t\n", encoding="utf-8")
    assert "only white space" in read_between_good(tmp_path, bad).message


def test_date_without_body(tmp_path: Path) -> None:
    bad = tmp_path / "alleen_datum.txt"
    bad.write_text(" date 2021-03\n", encoding="utf-8")
    assert "no article text after the date" in read_between_good(tmp_path, bad).message


def test_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "foto.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, InputError)
    assert failure.message == "binary file (NUL byte at byte offset 8)"


def test_utf16_file(tmp_path: Path) -> None:
    bad = tmp_path / "utf16.txt"
    bad.write_bytes(GOOD.encode("utf-16"))
    assert "UTF-16" in read_between_good(tmp_path, bad).message


def test_invalid_utf8_names_the_offset(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    content = "date 2021-03 De Russische pogingen de verkiezingen te beïnvloeden.".encode("latin-1")
    bad.write_bytes(content)
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, InputError)
    offset = content.index(b"\xef")
    assert f"byte 0xef at byte offset {offset}" in failure.message
    assert "not valid UTF-8" in failure.message


def test_too_large_text(tmp_path: Path) -> None:
    bad = tmp_path / "groot.txt"
    with bad.open("wb") as stream:
        line = (GOOD + "\n").encode("utf-8")
        stream.write(line * (20_000_000 // len(line) + 1))
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, InputError)
    assert "20.0 MB" in failure.message
    assert f"{MAX_TEXT_BYTES // 1_000_000} MB limit" in failure.message
    assert "MAX_TEXT_BYTES" in failure.message


def test_unparseable_date(tmp_path: Path) -> None:
    bad = tmp_path / "datum.txt"
    bad.write_text("date 2021-13-45 Moskou riep zijn ambassadeur terug.", encoding="utf-8")
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, DateError) and failure.code == "E002"
    assert "2021-13-45" in failure.message


def test_unsupported_language(tmp_path: Path) -> None:
    bad = tmp_path / "duits.txt"
    bad.write_text(GERMAN, encoding="utf-8")
    failure = read_between_good(tmp_path, bad)
    assert isinstance(failure.error, LanguageError) and failure.code == "E003"
    assert "unsupported language 'de'" in failure.message


def test_missing_path(tmp_path: Path) -> None:
    failure = read_between_good(tmp_path, tmp_path / "bestaat_niet.txt")
    assert failure.message == "no such file or directory"


def test_html_without_article(tmp_path: Path) -> None:
    failure = read_between_good(tmp_path, FIXTURES / "geen_artikel.html")
    assert isinstance(failure.error, InputError)
    assert failure.message == "no article text found in the HTML page"


def test_not_a_feed(tmp_path: Path) -> None:
    bad = tmp_path / "sitemap.xml"
    bad.write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
                   encoding="utf-8")
    assert "RSS or Atom" in read_between_good(tmp_path, bad).message


def test_json_document_named_explicitly(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps({"article_id": "x", "events": []}, indent=1), encoding="utf-8")
    assert "not JSON lines" in read_between_good(tmp_path, bad).message


# --- JSONL: one bad line among good ones ------------------------------------------------------------------


def good_record(number: int) -> str:
    return json.dumps({"id": f"goed-{number}", "text": GOOD.removeprefix("date 2021-03 "),
                       "published": "2021-03-17", "language": "nl"})


@pytest.mark.parametrize(
    ("line", "error_type", "expected"),
    [
        (b'{"id": "kapot", "text": "Moskou riep', RecordError, "invalid JSON"),
        (b'["Moskou riep zijn ambassadeur terug."]', RecordError, "not a JSON object but a list"),
        (b'"Moskou riep zijn ambassadeur terug."', RecordError, "not a JSON object but a str"),
        (b'{"id": "zonder-tekst", "published": "2021-03"}', RecordError, "missing field 'text'"),
        (b'{"id": "lege-tekst", "text": "  "}', RecordError, "empty field 'text'"),
        (b'{"id": "getal", "text": 42}', RecordError, "field 'text' must be a string"),
        (b'{"id": "", "text": "Moskou riep zijn ambassadeur terug."}', RecordError, "empty field 'id'"),
        (b'{"id": "d", "text": "Moskou riep zijn ambassadeur terug.", "published": "17 maart"}', DateError,
         "unparseable date '17 maart'"),
        (b'{"id": "d", "text": "Moskou riep zijn ambassadeur terug.", "published": 2021}', RecordError,
         "must be an ISO 8601 string"),
        (b'{"id": "taal", "text": "Moskou riep zijn ambassadeur terug.", "language": "de"}', LanguageError,
         "unsupported language 'de'"),
        (json.dumps({"id": "duits", "text": GERMAN}).encode(), LanguageError, "unsupported language 'de'"),
        (b'{"id": "bin", "text": "Moskou\x00"}', InputError, "NUL byte"),
    ],
)
def test_jsonl_bad_line_among_good(tmp_path: Path, line: bytes, error_type: type, expected: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join([good_record(1).encode(), good_record(2).encode(), line,
                                 good_record(4).encode()]) + b"\n")
    results = list(read_inputs([str(path)]))
    assert [r.id for r in results if isinstance(r, Article)] == ["goed-1", "goed-2", "goed-4"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == f"{path}:3"
    assert isinstance(failure.error, error_type)
    assert expected in failure.message
    assert f"{path}:3" in str(failure.error)


def test_jsonl_invalid_utf8_offset_is_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    first = good_record(1).encode() + b"\n"
    bad = b'{"id": "latin", "text": "be\xefnvloeden"}\n'
    path.write_bytes(first + bad + good_record(3).encode() + b"\n")
    results = list(read_inputs([str(path)]))
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == f"{path}:2"
    offset = len(first) + bad.index(b"\xef")
    assert f"byte 0xef at byte offset {offset}" in failure.message
    assert len([r for r in results if isinstance(r, Article)]) == 2


def test_jsonl_oversized_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    huge = json.dumps({"id": "groot", "text": "Moskou " * (MAX_TEXT_BYTES // 7 + 10)}).encode()
    path.write_bytes(good_record(1).encode() + b"\n" + huge + b"\n" + good_record(3).encode() + b"\n")
    results = list(read_inputs([str(path)]))
    assert [r.id for r in results if isinstance(r, Article)] == ["goed-1", "goed-3"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == f"{path}:2"
    assert "MAX_TEXT_BYTES" in failure.message and "line is" in failure.message


def test_jsonl_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.jsonl"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    first, second = list(read_inputs([str(empty), str(binary)]))
    assert isinstance(first, ReadFailure) and first.origin == str(empty) and first.message == "empty file"
    assert isinstance(second, ReadFailure) and second.origin == str(binary) and "binary" in second.message


def test_bad_language_argument_raises_at_once() -> None:
    with pytest.raises(LanguageError, match="unsupported language 'de'"):
        read_inputs(["whatever.txt"], language="de")


def test_jsonl_blank_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "wit.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, ReadFailure) and failure.origin == str(path)
    assert "only blank lines" in failure.message
