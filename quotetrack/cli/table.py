"""A bordered table of plain-text cells, drawn segment for segment as rich's `Table` draws it, faster.

`quotetrack search` prints 100 rows by default, and rich's Table spent ~40 ms of
the command's ~0.4 s on them (BENCHMARKS.md, issue 6): it measures every cell
through its generic renderable protocol, wraps it inside a `Padding`, renders
and re-splits lines of segments, all to lay out what here is seven columns of
unstyled text.  `FastTable` lays out the same table directly: column widths by
rich's own rule, long cells wrapped by rich's own `Text.wrap`, short ones (most
of them) padded in place, and it yields the same segments with the same
styles, so the printed bytes are rich's, on a terminal (bold header) or not.

It covers only the layout the search table uses: a heavy-headed box with a
rule between rows, one space of padding each side, columns left- or
right-justified with an optional fixed or maximum width, header on one line,
no expansion.  Whenever rich would do something it does not reproduce — the
table wider than the console (rich then shrinks columns), a header that
wraps, a line that does not come out at the column's width — it hands the
whole table to rich's `Table` instead.  tests/test_table.py compares both
outputs on varied text and widths.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich import box
from rich.cells import cell_len
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table

PADDING = 1
"""Spaces each side of a cell, as rich's default table padding (0, 1)."""
BOX = box.HEAVY_HEAD


@dataclass(frozen=True)
class Column:
    """One column: rich's `Table.add_column` arguments that the table uses."""

    header: str
    width: int | None = None
    max_width: int | None = None
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    overflow: Literal["fold", "ellipsis"] = "ellipsis"


class FastTable:
    """A table of text cells printed as rich's `Table(show_lines=True)` with these columns prints it."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
        self.columns = list(columns)
        self.rows = [[strip_control_codes(cell) for cell in r] for r in rows]
        """Cells as rich's `Text` keeps them: without the control codes it drops."""

    def rich_table(self) -> Table:
        """The same table as rich's `Table` (what is printed when the quick layout does not apply)."""
        from rich.table import Table  # only then: importing it costs start-up ~5 ms

        table = Table(show_lines=True, box=BOX)
        for c in self.columns:
            table.add_column(
                c.header,
                width=c.width,
                max_width=c.max_width,
                justify=c.justify,
                no_wrap=c.no_wrap,
                overflow=c.overflow,
            )
        for row in self.rows:
            table.add_row(*map(Text, row))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = self._render(console, options)
        if segments is None:
            yield self.rich_table()
        else:
            yield from segments

    def _widths(self, available: int) -> list[int] | None:
        """Each column's width with its padding, as rich's `Table._calculate_column_widths` finds it
        when the table fits (None when it does not: rich would shrink columns)."""
        pad = 2 * PADDING
        if available - pad < 1:
            return None
        widths = []
        for i, c in enumerate(self.columns):
            if c.width is not None:
                widths.append(min(c.width + pad, available))
                continue
            # a cell measures as its longest line plus padding (0 cells when empty), capped at the space
            widest = max(
                min(min(_longest_line(text), available) + pad, available) if text else pad
                for text in (c.header, *(row[i] for row in self.rows))
            )
            width = min(widest, available)
            if c.max_width is not None:
                width = min(width, c.max_width + pad)
            widths.append(width or 1)
        return widths if sum(widths) <= available else None

    def _render(self, console: Console, options: ConsoleOptions) -> list[Segment] | None:
        if options.max_width < 1 or not self.columns:
            return None
        widths = self._widths(options.max_width - (len(self.columns) + 1))
        if widths is None:
            return None
        inner = [w - 2 * PADDING for w in widths]
        header = []
        for c, w in zip(self.columns, inner, strict=True):
            lines = _cell_lines(console, c.header, w, c)
            if lines is None or len(lines) != 1:
                return None
            header.append(lines[0])
        body = []
        for row in self.rows:
            cells = []
            for text, c, w in zip(row, self.columns, inner, strict=True):
                lines = _cell_lines(console, text, w, c)
                if lines is None:
                    return None
                cells.append(lines)
            body.append(cells)
        return list(_segments(console, options, widths, header, body))


def _segments(
    console: Console,
    options: ConsoleOptions,
    widths: list[int],
    header: list[str],
    body: list[list[list[str]]],
) -> Iterator[Segment]:
    """The segments rich's Table yields for this layout: borders and body unstyled, each header cell
    as its left padding, text and right padding in the header style."""
    frame = BOX.substitute(options, safe=console.safe_box)
    new_line = Segment.line()
    pad = " " * PADDING
    yield Segment(frame.get_top(widths))
    yield new_line
    head = console.get_style("table.header")
    yield Segment(frame.head_left)
    for i, text in enumerate(header):
        if i:
            yield Segment(frame.head_vertical)
        yield from (Segment(pad, head), Segment(text, head), Segment(pad, head))
    yield Segment(frame.head_right)
    yield new_line
    yield Segment(frame.get_row(widths, "head", edge=True))
    yield new_line
    for n, cells in enumerate(body):
        last = n == len(body) - 1
        left, right, divider = (
            (frame.foot_left, frame.foot_right, frame.foot_vertical)
            if last
            else (frame.mid_left, frame.mid_right, frame.mid_vertical)
        )
        height = max(len(lines) for lines in cells)
        for line_no in range(height):
            parts = [
                f"{pad}{lines[line_no]}{pad}" if line_no < len(lines) else " " * width
                for lines, width in zip(cells, widths, strict=True)
            ]
            yield Segment(left + divider.join(parts) + right)
            yield new_line
        if not last:
            yield Segment(frame.get_row(widths, "row", edge=True))
            yield new_line
    yield Segment(frame.get_bottom(widths))
    yield new_line


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _cell_lines(console: Console, text: str, width: int, column: Column) -> list[str] | None:
    """The cell's lines, each exactly `width` cells wide, as rich lays them out (None if one is not)."""
    if text.isprintable() and cell_len(text) <= width:  # one line, nothing to wrap or clean
        gap = " " * (width - cell_len(text))
        if column.justify == "right":
            stripped = text.rstrip()
            return [" " * (width - cell_len(stripped)) + stripped]
        return [text + gap]
    lines = Text(text).wrap(
        console,
        width,
        justify=column.justify,
        overflow=column.overflow,
        tab_size=console.tab_size,
        no_wrap=column.no_wrap,
    )
    plain = [line.plain for line in lines]
    return plain if all(cell_len(p) == width for p in plain) else None
