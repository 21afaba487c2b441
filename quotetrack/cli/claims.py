"""`quotetrack claims SPEAKER` and `quotetrack changes SPEAKER`: what a speaker claimed, and reversals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table
from rich.text import Text

from quotetrack import service
from quotetrack.cli.base import app, friendly, plural, settings_of, stderr, stdout
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
    LimitOption,
    RowsFormatOption,
    nothing_found,
    row_limit,
    rows_format,
    write_rows,
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
    speaker_name: SpeakerArgument = None,
    speaker: SpeakerOption = None,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    role: RoleOption = None,
    attribution: AttributionOption = None,
    output_format: RowsFormatOption = None,
    limit: LimitOption = None,
) -> None:
    """A speaker's claims: each statement once, however many outlets and days reported it.

    Reports of one statement are grouped even when reworded, re-spaced or trimmed;
    a denial and a confirmation of the same words are two claims.  Lists the first
    and last day said, and how many articles and outlets carried it, most reported first.
    """
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
    found = service.claims(settings_of(ctx), filters)
    fmt = rows_format(output_format)
    cap = row_limit(limit, fmt)
    shown = found.claims[:cap] if cap else found.claims
    if fmt is not Format.table:
        write_rows((_claim_record(c) for c in shown), fmt, columns=CLAIM_COLUMNS, tsv_columns=CLAIM_TSV)
    elif found.claims:
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
    if not found.claims:
        nothing_found(f"No claims found for {describe(filters)}.")
    if cap and len(found.claims) > cap:
        stderr().print(
            f"Showing the {cap} most reported claims of {len(found.claims)}; pass --limit 0 for all."
        )


CLAIM_COLUMNS = (
    "claim",
    "speaker",
    "text",
    "first_said",
    "last_said",
    "reports",
    "outlets",
    "days",
    "quotes",
)
"""The columns of ``claims --format csv`` (json and jsonl also give each claim's headlines)."""
CLAIM_TSV = ("claim", "first_said", "last_said", "reports", "outlets", "text")
"""The table's columns, one claim per line (``--format tsv``, and the default in a pipe)."""


def _claim_record(c: ClaimSummary) -> dict[str, Any]:
    return {
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
            {"quote": h.quote_id, "text": h.text, "condenses": h.body_quote_id, "changes": list(h.flags)}
            for h in c.headlines
        ],
    }


def _statement_cell(c: ClaimSummary) -> Text:
    """The statement, and under it each headline condensing it (#id) and what that headline changes."""
    cell = Text(c.text)
    for h in c.headlines:
        changed = "; ".join(f"{f['kind']} {f['change']}" for f in h.flags) or "faithful"
        cell.append(f"\nheadline #{h.quote_id} → #{h.body_quote_id}: ", style="dim")
        cell.append(h.text)
        cell.append(f"  ({changed})", style="dim italic")
    return cell


@app.command()
@friendly
def changes(
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
    output_format: RowsFormatOption = None,
    limit: LimitOption = None,
) -> None:
    """Flag where a speaker reversed a position: a later denial of what was affirmed, or the reverse.

    Statements are compared in date order; a pair is flagged when the later one was
    said on a later day, takes the opposite stance (a negation, denial, refusal or
    retraction against its absence; questions, conditions, obligations and double
    negations take none) and is about the same thing: they share the content words
    that are rare for this speaker, whatever their wording.  Both passages are shown
    with their dates, outlets, titles and the words that decided each stance.
    """
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
    fmt = rows_format(output_format)
    cap = row_limit(limit, fmt)
    report = service.changes(settings_of(ctx), filters, limit=cap)
    shown = report.changes
    n = report.statements
    summary = f"{n} {plural(n, 'statement')} of {' · '.join(report.speakers)}"
    if fmt is not Format.table:
        records = [_change_record(c) for c in shown]
        flat = fmt in (Format.csv, Format.tsv)
        write_rows((_flat(r) for r in records) if flat else records, fmt, columns=CHANGE_COLUMNS)
    elif report.found:
        _print_changes(report, summary)
    note_undated(ctx, filters, left_out_of="the comparison")
    if not report.speakers or not n:
        nothing_found(f"No quotes found for {describe(filters)}.")
    if not report.found:  # an answer about the quotes found: exit 0
        (stdout() if fmt is Format.table else stderr()).print(f"No reversals found in {summary}.")
    if cap and report.found > cap:
        stderr().print(f"Showing the first {cap} reversals of {report.found}; pass --limit 0 for all.")


def _print_changes(report: service.ChangeList, summary: str) -> None:
    """Each reversal shown: its two days, which way it turned, the shared words, both passages."""
    out = stdout(soft_wrap=False)
    k = report.found
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
"""The columns of ``changes --format csv|tsv``: one row per reversal, both sides."""


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


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """A change record as one CSV or TSV row (CHANGE_COLUMNS): both sides side by side."""
    row: dict[str, Any] = {"direction": record["direction"], "shared": " ".join(record["shared"])}
    for side in ("before", "after"):
        r = record[side]
        for col in CHANGE_SIDE_COLUMNS:
            value = r[col]
            row[f"{side}_{col}"] = " · ".join(value) if isinstance(value, list) else value
    return row
