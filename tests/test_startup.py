"""Commands that only read the database must not load the Korean NLP model (it costs ~2 s, 0.5 GiB)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from typer.testing import CliRunner
from quotetrack.cli import app
for args in ({args}):
    result = CliRunner().invoke(app, ["--db", {url!r}, *args])
    assert result.exit_code == 0, result.output
heavy = sorted(m for m in sys.modules if m.startswith(("kiwipiepy", "quotetrack.extract")))
print(",".join(heavy))
"""


@pytest.mark.slow
def test_search_and_db_commands_do_not_import_the_extractor(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    args = '["db", "upgrade"], ["db", "current"], ["search", "-s", "푸틴"], ["search", "-f", "json"]'
    args += ', ["search", "-t", "위반"], ["timeline", "푸틴"], ["claims", "푸틴"], ["changes", "푸틴"]'
    args += ', ["export", "-f", "jsonl"], ["stats"]'
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, url=url)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_the_console_script_loads_only_the_command_being_run() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['quotetrack', '--db', 'sqlite:///x.db', 'search', '--help']\n"
        "import quotetrack.cli as cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('quotetrack.cli.')))\n"
        "print('quotetrack.ingest.batch' in sys.modules, 'kiwipiepy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded, heavy = out.strip().splitlines()[-2:]
    assert "quotetrack.cli.search" in loaded
    assert "quotetrack.cli.ingest" not in loaded and "quotetrack.cli.speakers" not in loaded
    assert heavy == "False False"


def test_a_global_option_value_is_not_mistaken_for_the_command() -> None:
    from quotetrack.cli import command_in

    assert command_in(["--db", "search", "ingest", "x.txt"]) == "ingest"
    assert command_in(["-v", "speakers", "show", "푸틴"]) == "speakers"
    assert command_in(["--help"]) is None
