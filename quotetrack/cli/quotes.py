"""`quotetrack quotes …`: fixing single quotes by hand (reassign a misattributed quote)."""

from __future__ import annotations

from typing import Annotated

import typer

from quotetrack.cli.base import app, friendly, settings_of, stdout
from quotetrack.speakers import service as speaker_service

quotes_app = typer.Typer(help="Fix single quotes (reassign a misattributed quote).", no_args_is_help=True)
app.add_typer(quotes_app, name="quotes")


@quotes_app.command("reassign")
@friendly
def reassign_command(
    ctx: typer.Context,
    quote_id: Annotated[
        int,
        typer.Argument(
            metavar="QUOTE_ID",
            help="The quote's ID (the id column of search -f json/csv).",
            show_default=False,
        ),
    ],
    speaker: Annotated[
        str,
        typer.Argument(
            metavar="SPEAKER", help="Who really said it: a name, alias or ID.", show_default=False
        ),
    ],
    role: Annotated[
        str | None,
        typer.Option(
            "--role", help="The speaker's role for this quote (the printed one described someone else)."
        ),
    ] = None,
    new_kind: Annotated[
        str | None,
        typer.Option(
            "--new-kind",
            help="Create SPEAKER with this kind (person, organisation) when no speaker has that name.",
        ),
    ] = None,
) -> None:
    """Attribute a misattributed quote to the right speaker; kept across re-ingest and reprocess."""
    change = speaker_service.reassign(settings_of(ctx), quote_id, speaker, role=role, new_kind=new_kind)
    stdout().print(change.message)
