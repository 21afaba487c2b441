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
    r"|[Aa][Ll][Ll]\s[Rr][Ii][Gg][Hh][Tt][Ss]"
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
_OWNS_CONTENT = re.compile(
    r"^(?P<name>[^\s]{2,20})의 모든 (?:콘텐츠|기사|저작물)"
    r"|^\W{0,3}(?:이|본)\s?기사는\s{1,2}(?P<owner>[^\s]{2,20})의 (?:저작물|콘텐츠)"
)
"""``한빛일보의 모든 콘텐츠는 …``, ``※ 이 기사는 한빛연예의 저작물입니다``."""
_NAME_BEFORE_SIGN = re.compile(r"(?P<name>[가-힣A-Za-z0-9][^\s\[\]<>()]{1,19})\s{0,2}$")
_NAME_BEFORE_NOTICE = re.compile(
    r"\W{0,3}(?P<name>[가-힣A-Za-z0-9][^\s,.<>\[\]()]{1,19}(?:\s[^\s,.<>\[\]()]{1,12})?)[,.]?\s{0,2}"
    r"(?:무단\s?전재|[Aa][Ll][Ll]\s[Rr][Ii][Gg][Hh][Tt][Ss]\s[Rr][Ee][Ss][Ee][Rr][Vv][Ee][Dd])"
)
"""A notice without the sign: ``<한빛뉴스 무단전재 및 재배포 금지>``, ``한빛타임즈 All rights reserved.``"""
_RIGHTS_HELD = re.compile(r"저작권(?:은|이)\s{0,2}(?P<name>[^\s,.]{2,20}?)\s?(?:에|에게)\s{0,2}(?:있|귀속)")
"""``이 기사의 저작권은 한빛일보에 있습니다``."""
_ISSUE = re.compile(
    r"[(\[<〈]\s{0,2}(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9 ]{1,20}?)\s{0,2}"
    r"(?:제\s?)?\d{2,5}\s?호\s{0,2}[)\]>〉]"
)
"""A magazine's issue citation: ``(주간한빛 제1234호)``, ``[한빛21 1234호]``."""
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
    if m and _COPYRIGHT_WORDS.match(m["name"]) and (before := _NAME_BEFORE_SIGN.search(text, 0, m.start())):
        # [한빛일보 ⓒ 무단전재 및 재배포금지]: the name stands before the sign, the notice after it
        return _known_in(before["name"]) or _usable(before["name"]), full
    if m:
        return _known_in(text[m.start() : m.start() + 120]) or _usable(m["name"]), full
    o = _OWNS_CONTENT.match(text) or _RIGHTS_HELD.search(text[:120])
    if o and words:
        return _usable(o.groupdict().get("owner") or o["name"]), True
    if (bare := _NAME_BEFORE_NOTICE.match(text)) is not None:
        name = _usable(bare["name"])
        return (name if name is not None and outlet_like(name) else None), full
    return None, full


_PERSON = re.compile(r"[가-힣]{2,3}(?:\s?(?:기자|작가|사진기자|통신원))?")
"""A Korean personal name (most are three syllables), maybe with a photographer's title."""


_OWN_ARCHIVE = re.compile(r"사진\s?[=:]\s?(?P<name>[^\s=/]{2,15})\s?DB\s{0,3}$")
"""``/사진=한빛뉴스 DB``: a photo from the outlet's own archive names the outlet."""


def archive_outlet(text: str) -> str | None:
    """The outlet whose photo archive (DB) a caption credits."""
    m = _OWN_ARCHIVE.search(text[-40:])
    return canonical_outlet(m["name"]) if m and outlet_like(m["name"]) else None


def credit_outlet(text: str) -> str | None:
    """The outlet of a bare ⓒ credit under a photo (``ⓒ스타뉴스``); a photographer's name
    (``ⓒ 홍길동``, ``사진 ⓒ 홍길동 기자``) names no outlet."""
    name, _ = copyright_outlet(text)
    if name is None or (_PERSON.fullmatch(name) and known_outlet(name) is None):
        return None
    return name


