"""`quotetrack stats`: how many quotes, by speaker, outlet and month."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.analysis.timeline import bar, by_unit, per_year
from quotetrack.cli.base import app, friendly, plural, settings_of, stdout
from quotetrack.cli.filters import (
    AttributionOption,
    KindOption,
    OutletOption,
    RoleOption,
    SinceOption,
    SpeakerOption,
    TextOption,
    UntilOption,
    describe,
    make_filter,
    note_undated,
)
from quotetrack.cli.output import (
    Format,
    LinedReportFormatOption,
    PeriodOption,
    nothing_found,
    rows_format,
    write_rows,
)
from quotetrack.db.stats import Count, Stats
from quotetrack.records import format_date


@app.command()
@friendly
def stats(
    ctx: typer.Context,
    speaker: SpeakerOption = None,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    role: RoleOption = None,
    attribution: AttributionOption = None,
    top: Annotated[
        int, typer.Option("--top", min=0, help="List this many speakers and outlets; 0 lists all.")
    ] = 15,
    output_format: LinedReportFormatOption = None,
    by: PeriodOption = None,
) -> None:
    """Count stored quotes by speaker, outlet and month (under the same filters as search).  In a
    pipe, one line per table row, its table first (all, speaker, outlet, month or year)."""
    filters = make_filter(
        settings_of(ctx),
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        outlet=outlet,
        kinds=kind,
        role=role,
        attributions=attribution,
    )
    s = service.stats(settings_of(ctx), filters, top=top or None)
    fmt = rows_format(output_format)
    unit, periods = by_unit(s.by_month, by.value if by else None)
    if fmt is Format.tsv:
        if s.quotes:
            write_rows(_tsv_rows(s, unit, periods), fmt, columns=TSV_COLUMNS)
    elif fmt is Format.json:

        def counts(items: list[Count]) -> list[dict[str, object]]:
            return [
                {
                    "name": c.name,
                    "quotes": c.quotes,
                    "articles": c.articles,
                    "first": format_date(c.first),
                    "last": format_date(c.last),
                }
                for c in items
            ]

        data = {
            "quotes": s.quotes,
            "articles": s.articles,
            "speakers": s.speakers,
            "outlets": s.outlets,
            "first": format_date(s.first),
            "last": format_date(s.last),
            "by_speaker": counts(s.by_speaker),
            "by_outlet": counts(s.by_outlet),
            "by_month": [{"month": m, "quotes": n} for m, n in s.by_month],
            "by_year": [{"year": y, "quotes": n} for y, n in per_year(s.by_month)],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif s.quotes:
        _print_stats(s, unit, periods)
    note_undated(ctx, filters)
    if not s.quotes:
        nothing_found(f"No quotes found for {describe(filters)}.")


def _print_stats(s: Stats, unit: str, periods: list[tuple[str, int]]) -> None:
    """The totals line, the speaker and outlet tables, and a bar per month or year."""
    out = stdout(soft_wrap=False)
    span = f"{format_date(s.first) or '?'} to {format_date(s.last) or '?'}"
    out.print(
        Text(
            " · ".join(
                f"{n} {plural(n, word)}"
                for n, word in (
                    (s.quotes, "quote"),
                    (s.articles, "article"),
                    (s.speakers, "speaker"),
                    (s.outlets, "outlet"),
                )
            )
            + f" · {span}",
            style="bold",
        )
    )
    for title, items in (("Speaker", s.by_speaker), ("Outlet", s.by_outlet)):
        table = Table(title=f"By {title.lower()}", title_justify="left")
        table.add_column(title, overflow="fold")
        table.add_column("Quotes", justify="right")
        table.add_column("Articles", justify="right")
        table.add_column("First said", no_wrap=True)
        table.add_column("Last said", no_wrap=True)
        for c in items:
            table.add_row(
                c.name, str(c.quotes), str(c.articles), format_date(c.first) or "", format_date(c.last) or ""
            )
        out.print(table)
    if periods:
        table = Table(title=f"By {unit}", title_justify="left")
        table.add_column(unit.capitalize(), no_wrap=True)
        table.add_column("Quotes", justify="right")
        table.add_column("", no_wrap=True)
        largest = max(n for _, n in periods)
        for period, n in periods:
            table.add_row(period, str(n), bar(n, largest, 30))
        out.print(table)


TSV_COLUMNS = ("group", "name", "quotes", "articles", "first", "last")
"""A line of `stats` in a pipe: which table it is from (all, speaker, outlet, month or year), then
that table's columns; `| grep ^speaker` keeps one table."""


def _tsv_rows(s: Stats, unit: str, periods: list[tuple[str, int]]) -> Iterator[dict[str, object]]:
    """The totals, then every row of the speaker, outlet and period tables, one dict a line."""
    yield {
        "group": "all",
        "quotes": s.quotes,
        "articles": s.articles,
        "first": format_date(s.first),
        "last": format_date(s.last),
    }
    for group, items in (("speaker", s.by_speaker), ("outlet", s.by_outlet)):
        for c in items:
            yield {
                "group": group,
                "name": c.name,
                "quotes": c.quotes,
                "articles": c.articles,
                "first": format_date(c.first),
                "last": format_date(c.last),
            }
    for period, n in periods:
        yield {"group": unit, "name": period, "quotes": n}
