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
from dataclasses import dataclass
from functools import lru_cache

from quotetrack.extract.cues import quotative_end
from quotetrack.extract.nounphrase import core, is_title, subject_particle
from quotetrack.extract.sentences import Word, Words

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


class _Gather:
    """The clue indices of one sentence, gathered word by word (only words with a clue are added)."""

    __slots__ = ("mentions", "quotatives", "subjects", "titles")

    def __init__(self) -> None:
        self.mentions: list[tuple[int, bool, NameEnd | None]] = []
        self.subjects: list[int] = []
        self.quotatives: list[int] = []
        self.titles: list[int] = []

    def add(self, k: int, clues: Clues) -> None:
        subject, name_end, quotative, title = clues
        if subject or name_end is not None:
            self.mentions.append((k, subject, name_end))
            if subject:
                self.subjects.append(k)
        if quotative:
            self.quotatives.append(k)
        if title:
            self.titles.append(k)

    def done(self) -> SentenceClues:
        return SentenceClues(
            tuple(self.mentions), tuple(self.subjects), tuple(self.quotatives), frozenset(self.titles)
        )


def words_with_clues(text: str, start: int, end: int) -> Words:
    """sentences.words(text, start, end) with their clues found in the same walk (see clues_of)."""
    out: list[Word] = []
    gather = _Gather()
    pos = start
    index = text.index
    for k, tok in enumerate(text[start:end].split()):
        at = index(tok, pos)
        pos = at + len(tok)
        out.append(Word(tok, at, pos))
        got = word_clues(tok)
        if got is not _NOTHING:  # most words have no clue
            gather.add(k, got)
    ws = Words(out)
    ws.clues = gather.done()
    return ws


def clues_of(ws: list[Word]) -> SentenceClues:
    """The clues of a sentence's words, found once per sentence (kept on its `Words`)."""
    if isinstance(ws, Words) and ws.clues is not None:
        return ws.clues
    gather = _Gather()
    for k, w in enumerate(ws):
        got = word_clues(w.text)
        if got is not _NOTHING:
            gather.add(k, got)
    out = gather.done()
    if isinstance(ws, Words):
        ws.clues = out
    return out
