"""Korean morphology on demand: one Kiwi per process, analyses cached per word.

Kiwi costs ~2 s and ~500 MiB to load and ~20 ms to tag a whole 2 KB article
(../shared/PERFORMANCE-NOTES.md), which would cap ingest far below its target.
The extractor therefore finds candidates with regular expressions and asks Kiwi
only about the few words (eojeols) whose role it must know: is 바라며 a quotative
(no: 바라/VV + 며) while 아니라며 is (아니/VCN + 라며)?  Is 가진 a verb ending that
closes a noun phrase?  Eojeols repeat across articles (밝혔다, 대변인은), so a cache
keyed by the word makes most look-ups free.  Context-free tagging of one word is
slightly less accurate than tagging a sentence, so the rules built on it use Kiwi's
answer as one clue among the surface ones.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

_lock = threading.Lock()
_kiwi: Any = None

WORD_CACHE_SIZE = 200_000
"""Distinct eojeols kept; ~100 bytes each, so the cache stays around 20-40 MiB."""


@dataclass(frozen=True, slots=True)
class Morph:
    """One morpheme of a word: its form, Sejong tag and offset inside the word."""

    form: str
    tag: str
    start: int
    end: int
    unknown: bool = False
    """Kiwi guessed the word (a foreign or rare name such as 캐스텔리): it is not in its dictionary."""


def kiwi() -> Any:
    """The process-wide Kiwi instance, built on first use."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


_cache: dict[str, tuple[Morph, ...]] = {}


UNKNOWN_WORD_ID = 2
"""Kiwi gives every out-of-dictionary noun this morpheme id (checked on kiwipiepy 0.24)."""


def _convert(tokens: Any) -> tuple[Morph, ...]:
    return tuple(Morph(t.form, t.tag, t.start, t.start + t.len, t.id == UNKNOWN_WORD_ID) for t in tokens)


def _store(word: str, analysis: tuple[Morph, ...]) -> None:
    if len(_cache) >= WORD_CACHE_SIZE:
        _cache.clear()
    _cache[word] = analysis


def morphs(word: str) -> tuple[Morph, ...]:
    """Morphemes of one whitespace-delimited word (cached per process)."""
    got = _cache.get(word)
    if got is None:
        got = _convert(kiwi().tokenize(word)) if word else ()
        _store(word, got)
    return got


def prefetch(words: Iterable[str]) -> None:
    """Analyse many uncached words in one Kiwi call (cheaper than one call each)."""
    todo = [w for w in dict.fromkeys(words) if w and w not in _cache]
    if not todo:
        return
    for word, tokens in zip(todo, kiwi().tokenize(todo), strict=True):
        _store(word, _convert(tokens))


def lemma_of(ms: tuple[Morph, ...]) -> str | None:
    """The predicate lemma of a word: 밝혔다 → 밝히, 강조했다 → 강조하, 물었다 → 묻."""
    for i, m in enumerate(ms):
        if m.tag.startswith("VV") or m.tag.startswith("VA") or m.tag == "VX":
            return m.form
        if m.tag in ("XSV", "XSA") and i > 0:
            return ms[i - 1].form + m.form
    return None
