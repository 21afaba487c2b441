"""Split a body into sentences and words without ever cutting through a quotation.

A quotation often holds several sentences ("…했다. 그리고 …했다"고 말했다), so a
sentence boundary is only accepted outside every quoted span.  Line breaks end a
sentence when the line is complete (it ends in sentence punctuation, a closing
mark or bracket, or a final verb ending); a line that stops mid-phrase is a hard
wrap of the kind older archives use, and the sentence runs on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotetrack.extract.marks import Marks

if TYPE_CHECKING:
    from quotetrack.extract.clues import SentenceClues
    from quotetrack.extract.nounphrase import Mention

_END_PUNCT = re.compile(
    r"(?:[.?!。](?=[\s\"'“”’‘″』」)\]]*(?:\s|$))|(?<=[다요])\.(?=[★☆■□▶▷◆◇●○※])|(?<=[다요])\.(?=[가-힣]{2}))"
)
"""A sentence ends at a full stop before white space, or after a final 다/요 before a bullet or a
word glued to it (…방침이다.남궁석 장관은: older archives drop the space)."""
_QUOTE_THEN_CLAUSE = re.compile(
    r"[.?!](?:\.\.)?([\"”’″』」])[ \t]+"
    r"(?!(?:이?라고|고|며|면서|이?라며|라는|는|하고)[\s,.])(?=[가-힣A-Za-z\[(<])"
)
"""A quotation that ends its own sentence (…않는다.") and is followed by a new clause, not by a
quotative particle: the quotation stands alone and what follows says who spoke it."""
_LINE_COMPLETE = re.compile(r"(?:[.?!。…\"'“”‘’″』」)\]>:|]|[다요죠까니음함됨임]|\S{0,3}[.]{2,})\s*$")
_LINE_OPENERS = frozenset(("\n", "", "[", "(", "<", "▶", "■", "-", "#", '"', "“", "”", "『", "「", "″"))


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class Sentence:
    """A sentence as offsets into the body."""

    start: int
    end: int


@dataclass(slots=True)
class Word:
    """A whitespace-delimited word (eojeol) as offsets into the body.

    Treated as immutable, but not frozen: an article has thousands of words, and a frozen
    dataclass pays a slow attribute write per field when each is built.
    """

    text: str
    start: int
    end: int


class Words(list[Word]):
    """The words of one sentence, with memos of what several passes ask about them.

    Several passes ask for the subject phrase ending at the same word
    (nounphrase.subject_mention) and for the words worth visiting at all
    (clues.clues_of); the answers depend only on the words, so they are kept with
    them and go away with the sentence.  Never modified once built.
    """

    __slots__ = ("clues", "mentions")

    def __init__(self, items: list[Word]) -> None:
        super().__init__(items)
        self.mentions: dict[int, Mention | None] = {}
        self.clues: SentenceClues | None = None


class _Cover:
    """Answers 'is this offset inside a quotation?' in O(log n)."""

    def __init__(self, marks: Marks) -> None:
        merged: list[tuple[int, int]] = []
        for s in sorted(marks.spans, key=lambda s: s.open):
            if merged and s.open <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], s.close))
            else:
                merged.append((s.open, s.close))
        self._starts = [a for a, _ in merged]
        self._ranges = merged

    def inside(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._ranges[i][0] < pos < self._ranges[i][1]


def split_sentences(text: str, marks: Marks, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], never splitting inside a quoted span."""
    end = len(text) if end is None else end
    cover = _Cover(marks)
    cuts: list[int] = []
    for m in _END_PUNCT.finditer(text, start, end):
        pos = m.end()
        if not cover.inside(m.start()):
            cuts.append(pos)
    for m in _QUOTE_THEN_CLAUSE.finditer(text, start, end):
        if not cover.inside(m.start(1)):
            cuts.append(m.end(1))  # "우리는 포기하지 않는다." 젤렌스키 대통령은 … 이같이 말했다
    line_start = start
    for m in re.finditer(r"\n", text[start:end]):
        nl = start + m.start()
        if cover.inside(nl):
            continue
        line = text[line_start:nl]
        nxt = text[nl + 1 : nl + 2]
        # a match can only start at the line's last visible character: search from there
        complete = _LINE_COMPLETE.search(line, max(0, len(line.rstrip()) - 1))
        if not line.strip() or complete or nxt in _LINE_OPENERS:
            cuts.append(nl)
        line_start = nl + 1
    out: list[Sentence] = []
    prev = start
    for c in sorted(set(cuts)):
        _emit(text, prev, c, out)
        prev = c
    _emit(text, prev, end, out)
    return [piece for s in out for piece in _bounded(text, s)]


MAX_SENTENCE = 4000
"""Longest sentence analysed as one, in characters.  Real sentences stay far below
(the longest quote accepted is 3000); text with no sentence ends at all (a page
of run-on garbage) is cut at spaces so that extraction time stays linear."""


def _bounded(text: str, s: Sentence) -> list[Sentence]:
    if s.end - s.start <= MAX_SENTENCE:
        return [s]
    out: list[Sentence] = []
    a = s.start
    while s.end - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        out.append(Sentence(a, cut))
        a = cut + 1 if text[cut : cut + 1] == " " else cut
    if a < s.end:
        out.append(Sentence(a, s.end))
    return out


def _emit(text: str, a: int, b: int, out: list[Sentence]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append(Sentence(a, b))


PAREN_WORD_MAX = 24
"""A word with an open parenthesis runs on to its close when the whole stays this short:
홍길동 사무총장(왼쪽 끝)과, 부장판사(재판장 직무대리)는; a longer one is prose in brackets."""


def words(text: str, start: int, end: int) -> Words:
    """Whitespace-delimited words of text[start:end].

    str.split and str.index give the words of the regex \\S+ (both use Python's own notion of
    white space) in half the time; only white space lies between one word and the next.
    """
    out: list[Word] = []
    pos = start
    chunk = text[start:end]
    if "(" not in chunk:  # most sentences: no parenthesis to keep with its word
        for tok in chunk.split():
            at = text.index(tok, pos)
            pos = at + len(tok)
            out.append(Word(tok, at, pos))
        return Words(out)
    opened = False  # the last word opened a parenthesis it has not closed
    for tok in chunk.split():
        at = text.index(tok, pos)
        pos = at + len(tok)
        if opened and at - out[-1].end <= 1 and pos - out[-1].start <= PAREN_WORD_MAX:
            # 사무총장(왼쪽 끝)과: a short parenthesis is part of the word it is glued to
            out[-1] = Word(text[out[-1].start : pos], out[-1].start, pos)
        else:
            out.append(Word(tok, at, pos))
            opened = False
        if "(" in tok or ")" in tok:
            word = out[-1].text
            opened = word.rfind("(") > word.rfind(")")
    return Words(out)
