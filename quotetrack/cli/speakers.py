"""`quotetrack speakers …`: who the speakers are, and fixing their identity by hand.

``quotetrack speakers [QUERY]`` is a shorthand for ``quotetrack speakers list
[QUERY]``: the group runs `list` when its first word is not one of its commands.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from quotetrack.cli.base import app, friendly, plural, settings_of, stderr, stdout
from quotetrack.cli.output import (
    Format,
    LimitOption,
    ReportFormat,
    ReportFormatOption,
    RowsFormatOption,
    nothing_found,
    row_limit,
    rows_format,
    write_rows,
)
from quotetrack.speakers import service as speaker_service
from quotetrack.speakers.curation import NameClash
from quotetrack.speakers.queries import SpeakerProfile, SpeakerSummary

SPEAKER_CSV_KEYS = (
    "id",
    "name",
    "kind",
    "aliases",
    "current_role",
    "past_roles",
    "quotes",
    "first_seen",
    "last_seen",
    "article_only",
)
LIST_SEPARATOR = "; "
"""Joins aliases and roles in one CSV cell."""


class _ListByDefault(TyperGroup):
    """A group whose first argument, when it is not a command, is the query of `list`."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["list", *args]
        return super().parse_args(ctx, args)


speakers_app = typer.Typer(
    cls=_ListByDefault,
    help="Speakers: list and inspect them, and fix identity by hand (merge, rename, aliases, import). "
    "`quotetrack speakers [QUERY]` lists speakers.",
)
alias_app = typer.Typer(
    help="Add or remove another name of a speaker (Putin, Vladimir Putin).", no_args_is_help=True
)
speakers_app.add_typer(alias_app, name="alias")
app.add_typer(speakers_app, name="speakers")

NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="A speaker's name, alias or name part (푸틴, Vladimir Putin), or its ID.",
        show_default=False,
    ),
]


class SpeakerKind(StrEnum):
    """types.SPEAKER_KINDS as typer lists choices, so a misspelt kind is a usage error (exit 2)."""

    person = "person"
    organisation = "organisation"
    anonymous = "anonymous"
    unknown = "unknown"


SPEAKER_TSV_COLUMNS = ("id", "name", "kind", "current_role", "quotes", "first_seen", "last_seen")
"""The table's columns, one speaker per line (``--format tsv``, and the default in a pipe)."""


@speakers_app.command("list")
@friendly
def list_command(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            metavar="[QUERY]",
            help="Only speakers whose name, alias or name part matches (spacing and case ignored).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        SpeakerKind | None,
        typer.Option("--kind", "-k", help="Only speakers of this kind.", case_sensitive=False),
    ] = None,
    output_format: RowsFormatOption = None,
    limit: LimitOption = None,
) -> None:
    """List speakers with aliases, current and past roles, quote counts and first/last dates.

    Without QUERY every speaker is listed, most quoted first.  Exits with 1 when no speaker
    matches.
    """
    fmt = rows_format(output_format)
    cap = row_limit(limit, fmt)
    found = speaker_service.speakers(
        settings_of(ctx), query, kind=kind.value if kind else None, limit=cap + 1 if cap else None
    )
    truncated = cap is not None and len(found) > cap
    found = found[:cap] if cap else found
    if fmt is not Format.table:
        records = [speaker_record(s) for s in found]
        if fmt in (Format.csv, Format.tsv):
            records = [
                {
                    **r,
                    "aliases": LIST_SEPARATOR.join(r["aliases"]),
                    "past_roles": LIST_SEPARATOR.join(r["past_roles"]),
                }
                for r in records
            ]
        write_rows(records, fmt, columns=SPEAKER_CSV_KEYS, tsv_columns=SPEAKER_TSV_COLUMNS)
    elif found:
        console = stdout(soft_wrap=False)
        console.print(_speaker_table(found, console.width))
    if not found:
        nothing_found(f"No speakers match {query!r}." if query is not None else "No speakers stored yet.")
    if truncated:
        stderr().print(f"Showing the first {cap} speakers; pass --limit 0 to see all of them.")


