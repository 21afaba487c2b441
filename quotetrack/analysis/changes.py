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
    readings = [s.reading for s in ordered]
    found = reversals(
        [s.day for s in ordered],
        [r.stance for r in readings],
        [r.topic for r in readings],
        [r.pairs for r in readings],
    )
    return [Change(ordered[i], ordered[j], score, shared) for i, j, score, shared in found]


def reversals(
    days: Sequence[date],
    stances: Sequence[Stance],
    topics: Sequence[Sequence[str]],
    pairs: Sequence[Sequence[tuple[str, str]]],
) -> list[tuple[int, int, float, tuple[str, ...]]]:
    """`find_changes` on statements given as columns, oldest first: (earlier, later, overlap,
    shared words) of each reversal, by position.

    Columns rather than `Statement`s because `changes` reads 100,000 statements of a busy
    speaker from the database, and making a `Reading` and a `Statement` for each cost a third
    as much again as comparing them (1.1-1.3 s against 3.5 s of CPU on the shared VM).
    """
    sets = [frozenset(t) for t in topics]
    weights = Weights(sets)
    totals = [weights.total(t) for t in sets]
    exact = len(sets) <= EXACT_UP_TO
    df = weights.df
    # each lemma's place in the rarity order, ties broken by the word: the same filing in every process
    rank = {lemma: k for k, lemma in enumerate(sorted(df, key=lambda w: (df[w], w)))}.__getitem__
    recent: dict[str, list[int]] = {}

    found: list[tuple[int, int, float, tuple[str, ...]]] = []
    for j, mine in enumerate(sets):
        rarest = () if exact else sorted(mine, key=rank)[:2]
        stance = stances[j]
        if stance != "neutral":
            need = min(2, len(mine))
            day = days[j]
            for i in range(j - 1, -1, -1) if exact else _latest(recent, rarest):  # nearest first
                if stances[i] == "neutral" or days[i] >= day:
                    continue
                theirs = sets[i]
                shared = theirs & mine
                if len(shared) < need and len(shared) < len(theirs):
                    continue  # the score needs two shared words (one when a side has one)
                score = weights.score(shared, totals[i], totals[j], (pairs[i], pairs[j]))
                if score is None:
                    continue
                if stances[i] != stance:
                    found.append((i, j, score, tuple(w for w in topics[j] if w in theirs)))
                break  # the nearest earlier statement on the same thing decides
        for lemma in rarest:  # filed under its two rarest words, where a statement on the same thing looks
            seen = recent.setdefault(lemma, [])
            seen.append(j)
            if len(seen) > 2 * NEAREST:
                del seen[:NEAREST]
    return found


def _latest(recent: dict[str, list[int]], rarest: Sequence[str]) -> list[int]:
    """The latest earlier statements filed under one of these words, nearest first."""
    found: set[int] = set()
    for lemma in rarest:
        found.update(recent.get(lemma, ())[-NEAREST:])
    return sorted(found, reverse=True)
