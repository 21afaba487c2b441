"""Reversals: a later statement that takes the opposite stance on what an earlier one said.

Precision first — a flagged change must be a real change, so a pair is flagged
only when all of these hold:

- both statements take a stance (affirm or deny; questions, conditionals,
  obligations, double negations and mixed statements take none: stance.py), and
  the stances differ;
- the later one was said on a later day (same-day pairs are usually one
  statement reported in parts);
- they are on the same thing: they share the content words that carry most of
  the weight of the shorter one, words weighted by their rarity among this
  speaker's statements (topic.py) — so 원전 추가 건설 계획은 없다 and 원전 2기를
  추가로 건설하기로 확정했다 pair up, 원전 수출 계약을 체결했다 does not;
- the nearest earlier statement on the same thing that takes a stance is the one
  compared (the change is flagged once, where it happened).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from quotetrack.analysis.reading import Reading
from quotetrack.analysis.stance import Stance
from quotetrack.analysis.topic import Weights, overlap

T = TypeVar("T")


@dataclass(frozen=True)
class Statement(Generic[T]):
    """One statement in a speaker's history, with whatever the caller needs to show it (`ref`)."""

    day: date
    reading: Reading
    ref: T


@dataclass(frozen=True)
class Change(Generic[T]):
    """An earlier statement and the later one that reverses it."""

    before: Statement[T]
    after: Statement[T]
    overlap: float
    shared: tuple[str, ...]
    """The content words the two share: what they are both about."""

    @property
    def before_stance(self) -> Stance:
        return self.before.reading.stance

    @property
    def after_stance(self) -> Stance:
        return self.after.reading.stance

    @property
    def direction(self) -> str:
        """'denied' when the later statement denies what the earlier affirmed, else 'affirmed'."""
        return "denied" if self.after_stance == "deny" else "affirmed"


EXACT_UP_TO = 500
"""Up to this many statements every earlier one is compared (exact).  Beyond, only the
`NEAREST` latest earlier statements sharing each of a statement's content words that fewer
than `COMMON_POSTINGS` statements use: a statement on the same thing shares its rare words,
and this keeps `changes` for a speaker with 100,000 statements from comparing every pair."""
COMMON_POSTINGS = 2000
NEAREST = 64


def find_changes(statements: Sequence[Statement[T]]) -> list[Change[T]]:
    """The reversals among one speaker's statements, in the order they happened."""
    ordered = sorted(statements, key=lambda s: s.day)
    weights = Weights(s.reading.topic for s in ordered)
    candidates = _Candidates(ordered)
    changes: list[Change[T]] = []
    for j, later in enumerate(ordered):
        if later.reading.stance == "neutral":
            continue
        for earlier in candidates.before(j):
            if earlier.day >= later.day or earlier.reading.stance == "neutral":
                continue
            score = overlap(
                earlier.reading.topic,
                later.reading.topic,
                weights,
                (earlier.reading.pairs, later.reading.pairs),
            )
            if score is None:
                continue
            if earlier.reading.stance != later.reading.stance:
                shared = tuple(w for w in later.reading.topic if w in set(earlier.reading.topic))
                changes.append(Change(earlier, later, score, shared))
            break  # the nearest earlier statement on the same thing decides
    return changes


class _Candidates(Generic[T]):
    """Earlier statements worth comparing with statement j, nearest first."""

    def __init__(self, ordered: list[Statement[T]]) -> None:
        self.ordered = ordered
        self.postings: dict[str, list[int]] = {}
        if len(ordered) > EXACT_UP_TO:
            for i, s in enumerate(ordered):
                for lemma in s.reading.topic:
                    self.postings.setdefault(lemma, []).append(i)

    def before(self, j: int) -> list[Statement[T]]:
        if len(self.ordered) <= EXACT_UP_TO:
            return self.ordered[j - 1 :: -1] if j else []
        found: set[int] = set()
        for lemma in self.ordered[j].reading.topic:
            posting = self.postings.get(lemma, [])
            if len(posting) > COMMON_POSTINGS:
                continue
            end = _index_below(posting, j)
            found.update(posting[max(0, end - NEAREST) : end])
        return [self.ordered[i] for i in sorted(found, reverse=True)]


def _index_below(posting: list[int], j: int) -> int:
    """How many entries of the sorted `posting` are below j."""
    from bisect import bisect_left

    return bisect_left(posting, j)
