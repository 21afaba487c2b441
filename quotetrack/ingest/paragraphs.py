"""Page text into paragraphs, keeping every character of a paragraph as printed.

A blank line or a line break ends a paragraph, with two exceptions that keep
the line break inside the paragraph as ``\n``: a document hard-wrapped at a
fixed width (old archives), and a quotation that opens on one line and closes
on a later one (a broadcast transcript, a deck quote).  Stray HTML tags are
removed and edge whitespace is stripped from each line; nothing else changes.
"""

from __future__ import annotations

import itertools
import re

from quotetrack.ingest import noise
from quotetrack.ingest.metadata import parse_dateline

# Hard-wrap detection, calibrated on archive text wrapped at ~38 characters
# (dev 006) against pages whose only multi-line blocks are decks and menus.
WRAP_MIN_LINE = 20
WRAP_MIN_LINES = 3
WRAP_TOLERANCE = 0.1
"""Wrapped lines lie within this fraction of the median wrapped-line length."""
WRAP_FILL = 0.7
"""A line this full (of the wrap width) that ends mid-sentence continues on the next line."""
QUOTE_JOIN_MAX = 8
"""Lines an open quotation may span before we give up and keep the lines apart."""

_QUOTE_MARKS = tuple('"“”″『』')
ANY_STOP = re.compile(r"[.!?。][\"'”’″」』)\]]{0,3}$")
"""A line ending a sentence (before closing quotes or brackets)."""
_WORD_START = re.compile(r"[가-힣A-Za-z0-9\"'“‘(]")


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped of HTML tags and edge whitespace."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for raw in text.split("\n"):
        line = noise.strip_html(raw).strip()
        if line:
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _continues(line: str) -> bool:
    """Can `line` be the continuation of a hard-wrapped sentence?"""
    return bool(_WORD_START.match(line)) and parse_dateline(line) is None


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped document breaks its lines at, or None when it does not wrap."""
    lengths = sorted(
        len(a)
        for block in blocks
        for a, b in itertools.pairwise(block)
        if len(a) >= WRAP_MIN_LINE and not ANY_STOP.search(a) and _continues(b)
    )
    if len(lengths) < WRAP_MIN_LINES:
        return None
    median = lengths[len(lengths) // 2]
    close = sum(1 for n in lengths if abs(n - median) <= WRAP_TOLERANCE * median)
    return median if close >= WRAP_MIN_LINES and close * 3 >= len(lengths) * 2 else None


def _odd_quotes(line: str) -> bool:
    return sum(map(line.count, _QUOTE_MARKS)) % 2 == 1


def paragraphs(text: str) -> list[str]:
    """Paragraphs of page text; hard-wrapped lines and lines inside an open quotation stay joined."""
    blocks = _blocks(text)
    wrap = _wrap_width(blocks)
    out: list[str] = []
    for block in blocks:
        i = 0
        while i < len(block):
            j = i
            while (
                wrap is not None
                and j + 1 < len(block)
                and len(block[j]) >= WRAP_FILL * wrap
                and not ANY_STOP.search(block[j])
                and _continues(block[j + 1])
            ):
                j += 1
            if any(_odd_quotes(line) for line in block[i : j + 1]):
                odd = sum(_odd_quotes(line) for line in block[i : j + 1]) % 2 == 1
                k = j
                while odd and k + 1 < len(block) and k - i < QUOTE_JOIN_MAX:
                    k += 1
                    odd ^= _odd_quotes(block[k])
                if not odd:
                    j = k
            out.append("\n".join(block[i : j + 1]))
            i = j + 1
    return out
