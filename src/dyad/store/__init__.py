"""Where extracted records are kept: a `Store` interface, an embedded DuckDB backend, and `open_store`.

    from dyad.store import open_store
    with open_store("dyad.duckdb") as store:
        for event in store.events():
            ...

Locations `open_store` understands:

- a file path, or `duckdb:///relative/path.duckdb` / `duckdb:////absolute/path.duckdb` (SQLAlchemy's
  convention: the path is what follows `duckdb:///`), or `:memory:`;
- None: `$DYAD_DB` when set, else `$XDG_DATA_HOME/dyad/dyad.duckdb` (`~/.local/share/dyad/dyad.duckdb`
  when `XDG_DATA_HOME` is not set); folders are created;
- `postgresql://...` or `postgres://...` (also `postgresql+psycopg://`): a PostgreSQL database, any libpq
  URL (see `dyad.store.postgres`); read-only opens refuse writes in the session.
"""

from __future__ import annotations

import os
from pathlib import Path

from dyad.errors import StoreError
from dyad.store.base import ArticleWrite, ErrorRow, RecordPage, Store, StoredArticle, WriteOutcome
from dyad.store.duckdb_store import MIGRATIONS, DuckDBStore
from dyad.store.filters import RecordFilter, RecordKey

__all__ = [
    "MIGRATIONS",
    "ArticleWrite",
    "DuckDBStore",
    "ErrorRow",
    "RecordFilter",
    "RecordKey",
    "RecordPage",
    "Store",
    "StoredArticle",
    "WriteOutcome",
    "default_location",
    "open_store",
]

_DUCKDB_SCHEME = "duckdb://"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def default_location() -> str:
    """`$DYAD_DB`, else `$XDG_DATA_HOME/dyad/dyad.duckdb`, else `~/.local/share/dyad/dyad.duckdb`."""
    configured = os.environ.get("DYAD_DB", "").strip()
    if configured:
        return configured
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    # The XDG spec says a relative XDG_DATA_HOME is invalid and is to be ignored.
    base = Path(data_home) if data_home and os.path.isabs(data_home) else Path.home() / ".local" / "share"
    return str(base / "dyad" / "dyad.duckdb")


def open_store(url_or_path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating when writable) the store at a path or URL; see the module docstring."""
    location = os.fspath(url_or_path) if url_or_path is not None else default_location()
    lowered = location.lower()
    if lowered.startswith(_POSTGRES_SCHEMES):
        from dyad.store.postgres import PostgresStore  # psycopg is imported only when PostgreSQL is used

        return PostgresStore(location, read_only=read_only)
    if lowered.startswith(_DUCKDB_SCHEME):
        rest = location[len(_DUCKDB_SCHEME):]
        if not rest.startswith("/") or rest == "/":
            raise StoreError("a DuckDB URL is duckdb:///relative/path or duckdb:////absolute/path",
                             source=location)
        location = rest[1:]
    elif "://" in location:
        raise StoreError(f"unknown store URL scheme {location.split('://', 1)[0]!r} (use a file path, "
                         "duckdb:///path or postgresql://...)", source=_redact(location))
    if not location:
        raise StoreError("empty store location")
    return DuckDBStore(location, read_only=read_only)


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
