"""Folders (recursion, order, hidden files, sniffing), stdin, and the language every article leaves with."""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.document import Article, PartialDate
from dyad.readers import ReadFailure, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path, shared_dir: Path) -> Path:
    """A folder of every format, nested, with things that must be skipped."""
    root = tmp_path / "corpus"
    (root / "b_sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(shared_dir / "seed" / "000_c8f14cc41eaac8fb.txt", root / "a_seed.txt")
    shutil.copy(FIXTURES / "lavrov_bezoek.html", root / "b_sub" / "pagina.htm")
    shutil.copy(FIXTURES / "buitenland.atom", root / "b_sub" / "deeper" / "feed.atom")
    lines = (shared_dir / "gold" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    (root / "c_artikelen.ndjson").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # of unknown extension: sniffed as a feed, so read
    shutil.copy(FIXTURES / "buitenland.rss", root / "b_sub" / "nieuws.feed")
    # skipped: hidden files and folders, unknown extensions that show no format, a gold-style JSON document
    (root / ".verborgen.txt").write_text("date 2021-03 verborgen", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main", encoding="utf-8")
    (root / "README.md").write_text("# Corpus\n\nArtikelen voor de test.", encoding="utf-8")
    (root / "gold.json").write_text(json.dumps({"article_id": "x", "events": []}, indent=1), encoding="utf-8")
    return root


def test_folder_recursive_sorted_and_skipping(corpus: Path) -> None:
    results = list(read_inputs([str(corpus)]))
    origins = [r.origin for r in results]
    assert origins == [
        f"{corpus}/a_seed.txt",
        f"{corpus}/b_sub/deeper/feed.atom#entry-1",
        f"{corpus}/b_sub/deeper/feed.atom#entry-2",
        f"{corpus}/b_sub/nieuws.feed#entry-1",
        f"{corpus}/b_sub/nieuws.feed#entry-2",
        f"{corpus}/b_sub/nieuws.feed#entry-3",  # the entry without text: a failure, in its place
        f"{corpus}/b_sub/pagina.htm",
        f"{corpus}/c_artikelen.ndjson:1",
        f"{corpus}/c_artikelen.ndjson:2",
    ]
    assert [type(r).__name__ for r in results].count("ReadFailure") == 1
    by_origin = {r.origin: r for r in results if isinstance(r, Article)}
    assert by_origin[f"{corpus}/a_seed.txt"].id == "a_seed"
    assert by_origin[f"{corpus}/b_sub/pagina.htm"].id == "pagina"
    assert by_origin[f"{corpus}/c_artikelen.ndjson:1"].id == "dpg-10748045"
    assert all(a.language == "nl" for a in by_origin.values())


def test_folder_is_deterministic(corpus: Path) -> None:
    def snapshot() -> list[tuple[str | None, str]]:
        return [(r.origin, r.id if isinstance(r, Article) else r.message) for r in read_inputs([str(corpus)])]

    assert snapshot() == snapshot()


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "notities.md").write_text("niets", encoding="utf-8")
    [failure] = list(read_inputs([str(tmp_path / "leeg")]))
    assert isinstance(failure, ReadFailure)
    assert failure.origin == str(tmp_path / "leeg")
    assert "no article files" in failure.message


def test_folder_with_a_bad_file_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2021-03 Moskou riep zijn ambassadeur terug.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("date 2021-03 Biden noemde Poetin een moordenaar.", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "c"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == str(tmp_path / "b.txt") and failure.message == "empty file"


# --- stdin ------------------------------------------------------------------------------------------------


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_seed_text(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    set_stdin(monkeypatch, seed_text.encode("utf-8"))
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, Article)
    assert (article.id, article.origin, article.language) == ("stdin", "<stdin>", "nl")
    assert article.published == PartialDate(2021, 3)
    assert article.text.startswith("De Russische minister")


def test_stdin_jsonl_with_a_broken_line(monkeypatch: pytest.MonkeyPatch, shared_dir: Path) -> None:
    lines = (shared_dir / "gold" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    data = "\n" + lines[0] + "\n" + lines[1] + "\n{kapot\n" + lines[2] + "\n"
    set_stdin(monkeypatch, data.encode("utf-8"))
    results = list(read_inputs(["-"]))
    assert [r.id for r in results if isinstance(r, Article)] == [json.loads(x)["id"] for x in lines]
    assert [r.origin for r in results] == ["<stdin>:2", "<stdin>:3", "<stdin>:4", "<stdin>:5"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == "<stdin>:4" and "invalid JSON" in failure.message


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, (FIXTURES / "lavrov_bezoek.html").read_bytes())
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, Article)
    assert article.id == "stdin" and article.published == PartialDate(2021, 3, 22)


def test_stdin_text_stream_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("date 2021-03-17 Moskou riep zijn ambassadeur terug."))
    [article] = list(read_inputs(["-"], language="nl"))
    assert isinstance(article, Article) and article.published == PartialDate(2021, 3, 17)


def test_stdin_empty_and_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"")
    [failure] = list(read_inputs(["-"]))
    assert isinstance(failure, ReadFailure)
    assert (failure.origin, failure.message) == ("<stdin>", "empty input")
    set_stdin(monkeypatch, b"abc\x00def")
    [failure] = list(read_inputs(["-"]))
    assert isinstance(failure, ReadFailure) and "NUL byte at byte offset 3" in failure.message


# --- language ---------------------------------------------------------------------------------------------


def test_language_argument_skips_detection_but_not_a_declared_language(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Moskou riep zijn ambassadeur terug."}) + "\n"
        + json.dumps({"id": "b", "text": "Moscow recalled its ambassador.", "language": "en"}) + "\n",
        encoding="utf-8",
    )
    a, b = list(read_inputs([str(path)], language="nl"))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.language, b.language) == ("nl", "en")


def test_english_article_detected(tmp_path: Path, shared_dir: Path) -> None:
    records = json.loads(
        (shared_dir / "data" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8")
    )
    sentence = next(r["text"] for r in records if r.get("language") == "en" and len(r.get("text", "")) > 80)
    path = tmp_path / "english.txt"
    path.write_text(f"date 2000-01 {sentence}", encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article) and article.language == "en"


def test_unlistable_subfolder_is_a_failure_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("date 2021-03 Moskou riep zijn ambassadeur terug.", encoding="utf-8")
    locked = tmp_path / "b_dicht"
    locked.mkdir()
    (locked / "x.txt").write_text("date 2021-03 Niet te lezen.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("date 2021-03 Biden noemde Poetin een moordenaar.", encoding="utf-8")
    listing = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:  # as for a folder without read permission (root ignores chmod)
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    results = list(read_inputs([str(tmp_path)], language="nl"))
    assert [r.origin for r in results] == [str(tmp_path / "a.txt"), str(locked), str(tmp_path / "c.txt")]
    assert isinstance(results[1], ReadFailure)
    assert results[1].message == "cannot list folder: Permission denied"
