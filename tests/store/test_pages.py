"""Article pages (`dyad.store.pages`, migration 0006_article_pages): the page the writer keeps is, byte for
byte, the page computed from the article and its records, on DuckDB and PostgreSQL, after a first write,
a re-ingest of a changed article, a re-ingest that drops every record, and the migration of a store
written without pages."""

from __future__ import annotations

import contextlib
import json
import math
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

from dyad.document import Article, PartialDate
from dyad.records import Extraction
from dyad.store import Store, open_store
from dyad.store import duckdb_store as duckdb_module
from dyad.store import pages as pages_module
from dyad.store.base import ArticleWrite
from dyad.store.pages import article_summary, display_title, render, render_pages


def _actor(name: str, actor: str | None, country: str | None) -> dict[str, Any]:
    return {"name": name, "actor": actor, "country": country, "id": None}


def _event(article_id: str, sentence_index: int, start: int, **extra: Any) -> dict[str, Any]:
    return {"event_id": f"{article_id}-e{sentence_index}-{start}", "article_id": article_id,
            "sentence": "De minister bezocht Moskou.", "sentence_index": sentence_index, "sentence_start": 0,
            "sentence_end": 27, "source": _actor("de minister", "NLDGOV", "NLD"),
            "target": _actor("Moskou", None, "RUS"), "cameo": "042", "quad_class": 1, "goldstein": 1.9,
            "plover": "CONSULT", "factuality": "actual", "date": "2019-03-04", "date_rule": "published",
            "trigger": "bezocht", "trigger_start": start, "trigger_end": start + 7, "rule": "visit",
            "confidence": 1, "language": "nl", "place": None, **extra}


def _quote(article_id: str, start: int | None) -> dict[str, Any]:
    return {"article_id": article_id, "speaker": _actor("Rutte", "NLDGOV", "NLD"),
            "text": "We gaan door", "kind": "direct", "cue": "zei", "start": start,
            "end": None if start is None else start + 12, "sentence": "'We gaan door', zei Rutte.",
            "sentence_index": 2, "date": "2019-03", "rule": "quote-cue", "confidence": 0.75, "language": "nl"}


def _mention(article_id: str, index: int) -> dict[str, Any]:
    return {"article_id": article_id, "mention_index": index, "text": "Rutte", "start": 10 * index,
            "end": 10 * index + 5, "sentence_index": 0, "actor_id": "Q57792", "actor": "NLDGOV",
            "actor_name": "Mark Rutte", "country": "NLD", "role": "source", "kind": "person",
            "confidence": 1.0, "rule": "kb", "coref": [index, "zij"]}  # a field without a column: `extra`


def _write(article: Article, events: int = 3) -> ArticleWrite:
    records = Extraction(
        article_id=article.id, language="nl", published=article.published.iso() if article.published else None,
        # written out of the stable order, with a NULL in an ordering column and an unknown field
        events=[_event(article.id, 5 - i, 20 + i, **({"note": {"b": 1, "a": "é"}} if i == 1 else {}))
                for i in range(events)],
        quotes=[_quote(article.id, None), _quote(article.id, 4)],
        mentions=[_mention(article.id, i) for i in range(3)],
    )
    return ArticleWrite(article, article.content_hash, records)


ARTICLES = [
    Article(id="nl-1", text="De minister bezocht Moskou. ‘We gaan door’, zei Rutte.",
            published=PartialDate.parse("2019-03-04"), language="nl", title="  Bezoek aan Moskou ",
            url="https://example.org/1", source="Voorbeeldkrant", origin="test:1"),
    Article(id="nl/2 ü", text="Een tekst zonder titel. " + "lang " * 40, language="nl", origin="test:2"),
    Article(id="nl-3", text="", published=PartialDate.parse("2019-03"), language="nl"),
]


def computed(store: Store, article_id: str) -> bytes | None:
    """The page as a reader computes it from the article and its records (the API before pages)."""
    stored = store.get_article(article_id)
    records = store.article_records(article_id, article=stored) if stored is not None else None
    if stored is None or records is None:
        return None
    return render({"article": article_summary(stored), "events": records.events, "quotes": records.quotes,
                   "mentions": records.mentions})


def assert_pages_equal_computed(store: Store) -> None:
    for article_id in store.article_ids():
        kept = store.article_page(article_id)
        assert kept is not None, article_id
        assert kept == computed(store, article_id)


