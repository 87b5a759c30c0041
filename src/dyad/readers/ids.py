"""Article ids when the input gives none: stable across runs and machines, safe in file names and URLs."""

from __future__ import annotations

import hashlib
import re

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.IGNORECASE)
_SLUG_CHARS = 60


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def text_id(text: str) -> str:
    """`text-` and the first 16 hex digits of the SHA-256 of the article text.

    It depends on the text alone, so the same article read again (from another file, or another line)
    gets the same id, and ingesting it twice is recognised as one article.
    """
    return f"text-{_digest(text)[:16]}"


def safe_id(raw: str) -> str:
    """An id usable anywhere, derived from an external one (a feed entry's guid or link).

    A short id of letters, digits, `.`, `_` and `-` is kept as it is. Anything else becomes a readable slug
    (scheme dropped, other characters runs turned into `-`, at most 60 characters) followed by 8 hex digits
    of the SHA-256 of the raw id, so that two raw ids that slug alike still get different ids.
    """
    raw = raw.strip()
    if _SAFE_ID.match(raw):
        return raw
    slug = _UNSAFE_RUN.sub("-", _SCHEME.sub("", raw)).strip("-")[:_SLUG_CHARS].strip("-")
    digest = _digest(raw)[:8]
    return f"{slug}-{digest}" if slug else f"id-{digest}"
