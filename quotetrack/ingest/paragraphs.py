"""Page text into paragraphs, keeping every character of a paragraph as printed.

A blank line or a line break ends a paragraph, with three exceptions that keep
the line break inside the paragraph as ``\n``: a document hard-wrapped at a
fixed width (old archives), a document that breaks its sentences into phrases
(broadcast scripts printed one breath group a line, indented print copy), and
a quotation that opens on one line and closes on a later one (a broadcast
transcript, a deck quote).  Stray HTML tags are removed and edge whitespace is
stripped from each paragraph; a continuation line keeps its indentation, as
printed, so a quotation spanning lines stays a substring of the paragraph.
"""

from __future__ import annotations

import itertools
import re

from quotetrack.ingest import noise
from quotetrack.ingest.metadata import metadata_line, parse_dateline

# Hard-wrap detection, calibrated on archive text wrapped at ~38 characters
# (dev 006) against pages whose only multi-line blocks are decks and menus.
WRAP_MIN_LINE = 20
WRAP_MIN_LINES = 3
WRAP_TOLERANCE = 0.1
"""Wrapped lines lie within this fraction of the median wrapped-line length."""
WRAP_FILL = 0.7
"""A line this full (of the wrap width) that ends mid-sentence continues on the next line; a
paragraph's first line longer than the width (by more than the tolerance) was never wrapped at
it: a headline printed above wrapped text, as is a masthead line (paper, date, page)."""
QUOTE_JOIN_MAX = 8
"""Lines an open quotation may span before we give up and keep the lines apart."""

_QUOTE_MARKS = tuple('"“”″『』')
ANY_STOP = re.compile(r"[.!?。][\"'”’″」』)\]]{0,3}$")
"""A line ending a sentence (before closing quotes or brackets)."""
_WORD_START = re.compile(r"[가-힣A-Za-z0-9\"'“‘(『「〈《]")

# Phrase-broken text (a broadcast script printed one breath group a line, print
# copy re-set in a narrow column): a line ending in a particle, a connective or
# adnominal ending or a comma is the first part of a sentence, never a headline,
# a label or a menu item (those end in a noun).  Calibrated on three regional
# broadcasters' scripts and one daily's indented copy (dev 032, 052, 080, 089).
_CLAUSE_ENDS = frozenset("은는이가을를에의와과도로서고며면데게터지만나여해어아인한던운할될든듯채,")
_HANGUL = re.compile(r"[가-힣]")
PHRASE_MIN_RUNS = 3
"""Sentences spread over phrase lines a document needs before its phrase lines are joined."""

# A transcript whose turns open with a bullet and the speaker (``● 앵커:``, ``◆ 홍길동(시민) :``)
# and run on over the following lines until the next bullet: each turn is one paragraph.
_TURN = re.compile(r"[●◆◇■□▶▷○◎]\s?[^:：\n]{1,25}[:：]")
TURN_MIN = 2
"""Turn markers a block needs to read as a transcript."""


class _Line:
    """One line of page text: `text` stripped for reading, `raw` as printed (indentation kept)."""

    __slots__ = ("raw", "text")

    def __init__(self, raw: str) -> None:
        self.raw = noise.strip_html(raw).rstrip()
        self.text = self.raw.lstrip()


def _blocks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, each line stripped of HTML tags (and, for reading, of edge whitespace)."""
    blocks: list[list[_Line]] = []
    cur: list[_Line] = []
    for raw in text.split("\n"):
        line = _Line(raw)
        if line.text:
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


def _wrap_width(blocks: list[list[_Line]]) -> int | None:
    """The column a hard-wrapped document breaks its lines at, or None when it does not wrap."""
    lengths = sorted(
        len(a.text)
        for block in blocks
        for a, b in itertools.pairwise(block)
        if len(a.text) >= WRAP_MIN_LINE and not ANY_STOP.search(a.text) and _continues(b.text)
    )
    if len(lengths) < WRAP_MIN_LINES:
        return None
    median = lengths[len(lengths) // 2]
    close = sum(1 for n in lengths if abs(n - median) <= WRAP_TOLERANCE * median)
    return median if close >= WRAP_MIN_LINES and close * 3 >= len(lengths) * 2 else None


def _phrase(line: str) -> bool:
    """A line that stops inside a sentence: it ends in a particle, a connective ending or a comma."""
    line = line.rstrip()
    return bool(line) and line[-1] in _CLAUSE_ENDS and len(_HANGUL.findall(line[:20])) >= 2


def _phrase_runs(block: list[_Line]) -> dict[int, int]:
    """Sentences printed over several phrase lines of a block: first line -> last line."""
    runs: dict[int, int] = {}
    i = 0
    while i < len(block):
        j = i
        while (
            j + 1 < len(block)
            and j - i < QUOTE_JOIN_MAX
            and _phrase(block[j].text)
            and _continues(block[j + 1].text)
        ):
            j += 1
        if j > i and ANY_STOP.search(block[j].text):
            runs[i] = j
        i = j + 1
    return runs


def _turns(block: list[_Line]) -> dict[int, int]:
    """Turns of a bullet-marked transcript block: first line -> last line."""
    starts = [i for i, line in enumerate(block) if _TURN.match(line.text)]
    if len(starts) < TURN_MIN:
        return {}
    ends = [*starts[1:], len(block)]
    return {a: b - 1 for a, b in zip(starts, ends, strict=True) if b - 1 > a}


def _odd_quotes(line: str) -> bool:
    return sum(map(line.count, _QUOTE_MARKS)) % 2 == 1


def _join(lines: list[_Line]) -> str:
    return "\n".join([lines[0].text, *(line.raw for line in lines[1:])])


def paragraphs(text: str) -> list[str]:
    """Paragraphs of page text; hard-wrapped lines, phrase lines and lines inside an open quotation
    stay joined."""
    blocks = _blocks(text)
    wrap = _wrap_width(blocks)
    runs = [_phrase_runs(block) for block in blocks]
    if sum(map(len, runs)) < PHRASE_MIN_RUNS:
        runs = [{} for _ in blocks]
    for block, block_runs in zip(blocks, runs, strict=True):
        block_runs.update(_turns(block))
    out: list[str] = []
    for block, block_runs in zip(blocks, runs, strict=True):
        i = 0
        while i < len(block):
            j = block_runs.get(i, i)
            while (
                wrap is not None
                and j + 1 < len(block)
                and len(block[j].text) >= WRAP_FILL * wrap
                and (j > i or len(block[j].text) <= (1 + WRAP_TOLERANCE) * wrap)
                and not ANY_STOP.search(block[j].text)
                and metadata_line(block[j].text) is None
                and metadata_line(block[j + 1].text) is None
                and not noise.is_chrome(block[j].text)
                and _continues(block[j + 1].text)
            ):
                j = block_runs.get(j + 1, j + 1)
            if any(_odd_quotes(line.text) for line in block[i : j + 1]):
                odd = sum(_odd_quotes(line.text) for line in block[i : j + 1]) % 2 == 1
                k = j
                while odd and k + 1 < len(block) and k - i < QUOTE_JOIN_MAX:
                    k += 1
                    odd ^= _odd_quotes(block[k].text)
                if not odd:
                    j = k
            out.append(_join(block[i : j + 1]))
            i = j + 1
    return out
