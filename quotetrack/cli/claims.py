"""`quotetrack claims SPEAKER` and `quotetrack changes SPEAKER`: what a speaker claimed, and reversals."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
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
from quotetrack.records import format_date, row_record

if TYPE_CHECKING:
    from quotetrack.analysis.changes import Change, Statement
    from quotetrack.db.claims import ClaimSummary


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
                "headlines": [
                    {
                        "quote": h.quote_id,
                        "text": h.text,
                        "condenses": h.body_quote_id,
                        "changes": list(h.flags),
                    }
                    for h in c.headlines
                ],
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
                _statement_cell(c),
            )
        stdout(soft_wrap=False).print(table)
    if limit and len(found.claims) > limit:
        stderr().print(
            f"Showing the {limit} most reported claims of {len(found.claims)}; pass --limit 0 for all."
        )


def _statement_cell(c: ClaimSummary) -> Text:
    """The statement, and under it each headline condensing it (#id) and what that headline changes."""
    cell = Text(c.text)
    for h in c.headlines:
        changed = "; ".join(f"{f['kind']} {f['change']}" for f in h.flags) or "faithful"
        cell.append(f"\nheadline #{h.quote_id} → #{h.body_quote_id}: ", style="dim")
        cell.append(h.text)
        cell.append(f"  ({changed})", style="dim italic")
    return cell


class ChangesFormat(StrEnum):
    """``changes --format``: text for people; json, jsonl and csv for scripts."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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
    output_format: Annotated[
        ChangesFormat,
        typer.Option(
            "--format", "-f", help="text for people; json, jsonl or csv for scripts.", case_sensitive=False
        ),
    ] = ChangesFormat.text,
) -> None:
    """Flag where a speaker reversed a position: a later denial of what was affirmed, or the reverse.

    Statements are compared in date order; a pair is flagged when the later one was
    said on a later day, takes the opposite stance (a negation, denial, refusal or
    retraction against its absence; questions, conditions, obligations and double
    negations take none) and is about the same thing: they share the content words
    that are rare for this speaker, whatever their wording.  Both passages are shown
    with their dates, outlets, titles and the words that decided each stance.
    """
    filters = make_filter(speaker=speaker, text=text, since=since, until=until, outlet=outlet, kinds=kind)
    report = service.changes(settings_of(ctx), filters)
    records = [_change_record(c) for c in report.changes]
    if output_format is ChangesFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    if output_format is ChangesFormat.jsonl:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        return
    if output_format is ChangesFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CHANGE_COLUMNS)
        for r in records:
            writer.writerow(_flat(r))
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
        about = ", ".join(c.shared)
        out.print(
            Text.assemble(
                (f"{c.before.day} → {c.after.day}", "bold"), f"  {verb}", (f"  (about: {about})", "italic")
            )
        )
        out.print(_change_table(c))


CHANGE_SIDE_COLUMNS = (
    "said_on",
    "outlet",
    "title",
    "stance",
    "decided_by",
    "text",
    "quote_id",
    "url",
    "source",
)
CHANGE_COLUMNS = (
    "direction",
    "shared",
    *(f"before_{c}" for c in CHANGE_SIDE_COLUMNS),
    *(f"after_{c}" for c in CHANGE_SIDE_COLUMNS),
)
"""The columns of ``changes --format csv``: one row per reversal, both sides."""


def _change_table(c: Change[QuoteDetail]) -> Table:
    """Both passages side by side: date, outlet, title, the passage, its stance and why."""
    table = Table(show_lines=True, expand=True)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("Before", ratio=1, overflow="fold")
    table.add_column("After", ratio=1, overflow="fold")
    sides = (c.before, c.after)
    table.add_row("Said", *(Text(format_date(s.ref.row.said_on) or str(s.day)) for s in sides))
    table.add_row("Outlet", *(Text(s.ref.row.outlet or "") for s in sides))
    table.add_row("Title", *(Text(s.ref.row.title or "") for s in sides))
    table.add_row("Passage", *(passage(s.ref.context, s.ref.quote_start, s.ref.quote_end) for s in sides))
    table.add_row(
        "Stance",
        *(
            Text.assemble((s.reading.stance, "bold"), "  ", (" · ".join(s.reading.cues), "italic"))
            for s in sides
        ),
    )
    table.add_row(
        "Source",
        *(
            Text(" · ".join(x for x in (s.ref.row.url or s.ref.row.source, f"#{s.ref.row.quote_id}") if x))
            for s in sides
        ),
    )
    return table


def _change_record(c: Change[QuoteDetail]) -> dict[str, Any]:
    return {
        "direction": c.direction,
        "shared": list(c.shared),
        "overlap": round(c.overlap, 3),
        "before": _side_record(c.before),
        "after": _side_record(c.after),
    }


def _side_record(side: Statement[QuoteDetail]) -> dict[str, Any]:
    d = side.ref
    r = row_record(d.row)
    r["stance"] = side.reading.stance
    r["decided_by"] = list(side.reading.cues)
    r["context"] = d.context
    return r


def _flat(record: dict[str, Any]) -> list[Any]:
    """A change record as one CSV row (CHANGE_COLUMNS)."""
    row: list[Any] = [record["direction"], " ".join(record["shared"])]
    for side in ("before", "after"):
        r = record[side]
        for col in CHANGE_SIDE_COLUMNS:
            value = r[col]
            row.append(" · ".join(value) if isinstance(value, list) else value)
    return row
