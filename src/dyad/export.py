"""Export events and quotes from a store as JSONL, CSV or Parquet.

- JSONL: one record a line in the FORMAT.md shape (actor slots as nested objects).
- CSV and Parquet: one flat row per record; each actor slot spread over four columns (`source_name`,
  `source_actor`, `source_country`, `source_id`), then a last `extra` column holding, as JSON text, any field
  the store keeps that has no column yet (empty when none).

Rows come in a stable order (article id, sentence index, trigger or quote offset, CAMEO code, position in
the article), so exporting the same store twice gives the same bytes. A file is written next to its target
and moved into place when complete, so a failed export never leaves half a file; `-` writes JSONL or CSV to
standard output.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.errors import StoreError
from dyad.grouping import group_events
from dyad.standard_columns import COLUMN_SETS, GROUP_COLUMNS, Column, Context, column_set
from dyad.standard_columns import row as standard_row
from dyad.store import RecordFilter, Store
from dyad.store.rows import EVENTS, QUOTES, RecordShape, export_columns, flat_record

ExportFormat = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

_PARQUET_BATCH = 5000
_ARROW_TYPES: dict[str, pa.DataType] = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}


def export(
    store: Store,
    events_path: str | os.PathLike[str] | None = None,
    quotes_path: str | os.PathLike[str] | None = None,
    fmt: str = "jsonl",
    *,
    article_id: str | Iterable[str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    actor: str | None = None,
    country: str | None = None,
    cameo_root: str | int | None = None,
    factuality: str | None = None,
    date_overlap: str | None = None,
    columns: str = "dyad",
    grouped: bool = False,
) -> dict[str, int]:
    """Write the events and/or quotes of a store that pass the filters (see `dyad.store.RecordFilter`).

    Returns how many rows each file got: `{"events": n, "quotes": n}` (only the kinds asked for).

    `columns` names the column set of the events file: `dyad` (the store's own columns), or `icews`,
    `polecat`, `gdelt` (those datasets' names and conventions, `dyad.standard_columns`, docs/EXPORTS.md).
    `grouped` writes one row per event, not per report: the group's representative report with
    `group_id`, `num_reports`, `num_articles`, `num_sources` (`dyad.grouping`).

    Filters that concern events only (CAMEO root, factuality) do not narrow the quotes; the others apply
    to quotes through the speaker and the quote's date.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; formats are {', '.join(FORMATS)}")
    if events_path is None and quotes_path is None:
        raise StoreError("nothing to export: give a file for events, quotes or both")
    if columns not in COLUMN_SETS:
        raise StoreError(f"unknown column set {columns!r}; sets are {', '.join(COLUMN_SETS)}")
    where = RecordFilter.build(article_id=article_id, since=since, until=until, actor=actor, country=country,
                               cameo_root=cameo_root, factuality=factuality, date_overlap=date_overlap)
    counts: dict[str, int] = {}
    for shape, path in ((EVENTS, events_path), (QUOTES, quotes_path)):
        if path is None:
            continue
        if shape is EVENTS and (columns != "dyad" or grouped):
            counts["events"] = write_event_table(store, where, path, fmt, columns=columns, grouped=grouped)
            continue
        batches = getattr(store, "record_batches", None)
        if fmt == "parquet" and batches is not None and os.fspath(path) != "-":
            counts[shape.table] = write_parquet_batches(batches(shape, where), shape, path)
        else:
            records = store.events(where) if shape is EVENTS else store.quotes(where)
            counts[shape.table] = write_records(records, shape, path, fmt)
    return counts


def write_event_table(store: Store, where: RecordFilter, path: str | os.PathLike[str], fmt: str, *,
                      columns: str = "dyad", grouped: bool = False) -> int:
    """Write events in a standard column set and/or grouped (see `export`); returns the rows written.

    Grouping needs every matching event at once, so these exports hold the events in memory."""
    records = list(store.events(where))
    context = Context(articles=store.article_sources(), actor_names=store.actor_names())
    if grouped or columns == "gdelt":
        groups = group_events(records, context.articles)
        context.groups = {r["event_id"]: g for g in groups for r in g.reports}
        if grouped:
            records = [g.representative for g in groups]
    if columns == "dyad":
        spec = [Column(c, EVENTS.kind(c), lambda r, _context: None) for c in export_columns(EVENTS)]
    else:
        spec = list(column_set(columns))
    if grouped:
        spec += GROUP_COLUMNS
    target = os.fspath(path)
    if fmt == "jsonl" and columns == "dyad":
        dicts: Iterable[dict[str, Any]] = ({**r, **standard_row(r, GROUP_COLUMNS, context)} if grouped else r
                                           for r in records)
    elif columns == "dyad":
        dicts = ({**flat_record(r, EVENTS), **(standard_row(r, GROUP_COLUMNS, context) if grouped else {})}
                 for r in records)
    else:
        dicts = (standard_row(r, spec, context) for r in records)
    if fmt == "parquet":
        if target == "-":
            raise StoreError("Parquet cannot be written to standard output; give a file name")
        schema = pa.schema([(c.name, _ARROW_TYPES[c.kind]) for c in spec])
        rows = list(dicts)
        with _atomic(Path(target), binary=True) as stream, pq.ParquetWriter(stream, schema) as writer:
            writer.write_table(pa.table({c.name: [r[c.name] for r in rows] for c in spec}, schema=schema))
        return len(rows)

    def write(stream: IO[str]) -> int:
        count = 0
        if fmt == "csv":
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow([c.name for c in spec])
            for item in dicts:
                writer.writerow([_csv_value(item[c.name]) for c in spec])
                count += 1
        else:
            for item in dicts:
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
                count += 1
        return count

    if target == "-":
        return write(sys.stdout)
    with _atomic(Path(target), binary=False) as stream:
        return write(stream)


def write_parquet_batches(batches: Iterable[pa.RecordBatch], shape: RecordShape,
                          path: str | os.PathLike[str]) -> int:
    """Write stored rows (Arrow batches of a table's stored columns, in the stable order) as a flat Parquet
    export: the same columns, types and values as `write_records` gives, one batch in memory at a time."""
    schema = arrow_schema(shape)
    count = 0
    with _atomic(Path(os.fspath(path)), binary=True) as stream, pq.ParquetWriter(stream, schema) as writer:
        for batch in batches:
            table = pa.Table.from_batches([batch]).select(list(schema.names)).cast(schema)
            writer.write_table(table)
            count += batch.num_rows
    return count


def write_records(records: Iterable[dict[str, Any]], shape: RecordShape, path: str | os.PathLike[str],
                  fmt: str) -> int:
    """Write records of one shape to a file (or `-`) in a format; returns how many were written."""
    target = os.fspath(path)
    if fmt == "parquet":
        if target == "-":
            raise StoreError("Parquet cannot be written to standard output; give a file name")
        with _atomic(Path(target), binary=True) as stream:
            return _write_parquet(records, shape, stream)
    writer = _write_jsonl if fmt == "jsonl" else _write_csv
    if target == "-":
        return writer(records, shape, sys.stdout)
    with _atomic(Path(target), binary=False) as stream:
        return writer(records, shape, stream)


@contextmanager
def _atomic(path: Path, *, binary: bool) -> Iterator[Any]:
    """A stream to a temporary file beside `path`, moved over `path` once everything is written."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if binary:
            with open(temporary, "wb") as binary_stream:
                yield binary_stream
        else:
            with open(temporary, "w", encoding="utf-8", newline="") as text_stream:
                yield text_stream
        os.replace(temporary, path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write the export: {exc}", source=str(path)) from exc
        raise


def _write_jsonl(records: Iterable[dict[str, Any]], shape: RecordShape, stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    return "" if value is None else value


def _write_csv(records: Iterable[dict[str, Any]], shape: RecordShape, stream: IO[str]) -> int:
    columns = export_columns(shape)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for record in records:
        row = flat_record(record, shape)
        writer.writerow([_csv_value(row[c]) for c in columns])
        count += 1
    return count


def arrow_schema(shape: RecordShape) -> pa.Schema:
    """The Parquet schema of a flat export: a fixed column set, so an empty export still has its columns."""
    return pa.schema([(c, _ARROW_TYPES[shape.kind(c)]) for c in export_columns(shape)])


def _write_parquet(records: Iterable[dict[str, Any]], shape: RecordShape, stream: IO[bytes]) -> int:
    schema = arrow_schema(shape)
    columns = export_columns(shape)
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(flat_record(record, shape))
            count += 1
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(_table(batch, columns, schema))
                batch = []
        if batch:
            writer.write_table(_table(batch, columns, schema))
    return count


def _table(rows: list[dict[str, Any]], columns: Iterable[str], schema: pa.Schema) -> pa.Table:
    return pa.table({c: [row[c] for row in rows] for c in columns}, schema=schema)