def speaker_record(s: SpeakerSummary) -> dict[str, Any]:
    """One speaker as `speakers --format json` prints it."""
    return {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "aliases": s.aliases,
        "current_role": s.current_role,
        "past_roles": s.past_roles,
        "roles": [
            {
                "role": r.role,
                "first_seen": r.first_seen.isoformat() if r.first_seen else None,
                "last_seen": r.last_seen.isoformat() if r.last_seen else None,
                "quotes": r.quotes,
            }
            for r in s.roles
        ],
        "quotes": s.quotes,
        "first_seen": s.first_seen.isoformat() if s.first_seen else None,
        "last_seen": s.last_seen.isoformat() if s.last_seen else None,
        "article_only": s.article_only,
    }


ARTICLE_ONLY_MARK = "*"
SHORT_KINDS = {"person": "person", "organisation": "org", "anonymous": "anon", "unknown": "?"}


NARROW = 90
"""Below this terminal width the first and last days share one column."""


def _speaker_table(found: list[SpeakerSummary], width: int) -> Table:
    """Name with its aliases below, current role with past roles below: fits 60 columns and up."""
    caption = "kind: org = organisation, anon = anonymous source"
    if any(s.article_only for s in found):
        caption += f"; {ARTICLE_ONLY_MARK} = known in one article only (anonymous, a surname or title alone"
        caption += ", or unresolved)"
    narrow = width < NARROW
    table = Table(show_lines=True, caption=caption, caption_justify="left")
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Speaker (aliases)", overflow="fold", ratio=1, min_width=8)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Role (past roles)", overflow="fold", ratio=1, min_width=8)
    table.add_column("Quotes", justify="right", no_wrap=True)
    for title in ("First\nLast",) if narrow else ("First", "Last"):
        table.add_column(title, no_wrap=True)
    for s in found:
        name = Text(s.name + (ARTICLE_ONLY_MARK if s.article_only else ""))
        if s.aliases:
            name.append("\n" + ", ".join(s.aliases), style="dim")
        role = Text(s.current_role or "")
        if s.past_roles:
            role.append(("\n" if s.current_role else "") + ", ".join(s.past_roles), style="dim")
        first = s.first_seen.isoformat() if s.first_seen else ""
        last = s.last_seen.isoformat() if s.last_seen else ""
        days = [f"{first}\n{last}"] if narrow else [first, last]
        table.add_row(str(s.id), name, SHORT_KINDS.get(s.kind, s.kind), role, str(s.quotes), *days)
    return table


