"""`quotetrack ingest` and `quotetrack extract`: articles in, quotes stored or printed.

The progress bar and the report rendering here are shared with `quotetrack reprocess`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.cli.base import app, friendly, plural, settings_of, stderr, stdout

if TYPE_CHECKING:
    from quotetrack.ingest import batch
    from quotetrack.ingest.readers import ReadOptions

JOBS_HELP = "Worker processes extracting in parallel (default: one per core; 1 runs in this process)."


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
            help="Article files, folders (read recursively), http(s) URLs, or - for standard input. "
            "Page text, saved HTML pages, JSON Lines, JSON and CSV/TSV records are recognised.",
            show_default=False,
        ),
    ],
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            "-g",
            metavar="PATTERN",
            help="In folders, read only files matching PATTERN (e.g. '*.html' or '2023-*/*.txt') "
            "instead of every .txt/.html/.jsonl/.json/.csv/.tsv file.",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            "-e",
            metavar="NAME",
            help="Read every file in this encoding (e.g. cp949, euc-kr, utf-16) instead of detecting "
            "UTF-8, UTF-16 and CP949/EUC-KR.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Re-extract and rewrite articles even when they are stored unchanged."),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1, help="Seconds to wait for a URL's server.")
    ] = 20.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary; failures are still listed.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the report as one JSON object on stdout (counts and failures)."),
    ] = False,
) -> None:
    """Extract quotes from articles and store them, one article at a time, skipping what is stored unchanged.

    Exit code 0 when every source was stored or already there, 1 when any failed
    (the others are still stored), 2 for a wrong command line.
    """
    from quotetrack.ingest.batch import IngestOptions
    from quotetrack.ingest.readers import count_files

    settings = settings_of(ctx)
    read = read_options(encoding, glob, timeout=timeout)
    options = IngestOptions(read=read, jobs=jobs, force=force)
    err = stderr()
    show = show_progress(err, quiet)
    total = count_files(paths, read) if show else None
    with progress_bar(err, show, total, "files") as advance:
        report = service.ingest(paths, settings, options=options, on_progress=advance)
    render_report(report, settings, quiet=quiet, as_json=as_json)


def read_options(encoding: str | None, glob: str | None, **more: Any) -> ReadOptions:
    """How to read the sources; the ingest stack is imported here, not at the top, so that the
    read commands, registered beside this one, never load it (tests/test_startup.py)."""
    from quotetrack.ingest.decode import check_encoding
    from quotetrack.ingest.readers import ReadOptions

    return ReadOptions(encoding=check_encoding(encoding) if encoding else None, glob=glob, **more)


def show_progress(err: Console, quiet: bool) -> bool:
    return not quiet and err.is_terminal


@contextmanager
def progress_bar(
    err: Console, show: bool, total: int | None, unit: str
) -> Iterator[Callable[[batch.Progress], None] | None]:
    """A rich progress bar on stderr (files done, articles/s, ETA), or nothing when not shown."""
    if not show:
        yield None
        return
    columns = (
        SpinnerColumn(),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TaskProgressColumn(),
        TextColumn("[cyan]{task.fields[articles]} articles · {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=total, articles=0, rate="–")
        started = bar.get_time()

        def advance(p: batch.Progress) -> None:
            elapsed = max(bar.get_time() - started, 1e-6)
            done = p.articles if unit == "articles" else p.files
            bar.update(task, completed=done, articles=p.articles, rate=f"{p.articles / elapsed:.0f}")

        yield advance


def render_report(
    report: batch.IngestReport,
    settings: Any,
    *,
    quiet: bool,
    as_json: bool,
    reprocess: bool = False,
) -> None:
    err = stderr()
    for item in report.failures:
        err.print(Text.assemble(("failed ", "bold red"), item.source, ": ", item.reason or "unknown reason"))
    if reprocess and report.without_raw_text:
        n = report.without_raw_text
        err.print(
            f"{n} {plural(n, 'article')} stored before quotetrack kept the source text cannot be "
            "re-extracted: ingest their files again (with --force)."
        )
    if as_json:
        data = {**report.as_dict(), "database": service.describe_database(settings)}
        if reprocess:
            data["without_raw_text"] = report.without_raw_text
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    elif not quiet:
        _summary(report, settings, reprocess=reprocess)
    if report.failures:
        raise typer.Exit(1)


def _summary(report: batch.IngestReport, settings: Any, *, reprocess: bool) -> None:
    out = stdout()
    stored, updated = report.count("stored"), report.count("updated")
    unchanged, failed = report.count("unchanged"), report.count("failed")
    summary = Table.grid(padding=(0, 2))
    summary.add_column(justify="right")
    summary.add_column()
    if not reprocess:
        summary.add_row(str(stored), plural(stored, "article") + " stored")
    summary.add_row(str(updated), plural(updated, "article") + (" re-extracted" if reprocess else " updated"))
    if not reprocess:
        summary.add_row(str(unchanged), plural(unchanged, "article") + " unchanged (already stored)")
    summary.add_row(str(failed), plural(failed, "source" if not reprocess else "article") + " failed")
    summary.add_row(str(report.quotes_stored), plural(report.quotes_stored, "quote") + " stored")
    summary.add_row(str(report.new_speakers), plural(report.new_speakers, "new speaker"))
    stdout(soft_wrap=False).print(summary)
    if report.seconds >= 1 and report.articles:
        rate = report.articles / report.seconds
        shown = f"{rate:.0f}" if rate >= 10 else f"{rate:.1f}"
        out.print(
            f"{report.articles:,} {plural(report.articles, 'source')} in {report.seconds:.1f} s ({shown}/s)"
        )
    if reprocess and not report.articles:
        out.print("Nothing to re-extract: every stored article is from the current extractor.")
    elif unchanged and not (stored or updated):
        out.print("Nothing new: every article was already in the database.")
    out.print(f"Database: {service.describe_database(settings)}")


@app.command()
@friendly
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders, http(s) URLs or - for standard input.", show_default=False
        ),
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
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", "-e", metavar="NAME", help="Read every file in this encoding.", show_default=False
        ),
    ] = None,
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            "-g",
            metavar="PATTERN",
            help="In folders, read only files matching PATTERN.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the articles' metadata and quotes as JSON without touching any database.

    A source that cannot be read is reported on stderr and skipped; the exit code is then 1.
    """
    err = stderr()
    read = read_options(encoding, glob)
    records: list[dict[str, Any]] = []
    failed = 0
    for record in service.extract_records(paths, options=read):
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
