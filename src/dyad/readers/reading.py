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
    printable,
    size_error,
)
from dyad.readers.text import parse_text_article

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
STDIN_ARTICLE_ID = "stdin"

ReadResult = Article | ReadFailure


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, language: str | None = None, follow_symlinks: bool = False
) -> Iterator[ReadResult]:
    """Read every input in order: a file, a folder (recursively) or `"-"` for stdin.

    Yields an `Article` (with `origin` and `language` set) for each article read, and a `ReadFailure` for
    each input, JSONL line or feed entry that could not be read: nothing raised stops the batch.
    `language` (`"nl"` or `"en"`) is taken for articles whose input does not declare one, instead of
    detecting it; any other value raises `LanguageError` at once, as it concerns every input.

    A folder walk stays inside the folder: a symbolic link in it (to a file or a folder) is reported as a
    failure and not read, unless `follow_symlinks` is true. An input named explicitly is read even when it
    is a link.
    """
    default_language = normalise_language(language, source="language argument") if language else None
    return _read_all(inputs, default_language, follow_symlinks)


def _read_all(inputs: Iterable[str | os.PathLike[str]], language: str | None,
              follow_symlinks: bool) -> Iterator[ReadResult]:
    for result in read_undetected(inputs, follow_symlinks=follow_symlinks):
        yield resolve_language(result, language) if isinstance(result, Article) else result


def read_undetected(inputs: Iterable[str | os.PathLike[str]], *,
                    follow_symlinks: bool = False) -> Iterator[ReadResult]:
    """What `read_inputs` yields, in the same order, but with `Article.language` left unset where the input
    does not declare it: for callers that detect the language elsewhere (the Ray engine's workers), through
    `resolve_language`."""
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            yield from _contained(_read_stdin(), STDIN_ORIGIN)
        else:
            yield from _contained(_read_path(Path(name), printable(name), follow_symlinks), printable(name))


def _contained(results: Iterator[ReadResult], origin: str) -> Iterator[ReadResult]:
    """`results`, with an unexpected exception of a reader (a bug) reported as one failure for `origin`
    instead of raised: what was read before it is kept, and the inputs after it are still read."""
    try:
        yield from results
    except Exception as exc:
        error = DyadError(f"unexpected error: {type(exc).__name__}: {exc}", source=origin)
        yield ReadFailure.from_error(error, origin)


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


def _read_path(path: Path, origin: str, follow_symlinks: bool = False) -> Iterator[ReadResult]:
    try:
        if path.is_dir():
            yield from _read_folder(path, origin, follow_symlinks)
        elif not path.exists():
            yield _failure("no such file or directory", origin)
        else:
            yield from _read_file(path, origin, format_for_path(path))
    except OSError as exc:  # permission denied, a file that vanished meanwhile, ...
        yield _failure(f"cannot read: {exc.strerror or exc}", origin)


