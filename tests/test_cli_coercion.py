"""cli/coercion.py converts option values without pydantic: it must give exactly what typer's own
converter gives — the same value, or the same error — for every parameter of every command."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any, get_args

import pytest
import typer.main
from typer._click import Command, Context
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from quotetrack.cli import app
from quotetrack.cli.coercion import Quick, install

TEXTS: tuple[Any, ...] = ("푸틴", "", " 공백 ", "--text", "0", b"bytes", 7)
INTEGERS: tuple[Any, ...] = (
    *("0", "7", "007", "100", "-1", "+5", " 5", "5 ", "1_0", "5.0", "1.5", "abc", ""),
    *("١٢", "99999999999999999999", "999999999999999999", 0, 5, -3, 10**20, True, 2.0),
)
FLAGS: tuple[Any, ...] = (True, False, "true", "no", "", 1)


def choices(enum: type[Enum]) -> tuple[Any, ...]:
    values = [m.value for m in enum]
    return (*enum, *values, *(v.upper() for v in values), *(v.title() for v in values), "bogus", "", 3)


def samples(annotation: Any) -> tuple[Any, ...]:
    if annotation is str:
        return TEXTS
    if annotation is int:
        return INTEGERS
    if annotation is bool:
        return FLAGS
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return choices(annotation)
    (item,) = get_args(annotation)  # list[X]
    one = samples(item)
    return (one[0], (), tuple(one[:2]), list(one[:3]), (one[0], "bogus"), (one[-1],), "word")


def parameters() -> Iterator[tuple[str, _TyperParameter, Context]]:
    root = typer.main.get_command(app)
    root_ctx = root.context_class(root, info_name="quotetrack", **root.context_settings)
    install(root, root_ctx)

    def walk(command: Command, ctx: Context, path: str) -> Iterator[tuple[str, _TyperParameter, Context]]:
        for param in command.get_params(ctx):
            assert isinstance(param, _TyperParameter)
            yield f"{path} {param.name}", param, ctx
        for name, sub in getattr(command, "commands", {}).items():
            sub_ctx = sub.context_class(sub, info_name=name, parent=ctx, **sub.context_settings)
            yield from walk(sub, sub_ctx, f"{path} {name}")

    yield from walk(root, root_ctx, "quotetrack")


def outcome(convert: Any, value: Any, param: _TyperParameter, ctx: Context) -> tuple[str, Any]:
    try:
        result = convert.coerce(value, param=param, ctx=ctx)
    except Exception as e:
        return type(e).__name__, e.format_message() if hasattr(e, "format_message") else str(e)
    return type(result).__name__, result


def test_every_search_and_show_parameter_is_converted_without_pydantic() -> None:
    quick = {path for path, param, _ in parameters() if isinstance(param._runtime_param, Quick)}
    for command in ("quotetrack", "quotetrack search", "quotetrack show"):
        params = {path for path, _, _ in parameters() if path.rsplit(" ", 1)[0] == command}
        assert params and params <= quick, params - quick


def test_the_quick_converters_agree_with_typers_for_every_parameter() -> None:
    checked = 0
    for path, param, ctx in parameters():
        if not isinstance(param._runtime_param, Quick):
            continue
        typers = build_runtime_param(param.type_descriptor)
        for value in (None, *samples(param.type_descriptor.annotation)):
            ours, theirs = (
                outcome(param._runtime_param, value, param, ctx),
                outcome(typers, value, param, ctx),
            )
            assert ours == theirs, f"{path} {value!r}"
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("argv", [["search", "-n", "x"], ["search", "-k", "nope"], ["show", "one"]])
def test_a_bad_value_gets_typers_own_message(argv: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--db", "sqlite:///unused.db", *argv])
    assert result.exit_code == 2
    assert "Invalid value for" in result.output
