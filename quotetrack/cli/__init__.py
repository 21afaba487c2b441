"""The command line: parse, call `quotetrack.service`, render.  The only package that prints.

One module per command group registers its commands on the shared `app`
(cli/app.py holds the global options and the error boundary).
"""

from quotetrack.cli import (  # noqa: F401  (importing registers the commands)
    claims,
    db,
    export,
    ingest,
    quotes,
    reprocess,
    search,
    speakers,
    stats,
    timeline,
)
from quotetrack.cli.app import app

__all__ = ["app"]
