"""How every read command's rows leave the program: one set of format names, files, exit codes.

The grammar (issue 14) is the same in every command, so an analyst learns it once:

- ``--format/-f``: ``table`` for people; ``json`` (an array), ``jsonl`` (one object a
  line), ``csv`` (a header and rows) and ``tsv`` (one row a line, no header) for
  programs; ``parquet`` where a file is written.  Each command takes the subset that
  makes sense for it (a one-quote report has no CSV), spelled the same everywhere.
- Without ``--format``, a terminal gets the table and a pipe gets TSV, so
  ``search … | wc -l`` counts quotes and ``| grep`` sees whole rows (gh does the same).
- ``-o/--output FILE`` wherever a command writes a file; the file's suffix picks the
  format when ``--format`` is not given.
- Exit codes: 0 when something was found, 1 when nothing matched (a message on stderr
  says what was looked for, as grep's exit status does) or the command failed, 2 for a
  usage error.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import IO, Annotated, Any, NoReturn

import typer

from quotetrack.cli.base import stderr, stdout
from quotetrack.errors import UsageError


class Format(StrEnum):
    """Every format name any command takes (each command offers a subset, as its own enum)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"


class RowsFormat(StrEnum):
    """``--format`` of the commands that list rows (search, claims, changes, speakers list)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class ReportFormat(StrEnum):
    """``--format`` of the commands that print one report (show, timeline, stats, speakers show)."""

    table = "table"
    json = "json"


class LinedReportFormat(StrEnum):
    """``--format`` of the reports whose tables a pipe takes one row a line (show, timeline, stats)."""

    table = "table"
    json = "json"
    tsv = "tsv"


class FileFormat(StrEnum):
    """``--format`` of `export`, whose output is a file (or standard output) for other programs."""

    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


RowsFormatOption = Annotated[
    RowsFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json (an array), jsonl (one object per line), csv (with a header) or "
        "tsv (one row per line) for programs.",
        case_sensitive=False,
        show_default="table on a terminal, else tsv",
    ),
]
ReportFormatOption = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help="table for people; json for programs.", case_sensitive=False),
]
LinedReportFormatOption = Annotated[
    LinedReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json for programs; tsv (one row per line: the tables' rows, no box) "
        "for grep and wc.",
        case_sensitive=False,
        show_default="table on a terminal, else tsv",
    ),
]


class Period(StrEnum):
    """``--by`` of stats and timeline: the unit of the counts chart."""

    year = "year"
    month = "month"


PeriodOption = Annotated[
    Period | None,
    typer.Option(
        "--by",
        help="Count per year or per month.",
        case_sensitive=False,
        show_default="month for up to three years, else year",
    ),
]

DEFAULT_TABLE_LIMIT = 100
"""Rows a table shows unless --limit says otherwise; machine formats get every row by default."""

LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        min=0,
        help=f"Show at most this many rows; 0 shows all (default: {DEFAULT_TABLE_LIMIT} in a table, "
        "all in json, jsonl, csv and tsv).",
        show_default=False,
    ),
]

SUFFIXES = {
    ".csv": Format.csv,
    ".tsv": Format.tsv,
    ".tab": Format.tsv,
    ".json": Format.json,
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".parquet": Format.parquet,
}
"""The format an --output file's suffix asks for when --format is not given (export)."""


def rows_format(chosen: StrEnum | None) -> Format:
    """The format to write: the one asked for, else table on a terminal and TSV in a pipe (whole
    rows for grep, one line each for wc -l).  Every command that draws a table decides so."""
    if chosen is not None:
        return Format(chosen.value)
    return Format.table if stdout().is_terminal else Format.tsv


def row_limit(limit: int | None, fmt: Format) -> int | None:
    """The rows to fetch: --limit when given (0 is all), else a page for a table, else all."""
    if limit is None:
        return DEFAULT_TABLE_LIMIT if fmt is Format.table else None
    return limit if 0 < limit < ALL_ROWS else None


ALL_ROWS = 10**12
"""A --limit this high means every row: more than any database holds, and far below the 64-bit
integers SQL takes (a larger one would overflow binding it)."""


def write_rows(
    records: Iterable[dict[str, Any]],
    fmt: Format,
    *,
    columns: Sequence[str],
    tsv_columns: Sequence[str] | None = None,
    handle: IO[str] | None = None,
) -> int:
    """Records as JSON, JSON lines, CSV (`columns`, with a header) or TSV (`tsv_columns`, the
    table's, one row a line); returns how many were written.  Plain writes, never rich, so
    nothing is wrapped or coloured."""
    out = handle or sys.stdout
    count = 0
    if fmt is Format.json:
        rows = list(records)
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return len(rows)
    if fmt is Format.jsonl:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt is Format.csv:
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow(r)
            count += 1
        return count
    if fmt is Format.tsv:
        keys = list(tsv_columns or columns)
        for r in records:
            out.write("\t".join(tsv_cell(r.get(k)) for k in keys) + "\n")
            count += 1
        return count
    raise UsageError(f"--format {fmt} cannot be written here", "pass --format json, jsonl, csv or tsv")


def tsv_cell(value: object) -> str:
    """One TSV cell: tabs and line breaks inside a value become spaces, so a row stays one line."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    return " ".join(str(value).replace("\t", " ").splitlines())


def nothing_found(message: str) -> NoReturn:
    """Say on stderr that nothing matched, and exit 1 (like grep): an empty answer is never
    mistaken for a found one by a script, and a typo never looks like a real empty answer."""
    stderr().print(message)
    raise typer.Exit(1)
