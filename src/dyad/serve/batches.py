"""The write queue of the web app: POSTed articles are handed, one batch at a time, to one queue thread
that has them extracted (by the app: in a worker process, `dyad.distributed.ProcessEngine`) and stored,
off the request path, while reads go on.

    queue = IngestQueue(run=lambda articles: {...summary...})
    batch = queue.submit(articles)      # at once: Batch(id="3f9c...", status="queued")
    queue.get(batch.id).status          # "queued" -> "running" -> "done" (or "failed")

One worker runs the batches in the order they came, one at a time (the store has one writer). At most
`max_pending` batches wait; more is `QueueFull` (the API answers 503 with Retry-After). The last
`keep` finished batches are remembered for their status; older ones are forgotten.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import DyadError

log = logging.getLogger("dyad.serve")

DEFAULT_MAX_PENDING = 100
DEFAULT_KEEP = 1000


class QueueFull(DyadError):
    """Too many batches are already waiting to be extracted."""


@dataclass
class Batch:
    """One POST's articles and what became of them."""

    id: str
    articles: list[Any]
    submitted: float = field(default_factory=time.time)
    status: str = "queued"  # queued | running | done | failed
    started: float | None = None
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    finished_event: threading.Event = field(default_factory=threading.Event, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"batch": self.id, "status": self.status,
                               "articles": [getattr(a, "id", None) for a in self.articles],
                               "submitted": self.submitted, "started": self.started, "finished": self.finished}
        if self.result is not None:
            out.update({k: v for k, v in self.result.items() if k != "articles"})
        if self.error is not None:
            out["error"] = self.error
        return out


class IngestQueue:
    """Batches of articles, run by one worker thread through `run(articles) -> summary dict`."""

    def __init__(self, run: Callable[[list[Any]], dict[str, Any]], *, max_pending: int = DEFAULT_MAX_PENDING,
                 keep: int = DEFAULT_KEEP) -> None:
        self._run = run
        self._max_pending = max_pending
        self._keep = keep
        self._pending: deque[Batch] = deque()
        self._batches: OrderedDict[str, Batch] = OrderedDict()
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False

    def submit(self, articles: list[Any]) -> Batch:
        """Queue a batch and return it at once; `QueueFull` when `max_pending` batches already wait."""
        with self._lock:
            if self._closed:
                raise QueueFull("the server is shutting down")
            if len(self._pending) >= self._max_pending:
                raise QueueFull(f"{len(self._pending)} batches are already waiting to be extracted; try again")
            batch = Batch(id=secrets.token_hex(8), articles=articles)
            self._pending.append(batch)
            self._batches[batch.id] = batch
            self._forget_old()
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="dyad-ingest-queue", daemon=True)
                self._worker.start()
            self._lock.notify()
        return batch

    def get(self, batch_id: str) -> Batch | None:
        with self._lock:
            return self._batches.get(batch_id)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def close(self, timeout: float = 5.0) -> None:
        """Stop taking batches; wait up to `timeout` seconds for the one running."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
            worker = self._worker
        if worker is not None:
            worker.join(timeout)

    def _forget_old(self) -> None:
        finished = [key for key, b in self._batches.items() if b.finished_event.is_set()]
        for key in finished[: max(0, len(finished) - self._keep)]:
            del self._batches[key]

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._closed:
                    self._lock.wait()
                if not self._pending:
                    return
                batch = self._pending.popleft()
                batch.status, batch.started = "running", time.time()
            try:
                result = self._run(batch.articles)
            except Exception as exc:  # the batch fails; the worker goes on with the next
                log.exception("batch %s failed", batch.id)
                batch.error, batch.status = f"{type(exc).__name__}: {exc}", "failed"
            else:
                batch.result, batch.status = result, "done"
            batch.finished = time.time()
            batch.finished_event.set()
