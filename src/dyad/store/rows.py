"""Records (the nested dicts of `dyad.records`) as flat table rows, and back.

The store keeps one column per record field; the actor slots (`source`, `target`, `speaker`) become four
columns each (`source_name`, `source_actor`, `source_country`, `source_id`). A field that `dyad.records`
adds later and that has no column yet is kept in the `extra` JSON column, so nothing a record holds is
lost before a migration gives it a column of its own. This module is backend-independent: the DuckDB
store and a later PostgreSQL store share it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from dyad.document import PartialDate
from dyad.errors import DateError
from dyad.records import event_id

#: The keys of an actor slot in a record (`ActorRef.to_dict`).
ACTOR_KEYS: tuple[str, ...] = ("name", "actor", "country", "id")
#: The keys of a place slot in a record (`Place.to_dict`).
PLACE_KEYS: tuple[str, ...] = ("name", "country", "lat", "lon")

ColumnKind = Literal["str", "int", "float"]


@dataclass(frozen=True)
class RecordShape:
    """One kind of record: its keys in record order, which of them are actor slots, and column kinds."""

    table: str
    index_column: str  # position of the record within its article, part of the primary key
    record_keys: tuple[str, ...]
    actor_slots: tuple[str, ...]
    kinds: Mapping[str, ColumnKind]  # kind of every flat column; columns not listed are strings
    dated: bool  # whether the record has a `date` field (and date_first/date_last columns)
    place_slots: tuple[str, ...] = ()  # slots holding a place (`PLACE_KEYS`), spread like actor slots

    @property
    def slots(self) -> tuple[str, ...]:
        """Every nested slot: actors, then places."""
        return (*self.actor_slots, *self.place_slots)

    def slot_keys(self, slot: str) -> tuple[str, ...]:
        """The keys of a slot's object (and so the suffixes of its columns)."""
        return PLACE_KEYS if slot in self.place_slots else ACTOR_KEYS

    @property
    def flat_columns(self) -> tuple[str, ...]:
        """The flat columns in record order: what CSV and Parquet exports hold (before `extra`)."""
        out: list[str] = []
        for key in self.record_keys:
            if key in self.slots:
                out.extend(f"{key}_{sub}" for sub in self.slot_keys(key))
            else:
                out.append(key)
        return tuple(out)

    @property
    def stored_columns(self) -> tuple[str, ...]:
        """Every column of the table, in table order."""
        derived: tuple[str, ...] = ("date_first", "date_last") if self.dated else ()
        if self.table == "events":
            derived = ("cameo_root", *derived)
        index: tuple[str, ...] = () if self.index_column in self.flat_columns else (self.index_column,)
        return (*index, *self.flat_columns, *derived, "extra")

    def kind(self, column: str) -> ColumnKind:
        return self.kinds.get(column, "str")


EVENTS = RecordShape(
    table="events",
    index_column="event_index",
    record_keys=(
        "event_id", "article_id", "sentence", "sentence_index", "sentence_start", "sentence_end", "source",
        "target", "cameo", "quad_class", "goldstein", "plover", "factuality", "date", "date_rule", "trigger",
        "trigger_start", "trigger_end", "rule", "confidence", "language", "place",
    ),
    actor_slots=("source", "target"),
    kinds={
        "event_index": "int", "sentence_index": "int", "sentence_start": "int", "sentence_end": "int",
        "quad_class": "int", "goldstein": "float", "trigger_start": "int", "trigger_end": "int",
        "confidence": "float", "place_lat": "float", "place_lon": "float",
    },
    dated=True,
    place_slots=("place",),
)

QUOTES = RecordShape(
    table="quotes",
    index_column="quote_index",
    record_keys=(
        "article_id", "speaker", "text", "kind", "cue", "start", "end", "sentence", "sentence_index", "date",
        "rule", "confidence", "language",
    ),
    actor_slots=("speaker",),
    kinds={
        "quote_index": "int", "start": "int", "end": "int", "sentence_index": "int", "confidence": "float",
    },
    dated=True,
)

