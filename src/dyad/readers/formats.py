"""Which reader an input goes to: by file extension, else by sniffing its first bytes."""

from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path


class InputFormat(str, Enum):
    TEXT = "text"  # the seed's text format
    JSONL = "jsonl"
    HTML = "html"
    FEED = "feed"  # RSS or Atom


EXTENSION_FORMATS: dict[str, InputFormat] = {
    ".txt": InputFormat.TEXT,
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".xml": InputFormat.FEED,
    ".rss": InputFormat.FEED,
    ".atom": InputFormat.FEED,
}

SNIFF_BYTES = 8192
"""How much of a file sniffing looks at."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")


def format_for_path(path: Path) -> InputFormat | None:
    return EXTENSION_FORMATS.get(path.suffix.lower())


def _first_line(head: bytes) -> bytes:
    for line in head.splitlines():
        if line.strip():
            return line.strip()
    return b""


def is_json_object_line(line: bytes) -> bool:
    """Whether a line is one complete JSON object (what a JSONL record looks like)."""
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (UnicodeDecodeError, ValueError):
        return False


def sniff_format(head: bytes) -> InputFormat | None:
    """The format the first bytes of an input show, or None when they show none in particular.

    Markup is a feed when its root is `rss`, `feed` or `rdf:RDF`, HTML when it has an HTML doctype or
    `html`/`head`/`body` element; an input whose first non-blank line is a JSON object is JSONL. Plain text
    shows no format: whether to read it as the seed text format is the caller's choice.
    """
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"<"):
        lowered = start[:SNIFF_BYTES].lower()
        if _FEED_ROOT.search(lowered):
            return InputFormat.FEED
        if _HTML_ROOT.search(lowered):
            return InputFormat.HTML
        return None
    if is_json_object_line(_first_line(start)):
        return InputFormat.JSONL
    return None


def looks_like_json_document(head: bytes) -> bool:
    """A (pretty-printed) JSON document rather than JSON lines: starts with `{` or `[` over several lines."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return start[:1] in (b"{", b"[") and not is_json_object_line(_first_line(start))
