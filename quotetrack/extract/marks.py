"""Pair quotation marks into spans, tolerating the marks real Korean web pages use.

Scraped Korean news mixes " “ ” ″ freely and often uses one shape for both ends
(”…”, “…“), so shape says little about direction.  What does is the character
before a mark: an opening mark follows a space, a line start or an opening
bracket; a closing mark follows the last letter or punctuation of the quoted
words.  Marks are paired left to right with that rule; when both readings are
possible the current state decides (a mark while a quote is open closes it).

Unbalanced marks never swallow the rest of an article: double marks pair inside
one paragraph (no blank line between them) or, when the paragraphs between hold no
mark at all, across a few paragraphs to a mark that ends a statement (the way long
answers are printed); single marks pair only inside one line, and no span is longer
than `MAX_SPAN`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from quotetrack.extract.lexicon import BRACKET_PAIRS, DOUBLE_MARKS, SINGLE_MARKS

MarkClass = Literal["double", "single", "bracket"]

MAX_SPAN = {"double": 3000, "single": 400, "bracket": 3000}
"""Longest quote accepted per mark class, in characters.  The longest quote in the
dev corpus is ~600 characters (a multi-sentence transcript); 3000 leaves room for
long statements while an unclosed mark cannot run over a whole page."""

OPENING_SHAPES = frozenset("“‘„‚")
CLOSING_SHAPES = frozenset("”’")
_OPEN_CONTEXT = frozenset("([{<〈《【=:：·\u3000")
_PARTICLE_START = re.compile(r"(?:고|라고|라며|라면서|라는|란|며|면서|는|이라|이란|이지|이고|하고|하며|하는)")
_BLOCK_BREAK = re.compile(r"\n[ \t\u3000]*\n")


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class Span:
    """A paired quotation: marks at `open` and `close`, quoted text between."""

    open: int
    close: int
    cls: MarkClass

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.open + 1

    @property
    def end(self) -> int:
        """Offset just past the last quoted character."""
        return self.close

    def contains(self, other: Span) -> bool:
        """True when `other` lies strictly inside this span."""
        return self.open < other.open and other.close < self.close


@dataclass(frozen=True, eq=False)  # compared and hashed as one object: its Spans are unhashable
class Marks:
    """All spans of a text (sorted by opening mark) and the closing marks that had no opening mark."""

    spans: tuple[Span, ...]
    orphan_closers: tuple[int, ...]

    def __post_init__(self) -> None:
        outer: list[Span] = []
        for s in self.spans:  # sorted by open, longest first: a span inside the last outer one is nested
            if not outer or s.open > outer[-1].close:
                outer.append(s)
        object.__setattr__(self, "_outer", outer)
        object.__setattr__(self, "_outer_opens", [s.open for s in outer])
        object.__setattr__(self, "_opens", [s.open for s in self.spans])

    def inside(self, pos: int) -> Span | None:
        """The outermost span whose quoted text covers `pos`, if any (O(log n))."""
        outer: list[Span] = self._outer  # type: ignore[attr-defined]
        i = bisect_right(self._outer_opens, pos) - 1  # type: ignore[attr-defined]
        if i >= 0 and outer[i].open < pos < outer[i].close:
            return outer[i]
        return None

    def orphans_between(self, lo: int, hi: int) -> tuple[int, ...]:
        """Closing marks with no opening one strictly between lo and hi, in order (O(log n))."""
        o = self.orphan_closers  # in text order, as find_marks makes them
        return o[bisect_right(o, lo) : bisect_left(o, hi)]

    def within(self, lo: int, hi: int) -> list[Span]:
        """Spans whose opening mark lies in [lo, hi), in order."""
        opens: list[int] = self._opens  # type: ignore[attr-defined]
        return list(self.spans[bisect_left(opens, lo) : bisect_left(opens, hi)])


def _role(text: str, i: int) -> Literal["open", "close", "either"]:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if prev.isspace() or prev in _OPEN_CONTEXT or prev in OPENING_SHAPES:
        return "open" if not nxt.isspace() else "either"
    if nxt.isspace() or not nxt.isalnum():
        return "close"
    if _PARTICLE_START.match(text, i + 1):
        return "close"
    if text[i] in OPENING_SHAPES:
        return "open"
    if text[i] in CLOSING_SHAPES:
        return "close"
    return "either"


def _blocks(text: str, single_line: bool) -> list[tuple[int, int]]:
    """Ranges of text that a quotation may not cross."""
    pattern = re.compile(r"\n") if single_line else _BLOCK_BREAK
    out, start = [], 0
    for m in pattern.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _pair_class(text: str, positions: list[int], cls: MarkClass) -> tuple[list[Span], list[int]]:
    spans: list[Span] = []
    orphans: list[int] = []
    starts = [lo for lo, _ in _blocks(text, single_line=cls == "single")]
    opened: int | None = None
    block = -1
    for i in positions:
        b = bisect_right(starts, i) - 1
        if b != block:
            carried = opened if cls == "double" and b - block <= MAX_PARAGRAPHS else None
            block, opened = b, None  # an unclosed mark dies at the paragraph's end ...
            role = _role(text, i)
            if (
                carried is not None
                and role == "close"
                and _ends_statement(text, i)
                and i - carried - 1 <= MAX_SPAN[cls]
            ):
                # ... unless the next mark closes it: one speaker's words over several paragraphs,
                # with no mark in the paragraphs between ("…\n\n…\n\n…"고 말했다)
                spans.append(Span(carried, i, cls))
                continue
        role = _role(text, i)
        if opened is None:
            if role == "close":
                orphans.append(i)
            else:
                opened = i
        elif role == "open" and text[i] not in CLOSING_SHAPES:
            opened = i  # the earlier mark was never closed
        else:
            if 0 < i - opened - 1 <= MAX_SPAN[cls]:
                spans.append(Span(opened, i, cls))
            opened = None
    return spans, orphans


MAX_PARAGRAPHS = 6
"""A quotation carried over paragraph breaks closes within this many paragraphs (an interview answer
printed as three or four paragraphs between one pair of marks)."""
_STATEMENT_END = re.compile(r"[.!?…]*(?:\s*$|\s*\n|(?:이)?라?고\s|(?:이)?라?며|(?:이)?라면서)")


def _ends_statement(text: str, i: int) -> bool:
    """Does the mark at i end a statement: a line's end or a quotative particle after it?"""
    return _STATEMENT_END.match(text, i + 1) is not None


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha()


