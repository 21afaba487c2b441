"""Datelines, bylines and outlet names as Korean news pages print them.

Everything here reads one short string (a line of page text, a URL, a meta
value) and knows nothing about where on the page it sits; `clean.py` decides
which lines to ask.  Every pattern uses bounded quantifiers and is applied to
short strings (or the head of a long one), so no input can make it slow.

The forms covered, all common Korean news page structure:

* datelines ``[휴스턴=뉴스핌] 고인원 특파원=``, ``(서울=연합뉴스) 최인영 특파원 =``,
  ``[더팩트|원세나 기자]``, ``[아시아경제 홍길동 기자]``, ``【동경 AFP=본사특약】``,
  ``(워싱턴 AFP=연합뉴스)``, Reuters Korea's ``워싱턴, 8월30일 (로이터) -``;
* bylines ``정윤경 기자``, ``고인원 특파원``; copyright lines ``저작권자 © 통일뉴스``,
  ``[저작권자(c) YTN & YTN PLUS …]``, ``Copyright ⓒ 서울신문 All rights reserved``;
  edition citations ``(한국경제신문 1996년 7월 13일자)``; e-mail domains;
* metadata lines made only of the above and timestamps (`dates.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from quotetrack.ingest.dates import FIRST_LABELS, MODIFIED_LABELS, Stamp, find_stamps
from quotetrack.ingest.outlets import canonical_outlet, known_outlet, outlet_for_host


@dataclass(frozen=True)
class Dateline:
    """The ``[place=outlet] name 기자 =`` prefix of a lead paragraph."""

    place: str | None
    outlet: str | None
    byline: str | None
    end: int
    """Offset in the examined text where the article text starts."""


def host_of(url: str) -> str | None:
    """The host name of a URL, or None when it has none."""
    try:
        return urlsplit(url.strip()).hostname
    except ValueError:
        return None


# --- bylines and datelines ---------------------------------------------------

_ROLE = r"(?:선임기자|전문기자|객원기자|인턴기자|수습기자|대기자|기자|특파원|통신원|논설위원|편집위원)"
_NAME = r"[가-힣]{2,4}"
# Several reporters are joined by · or a comma; a bare space would swallow the
# word before the name (글·사진 홍길동 기자, 미래경제 홍길동 기자).
_BYLINE_BODY = rf"(?P<name>{_NAME}(?:\s?[·,ㆍ]\s?{_NAME}){{0,3}})\s?(?P<role>{_ROLE})(?![가-힣])"
_BYLINE = re.compile(rf"(?<![가-힣]){_BYLINE_BODY}")
_BYLINE_FULL = re.compile(rf"\s{{0,2}}{_BYLINE_BODY}\s{{0,2}}")
_AFTER_BRACKET_BYLINE = re.compile(rf"\s{{0,2}}{_BYLINE_BODY}\s{{0,2}}(?:[=|:]\s{{0,2}}|$)")
_BRACKET_HEAD = re.compile(
    r"\s{0,3}(?P<open>[\[(【〔])\s{0,2}(?P<inner>[^\[\]()【】〔〕\n]{2,40}?)\s{0,2}[\])】〕]"
)
_GLUED_DATELINE = re.compile(r"[\[(【〔][^\[\]()【】〔〕\n=]{1,20}=[^\[\]()【】〔〕\n=]{1,25}[\])】〕]")
_REUTERS_STYLE = re.compile(
    r"\s{0,3}(?P<place>[가-힣A-Za-z]{1,12}(?: [가-힣A-Za-z]{1,12})?),\s{0,2}\d{1,2}월\s?\d{1,2}일\s{0,2}"
    r"\((?P<outlet>[^()\n]{2,15})\)\s{0,2}[-–—]\s{0,2}"
)
_PLACE = re.compile(r"[가-힣A-Za-z.]{1,12}(?: [가-힣A-Za-z.]{1,12}){0,2}")
_OUTLET_NAME = re.compile(r"[가-힣A-Za-z0-9&/ .]{2,25}")
_OUTLET_SUFFIX = re.compile(r"(?:뉴스|일보|신문|방송|TV|경제|데일리|타임스|미디어|저널|포스트|통신|[0-9])$")
# Words that look like outlets or places in a bracket but are page furniture.
_NOT_OUTLETS = frozenset(
    ["최신뉴스", "주요뉴스", "종합뉴스", "속보뉴스", "관련뉴스", "포토뉴스", "영상뉴스", "뉴스"]
)
_NOT_PLACES = frozenset(["사진", "그래픽", "자료", "영상", "출처", "제공", "표", "글", "편집", "촬영"])
_HOUSE_WORDS = ("본사", "본지", "특약")  # 【동경 AFP=본사특약】: a wire copy, the paper names itself "본사"


def outlet_like(name: str) -> bool:
    """Is `name` a known outlet or shaped like an outlet's name (…뉴스, …일보, …신문, …TV)?"""
    name = name.strip()
    if known_outlet(name):
        return True
    return (
        3 <= len(name) <= 20
        and name not in _NOT_OUTLETS
        and _OUTLET_SUFFIX.search(name) is not None
        and _HAS_LETTER.search(name) is not None
    )


