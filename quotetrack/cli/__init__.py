"""The command line: parse, call the use cases, render.  The only package that prints.

One module per command group registers its commands on the shared typer app
(`cli/base.py` holds the global options and the error boundary); importing this
package imports them all.  What only one command needs at run time (the ingest
readers, the NLP model, claims upkeep) is imported inside the use case that
needs it, so a read command never loads it (tests/test_startup.py).  The console
script is quotetrack/__main__.py.
"""

from __future__ import annotations

import importlib

from quotetrack.cli.base import app

COMMAND_MODULES = (
    "ingest",
    "reprocess",
    "search",
    "timeline",
    "claims",
    "fidelity",
    "export",
    "stats",
    "speakers",
    "quotes",
    "db",
)
"""The modules that register commands on `app`, imported in the order help lists the commands."""

for _module in COMMAND_MODULES:
    importlib.import_module(f"quotetrack.cli.{_module}")


__all__ = ["app"]
