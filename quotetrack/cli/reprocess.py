"""`quotetrack reprocess`: re-run extraction over stored articles an older extractor parsed."""

from __future__ import annotations

from typing import Annotated

import typer

from quotetrack import service
from quotetrack.cli.base import app, friendly, settings_of, stderr
from quotetrack.cli.ingest import JOBS_HELP, progress_bar, render_report, show_progress


@app.command()
@friendly
def reprocess(
    ctx: typer.Context,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)
    ] = None,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Re-extract every stored article, not only those an older extractor parsed."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary; failures are still listed.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as one JSON object on stdout.")
    ] = False,
) -> None:
    """Re-run quote extraction over stored articles parsed by an older extractor version.

    Each article is re-extracted from the text it was ingested from and replaces
    its stored quotes in one transaction.  Exit code 1 when any article failed.
    """
    settings = settings_of(ctx)
    err = stderr()
    show = show_progress(err, quiet)
    total = (service.stale_articles(settings) if not everything else None) if show else None
    with progress_bar(err, show, total, "articles") as advance:
        report = service.reprocess(settings, jobs=jobs, everything=everything, on_progress=advance)
    render_report(report, settings, quiet=quiet, as_json=as_json, reprocess=True)
