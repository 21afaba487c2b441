"""The command line: parse, call `quotetrack.service`, render.  The only package that prints.

One module per command group registers its commands on the shared `app`
(cli/app.py holds the global options and the error boundary).
"""

# importing a command module registers its commands on `app`
from quotetrack.cli import claims, db, export, ingest, reprocess, search, stats, timeline  # noqa: F401
from quotetrack.cli.app import app

__all__ = ["app"]
