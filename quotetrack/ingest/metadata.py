"""Datelines, bylines and metadata lines as Korean news pages print them.

Everything here reads one short string (a line of page text, a URL, a meta
value) and knows nothing about where on the page it sits; `clean.py` decides
which lines to ask.  Every pattern uses bounded quantifiers and is applied to
short strings (or the head of a long one), so no input can make it slow.

The forms covered, all common Korean news page structure:

* datelines ``[휴스턴=뉴스핌] 고인원 특파원=``, ``(서울=연합뉴스) 최인영 특파원 =``,
  ``[더팩트|원세나 기자]``, ``[아시아경제 홍길동 기자]``, ``【동경 AFP=본사특약】``,
  ``(워싱턴 AFP=연합뉴스)``, Reuters Korea's ``워싱턴, 8월30일 (로이터) -``;
* bylines ``정윤경 기자``, ``고인원 특파원``;
* metadata lines made only of the above and timestamps (`dates.py`).

Outlet names printed elsewhere (copyright lines, credits, mastheads, edition
citations, sign-offs, e-mail domains) are read by `credits.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Outlet names outside the dateline live in credits.py; re-exported for callers of this module.
from quotetrack.ingest.credits import (  # noqa: F401
    EMAIL,
    copyright_outlet,
    edition_outlet,
    email_outlet,
    masthead_outlet,
    provider_outlet,
    spoken_signoff,
    tip_line_outlet,
)
from quotetrack.ingest.dates import FIRST_LABELS, MODIFIED_LABELS, Stamp, find_stamps
from quotetrack.ingest.outlets import canonical_outlet, outlet_like


@dataclass(frozen=True)
class Dateline:
    """The ``[place=outlet] name 기자 =`` prefix of a lead paragraph."""

    place: str | None
    outlet: str | None
    byline: str | None
    end: int
    """Offset in the examined text where the article text starts."""
    relayed: bool = False
    """A foreign wire's story relayed by `outlet` (``(워싱턴 AP=연합뉴스)``, ``[로마=AP/뉴시스]``): the
    page that prints it may be another outlet's."""


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
_BARE_DATELINE = re.compile(
    rf"\s{{0,3}}(?P<outlet>[가-힣A-Za-z0-9]{{2,15}})(?P<sep>\s?=\s?|\s{{1,2}}){_BYLINE_BODY}\s{{0,2}}(?P<eq>=?)\s{{0,2}}"
)
"""A dateline without brackets: ``OSEN=홍길동 기자 =``, ``한빛뉴스 홍길동 기자 =``."""
_PLACE = re.compile(r"[가-힣A-Za-z.]{1,12}(?: [가-힣A-Za-z.]{1,12}){0,2}")
_OUTLET_NAME = re.compile(r"[가-힣A-Za-z0-9&/ .]{2,25}")
_NOT_PLACES = frozenset(["사진", "그래픽", "자료", "영상", "출처", "제공", "표", "글", "편집", "촬영"])
_HOUSE_WORDS = ("본사", "본지", "특약")  # 【동경 AFP=본사특약】: a wire copy, the paper names itself "본사"


_PLACE_BYLINE = re.compile(rf"(?<![가-힣])(?P<place>[가-힣]{{2,8}})\s?=\s?{_BYLINE_BODY}")


def place_in_signoff(text: str) -> str | None:
    """The place of a sign-off byline such as ``워싱턴=홍길동 특파원``."""
    m = _PLACE_BYLINE.search(text)
    return m["place"] if m else None


_NAME_OUTLET_ROLE = re.compile(
    rf"(?<![가-힣])(?P<name>{_NAME})\s(?P<outlet>[가-힣A-Za-z0-9]{{2,15}})\s?(?P<role>{_ROLE})(?![가-힣])"
)
"""A byline that names the reporter's outlet between name and title: ``홍길동 한빛일보 기자``."""


def _byline_match(text: str) -> tuple[re.Match[str] | None, str | None]:
    """The first byline in `text` and the outlet it names, if it names one."""
    m = _BYLINE.search(text)
    if m is not None and outlet_like(m["name"]):
        full = _NAME_OUTLET_ROLE.search(text)
        if full is not None and outlet_like(full["outlet"]):
            return full, canonical_outlet(full["outlet"])
        return None, None
    return m, None


def byline_in(text: str) -> str | None:
    """The first ``name 기자``-style byline in `text`, normalised to ``name role``."""
    m, _ = _byline_match(text)
    return f"{m['name']} {m['role']}" if m else None


def is_byline(text: str) -> bool:
    """True when `text` is nothing but a byline."""
    return _BYLINE_FULL.fullmatch(text) is not None


def _wire_outlet(right: str) -> str | None:
    outlet = right.split("/")[-1].strip()  # [로마=AP/뉴시스]: AP took the photo, 뉴시스 published
    if not outlet or any(w in outlet for w in _HOUSE_WORDS):
        return None
    return canonical_outlet(outlet)


_Bracket = tuple[str | None, str | None, str | None, bool]