def _walk(folder: Path, origin: str, follow_symlinks: bool = False,
          seen: frozenset[str] = frozenset()) -> Iterator[tuple[Path, str] | ReadFailure]:
    """(file, its origin) under `folder`, depth first, sorted by name at each level; hidden files and
    folders skipped.

    The walk stays inside the folder: a symbolic link is a failure in its place (a link to `/etc/passwd`
    is not read), unless `follow_symlinks` is true; then a link to a folder already on the way down is
    still skipped, so a link back up the tree cannot loop. A subfolder that cannot be listed is a failure
    in its place, and the walk goes on.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield _failure(f"cannot list folder: {exc.strerror or exc}", origin)
        return
    seen = seen | {os.path.realpath(folder)}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        member = os.path.join(origin, printable(entry.name))
        if entry.is_symlink() and not follow_symlinks:
            yield _failure("symbolic link, not followed: a folder walk stays inside the folder "
                           "(follow_symlinks=True, or dyad ingest --follow-symlinks, reads it)", member)
        elif entry.is_dir():
            if os.path.realpath(entry) not in seen:
                yield from _walk(entry, member, follow_symlinks, seen)
        elif entry.is_file():
            yield entry, member


def _read_folder(folder: Path, origin: str, follow_symlinks: bool = False) -> Iterator[ReadResult]:
    """Every article file under a folder; files of unknown type are sniffed, and skipped unless they turn
    out to be JSONL, HTML or a feed (so that a README or a gold `.json` beside the articles is no failure).

    Each file is read on its own: whatever goes wrong in one (an unexpected error included) is a failure
    for that file, and the walk goes on."""
    found = 0
    for walked in _walk(folder, origin, follow_symlinks):
        if isinstance(walked, ReadFailure):
            found += 1
            yield walked
            continue
        path, member = walked
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
        try:
            yield from _read_file(path, member, fmt)
        except OSError as exc:
            yield _failure(f"cannot read: {exc.strerror or exc}", member)
        except Exception as exc:  # a reader bug on one file must cost that file only
            error = DyadError(f"unexpected error: {type(exc).__name__}: {exc}", source=member)
            yield ReadFailure.from_error(error, member)
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
    yield from _read_bytes(data, fmt, origin, article_id=printable(path.stem))


def _limit_for(fmt: InputFormat) -> tuple[int, str]:
    if fmt is InputFormat.TEXT:
        return MAX_TEXT_BYTES, "MAX_TEXT_BYTES"
    return MAX_MARKUP_BYTES, "MAX_MARKUP_BYTES"


def _read_jsonl_stream(stream: LineReader, origin: str) -> Iterator[ReadResult]:
    head = stream.readline(SNIFF_BYTES)
    while len(head) < SNIFF_BYTES:  # up to SNIFF_BYTES of whole lines, to tell a binary file
        more = stream.readline(SNIFF_BYTES - len(head))
        if not more:
            break
        head += more
    try:
        check_bytes(head[:2], source=origin)  # empty, UTF-16
        if _looks_binary(head):
            check_bytes(head, source=origin)  # names the first NUL byte
            raise InputError("binary file, not JSON lines (NUL bytes or bytes that are not UTF-8 text, "
                             "and no JSON object line, in its first "
                             f"{min(len(head), SNIFF_BYTES)} bytes)", source=origin)
    except DyadError as error:
        yield ReadFailure.from_error(error, origin)
        return
    yield from read_jsonl(PrefixedStream(head, stream), name=origin)


def _looks_binary(head: bytes) -> bool:
    """A file's first bytes show binary data rather than JSON lines with a bad line or two among them: at
    least 16 bytes, and 5% of them, are NUL or not UTF-8, and not one line is a JSON object. (A bad byte
    in a line of text is reported for its line; a JSON line is hundreds of bytes.)"""
    cut = head if len(head) < SNIFF_BYTES else head[: head.rfind(b"\n") + 1] or head
    bad = cut.count(b"\x00") + len(cut) - len(cut.decode("utf-8", "ignore").encode("utf-8"))
    if bad < 16 or bad * 20 < len(cut):
        return False
    return not any(is_json_object_line(line.strip()) for line in cut.splitlines())


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


def count_articles(inputs: Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False) -> int | None:
    """How many articles (or failures in their place) reading the inputs will give, counted without
    parsing: a JSON-lines file counts its non-blank lines, any other article file one. None when that is
    not known cheaply (standard input, a feed) or a path cannot be looked at; a progress bar then shows
    no total. Files of unknown type in a folder are sniffed as the reader sniffs them."""
    total = 0
    for source in inputs:
        name = os.fspath(source)
        if name == "-":
            return None
        path = Path(name)
        try:
            if path.is_dir():
                files: list[tuple[Path, bool]] = []
                for walked in _walk(path, name, follow_symlinks):
                    if isinstance(walked, ReadFailure):
                        total += 1
                    else:
                        files.append((walked[0], False))
            else:
                files = [(path, True)]
            for file, named in files:
                counted = _count_file(file, named)
                if counted is None:
                    return None
                total += counted
        except OSError:
            return None
    return total


def _count_file(path: Path, named: bool) -> int | None:
    if not path.exists():
        return 1  # its failure
    fmt = format_for_path(path)
    with path.open("rb") as stream:
        if fmt is None:
            fmt = sniff_format(stream.read(SNIFF_BYTES))
            stream.seek(0)
            if fmt is None:
                return 1 if named else 0  # a named file is read as text; a folder skips it
        if fmt is InputFormat.FEED:
            return None
        if fmt is not InputFormat.JSONL:
            return 1
        lines = 0
        last = b"\n"
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            lines += sum(1 for line in chunk.split(b"\n")[:-1] if line.strip()) if b"\n" in chunk else 0
            last = chunk
        if last and not last.endswith(b"\n") and last.rsplit(b"\n", 1)[-1].strip():
            lines += 1
        return lines