def _any_of(chars: Iterable[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_DOUBLE = _any_of(DOUBLE_MARKS)
_SINGLE = _any_of(SINGLE_MARKS)
_BRACKET = _any_of([*BRACKET_PAIRS, *BRACKET_PAIRS.values()])


def find_marks(text: str) -> Marks:
    """Pair every quotation mark of `text` (linear in its length)."""
    doubles = [m.start() for m in _DOUBLE.finditer(text)]
    singles = [m.start() for m in _SINGLE.finditer(text) if not _is_apostrophe(text, m.start())]
    brackets = [m.start() for m in _BRACKET.finditer(text)]
    spans, orphans = _pair_class(text, doubles, "double")
    inner, _ = _pair_class(text, singles, "single")
    # a single-quoted span must not straddle a double-quoted one (doubles never overlap each other)
    opens = [d.open for d in spans]
    doubles_only = list(spans)
    for s in inner:
        lo = max(0, bisect_right(opens, s.open) - 1)
        hi = bisect_right(opens, s.close)
        if all(
            d.contains(s) or s.close < d.open or s.open > d.close or s.contains(d)
            for d in doubles_only[lo:hi]
        ):
            spans.append(s)
    spans.extend(_pair_brackets(text, brackets))
    spans.extend(Span(m.start(), m.end() - 1, "bracket") for m in _SQUARE_QUOTE.finditer(text))
    spans.sort(key=lambda s: (s.open, -s.close))
    return Marks(tuple(spans), tuple(orphans))


_SQUARE_QUOTE = re.compile(
    r"[\[<](?=[^\[\]<>\n]{4,300}[\]>](?:이)?(?:라고|라며|라면서|고\s|며\s))[^\[\]<>\n]{4,300}[\]>]"
)
"""[…]고 말했다, <…>라며: some print archives set quotations in square or angle brackets.  Such a
bracket is a quotation only with a quotative right after it ([서울=뉴시스], <앵커> are not)."""


def _pair_brackets(text: str, positions: list[int]) -> list[Span]:
    closers = {v: k for k, v in BRACKET_PAIRS.items()}
    stack: list[int] = []
    out: list[Span] = []
    for i in positions:
        ch = text[i]
        if ch in BRACKET_PAIRS:
            stack.append(i)
        elif stack and text[stack[-1]] == closers[ch]:
            j = stack.pop()
            if 0 < i - j - 1 <= MAX_SPAN["bracket"] and "\n\n" not in text[j:i]:
                out.append(Span(j, i, "bracket"))
    return out
