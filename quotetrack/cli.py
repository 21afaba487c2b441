"""The command line: parse, call `quotetrack.service`, render.  The only module that prints.

Every command catches `QuotetrackError` in one place (`_friendly`) and turns it
into ``Error: <reason>`` plus a hint on stderr with exit code 1 (2 for usage
errors); anything else is a bug and keeps its traceback.  Machine-readable
output (JSON, CSV, JSON lines) goes to stdout through plain writes, never
through rich, so it is never wrapped or colourised.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table
from rich.text import Text

from quotetrack import __version__, service
from quotetrack.config import Settings, load_settings
from quotetrack.errors import QuotetrackError
from quotetrack.records import ROW_KEYS, row_record

P = ParamSpec("P")
R = TypeVar("R")

DEFAULT_SEARCH_LIMIT = 100

app = typer.Typer(
    name="quotetrack",
    help="Track who said what in Korean news: extract speaker-attributed quotes, store them, search them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals could hold a database password
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(help="Create, upgrade and inspect the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _stdout(*, soft_wrap: bool = True) -> Console:
    # soft_wrap: messages are never broken at 80 columns when piped; tables need it off to fit the width
    return Console(highlight=False, soft_wrap=soft_wrap)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn quotetrack's user-facing errors into a message and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except QuotetrackError as e:
            err = _stderr()
            err.print(Text.assemble(("Error: ", "bold red"), e.reason))
            if e.hint:
                err.print(Text(f"  {e.hint}"))
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            _stderr().print("Interrupted: every article finished before this point is stored.")
            raise typer.Exit(130) from None

    return wrapper


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
@_friendly
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL: sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME. "
            "Default: $QUOTETRACK_DB, else quotetrack.db in the data folder ($QUOTETRACK_HOME "
            "or the platform's user data dir).",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what quotetrack does (to stderr).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Track who said what in Korean news: extract speaker-attributed quotes, store them, search them."""
    _setup_logging(verbose)
    ctx.obj = load_settings(db)


def _setup_logging(verbose: bool) -> None:
    handler = RichHandler(console=_stderr(), show_path=False, show_time=False)
    logging.basicConfig(level=logging.WARNING, handlers=[handler], format="%(name)s: %(message)s", force=True)
    logging.getLogger("quotetrack").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)


@app.command()
@_friendly
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
    settings = _settings(ctx)
    report = service.ingest(paths, settings)
    out, err = _stdout(), _stderr()
    for item in report.failures:
        err.print(Text.assemble(("failed ", "bold red"), item.source, ": ", item.reason or "unknown reason"))
    stored, updated = report.count("stored"), report.count("updated")
    unchanged, failed = report.count("unchanged"), report.count("failed")
    summary = Table.grid(padding=(0, 2))
    summary.add_column(justify="right")
    summary.add_column()
    summary.add_row(str(stored), _plural(stored, "article") + " stored")
    summary.add_row(str(updated), _plural(updated, "article") + " updated")
    summary.add_row(str(unchanged), _plural(unchanged, "article") + " unchanged (already stored)")
    summary.add_row(str(failed), _plural(failed, "source") + " failed")
    summary.add_row(str(report.quotes_stored), _plural(report.quotes_stored, "quote") + " stored")
    summary.add_row(str(report.new_speakers), _plural(report.new_speakers, "new speaker"))
    _stdout(soft_wrap=False).print(summary)
    if unchanged and not (stored or updated):
        out.print("Nothing new: every article was already in the database.")
    out.print(f"Database: {service.describe_database(settings)}")
    if failed:
        raise typer.Exit(1)


@app.command()
@_friendly
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
    err = _stderr()
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


@app.command()
@_friendly
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
    rows = service.search(_settings(ctx), speaker=speaker, limit=limit + 1 if limit else None)
    truncated = bool(limit) and len(rows) > limit
    rows = rows[:limit] if limit else rows
    records = [row_record(row) for row in rows]
    err = _stderr()
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
        console = _stdout(soft_wrap=False)
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


@db_app.command("upgrade")
@_friendly
def db_upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (needed for PostgreSQL; SQLite upgrades itself)."""
    settings = _settings(ctx)
    before, after = service.upgrade_database(settings)
    where = service.describe_database(settings)
    if before == after:
        _stdout().print(f"{where} is already at the latest revision ({after}).")
    else:
        _stdout().print(f"Upgraded {where} from revision {before or '(empty)'} to {after}.")


@db_app.command("current")
@_friendly
def db_current(ctx: typer.Context) -> None:
    """Show the database's schema revision and whether it is the latest."""
    settings = _settings(ctx)
    status = service.database_status(settings)
    where = service.describe_database(settings)
    if status.is_current:
        state = "latest"
    elif not status.known:
        state = "made by a newer quotetrack; upgrade quotetrack"
    elif status.current is None:
        state = "empty; run `quotetrack db upgrade`"
    else:
        state = f"behind {status.head}; run `quotetrack db upgrade`"
    _stdout().print(f"{where}: revision {status.current or '(none)'} ({state})")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"
