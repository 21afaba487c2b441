"""Every command and option explains itself (in the spirit of sqlite-utils' test_docs)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

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


# --- docs/commands.md against the real --help ----------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs"
FILTERS = (
    "--speaker",
    "--text",
    "--since",
    "--until",
    "--outlet",
    "--kind direct|indirect|headline",
    "--role",
    "--attribution explicit|resolved|pronoun|carried|tag|interview|headline|relay",
)
"""What FILTERS stands for in a heading of docs/commands.md."""
OPTION_ROW = re.compile(r"^│ (--[a-z][a-z-]*)(?: +-[a-zA-Z])? +(\S+)", re.MULTILINE)
SPELLED = re.compile(r"(--[a-z][a-z-]*)(?: ([a-z]+(?:\|[a-z]+)+))?")


@functools.cache
def help_options(path: tuple[str, ...]) -> dict[str, tuple[str, ...] | None]:
    """A command's long options as `--help` prints them, each with its choices (None if free)."""
    result = CliRunner(env={"COLUMNS": "250", "NO_COLOR": "1"}).invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    options: dict[str, tuple[str, ...] | None] = {}
    for name, kind in OPTION_ROW.findall(result.stdout):
        choices = re.fullmatch(r"<(?:list\[)?([a-z|]+)\]?>", kind)
        options[name] = tuple(choices.group(1).split("|")) if choices and "|" in kind else None
    options.pop("--help")
    return options


def documented() -> dict[tuple[str, ...], dict[str, tuple[str, ...] | None]]:
    """docs/commands.md's headings: command path → the options its usage line spells out."""
    found = {}
    for usage in re.findall(r"^## `quotetrack([^`]*)`", (DOCS / "commands.md").read_text(), re.MULTILINE):
        words = usage.split()
        path = tuple(itertools.takewhile(lambda w: re.fullmatch(r"[a-z]+", w), words))
        rest = " ".join(words[len(path) :]).replace("FILTERS", " ".join(FILTERS))
        found[path] = {name: tuple(c.split("|")) if c else None for name, c in SPELLED.findall(rest)}
    return found


def test_the_command_reference_lists_every_command_with_its_options_as_help_prints_them() -> None:
    leaves = [path for path, command in COMMANDS if not getattr(command, "commands", None)]
    docs = documented()
    assert sorted(docs) == sorted([(), *leaves]), (
        "docs/commands.md: one '## `quotetrack …`' heading per command"
    )
    for path, spelled in docs.items():
        real = help_options(path)
        assert sorted(spelled) == sorted(real), f"quotetrack {' '.join(path)}: options in docs/commands.md"
        for name, choices in real.items():
            if choices is not None:
                assert spelled[name] == choices, f"quotetrack {' '.join(path)} {name}: choices in the heading"


def test_every_option_the_docs_mention_exists() -> None:
    real = {name for path, _ in COMMANDS for name in help_options(path)} | {"--help"}
    for page in (DOCS / "commands.md", DOCS.parent / "README.md"):
        mentioned = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", page.read_text()))
        assert mentioned <= real, f"{page.name} mentions options no command has: {sorted(mentioned - real)}"


# --- the grammar table of docs/commands.md against the real --help -------------------------------

SHORT_ROW = re.compile(r"^│ (--[a-z][a-z-]*) +(-[a-zA-Z])? ", re.MULTILINE)


def grammar_table() -> dict[tuple[str, ...], dict[str, str]]:
    """'One grammar for every read command': command path → {column heading: cell}."""
    section = (DOCS / "commands.md").read_text().split("## One grammar for every read command", 1)[1]
    section = section.split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    headings = [cell.strip(" `") for cell in lines[0].strip("|").split("|")]
    table = {}
    for line in lines[1:]:
        cells = [cell.strip(" `") for cell in line.strip("|").split("|")]
        table[tuple(cells[0].split())] = dict(zip(headings[1:], cells[1:], strict=True))
    return table


def short_forms(path: tuple[str, ...]) -> dict[str, str | None]:
    result = CliRunner(env={"COLUMNS": "250", "NO_COLOR": "1"}).invoke(app, [*path, "--help"])
    return {name: short or None for name, short in SHORT_ROW.findall(result.stdout)}


def test_every_read_command_speaks_the_grammar_the_docs_table_promises() -> None:
    table = grammar_table()
    assert set(table) >= {
        ("search",),
        ("show",),
        ("timeline",),
        ("claims",),
        ("changes",),
        ("stats",),
        ("export",),
        ("speakers", "list"),
    }
    for path, cells in table.items():
        real, shorts = help_options(path), short_forms(path)
        for heading, cell in cells.items():
            name, _, short = heading.partition("/")
            if cell == "—":
                assert name not in real, f"quotetrack {' '.join(path)} has {name}; the grammar table says no"
                continue
            assert name in real, f"quotetrack {' '.join(path)} lacks {name}, which the grammar table promises"
            assert shorts[name] == (short or None), f"quotetrack {' '.join(path)} {name}: short form"
            if name == "--format":
                assert real[name] == tuple(cell.split()), f"quotetrack {' '.join(path)} --format choices"


def test_no_read_command_uses_dash_o_for_anything_but_an_output_file() -> None:
    for path, _ in COMMANDS:
        forms = short_forms(path)
        assert all(short != "-o" or name == "--output" for name, short in forms.items()), path
        assert all(short != "-O" for short in forms.values()), path
