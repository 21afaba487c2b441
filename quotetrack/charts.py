"""`timeline -o chart.svg|png`: a speaker's position over time as a picture for a report.

Statements per month as bars stacked by stance (affirms, denies, no position),
each reversal drawn as a line from the month of the earlier statement to the
month of the later one, labelled with its dates.  matplotlib is an optional
extra (`pip install 'quotetrack[charts]'`): it is imported only here, only when a
chart is asked for; the terminal timeline needs none.  SVG keeps its text as
text (``svg.fonttype: none``), so Korean names show in any browser or office
suite; a PNG needs a font with Hangul on this machine (one is looked for by name).
"""

from __future__ import annotations

import logging
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotetrack.errors import QuotetrackError, UsageError

if TYPE_CHECKING:
    from quotetrack.service import Timeline

log = logging.getLogger(__name__)

FORMATS = (".svg", ".png")
COLOURS = {"affirm": "#2e7d32", "deny": "#c62828", "neutral": "#9e9e9e"}
LABELS = {"affirm": "affirms", "deny": "denies", "neutral": "no position"}
HANGUL_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic", "AppleGothic", "UnDotum")
"""Fonts with Hangul looked for (in this order) for PNG output."""


def draw_timeline(report: Timeline, path: Path, *, title: str) -> None:
    """Draw the timeline's months, stances and reversals to `path` (.svg or .png)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"cannot draw a chart as {path.name!r}", "name the file .svg or .png")
    plt = _pyplot()
    months = [m for m, _ in report.months]
    counts: dict[str, dict[str, int]] = {m: {"affirm": 0, "deny": 0, "neutral": 0} for m in months}
    days_of: dict[int, date] = {}
    for d in report.days:
        for s in d.statements:
            counts[f"{d.day:%Y-%m}"][s.stance or "neutral"] += 1
            for q in s.quote_ids:
                days_of[q] = d.day
    plt.rcParams["svg.fonttype"] = "none"
    font = _hangul_font()
    if font:
        plt.rcParams["font.family"] = font
    elif suffix == ".png":
        log.warning(
            "no font with Hangul found for the PNG (%s): Korean text may show as boxes; "
            "an .svg keeps it as text",
            ", ".join(HANGUL_FONTS),
        )
    fig, ax = plt.subplots(figsize=(max(6.0, 0.5 * len(months) + 3), 3.6))
    x = list(range(len(months)))
    bottom = [0] * len(months)
    for stance in ("affirm", "deny", "neutral"):
        values = [counts[m][stance] for m in months]
        ax.bar(x, values, bottom=bottom, color=COLOURS[stance], label=LABELS[stance], width=0.7)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    top = max(bottom or [1])
    for before, after in report.reversals:
        a, b = days_of.get(before), days_of.get(after)
        if a is None or b is None:
            continue
        xa, xb = months.index(f"{a:%Y-%m}"), months.index(f"{b:%Y-%m}")
        ax.annotate(
            "",
            xy=(xb, top + 0.35),
            xytext=(xa, top + 0.35),
            arrowprops={"arrowstyle": "->", "color": "#f9a825", "lw": 2},
        )
        ax.text((xa + xb) / 2, top + 0.5, f"reversal {a} → {b}", ha="center", fontsize=8, color="#8d6e00")
    ax.set_xticks(
        x, months, rotation=45 if len(months) > 8 else 0, ha="right" if len(months) > 8 else "center"
    )
    ax.set_ylabel("statements")
    ax.set_ylim(0, top + 1.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    try:
        with warnings.catch_warnings():  # missing glyphs: SVG keeps the text, PNG was warned about above
            warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
            fig.tight_layout()
            fig.savefig(path)
    except OSError as e:
        raise QuotetrackError(
            f"cannot write the chart {path}: {e.strerror or e}", "choose a writable path"
        ) from e
    finally:
        plt.close(fig)


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise QuotetrackError(
            "drawing a chart needs matplotlib, which is not installed",
            "pip install 'quotetrack[charts]' (the terminal timeline needs nothing more)",
        ) from None
    return plt


def _hangul_font() -> str | None:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in HANGUL_FONTS if n in names), None)
