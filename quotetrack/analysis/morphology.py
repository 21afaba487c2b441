"""Words of a statement and their morphemes: what stance and topic reading are built on.

The reading modules take an `Analyse` function (words in, each word's morphemes
out) instead of importing Kiwi, so they stay pure and testable, and so read
commands that only look at stored readings never load the model.  `kiwi_analyse`
is the real one: it reuses the extractor's per-process Kiwi and its per-word cache
(quotetrack/extract/morph.py), imported on first call — a statement's words are
mostly words news repeats (밝혔다, 없다, 인상), so most look-ups are free.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Morpheme = tuple[str, str]
"""(form, tag): Kiwi's Sejong tag without its irregular-inflection suffix (VV-I → VV)."""

Analyse = Callable[[Sequence[str]], list[tuple[Morpheme, ...]]]


def kiwi_analyse(words: Sequence[str]) -> list[tuple[Morpheme, ...]]:
    """Each word's morphemes from the extractor's cached Kiwi (loaded on first use)."""
    from quotetrack.extract import morph

    morph.prefetch(words)
    return [tuple((m.form, m.tag.split("-")[0]) for m in morph.morphs(w)) for w in words]


@dataclass(frozen=True, slots=True)
class Word:
    """One word (eojeol) of a statement as printed, its morphemes, and what punctuation follows it."""

    text: str
    morphs: tuple[Morpheme, ...]
    stop: str = ""
    """The punctuation after the word that ends a clause or sentence (, … . ; ?), if any."""

    def tags(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.morphs)

    def last(self) -> Morpheme:
        """The last morpheme that is not punctuation."""
        for m in reversed(self.morphs):
            if not m[1].startswith("S") or m[1] in ("SN", "SL", "SH"):
                return m
        return ("", "")

    def has(self, form: str, tag_prefix: str = "") -> bool:
        return any(f == form and t.startswith(tag_prefix) for f, t in self.morphs)


_EDGE = "\"'“”‘’`「」『』()[]{}<>《》〈〉【】"
_STOP_AT_END = re.compile(r"([,，;:…?？!.]+)$")


def split_words(text: str) -> list[tuple[str, str]]:
    """(word, punctuation after it) in order; quote marks and brackets around words dropped.

    Ellipses split words (a headline's 검토 안 해…인상설은 is two sentences).
    """
    out: list[tuple[str, str]] = []
    for raw in re.split(r"\s+", text.replace("...", "…").replace("..", "…")):
        for i, piece in enumerate(raw.split("…")):
            if i > 0 and out:
                out[-1] = (out[-1][0], out[-1][1] + "…")
            word = piece.strip(_EDGE)
            stop = ""
            m = _STOP_AT_END.search(word)
            if m:
                stop, word = m.group(1), word[: m.start()]
            word = word.strip(_EDGE)
            if word:
                out.append((word, stop))
            elif stop and out:
                out[-1] = (out[-1][0], out[-1][1] + stop)
    return out


def words_of(text: str, analyse: Analyse) -> list[Word]:
    """The statement's words with their morphemes."""
    pieces = split_words(text)
    analyses = analyse([w for w, _ in pieces]) if pieces else []
    words = []
    for n, ((w, stop), ms) in enumerate(zip(pieces, analyses, strict=True)):
        if n + 1 < len(pieces) and not stop and ms and ms[-1][1] == "EF":
            ms = _not_an_end(w, ms)
        words.append(Word(w, ms, stop))
    return words


def _not_an_end(word: str, ms: tuple[Morpheme, ...]) -> tuple[Morpheme, ...]:
    """A word tagged as ending a sentence in the middle of one, with no stop after it: Kiwi, which
    sees one word at a time here, misread it.  A lone syllable is a noun (댐 is not 대+ㅁ); a final
    지 is the connective of -지 않다 (짓지, 올리지)."""
    if len(word) == 1 and "가" <= word <= "힣":
        return ((word, "NNG"),)
    if ms[-1][0] == "지":
        return (*ms[:-1], ("지", "EC"))
    return ms
