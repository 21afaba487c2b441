"""Reversals: a later statement that takes the opposite stance on what an earlier one said.

Precision first — a flagged change must be a real change, so a pair is flagged
only when all of these hold:

- both statements have a stance (questions and statements that both deny and
  confirm are skipped, see stance.py), and the stances differ;
- the later one was said on a later day (same-day pairs are usually one
  statement reported in parts);
- what they are about — their text with negation and denial words blanked
  out — shares most of its bigrams (`MIN_TOPIC_OVERLAP`), so 무기를 제공한 사실이
  없다 and 무기를 제공한 것은 사실이다 pair up, but 무기를 제공하지 않았다 and
  식량 지원을 논의했다 do not;
- no statement in between, just as similar, already took the later stance (the
  change is flagged once, where it happened).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from quotetrack.analysis.claims import similarity
from quotetrack.analysis.stance import Stance, read_stance
from quotetrack.analysis.text import signature

MIN_TOPIC_OVERLAP = 0.6
"""Shared content bigrams over the shorter statement's.  Opposite statements about one thing
score 0.7–0.95 in tests/test_changes.py; statements of one speaker about different things on
one topic 0.2–0.55."""
MIN_TOPIC_JACCARD = 0.3
MIN_TOPIC_SHARED = 4
"""At least four shared bigrams (about three syllables of shared wording beyond the topic word)."""

T = TypeVar("T")


@dataclass(frozen=True)
class Statement(Generic[T]):
    """One statement in a speaker's history, with whatever the caller needs to show it (`ref`)."""

    day: date
    text: str
    verb: str | None
    ref: T


@dataclass(frozen=True)
class Change(Generic[T]):
    """An earlier statement and the later one that reverses it."""

    before: Statement[T]
    after: Statement[T]
    before_stance: Stance
    after_stance: Stance
    markers: tuple[str, ...]
    """The negation or denial words on the negative side."""
    overlap: float

    @property
    def direction(self) -> str:
        """'denied' when the later statement denies what the earlier affirmed, else 'affirmed'."""
        return "denied" if self.after_stance == "negative" else "affirmed"


@dataclass(frozen=True)
class _Read(Generic[T]):
    statement: Statement[T]
    stance: Stance | None
    markers: tuple[str, ...]
    topic: frozenset[str]


def find_changes(statements: Sequence[Statement[T]]) -> list[Change[T]]:
    """The reversals among one speaker's statements, in the order they happened."""
    reads = []
    for s in sorted(statements, key=lambda s: s.day):
        reading = read_stance(s.text, s.verb)
        reads.append(_Read(s, reading.stance, reading.markers, signature(reading.content)))
    changes: list[Change[T]] = []
    candidates = _Candidates(reads)
    for j, later in enumerate(reads):
        if later.stance is None:
            continue
        for earlier in candidates.before(j):
            if earlier.statement.day >= later.statement.day or earlier.stance is None:
                continue
            overlap = _topic_overlap(earlier.topic, later.topic)
            if overlap is None:
                continue
            if earlier.stance != later.stance:
                negative = later if later.stance == "negative" else earlier
                changes.append(
                    Change(
                        earlier.statement,
                        later.statement,
                        earlier.stance,
                        later.stance,
                        negative.markers,
                        overlap,
                    )
                )
            break  # the nearest earlier statement on the same thing decides
    return changes


EXACT_UP_TO = 500
"""Up to this many statements every earlier one is compared (exact).  Beyond, only those sharing
at least MIN_TOPIC_SHARED bigrams that fewer than COMMON_POSTINGS statements use — a statement
on the same thing shares most of its wording, so it is found; this keeps `changes` for a speaker
with 100,000 statements from comparing every pair."""
COMMON_POSTINGS = 300


class _Candidates(Generic[T]):
    """Earlier statements worth comparing with statement j, nearest first."""

    def __init__(self, reads: list[_Read[T]]) -> None:
        self.reads = reads
        self.postings: dict[str, list[int]] = {}
        if len(reads) > EXACT_UP_TO:
            for i, r in enumerate(reads):
                for gram in r.topic:
                    self.postings.setdefault(gram, []).append(i)

    def before(self, j: int) -> list[_Read[T]]:
        if len(self.reads) <= EXACT_UP_TO:
            return list(reversed(self.reads[:j]))
        shared: dict[int, int] = {}
        for gram in self.reads[j].topic:
            posting = self.postings.get(gram, [])
            if len(posting) > COMMON_POSTINGS:
                continue
            for i in posting:
                if i < j:
                    shared[i] = shared.get(i, 0) + 1
        return [self.reads[i] for i in sorted(shared, reverse=True) if shared[i] >= MIN_TOPIC_SHARED]


def _topic_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    overlap, jaccard, shared = similarity(a, b)
    if shared >= MIN_TOPIC_SHARED and overlap >= MIN_TOPIC_OVERLAP and jaccard >= MIN_TOPIC_JACCARD:
        return overlap
    return None
