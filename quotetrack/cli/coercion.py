"""Option and argument values converted without pydantic, for a quick start (issue 6, BENCHMARKS.md).

typer 0.29 converts every parameter's value (even an unset one) through a
pydantic ``TypeAdapter`` it builds on first use: importing pydantic and
building a dozen adapters cost `quotetrack search` ~0.05 s of its ~0.5 s, for
values that are strings, small integers and choices.  typer builds that
converter lazily, per parameter (`_TyperParameter.get_runtime_param`), and
keeps it in the parameter's ``_runtime_param``; `install` fills that slot
beforehand with `Quick`, which converts the values quotetrack's parameters
take — a string, a non-negative decimal integer in range, one of an enum's
choices, a list of those — exactly as typer's adapter would, and hands any
other value (a bad integer, an unknown choice, an out-of-range number, a type
it does not know) to typer's own converter, so error messages and every
corner case stay typer's.  tests/test_cli_coercion.py checks both give the
same result for every parameter of every command.

It relies on typer internals (`typer._coercion`): with a typer that has none,
importing this module fails and cli/base.py converts values through typer as
it always has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, get_args

from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice
from typer.core import _TyperParameter

if TYPE_CHECKING:
    from typer._click import Command, Context

_DEFER: Any = object()
"""What a converter returns for a value it leaves to typer's own converter."""
_DECIMAL = re.compile(r"[0-9]{1,18}")

Convert = Callable[[Any, "Context"], Any]


def install(command: Command, ctx: Context) -> None:
    """Give each parameter of `command` (run in `ctx`) and of its subcommands, at any depth, a
    pydantic-free converter where its type is one `converter_for` knows (typer's stays for the others).

    The parameters include the help option, which click creates on first use from the context's
    help option names: each subcommand gets the context click would make for it.
    """
    for param in command.get_params(ctx):
        if not isinstance(param, _TyperParameter) or param._runtime_param is not None:
            continue
        descriptor = param.type_descriptor
        convert = converter_for(descriptor)
        if convert is not None:
            param._runtime_param = Quick(
                descriptor.parameter_info, descriptor.annotation, descriptor, convert
            )
    for name, sub in getattr(command, "commands", {}).items():
        install(sub, sub.context_class(sub, info_name=name, parent=ctx, **sub.context_settings))


def converter_for(descriptor: TypeDescriptor) -> Convert | None:
    """The quick converter for a parameter's type, or None to leave it to typer."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None or descriptor.is_path:
        return None
    annotation = descriptor.annotation
    if descriptor.is_list:
        (item,) = get_args(annotation)
        leaf = _leaf(item, descriptor)
        return None if leaf is None else _list_of(leaf)
    return _leaf(annotation, descriptor)


def _leaf(annotation: Any, descriptor: TypeDescriptor) -> Convert | None:
    info = descriptor.parameter_info
    if annotation is str:
        return _string
    if annotation is bool:
        return _boolean
    if annotation is int and not info.clamp:
        return _integer(info.min, info.max)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(tuple(annotation), info.case_sensitive)
    return None


def _string(value: Any, _ctx: Context) -> Any:
    return value if isinstance(value, str) else _DEFER


def _boolean(value: Any, _ctx: Context) -> Any:
    return value if isinstance(value, bool) else _DEFER


def _integer(low: float | None, high: float | None) -> Convert:
    def convert(value: Any, _ctx: Context) -> Any:
        if isinstance(value, str) and _DECIMAL.fullmatch(value):
            value = int(value)
        elif not isinstance(value, int) or isinstance(value, bool):
            return _DEFER
        if (low is not None and value < low) or (high is not None and value > high):
            return _DEFER  # typer says what the bound is
        return value

    return convert


def _choice(choices: tuple[Enum, ...], case_sensitive: bool) -> Convert:
    def convert(value: Any, ctx: Context) -> Any:
        try:
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
        except ValueError:
            return _DEFER

    return convert


def _list_of(leaf: Convert) -> Convert:
    def convert(value: Any, ctx: Context) -> Any:
        items = [leaf(item, ctx) for item in (value if isinstance(value, list | tuple) else [value])]
        return _DEFER if any(item is _DEFER for item in items) else items

    return convert


@dataclass(frozen=True)
class Quick(RuntimeParam):
    """typer's runtime converter slot, filled with `convert`; typer's own converter (built on
    demand, with pydantic) takes any value `convert` leaves to it."""

    descriptor: TypeDescriptor
    convert: Convert

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        result = self.convert(value, ctx)
        if result is _DEFER:
            return build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)
        return result
