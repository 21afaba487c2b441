"""``python -m quotetrack``: the same CLI as the ``quotetrack`` command, loading only the command run."""

from quotetrack.cli import main

main(prog_name="quotetrack")
