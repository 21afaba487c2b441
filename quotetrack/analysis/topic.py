"""What a statement is about: its content morphemes, weighted by how rare each is for the speaker.

Two statements of one speaker are on the same thing when they share their
meaning-bearing words — Kiwi lemmas of nouns and verb or adjective stems (원전,
건설, 추가; 올리 for 올리겠다), numbers with their counters (2기, 3곳) — not when
they share character sequences: "원전 추가 건설 계획은 현재 없다" and "원전 2기를
추가로 건설하기로 확정했다" share 원전, 추가, 건설 and little else of their letters.

Words count by their rarity among the speaker's statements (a ministry
spokesperson says 정부 and 원전 often, 댐 seldom; `Weights`), and not at all when
they say nothing about the subject (light verbs, times, the words of stance and
reported speech: lexicon.STOP_LEMMAS).  A pair is on the same thing when the
words it shares carry most of the weight of the shorter statement and there are
at least two of them (one, when a statement has only one: 개각설 / 개각을 단행한다).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from quotetrack.analysis import lexicon as lx
from quotetrack.analysis.morphology import Word

MIN_SHARED_WEIGHT = 0.5
"""Shared weight over the lighter statement's weight.  Calibrated on the tuning part of
tests/data/stance/pairs.tsv: statements on one thing in other words score 0.5–1.0, statements
of one speaker on neighbouring things (버스 요금 / 택시 요금) 0.3–0.5."""
PRIOR_STATEMENTS = 20
"""Statements the rarity estimate pretends to have seen, each without the word: with few
statements every word is about equally rare, with many the speaker's stock words fade."""

_NOT_CONTENT = (
    lx.STOP_LEMMAS
    | lx.DENIAL_NOUNS
    | lx.CONFIRMATION_LEMMAS
    | lx.RETRACTION_LEMMAS
    | lx.IMPOSSIBLE_LEMMAS
    | lx.REPORT_NOUNS
    | lx.REFUSAL_HEADS
    | lx.DENIAL_ADJECTIVES
    | lx.OBLIGATION_LEMMAS
)
_CONTENT_TAGS = ("NNG", "NNP", "SL", "SH", "XR", "VV", "VA")


