"""`quotetrack timeline SPEAKER`: a speaker's statements by day, and a bar per month."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.analysis.timeline import Day, bar, by_unit
from quotetrack.cli.base import app, friendly, plural, settings_of, stdout
from quotetrack.cli.filters import (
    AttributionOption,
    KindOption,
    OutletOption,
    RoleOption,
    SinceOption,
    SpeakerArgument,
    SpeakerOption,
    TextOption,
    UntilOption,
    describe,
    make_filter,
    note_undated,
    one_speaker,
)
from quotetrack.cli.output import (
    Format,
    LinedReportFormatOption,
    Period,
    PeriodOption,
    nothing_found,
    rows_format,
    write_rows,
)

if TYPE_CHECKING:
    from quotetrack.service import Timeline

TSV_COLUMNS = ("day", "stance", "text", "articles", "outlets", "quotes", "reversal")
"""A statement's line in a pipe (--format tsv): the table's columns, the stance spelt out."""

BAR_WIDTH = 30
MARKS = {"affirm": ("+", "green"), "deny": ("−", "red"), "neutral": ("·", "dim"), None: ("?", "dim")}
"""How each stance is marked in the terminal: + affirms, − denies, · takes no position."""


@app.command()
@friendly
def timeline(
    ctx: typer.Context,
    speaker_name: SpeakerArgument = None,
    speaker: SpeakerOption = None,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    role: RoleOption = None,
    attribution: AttributionOption = None,
    output_format: LinedReportFormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            show_default=False,
            help="Also draw the timeline to this .svg or .png file: statements per month by stance, "
            "reversals highlighted (needs pip install 'quotetrack\\[charts]').",
            dir_okay=False,
        ),
    ] = None,
    by: PeriodOption = None,
) -> None:
    """A speaker's statements in date order, grouped by day, each marked + (affirms), − (denies) or ·
    (no position), with how many articles and outlets carried it; the sequence of stances with its
    reversals (⇄) at a glance, and a bar chart of statements per month.  In a pipe, one line per
    statement (--format tsv)."""
    filters = make_filter(
        settings_of(ctx),
        speaker=one_speaker(speaker_name, speaker),
        text=text,
        since=since,
        until=until,
        outlet=outlet,
        kinds=kind,
        role=role,
        attributions=attribution,
    )
    report = service.timeline(settings_of(ctx), filters)
    if output is not None and report.days:
        from quotetrack.charts import draw_timeline

        draw_timeline(report, output, title=" · ".join(report.speakers) + (f" — {text}" if text else ""))
    fmt = rows_format(output_format)
    if fmt is Format.json:
        data = {
            "speakers": report.speakers,
            "days": [
                {
                    "day": d.day.isoformat(),
                    "statements": [
                        {
                            "text": s.text,
                            "stance": s.stance,
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
            "reversals": [{"before": a, "after": b} for a, b in report.reversals],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.tsv:
        later = {b for _, b in report.reversals}
        write_rows(
            (
                {
                    "day": d.day.isoformat(),
                    "stance": s.stance,
                    "text": s.text,
                    "articles": len(s.articles),
                    "outlets": sorted(s.outlets),
                    "quotes": " ".join(map(str, s.quote_ids)),
                    "reversal": "reversal" if set(s.quote_ids) & later else "",
                }
                for d in report.days
                for s in d.statements
            ),
            fmt,
            columns=TSV_COLUMNS,
        )
    elif report.days:
        _print_timeline(report, by)
    note_undated(ctx, filters, left_out_of="the timeline")
    if not report.days:
        nothing_found(f"No quotes found for {describe(filters)}.")


def _print_timeline(report: Timeline, by: Period | None) -> None:
    """The days with their statements, the sequence of stances, and a bar per month or year."""
    out = stdout(soft_wrap=False)
    later = {b for _, b in report.reversals}
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
            mark, style = MARKS.get(s.stance, MARKS[None])
            turned = " ⇄ reversal" if set(s.quote_ids) & later else ""
            grid.add_row(Text(f"  {mark}", style=style), s.text, f"{carried}  {ids}{turned}")
        out.print(grid)
    out.print()
    out.print(_sequence(report.days, later))
    out.print()
    unit, periods = by_unit(report.months, by.value if by else None)
    out.print(Text(f"Statements per {unit}", style="bold"))
    largest = max(n for _, n in periods)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True, justify="right")
    for period, n in periods:
        chart.add_row(period, bar(n, largest, BAR_WIDTH), str(n))
    out.print(chart)


def _sequence(days: list[Day], later: set[int]) -> Text:
    """Every statement's stance in order on one line, ⇄ where a reversal happened."""
    line = Text.assemble(("Stance over time  ", "bold"))
    for d in days:
        for s in d.statements:
            if set(s.quote_ids) & later:
                line.append("⇄ ", style="bold yellow")
            mark, style = MARKS.get(s.stance, MARKS[None])
            line.append(mark + " ", style=style)
    line.append("  (+ affirms, − denies, · no position, ⇄ reversal)", style="dim")
    return line
