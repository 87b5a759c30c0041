"""JSON lines, one article a line: `{"id", "text", "published", "language", "title"?, "url"?, "source"?}`.

Each line is read on its own; a bad line becomes a `ReadFailure` for `path:line` and the lines around it
are still read. Blank lines are skipped. Fields:

- `text` (required): a non-empty string.
- `id`: a non-empty string (a number is accepted and written as a string). When it is missing the id is
  derived from the text (`dyad.readers.ids.text_id`), so that it is the same on every run.
- `published`: ISO 8601 at any precision (`2021`, `2021-03`, `2021-03-23`, `2021-03-23T10:15:00+01:00`),
  or null. `published_at` is accepted as another name for it (the DpgMedia2019 corpus uses it).
- `language`: `nl` or `en` (also `NL`, `nl-BE`); any other is an error for that line. Absent: detected.
- `title`, `url`, `source`: strings or null. Other keys are ignored.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, Protocol

from dyad.document import Article, PartialDate
from dyad.errors import DyadError, InputError, RecordError
from dyad.readers.failure import ReadFailure
from dyad.readers.ids import text_id
from dyad.readers.language import normalise_language
from dyad.readers.limits import MAX_TEXT_BYTES, decode_utf8, first_surrogate, size_error

_OPTIONAL_STRINGS = ("title", "url", "source")
_CHUNK = 1 << 16


class LineReader(Protocol):
    """What the JSONL reader needs of a stream: a binary file, stdin's buffer or a `PrefixedStream`."""

    def readline(self, size: int = -1, /) -> bytes: ...


class PrefixedStream:
    """A byte stream with some lines already read from it (to sniff its format) put back in front."""

    def __init__(self, head: bytes, stream: LineReader) -> None:
        self._head = io.BytesIO(head)
        self._stream = stream

    def readline(self, size: int = -1, /) -> bytes:
        line = self._head.readline(size)
        if not line:
            return self._stream.readline(size)
        if line.endswith(b"\n") or 0 <= size <= len(line):
            return line
        # The head ended inside a line: the rest of that line is still in the stream.
        return line + self._stream.readline(-1 if size < 0 else size - len(line))


def _read_lines(stream: LineReader) -> Iterator[tuple[int, int, bytes | None, int]]:
    """(line number, byte offset, line or None when too long, line length) for each physical line.

    A line is read at most `MAX_TEXT_BYTES` at a time, so an oversized line costs no more memory than that:
    the rest of it is skipped, and it is reported by its length.
    """
    number = 0
    offset = 0
    while True:
        line = stream.readline(MAX_TEXT_BYTES + 1)
        if not line:
            return
        number += 1
        length = len(line)
        if length > MAX_TEXT_BYTES and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(_CHUNK)
                length += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, offset, None, length
        else:
            yield number, offset, line, length
        offset += length


def _check_unicode(value: str, key: str, origin: str) -> str:
    """`value`, or `RecordError` when it holds a lone surrogate escape (`"\\ud800"`): JSON allows one,
    but it is no character, and cannot be stored, hashed or encoded as UTF-8."""
    index = first_surrogate(value)
    if index >= 0:
        raise RecordError(f"field {key!r} holds a lone surrogate (\\u{ord(value[index]):04x} at character "
                          f"{index}), which is not a Unicode character", source=origin)
    return value


def _string_field(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"field {key!r} must be a string, not {type(value).__name__}", source=origin)
    return _check_unicode(value, key, origin).strip() or None


def article_from_record(record: Any, *, origin: str) -> Article:
    """One JSONL record as an `Article`; `RecordError`, `DateError` or `LanguageError` naming `origin`."""
    if not isinstance(record, dict):
        raise RecordError(f"line is not a JSON object but a {type(record).__name__}", source=origin)
    text = record.get("text")
    if text is None:
        raise RecordError("missing field 'text'", source=origin)
    if not isinstance(text, str):
        raise RecordError(f"field 'text' must be a string, not {type(text).__name__}", source=origin)
    if not text.strip():
        raise RecordError("empty field 'text'", source=origin)
    _check_unicode(text, "text", origin)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise size_error(len(text.encode("utf-8")), MAX_TEXT_BYTES, "MAX_TEXT_BYTES", source=origin,
                         what="field 'text'")

    raw_id = record.get("id")
    if raw_id is None:
        article_id = text_id(text)
    elif isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise RecordError(f"field 'id' must be a string, not {type(raw_id).__name__}", source=origin)
    else:
        article_id = _check_unicode(str(raw_id), "id", origin).strip()
        if not article_id:
            raise RecordError("empty field 'id'", source=origin)

    published: PartialDate | None = None
    date_key = "published" if record.get("published") is not None else "published_at"
    date_value = record.get(date_key)
    if date_value is not None:
        if not isinstance(date_value, str):
            kind = type(date_value).__name__
            raise RecordError(f"field {date_key!r} must be an ISO 8601 string, not {kind}", source=origin)
        published = PartialDate.parse(_check_unicode(date_value, date_key, origin), source=origin)

    language: str | None = None
    declared = record.get("language")
    if declared is not None:
        if not isinstance(declared, str):
            kind = type(declared).__name__
            raise RecordError(f"field 'language' must be a string, not {kind}", source=origin)
        if declared.strip():
            language = normalise_language(_check_unicode(declared, "language", origin), source=origin)

    title, url, source = (_string_field(record, key, origin) for key in _OPTIONAL_STRINGS)
    return Article(id=article_id, text=text, published=published, language=language, title=title, url=url,
                   source=source, origin=origin)


def parse_json(text: str, origin: str) -> Any:
    """`json.loads`, with `RecordError` for invalid JSON and for JSON nested too deeply to parse (a line of
    100,000 `[`: Python's parser gives up with RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
                          if exc.lineno > 1 else f"invalid JSON: {exc.msg} at column {exc.colno}",
                          source=origin) from exc
    except RecursionError as exc:
        raise RecordError("JSON nested too deeply to read", source=origin) from exc


def read_jsonl(stream: LineReader, *, name: str) -> Iterator[Article | ReadFailure]:
    """Every line of a JSONL stream: an `Article`, or a `ReadFailure` for `name:line` (1-based).

    A stream of blank lines only is one failure for `name`.
    """
    records = 0
    for number, offset, line, length in _read_lines(stream):
        origin = f"{name}:{number}"
        try:
            if line is None:
                raise size_error(length, MAX_TEXT_BYTES, "MAX_TEXT_BYTES", source=origin, what="line")
            if not line.strip():
                continue
            records += 1
            if b"\x00" in line:
                raise InputError(f"binary data in line (NUL byte at byte offset {offset + line.index(0)})",
                                 source=origin)
            decoded = decode_utf8(line, source=origin, base_offset=offset, what="line")
            record = parse_json(decoded, origin)
            yield article_from_record(record, origin=origin)
        except DyadError as error:
            yield ReadFailure.from_error(error, origin)
        except Exception as exc:  # a reader bug on one line must cost that line only
            yield ReadFailure.from_error(DyadError(f"unexpected error: {type(exc).__name__}: {exc}"), origin)
    if not records:
        yield ReadFailure.from_error(InputError("no JSON lines, only blank lines", source=name), name)