_PLACE_BYLINE = re.compile(rf"(?<![가-힣])(?P<place>[가-힣]{{2,8}})\s?=\s?{_BYLINE_BODY}")


def place_in_signoff(text: str) -> str | None:
    """The place of a sign-off byline such as ``워싱턴=홍길동 특파원``."""
    m = _PLACE_BYLINE.search(text)
    return m["place"] if m else None


def byline_in(text: str) -> str | None:
    """The first ``name 기자``-style byline in `text`, normalised to ``name role``."""
    m = _BYLINE.search(text)
    return f"{m['name']} {m['role']}" if m else None


def is_byline(text: str) -> bool:
    """True when `text` is nothing but a byline."""
    return _BYLINE_FULL.fullmatch(text) is not None


def _wire_outlet(right: str) -> str | None:
    outlet = right.split("/")[-1].strip()  # [로마=AP/뉴시스]: AP took the photo, 뉴시스 published
    if not outlet or any(w in outlet for w in _HOUSE_WORDS):
        return None
    return canonical_outlet(outlet)


def _read_bracket(inner: str, opening: str) -> tuple[str | None, str | None, str | None] | None:
    """(place, outlet, byline) from a dateline bracket's contents, None when it is no dateline."""
    inner = inner.strip()
    if "@" in inner:
        return None
    if "=" in inner:
        left, right = (part.strip() for part in inner.split("=", 1))
        if not left or not right:
            return None
        b = _BYLINE_FULL.fullmatch(right)
        if b:  # [헤럴드경제=홍길동 기자], [파이낸셜뉴스 서울=홍길동 기자], [워싱턴=홍길동 특파원]
            byline = f"{b['name']} {b['role']}"
            tokens = left.split()
            outlets = [t for t in tokens if outlet_like(t)]
            places = [t for t in tokens if not outlet_like(t)]
            if len(tokens) > 2 or (places and not _PLACE.fullmatch(places[0])):
                return None
            outlet = canonical_outlet(outlets[0]) if outlets else None
            return (places[0] if places else None), outlet, byline
        if not _PLACE.fullmatch(left) or not _OUTLET_NAME.fullmatch(right):
            return None
        place = left.split()[0]  # [아무르 로이터=뉴스핌], (워싱턴 AFP=연합뉴스): the wire follows the place
        if place in _NOT_PLACES:
            return None
        return place, _wire_outlet(right), None
    if opening == "(":  # prose often opens with a parenthesis; only (place=outlet) is a dateline
        return None
    if "|" in inner:  # [더팩트|원세나 기자]
        left, right = (part.strip() for part in inner.split("|", 1))
        b = _BYLINE_FULL.fullmatch(right)
        if b and _OUTLET_NAME.fullmatch(left):
            return None, canonical_outlet(left), f"{b['name']} {b['role']}"
        return None
    b = _BYLINE.search(inner)
    if b is None or b.end() != len(inner):
        # [파이낸셜뉴스] opening the lead: the outlet alone
        return (None, canonical_outlet(inner), None) if outlet_like(inner) else None
    outlet = inner[: b.start()].strip()  # [아시아경제 홍길동 기자] or [홍길동 기자]
    if outlet and not _OUTLET_NAME.fullmatch(outlet):
        return None
    return None, canonical_outlet(outlet) if outlet else None, f"{b['name']} {b['role']}"


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of `text` (a paragraph), if it has one."""
    head = text[:240]
    m = _BRACKET_HEAD.match(head)
    if m:
        parsed = _read_bracket(m["inner"], m["open"])
        if parsed is not None:
            place, outlet, byline = parsed
            end = m.end()
            if byline is None:
                b = _AFTER_BRACKET_BYLINE.match(head, end)
                if b:
                    byline, end = f"{b['name']} {b['role']}", b.end()
            while end < len(head) and (head[end].isspace() or head[end] == "="):
                end += 1
            return Dateline(place, outlet, byline, end)
    r = _REUTERS_STYLE.match(head)
    if r:
        return Dateline(r["place"].split()[0], _wire_outlet(r["outlet"]), None, r.end())
    return None


def glued_dateline_start(text: str, limit: int = 240) -> int | None:
    """Offset of a ``[place=outlet]`` dateline that follows other text (a glued photo caption)."""
    for m in _GLUED_DATELINE.finditer(text[:limit]):
        if m.start() > 0 and parse_dateline(text[m.start() :]) is not None:
            return m.start()
    return None


# --- outlet names --------------------------------------------------------------

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


# --- lines that are nothing but metadata -----------------------------------------


@dataclass(frozen=True)
class MetaLine:
    """A line made only of a dateline, byline, timestamps and their labels."""

    stamps: tuple[Stamp, ...]
    byline: str | None
    dateline: Dateline | None


_LABEL_WORDS = (*FIRST_LABELS, *MODIFIED_LABELS, "기사", "최종", "최초", "date", "시간", "일시")
_META_HINT = re.compile(r"(?:19|20)\d\d|기자|특파원|통신원|위원|^\s{0,3}[\[(【〔]")
_LEFTOVER_JUNK = re.compile(r"[\s\d|/:：\-–·,.()\[\]<>=~@]+")
META_LINE_MAX = 120
META_LEFTOVER_MAX = 12
_SENTENCE_LEFT = re.compile(r"[\"“”‘’″']|[가-힣][다요]\.?\s*$")
"""What is left is a (quoted) sentence: the line is a short lead, not metadata."""
"""Characters a metadata line may hold besides its data: a section name, "조회수", "자"."""


def metadata_line(text: str) -> MetaLine | None:
    """The data of a pure metadata line (``안이슬 기자 / 입력 : 2012.12.28 19:10``), else None."""
    if len(text) > META_LINE_MAX or _META_HINT.search(text) is None:
        return None
    d = parse_dateline(text)
    rest = text[d.end :] if d else text
    stamps = find_stamps(rest)
    if stamps:
        pieces, pos = [], 0
        for st in stamps:
            pieces.append(rest[pos : st.start])
            pos = st.end
        pieces.append(rest[pos:])
        rest = " ".join(pieces)
    byline = d.byline if d else None
    b = _BYLINE.search(rest)
    if b:
        byline = byline or f"{b['name']} {b['role']}"
        rest = rest[: b.start()] + rest[b.end() :]
    if not stamps and byline is None and d is None:
        return None
    rest = rest.casefold()
    for word in _LABEL_WORDS:
        rest = rest.replace(word, "")
    if len(_LEFTOVER_JUNK.sub("", rest)) > META_LEFTOVER_MAX or _SENTENCE_LEFT.search(rest):
        return None
    return MetaLine(tuple(stamps), byline, d)
