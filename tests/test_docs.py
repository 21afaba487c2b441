"""Every command and option explains itself (in the spirit of sqlite-utils' test_docs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from quotetrack.cli import app

click_app = typer.main.get_command(app)


def walk(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))


COMMANDS = list(walk(click_app))
IDS = [" ".join(path) or "quotetrack" for path, _ in COMMANDS]


def test_the_commands_the_readme_promises_exist() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"ingest", "extract", "search", "db", "db upgrade", "db current"} <= names
    assert {"show", "timeline", "claims", "changes", "export", "stats"} <= names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_command_and_parameter_has_help(path: tuple[str, ...], command: object) -> None:
    assert (getattr(command, "help", None) or "").strip(), f"{path} has no help"
    for param in getattr(command, "params", []):
        assert (getattr(param, "help", None) or "").strip(), f"{path}: parameter {param.name} has no help"


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=IDS)
def test_help_renders(path: tuple[str, ...]) -> None:
    result = CliRunner(env={"COLUMNS": "120"}).invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