def _read_bracket(inner: str, opening: str) -> _Bracket | None:
    """(place, outlet, byline, relayed) from a dateline bracket's contents, None when it is no dateline."""
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
            return (places[0] if places else None), outlet, byline, False
        if not _PLACE.fullmatch(left) or not _OUTLET_NAME.fullmatch(right):
            return None
        place = left.split()[0]  # [아무르 로이터=뉴스핌], (워싱턴 AFP=연합뉴스): the wire follows the place
        if place in _NOT_PLACES:
            return None
        return place, _wire_outlet(right), None, " " in left or "/" in right
    if opening == "(":  # prose often opens with a parenthesis; only (place=outlet) is a dateline
        return None
    if "|" in inner:  # [더팩트|원세나 기자]
        left, right = (part.strip() for part in inner.split("|", 1))
        b = _BYLINE_FULL.fullmatch(right)
        if b and _OUTLET_NAME.fullmatch(left):
            return None, canonical_outlet(left), f"{b['name']} {b['role']}", False
        return None
    b = _BYLINE.search(inner)
    if b is None or b.end() != len(inner):
        # [파이낸셜뉴스] opening the lead: the outlet alone
        name = canonical_outlet(inner)  # [한빛뉴스 온라인뉴스팀]: the desk's outlet
        return (None, name, None, False) if outlet_like(name) else None
    outlet = inner[: b.start()].strip()  # [아시아경제 홍길동 기자] or [홍길동 기자]
    if outlet and not _OUTLET_NAME.fullmatch(outlet):
        return None
    return None, canonical_outlet(outlet) if outlet else None, f"{b['name']} {b['role']}", False


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of `text` (a paragraph), if it has one."""
    head = text[:240]
    m = _BRACKET_HEAD.match(head)
    if m:
        parsed = _read_bracket(m["inner"], m["open"])
        if parsed is not None:
            place, outlet, byline, relayed = parsed
            end = m.end()
            if byline is None:
                b = _AFTER_BRACKET_BYLINE.match(head, end)
                if b:
                    byline, end = f"{b['name']} {b['role']}", b.end()
            while end < len(head) and (head[end].isspace() or head[end] == "="):
                end += 1
            return Dateline(place, outlet, byline, end, relayed)
    r = _REUTERS_STYLE.match(head)
    if r:
        return Dateline(r["place"].split()[0], _wire_outlet(r["outlet"]), None, r.end())
    u = _BARE_DATELINE.match(head)
    if u and ("=" in u["sep"] or u["eq"]) and outlet_like(u["outlet"]):
        return Dateline(None, canonical_outlet(u["outlet"]), f"{u['name']} {u['role']}", u.end())
    return None


def glued_dateline_start(text: str, limit: int = 240) -> int | None:
    """Offset of a ``[place=outlet]`` dateline that follows other text (a glued photo caption)."""
    for m in _GLUED_DATELINE.finditer(text[:limit]):
        if m.start() > 0 and parse_dateline(text[m.start() :]) is not None:
            return m.start()
    return None


# --- lines that are nothing but metadata -----------------------------------------


@dataclass(frozen=True)
class MetaLine:
    """A line made only of a dateline, byline, timestamps and their labels."""

    stamps: tuple[Stamp, ...]
    byline: str | None
    dateline: Dateline | None
    outlet: str | None = None
    """An outlet the line names beside its data (``한빛스포츠 2024-06-05 17:54``, ``YTN news 2017-12-03``)."""


_LABEL_WORDS = (*FIRST_LABELS, *MODIFIED_LABELS, "기사", "최종", "최초", "date", "시간", "일시")
_META_HINT = re.compile(r"(?:19|20)\d\d|기자|특파원|통신원|위원|^\s{0,3}[\[(【〔]")
_EMAIL = re.compile(r"[\w.+-]{1,40}@[\w-]{1,40}(?:\.[\w-]{1,30}){1,4}")
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
    b, credited = _byline_match(rest)
    if b:
        byline = byline or f"{b['name']} {b['role']}"
        rest = rest[: b.start()] + rest[b.end() :]
    if not stamps and byline is None and d is None:
        return None
    rest = _EMAIL.sub(" ", rest)  # 한빛뉴스 홍길동 기자 (hong@hanbit.co.kr): the address is data too
    words = rest
    rest = rest.casefold()
    for word in _LABEL_WORDS:
        rest = rest.replace(word, "")
    if len(_LEFTOVER_JUNK.sub("", rest)) > META_LEFTOVER_MAX or _SENTENCE_LEFT.search(rest):
        return None
    return MetaLine(tuple(stamps), byline, d, credited or _outlet_among(words))


def _outlet_among(words: str) -> str | None:
    """An outlet named among the leftover words of a metadata line."""
    tokens = [w for w in _LEFTOVER_JUNK.split(words) if w and w.casefold() not in _LABEL_WORDS]
    if not tokens:
        return None
    if (found := masthead_outlet(" ".join(tokens))) is not None:
        return found
    return next((canonical_outlet(t) for t in tokens if outlet_like(t)), None)
