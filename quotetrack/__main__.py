"""The `quotetrack` console script, and ``python -m quotetrack``."""

import gc


def main() -> None:
    """Run the command line, its imports done with Python's cyclic garbage collector paused.

    Importing SQLAlchemy, typer (with pydantic) and rich allocates a few hundred thousand
    objects that live as long as the process (modules, classes, their caches); collections
    triggered during the imports walk them again and again, and the interpreter walks them once
    more at exit.  Pausing the collector while importing, then moving what was imported to its
    permanent generation (`gc.freeze`), takes ~30 % off `quotetrack search` (measured: CPU
    0.91-0.96 s without, 0.64-0.74 s with, 8 alternating runs each; BENCHMARKS.md), a command
    with a 0.5 s budget.  The command itself runs with the collector on.
    """
    gc.disable()
    try:
        from quotetrack.cli import app
    finally:
        gc.freeze()
        gc.enable()
    app(prog_name="quotetrack")


if __name__ == "__main__":
    main()
