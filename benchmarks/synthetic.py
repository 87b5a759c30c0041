"""Synthetic stores for the scale benchmark: millions of events with the real schema, generated in SQL.

    from synthetic import build_duckdb, build_postgres
    build_duckdb(Path("/tmp/dyad-10m.duckdb"), 10_000_000)

The store is created by `dyad.store.open_store` (every migration applied), then filled by one INSERT ...
SELECT over `range(n)` (DuckDB) or `generate_series` (PostgreSQL): no extractor, no Python per row.
Ten events an article. What the rows hold, drawn from a hash of the row number (so both backends and
every run hold the same data):

- actors: 20 countries, skewed (the first few take most events, as in GDELT); the actor code is the
  country, or the country with GOV, MIL, OPP or BUS; 3 % of targets are unknown (no actor at all);
- CAMEO codes: 20 roots with one to three codes each, the quad class and Goldstein weight of the root;
- factuality: 85 % actual, 10 % possible, 5 % negated;
- dates 2000-01-01 to 2026-12-31: 85 % a day, 7 % a month, 3 % a year, 5 % undated.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyad.store import open_store  # noqa: E402
from dyad.store.duckdb_store import key_events, roll_up_events  # noqa: E402
from dyad.store.postgres import roll_up_events as pg_roll_up_events  # noqa: E402

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "NLD", "TUR", "SYR", "IND",
             "PAK", "JPN", "PRK", "KOR", "EGY", "SAU", "BEL")
SUFFIXES = ("", "", "GOV", "MIL", "OPP", "BUS")
CODES = ("010", "020", "036", "040", "042", "043", "051", "057", "061", "071", "080", "090", "100",
         "111", "112", "120", "130", "138", "141", "150", "160", "163", "172", "180", "190", "193", "200")
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3,
        "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
             "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
             "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}
FIRST_DAY = "2000-01-01"
DAYS = 9862  # to 2026-12-31


def _array(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _pg_array(values: tuple[str, ...]) -> str:
    return "(ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]::text[])"


def events_insert(pg: bool, n: int) -> str:
    """INSERT INTO events of n synthetic rows."""
    source = (f"(SELECT i FROM generate_series(0, {n - 1}) AS s(i)) AS g" if pg
              else f"(SELECT range AS i FROM range({n})) AS g")
    cat = "||"
    div = "/" if pg else "//"  # integer division (DuckDB's / divides as DOUBLE)
    as_int = "::int" if pg else "::INTEGER"
    quad = "CASE " + " ".join(f"WHEN root = '{r}' THEN {q}" for r, q in QUAD.items()) + " END"
    gold = "CASE " + " ".join(f"WHEN root = '{r}' THEN {w}" for r, w in GOLDSTEIN.items()) + " END"
    arr = _pg_array if pg else _array
    if pg:
        def u(salt: int) -> str:
            return f"((hashtextextended(i::text, {salt}) & 2147483647)::float8 / 2147483648.0)"
    else:
        def u(salt: int) -> str:
            return f"((hash(i, {salt}) % 1000000007)::DOUBLE / 1000000007.0)"
    n_c, n_s, n_k = len(COUNTRIES), len(SUFFIXES), len(CODES)
    countries, suffixes, codes = arr(COUNTRIES), arr(SUFFIXES), arr(CODES)
    iso_month = "to_char(day, 'YYYY-MM')" if pg else "strftime(day, '%Y-%m')"
    iso_day = "to_char(day, 'YYYY-MM-DD')" if pg else "strftime(day, '%Y-%m-%d')"
    iso_year = "to_char(day, 'YYYY')" if pg else "strftime(day, '%Y')"
    month_first = "date_trunc('month', day)::date"
    month_last = "(date_trunc('month', day) + INTERVAL '1 month' - INTERVAL '1 day')::date"
    year_first = "date_trunc('year', day)::date"
    year_last = "(date_trunc('year', day) + INTERVAL '1 year' - INTERVAL '1 day')::date"
    return f"""
        INSERT INTO events ("event_index", "article_id", "sentence", "sentence_index", "sentence_start",
            "sentence_end", "source_name", "source_actor", "source_country", "source_id", "target_name",
            "target_actor", "target_country", "target_id", "cameo", "quad_class", "goldstein", "plover",
            "factuality", "date", "date_rule", "trigger", "trigger_start", "trigger_end", "rule",
            "confidence", "language", "cameo_root", "date_first", "date_last", "extra")
        SELECT ei, aid, 'Synthetic sentence ' {cat} i::text {cat} '.', ei, ei * 100, ei * 100 + 99,
            sa, sa, sc, sa, ta, ta, tc, ta,
            cameo, {quad}, {gold}, NULL,
            CASE WHEN fa < 0.85 THEN 'actual' WHEN fa < 0.95 THEN 'possible' ELSE 'negated' END,
            CASE WHEN pd < 0.85 THEN {iso_day} WHEN pd < 0.92 THEN {iso_month}
                 WHEN pd < 0.95 THEN {iso_year} ELSE NULL END,
            NULL, 'trigger', ei * 100 + 10, ei * 100 + 17, 'synthetic', 0.9,
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'nl' END,
            root,
            CASE WHEN pd < 0.85 THEN day WHEN pd < 0.92 THEN {month_first}
                 WHEN pd < 0.95 THEN {year_first} ELSE NULL END,
            CASE WHEN pd < 0.85 THEN day WHEN pd < 0.92 THEN {month_last}
                 WHEN pd < 0.95 THEN {year_last} ELSE NULL END,
            NULL
        FROM (
            SELECT i, (i % 10){as_int} AS ei, 'syn-' {cat} lpad((i {div} 10)::text, 9, '0') AS aid,
                sc, sc {cat} ss AS sa,
                CASE WHEN unk < 0.03 THEN NULL ELSE tc END AS tc,
                CASE WHEN unk < 0.03 THEN NULL ELSE tc {cat} ts END AS ta,
                cameo, substr(cameo, 1, 2) AS root, day, pd, fa
            FROM (
                SELECT i,
                    {countries}[1 + floor({n_c} * pow({u(1)}, 2)){as_int}] AS sc,
                    {suffixes}[1 + floor({n_s} * {u(3)}){as_int}] AS ss,
                    {countries}[1 + floor({n_c} * pow({u(2)}, 2)){as_int}] AS tc,
                    {suffixes}[1 + floor({n_s} * {u(4)}){as_int}] AS ts,
                    {codes}[1 + floor({n_k} * {u(5)}){as_int}] AS cameo,
                    (DATE '{FIRST_DAY}' + floor({DAYS} * {u(6)}){as_int}) AS day,
                    {u(7)} AS pd, {u(8)} AS fa, {u(9)} AS unk
                FROM {source}
            ) AS drawn
        ) AS shaped"""


def articles_insert(pg: bool, n_events: int) -> str:
    n = (n_events + 9) // 10
    source = (f"generate_series(0, {n - 1}) AS s(i)" if pg else f"(SELECT range AS i FROM range({n})) AS g")
    return f"""
        INSERT INTO articles ("id", "content_hash", "published", "published_precision", "language", "title",
            "url", "source", "origin", "text", "ingested_at", "run_id")
        SELECT 'syn-' || lpad(i::text, 9, '0'), 'h' || i::text, NULL, NULL, 'en', 'Synthetic article',
            NULL, 'synthetic', 'synthetic', 'Synthetic text.', TIMESTAMP '2026-12-01 00:00:00', NULL
        FROM {source}"""


def build_duckdb(path: Path, n: int) -> None:
    """A fresh DuckDB store at `path` with n synthetic events (and n/10 articles)."""
    path.unlink(missing_ok=True)
    with open_store(path) as store:
        con = store._con  # type: ignore[attr-defined]
        con.execute(articles_insert(False, n))
        con.execute(events_insert(False, n))
        key_events(con)  # what the writer gives each event it inserts: its dyad key
        roll_up_events(con)  # and what it adds to the rollups (dyad.store.rollups)
        con.execute("CHECKPOINT")


def build_postgres(url: str, n: int) -> None:
    """Fill an empty PostgreSQL store (its schema in the URL's search_path) with n synthetic events."""
    with open_store(url) as store:
        con = store._con  # type: ignore[attr-defined]
        con.execute(articles_insert(True, n))
        con.execute(events_insert(True, n))
        pg_roll_up_events(con)
        con.execute("ANALYZE")
