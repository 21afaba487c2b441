"""`quotetrack export`: every matching quote, with its claim, as CSV, JSON lines or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from quotetrack import service
from quotetrack.cli.base import app, friendly, plural, settings_of, stderr
from quotetrack.cli.filters import (
    AttributionOption,
    KindOption,
    OutletOption,
    RoleOption,
    SinceOption,
    SpeakerOption,
    TextOption,
    UntilOption,
    make_filter,
)
from quotetrack.cli.search import note_undated
from quotetrack.errors import QuotetrackError, UsageError
from quotetrack.exporting import write_parquet
from quotetrack.records import ROW_KEYS, row_record


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
@friendly
def export(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="csv (with a header), jsonl (one object per line) or parquet (needs pyarrow: "
            "pip install 'quotetrack\\[parquet]').",
            case_sensitive=False,
        ),
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-O",
            metavar="FILE",
            help="Write to this file instead of standard output (required for parquet).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    speaker: SpeakerOption = None,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    role: RoleOption = None,
    attribution: AttributionOption = None,
) -> None:
    """Write quotes with speaker, role, dates, outlet, URL and claim id, oldest first, for analysis elsewhere.

    Takes the same filters as `quotetrack search`; with none, exports everything.
    """
    filters = make_filter(
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        outlet=outlet,
        kinds=kind,
        role=role,
        attributions=attribution,
    )
    if output_format is ExportFormat.parquet and output is None:
        raise UsageError("parquet is a binary format", "pass --output FILE.parquet")
    records = (row_record(r) for r in service.export(settings_of(ctx), filters))
    if output_format is ExportFormat.parquet:
        assert output is not None
        count = write_parquet(records, output)
    elif output is None:
        count = _write_text(records, output_format, sys.stdout)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = _write_text(records, output_format, handle)
        except OSError as e:
            raise QuotetrackError(f"cannot write {output}: {e.strerror}", "choose a writable path") from None
    where = str(output) if output else "standard output"
    stderr().print(f"Exported {count} {plural(count, 'quote')} to {where}.")
    note_undated(ctx, filters)


def _write_text(records: Iterator[dict[str, Any]], output_format: ExportFormat, handle: IO[str]) -> int:
    count = 0
    if output_format is ExportFormat.csv:
        writer = csv.DictWriter(handle, fieldnames=list(ROW_KEYS), lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow(r)
            count += 1
    else:
        for r in records:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
            count += 1
    return count
