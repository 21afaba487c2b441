"""The command line: parse, call the use cases, render.  The only package that prints.

One module per command group registers its commands on the shared typer app
(`cli/base.py` holds the global options and the error boundary).  A command
module imports what its commands need (the database layer, the ingest
pipeline), and importing all of them costs more than a quick `search` should
pay, so `main()` loads only the module of the command being run; `app`, the
fully loaded application (for `--help` and tests), is built on first access.

Start-up is most of what a quick command costs (BENCHMARKS.md, issue 6), and a
good part of it was Python's cyclic garbage collector: importing SQLAlchemy,
typer and rich allocates a few hundred thousand objects, which triggers
collections that walk all of them again and again, and at exit the interpreter
walks them once more.  None of those objects ever becomes garbage (they are
modules, classes and their caches), so `main()` imports with the collector
paused and then moves everything imported so far to the collector's permanent
generation (`gc.freeze`), where no later collection looks at it; the command
itself runs with the collector on as usual.  That is why this module imports
typer and the command modules inside `main()`, not at the top: importing
`quotetrack.cli` must stay cheap until `main()` has paused the collector.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

COMMAND_MODULES = {
    "ingest": "ingest",
    "extract": "ingest",
    "reprocess": "reprocess",
    "search": "search",
    "show": "search",
    "timeline": "timeline",
    "claims": "claims",
    "changes": "claims",
    "fidelity": "fidelity",
    "export": "export",
    "stats": "stats",
    "speakers": "speakers",
    "quotes": "quotes",
    "db": "db",
}
"""Command name → the module of quotetrack.cli that registers it (in the order help lists them)."""

_OPTIONS_WITH_VALUES = frozenset({"--db"})


def load_commands(names: Sequence[str] | None = None) -> None:
    """Import the command modules for `names` (all of them when None): importing registers them."""
    modules = (
        dict.fromkeys(COMMAND_MODULES[n] for n in names) if names else dict.fromkeys(COMMAND_MODULES.values())
    )
    for module in modules:
        importlib.import_module(f"quotetrack.cli.{module}")


def command_in(argv: Sequence[str]) -> str | None:
    """The command a command line runs, skipping the global options before it."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Import with the garbage collector off, then freeze what was imported (see the docstring)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def main(prog_name: str | None = None) -> None:
    """The `quotetrack` console script: load only the command being run, then run it."""
    command = command_in(sys.argv[1:])
    with collector_paused():
        load_commands([command] if command in COMMAND_MODULES else None)
        from quotetrack.cli.base import app
    app(prog_name=prog_name)


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        from quotetrack.cli.base import app

        load_commands()
        return app
    raise AttributeError(name)


__all__ = ["COMMAND_MODULES", "app", "command_in", "load_commands", "main"]
