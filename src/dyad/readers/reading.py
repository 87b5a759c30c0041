"""`read_inputs`: files, folders and stdin in, `Article`s and `ReadFailure`s out, one bad input never
stopping the others."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dyad.document import Article
from dyad.errors import DyadError, InputError
from dyad.readers.failure import ReadFailure
from dyad.readers.feeds import read_feed
from dyad.readers.formats import (
    EXTENSION_FORMATS,
    SNIFF_BYTES,
    InputFormat,
    format_for_path,
    is_json_object_line,
    looks_like_json_document,
    sniff_format,
)
from dyad.readers.html import parse_html_article
from dyad.readers.jsonl import LineReader, PrefixedStream, read_jsonl
from dyad.readers.language import detect_language, normalise_language
from dyad.readers.limits import (
    MAX_MARKUP_BYTES,
    MAX_TEXT_BYTES,
    check_bytes,
    decode_utf8,
    normalise_newlines,
    size_error,
)
from dyad.readers.text import parse_text_article

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
STDIN_ARTICLE_ID = "stdin"

ReadResult = Article | ReadFailure


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, language: str | None = None
) -> Iterator[ReadResult]:
    """Read every input in order: a file, a folder (recursively) or `"-"` for stdin.

    Yields an `Article` (with `origin` and `language` set) for each article read, and a `ReadFailure` for
    each input, JSONL line or feed entry that could not be read: nothing raised stops the batch.
    `language` (`"nl"` or `"en"`) is taken for articles whose input does not declare one, instead of
    detecting it; any other value raises `LanguageError` at once, as it concerns every input.
    """
    default_language = normalise_language(language, source="language argument") if language else None
    return _read_all(inputs, default_language)


def _read_all(inputs: Iterable[str | os.PathLike[str]], language: str | None) -> Iterator[ReadResult]:
    for result in read_undetected(inputs):
        yield resolve_language(result, language) if isinstance(result, Article) else result


def read_undetected(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[ReadResult]:
    """What `read_inputs` yields, in the same order, but with `Article.language` left unset where the input
    does not declare it: for callers that detect the language elsewhere (the Ray engine's workers), through
    `resolve_language`."""
    for item in inputs:
        name = os.fspath(item)
        yield from _read_stdin() if name == STDIN else _read_path(Path(name), name)


def resolve_language(article: Article, language: str | None) -> ReadResult:
    """Article.language set: declared, given, or detected; an unsupported language is a failure."""
    origin = article.origin or article.id
    if article.language is None:
        try:
            # The title is part of the article, and it helps most where the body is a line or two.
            sample = f"{article.title}\n{article.text}" if article.title else article.text
            article.language = language or detect_language(sample, source=origin)
        except DyadError as error:
            return ReadFailure.from_error(error, origin)
    return article


def _failure(message: str, origin: str) -> ReadFailure:
    return ReadFailure.from_error(InputError(message, source=origin), origin)


def _read_path(path: Path, origin: str) -> Iterator[ReadResult]:
    try:
        if path.is_dir():
            yield from _read_folder(path, origin)
        elif not path.exists():
            yield _failure("no such file or directory", origin)
        else:
            yield from _read_file(path, origin, format_for_path(path))
    except OSError as exc:  # permission denied, a file that vanished meanwhile, ...
        yield _failure(f"cannot read: {exc.strerror or exc}", origin)


def _walk(folder: Path, origin: str) -> Iterator[Path | ReadFailure]:
    """Files under `folder`, depth first, sorted by name at each level; hidden files and folders skipped.

    Symbolic links to folders are not followed, so a link back up the tree cannot loop. A subfolder that
    cannot be listed is a failure in its place, and the walk goes on.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield _failure(f"cannot list folder: {exc.strerror or exc}", origin)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry, os.path.join(origin, entry.name))
        elif entry.is_file():
            yield entry


def _read_folder(folder: Path, origin: str) -> Iterator[ReadResult]:
    """Every article file under a folder; files of unknown type are sniffed, and skipped unless they turn
    out to be JSONL, HTML or a feed (so that a README or a gold `.json` beside the articles is no failure)."""
    found = 0
    for path in _walk(folder, origin):
        if isinstance(path, ReadFailure):
            found += 1
            yield path
            continue
        fmt = format_for_path(path)
        if fmt is None:
            try:
                with path.open("rb") as stream:
                    fmt = sniff_format(stream.read(SNIFF_BYTES))
            except OSError:
                fmt = None
            if fmt is None:
                continue
        found += 1
        member = os.path.join(origin, os.path.relpath(path, folder))
        try:
            yield from _read_file(path, member, fmt)
        except OSError as exc:
            yield _failure(f"cannot read: {exc.strerror or exc}", member)
    if not found:
        extensions = ", ".join(EXTENSION_FORMATS)
        yield _failure(f"folder holds no article files ({extensions})", origin)