def test_the_kept_page_is_the_computed_page(store: Store) -> None:
    store.put_articles([_write(a) for a in ARTICLES], 3)
    assert_pages_equal_computed(store)
    page = json.loads(store.article_page("nl-1") or b"")
    assert page["article"]["display_title"] == "Bezoek aan Moskou"
    assert [e["sentence_index"] for e in page["events"]] == [3, 4, 5]  # the stable order
    assert page["events"][0]["confidence"] == 1.0 and page["events"][1]["note"] == {"a": "é", "b": 1}
    assert [q["start"] for q in page["quotes"]] == [4, None]  # NULLs last
    assert page["mentions"][1]["coref"] == [1, "zij"]
    assert json.loads(store.article_page("nl/2 ü") or b"")["article"]["display_title"] == display_title(
        None, ARTICLES[1].text, "nl/2 ü")
    assert store.article_page("absent") is None


def test_a_changed_article_gets_its_new_page_and_an_unchanged_one_keeps_its_own(store: Store) -> None:
    store.put_articles([_write(a) for a in ARTICLES], None)
    before = {i: store.article_page(i) for i in store.article_ids()}
    changed = replace(ARTICLES[0], text=ARTICLES[0].text + " Daarna sprak hij met Lavrov.", title=None)
    emptied = replace(ARTICLES[2], text="Nu zonder gebeurtenissen.")
    assert store.put_articles([_write(changed, events=5), _write(ARTICLES[1]), _write(emptied, events=0)],
                              None) == ["replaced", "unchanged", "replaced"]
    assert_pages_equal_computed(store)
    assert store.article_page(ARTICLES[1].id) == before[ARTICLES[1].id]
    first = json.loads(store.article_page("nl-1") or b"")
    assert first["article"]["text"] == changed.text and len(first["events"]) == 5
    assert first["article"]["display_title"] == "De minister bezocht Moskou"
    assert json.loads(store.article_page("nl-3") or b"")["events"] == []


def test_a_page_that_cannot_be_rendered_is_not_kept(store: Store) -> None:
    """A NaN is no JSON: the reader computes the page (and the API fails on it) as without pages."""
    write = _write(ARTICLES[0])
    write.extraction.events[0]["goldstein"] = math.nan
    store.put_articles([write, _write(ARTICLES[2])], None)
    assert store.article_page("nl-1") is None
    with pytest.raises(ValueError):
        computed(store, "nl-1")
    assert store.article_page("nl-3") == computed(store, "nl-3")


