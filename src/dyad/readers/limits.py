"""Size limits and the byte-level checks every reader makes before it parses anything.

The checks run in a fixed order so that one input always gets the same, most useful message:
too large, empty, UTF-16, binary (NUL byte), then invalid UTF-8 with the byte offset of the first bad byte.
"""

from __future__ import annotations

from dyad.errors import InputError

MAX_TEXT_BYTES = 5_000_000
"""Largest plain-text article (a text file, stdin text, one JSONL line). A news article is rarely over 100 kB;
anything near this limit is a dump or a mistake, and reading it would hold up the whole batch."""

MAX_MARKUP_BYTES = 10_000_000
"""Largest HTML page or RSS/Atom feed file: markup carries scripts, styles and many entries besides text."""

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def describe_size(size: int) -> str:
    """`20.0 MB`: sizes in decimal megabytes, the unit the limits are stated in."""
    return f"{size / 1_000_000:.1f} MB"


def size_error(
    size: int, limit: int, limit_name: str, *, source: str | None, what: str = "input"
) -> InputError:
    return InputError(
        f"{what} is {describe_size(size)}, over the {limit // 1_000_000} MB limit "
        f"(dyad.readers.{limit_name})",
        source=source,
    )


def check_bytes(data: bytes, *, source: str | None, what: str = "file") -> None:
    """Raise `InputError` for an empty, UTF-16 or binary input."""
    if not data:
        raise InputError(f"empty {what}", source=source)
    if data.startswith(_UTF16_BOMS):
        raise InputError(f"{what} is UTF-16 encoded; dyad reads UTF-8", source=source)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"binary {what} (NUL byte at byte offset {nul})", source=source)


def decode_utf8(data: bytes, *, source: str | None, base_offset: int = 0, what: str = "file") -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped); name the first bad byte and its offset otherwise.

    `base_offset` is where `data` starts in the whole input, so that a JSONL line reports its offset in the
    file rather than in the line.
    """
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        base_offset += len(_UTF8_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        raise InputError(
            f"{what} is not valid UTF-8: byte 0x{bad.hex()} at byte offset {base_offset + exc.start} "
            f"({exc.reason})",
            source=source,
        ) from exc


def first_surrogate(text: str) -> int:
    """The index of the first lone surrogate (U+D800 to U+DFFF) in `text`, or -1.

    JSON may escape one (`"\\ud800"`) and a file name may hold one (an undecodable byte), but it is no
    character: it cannot be encoded as UTF-8, stored or hashed.
    """
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return index
    return -1


def has_surrogate(text: str) -> bool:
    """Whether `text` holds a lone surrogate (a quick test; `first_surrogate` tells where)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def printable(text: str) -> str:
    """`text` with lone surrogates written as escapes (`\\udcff`), safe to encode, store and print.

    Used for the names of inputs: a file name with a byte that is not UTF-8 is still reported by name.
    """
    return text if not has_surrogate(text) else text.encode("utf-8", "backslashreplace").decode("utf-8")


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become `\\n`, as Python's text mode would make them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
