"""cli/table.py draws the search table itself, faster than rich: its output must be rich's, byte for
byte, on a terminal (bold header, escape codes) and in a pipe, whatever the text and the width."""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from quotetrack.cli.search import quote_table
from quotetrack.cli.table import Column, FastTable

WORDS = (
    *(
        "합의도",
        "위반하지",
        "않는다",
        "블라디미르",
        "푸틴",
        "크렘린궁",
        "대변인",
        "러시아",
        "대통령",
        "뉴스핌",
    ),
    *("제재를", "검토하고", "있다", "Putin", "said", "UN", "a", "", " ", "  "),
    *("아주긴한단어가이어지면접어야한다고말했다", "supercalifragilisticexpialidocious", "😀", "1,000"),
    *("[bold]", ":smile:", "\t", "\n", "\r", "\x07", "·", "—", "“", "”", "ｆｕｌｌ"),
)


def text_of(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def record(rng: random.Random, ident: int) -> dict[str, Any]:
    return {
        "id": ident,
        "said_on": rng.choice(["2023-09-15", None]),
        "published": rng.choice(["2023-09-16T08:00+09:00", None]),
        "speaker": rng.choice([text_of(rng, rng.randint(1, 3)), None]),
        "role": rng.choice([text_of(rng, rng.randint(0, 4)), None]),
        "kind": rng.choice(["direct", "indirect", "headline"]),
        "text": text_of(rng, rng.randint(0, 40)),
        "outlet": rng.choice([text_of(rng, rng.randint(1, 2)), None]),
    }


class AsciiOutput(io.StringIO):
    """An output whose encoding cannot show box-drawing characters (rich then draws with ASCII)."""

    encoding = "ascii"  # type: ignore[assignment]


def printed(
    renderable: Any, width: int, *, terminal: bool, legacy: bool = False, ascii_only: bool = False
) -> str:
    out = AsciiOutput() if ascii_only else io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=terminal,
        color_system="truecolor" if terminal else None,
        soft_wrap=False,
        highlight=False,
        legacy_windows=legacy,
    )
    console.print(renderable)
    return out.getvalue()


def check(table: FastTable, width: int) -> bool:
    """Both print the same; True when the quick layout drew it (not rich's Table, its fallback)."""
    for terminal in (False, True):
        assert printed(table, width, terminal=terminal) == printed(
            table.rich_table(), width, terminal=terminal
        )
    console = Console(file=io.StringIO(), width=width)
    return table._render(console, console.options) is not None


@pytest.mark.parametrize("width", [20, 40, 60, 71, 72, 80, 99, 100, 120, 160, 240])
def test_the_search_table_prints_as_richs_table(width: int) -> None:
    rng = random.Random(width)
    for ids in (1, 99, 100_000, 10**12):
        records = [record(rng, rng.randint(1, ids)) for _ in range(rng.randint(1, 30))]
        quick = check(quote_table(records, width), width)
        assert quick or width < 72 or ids > 100_000  # the comparison is not rich against itself


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.lists(st.text(max_size=60), min_size=3, max_size=3), min_size=1, max_size=6),
    width=st.integers(min_value=1, max_value=90),
    limits=st.tuples(st.integers(1, 30), st.integers(1, 30)),
)
def test_any_text_prints_as_richs_table(cells: list[list[str]], width: int, limits: tuple[int, int]) -> None:
    columns = [
        Column("ID", width=limits[0] % 7 + 1, justify="right", no_wrap=True),
        Column("Speaker", max_width=limits[1], overflow="fold"),
        Column("Quote", overflow="fold"),
    ]
    check(FastTable(columns, cells), width)


def test_the_quick_layout_is_the_one_used_for_a_normal_page() -> None:
    rng = random.Random(7)
    for width in (80, 160):
        assert check(quote_table([record(rng, i) for i in range(1, 101)], width), width)
