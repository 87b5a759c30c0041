"""Counting, paging (LIMIT/OFFSET and keyset) and every filter of `RecordFilter`, in SQL, on both backends.

Each test runs against DuckDB and PostgreSQL (the `store` fixture); the expected rows are computed in
Python from the records as stored, so a filter that SQL gets wrong (a missed escape, a NULL in the order,
a case rule) shows up as a difference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from store_fakes import fake_analyse

from dyad.document import Article, PartialDate
from dyad.errors import StoreError
from dyad.records import Extraction, build_records
from dyad.store import RecordFilter, Store
from dyad.store.filters import like_pattern

Record = dict[str, Any]


def slot(name: str, actor: str | None, country: str | None) -> Record:
    return {"name": name, "actor": actor, "country": country, "id": f"test.{name.lower()}"}


USA = slot("Biden", "USAGOV", "USA")
RUS = slot("Lavrov", "RUSGOV", "RUS")
NATO = slot("Stoltenberg", "NATO", None)
UNK = slot("Somebody", None, None)


def event(sentence: str, source: Record | None, target: Record | None, cameo: str | None, quad: int | None,
          *, index: int, trigger_start: int | None = 0, factuality: str = "actual",
          date: str | None = "2021-03-17") -> Record:
    return {
        "article_id": "", "sentence": sentence, "sentence_index": index, "sentence_start": 0,
        "sentence_end": len(sentence), "source": source, "target": target, "cameo": cameo,
        "quad_class": quad, "goldstein": 1.0, "plover": None, "factuality": factuality, "date": date,
        "date_rule": None, "trigger": "t", "trigger_start": trigger_start, "trigger_end": 1, "rule": "test",
        "confidence": 1.0, "language": "en",
    }


def quote(text: str, speaker: Record | None, kind: str, *, index: int) -> Record:
    return {
        "article_id": "", "speaker": speaker, "text": text, "kind": kind, "cue": "said", "start": index * 10,
        "end": index * 10 + 5, "sentence": text, "sentence_index": index, "date": "2021-03-17",
        "rule": "test", "confidence": 1.0, "language": "en",
    }


def article_events(n: int) -> list[Record]:
    """Hand-made events: wildcards and non-ASCII letters in sentences, NULLs in the order columns."""
    return [
        event("Biden met Lavrov.", USA, RUS, "042", 1, index=0),
        event("Lavrov accused Biden.", RUS, USA, "112", 3, index=1),
        event("RUSSIA attacked; 100% sure.", RUS, USA, "190", 4, index=2, factuality="negated"),
        event("The ÉTATS-UNIS protested under_score rules.", USA, RUS, "1122", 3, index=3, date="2021-04"),
        event("NATO warned Russia about a back\\slash.", NATO, RUS, "1031", 3, index=4),
        event("Somebody did something.", UNK, None, None, None, index=5, trigger_start=None, date=None),
        event("Twice in one sentence: Biden and Lavrov.", USA, RUS, "036", 1, index=5, trigger_start=None),
        event("Twice in one sentence: Lavrov and Biden.", RUS, USA, "036", 1, index=5, trigger_start=7),
        event(f"Article {n} says états généraux.", USA, NATO, "0211", 2, index=6, factuality="possible"),
    ]


def article_quotes() -> list[Record]:
    return [
        quote("We will not back down.", RUS, "direct", index=0),
        quote("That is 50% of it", USA, "partial", index=1),
        quote("Nobody knows_this", UNK, "indirect", index=2),
        quote("Unattributed", None, "direct", index=3),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    """Three articles of hand-made records (in reverse id order) and five of the stand-in pipeline."""
    from store_fakes import gold_articles

    for n in (3, 2, 1):
        article = Article(id=f"hand-{n}", text="x", published=PartialDate(2021, 3), language="en")
        events = [{**e, "article_id": article.id} for e in article_events(n)]
        quotes = [{**q, "article_id": article.id} for q in article_quotes()]
        store.put_article(article, f"h{n}", Extraction(article.id, "en", "2021-03", events=events,
                                                       quotes=quotes, mentions=[]), None)
    for article in gold_articles()[:5]:
        store.put_article(article, article.content_hash, build_records(fake_analyse(article)), None)
    return store


def sides(e: Record) -> list[Record]:
    return [s for s in (e["source"], e["target"]) if s]


def matches(s: Record | None, key: str) -> bool:
    return s is not None and key in (s["actor"], s["country"])


EVENT_CASES: list[tuple[str, RecordFilter, Callable[[Record], bool]]] = [
    ("nothing", RecordFilter(), lambda e: True),
    ("one quad", RecordFilter.build(quad_class=3), lambda e: e["quad_class"] == 3),
    ("several quads", RecordFilter.build(quad_class="1, 4"), lambda e: e["quad_class"] in (1, 4)),
    ("cameo root", RecordFilter.build(cameo="11"), lambda e: (e["cameo"] or "").startswith("11")),
    ("cameo 3 digits", RecordFilter.build(cameo="112"), lambda e: (e["cameo"] or "").startswith("112")),
    ("cameo 4 digits", RecordFilter.build(cameo="0211"), lambda e: e["cameo"] == "0211"),
    ("cameo and other root", RecordFilter.build(cameo="112", cameo_root="04"), lambda e: False),
    ("source", RecordFilter.build(source="RUS"), lambda e: matches(e["source"], "RUS")),
    ("target code", RecordFilter.build(target="USAGOV"), lambda e: matches(e["target"], "USAGOV")),
    ("source and target", RecordFilter.build(source="USA", target="RUS"),
     lambda e: matches(e["source"], "USA") and matches(e["target"], "RUS")),
    ("pair", RecordFilter.build(pair="RUS,USA"),
     lambda e: (matches(e["source"], "RUS") and matches(e["target"], "USA"))
     or (matches(e["source"], "USA") and matches(e["target"], "RUS"))),
    ("pair and actor", RecordFilter.build(pair=("USA", "RUS"), actor="RUSGOV", quad_class=1),
     lambda e: e["quad_class"] == 1 and matches(e["source"], "RUSGOV") and matches(e["target"], "USA")
     or e["quad_class"] == 1 and matches(e["source"], "USA") and matches(e["target"], "RUSGOV")),
    ("text, any case", RecordFilter.build(text="lavrov"), lambda e: "lavrov" in e["sentence"].lower()),
    ("text, upper case", RecordFilter.build(text="RUSSIA"), lambda e: "russia" in e["sentence"].lower()),
    ("text, non-ASCII case", RecordFilter.build(text="états"), lambda e: "états" in e["sentence"].lower()),
    ("percent is a character", RecordFilter.build(text="%"), lambda e: "%" in e["sentence"]),
    ("underscore is a character", RecordFilter.build(text="r_s"), lambda e: "r_s" in e["sentence"]),
    ("backslash is a character", RecordFilter.build(text="k\\s"), lambda e: "k\\s" in e["sentence"]),
    ("SQL is text", RecordFilter.build(text="' OR 1=1; DROP TABLE events; --"), lambda e: False),
    ("factuality and dates", RecordFilter.build(factuality="actual", since="2021-03", until="2021-03-31"),
     lambda e: e["factuality"] == "actual" and e["date"] is not None and e["date"].startswith("2021-03")),
    ("article", RecordFilter.build(article_id=["hand-2", "hand-3"]),
     lambda e: e["article_id"] in ("hand-2", "hand-3")),
]


@pytest.mark.parametrize(("name", "where", "keep"), EVENT_CASES, ids=[c[0] for c in EVENT_CASES])
def test_event_filters_counts_and_pages_run_in_sql(filled: Store, name: str, where: RecordFilter,
                                                   keep: Callable[[Record], bool]) -> None:
    everything = list(filled.events())
    expected = [e for e in everything if keep(e)]
    assert list(filled.events(where)) == expected
    assert filled.count_events(where) == len(expected)
    pages = [list(filled.events(where, 4, offset)) for offset in range(0, len(expected) + 4, 4)]
    assert [e for p in pages for e in p] == expected
    assert all(len(p) <= 4 for p in pages) and pages[-1] == []


def test_the_hand_made_cases_really_select(filled: Store) -> None:
    """Guard against the parametrised cases passing on empty results."""
    for name, where, _ in EVENT_CASES:
        if name not in ("SQL is text", "cameo and other root"):
            assert filled.count_events(where) > 0, name
    assert filled.count_events(RecordFilter.build(text="%")) == 3  # once per hand-made article
    assert filled.count_events(RecordFilter.build(text="états-unis")) == 3  # written ÉTATS-UNIS


def test_limit_offset_and_count_follow_the_stable_order(filled: Store) -> None:
    everything = list(filled.events())
    assert len(everything) == filled.count_events() > 30
    assert [e["article_id"] for e in everything] == sorted(e["article_id"] for e in everything)
    assert list(filled.events(limit=5, offset=7)) == everything[7:12]
    assert list(filled.events(limit=0)) == []
    assert list(filled.events(offset=len(everything) - 2)) == everything[-2:]
    assert list(filled.events(limit=3, offset=len(everything) + 10)) == []
    quotes = list(filled.quotes())
    assert filled.count_quotes() == len(quotes)
    assert list(filled.quotes(limit=2, offset=1)) == quotes[1:3]
    for bad in ({"limit": -1}, {"offset": -3}):
        with pytest.raises(StoreError):
            list(filled.events(**bad))


def test_keyset_pages_read_everything_once_even_with_nulls_in_the_order(filled: Store) -> None:
    everything = list(filled.events())
    hand = [e for e in everything if e["article_id"] == "hand-1"]
    assert [e["trigger_start"] for e in hand if e["sentence_index"] == 5] == [7, None, None]  # NULLs last
    for size in (1, 3, 50):
        read: list[Record] = []
        page = filled.event_page(limit=size)
        while page.rows:
            assert len(page.rows) == len(page.keys) <= size
            read.extend(page.rows)
            page = filled.event_page(limit=size, after=page.last)
        assert read == everything
    where = RecordFilter.build(pair="USA,RUS")
    first = filled.event_page(where, limit=4)
    rest = list(filled.events(where, after=first.last))
    assert first.rows + rest == list(filled.events(where))
    assert filled.count_events(where, after=first.last) == len(rest)
    quotes = list(filled.quotes())
    page = filled.quote_page(limit=3, offset=2)
    assert page.rows == quotes[2:5]
    assert list(filled.quotes(after=page.last)) == quotes[5:]
    with pytest.raises(StoreError):
        filled.event_page(limit=1, after=("hand-1", 0))


def test_quote_filters_speaker_kind_and_text(filled: Store) -> None:
    quotes = list(filled.quotes())

    def check(where: RecordFilter, keep: Callable[[Record], bool]) -> None:
        expected = [q for q in quotes if keep(q)]
        assert expected or keep is nothing
        assert list(filled.quotes(where)) == expected
        assert filled.count_quotes(where) == len(expected)

    def nothing(_q: Record) -> bool:
        return False

    check(RecordFilter.build(speaker="rus"), lambda q: matches(q["speaker"], "RUS"))
    check(RecordFilter.build(speaker="LAV"), lambda q: q["speaker"] is not None
          and "lav" in q["speaker"]["name"].lower())
    check(RecordFilter.build(speaker="usagov"), lambda q: matches(q["speaker"], "USAGOV"))
    check(RecordFilter.build(quote_kind="partial"), lambda q: q["kind"] == "partial")
    check(RecordFilter.build(text="50%"), lambda q: "50%" in q["text"])
    check(RecordFilter.build(text="s_t"), lambda q: "s_t" in q["text"])
    check(RecordFilter.build(text="%"), lambda q: "%" in q["text"])
    check(RecordFilter.build(speaker="%"), nothing)
    # Event-only conditions are ignored for quotes, speaker-only ones for events.
    assert filled.count_quotes(RecordFilter.build(quad_class=4, cameo="19")) == len(quotes)
    assert filled.count_events(RecordFilter.build(speaker="nobody", quote_kind="direct")) == \
        filled.count_events()


def test_invalid_filters_are_refused() -> None:
    for values in ({"cameo": "1x"}, {"cameo": "12345"}, {"cameo": "1"}, {"quad_class": 5},
                   {"quad_class": "3,x"}, {"pair": "USA"}, {"pair": "USA,RUS,CHN"},
                   {"quote_kind": "shouted"}, {"text": "x" * 201}, {"speaker": "y" * 201}):
        with pytest.raises(StoreError):
            RecordFilter.build(**values)
    assert RecordFilter.build(cameo=" ", quad_class="", pair="", text="  ") == RecordFilter()
    assert RecordFilter.build(quad_class=[4, 3, 4]).quad_classes == (3, 4)
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_filters_are_parameters_never_sql_text() -> None:
    where = RecordFilter.build(text="'; DROP TABLE events; --", speaker="x'y", pair=("A'", "B"),
                               source="S'", quad_class="1,2")
    for shape_name in ("events", "quotes"):
        from dyad.store.rows import EVENTS, QUOTES

        shape = EVENTS if shape_name == "events" else QUOTES
        clause, params = where.where(shape)
        assert "DROP" not in clause and "'y" not in clause and "A'" not in clause
        assert clause.count("?") == len(params)


def test_the_index_migration_is_recorded_on_both_backends(store: Store) -> None:
    assert store.migrations() == ["0001_initial", "0002_record_indexes", "0003_aggregate_indexes",
                                  "0004_event_ids_and_places", "0005_aggregate_keys", "0006_article_pages",
                                  "0007_event_rollups"]
