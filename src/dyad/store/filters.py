"""Which events and quotes to read from a store: one filter object, turned into parameterised SQL.

Backend-independent: the backends hand over their dialect (`Dialect`: the placeholder, `?` for DuckDB and
`%s` for psycopg, and how text is lower-cased for case-insensitive search). Values never enter the SQL
text: every one is a parameter, and text searched with LIKE is escaped first (`like_pattern`).

`select_sql` and `count_sql` build the whole statement: the filter, the stable order (`ORDER`), a keyset
position to start after (`RecordKey`), and LIMIT / OFFSET.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from dyad.document import Factuality
from dyad.errors import StoreError
from dyad.store.rows import EVENTS, QUOTES, RecordShape, date_bounds

_CAMEO_ROOT = re.compile(r"^\d{2}$")
_CAMEO_PREFIX = re.compile(r"^\d{2,4}$")
QUOTE_KINDS = ("direct", "partial", "indirect")
QUAD_CLASSES = (1, 2, 3, 4)
#: How a record's date period must meet a since/until range (see `RecordFilter`).
DATE_OVERLAPS = ("contained", "overlap")
#: Longest text (search text, speaker name) a filter takes.
MAX_TEXT = 200

#: A record's position in the stable order: the values of its `ORDER_COLUMNS`.
RecordKey = tuple[str | int | None, ...]


@dataclass(frozen=True)
class Dialect:
    """What differs between backends in a WHERE clause."""

    placeholder: str = "?"
    #: A SQL expression that lower-cases the text expression put in for `{}` (Unicode-aware).
    lower: str = "lower({})"
    #: Whether events carry a `dyad_key` into a `dyads` table of their distinct (source actor and
    #: country, target actor and country, factuality) (DuckDB, migration 0005_aggregate_keys): conditions on
    #: those columns are then answered on the small table and matched to the events by that one integer.
    dyad_keys: bool = False
    #: Whether events keep the week, month and year bucket that holds their date period as stored columns
    #: (`bucket_week`, `bucket_month`, `bucket_year`: PostgreSQL, migration 0005_aggregate_keys), so that an
    #: aggregate reads them rather than computing them from the dates row by row.
    bucket_columns: bool = False
    #: The backend's column of a row's physical position, stable while the reading transaction lasts
    #: (DuckDB's `rowid`), by which a page found by a top-N over a few columns reads its other columns;
    #: None where a page is read in one query.
    row_id: str | None = None
    #: Whether the store keeps the event rollups (`dyad.store.rollups`, migration 0007_event_rollups):
    #: an aggregate that one of them holds is summed from it rather than counted over the events.
    rollups: bool = False


DUCKDB = Dialect()


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards and the escape character escaped (use with `ESCAPE '\\'`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class RecordFilter:
    """Conditions on records; each one left at None (or empty) does not filter. All conditions hold (AND).

    - `article_ids`: records of these articles only.
    - `since`, `until`: ISO dates at any precision, both inclusive (`until="2021-03"` runs to 31 March).
      A record's date covers a period (`2021-03`: 1 to 31 March). `date_overlap` says how that period
      must meet the range: `contained` (the default) keeps a record whose whole period lies inside the
      range, so `since=2021-03-15&until=2021-03-20` leaves out an event dated only `2021-03`; `overlap`
      keeps every record whose period meets the range (that event included). Records without a date are
      left out once either bound is given.
    - `actor`: a CAMEO actor code (`RUSGOV`) or a country code (`RUS`), matched exactly against the actor
      code or the country of either side of an event, or of the speaker.
    - `country`: a country or organisation code (`RUS`, `NATO`), matched against the country of either
      side, or the speaker's, only.
    - `cameo_root`: the first two digits of the CAMEO code (`"16"`); events only.
    - `cameo`: a CAMEO code or its prefix, 2 to 4 digits (`"16"`, `"161"`, `"0211"`): the code and every
      code under it; events only.
    - `quad_classes`: one or several quad classes (1-4); events only.
    - `factuality`: `actual`, `possible` or `negated`; events only.
    - `source`, `target`: an actor code or country matched (as `actor`) against that side only; `pair`:
      two of them, `(A, B)`: events between A and B in either direction; events only.
    - `text`: case-insensitive search for a piece of text (not a pattern: `%` and `_` are plain
      characters) in the sentence of an event, or in the text of a quote.
    - `speaker`: quotes whose speaker's actor code or country is this code (compared upper-cased), or
      whose speaker's name contains it (case-insensitive); quotes only.
    - `quote_kind`: `direct`, `partial` or `indirect`; quotes only.

    Conditions that do not apply to a kind of record (CAMEO, factuality, direction for quotes; speaker for
    events) are ignored for it. Case-insensitive means SQL `lower()` on both sides (Unicode-aware in both
    backends; see `dyad.store.postgres` for PostgreSQL's collation).
    """

    article_ids: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    cameo_root: str | None = None
    factuality: str | None = None
    cameo: str | None = None
    quad_classes: tuple[int, ...] = ()
    source: str | None = None
    target: str | None = None
    pair: tuple[str, str] | None = None
    text: str | None = None
    speaker: str | None = None
    quote_kind: str | None = None
    date_overlap: str = "contained"

    @classmethod
    def build(
        cls,
        *,
        article_id: str | Iterable[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        actor: str | None = None,
        country: str | None = None,
        cameo_root: str | int | None = None,
        factuality: str | None = None,
        cameo: str | None = None,
        quad_class: int | str | Iterable[int | str] | None = None,
        source: str | None = None,
        target: str | None = None,
        pair: str | Sequence[str] | None = None,
        text: str | None = None,
        speaker: str | None = None,
        quote_kind: str | None = None,
        date_overlap: str | None = None,
    ) -> RecordFilter:
        """A validated filter from loose values (what a CLI or a web request hands over).

        `quad_class` takes `3`, `"3,4"` or `[3, 4]`; `pair` takes `"USA,RUS"` or `("USA", "RUS")`. Empty
        strings mean no condition; text is stripped. Invalid values raise `StoreError`.
        """
        if article_id is None:
            ids: tuple[str, ...] = ()
        elif isinstance(article_id, str):
            ids = (article_id,)
        else:
            ids = tuple(article_id)
        root: str | None = None
        if cameo_root is not None:
            root = f"{cameo_root:02d}" if isinstance(cameo_root, int) else cameo_root.strip()
            if not _CAMEO_ROOT.match(root):
                raise StoreError(f"invalid CAMEO root filter {cameo_root!r}: "
                                 "expected two digits such as '04'")
        prefix = _clean(cameo)
        if prefix is not None and not _CAMEO_PREFIX.match(prefix):
            raise StoreError(f"invalid CAMEO code filter {cameo!r}: expected 2 to 4 digits such as "
                             "16, 161 or 0211")
        if factuality is not None:
            allowed = [f.value for f in Factuality]
            if factuality not in allowed:
                raise StoreError(f"invalid factuality filter {factuality!r}: "
                                 f"expected one of {', '.join(allowed)}")
        kind = _clean(quote_kind)
        if kind is not None and kind not in QUOTE_KINDS:
            raise StoreError(f"invalid quote kind filter {quote_kind!r}: expected one of "
                             f"{', '.join(QUOTE_KINDS)}")
        overlap = _clean(date_overlap) or "contained"
        if overlap not in DATE_OVERLAPS:
            raise StoreError(f"invalid date_overlap {date_overlap!r}: expected {' or '.join(DATE_OVERLAPS)}")
        built = cls(
            date_overlap=overlap,
            article_ids=ids,
            since=since.isoformat() if isinstance(since, date) else since,
            until=until.isoformat() if isinstance(until, date) else until,
            actor=actor or None,
            country=country or None,
            cameo_root=root,
            factuality=factuality,
            cameo=prefix,
            quad_classes=_quads(quad_class),
            source=_clean(source),
            target=_clean(target),
            pair=_pair(pair),
            text=_bounded(text, "text"),
            speaker=_bounded(speaker, "speaker"),
            quote_kind=kind,
        )
        built.date_range()  # validates the bounds now rather than at query time
        return built

    def date_range(self) -> tuple[date | None, date | None]:
        """The first day of `since` and the last day of `until`."""
        since = date_bounds(self.since)
        until = date_bounds(self.until)
        return (since[0] if since else None, until[1] if until else None)

    def where(self, shape: RecordShape, placeholder: str | Dialect = "?") -> tuple[str, list[object]]:
        """A WHERE clause (with the keyword, or empty) and its parameters for a table of `shape`."""
        dialect = placeholder if isinstance(placeholder, Dialect) else Dialect(placeholder=placeholder)
        clauses, params = self._conditions(shape, dialect)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _conditions(self, shape: RecordShape, dialect: Dialect) -> tuple[list[str], list[object]]:
        p = dialect.placeholder
        clauses: list[str] = []
        params: list[object] = []

        def contains(column: str, needle: str) -> str:
            params.append(like_pattern(needle))
            return f"{dialect.lower.format(column)} LIKE {dialect.lower.format(p)} ESCAPE '\\'"

        # Conditions on who acted on whom and the factuality: on the events' own columns, or (with dyad
        # keys) on the same columns of the `dyads` table, gathered into one condition on `dyad_key`.
        dyad_clauses: list[str] = []
        dyad_params: list[object] = []
        keyed = shape is EVENTS and dialect.dyad_keys
        sided = dyad_clauses if keyed else clauses
        sided_params = dyad_params if keyed else params

        def side(slot: str, key: str) -> str:
            sided_params.extend((key, key))
            return f'("{slot}_actor" = {p} OR "{slot}_country" = {p})'

        if self.article_ids:
            clauses.append(f'"article_id" IN ({", ".join(p for _ in self.article_ids)})')
            params.extend(self.article_ids)
        since, until = self.date_range()
        contained = self.date_overlap != "overlap"
        if since is not None:
            clauses.append(f'"{"date_first" if contained else "date_last"}" >= {p}')
            params.append(since)
        if until is not None:
            clauses.append(f'"{"date_last" if contained else "date_first"}" <= {p}')
            params.append(until)
        for value, fields in ((self.actor, ("actor", "country")), (self.country, ("country",))):
            if value is None:
                continue
            columns = [f"{slot}_{field}" for slot in shape.actor_slots for field in fields]
            sided.append("(" + " OR ".join(f'"{c}" = {p}' for c in columns) + ")")
            sided_params.extend(value for _ in columns)
        if shape is EVENTS:
            roots = {r for r in (self.cameo_root, self.cameo[:2] if self.cameo else None) if r is not None}
            for root in sorted(roots):  # two different roots match nothing, as they should
                clauses.append(f'"cameo_root" = {p}')
                params.append(root)
            if self.cameo is not None and len(self.cameo) > 2:
                clauses.append(f'"cameo" LIKE {p}')  # digits only: nothing to escape
                params.append(f"{self.cameo}%")
            if self.quad_classes:
                clauses.append(f'"quad_class" IN ({", ".join(p for _ in self.quad_classes)})')
                params.extend(self.quad_classes)
            if self.factuality is not None:
                sided.append(f'"factuality" = {p}')
                sided_params.append(self.factuality)
            if self.source is not None:
                sided.append(side("source", self.source))
            if self.target is not None:
                sided.append(side("target", self.target))
            if self.pair is not None:
                a, b = self.pair
                forward = f"{side('source', a)} AND {side('target', b)}"
                backward = f"{side('source', b)} AND {side('target', a)}"
                sided.append(f"(({forward}) OR ({backward}))")
            if self.text is not None:
                clauses.append(contains('"sentence"', self.text))
            if dyad_clauses:
                clauses.append(f'"dyad_key" IN (SELECT "key" FROM dyads WHERE {" AND ".join(dyad_clauses)})')
                params.extend(dyad_params)
        elif shape is QUOTES:
            if self.speaker is not None:
                params.extend((self.speaker.upper(), self.speaker.upper()))
                by_name = contains('"speaker_name"', self.speaker)
                clauses.append(f'("speaker_actor" = {p} OR "speaker_country" = {p} OR {by_name})')
            if self.quote_kind is not None:
                clauses.append(f'"kind" = {p}')
                params.append(self.quote_kind)
            if self.text is not None:
                clauses.append(contains('"text"', self.text))
        else:
            raise StoreError(f"no filter defined for table {shape.table!r}")
        return clauses, params


def _clean(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return value.strip()


def _bounded(value: str | None, name: str) -> str | None:
    cleaned = _clean(value)
    if cleaned is not None and len(cleaned) > MAX_TEXT:
        raise StoreError(f"invalid {name} filter: at most {MAX_TEXT} characters")
    return cleaned


def _quads(value: int | str | Iterable[int | str] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    parts: list[int | str]
    if isinstance(value, int):
        parts = [value]
    elif isinstance(value, str):
        parts = [part.strip() for part in value.split(",") if part.strip()]
    else:
        parts = list(value)
    out: set[int] = set()
    for part in parts:
        number = part if isinstance(part, int) else int(part) if part.isdigit() else None
        if number not in QUAD_CLASSES:
            raise StoreError(f"invalid quad class filter {part!r}: expected 1, 2, 3 or 4 (several as 3,4)")
        out.add(number)
    return tuple(sorted(out))


def _pair(value: str | Sequence[str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in re.split(r"[,/]", value)] if isinstance(value, str) else list(value)
    parts = [p for p in parts if p and p.strip()]
    if not parts:
        return None
    if len(parts) != 2:
        raise StoreError(f"invalid pair filter {value!r}: expected two actor or country codes such as "
                         "USA,RUS")
    return (parts[0].strip(), parts[1].strip())


#: The columns records are read in order of: stable across runs and backends (ties broken by position in
#: the article). A record's values of these columns are its `RecordKey`.
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("article_id", "sentence_index", "trigger_start", "cameo", "event_index"),
    "quotes": ("article_id", "sentence_index", "start", "quote_index"),
    "mentions": ("article_id", "mention_index"),
}

#: The ORDER BY list of each table (ascending; NULLs last, the default of both backends).
ORDER = {table: ", ".join(f'"{c}"' for c in columns) for table, columns in ORDER_COLUMNS.items()}


def _after(shape: RecordShape, key: RecordKey, p: str) -> tuple[str, list[object]]:
    """A condition true for rows that come after `key` in the stable order (ascending, NULLs last)."""
    columns = ORDER_COLUMNS[shape.table]
    if len(key) != len(columns):
        raise StoreError(f"a {shape.table} position has {len(columns)} values, not {len(key)}")
    branches: list[str] = []
    params: list[object] = []
    for i, column in enumerate(columns):
        value = key[i]
        if value is None:
            continue  # nothing sorts after NULL in this column (NULLs come last)
        parts: list[str] = []
        for earlier, earlier_value in zip(columns[:i], key[:i], strict=True):
            if earlier_value is None:
                parts.append(f'"{earlier}" IS NULL')
            else:
                parts.append(f'"{earlier}" = {p}')
                params.append(earlier_value)
        parts.append(f'("{column}" > {p} OR "{column}" IS NULL)')
        params.append(value)
        branches.append("(" + " AND ".join(parts) + ")")
    if not branches:
        return "FALSE", []
    # The leading column (never NULL) bounds the scan, so an index on the order can seek to the position.
    return f'"{columns[0]}" >= {p} AND (' + " OR ".join(branches) + ")", [key[0], *params]


def _clauses(shape: RecordShape, where: RecordFilter | None, dialect: Dialect,
             after: RecordKey | None) -> tuple[str, list[object]]:
    clauses, params = (where or RecordFilter())._conditions(shape, dialect)
    if after is not None:
        condition, extra = _after(shape, after, dialect.placeholder)
        clauses.append(condition)
        params.extend(extra)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _check_page(limit: int | None, offset: int) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise StoreError(f"invalid limit {limit!r}: expected a whole number, 0 or more")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise StoreError(f"invalid offset {offset!r}: expected a whole number, 0 or more")


def select_sql(shape: RecordShape, where: RecordFilter | None, dialect: Dialect, *,
               limit: int | None = None, offset: int = 0,
               after: RecordKey | None = None) -> tuple[str, list[object]]:
    """SELECT every stored column of the matching records in the stable order, after `after` (a key),
    skipping `offset` rows and returning at most `limit` (None: all)."""
    _check_page(limit, offset)
    # Rows of every column: the filter stays on the columns themselves, not the dyad keys. DuckDB then
    # evaluates it in the scan and reads the other columns for the rows of the page alone; through the
    # keys (a join) it read every column of every matching row first (1.4 s for a page of actor=USA over
    # 1 M events, against 0.1 s).
    clause, params = _clauses(shape, where, replace(dialect, dyad_keys=False), after)
    columns = ", ".join(f'"{c}"' for c in shape.stored_columns)
    query = f"SELECT {columns} FROM {shape.table} {clause} ORDER BY {ORDER[shape.table]}"
    if limit is not None:
        query += f" LIMIT {dialect.placeholder}"
        params.append(limit)
    if offset:
        query += f" OFFSET {dialect.placeholder}"
        params.append(offset)
    return query, params


def count_sql(shape: RecordShape, where: RecordFilter | None, dialect: Dialect, *,
              after: RecordKey | None = None) -> tuple[str, list[object]]:
    """SELECT count(*) of the matching records (after `after`, when given)."""
    clause, params = _clauses(shape, where, dialect, after)
    return f"SELECT count(*) FROM {shape.table} {clause}", params


def record_key(shape: RecordShape, row: dict[str, object]) -> RecordKey:
    """The position of a stored row (its order columns) in the stable order."""
    out: list[str | int | None] = []
    for column in ORDER_COLUMNS[shape.table]:
        value = row.get(column)
        if value is not None and not isinstance(value, str | int):
            value = str(value)
        out.append(value)
    return tuple(out)