def edition_outlet(text: str) -> str | None:
    """The paper named by an edition citation such as ``(한국경제신문 1996년 7월 13일자)``, or the
    magazine of an issue citation (``(주간한빛 제1234호)``)."""
    m = _EDITION.search(text) or _ISSUE.search(text)
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
    r"(?:[\[(<]\s{0,2}[\w.@-]{0,60}\s{0,2}[\])>]?\s{0,3})?"  # MBN뉴스 홍길동입니다. [ hong@mbn.co.kr ]
)


def spoken_signoff(text: str) -> tuple[str, str] | None:
    """(outlet, byline) from a broadcast reporter's sign-off (``MBC 뉴스 홍길동입니다.``), maybe
    followed by the reporter's e-mail."""
    m = _SPOKEN_SIGNOFF.fullmatch(text[:100])
    return (canonical_outlet(m["outlet"]), f"{m['name']} 기자") if m else None


_LAST_SENTENCE = re.compile(r"(?<=[.!?다])\s+(?=\S[^.!?]*\.?\s*$)")


def closing_signoff(text: str) -> tuple[str, str] | None:
    """(outlet, byline) from a sign-off that ends a paragraph of the script rather than standing on
    its own line (``…단속에 나섭니다. KBS 뉴스 노명호입니다.``)."""
    tail = text.rstrip()[-100:]
    cuts = [m.end() for m in _LAST_SENTENCE.finditer(tail)]
    return spoken_signoff(tail[cuts[-1] :]) if cuts else None


_PROVIDED_BY = re.compile(
    r"\s{0,3}[▶☞■]?\s{0,2}(?:기사\s?제공|제공|기사\s?출처|뉴스\s?출처|원문\s?출처)\s{0,2}[:：|=]?\s{0,2}"
    r"(?P<name>[^\s:|]{2,15})\s{0,3}"
)


def provider_outlet(text: str) -> str | None:
    """The outlet a portal names as the article's source (``기사제공 연합뉴스``, ``기사 출처: 한빛일보``)."""
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


# --- lines that name the site: promotions and unknown mastheads -----------------------------

_PROMO = re.compile(r"구독|채널\s?추가|친구\s?추가|만나\s?보세요|앱\s?(?:다운|설치)|팔로우")
"""A prompt to follow the site: ``▶ 네이버에서 한빛뉴스 구독하기``, ``한빛뉴스를 … 만나보세요``."""
PROMO_MAX = 60
_PARTICLE = re.compile(r"(?:을|를|의|에서|과|와)$")
_PLATFORMS = frozenset(
    ["네이버", "다음", "카카오", "카카오톡", "유튜브", "페이스북", "인스타그램", "구글", "텔레그램"]
)


def promo_outlet(text: str) -> str | None:
    """The outlet a follow/subscribe prompt names: the site the page belongs to."""
    if len(text) > PROMO_MAX or _PROMO.search(text) is None:
        return None
    for m in _NAME_TOKEN.finditer(text):
        token = _PARTICLE.sub("", m.group()) if "." not in m.group() else m.group()
        if token in _PLATFORMS:
            continue
        found = outlet_for_host(token) if "." in token else known_outlet(token)
        if found or ("." not in token and outlet_like(token)):
            return found or canonical_outlet(token)
    return None


_MAST_WORD = re.compile(r"[가-힣A-Za-z0-9&]{1,12}")
_SECTION_STEMS = frozenset(
    [
        "정치",
        "경제",
        "사회",
        "국제",
        "문화",
        "연예",
        "스포츠",
        "지역",
        "전국",
        "영상",
        "포토",
        "최신",
        "주요",
        "종합",
        "속보",
        "실시간",
        "인기",
        "오늘의",
        "생",
        "공영",
        "라디오",
        "온라인",
        "인터넷",
        "전자",
        "무료",
        "과학",
        "생활",
        "건강",
        "교육",
        "오피니언",
        "기획",
        "연재",
        "헤드라인",
        "단독",
        "많이본",
        "랭킹",
        "이슈",
        "세계",
        "산업",
        "금융",
        "증권",
        "부동산",
        "IT",
        "테크",
        "게임",
        "여행",
        "날씨",
        "기상",
        "재해",
        "사건",
        "사고",
        "법원",
        "검찰",
        "국회",
        "북한",
        "통일",
        "외교",
        "국방",
    ]
)
"""Section and product words that, with 뉴스/방송/신문 after them, name a page section, not an outlet."""


