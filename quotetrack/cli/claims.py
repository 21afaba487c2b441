"""`quotetrack claims SPEAKER` and `quotetrack changes SPEAKER`: what a speaker claimed, and reversals."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.cli.base import (
    ReportFormat,
    ReportFormatOption,
    app,
    friendly,
    plural,
    settings_of,
    stderr,
    stdout,
)
from quotetrack.cli.filters import (
    KindOption,
    OutletOption,
    SinceOption,
    SpeakerArgument,
    TextOption,
    UntilOption,
    describe,
    make_filter,
)
from quotetrack.cli.search import passage
from quotetrack.db.search import QuoteDetail
from quotetrack.records import format_date, format_published, row_record


@app.command()
@friendly
def claims(
    ctx: typer.Context,
    speaker: SpeakerArgument,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    output_format: ReportFormatOption = ReportFormat.text,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Show at most this many claims; 0 shows all.")
    ] = 50,
) -> None:
    """A speaker's claims: each statement once, however many outlets and days reported it.

    Reports of one statement are grouped even when reworded, re-spaced or trimmed;
    a denial and a confirmation of the same words are two claims.  Lists the first
    and last day said, and how many articles and outlets carried it, most reported first.
    """
    filters = make_filter(speaker=speaker, text=text, since=since, until=until, outlet=outlet, kinds=kind)
    found = service.claims(settings_of(ctx), filters)
    shown = found.claims[:limit] if limit else found.claims
    if output_format is ReportFormat.json:
        data = [
            {
                "claim": c.claim_id,
                "speaker": c.speaker,
                "text": c.text,
                "first_said": format_date(c.first_said),
                "last_said": format_date(c.last_said),
                "reports": c.reports,
                "outlets": c.outlets,
                "days": c.days,
                "quotes": list(c.quote_ids),
            }
            for c in shown
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif not found.claims:
        stderr().print(f"No claims found for {describe(filters)}.")
    else:
        table = Table(title=" · ".join(found.speakers), show_lines=True)
        table.add_column("Claim", justify="right", no_wrap=True)
        table.add_column("First said", no_wrap=True)
        table.add_column("Last said", no_wrap=True)
        table.add_column("Reports", justify="right", no_wrap=True)
        table.add_column("Outlets", justify="right", no_wrap=True)
        table.add_column("Statement", overflow="fold", ratio=1)
        for c in shown:
            table.add_row(
                f"#{c.claim_id}",
                format_date(c.first_said) or "?",
                format_date(c.last_said) or "?",
                str(c.reports),
                str(c.outlets),
                c.text,
            )
        stdout(soft_wrap=False).print(table)
    if limit and len(found.claims) > limit:
        stderr().print(
            f"Showing the {limit} most reported claims of {len(found.claims)}; pass --limit 0 for all."
        )


@app.command()
@friendly
def changes(
    ctx: typer.Context,
    speaker: SpeakerArgument,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    output_format: ReportFormatOption = ReportFormat.text,
) -> None:
    """Flag where a speaker reversed a position: a later denial of what was affirmed, or the reverse.

    Statements are compared in date order; a pair is flagged only when the later one
    was said on a later day, takes the opposite stance (부인, 사실무근, 않았다, 없다 …
    against their absence) and is about the same thing in nearly the same words.
    Both passages are shown with their sources.
    """
    filters = make_filter(speaker=speaker, text=text, since=since, until=until, outlet=outlet, kinds=kind)
    report = service.changes(settings_of(ctx), filters)
    if output_format is ReportFormat.json:
        data = [
            {
                "direction": c.direction,
                "markers": list(c.markers),
                "overlap": round(c.overlap, 3),
                "before": _side_record(c.before.ref, c.before_stance),
                "after": _side_record(c.after.ref, c.after_stance),
            }
            for c in report.changes
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    err = stderr()
    if not report.speakers:
        err.print(f"No quotes found for {describe(filters)}.")
        return
    n = report.statements
    summary = f"{n} {plural(n, 'statement')} of {' · '.join(report.speakers)}"
    if not report.changes:
        stdout().print(f"No reversals found in {summary}.")
        return
    out = stdout(soft_wrap=False)
    k = len(report.changes)
    out.print(Text(f"{k} {plural(k, 'reversal')} in {summary}", style="bold"))
    for c in report.changes:
        out.print()
        verb = "denied what was affirmed" if c.direction == "denied" else "affirmed what was denied"
        out.print(
            Text.assemble(
                (f"{c.before.day} → {c.after.day}", "bold"),
                f"  {verb}  (",
                ("negation: " + ", ".join(dict.fromkeys(c.markers)), "italic"),
                ")",
            )
        )
        out.print(_side_panel("Before", c.before.ref, c.before_stance))
        out.print(_side_panel("After", c.after.ref, c.after_stance))


def _side_panel(label: str, d: QuoteDetail, stance: str) -> Panel:
    row = d.row
    source = " · ".join(
        x
        for x in (
            format_date(row.said_on) or "",
            row.outlet or "",
            row.title or "",
            row.url or row.source,
            f"#{row.quote_id}",
        )
        if x
    )
    body = Text.assemble(passage(d.context, d.quote_start, d.quote_end), "\n", (source, "dim"))
    who = f"{row.speaker}" + (f", {row.speaker_role}" if row.speaker_role else "")
    return Panel(body, title=f"{label}: {who} ({stance})", title_align="left")


def _side_record(d: QuoteDetail, stance: str) -> dict[str, Any]:
    r = row_record(d.row)
    r["stance"] = stance
    r["context"] = d.context
    r["published"] = format_published(d.row.published, d.row.published_has_time)
    return r
