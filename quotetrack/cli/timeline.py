"""`quotetrack timeline SPEAKER`: a speaker's statements by day, and a bar per month."""

from __future__ import annotations

import json
import sys

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.analysis.timeline import bar
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

BAR_WIDTH = 30


@app.command()
@friendly
def timeline(
    ctx: typer.Context,
    speaker: SpeakerArgument,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    output_format: ReportFormatOption = ReportFormat.text,
) -> None:
    """A speaker's statements in date order, grouped by day, with how many articles and outlets
    carried each, and a bar chart of statements per month."""
    filters = make_filter(speaker=speaker, text=text, since=since, until=until, outlet=outlet, kinds=kind)
    report = service.timeline(settings_of(ctx), filters)
    if output_format is ReportFormat.json:
        data = {
            "speakers": report.speakers,
            "days": [
                {
                    "day": d.day.isoformat(),
                    "statements": [
                        {
                            "text": s.text,
                            "quotes": s.quote_ids,
                            "articles": len(s.articles),
                            "outlets": sorted(s.outlets),
                        }
                        for s in d.statements
                    ],
                }
                for d in report.days
            ],
            "months": [{"month": m, "statements": n} for m, n in report.months],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if not report.days:
        stderr().print(f"No quotes found for {describe(filters)}.")
        return
    out = stdout(soft_wrap=False)
    out.print(Text(" · ".join(report.speakers), style="bold"))
    for d in report.days:
        out.print()
        n = len(d.statements)
        out.print(Text.assemble((d.day.isoformat(), "bold"), f"  {n} {plural(n, 'statement')}"))
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold", ratio=1)
        grid.add_column(no_wrap=True, justify="right", style="dim")
        for s in d.statements:
            a, o = len(s.articles), len(s.outlets)
            carried = f"{a} {plural(a, 'article')} · {o} {plural(o, 'outlet')}"
            ids = " ".join(f"#{q}" for q in s.quote_ids[:3]) + (" …" if len(s.quote_ids) > 3 else "")
            grid.add_row("  •", s.text, f"{carried}  {ids}")
        out.print(grid)
    out.print()
    out.print(Text("Statements per month", style="bold"))
    largest = max(n for _, n in report.months)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True, justify="right")
    for month, n in report.months:
        chart.add_row(month, bar(n, largest, BAR_WIDTH), str(n))
    out.print(chart)
