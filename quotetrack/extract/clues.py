"""What each word of a sentence may signal, found in one walk over the sentence.

Several passes over a sentence look for a few kinds of word: one carrying a subject
marker (대변인은: a speaker phrase ends there), one closing a name with another
particle or a comma (장관에게: a name to register), one ending reported speech
(없다고, 것이라며).  Most words are none of these.  Asking each pass to test every
word again cost a long article several walks over its ~200,000 words; instead each
word is classed once (cached by its text: eojeols repeat) and a sentence's `Words`
keep the indices of the words that matter, so each pass visits only those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from quotetrack.extract.cues import quotative_end
from quotetrack.extract.nounphrase import core, is_title, subject_particle
from quotetrack.extract.sentences import Word, Words, words

_PARTICLE = re.compile(r"(?:을|를|에게|과|와|의|에|께|로부터|으로부터|으로|로|한테|에게서)$")

NameEnd = tuple[int, bool]
"""Where a name ends inside a word closing it with a particle or comma, and whether the stem
before that particle is a title (대변인에게)."""


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class SentenceClues:
    """Indices, in order, of a sentence's words that may matter to the passes (see module doc)."""

    mentions: tuple[tuple[int, bool, NameEnd | None], ...]
    """Each word carrying a subject marker or closing a name: (index, subject marker?, name end)."""
    subjects: tuple[int, ...]
    """Words carrying a subject marker (subject_particle is not None)."""
    quotatives: tuple[int, ...]
    """Words ending reported speech (cues.quotative_end is not None)."""
    titles: frozenset[int]
    """Words that are a title once stripped of punctuation (대변인, "장관)."""

    def title_before(self, k: int) -> bool:
        """Is one of the three words before word k a title (a name may stand between them)?"""
        t = self.titles
        return bool(t) and (k - 1 in t or k - 2 in t or k - 3 in t)


Clues = tuple[bool, NameEnd | None, bool, bool]
"""What one word says: (subject marker?, name end, ends reported speech?, a title?)."""

_NOTHING: Clues = (False, None, False, False)
"""What most words say: returned as this one tuple, so the walk skips them on identity."""


@lru_cache(maxsize=65536)
def word_clues(word: str) -> Clues:
    """What one word says, cached (see Clues).

    A name end is given only for a phrase's last word with a particle other than a subject
    marker, or a comma (장관에게, 대통령,): where the name ends and whether what precedes is a
    title.
    """
    subject = subject_particle(word) is not None
    quotative = quotative_end(word) is not None
    c = core(word)
    title = is_title(c)
    stem = _PARTICLE.sub("", c)
    if (stem == c and not word.endswith(",")) or not stem:
        return (subject, None, quotative, title) if subject or quotative or title else _NOTHING
    offset = word.index(c) if c in word else 0
    return subject, (offset + len(stem), is_title(stem)), quotative, title


_NO_CLUES = SentenceClues((), (), (), frozenset())


def _clues_of_texts(texts: Iterable[str]) -> SentenceClues:
    """The clues of a sentence's words, given their texts in order."""
    mentions: list[tuple[int, bool, NameEnd | None]] = []
    subjects: list[int] = []
    quotatives: list[int] = []
    titles: list[int] = []
    for k, text in enumerate(texts):
        got = word_clues(text)
        if got is _NOTHING:
            continue  # most words
        subject, name_end, quotative, title = got
        if subject or name_end is not None:
            mentions.append((k, subject, name_end))
            if subject:
                subjects.append(k)
        if quotative:
            quotatives.append(k)
        if title:
            titles.append(k)
    if not (mentions or quotatives or titles):
        return _NO_CLUES
    return SentenceClues(tuple(mentions), tuple(subjects), tuple(quotatives), frozenset(titles))


def words_with_clues(text: str, start: int, end: int) -> Words:
    """sentences.words(text, start, end) with their clues (see clues_of) found at once."""
    ws = words(text, start, end)
    ws.clues = _clues_of_texts([w.text for w in ws])
    return ws


def clues_of(ws: list[Word]) -> SentenceClues:
    """The clues of a sentence's words, found once per sentence (kept on its `Words`)."""
    if isinstance(ws, Words) and ws.clues is not None:
        return ws.clues
    out = _clues_of_texts(w.text for w in ws)
    if isinstance(ws, Words):
        ws.clues = out
    return out