def _read_file(path: Path, origin: str, fmt: InputFormat | None) -> Iterator[ReadResult]:
    with path.open("rb") as stream:
        if fmt is None:  # a file named explicitly, of no known extension: sniff, else the seed text format
            head = stream.read(SNIFF_BYTES)
            stream.seek(0)
            if looks_like_json_document(head) and b"\x00" not in head:
                yield _failure("a JSON document, not JSON lines (one article object per line)", origin)
                return
            fmt = sniff_format(head) or InputFormat.TEXT
        if fmt is InputFormat.JSONL:
            yield from _read_jsonl_stream(stream, origin)
            return
        limit, limit_name = _limit_for(fmt)
        size = os.fstat(stream.fileno()).st_size
        if size > limit:  # decided from the size alone: a 20 MB file is never read into memory
            error = size_error(size, limit, limit_name, source=origin, what="file")
            yield ReadFailure.from_error(error, origin)
            return
        data = stream.read(limit + 1)
    yield from _read_bytes(data, fmt, origin, article_id=path.stem)


def _limit_for(fmt: InputFormat) -> tuple[int, str]:
    if fmt is InputFormat.TEXT:
        return MAX_TEXT_BYTES, "MAX_TEXT_BYTES"
    return MAX_MARKUP_BYTES, "MAX_MARKUP_BYTES"


def _read_jsonl_stream(stream: LineReader, origin: str) -> Iterator[ReadResult]:
    head = stream.readline(SNIFF_BYTES)
    try:
        check_bytes(head, source=origin)
    except DyadError as error:
        yield ReadFailure.from_error(error, origin)
        return
    yield from read_jsonl(PrefixedStream(head, stream), name=origin)


def _read_bytes(data: bytes, fmt: InputFormat, origin: str, *, article_id: str) -> Iterator[ReadResult]:
    """One whole text, HTML page or feed, already read into memory (and within its size limit)."""
    try:
        what = "input" if origin == STDIN_ORIGIN else "file"
        limit, limit_name = _limit_for(fmt)
        if len(data) > limit:
            raise size_error(len(data), limit, limit_name, source=origin, what=what)
        check_bytes(data, source=origin, what=what)
        if fmt is InputFormat.FEED:
            yield from read_feed(data, name=origin)
        elif fmt is InputFormat.HTML:
            yield parse_html_article(data, article_id=article_id, origin=origin)
        else:
            text = normalise_newlines(decode_utf8(data, source=origin, what=what))
            yield parse_text_article(text, article_id=article_id, origin=origin)
    except DyadError as error:
        yield ReadFailure.from_error(error, origin)


def _stdin_bytes() -> IO[bytes]:
    """stdin as bytes; a text stream without a byte buffer (as tests put in place) is encoded as UTF-8."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _read_stdin() -> Iterator[ReadResult]:
    """stdin: JSONL when its first non-blank line is a JSON object, else an HTML page or feed when it is
    markup, else one article in the seed text format with id `stdin`.

    Only the first line decides, so that JSONL with a broken line further on is still read as JSONL, and
    the broken line reported as such, rather than the whole of it taken for one text article.
    """
    stream = _stdin_bytes()
    head = b""
    while True:
        line = stream.readline(MAX_TEXT_BYTES + 1)
        head += line
        if not line or line.strip() or len(head) > MAX_TEXT_BYTES:
            break
    if is_json_object_line(line.strip()):
        yield from _read_jsonl_stream(PrefixedStream(head, stream), STDIN_ORIGIN)
        return
    fmt = sniff_format(head) or InputFormat.TEXT
    limit = MAX_TEXT_BYTES if fmt is InputFormat.TEXT else MAX_MARKUP_BYTES
    data = head + stream.read(max(0, limit + 1 - len(head)))
    yield from _read_bytes(data, fmt, STDIN_ORIGIN, article_id=STDIN_ARTICLE_ID)
