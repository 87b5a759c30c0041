"""Hostile inputs the readers must contain to the smallest unit (issue 16): a line nesting 100,000 arrays,
lone surrogate escapes, a binary file named `.jsonl`, symbolic links out of an input folder, file names
that are not UTF-8. Each bad unit is one failure with its name and a reason; everything else is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dyad.document import Article
from dyad.readers import ReadFailure, read_inputs

TEXT = "De minister van Buitenlandse Zaken bezocht Moskou om te praten over de sancties."


def good(article_id: str) -> str:
    return json.dumps({"id": article_id, "text": TEXT, "language": "nl"})


def split(results: list[object]) -> tuple[list[Article], list[ReadFailure]]:
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert len(articles) + len(failures) == len(results)
    return articles, failures


def test_a_deeply_nested_line_costs_that_line_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(f"{good('g1')}\n{'[' * 100_000}{']' * 100_000}\n{good('g2')}\n")
    (folder / "b.jsonl").write_text(good("g3") + "\n")
    articles, failures = split(list(read_inputs([folder])))
    assert [a.id for a in articles] == ["g1", "g2", "g3"]
    assert [(f.origin, f.code) for f in failures] == [(f"{folder}/a.jsonl:2", "E004")]
    assert "nested too deeply" in failures[0].message


@pytest.mark.parametrize("field", ["text", "title", "id", "url", "source", "published", "language"])
def test_a_lone_surrogate_fails_its_line(tmp_path: Path, field: str) -> None:
    record = {"id": "s1", "text": TEXT, "language": "nl", field: "ab\ud800cd"}
    path = tmp_path / "s.jsonl"
    # json.dumps writes the surrogate as the escape \ud800, as a hostile file would.
    path.write_text(json.dumps(record) + "\n" + good("g1") + "\n", encoding="utf-8")
    articles, failures = split(list(read_inputs([path])))
    assert [a.id for a in articles] == ["g1"]
    assert [(f.origin, f.code) for f in failures] == [(f"{path}:1", "E004")]
    assert field in failures[0].message and "surrogate" in failures[0].message


def test_a_binary_file_named_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(bytes(range(256)) * 280)  # 70 KB, newlines and NULs throughout
    _, failures = split(list(read_inputs([path])))
    assert len(failures) == 1
    assert failures[0].origin == str(path) and failures[0].code == "E001"
    assert "binary" in failures[0].message


def test_random_bytes_without_nul_named_jsonl_are_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(bytes(b for b in range(128, 256)) * 100 + b"\n" + bytes(range(200, 256)) * 100)
    _, failures = split(list(read_inputs([path])))
    assert len(failures) == 1 and "binary" in failures[0].message


def test_a_bad_line_among_good_ones_is_still_a_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(f"{good('g1')}\n".encode() + b"\xff\xfe broken\n" + f"{good('g2')}\n".encode())
    articles, failures = split(list(read_inputs([path])))
    assert [a.id for a in articles] == ["g1", "g2"]
    assert [f.origin for f in failures] == [f"{path}:2"]


def test_symlinks_in_a_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash en nog wat tekst hier erbij\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    articles, failures = split(list(read_inputs([folder], language="nl")))
    assert [a.id for a in articles] == ["a"]
    assert sorted(f.origin for f in failures) == [f"{folder}/elsewhere", f"{folder}/passwd.txt"]
    assert all("symbolic link" in f.message for f in failures)

    followed, _ = split(list(read_inputs([folder], language="nl", follow_symlinks=True)))
    assert sorted(a.id for a in followed) == ["a", "passwd", "secret"]


def test_following_symlinks_cannot_loop(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    articles, failures = split(list(read_inputs([folder], language="nl", follow_symlinks=True)))
    assert [a.id for a in articles] == ["a"] and not failures


def test_a_file_name_that_is_not_utf8_is_reported_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff.txt")
    (folder / name).write_text(TEXT)
    (folder / os.fsdecode(b"empty\xfe.txt")).write_text("")
    articles, failures = split(list(read_inputs([folder], language="nl")))
    assert [a.id for a in articles] == ["bad\\udcff"]
    assert [f.origin for f in failures] == [f"{folder}/empty\\udcfe.txt"]
    for item in (*articles, *failures):
        str(item.origin).encode("utf-8")  # printable and storable
