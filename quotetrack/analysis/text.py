"""Character n-grams of Korean text: the unit of full-text lookup and of near-duplicate matching.

Korean words carry particles and endings glued to the stem (북한은, 북한과의,
위반하지), so word tokens rarely match across articles, while character bigrams
do: 위반 is a bigram of 위반하지, 위반할 and 위반했다 alike.  Two derived forms:

- `index_tokens`: what the SQLite FTS5 index stores for a quote — the bigrams of
  each run of letters and digits, with a separator token between runs so a
  phrase of bigrams can only match inside one run (a literal substring).
- `signature`: the set of bigrams of the text with spaces and punctuation
  removed — the fingerprint claims are matched on, blind to spacing (위반 할 vs
  위반할), quote marks and trimming.
"""

from __future__ import annotations

import re
import unicodedata

RUN_SEPARATOR = "ǂ"
"""Token written between runs of letters and digits in the index.  Queries only ever ask for
two-character tokens, so this one-character token never matches anything; it only breaks
adjacency, so the phrase 위반 반할 cannot match across 위반 and 반할 in different words."""

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
    """The space-separated token stream the SQLite bigram index stores for `text`."""
    out: list[str] = []
    for run in alnum_runs(text):
        grams = bigrams(run)
        if not grams:
            continue
        if out:
            out.append(RUN_SEPARATOR)
        out.extend(grams)
    return " ".join(out)


def compact(text: str) -> str:
    """The folded text with everything but letters and digits removed (spacing-blind)."""
    return "".join(alnum_runs(text))


def signature(text: str) -> frozenset[str]:
    """The set of bigrams of the compacted text: the fingerprint near-duplicates are matched on."""
    return frozenset(bigrams(compact(text)))