@speakers_app.command("show")
@friendly
def show_command(
    ctx: typer.Context,
    name: NameArgument,
    output_format: ReportFormatOption = ReportFormat.table,
) -> None:
    """One speaker's profile: aliases, role history, quotes by kind, outlets and the latest quotes."""
    profile = speaker_service.show(settings_of(ctx), name)
    if output_format is ReportFormat.json:
        data = {
            **speaker_record(profile.summary),
            "quotes_by_kind": profile.by_kind,
            "outlets": [{"outlet": o, "quotes": n} for o, n in profile.outlets],
            "printed_as": [{"name": p, "quotes": n} for p, n in profile.printed_as],
            "latest": [
                {
                    "id": q.quote_id,
                    "day": q.day.isoformat() if q.day else None,
                    "role": q.role,
                    "kind": q.kind,
                    "text": q.text,
                    "outlet": q.outlet,
                }
                for q in profile.recent
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_profile(profile)


def _print_profile(p: SpeakerProfile) -> None:
    s = p.summary
    out = stdout(soft_wrap=False)
    title = Text.assemble((s.name, "bold"), f"  (ID {s.id}, {s.kind}")
    title.append(", known in one article only)" if s.article_only else ")")
    out.print(title)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("Aliases", ", ".join(s.aliases) or "-")
    facts.add_row("Printed as", ", ".join(f"{name} ({n})" for name, n in p.printed_as) or "-")
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(p.by_kind.items()))
    facts.add_row("Quotes", f"{s.quotes}" + (f" ({kinds})" if kinds else ""))
    facts.add_row("Seen", f"{s.first_seen or '?'} – {s.last_seen or '?'}" if s.quotes else "-")
    facts.add_row("Outlets", ", ".join(f"{o} ({n})" for o, n in p.outlets) or "-")
    out.print(facts)
    if s.roles:
        roles = Table(title="Roles", title_justify="left", show_lines=False)
        roles.add_column("Role", overflow="fold")
        roles.add_column("First", no_wrap=True)
        roles.add_column("Last", no_wrap=True)
        roles.add_column("Quotes", justify="right")
        for r in s.roles:
            roles.add_row(r.role, str(r.first_seen or ""), str(r.last_seen or ""), str(r.quotes))
        out.print(roles)
    if p.recent:
        latest = Table(title="Latest quotes", title_justify="left", show_lines=True)
        latest.add_column("ID", justify="right", no_wrap=True)
        latest.add_column("Day", no_wrap=True)
        latest.add_column("Role", overflow="fold", max_width=20)
        latest.add_column("Quote", overflow="fold", max_width=max(20, out.width - 60))
        latest.add_column("Outlet", overflow="fold", max_width=12)
        for q in p.recent:
            latest.add_row(str(q.quote_id), str(q.day or "?"), q.role or "", q.text, q.outlet or "")
        out.print(latest)


@speakers_app.command("merge")
@friendly
def merge_command(
    ctx: typer.Context,
    keep: Annotated[
        str,
        typer.Argument(
            metavar="NAME", help="The speaker to keep (name or ID); its name stays.", show_default=False
        ),
    ],
    others: Annotated[
        list[str],
        typer.Argument(
            metavar="OTHER...",
            help="Speakers that are the same person (names or IDs); they become aliases of NAME.",
            show_default=False,
        ),
    ],
) -> None:
    """Merge speakers that are one person or body; the merge survives re-ingest and reprocess."""
    change = speaker_service.merge(settings_of(ctx), keep, others)
    stdout().print(change.message)


@speakers_app.command("rename")
@friendly
def rename_command(
    ctx: typer.Context,
    name: NameArgument,
    new_name: Annotated[
        str, typer.Argument(metavar="NEW_NAME", help="The new canonical name.", show_default=False)
    ],
) -> None:
    """Change a speaker's canonical name; the old name is kept as an alias."""
    change = speaker_service.rename(settings_of(ctx), name, new_name)
    stdout().print(change.message)
    _note_clash(change.clash, change.speaker_id)


@alias_app.command("add")
@friendly
def alias_add_command(
    ctx: typer.Context,
    name: NameArgument,
    alias: Annotated[
        str,
        typer.Argument(metavar="ALIAS", help="Another name, in any script (Putin).", show_default=False),
    ],
) -> None:
    """Add another name for a speaker; --speaker and new articles then find it by that name too."""
    change = speaker_service.add_alias(settings_of(ctx), name, alias)
    stdout().print(change.message)
    _note_clash(change.clash, change.speaker_id)


@alias_app.command("remove")
@friendly
def alias_remove_command(
    ctx: typer.Context,
    name: NameArgument,
    alias: Annotated[str, typer.Argument(metavar="ALIAS", help="The alias to forget.", show_default=False)],
) -> None:
    """Remove one of a speaker's aliases."""
    stdout().print(speaker_service.remove_alias(settings_of(ctx), name, alias).message)


@speakers_app.command("import")
@friendly
def import_command(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE.csv",
            help="CSV rows canonical,alias[,kind] (UTF-8 or CP949; a header row is optional).",
            show_default=False,
        ),
    ],
) -> None:
    """Load a team's curated speaker names and aliases; nothing is stored if any row is invalid."""
    report = speaker_service.import_names(settings_of(ctx), path)
    summary = Table.grid(padding=(0, 2))
    summary.add_column(justify="right")
    summary.add_column()
    summary.add_row(str(report.created), plural(report.created, "speaker") + " created")
    summary.add_row(
        str(report.aliases_added), ("alias" if report.aliases_added == 1 else "aliases") + " added"
    )
    summary.add_row(str(report.kinds_set), plural(report.kinds_set, "kind") + " set")
    summary.add_row(str(report.unchanged), plural(report.unchanged, "row") + " already known")
    stdout(soft_wrap=False).print(summary)
    for clash in report.clashes:
        _note_clash(clash, None)


def _note_clash(clash: NameClash | None, speaker_id: int | None) -> None:
    if clash is None:
        return
    ids = ", ".join(str(i) for i in clash.speaker_ids)
    err = stderr()
    err.print(f"Note: {clash.name} is also a name of {plural(len(clash.speaker_ids), 'speaker')} {ids}.")
    if speaker_id is not None:
        err.print(f"  If they are the same: quotetrack speakers merge {speaker_id} {ids.replace(',', '')}")
