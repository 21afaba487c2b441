"""Where a page names its outlet outside the dateline: copyright notices, photo credits,
mastheads, edition citations, tip-off lines, spoken sign-offs, provider lines and
e-mail domains.

Each function reads one short line and returns the outlet it names (canonical
when known, else as printed); `clean.py` ranks what they find.  Patterns are
bounded and run on short strings.
"""

from __future__ import annotations

import re

from quotetrack.ingest.outlets import canonical_outlet, known_outlet, outlet_for_host, outlet_like

_COPYRIGHT_WORDS = re.compile(r"저작권|copyright|all rights reserved|무단\s?전재|재배포|무단\s?복제", re.I)
_COPYRIGHT_HINT = re.compile(
    r"ⓒ|Ⓒ|©|\([cC]\)|저작권|[Cc][Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|무단|재배포|의 모든"
)
COPYRIGHT_LEAD = 20
"""A notice starts within this many characters (or later, after a slogan with no full stop);
after a sentence it is glued to a photo caption ("… 있다. 2024.1.5/뉴스1 Copyright …")."""
_SIGN = re.compile(r"ⓒ|Ⓒ|©|\([cC]\)")
_COPY_SIGN = re.compile(
    r"(?:ⓒ|Ⓒ|©|\([cC]\)|[Cc]opyright\s(?:by|[Bb][Yy])\s)\s{0,2}(?:\d{4}(?:\s?[-~]\s?\d{4})?\s{1,2})?"
    r"(?P<name>[^\s,.\[\]<>()|&][^,.\[\]<>()|&\n]{0,30}?)\s{0,2}"
    r"(?=$|[,.\[\]<>()|&]|\s(?:무단|[Aa][Ll][Ll]\s|-|저작권|www\.))"
)
_OWNS_CONTENT = re.compile(r"^(?P<name>[^\s]{2,20})의 모든 (?:콘텐츠|기사|저작물)")
_EDITION = re.compile(
    r"[(\[]\s{0,2}(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9 ]{1,20}?)\s{1,2}(?:19|20)\d{2}\s?(?:년|[-./])"
    r"[^()\[\]]{2,14}?(?:자|면)\s{0,2}[)\]]\.?"
)
_TIP_LINE = re.compile(
    r"(?P<name>[^\s:|]{2,15})\s{0,2}(?:기사\s?문의\s?및\s?|뉴스\s?)?제보\s{0,2}(?:하기|[:：]|전화|카톡)"
)
_HAS_LETTER = re.compile(r"[가-힣A-Za-z]")


def _usable(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip(" -–:")
    if not 2 <= len(name) <= 30 or not _HAS_LETTER.search(name):
        return None
    return canonical_outlet(name)


_NAME_TOKEN = re.compile(r"[가-힣A-Za-z0-9]{2,20}|[a-z0-9-]{2,30}(?:\.[a-z0-9-]{2,30}){1,3}", re.I)


def _known_in(text: str) -> str | None:
    """The first known outlet named or linked in `text` (``아시아경제(www.asiae.co.kr)``)."""
    for m in _NAME_TOKEN.finditer(text):
        token = m.group()
        found = outlet_for_host(token) if "." in token else known_outlet(token)
        if found:
            return found
    return None


def copyright_outlet(text: str) -> tuple[str | None, bool]:
    """(outlet, is a full copyright notice) from a copyright or ⓒ credit line.

    A full notice (저작권자/Copyright/무단 전재… near the start of the line)
    names the publisher; a bare ``ⓒ스타뉴스`` is a photo credit, weaker evidence
    the caller ranks lower.  Slogans sit between the sign and the name
    (``ⓒ경제를 보는 눈, … 아시아경제``), so a known outlet anywhere after the
    sign wins over the words right after it.
    """
    if _COPYRIGHT_HINT.search(text) is None:
        return None, False
    words = _COPYRIGHT_WORDS.search(text)
    full = False
    if words is not None:
        sign = _SIGN.search(text)
        prefix = text[: min(words.start(), sign.start() if sign else len(text))]
        full = len(prefix) <= COPYRIGHT_LEAD or ("." not in prefix and len(prefix) <= 2 * COPYRIGHT_LEAD)
    m = _COPY_SIGN.search(text)
    if m:
        return _known_in(text[m.start() : m.start() + 120]) or _usable(m["name"]), full
    o = _OWNS_CONTENT.match(text)
    if o and words:
        return _usable(o["name"]), True
    return None, full


def edition_outlet(text: str) -> str | None:
    """The paper named by an edition citation such as ``(한국경제신문 1996년 7월 13일자)``."""
    m = _EDITION.search(text)
    return _usable(m["name"]) if m else None


def tip_line_outlet(text: str) -> str | None:
    """The outlet a tip-off footer names (``연합뉴스TV 기사문의 및 제보 : …``)."""
    m = _TIP_LINE.match(text.strip())
    if m is None:
        return None
    return canonical_outlet(m["name"]) if outlet_like(m["name"]) else None


_SPOKEN_SIGNOFF = re.compile(
    r"\s{0,3}(?P<outlet>[A-Z]{2,6}|[가-힣A-Za-z]{1,8}(?:뉴스|TV|방송))(?:\s?뉴스)?\s{1,2}"
    r"(?P<name>[가-힣]{2,4})(?:\s?기자)?입니다\.?\s{0,3}"
)


def spoken_signoff(text: str) -> tuple[str, str] | None:
    """(outlet, byline) from a broadcast reporter's sign-off (``MBC 뉴스 홍길동입니다.``)."""
    m = _SPOKEN_SIGNOFF.fullmatch(text[:40])
    return (canonical_outlet(m["outlet"]), f"{m['name']} 기자") if m else None


_PROVIDED_BY = re.compile(r"\s{0,3}(?:기사\s?제공|제공)\s{0,2}[:：|]?\s{0,2}(?P<name>[^\s:|]{2,15})\s{0,3}")


def provider_outlet(text: str) -> str | None:
    """The outlet a portal names as the article's source (``기사제공 연합뉴스``)."""
    m = _PROVIDED_BY.fullmatch(text)
    return _usable(m["name"]) if m else None


_NEWS_WORD = re.compile(r"\s?(?:뉴스|news|NEWS|News)$")
_SECTION_LABEL = re.compile(r"[가-힣A-Za-z·/]{1,10}")
MASTHEAD_MAX = 25


def _known_masthead(text: str) -> str | None:
    if (found := known_outlet(text)) is not None:
        return found
    bare = _NEWS_WORD.sub("", text)
    return known_outlet(bare) if bare != text and len(bare) >= 2 else None


def masthead_outlet(text: str) -> str | None:
    """A known outlet printed alone as a masthead line (``중앙일보``, ``SBS 뉴스``, ``YTN news``),
    or after the section label it heads (``기상·재해TV조선 뉴스``)."""
    text = text.strip()
    if len(text) > MASTHEAD_MAX:
        return None
    if (found := _known_masthead(text)) is not None:
        return found
    for k in range(1, len(text) - 1):
        if _SECTION_LABEL.fullmatch(text[:k].rstrip()) and (found := _known_masthead(text[k:].strip())):
            return found
    return None


EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5})")


def email_outlet(text: str) -> str | None:
    """The known outlet behind the first e-mail address in `text`."""
    for m in EMAIL.finditer(text):
        outlet = outlet_for_host(m["domain"])
        if outlet:
            return outlet
    return None
