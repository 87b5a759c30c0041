"""`Store.put_articles`: several articles in one transaction, on DuckDB and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime

import pytest
from store_fakes import fake_analyse

from dyad.document import Article
from dyad.errors import StoreError
from dyad.records import build_records
from dyad.store import DuckDBStore, Store
from dyad.store.base import ArticleWrite, ErrorRow
from dyad.store.rows import QUOTES


def _write(article: Article) -> ArticleWrite:
    return ArticleWrite(article, article.content_hash, build_records(fake_analyse(article)))


def _everything(store: Store) -> tuple[object, ...]:
    return (list(store.events()), list(store.quotes()), list(store.mentions()), store.article_ids(),
            [store.get_article(i) for i in store.article_ids()])


def _rows(store: Store) -> list[dict[str, object]]:
    """Every stored article row, without the time it was written."""
    return [{k: v for k, v in asdict(a).items() if k != "ingested_at"}
            for a in map(store.get_article, store.article_ids()) if a is not None]


def test_a_batch_stores_what_one_article_at_a_time_stores(store: Store, articles: list[Article]) -> None:
    with DuckDBStore(":memory:") as one_by_one:
        for article in articles:
            one_by_one.put_article(article, article.content_hash, build_records(fake_analyse(article)), 7)
        expected = (_everything(one_by_one)[:4], _rows(one_by_one))
    assert store.put_articles([_write(a) for a in articles], 7) == ["inserted"] * len(articles)
    assert (_everything(store)[:4], _rows(store)) == expected


def test_outcomes_per_article_and_a_rerun_writes_nothing(store: Store, articles: list[Article]) -> None:
    first, second, third = articles[:3]
    assert store.put_articles([_write(first), _write(second)], None) == ["inserted", "inserted"]
    changed = replace(second, text=second.text + " Rutte belde Macron.")
    assert store.put_articles([_write(first), _write(changed), _write(third)], None) \
        == ["unchanged", "replaced", "inserted"]
    before = _everything(store)
    assert store.put_articles([_write(first), _write(changed), _write(third)], None) == ["unchanged"] * 3
    assert _everything(store) == before
    stored = store.get_article(second.id)
    assert stored is not None and stored.text == changed.text
    assert store.put_articles([], None) == []


def test_a_batch_commits_whole_or_not_at_all(store: Store, articles: list[Article],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store.put_articles([_write(articles[0])], None)
    before = _everything(store)
    cls = type(store)
    real_insert = cls._insert  # type: ignore[attr-defined]

    def insert_then_fail(self: Store, shape: object, records: list[list[dict[str, object]]]) -> None:
        real_insert(self, shape, records)
        if shape is QUOTES:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(cls, "_insert", insert_then_fail)
    changed = replace(articles[0], text=articles[0].text + " Rutte belde Macron.")
    error = ErrorRow("bad.txt", "E001", "empty", None, datetime(2021, 3, 22, 9, 0))
    with pytest.raises(StoreError, match="disk on fire"):
        store.put_articles([_write(a) for a in (changed, *articles[1:5])], None, [error])
    assert _everything(store) == before
    assert store.errors() == []
    monkeypatch.undo()
    assert store.put_articles([_write(a) for a in articles[:5]], None) == ["unchanged"] + ["inserted"] * 4


def test_a_batch_with_an_id_twice_or_mismatched_records_is_refused(store: Store, articles: list[Article]) -> None:
    with pytest.raises(StoreError, match="twice in one write batch"):
        store.put_articles([_write(articles[0]), _write(articles[1]), _write(articles[0])], None)
    mismatched = ArticleWrite(articles[0], articles[0].content_hash, build_records(fake_analyse(articles[1])))
    with pytest.raises(StoreError, match="handed over with article"):
        store.put_articles([_write(articles[2]), mismatched], None)
    assert store.article_ids() == []


def test_errors_are_recorded_with_the_batch_in_their_order(store: Store, articles: list[Article]) -> None:
    run = store.start_run(inputs=["a.jsonl"], dyad_version="test")
    errors = [ErrorRow("a.jsonl:2", "E001", "empty text", None, datetime(2021, 3, 22, 9, 0)),
              ErrorRow("a.jsonl:5", "E002", "no language", "x5", datetime(2021, 3, 22, 9, 1))]
    assert store.put_articles([_write(a) for a in articles[:2]], run, errors) == ["inserted", "inserted"]
    assert [(e["origin"], e["code"], e["message"], e["article_id"], e["at"], e["run_id"]) for e in store.errors()] \
        == [("a.jsonl:2", "E001", "empty text", None, "2021-03-22T09:00:00", run),
            ("a.jsonl:5", "E002", "no language", "x5", "2021-03-22T09:01:00", run)]
    # A batch of errors alone is written too.
    assert store.put_articles([], run, [errors[0]._replace(origin="b.jsonl:1")]) == []
    assert [e["origin"] for e in store.errors(run)] == ["a.jsonl:2", "a.jsonl:5", "b.jsonl:1"]
