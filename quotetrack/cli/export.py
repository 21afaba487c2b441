"""`quotetrack export`: every matching quote, with its claim, as CSV, JSON lines or Parquet."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

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
    describe,
    make_filter,
    note_undated,
)
from quotetrack.cli.output import SUFFIXES, FileFormat, Format, nothing_found, write_rows
from quotetrack.errors import QuotetrackError, UsageError
from quotetrack.exporting import write_parquet
from quotetrack.records import ROW_KEYS, row_record


@app.command()
@friendly
def export(
    ctx: typer.Context,
    output_format: Annotated[
        FileFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv (with a header), tsv (one row per line), json (an array), jsonl (one object per "
            "line) or parquet (needs pyarrow: pip install 'quotetrack\\[parquet]').",
            case_sensitive=False,
            show_default="from the --output suffix, else csv",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of standard output (required for parquet); its suffix "
            "(.csv, .tsv, .json, .jsonl, .parquet) picks the format when --format is not given.",
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
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=0, help="Write at most this many quotes; 0 (the default) writes all."
        ),
    ] = None,
) -> None:
    """Write quotes with speaker, role, dates, outlet, URL and claim id, oldest first, for analysis elsewhere.

    Takes the same filters as `quotetrack search`; with none, exports everything.
    Exits with 1 when no quote matched (the file then holds only a header).
    """
    filters = make_filter(
        settings_of(ctx),
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        outlet=outlet,
        kinds=kind,
        role=role,
        attributions=attribution,
    )
    fmt = _export_format(output_format, output)
    if fmt is Format.parquet and output is None:
        raise UsageError("parquet is a binary format", "pass --output FILE.parquet")
    records: Iterator[dict[str, Any]] = (row_record(r) for r in service.export(settings_of(ctx), filters))
    # the first row is fetched before anything is written: a bad filter (an unknown speaker)
    # is an error with no header printed and no file left behind
    first = next(records, None)
    records = itertools.chain([first] if first is not None else [], records)
    if limit:
        records = itertools.islice(records, limit)
    if fmt is Format.parquet:
        assert output is not None
        count = write_parquet(records, output)
    elif output is None:
        count = write_rows(records, fmt, columns=ROW_KEYS)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = write_rows(records, fmt, columns=ROW_KEYS, handle=handle)
        except OSError as e:
            raise QuotetrackError(f"cannot write {output}: {e.strerror}", "choose a writable path") from None
    if count == 0:
        nothing_found(f"No quotes found for {describe(filters)}.")
    where = str(output) if output else "standard output"
    stderr().print(f"Exported {count} {plural(count, 'quote')} to {where}.")
    note_undated(ctx, filters)


def _export_format(chosen: FileFormat | None, output: Path | None) -> Format:
    """--format, else the output file's suffix, else CSV (what a spreadsheet opens)."""
    if chosen is not None:
        return Format(chosen.value)
    if output is not None and output.suffix.lower() in SUFFIXES:
        return SUFFIXES[output.suffix.lower()]
    return Format.csv
