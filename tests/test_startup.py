"""Commands that only read the database must not load the Korean NLP model (it costs ~2 s, 0.5 GiB),
and `quotetrack search` loads only what it needs (issue 6: whole command ≤ 0.5 s, BENCHMARKS.md).

These tests check which modules a command loads, never how long it takes: timings belong to
benchmarks/search_bench.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.store import save_article
from tests.helpers import make_article

PROBE = """
import sys
from typer.testing import CliRunner
from quotetrack.cli import app
for args in ({args}):
    result = CliRunner().invoke(app, ["--db", {url!r}, *args])
    # an empty database finds nothing: exit 1 with a message (issue 14), never a crash
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
heavy = sorted(m for m in sys.modules if m.startswith(("kiwipiepy", "quotetrack.extract")))
print(",".join(heavy))
"""


@pytest.mark.slow
def test_search_and_db_commands_do_not_import_the_extractor(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    args = '["db", "upgrade"], ["db", "current"], ["search", "-s", "푸틴"], ["search", "-f", "json"]'
    args += ', ["search", "-t", "위반"], ["timeline", "푸틴"], ["claims", "푸틴"], ["changes", "푸틴"]'
    args += ', ["export", "-f", "jsonl"], ["stats"], ["fidelity"]'
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, url=url)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


NOT_FOR_SEARCH = (
    "quotetrack.extract",  # the NLP stack: ingest and extract only
    "kiwipiepy",
    "quotetrack.ingest",  # the ingest stack: readers, the batch writer, multiprocessing, urllib
    "multiprocessing",
    "quotetrack.db.store",  # the write path
    "alembic",  # the schema revision is checked with one query (db/migrate.py: ensure_current)
    "quotetrack.db.claims",  # claims upkeep: timeline, claims, changes and export only
    "quotetrack.analysis.changes",
    "sqlalchemy.dialects.postgresql",  # a SQLite URL needs neither the PostgreSQL dialect nor its driver
    "psycopg",
    "pyarrow",  # export --format parquet only
    "platformdirs",  # only without $QUOTETRACK_HOME
    "rich.traceback",
    "rich.pretty",
    "rich.markdown",
    "rich.syntax",
)
"""Modules `quotetrack search` on SQLite must not import: each would cost start-up tens of milliseconds."""

CONSOLE_SCRIPT = """
import gc, json, sys
sys.argv = ["quotetrack", *{argv!r}]
from quotetrack.__main__ import main
try:
    main()
except SystemExit as e:
    code = e.code
schema = sys.modules.get("quotetrack.db.schema")
mapped = [m.configured for m in schema.Base.registry.mappers] if schema else []
with open({report!r}, "w") as f:
    json.dump({{"code": code, "modules": sorted(sys.modules), "gc": gc.isenabled(), "frozen": gc.get_freeze_count(),
               "mappers_configured": any(mapped)}}, f)
"""


def run_console_script(tmp_path: Path, *argv: str) -> tuple[dict[str, object], str]:
    """Run the `quotetrack` console script's entry point in a fresh interpreter: its report and stdout."""
    report = tmp_path / "report.json"
    code = CONSOLE_SCRIPT.format(argv=list(argv), report=str(report))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(report.read_text()), proc.stdout


@pytest.mark.slow
def test_search_loads_only_what_it_needs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with transaction(engine) as session:
            save_article(session, make_article())
    finally:
        engine.dispose()

    for argv in (["search", "-s", "푸틴"], ["search", "-t", "위반", "-f", "json"], ["show", "1"]):
        report, out = run_console_script(tmp_path, "--db", url, *argv)
        assert report["code"] in (0, None) and "합의도" in out
        modules = report["modules"]
        assert isinstance(modules, list)
        loaded = sorted({n for n in NOT_FOR_SEARCH for m in modules if m == n or m.startswith(n + ".")})
        assert loaded == [], f"{argv[0]} imported {loaded}"
        # imports ran with the garbage collector paused, then were frozen; the command ran with it on
        assert report["gc"] is True and isinstance(report["frozen"], int) and report["frozen"] > 0
        # its queries are SQLAlchemy Core: the ORM's mappers were never set up (~10 ms)
        assert report["mappers_configured"] is False, f"{argv[0]} set up the ORM mappers"