def _store_written_before_pages(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                stack: contextlib.ExitStack) -> str:
    """The URL of a store written by a dyad before article pages (migration 0006 and the writer's pages)."""
    module: Any = duckdb_module
    url = str(tmp_path / "old.duckdb")
    if backend == "postgres":
        from pg_fixtures import fresh_schema

        from dyad.store import postgres as module
        url = stack.enter_context(fresh_schema())[1]
    earlier = tuple(m for m in module.MIGRATIONS if m[0] != "0006_article_pages")
    with monkeypatch.context() as patched:
        patched.setattr(module, "MIGRATIONS", earlier)
        patched.setattr(module, "write_pages", lambda con, ids: None)  # a writer before pages
        with open_store(url) as old:
            old.put_articles([_write(a) for a in ARTICLES], 1)
            assert "0006_article_pages" not in old.migrations()
    return url


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_a_store_over_the_migration_limit_opens_without_pages_and_keeps_them_from_its_next_write(
        backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with contextlib.ExitStack() as stack:
        url = _store_written_before_pages(backend, tmp_path, monkeypatch, stack)
        monkeypatch.setattr(pages_module, "MIGRATION_PAGE_LIMIT", len(ARTICLES) - 1)
        with open_store(url) as store:
            assert "0006_article_pages" in store.migrations()
            assert all(store.article_page(i) is None for i in store.article_ids())  # read as computed
            changed = replace(ARTICLES[0], text=ARTICLES[0].text + " Daarna sprak hij met Lavrov.")
            assert store.put_articles([_write(changed, events=2)], None) == ["replaced"]
            assert store.article_page(changed.id) == computed(store, changed.id) is not None
            assert store.article_page(ARTICLES[1].id) is None


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_the_migration_gives_stored_articles_their_pages(backend: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with contextlib.ExitStack() as stack:
        url = _store_written_before_pages(backend, tmp_path, monkeypatch, stack)
        with open_store(url) as store:
            assert "0006_article_pages" in store.migrations()
            assert_pages_equal_computed(store)


class _Factuality(StrEnum):
    """A str that is not exactly a str: its stored text is for the backend to tell."""

    ACTUAL = "actual"


def _varied(article: Article) -> ArticleWrite:
    """Records of every sort a page holds: events with and without a place (and a place's own field),
    NULL dates and numbers, ints in float columns, quotes with anonymous and absent speakers and the
    `phrase` field, mentions without an actor, and text in several scripts."""
    aid = article.id
    place = {"name": "Den Haag", "country": "NLD", "lat": 52.08, "lon": 4.3, "admin1": "Zuid-Holland"}
    events = [
        _event(aid, 1, 4, place=place, goldstein=-10, confidence=0.1 + 0.2),
        _event(aid, 1, 4, place={"name": None, "country": "RUS", "lat": None, "lon": None}, cameo="0431"),
        _event(aid, 0, 9, date=None, date_rule=None, goldstein=None, confidence=-0.0, quad_class=None,
               sentence="Zij sprak met 北京 en Київ 🙂 — “zo”.", target=None),
        _event(aid, 2, 0, source=_actor("de regering", None, None), trigger_start=None, trigger_end=None,
               confidence=1e-300, note=[1, None, "ë"]),
    ]
    anonymous = {"name": "een woordvoerder", "actor": None, "country": None, "id": None}
    quotes = [
        {**_quote(aid, 3), "speaker": anonymous, "phrase": "ging door", "date": None},
        {**_quote(aid, None), "speaker": None, "text": "‘Nee’\u2028, zei ze", "confidence": 1},
        {**_quote(aid, 3), "sentence_index": 1, "phrase": None, "language": None},
    ]
    mentions = [
        {**_mention(aid, 0), "actor_id": None, "actor": None, "country": None, "confidence": 0},
        {**_mention(aid, 1), "text": "Ëindhoven \\ \"x\""},
    ]
    records = Extraction(article_id=aid, language=None, published=None, events=events, quotes=quotes,
                         mentions=mentions)
    return ArticleWrite(article, article.content_hash, records)


def _read_back(store: Store, article_ids: list[str]) -> dict[str, bytes]:
    """The pages as `render_pages` renders them from the stored rows (what the migration writes)."""
    if isinstance(store, duckdb_module.DuckDBStore):
        return dict(render_pages(duckdb_module._fetch_on(store._con), "?", article_ids))
    from dyad.store import postgres

    assert isinstance(store, postgres.PostgresStore)
    return dict(render_pages(postgres._fetch_on(store._con), "%s", article_ids))


def test_the_page_rendered_in_memory_is_the_page_read_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    read_back_ids: list[str] = []
    original = pages_module.render_pages

    def counting(fetch: Any, placeholder: str, article_ids: Any) -> list[tuple[str, bytes]]:
        read_back_ids.extend(article_ids)
        return original(fetch, placeholder, article_ids)

    monkeypatch.setattr(pages_module, "render_pages", counting)
    writes = [_varied(a) for a in ARTICLES]
    exotic = _varied(Article(id="nl-4", text="Een feit.", title="Vier"))
    exotic.extraction.events[0]["factuality"] = _Factuality.ACTUAL
    store.put_articles([*writes, exotic], 7)
    assert read_back_ids == ["nl-4"]  # the others rendered from the records in memory
    ids = [*(a.id for a in ARTICLES), "nl-4"]
    expected = _read_back(store, ids)
    assert set(expected) == set(ids)
    for article_id in ids:
        assert store.article_page(article_id) == expected[article_id], article_id
        assert expected[article_id] == computed(store, article_id)
    page = json.loads(expected["nl-1"])
    assert page["events"][0]["date"] is None and page["events"][0]["target"] is None
    assert page["events"][1]["goldstein"] == -10.0 and page["events"][1]["place"]["admin1"] == "Zuid-Holland"
    assert page["events"][2]["place"] == {"name": None, "country": "RUS", "lat": None, "lon": None}
    assert [q["speaker"] and q["speaker"]["name"] for q in page["quotes"]] == ["Rutte", "een woordvoerder", None]
    assert [q.get("phrase") for q in page["quotes"]] == [None, "ging door", None]
    assert page["events"][3]["note"] == [1, None, "ë"] and page["mentions"][0]["confidence"] == 0.0
