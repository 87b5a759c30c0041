"""StoreAccess: the pool of readers, the single writer and the cache of derived values."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.serve.access import StoreAccess


def test_cache_is_single_flight_and_dropped_by_a_write(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(store_path.read_bytes())
    access = StoreAccess(copy, writable=True, pool_size=4)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return len(calls)

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(access.cached("k", slow))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [1] * 8 and len(calls) == 1
    with access.writer() as store:
        assert not store.read_only
    assert access.cached("k", slow) == 2  # recomputed after the write
    access.close()


def test_readers_are_pooled_and_read_only_without_writing(store_path: Path) -> None:
    access = StoreAccess(store_path, writable=False, pool_size=2)
    with access.reader() as first, access.reader() as second:
        assert first is not second
        assert first.read_only and second.read_only
        assert first.article_ids() == second.article_ids()
    with access.reader() as again:
        assert again in (first, second)  # returned to the pool and reused
    with pytest.raises(StoreError, match="read-only"), access.writer():
        pass
    access.close()


def test_a_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        StoreAccess(tmp_path / "absent.duckdb", writable=False)
