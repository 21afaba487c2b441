"""Normal forms used as lookup keys: speaker names, outlet names and article text.

Keys are for matching only and are never shown.  Names ignore Unicode width
variants (NFKC), case, whitespace and the middle dots Korean writes between
abbreviated names (한·미, 한ㆍ미), so ``블라디미르 푸틴`` and ``블라디미르푸틴``
or ``Vladimir PUTIN`` and ``vladimir putin`` share a key.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Iterable

_NAME_DROP = frozenset("·ㆍ・‧•")


def name_key(name: str) -> str:
    """Lookup key for a person, organisation or outlet name."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in _NAME_DROP)


def text_key(text: str) -> str:
    """Text with width variants unified and all whitespace removed (layout-insensitive)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def text_hash(*parts: str | None) -> str:
    """SHA-256 (hex) of the layout-insensitive form of the given texts, in order."""
    h = hashlib.sha256()
    for part in parts:
        h.update(text_key(part or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def url_key(url: str) -> str:
    """A URL as an identity: surrounding space removed, scheme and host lower-cased, fragment dropped."""
    url = url.strip()
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def jamo(text: str) -> str:
    """The lookup key spelled out in Hangul letters (푸틴 → ㅍㅜㅌㅣㄴ as conjoining jamo).

    Spelling distance on syllables counts 푸튼 against 푸틴 as one whole character wrong
    out of two; on letters it is one vowel of five, which is how close a typo really is.
    """
    return unicodedata.normalize("NFD", name_key(text))


def closest(query: str, names: Iterable[str], *, n: int = 5, cutoff: float = 0.6) -> list[str]:
    """The stored `names` spelled most like `query` (Hangul letter by letter), best first.

    A name is as close as its closest word, so 푸튼 suggests 블라디미르 푸틴.
    """
    wanted = jamo(query)
    if not wanted:
        return []
    scored: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
    for name in names:
        best = 0.0
        for form in {name, *name.split()}:
            matcher.set_seq1(jamo(form))
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                best = max(best, matcher.ratio())
        if best >= cutoff and best > scored.get(name, 0.0):
            scored[name] = best
    return sorted(scored, key=lambda name: (-scored[name], name))[:n]
