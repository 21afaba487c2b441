"""`quotetrack ingest` and `quotetrack extract`: articles in, quotes stored or printed."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.cli.app import app, friendly, plural, settings_of, stderr, stdout


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.command()
@friendly
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders (every .txt inside, recursively) or - for standard input.",
            show_default=False,
        ),
    ],
) -> None:
    """Extract quotes from articles and store them; articles already stored unchanged are skipped.

    Exit code 1 when any source could not be read, extracted or stored (the others are still stored).
    """
    settings = settings_of(ctx)
    report = service.ingest(paths, settings)
    out, err = stdout(), stderr()
    for item in report.failures:
        err.print(Text.assemble(("failed ", "bold red"), item.source, ": ", item.reason or "unknown reason"))
    stored, updated = report.count("stored"), report.count("updated")
    unchanged, failed = report.count("unchanged"), report.count("failed")
    summary = Table.grid(padding=(0, 2))
    summary.add_column(justify="right")
    summary.add_column()
    summary.add_row(str(stored), plural(stored, "article") + " stored")
    summary.add_row(str(updated), plural(updated, "article") + " updated")
    summary.add_row(str(unchanged), plural(unchanged, "article") + " unchanged (already stored)")
    summary.add_row(str(failed), plural(failed, "source") + " failed")
    summary.add_row(str(report.quotes_stored), plural(report.quotes_stored, "quote") + " stored")
    summary.add_row(str(report.new_speakers), plural(report.new_speakers, "new speaker"))
    stdout(soft_wrap=False).print(summary)
    if unchanged and not (stored or updated):
        out.print("Nothing new: every article was already in the database.")
    out.print(f"Database: {service.describe_database(settings)}")
    if failed:
        raise typer.Exit(1)


@app.command()
@friendly
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files, folders or - for standard input.", show_default=False),
    ],
    output_format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON object per article per line; json: one JSON array.",
            case_sensitive=False,
        ),
    ] = ExtractFormat.jsonl,
) -> None:
    """Print the articles' metadata and quotes as JSON without touching any database.

    A source that cannot be read is reported on stderr and skipped; the exit code is then 1.
    """
    err = stderr()
    records: list[dict[str, Any]] = []
    failed = 0
    for record in service.extract_records(paths):
        if isinstance(record, dict):
            if output_format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                records.append(record)
        else:
            failed += 1
            err.print(Text.assemble(("failed ", "bold red"), record.source, ": ", record.reason))
    if output_format is ExtractFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)
