"""Ingest mechanics with a stand-in pipeline: idempotency, replacement, failures, runs and progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from store_fakes import CountingAnalyse

from dyad.document import Article
from dyad.errors import InputError
from dyad.ingest import IngestFailure, ingest_articles
from dyad.readers import ReadFailure
from dyad.store import DuckDBStore


def _snapshot(store: DuckDBStore) -> tuple[list[object], list[object], list[object]]:
    return list(store.events()), list(store.quotes()), list(store.mentions())


def test_reingest_skips_unchanged_articles_without_running_the_pipeline(
    store: DuckDBStore, articles: list[Article], fake_pipeline: Callable[..., CountingAnalyse]
) -> None:
    analyse = fake_pipeline()
    first = ingest_articles(articles, store)
    assert (first.done, first.inserted, first.unchanged, first.failed) == (20, 20, 0, 0)
    before = _snapshot(store)
    analyse.calls.clear()
    again = ingest_articles([replace(a) for a in articles], store)
    assert (again.done, again.unchanged, again.failed) == (0, 20, 0)
    assert analyse.calls == []
    assert _snapshot(store) == before
    runs = store.runs()
    assert [r["counts"]["inserted"] for r in runs] == [20, 0]
    assert runs[0]["components"] == {"nl": {"events": "test"}} and runs[0]["finished"] is not None


def test_a_changed_article_is_replaced_and_the_others_stay(
    store: DuckDBStore, articles: list[Article], fake_pipeline: Callable[..., CountingAnalyse]
) -> None:
    fake_pipeline()
    ingest_articles(articles, store)
    others_before = [e for e in store.events() if e["article_id"] != articles[3].id]
    changed = replace(articles[3], text=articles[3].text + " Daarna belde Rutte met Merkel.")
    summary = ingest_articles([changed, *articles[4:6]], store)
    assert (summary.replaced, summary.inserted, summary.unchanged) == (1, 0, 2)
    assert [e for e in store.events() if e["article_id"] != articles[3].id] == others_before
    mine = [e for e in store.events() if e["article_id"] == articles[3].id]
    assert mine[-1]["sentence"] == "Daarna belde Rutte met Merkel."
    assert [e["sentence"] for e in mine].count("Daarna belde Rutte met Merkel.") == 1
    stored = store.get_article(articles[3].id)
    assert stored is not None and stored.content_hash == changed.content_hash


def test_a_failing_article_is_recorded_and_the_batch_goes_on(
    store: DuckDBStore, articles: list[Article], fake_pipeline: Callable[..., CountingAnalyse]
) -> None:
    bad = articles[5].id
    fake_pipeline(failing={bad})
    seen: list[tuple[str, str]] = []
    summary = ingest_articles(articles, store, progress=lambda event, origin: seen.append((event, origin)))
    assert (summary.done, summary.failed) == (19, 1)
    assert summary.failures == [IngestFailure(articles[5].origin or "", "E000",
                                              f"RuntimeError: stage exploded on {bad}")]
    assert bad not in store.article_ids() and len(store.article_ids()) == 19
    errors = store.errors(summary.run_id)
    assert [(e["origin"], e["article_id"], e["code"]) for e in errors] == [(articles[5].origin, bad, "E000")]
    assert ("failed", articles[5].origin) in seen
    assert [event for event, _ in seen].count("done") == 19
    assert [event for event, _ in seen].count("start") == 20
    # Once the stage is fixed, a rerun stores the missing article and leaves the rest untouched.
    fake_pipeline()
    rerun = ingest_articles(articles, store)
    assert (rerun.inserted, rerun.unchanged, rerun.failed) == (1, 19, 0)


def test_read_failures_are_recorded_with_their_origin(
    store: DuckDBStore, articles: list[Article], fake_pipeline: Callable[..., CountingAnalyse]
) -> None:
    fake_pipeline()
    error = InputError("empty file", source="in/empty.txt")
    items = [articles[0], ReadFailure.from_error(error, "in/empty.txt"), articles[1]]
    summary = ingest_articles(items, store, inputs=["in"])
    assert summary.done == 2
    assert [f.to_dict() for f in summary.failures] == [
        {"origin": "in/empty.txt", "code": "E001", "message": "empty file"}
    ]
    assert store.runs()[0]["inputs"] == ["in"]


def test_the_same_id_with_other_content_in_one_batch_is_an_error(
    store: DuckDBStore, articles: list[Article], fake_pipeline: Callable[..., CountingAnalyse]
) -> None:
    fake_pipeline()
    twin = replace(articles[0], text="Een andere tekst over Rutte en Merkel.", origin="elsewhere.txt")
    summary = ingest_articles([articles[0], twin, replace(articles[0])], store)
    assert (summary.inserted, summary.unchanged, summary.failed) == (1, 1, 1)
    assert summary.failures[0].origin == "elsewhere.txt"
    assert "already read from" in summary.failures[0].message
    stored = store.get_article(articles[0].id)
    assert stored is not None and stored.text == articles[0].text
