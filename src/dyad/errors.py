"""Coded errors, kept in one place so that tests and users can refer to them (spaCy's `[E012]` style).

Every error names the input it is about and what is wrong with it.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(DyadError):
    """An input cannot be read as an article (empty, binary, not UTF-8, too large, no article text)."""

    code = "E001"


class DateError(DyadError):
    """A publication date that cannot be parsed."""

    code = "E002"


class LanguageError(DyadError):
    """The language of an article is not one dyad handles."""

    code = "E003"


class RecordError(DyadError):
    """A JSONL line or field that does not follow the input format."""

    code = "E004"


class ConfigError(DyadError):
    """A pipeline configuration or data file that is missing or malformed."""

    code = "E005"


class StoreError(DyadError):
    """The store cannot be opened, migrated or written."""

    code = "E006"


class GoldError(DyadError):
    """A gold file that cannot be read or does not follow the gold format."""

    code = "E007"