def shaped_masthead(text: str) -> str | None:
    """An unknown outlet's masthead line: a short line of one to three words whose last is shaped
    like an outlet's name (``HCN 충북방송``, ``한빛일보``); not a section (``지역뉴스``, ``생방송``)."""
    t = _NEWS_WORD.sub("", text.strip()) if len(text.strip().split()) > 1 else text.strip()
    if not 4 <= len(t) <= 20:
        return None
    words = t.split()
    last = words[-1]
    if len(words) > 3 or not all(_MAST_WORD.fullmatch(w) for w in words) or not outlet_like(last):
        return None
    stem = _OUTLET_SUFFIX_STEM.sub("", last)
    if len(words) == 1 and (stem in _SECTION_STEMS or len(stem) < 2):
        return None
    return canonical_outlet(t)


_OUTLET_SUFFIX_STEM = re.compile(r"(?:뉴스|방송|신문|일보|TV|티비)$")


_IMPRINT = re.compile(
    r"(?:제호|매체명|신문사명|언론사명|신문명|사이트명)\s{0,2}[:：]\s{0,2}(?P<name>[^|·,:：\n]{2,25}?)"
    r"\s{0,3}(?=$|[|·,]|\s(?:등록|발행|편집|대표|주소|전화|사업자|청소년))"
)
"""The imprint Korean news sites must print (신문 등의 진흥에 관한 법률): ``제호 : 한빛뉴스 | 등록번호 …``."""


def imprint_outlet(text: str) -> str | None:
    """The periodical's title (제호) a site footer's imprint gives."""
    m = _IMPRINT.search(text[:300])
    return _usable(m["name"]) if m else None


_TITLE_SUFFIX = re.compile(r"\s(?:[|/]|-|–|::?)\s{1,2}(?P<name>[^|/:\n]{2,25}?)\s*$")
"""The site a page title ends with: ``헤드라인 / 한빛TV``, ``헤드라인 | 한빛일보``, ``… - 미래경제``."""


def title_suffix_outlet(title: str) -> str | None:
    """The outlet named after a separator at the end of a headline as sites title their pages."""
    m = _TITLE_SUFFIX.search(title[-60:])
    if m is None:
        return None
    name = m["name"].strip()
    if (found := masthead_outlet(name)) is not None:
        return found
    first = name.split(" (")[0].strip()  # 한빛TV (HanbitTV): the name then its romanisation
    return canonical_outlet(first) if outlet_like(first) else None


_SELF_REFERENCE = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?P<name>[가-힣A-Za-z0-9]{2,15}?)(?:(?:와|과)의?\s(?:단독\s|전화\s)?(?:통화|인터뷰|전화\s?통화)에서"
    r"|\s취재(?:진|팀|\s?결과|를\s종합하면)|(?:이|가)\s단독\s입수)"
)
"""How a story speaks of its own outlet: ``A씨는 한빛뉴스와의 통화에서``, ``한빛일보 취재 결과``,
``한빛방송이 단독 입수한``."""


_SELF_CUES = ("통화에서", "인터뷰에서", "취재", "입수")


def self_reference_outlet(text: str) -> str | None:
    """The outlet an article's own text names as the one reporting it (weak: it may quote another)."""
    if not any(cue in text for cue in _SELF_CUES):
        return None
    for m in _SELF_REFERENCE.finditer(text):
        name = m["name"]
        if (found := known_outlet(name)) is not None or outlet_like(name):
            return found or canonical_outlet(name)
    return None
