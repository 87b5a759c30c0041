"""A PostgreSQL server for the store tests, and a fresh schema per test.

The server is `$DYAD_TEST_POSTGRES_URL` (CI runs scripts/setup/postgres.sh and sets it); when the variable
is unset, the tests try the URL that script prints. Tests skip only when the variable is unset and nothing
listens at the default address; a set variable that does not work, or a server that refuses the login,
fails the tests instead, so CI cannot pass by skipping them.

Every test gets a schema of its own (`dyad_test_<random>`), dropped afterwards; the store reaches it
through the URL's libpq `options=-csearch_path=...`, so subprocesses that call `open_store(url)` land in
the same schema.
"""

from __future__ import annotations

import functools
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

ENV = "DYAD_TEST_POSTGRES_URL"
DEFAULT_URL = "postgresql://dyad:dyad@127.0.0.1:5432/dyad_test"


def _answers(url: str) -> bool:
    """Whether anything accepts a TCP connection (or a unix socket exists) where the URL points."""
    params = conninfo_to_dict(url)
    host = str(params.get("host") or "/var/run/postgresql")
    port = int(params.get("port") or 5432)
    if host.startswith("/"):
        return os.path.exists(os.path.join(host, f".s.PGSQL.{port}"))
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@functools.cache
def server_url() -> str | None:
    """The URL of the test server, or None when none is configured and none answers at the default."""
    configured = os.environ.get(ENV, "").strip()
    if configured:
        return configured
    return DEFAULT_URL if _answers(DEFAULT_URL) else None


def require_server() -> str:
    url = server_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server: {ENV} is unset and nothing answers at {DEFAULT_URL} "
                    "(run scripts/setup/postgres.sh as root, then set the variable to the URL it prints)")
    return url


def with_search_path(url: str, schema: str) -> str:
    """The URL with libpq `options` setting the search_path to `schema` (kept beside other options)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    options = [v for k, v in query if k == "options"]
    rest = [(k, v) for k, v in query if k != "options"]
    rest.append(("options", " ".join([*options, f"-csearch_path={schema}"])))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(rest), parts.fragment))


def admin(url: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(url, autocommit=True, connect_timeout=10)


@contextmanager
def fresh_schema(prefix: str = "dyad_test") -> Iterator[tuple[str, str]]:
    """(schema name, URL into it): an empty schema, dropped with everything in it afterwards."""
    base = require_server()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin(base) as con:
        con.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield schema, with_search_path(base, schema)
    finally:
        with admin(base) as con:
            con.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
