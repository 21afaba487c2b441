"""The typer application, its global options and the one error boundary shared by every command.

Every command catches `QuotetrackError` in one place (`friendly`) and turns it
into ``Error: <reason>`` plus a hint on stderr with exit code 1 (2 for usage
errors); anything else is a bug and keeps its traceback.  Machine-readable
output (JSON, CSV, JSON lines) goes to stdout through plain writes, never
through rich, so it is never wrapped or colourised.  Commands live in one module
per command group (ingest.py, search.py, db.py …) and register on `app`.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar, cast

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.text import Text

from quotetrack import __version__
from quotetrack.config import Settings, load_settings
from quotetrack.db.urls import mask_secrets, secrets_of
from quotetrack.errors import QuotetrackError

P = ParamSpec("P")
R = TypeVar("R")


app = typer.Typer(
    name="quotetrack",
    help="Track who said what in Korean news: extract speaker-attributed quotes, store them, search them.",
    no_args_is_help=True,
    add_completion=True,  # typer's --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_show_locals=False,  # locals could hold a database password
    context_settings={"help_option_names": ["-h", "--help"]},
)


def stdout(*, soft_wrap: bool = True) -> Console:
    """A console on stdout; soft_wrap keeps messages unbroken when piped, tables need it off."""
    return Console(highlight=False, soft_wrap=soft_wrap)


def stderr() -> Console:
    """A console on stderr for messages, warnings and failures."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn quotetrack's user-facing errors into a message and an exit code.

    Anything else is a bug and keeps its traceback — but when the database URL holds a
    password, the traceback is printed here with every form of it masked (a driver or a
    server may echo it in an error message) and the exit code is 1.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except QuotetrackError as e:
            url = _database_url(args, kwargs)
            err = stderr()
            err.print(Text.assemble(("Error: ", "bold red"), mask_secrets(e.reason, url)))
            if e.hint:
                err.print(Text(f"  {mask_secrets(e.hint, url)}"))
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            stderr().print("Interrupted: every article finished before this point is stored.")
            raise typer.Exit(130) from None
        except Exception as e:
            url = _database_url(args, kwargs)
            if not secrets_of(url):
                raise
            report = mask_secrets("".join(traceback.format_exception(e)), url)
            err = stderr()
            err.print(Text("Unexpected error (a bug in quotetrack; please report it with this traceback):"))
            err.print(Text(report.rstrip()))
            raise typer.Exit(1) from None

    return wrapper


def _database_url(args: tuple[object, ...], kwargs: dict[str, object]) -> str:
    """The database URL of the command being run (for masking its password), from its context."""
    # typer hands commands its click context, a base class of typer.Context: found by what it does
    ctx = next((a for a in (*args, *kwargs.values()) if callable(getattr(a, "find_root", None))), None)
    if ctx is None:
        return load_settings().database_url
    root = cast(typer.Context, ctx).find_root()
    if isinstance(root.obj, Settings):
        return root.obj.database_url
    db = root.params.get("db")
    return load_settings(db if isinstance(db, str) else None).database_url


class _Redact(logging.Filter):
    """Masks the database password in every log record, its traceback included."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
            record.exc_info, record.exc_text = None, None
        record.msg, record.args = mask_secrets(message, self.url), ()
        return True


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the root command resolved from --db and the environment."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def plural(n: int, word: str) -> str:
    """`word` with an s unless `n` is one."""
    return word if n == 1 else word + "s"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
@friendly
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH|URL",
            help="Database: the path of a SQLite file (news.db), or a URL (sqlite:///PATH, "
            "postgresql://USER:PASSWORD@HOST/NAME). "
            "Default: $QUOTETRACK_DB, else quotetrack.db in the data folder ($QUOTETRACK_HOME "
            "or the platform's user data dir).",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what quotetrack does (to stderr).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Track who said what in Korean news: extract speaker-attributed quotes, store them, search them."""
    ctx.obj = load_settings(db)
    _setup_logging(verbose, ctx.obj.database_url)


def _setup_logging(verbose: bool, database_url: str) -> None:
    handler = RichHandler(console=stderr(), show_path=False, show_time=False)
    if secrets_of(database_url):
        handler.addFilter(_Redact(database_url))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], format="%(name)s: %(message)s", force=True)
    logging.getLogger("quotetrack").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
