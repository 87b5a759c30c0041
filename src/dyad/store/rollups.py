"""Summary tables of the events, kept up to date by the writers the way a materialised view would be.

A rollup holds, for every distinct combination of a few event columns (its key), the number of events,
their summed Goldstein weight and how many of them have one. Its dates are the events' `date_first` and
`date_last` truncated to the first day of their month (or year): under those names, so that a condition
or a bucket written for the events reads the rollup unchanged. That is exact for every range whose ends
fall on the period's boundaries (`since=2019&until=2019`, `since=2021-03`) and for month and year
buckets: a date compares with the first or last day of a month as the first day of its own month does,
and `contained_bucket` reads only the month (year) of each end. `dyad.store.aggregate.EventGroups` is
served from the smallest rollup that holds every column a query reads (`Dialect.rollups`); any other
query (an actor filter, a day bucket, a range that starts mid-month) reads the events.

Why months and not days: at 10 M synthetic events over 27 years (docs/BENCHMARKS.md) a day key with the
country pair, CAMEO root and factuality leaves almost one row per event (945,000 rows for 1 M events);
by month the same key without the root is 1.2 M rows for 10 M events, and without the countries 21,000.

The writers keep every rollup in the transaction that writes or deletes events (`upsert_sql`): the
events of a replaced article are subtracted before they are deleted, the events written are added after
they are inserted, and rows left with no events are removed; migration 0007_event_rollups fills the
rollups of an existing store. Each row has a text key (`"key"`: its key columns joined, NULL marked) as
its primary key, so that an upsert finds it on both backends although the key columns may be NULL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dyad.store.filters import RecordFilter

Period = Literal["month", "year"]
#: The buckets a rollup of a period can serve (a week or a day straddles or splits a month).
PERIOD_BUCKETS: dict[str, tuple[str, ...]] = {"month": ("month", "year"), "year": ("year",)}
#: The columns every rollup keeps (besides its key columns).
MEASURES = ("events", "goldstein", "goldstein_n")
_DATES = ("date_first", "date_last")
_TYPES = {"quad_class": "INTEGER"}


@dataclass(frozen=True)
class Rollup:
    """A summary table: events counted per `period`-truncated dates and the `columns`' values."""

    table: str
    period: Period
    columns: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return (*_DATES, *self.columns)

    def key_expressions(self) -> list[str]:
        """SQL for each key column of an event row (the dates truncated), named as the column."""
        dates = [f'CAST(date_trunc(\'{self.period}\', "{c}") AS DATE) AS "{c}"' for c in _DATES]
        return [*dates, *(f'"{c}"' for c in self.columns)]

    def create_sql(self, text: str, real: str) -> str:
        """CREATE TABLE in a backend's types: its `text` type (with collation) and double type."""
        kinds = {**dict.fromkeys(_DATES, "DATE"), **{c: _TYPES.get(c, text) for c in self.columns}}
        columns = ", ".join(f'"{c}" {kinds[c]}' for c in self.keys)
        return (f'CREATE TABLE {self.table} ("key" {text} PRIMARY KEY, {columns}, "events" BIGINT NOT NULL, '
                f'"goldstein" {real} NOT NULL, "goldstein_n" BIGINT NOT NULL)')

    def upsert_sql(self, source: str, where: str = "", sign: int = 1) -> str:
        """Add (`sign` 1) or subtract (-1) the events of `source` (a table or view with the events'
        columns) under `where` (a WHERE clause or empty) to the rollup's rows, creating rows it lacks."""
        if sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1, not {sign}")
        names = ", ".join(f'"{c}"' for c in self.keys)
        text_key = " || chr(31) || ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), chr(30))" for c in self.keys)
        m = "" if sign == 1 else "-"
        rows = (f'SELECT {", ".join(self.key_expressions())}, "goldstein" FROM {source} {where}')
        return (f'INSERT INTO {self.table} ("key", {names}, {", ".join(MEASURES)}) '
                f'SELECT {text_key}, {names}, {m}count(*), {m}coalesce(sum("goldstein"), 0), {m}count("goldstein") '
                f"FROM ({rows}) AS e GROUP BY {names} ORDER BY 1 "
                f'ON CONFLICT ("key") DO UPDATE SET "events" = {self.table}."events" + excluded."events", '
                f'"goldstein" = {self.table}."goldstein" + excluded."goldstein", '
                f'"goldstein_n" = {self.table}."goldstein_n" + excluded."goldstein_n"')

    def prune_sql(self) -> str:
        """Remove the rows left with no events (a subtraction's)."""
        return f'DELETE FROM {self.table} WHERE "events" = 0'

    def serves(self, where: RecordFilter, columns: set[str], buckets: set[str]) -> bool:
        """Whether this rollup answers exactly a query under `where` that reads `columns` of the events
        and groups by `buckets` (contained buckets of the dates)."""
        if (where.article_ids or where.actor is not None or where.source is not None
                or where.target is not None or where.pair is not None or where.text is not None
                or (where.cameo is not None and len(where.cameo) > 2)):
            return False
        needed = set(columns)
        if where.cameo_root is not None or where.cameo is not None:
            needed.add("cameo_root")
        if where.quad_classes:
            needed.add("quad_class")
        if where.factuality is not None:
            needed.add("factuality")
        if where.country is not None:
            needed.update(("source_country", "target_country"))
        since, until = where.date_range()
        return (needed <= set(self.keys) and buckets <= set(PERIOD_BUCKETS[self.period])
                and (since is None or since == period_start(since, self.period))
                and (until is None or until + timedelta(days=1) == period_start(until + timedelta(days=1),
                                                                                 self.period)))


def period_start(day: date, period: Period) -> date:
    """The first day of the month or year a day falls in."""
    return day.replace(day=1) if period == "month" else date(day.year, 1, 1)


#: The rollups every store keeps (migration 0007_event_rollups), smallest first: the first that serves a
#: query answers it. Both hold the quad class (every aggregate counts per quad class).
ROLLUPS: tuple[Rollup, ...] = (
    Rollup("event_months", "month", ("factuality", "quad_class", "cameo_root")),
    Rollup("event_country_months", "month", ("factuality", "quad_class", "source_country", "target_country")),
)