def topic_of(words: Iterable[Word]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The content lemmas, and the (modifier, head) pairs of bare nouns that name one thing
    together (버스 요금, 의대 정원): statements about 버스 요금 and 택시 요금 share 요금 but are
    about different fares."""
    out: dict[str, None] = {}
    pairs: dict[tuple[str, str], None] = {}
    pending: str | None = None  # a bare noun waiting for the noun it modifies
    for w in words:
        ms = w.morphs
        k = 0
        while k < len(ms):
            form, tag = ms[k]
            if tag == "SN":
                number, k = _number(ms, k)
                out.setdefault(number)
                pending = None
                continue
            lemma = _lemma(form, tag) if tag in _CONTENT_TAGS else None
            content = (
                lemma is not None
                and (len(lemma) > 1 or tag in ("VV", "VA", "SL", "SH") or lemma in _ONE_SYLLABLE)
                and lemma not in _NOT_CONTENT
            )
            if content and lemma is not None:
                out.setdefault(lemma)
                noun = tag in ("NNG", "NNP", "SL", "SH")
                if pending is not None and noun and pending != lemma:
                    pairs.setdefault((pending, lemma))
                bare = noun and all(t in ("NNG", "NNP", "SL", "SH", "XSN") for _, t in ms[k + 1 :])
                pending = lemma if noun and (k + 1 < len(ms) or bare) else None
            elif tag not in ("XSN", "XPN", "NNG"):  # 간호대: a compound's bound piece keeps it
                pending = None
            k += 1
        if pending is not None and not all(t in ("NNG", "NNP", "SL", "SH", "XSN") for _, t in ms):
            pending = None
    return tuple(out), tuple(pairs)


def _lemma(form: str, tag: str) -> str:
    """The lemma a morpheme counts as: Latin folded, a compound's stem, a native verb's noun."""
    if tag == "SL":
        return form.lower()
    if tag in ("VV", "VA"):
        return lx.SAME_AS.get(form, form)
    if tag == "NNG" and len(form) >= 3 and form.endswith(lx.COMPOUND_SUFFIXES):
        return form[:-1]
    return form


_ONE_SYLLABLE = frozenset(
    [
        "댐",
        "핵",
        "빚",
        "땅",
        "물",
        "쌀",
        "술",
        "집",
        "차",
        "배",
        "돈",
        "표",
        "법",
        "세",
        "당",
        "군",
        "병",
        "약",
        "빛",
        "길",
        "벽",
        "섬",
    ]
)
"""One-syllable nouns that are content (most one-syllable nouns Kiwi returns are bound or
generic: 수, 것, 등)."""


def _number(ms: Sequence[tuple[str, str]], k: int) -> tuple[str, int]:
    """A number and the unit after it (2기, 12만대, 2%포인트) from morpheme k; the next index."""
    parts = [ms[k][0]]
    k += 1
    while k < len(ms) and ms[k][1] in ("SN", "NR", "NNB", "SW", "NNG", "SL") and len(parts) < 4:
        parts.append(ms[k][0])
        k += 1
        if ms[k - 1][1] in ("NNB", "NNG", "SL"):
            break
    return "".join(parts), k


class Weights:
    """Each lemma's weight for one speaker: its rarity among the speaker's statements."""

    def __init__(self, topics: Iterable[Iterable[str]]) -> None:
        sets = [frozenset(t) for t in topics]
        self.n = len(sets)
        self.df: Counter[str] = Counter(chain.from_iterable(sets))
        self.alone = _Rarity(self, 1)
        """Weight of a word one of the two compared statements holds."""
        self.both = _Rarity(self, 2)
        """Weight of a word both hold."""

    def __call__(self, lemma: str, own: int = 1) -> float:
        """The weight of `lemma` in a comparison of two statements, `own` of which hold it: its
        rarity among the speaker's *other* statements (the pair's own use says nothing)."""
        return (self.both if own == 2 else self.alone)[lemma]

    def total(self, topic: frozenset[str]) -> float:
        """The weight of a statement's words, each held by it alone (`overlap` corrects the shared)."""
        return sum(map(self.alone.__getitem__, topic))

    def overlap(
        self,
        a: frozenset[str],
        b: frozenset[str],
        total_a: float,
        total_b: float,
        pairs: tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]] = ((), ()),
    ) -> float | None:
        """`overlap` of two statements' word sets, given their `total`s (computed once per
        statement when one is compared with many)."""
        shared = a & b
        if len(shared) < min(2, len(a), len(b)):
            return None
        return self.score(shared, total_a, total_b, pairs)

    def score(
        self,
        shared: frozenset[str],
        total_a: float,
        total_b: float,
        pairs: tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]] = ((), ()),
    ) -> float | None:
        """`overlap` of two statements sharing `shared` (at least two words, or all of the smaller
        statement's), given their `total`s: the caller has the shared words already."""
        if not shared:
            return None
        both = sum(map(self.both.__getitem__, shared))
        lighter = min(total_a, total_b) - sum(map(self.alone.__getitem__, shared)) + both
        if lighter <= 0 or both / lighter < MIN_SHARED_WEIGHT:
            return None
        if contrasted(pairs[0], pairs[1], set(shared)):
            return None
        return both / lighter


class _Rarity(dict[str, float]):
    """Lemma → weight, computed on first look-up (a speaker uses a few thousand words)."""

    def __init__(self, weights: Weights, own: int) -> None:
        super().__init__()
        self.weights, self.own = weights, own

    def __missing__(self, lemma: str) -> float:
        others = self.weights.n - 2 + PRIOR_STATEMENTS
        w = math.log((others + 1) / (max(0, self.weights.df[lemma] - self.own) + 1))
        if lemma in lx.GENERIC_LEMMAS:
            w *= lx.GENERIC_WEIGHT
        self[lemma] = w
        return w


def contrasted(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]], shared: set[str]) -> bool:
    """Whether a word both statements share is narrowed by a different noun in each (버스 요금
    / 택시 요금): then they are about different things."""
    mods_a: dict[str, set[str]] = {}
    for m, h in a:
        if m not in lx.NON_NAMING_MODIFIERS:
            mods_a.setdefault(h, set()).add(m)
    for m, h in b:
        if h in shared and m not in shared and m not in lx.NON_NAMING_MODIFIERS:
            theirs = mods_a.get(h, set()) - shared
            if theirs and m not in theirs:
                return True
    return False


def overlap(
    a: Sequence[str],
    b: Sequence[str],
    weight: Weights,
    pairs: tuple[Sequence[tuple[str, str]], Sequence[tuple[str, str]]] = ((), ()),
) -> float | None:
    """How much two statements' topics overlap (shared weight over the lighter one's), or None
    when they are not on the same thing."""
    sa, sb = frozenset(a), frozenset(b)
    return weight.overlap(sa, sb, weight.total(sa), weight.total(sb), pairs)
