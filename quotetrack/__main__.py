"""``python -m quotetrack``: the same CLI as the ``quotetrack`` command."""

from quotetrack.cli import main

main(prog_name="quotetrack")
