"""`quotetrack fidelity`: headline quotes that do not say what the body quote they condense says."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.cli.base import app, friendly, plural, settings_of, stderr, stdout
from quotetrack.cli.filters import (
    OutletOption,
    SinceOption,
    SpeakerOption,
    UntilOption,
    describe,
    make_filter,
)
from quotetrack.cli.output import ReportFormat, ReportFormatOption
from quotetrack.cli.search import passage
from quotetrack.records import format_date, row_record


@app.command()
@friendly
def fidelity(
    ctx: typer.Context,
    outlet: OutletOption = None,
    speaker: SpeakerOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="List every linked headline quote, faithful ones too.")
    ] = False,
    output_format: ReportFormatOption = ReportFormat.table,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Show at most this many headlines; 0 shows all.")
    ] = 50,
) -> None:
    """Headlines that do not say what the body quote they condense says.

    Each headline quote (each part of one joined by …) is linked to the quote of its
    own article it condenses, and flagged where it drops or adds a negation, a number,
    a hedge (…할 수도, 검토) or a subject; both passages are shown with what changed.
    """
    filters = make_filter(settings_of(ctx), speaker=speaker, since=since, until=until, outlet=outlet)
    hits = service.fidelity(settings_of(ctx), filters, everything=everything)
    shown = hits[:limit] if limit else hits
    if output_format is ReportFormat.json:
        data = [
            {
                "headline": row_record(h.headline),
                "part": h.part,
                "body": row_record(h.body.row) | {"context": h.body.context},
                "changes": h.flags,
            }
            for h in shown
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif not hits:
        what = "linked headline quotes" if everything else "headlines that change what the body quote says"
        scope = describe(filters) if filters.speaker or outlet else "all articles"
        stderr().print(f"No {what} found for {scope}.")  # an answer about the articles found: exit 0
    else:
        out = stdout(soft_wrap=False)
        for h in shown:
            out.print(_hit_table(h))
    if limit and len(hits) > limit:
        stderr().print(
            f"Showing {limit} of {len(hits)} {plural(len(hits), 'headline')}; pass --limit 0 for all."
        )


def _hit_table(h: service.FidelityHit) -> Table:
    row = h.headline
    title = " · ".join(x for x in (format_date(row.said_on) or "", row.outlet or "", row.speaker or "") if x)
    table = Table(title=Text(title, style="bold"), title_justify="left", show_lines=True, expand=True)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("Passage", ratio=1, overflow="fold")
    headline = Text(row.title or row.text)
    start = (row.title or "").find(h.part)
    if start >= 0:
        headline = passage(row.title or "", start, start + len(h.part))
    table.add_row(f"Headline #{row.quote_id}", headline)
    body = h.body
    table.add_row(f"Body #{body.row.quote_id}", passage(body.context, body.quote_start, body.quote_end))
    changes = Text()
    for f in h.flags:
        said = "; ".join(
            x
            for x in (
                f"headline: {f['headline']}" if f["headline"] else "",
                f"body: {f['body']}" if f["body"] else "",
            )
            if x
        )
        changes.append(f"{f['kind']} {f['change']}", style="bold red")
        changes.append(f"  ({said})\n" if said else "\n")
    changes.rstrip()
    table.add_row("Changes", changes if h.flags else Text("none", style="green"))
    return table
