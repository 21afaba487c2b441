"""``python -m quotetrack``: the same CLI as the ``quotetrack`` command."""

from quotetrack.cli import app

app(prog_name="quotetrack")
