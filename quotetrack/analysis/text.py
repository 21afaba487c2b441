"""Character n-grams of Korean text: the unit of full-text lookup and of near-duplicate matching.

Korean words carry particles and endings glued to the stem (북한은, 북한과의,
위반하지), so word tokens rarely match across articles, while character bigrams
do: 위반 is a bigram of 위반하지, 위반할 and 위반했다 alike.  Two derived forms:

- `index_tokens`: what the SQLite FTS5 index stores for a quote — the bigrams
  of each run of letters and digits, with a separator token between runs so a
  phrase of bigrams can only match inside one run (a literal substring); then
  each letter of the quote once (so one-syllable words, 핵 or 北, are looked up
  too) and each Hangul syllable standing alone as a word, marked (the 북 of
  북·러, as headlines write it).  The three kinds of token cannot be taken for
  one another: two letters, one letter, a syllable and a mark that is no letter.
- `signature`: the set of bigrams of the text with spaces and punctuation
  removed — the fingerprint claims are matched on, blind to spacing (위반 할 vs
  위반할), quote marks and trimming.
"""

from __future__ import annotations

import re
import unicodedata

WORD_LETTER = "0-9A-Za-z가-힣"
"""What a Hangul abbreviation standing alone may not touch on either side (a regex character class
body): search checks it with GLOB on SQLite and a regular expression on PostgreSQL, and
`standalone_syllables` indexes exactly the syllables it accepts."""

RUN_SEPARATOR = "¶"
"""Token written between runs of letters and digits.  It is no letter, so no query asks for it; it
only breaks adjacency, so the phrase 위반 반할 cannot match across 위반 and 반할 in different
words.  (Until migration 0010 it was ǂ, a letter, which a one-letter lookup could have met.)"""

LONE_MARK = "¦"
"""Written after a Hangul syllable that stands alone (북¦): no letter, so the token is neither a
bigram nor a letter of the quote."""

_NOT_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)


def fold(text: str) -> str:
    """Width variants unified and case folded (ＵＮ, UN and un compare equal)."""
    return unicodedata.normalize("NFKC", text).casefold()


def alnum_runs(text: str) -> list[str]:
    """The maximal runs of letters and digits in the folded text, in order."""
    return [run for run in _NOT_ALNUM.split(fold(text)) if run]


def bigrams(run: str) -> list[str]:
    """The overlapping two-character pieces of one run (none for a single character)."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> str:
    """The space-separated token stream the SQLite index stores for `text`: bigrams, letters, lone
    syllables (one FTS5 column: a column each would cost a third more index, per-column markers)."""
    out: list[str] = []
    runs = alnum_runs(text)
    for run in runs:
        grams = bigrams(run)
        if not grams:
            continue
        if out:
            out.append(RUN_SEPARATOR)
        out.extend(grams)
    out.extend(dict.fromkeys("".join(runs)))  # each letter once: it is only ever looked up alone
    out.extend(s + LONE_MARK for s in standalone_syllables(text))
    return " ".join(out)


_STANDALONE = re.compile(f"(?<![{WORD_LETTER}])[가-힣](?![{WORD_LETTER}])")


def standalone_syllables(text: str) -> list[str]:
    """Each Hangul syllable standing alone in the text (no WORD_LETTER beside it), once: what a
    one-syllable headline abbreviation is looked up by (북 of 북·러, not of 남북).  Read from the
    text as stored, as the GLOB and regular expression checks read it."""
    return list(dict.fromkeys(_STANDALONE.findall(text)))


def compact(text: str) -> str:
    """The folded text with everything but letters and digits removed (spacing-blind)."""
    return "".join(alnum_runs(text))


def signature(text: str) -> frozenset[str]:
    """The set of bigrams of the compacted text: the fingerprint near-duplicates are matched on."""
    return frozenset(bigrams(compact(text)))
