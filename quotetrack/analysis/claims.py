"""Near-duplicate statements: when two quotes of one speaker are the same claim.

Outlets reword, trim and re-space what a speaker said: 어떤 합의도 위반하지
않는다 / 합의 위반 안 해 / "위반할 의사도 없다"고 강조했다.  Two quotes are one
claim when their bigram signatures (text.signature: spacing, punctuation and
quote marks ignored) overlap enough, measured against the *shorter* one so a
trimmed quote still matches its full version, and when they take the same stance
(a denial and a confirmation of the same words are two claims, and a change).

Candidates are found without comparing against every stored quote: each quote
stores `KEYS_PER_QUOTE` keys, the hashes of its bigrams with the smallest hash
values (a bottom-k MinHash sketch).  Two quotes sharing most bigrams almost
surely share one of those keys; a trimmed quote A of B shares one with
probability ~0.95 for |B| = 3|A| (calibration below).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from quotetrack.analysis.stance import Stance
from quotetrack.analysis.text import bigrams, compact

KEYS_PER_QUOTE = 6
"""Sketch size.  For a trimmed quote of 7 bigrams inside one of 20, the chance that the
two sketches share a key is 1 - C(13,6)/C(20,6) ≈ 0.96; more keys cost one index row each."""

MIN_OVERLAP = 0.7
"""Shared bigrams over the shorter signature.  Calibrated on reworded pairs of the seed corpus
and tests/test_claims.py: rewordings of one sentence score 0.75–1.0, different sentences of one
speaker on one topic 0.2–0.5."""
MIN_JACCARD = 0.25
"""Shared over all bigrams: keeps a short quote from joining every long one that contains it
(a trimmed quote is at least about a quarter of its full version)."""
MIN_SHARED = 3
"""Fewer shared bigrams than this is chance (two-syllable quotes only match when identical)."""

_COMMON = "있다 한다 했다 것이 것은 하는 하고 이다 니다 습니 우리 에서 으로 하지 되는 라고 것을 위해 대해 있는 있으 한것 는것 이라 하겠 겠다 된다 였다 었다"  # noqa: E501
COMMON_BIGRAMS = frozenset(_COMMON.split(" "))
"""Endings and function words of Korean news speech, too frequent to be useful as lookup keys
(they stay in the signatures; they are only never chosen as keys)."""


@dataclass(frozen=True)
class Fingerprint:
    """What claim matching needs to know about one quote."""

    grams: frozenset[str]
    stance: Stance | None
    keys: tuple[int, ...]


def gram_hash(gram: str) -> int:
    """A stable 31-bit hash of a bigram (Python's hash() changes between processes)."""
    return zlib.crc32(gram.encode("utf-8")) >> 1


def fingerprint(text: str, stance: Stance | None = None) -> Fingerprint:
    """The signature, lookup keys and (as read by analysis/reading.py) stance of a quote."""
    flat = compact(text)  # folded once: the signature and the keys are both drawn from it
    grams = frozenset(bigrams(flat))
    keys = tuple(sorted({gram_hash(g) for g in _key_shingles(flat, grams)})[:KEYS_PER_QUOTE])
    return Fingerprint(grams, stance, keys)


def _key_shingles(flat: str, grams: frozenset[str]) -> set[str]:
    """The pieces a quote's lookup keys are drawn from: three-character shingles of the compacted
    text `flat`, leaving out those made only of common endings; its bigrams `grams` for texts too
    short for that.

    Trigrams are far rarer than bigrams (전기요 against 전기), so the stored quotes sharing a key
    with a new one are few even for a speaker with tens of thousands of quotes.
    """
    shingles = {flat[i : i + 3] for i in range(len(flat) - 2)}
    usable = {s for s in shingles if s[:2] not in COMMON_BIGRAMS or s[1:] not in COMMON_BIGRAMS}
    return usable or shingles or set(grams)


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, float, int]:
    """(overlap over the shorter, Jaccard, shared count) of two signatures."""
    if not a or not b:
        return 0.0, 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared / len(a | b), shared


def same_claim(a: Fingerprint, b: Fingerprint) -> float | None:
    """How strongly two quotes of one speaker are the same claim (overlap), or None if they are not."""
    if a.stance != b.stance:
        return None
    return wording_match(a.grams, b.grams)


def wording_match(a: frozenset[str], b: frozenset[str]) -> float | None:
    """The overlap of two signatures when their wording is close enough to be one claim, else None.

    The cheap half of `same_claim` (no stance): candidates failing it need no stance reading.
    """
    if a == b and a:
        return 1.0
    overlap, jaccard, shared = similarity(a, b)
    if shared >= MIN_SHARED and overlap >= MIN_OVERLAP and jaccard >= MIN_JACCARD:
        return overlap
    return None