MENTIONS = RecordShape(
    table="mentions",
    index_column="mention_index",
    record_keys=(
        "article_id", "mention_index", "text", "start", "end", "sentence_index", "actor_id", "actor",
        "actor_name", "country", "role", "kind", "confidence", "rule",
    ),
    actor_slots=(),
    kinds={
        "mention_index": "int", "start": "int", "end": "int", "sentence_index": "int", "confidence": "float",
    },
    dated=False,
)


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last calendar day an ISO date at any precision covers (`2021-03` -> 1 to 31 March).

    Accepts what records hold: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a timestamp, or an ISO week `YYYY-Www`.
    None for None; `DateError` for anything else.
    """
    if value is None:
        return None
    text = value.strip()
    if len(text) == 8 and text[4:6] == "-W" and text[:4].isdigit() and text[6:].isdigit():
        try:
            monday = date.fromisocalendar(int(text[:4]), int(text[6:]), 1)
        except ValueError as exc:
            raise DateError(f"invalid ISO week {value!r}: {exc}") from exc
        return monday, monday + timedelta(days=6)
    parsed = PartialDate.parse(text)
    first = parsed.first_day()
    if parsed.day is not None:
        return first, first
    if parsed.month is not None:
        following = date(parsed.year + (parsed.month == 12), parsed.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return first, date(parsed.year, 12, 31)


def flatten(record: Mapping[str, Any], shape: RecordShape, index: int) -> dict[str, Any]:
    """A record as a row of `shape.stored_columns` (the `extra` column as JSON text or None)."""
    row: dict[str, Any] = {shape.index_column: index}
    extra: dict[str, Any] = {}
    known = set(shape.record_keys)
    for key, value in record.items():
        if key in shape.slots:
            slot = value or {}
            keys = shape.slot_keys(key)
            for sub in keys:
                row[f"{key}_{sub}"] = slot.get(sub)
            for sub, sub_value in slot.items():
                if sub not in keys:
                    extra[f"{key}.{sub}"] = sub_value
        elif key in known:
            row[key] = value
        else:
            extra[key] = value
    for column in shape.flat_columns:
        row.setdefault(column, None)
    if shape.dated:
        bounds = date_bounds(row.get("date"))
        row["date_first"], row["date_last"] = bounds if bounds else (None, None)
    if shape.table == "events":
        cameo = row.get("cameo")
        row["cameo_root"] = cameo[:2] if isinstance(cameo, str) else None
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def unflatten(row: Mapping[str, Any], shape: RecordShape) -> dict[str, Any]:
    """A stored row as the record it was made from (FORMAT.md shape: actor slots nested)."""
    extra: dict[str, Any] = json.loads(row["extra"]) if row.get("extra") else {}
    record: dict[str, Any] = {}
    for key in shape.record_keys:
        if key in shape.slots:
            values = {sub: row.get(f"{key}_{sub}") for sub in shape.slot_keys(key)}
            slot_extra = {k.split(".", 1)[1]: v for k, v in extra.items() if k.startswith(f"{key}.")}
            if all(v is None for v in values.values()) and not slot_extra:
                record[key] = None
            else:
                record[key] = {**values, **slot_extra}
        else:
            record[key] = row.get(key)
    for key, value in extra.items():
        if not any(key.startswith(f"{slot}.") for slot in shape.slots):
            record[key] = value
    return record


#: The columns migration 0004 added to `events`, with their kinds (the stable id, and the place slot).
EVENT_ID_PLACE_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("event_id", "str"), ("place_name", "str"), ("place_country", "str"), ("place_lat", "float"),
    ("place_lon", "float"),
)

#: The stored columns an event's id is computed from (`stored_event_id`).
EVENT_ID_SOURCE_COLUMNS: tuple[str, ...] = (
    "article_id", "event_index", "sentence_index", "trigger_start", "trigger_end", "cameo", "source_actor",
    "source_country", "target_actor", "target_country",
)


def stored_event_id(row: Mapping[str, Any]) -> str:
    """The id (`dyad.records.event_id`) of a stored event row, from its `EVENT_ID_SOURCE_COLUMNS`: what
    migration 0004 gives the rows stored before ids existed (the same id a re-ingest gives them)."""
    return event_id(row["article_id"], row["sentence_index"], row["trigger_start"], row["trigger_end"],
                    row["cameo"], row["source_actor"] or row["source_country"],
                    row["target_actor"] or row["target_country"])


def flat_record(record: Mapping[str, Any], shape: RecordShape) -> dict[str, Any]:
    """A record with its actor slots spread over columns, for CSV and Parquet (plus `extra` as JSON text)."""
    row = flatten(record, shape, 0)
    out = {column: row[column] for column in shape.flat_columns}
    out["extra"] = row["extra"]
    return out


def export_columns(shape: RecordShape) -> Sequence[str]:
    """The columns of a flat (CSV, Parquet) export."""
    return (*shape.flat_columns, "extra")
