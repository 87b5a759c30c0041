"""What a reader yields in place of an article it could not read."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.errors import DyadError


@dataclass(frozen=True)
class ReadFailure:
    """An input (or one line or entry of it) that could not be read, and why.

    `origin` names it as an `Article.origin` would: `"path"`, `"path:line"` (JSONL), `"path#entry-N"`
    (feeds) or `"<stdin>"`. `code` is the code of `error`, a `DyadError` from `dyad.errors`.
    """

    origin: str
    message: str
    code: str
    error: DyadError

    @classmethod
    def from_error(cls, error: DyadError, origin: str) -> ReadFailure:
        if error.source is None:
            # Re-run the base initialiser so that the exception's own message names the input too.
            DyadError.__init__(error, error.message, source=origin)
        return cls(origin=origin, message=error.message, code=error.code, error=error)

    def __str__(self) -> str:
        return f"[{self.code}] {self.origin}: {self.message}"
