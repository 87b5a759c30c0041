"""How the web app reaches the store: a pool of reading stores, one serialised writer, and a small cache.

- A location (path or URL) is opened once per pooled reader (`open_store`), so that concurrent requests
  each use their own connection. Without writing enabled the stores are opened read-only. With writing
  enabled they are opened writable (DuckDB requires one configuration per file within a process), and
  every write goes through `writer()`, which holds a lock: one writer at a time (datasette's write-thread
  idea), while readers keep reading their snapshots.
- A `Store` object handed over directly (tests, an in-memory store) is shared by every request behind one
  lock, since a store connection is not made for concurrent use.
- `cached(key, compute)` keeps derived values (totals, pages, the actor table, networks) until the next
  write through this app, and at most `cache_ttl` seconds when another process may write to the same
  database (a shared server database, a `Store` handed over). A DuckDB file is locked against other
  writers while the app has it open, so for DuckDB only this app's writes end a cached value.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from dyad.errors import StoreError
from dyad.store import DuckDBStore, Store, open_store

T = TypeVar("T")

DEFAULT_POOL_SIZE = 8
DEFAULT_CACHE_TTL = 60.0
DEFAULT_CACHE_ENTRIES = 256
#: DuckDB threads per query in a server process.
READER_THREADS = 1
#: How long a request waits for a free store before it is answered 503.
POOL_TIMEOUT = 30.0


class StoreBusy(StoreError):
    """Every pooled store stayed in use for `POOL_TIMEOUT` seconds."""


class StoreAccess:
    """Readers and the single writer of one store, for the web app."""

    def __init__(self, store: str | os.PathLike[str] | Store, *, writable: bool,
                 pool_size: int = DEFAULT_POOL_SIZE, cache_ttl: float = DEFAULT_CACHE_TTL) -> None:
        self.writable = writable
        self._cache_ttl = cache_ttl
        self._cache: OrderedDict[Hashable, tuple[float, int, Any]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self._version = 0
        self._write_lock = threading.Lock()
        self._shared: Store | None = None
        self._shared_lock = threading.RLock()
        self._location: str | None = None
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened: list[Store] = []
        self._open_lock = threading.Lock()
        self._pool_size = max(1, pool_size)
        if isinstance(store, Store):
            self._shared = store
            self.location = store.location
        else:
            self._location = os.fspath(store)
            first = open_store(self._location, read_only=not writable)  # fail early: missing file, lock
            self.location = first.location
            if isinstance(first, DuckDBStore):
                # DuckDB locks the file: while this process has it open no other process writes to it,
                # so cached values only go stale through this app's own writes.
                self._cache_ttl = math.inf
                # Concurrent requests are the parallelism: one thread per query (the setting is the
                # database's, so it holds for every pooled connection of this process).
                first.set_threads(READER_THREADS)
            self._opened.append(first)
            self._pool.put(first)

    @property
    def version(self) -> int:
        """The store version: moves on at the end of every write through `writer()`."""
        return self._version

    @property
    def cache_ttl(self) -> float:
        """Seconds a cached value may be served at most (infinite for a DuckDB file, which no other process
        writes while this app holds it)."""
        return self._cache_ttl

    # -- reading and writing --------------------------------------------------------------------------

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store to read from, for the duration of the block."""
        if self._shared is not None:
            with self._shared_lock:
                yield self._shared
            return
        store = self._checkout()
        try:
            yield store
        finally:
            self._pool.put(store)

    @contextmanager
    def free_reader(self) -> Iterator[Store | None]:
        """A pooled store that is free at once, or None (every pooled store in use, or a store handed over):
        for a short read on the event loop that must not wait for one."""
        if self._shared is not None:
            yield None
            return
        try:
            store = self._pool.get_nowait()
        except queue.Empty:
            yield None
            return
        try:
            yield store
        finally:
            self._pool.put(store)

    def _checkout(self) -> Store:
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            pass
        with self._open_lock:
            if len(self._opened) < self._pool_size:
                assert self._location is not None
                store = open_store(self._location, read_only=not self.writable)
                self._opened.append(store)
                return store
        try:
            return self._pool.get(timeout=POOL_TIMEOUT)
        except queue.Empty:
            raise StoreBusy("the server is busy: every store connection stayed in use; try again",
                            source=self.location) from None

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store to write to, one writer at a time; cached values are dropped when the block ends."""
        if not self.writable:
            raise StoreError("the store is open read-only", source=self.location)
        with self._write_lock:
            try:
                with self.reader() as store:
                    yield store
            finally:
                with self._cache_lock:
                    self._version += 1
                    self._cache.clear()
                    self._key_locks.clear()

    # -- cache ----------------------------------------------------------------------------------------

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, remembered under `key` until a write through this app or `ttl` seconds pass.

        Single flight: while one request computes a key, others asking for it wait for that result instead
        of computing it again (a burst of identical requests costs one computation).
        """
        hit = self._fresh(key)
        if hit is not None:
            return hit[0]
        with self._cache_lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            hit = self._fresh(key)
            if hit is not None:
                return hit[0]
            with self._cache_lock:
                version = self._version
            started = time.monotonic()
            value = compute()
            with self._cache_lock:
                if version == self._version:
                    self._cache[key] = (started, version, value)
                    self._cache.move_to_end(key)
                    while len(self._cache) > DEFAULT_CACHE_ENTRIES:
                        evicted, _ = self._cache.popitem(last=False)
                        self._key_locks.pop(evicted, None)
        return value

    def _fresh(self, key: Hashable) -> tuple[Any] | None:
        """(value,) when `key` is cached and fresh, else None."""
        now = time.monotonic()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None and hit[1] == self._version and now - hit[0] < self._cache_ttl:
                self._cache.move_to_end(key)
                return (hit[2],)
        return None

    # -- lifetime -------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the stores this object opened (not a store handed over)."""
        with self._open_lock:
            for store in self._opened:
                with contextlib.suppress(Exception):  # closing is best effort at shutdown
                    store.close()
            self._opened.clear()
