"""Which events and quotes to read from a store: one filter object, turned into a SQL WHERE clause.

Backend-independent: the placeholder style is a parameter (`?` for DuckDB, `%s` for psycopg).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dyad.document import Factuality
from dyad.errors import StoreError
from dyad.store.rows import EVENTS, QUOTES, RecordShape, date_bounds

_CAMEO_ROOT = re.compile(r"^\d{2}$")


@dataclass(frozen=True)
class RecordFilter:
    """Conditions on records; each one left at None (or empty) does not filter.

    - `article_ids`: records of these articles only.
    - `since`, `until`: ISO dates at any precision, both inclusive (`until="2021-03"` runs to 31 March).
      A record is kept when the period its own date covers overlaps the range (an event dated `2021-03`
      is inside `since="2021-03-15"`); records without a date are left out once either bound is given.
    - `actor`: a CAMEO actor code (`RUSGOV`) or a country code (`RUS`), matched exactly against the actor
      code or the country of either side of an event, or of the speaker.
    - `country`: a country or organisation code (`RUS`, `NATO`), matched against the country of either
      side, or the speaker's, only.
    - `cameo_root`: the first two digits of the CAMEO code (`"16"`); events only.
    - `factuality`: `actual`, `possible` or `negated`; events only.

    Conditions that do not apply to a kind of record (CAMEO root, factuality for quotes) are ignored for it.
    """

    article_ids: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    cameo_root: str | None = None
    factuality: str | None = None

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
    ) -> RecordFilter:
        """A validated filter from loose values (what a CLI or a web request hands over)."""
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
        if factuality is not None:
            allowed = [f.value for f in Factuality]
            if factuality not in allowed:
                raise StoreError(f"invalid factuality filter {factuality!r}: "
                                 f"expected one of {', '.join(allowed)}")
        built = cls(
            article_ids=ids,
            since=since.isoformat() if isinstance(since, date) else since,
            until=until.isoformat() if isinstance(until, date) else until,
            actor=actor or None,
            country=country or None,
            cameo_root=root,
            factuality=factuality,
        )
        built.date_range()  # validates the bounds now rather than at query time
        return built

    def date_range(self) -> tuple[date | None, date | None]:
        """The first day of `since` and the last day of `until`."""
        since = date_bounds(self.since)
        until = date_bounds(self.until)
        return (since[0] if since else None, until[1] if until else None)

    def where(self, shape: RecordShape, placeholder: str = "?") -> tuple[str, list[object]]:
        """A WHERE clause (with the keyword, or empty) and its parameters for a table of `shape`."""
        clauses: list[str] = []
        params: list[object] = []
        if self.article_ids:
            clauses.append(f'"article_id" IN ({", ".join(placeholder for _ in self.article_ids)})')
            params.extend(self.article_ids)
        since, until = self.date_range()
        if since is not None:
            clauses.append(f'"date_last" >= {placeholder}')
            params.append(since)
        if until is not None:
            clauses.append(f'"date_first" <= {placeholder}')
            params.append(until)
        for value, fields in ((self.actor, ("actor", "country")), (self.country, ("country",))):
            if value is None:
                continue
            columns = [f"{slot}_{field}" for slot in shape.actor_slots for field in fields]
            clauses.append("(" + " OR ".join(f'"{c}" = {placeholder}' for c in columns) + ")")
            params.extend(value for _ in columns)
        if shape is EVENTS:
            if self.cameo_root is not None:
                clauses.append(f'"cameo_root" = {placeholder}')
                params.append(self.cameo_root)
            if self.factuality is not None:
                clauses.append(f'"factuality" = {placeholder}')
                params.append(self.factuality)
        elif shape is not QUOTES:
            raise StoreError(f"no filter defined for table {shape.table!r}")
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


#: The order records are read in: stable across runs and backends (ties broken by position in the article).
ORDER = {
    "events": '"article_id", "sentence_index", "trigger_start", "cameo", "event_index"',
    "quotes": '"article_id", "sentence_index", "start", "quote_index"',
    "mentions": '"article_id", "mention_index"',
}
