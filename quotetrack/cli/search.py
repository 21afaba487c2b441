"""`quotetrack search`: stored quotes as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from quotetrack import service
from quotetrack.cli.app import app, friendly, settings_of, stderr, stdout
from quotetrack.records import ROW_KEYS, row_record

DEFAULT_SEARCH_LIMIT = 100


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
@friendly
def search(
    ctx: typer.Context,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            help="Speaker name or part of one; spaces and case are ignored (푸틴 finds 블라디미르 푸틴).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        SearchFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people; json (an array) or csv (with a header row) for scripts.",
            case_sensitive=False,
        ),
    ] = SearchFormat.table,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, help="Show at most this many quotes; 0 shows all."),
    ] = DEFAULT_SEARCH_LIMIT,
) -> None:
    """Show stored quotes in the order they were said, optionally of one speaker.

    When nothing matches, a message says so on stderr and the exit code is still 0
    (no quotes is an answer, not an error); json prints [] and csv only its header.
    """
    rows = service.search(settings_of(ctx), speaker=speaker, limit=limit + 1 if limit else None)
    truncated = bool(limit) and len(rows) > limit
    rows = rows[:limit] if limit else rows
    records = [row_record(row) for row in rows]
    err = stderr()
    if not rows:
        who = f"speaker {speaker!r}" if speaker is not None else "any speaker"
        err.print(f"No quotes found for {who}.")
    if output_format is SearchFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif output_format is SearchFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(ROW_KEYS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        sys.stdout.write(buffer.getvalue())
    elif rows:
        console = stdout(soft_wrap=False)
        console.print(_quote_table(records, console.width))
    if truncated:
        err.print(f"Showing the first {limit} quotes; pass --limit 0 to see all of them.")


def _quote_table(records: list[dict[str, Any]], width: int) -> Table:
    """The search table, its columns sized to `width` up front.

    Rich's own shrinking can push the last column off a narrow terminal when
    cells hold wide (CJK) text, so each column gets a maximum that adds up to
    the width and only the quote column takes what is left.
    """

    def share(fraction: float, low: int, high: int) -> int:
        return max(low, min(high, int(width * fraction)))

    speaker, role, outlet = share(0.12, 8, 16), share(0.12, 8, 16), share(0.1, 8, 12)
    overhead = 7 + 6 * 2  # vertical rules, and one space of padding each side of six columns
    quote = max(12, width - overhead - (10 + 8 + speaker + role + outlet))
    table = Table(show_lines=True)
    table.add_column("Said", no_wrap=True, width=10)
    table.add_column("Speaker", overflow="fold", max_width=speaker)
    table.add_column("Role", overflow="fold", max_width=role)
    table.add_column("Kind", overflow="fold", max_width=8)
    table.add_column("Quote", overflow="fold", max_width=quote)
    table.add_column("Outlet", overflow="fold", max_width=outlet)
    for r in records:
        table.add_row(
            r["said_on"] or (r["published"] or "")[:10] or "?",
            r["speaker"] or "",
            r["role"] or "",
            r["kind"],
            r["text"],
            r["outlet"] or "",
        )
    return table
