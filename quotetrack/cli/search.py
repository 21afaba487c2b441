"""`quotetrack search` and `quotetrack show`: find stored quotes, and look at one closely."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.cells import cell_len
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
    SpeakerOption,
    TextOption,
    UntilOption,
    describe,
    make_filter,
    note_undated,
)
from quotetrack.cli.output import (
    Format,
    LimitOption,
    LinedReportFormatOption,
    RowsFormatOption,
    nothing_found,
    row_limit,
    rows_format,
    write_rows,
)
from quotetrack.records import ROW_KEYS, format_date, format_published, row_record

if TYPE_CHECKING:
    from quotetrack.db.search import QuoteDetail

SEARCH_TSV_COLUMNS = ("quote_id", "said_on", "speaker", "speaker_role", "kind", "text", "outlet")
"""The table's columns, as `search` writes them one row per line into a pipe (--format tsv)."""


class SortOrder(StrEnum):
    said = "said"
    newest = "newest"
    relevance = "relevance"


@app.command()
@friendly
def search(
    ctx: typer.Context,
    speaker: SpeakerOption = None,
    text: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    kind: KindOption = None,
    role: RoleOption = None,
    attribution: AttributionOption = None,
    sort: Annotated[
        SortOrder | None,
        typer.Option(
            "--sort",
            help="said: oldest first (the default); newest: newest first; relevance: best --text "
            "matches first (the default with --text).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output_format: RowsFormatOption = None,
    limit: LimitOption = None,
) -> None:
    """Find stored quotes by speaker, words, dates, outlet, kind and role.

    When nothing matches, a message says so on stderr and the exit code is 1 (json
    prints [] and csv only its header first), so a script can tell.
    """
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
    fmt = rows_format(output_format)
    cap = row_limit(limit, fmt)
    rows = service.search(
        settings_of(ctx), filters, sort=sort.value if sort else None, limit=cap + 1 if cap else None
    )
    truncated = cap is not None and len(rows) > cap
    rows = rows[:cap] if cap else rows
    records = [row_record(row) for row in rows]
    write_records(records, fmt)
    note_undated(ctx, filters)
    if not rows:
        nothing_found(f"No quotes found for {describe(filters)}.")
    if truncated:
        stderr().print(f"Showing the first {cap} quotes; pass --limit 0 to see all of them.")


def write_records(records: list[dict[str, Any]], fmt: Format) -> None:
    """Quote rows to stdout as a table, JSON array, JSON lines, CSV or TSV."""
    if fmt is not Format.table:
        write_rows(records, fmt, columns=ROW_KEYS, tsv_columns=SEARCH_TSV_COLUMNS)
    elif records:
        console = stdout(soft_wrap=False)
        console.print(quote_table(records, console.width))


def quote_table(records: list[dict[str, Any]], width: int) -> Table:
    """The search table, its columns sized to `width` up front.

    Rich's own shrinking can push the last column off a narrow terminal when
    cells hold wide (CJK) text, so each column gets a maximum that adds up to
    the width and only the quote column takes what is left; quotes wrap.
    Cells are plain text: stored text is shown as it is (a quote holding
    ``[bold]`` or ``:smile:`` is not read as rich markup or an emoji code).
    """

    def share(fraction: float, low: int, high: int) -> int:
        return max(low, min(high, int(width * fraction)))

    def widest_word(key: str, high: int) -> int:
        """Widest word of a column's cells, up to `high`: names break between words (블라디미르 / 푸틴)."""
        return min(high, max((cell_len(w) for r in records for w in (r[key] or "").split()), default=0))

    ident = max(2, len(str(max((r["quote_id"] for r in records), default=0))))
    show_kind, show_role = width >= 100, width >= 72  # narrow terminals keep the quote readable
    speaker = max(share(0.12, 7, 16), widest_word("speaker", 12))
    role = max(share(0.12, 6, 16), widest_word("speaker_role", 10)) if show_role else 0
    outlet = share(0.1, 6, 12)
    kind = 8 if show_kind else 0
    columns = 5 + show_kind + show_role
    overhead = (columns + 1) + columns * 2  # vertical rules, and one space of padding each side
    quote = max(12, width - overhead - (ident + 10 + speaker + role + kind + outlet))
    table = Table(show_lines=True)
    table.add_column("ID", width=ident, justify="right", no_wrap=True)
    table.add_column("Said", width=10, no_wrap=True)
    table.add_column("Speaker", max_width=speaker, overflow="fold")
    if show_role:
        table.add_column("Role", max_width=role, overflow="fold")
    if show_kind:
        table.add_column("Kind", max_width=kind, overflow="fold")
    table.add_column("Quote", max_width=quote, overflow="fold")
    table.add_column("Outlet", max_width=outlet, overflow="fold")
    for r in records:
        cells = [str(r["quote_id"]), r["effective_date"] or "?", r["speaker"] or ""]
        if show_role:
            cells.append(r["speaker_role"] or "")
        if show_kind:
            cells.append(r["kind"])
        table.add_row(*map(Text, [*cells, r["text"], r["outlet"] or ""]))
    return table


@app.command()
@friendly
def show(
    ctx: typer.Context,
    quote_id: Annotated[
        int, typer.Argument(metavar="ID", help="The quote's id (first column of `quotetrack search`).")
    ],
    output_format: LinedReportFormatOption = None,
) -> None:
    """Show one quote in its sentence, with speaker, role, dates, article title, outlet and URL."""
    detail = service.show(settings_of(ctx), quote_id)
    record = row_record(detail.row)
    fmt = rows_format(output_format)
    if fmt is Format.json:
        record |= {
            "context": detail.context,
            "quote_start": detail.quote_start,
            "quote_end": detail.quote_end,
            "byline": detail.byline,
            "claim_reports": detail.claim_reports,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    fields = show_fields(detail)
    if fmt is Format.tsv:  # a pipe: one "label<TAB>value" line each, the passage first
        lines = [
            {"field": "Context", "value": detail.context},
            *({"field": k, "value": v} for k, v in fields),
        ]
        write_rows(lines, fmt, columns=("field", "value"))
        return
    out = stdout()
    out.print(passage(detail.context, detail.quote_start, detail.quote_end))
    out.print()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in fields:
        grid.add_row(label, Text(value))
    stdout(soft_wrap=False).print(grid)


def show_fields(detail: QuoteDetail) -> list[tuple[str, str]]:
    """The labelled facts `show` lists under the passage, those with a value, in order."""
    row = detail.row
    who = row.speaker or "(unknown)"
    if row.speaker_as_printed and row.speaker_as_printed != row.speaker:
        who += f"  (printed as {row.speaker_as_printed})"
    fields = (
        ("Quote", f"#{row.quote_id} · {row.kind}" + (f" · {row.verb}" if row.verb else "")),
        ("Speaker", who),
        ("Found by", ATTRIBUTION_LABELS.get(row.attribution or "", "")),
        ("Relayed by", row.relayed_by or ""),
        ("Role", row.speaker_role or ""),
        ("Said", format_date(row.said_on) or "unknown"),
        ("Published", format_published(row.published, row.published_has_time) or "unknown"),
        ("Title", row.title or ""),
        ("Outlet", row.outlet or ""),
        ("Byline", detail.byline or ""),
        ("URL", row.url or ""),
        ("Source", row.source),
        (
            "Claim",
            f"#{row.claim_id}, carried by {detail.claim_reports} {plural(detail.claim_reports, 'article')}"
            if row.claim_id
            else "",
        ),
    )
    return [(label, value) for label, value in fields if value]


ATTRIBUTION_LABELS = {
    "explicit": "named as the subject of the quote's sentence",
    "resolved": "a shorter or titled mention resolved within the article",
    "pronoun": "a pronoun (그는, 이 대변인은) resolved within the article",
    "carried": "carried over from the speaker of the quote before",
    "tag": "a broadcast soundbite tag",
    "interview": "the interviewee of a Q&A",
    "headline": "named in the headline",
    "relay": "named by the outlet that relayed the words",
}
"""How `show` explains each types.ATTRIBUTIONS value to a reader judging how sure the speaker is."""


def passage(context: str, start: int, end: int) -> Text:
    """The context with the quote itself in bold."""
    return Text.assemble(context[:start], (context[start:end], "bold"), context[end:])
