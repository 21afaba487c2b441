"""Parquet output for `quotetrack export`, through pyarrow (an optional dependency).

pyarrow is imported only when Parquet is asked for: it is large (~40 MB) and
only analysts moving data into pandas, Polars, DuckDB or Spark need it, so it is
the ``parquet`` extra, not a core dependency.  Rows are written in batches so a
large export never sits in memory whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from quotetrack.errors import QuotetrackError
from quotetrack.records import DATE_KEYS, INT_KEYS, RECORD_KEYS

BATCH_ROWS = 50_000


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the records (`RECORD_KEYS`) to a Parquet file, days as dates and the publication time
    as a timestamp with its offset; returns how many were written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise QuotetrackError(
            "Parquet export needs the pyarrow package, which is not installed",
            "install it with: pip install 'quotetrack[parquet]' (or export --format csv|jsonl)",
        ) from None
    schema = pa.schema([(k, _type(pa, k)) for k in RECORD_KEYS])
    count = 0
    try:
        with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for record in records:
                batch.append(_typed(record))
                if len(batch) >= BATCH_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count += len(batch)
                    batch = []
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    except OSError as e:
        raise QuotetrackError(f"cannot write {path}: {e}", "choose a writable path") from None
    return count


def _type(pa: Any, key: str) -> Any:
    """The Parquet type of a record key: ids and offsets int64, days date32, the time a timestamp."""
    if key in INT_KEYS:
        return pa.int64()
    if key in DATE_KEYS:
        return pa.date32()
    if key == "published_at":
        return pa.timestamp("s", tz="+09:00")
    return pa.string()


def _typed(record: dict[str, Any]) -> dict[str, Any]:
    """The record's ISO strings as the dates and times pyarrow writes as such."""
    out = dict(record)
    for key in DATE_KEYS:
        if out[key] is not None:
            out[key] = date.fromisoformat(out[key])
    if out["published_at"] is not None:
        out["published_at"] = datetime.fromisoformat(out["published_at"])
    return out
