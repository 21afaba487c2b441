"""`quotetrack db …`: create, upgrade and inspect the database schema."""

from __future__ import annotations

import typer

from quotetrack import service
from quotetrack.cli.base import app, friendly, settings_of, stdout

db_app = typer.Typer(help="Create, upgrade and inspect the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@friendly
def db_upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (needed for PostgreSQL; SQLite upgrades itself)."""
    settings = settings_of(ctx)
    before, after = service.upgrade_database(settings)
    where = service.describe_database(settings)
    if before == after:
        stdout().print(f"{where} is already at the latest revision ({after}).")
    else:
        stdout().print(f"Upgraded {where} from revision {before or '(empty)'} to {after}.")


@db_app.command("current")
@friendly
def db_current(ctx: typer.Context) -> None:
    """Show the database's schema revision and whether it is the latest."""
    settings = settings_of(ctx)
    status = service.database_status(settings)
    where = service.describe_database(settings)
    if status.is_current:
        state = "latest"
    elif not status.known:
        state = "made by a newer quotetrack; upgrade quotetrack"
    elif status.current is None:
        state = "empty; run `quotetrack db upgrade`"
    else:
        state = f"behind {status.head}; run `quotetrack db upgrade`"
    stdout().print(f"{where}: revision {status.current or '(none)'} ({state})")
