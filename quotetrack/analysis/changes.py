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
from quotetrack.analysis.topic import Weights

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
"""Up to this many statements every earlier one is compared (exact).  Beyond, a statement is
compared with the latest `NEAREST` earlier statements whose two rarest content words include one
of its own two rarest: a statement on the same thing shares its rare words (it must share the
words that carry most of the weight), and this keeps `changes` for a speaker with 100,000
statements from comparing every pair (benchmarks/changes_bench.py)."""
NEAREST = 6


def find_changes(statements: Sequence[Statement[T]]) -> list[Change[T]]:
    """The reversals among one speaker's statements, in the order they happened."""
    ordered = sorted(statements, key=lambda s: s.day)
    topics = [frozenset(s.reading.topic) for s in ordered]
    stances = [s.reading.stance for s in ordered]
    days = [s.day for s in ordered]
    weights = Weights(topics)
    totals = [weights.total(t) for t in topics]
    exact = len(ordered) <= EXACT_UP_TO
    recent: dict[str, list[int]] = {}
    df = weights.df

    def rank(lemma: str) -> tuple[int, str]:
        return df[lemma], lemma  # ties broken by the word: the same filing in every process

    changes: list[Change[T]] = []
    for j, mine in enumerate(topics):
        rarest = () if exact else sorted(mine, key=rank)[:2]
        stance = stances[j]
        if stance != "neutral":
            need = min(2, len(mine))
            for i in range(j - 1, -1, -1) if exact else _latest(recent, rarest):  # nearest first
                if stances[i] == "neutral" or days[i] >= days[j]:
                    continue
                theirs = topics[i]
                common = len(mine & theirs)
                if common < need and common < len(theirs):
                    continue  # weights.overlap needs two shared words (one when a side has one)
                earlier, later = ordered[i], ordered[j]
                pairs = (earlier.reading.pairs, later.reading.pairs)
                score = weights.overlap(theirs, mine, totals[i], totals[j], pairs)
                if score is None:
                    continue
                if stances[i] != stance:
                    shared = tuple(w for w in later.reading.topic if w in theirs)
                    changes.append(Change(earlier, later, score, shared))
                break  # the nearest earlier statement on the same thing decides
        for lemma in rarest:  # filed under its two rarest words, where a statement on the same thing looks
            seen = recent.setdefault(lemma, [])
            seen.append(j)
            if len(seen) > 2 * NEAREST:
                del seen[:NEAREST]
    return changes


def _latest(recent: dict[str, list[int]], rarest: Sequence[str]) -> list[int]:
    """The latest earlier statements filed under one of these words, nearest first."""
    found: set[int] = set()
    for lemma in rarest:
        found.update(recent.get(lemma, ())[-NEAREST:])
    return sorted(found, reverse=True)
