"""Parquet output for `quotetrack export`, through pyarrow (an optional dependency).

pyarrow is imported only when Parquet is asked for: it is large (~40 MB) and
only analysts moving data into pandas, Polars, DuckDB or Spark need it, so it is
the ``parquet`` extra, not a core dependency.  Rows are written in batches so a
large export never sits in memory whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quotetrack.errors import QuotetrackError
from quotetrack.records import ROW_KEYS

BATCH_ROWS = 50_000
_INT_KEYS = {"id", "claim"}


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the records (search rows) to a Parquet file; returns how many were written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise QuotetrackError(
            "Parquet export needs the pyarrow package, which is not installed",
            "install it with: pip install 'quotetrack[parquet]' (or export --format csv|jsonl)",
        ) from None
    schema = pa.schema([(k, pa.int64() if k in _INT_KEYS else pa.string()) for k in ROW_KEYS])
    count = 0
    try:
        with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for record in records:
                batch.append(record)
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
