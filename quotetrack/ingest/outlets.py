"""Known Korean news outlets: canonical names, printed variants and web domains.

Lexicon data, not rules.  The cleaner finds an outlet's *name* by page
structure (dateline, copyright line, edition citation, tip-off line) for any
outlet, known or not; this table only (a) turns a printed variant into the name
the outlet calls itself (한국경제신문 → 한국경제, 한겨레신문사 → 한겨레), (b) names
the outlet behind a domain (a reporter's e-mail, the article URL), which text
alone cannot do, and (c) recognises a bare masthead line such as ``중앙일보``.
`outlet_like` says whether an unknown name is shaped like an outlet's
(…일보, …신문, …방송): Korean outlets name themselves with a few such words.

The table itself, with its sources, is `outlet_names.py`.  Portal domains
(naver, daum, zum, …) host every outlet's articles and therefore name none.
"""

from __future__ import annotations

import re
import unicodedata

from quotetrack.ingest.outlet_names import OUTLETS

# Portals and aggregators: their domain names no outlet.
_PORTALS: tuple[str, ...] = (
    "naver.com",
    "daum.net",
    "kakao.com",
    "zum.com",
    "nate.com",
    "msn.com",
    "google.com",
    "youtube.com",
    "investing.com",
    "gmail.com",
    "hanmail.net",
)


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "·ㆍ.")


_BY_NAME: dict[str, str] = {}
_BY_DOMAIN: dict[str, str | None] = {}
for _canonical, _variants, _domains in OUTLETS:
    for _name in (_canonical, *_variants):
        _BY_NAME.setdefault(_key(_name), _canonical)
    for _domain in _domains:
        _BY_DOMAIN[_domain] = _canonical
for _domain in _PORTALS:
    _BY_DOMAIN[_domain] = None


def known_outlet(name: str) -> str | None:
    """The canonical name when `name` is a known outlet or printed variant of one."""
    return _BY_NAME.get(_key(name))


# Words that describe which of an outlet's products or desks printed the page, not who it is:
# ``전북일보 인터넷신문``, ``한빛일보 전자신문`` (the e-paper), ``[한빛뉴스 온라인뉴스팀]``.
_PRODUCT_WORDS = frozenset(
    [
        *("인터넷신문", "인터넷판", "인터넷뉴스", "온라인", "온라인판", "온라인뉴스", "전자신문", "전자판"),
        *("디지털판", "모바일", "뉴스팀", "온라인뉴스팀", "디지털뉴스팀", "온라인팀", "디지털팀", "편집국"),
        *("편집부", "취재팀", "뉴스부", "온라인뉴스부", "디지털뉴스부", "특별취재팀", "기획취재팀"),
    ]
)


def canonical_outlet(name: str) -> str:
    """`name` as the outlet calls itself when known, else as printed (trimmed).

    Product words after the name go (``전북일보 인터넷신문`` → 전북일보).  A known outlet as the
    last word wins (``공감언론 뉴시스통신사`` → 뉴시스: a slogan goes before the name); one followed
    by other words is an edition of its own (``한국일보 애틀랜타``).
    """
    name = name.strip().removeprefix("(주)").removeprefix("㈜").strip()
    words = name.split()
    while len(words) > 1 and words[-1] in _PRODUCT_WORDS:
        words.pop()
    name = " ".join(words)
    found = known_outlet(name)
    if found is None and len(words) > 1:
        found = known_outlet(words[-1])
    return found or name


def outlet_for_host(host: str) -> str | None:
    """The outlet behind a domain or e-mail domain; None for portals and unknown sites."""
    host = host.strip().lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    for i in range(len(parts) - 1):  # longest suffix first: sports.chosun.com before chosun.com
        suffix = ".".join(parts[i:])
        if suffix in _BY_DOMAIN:
            return _BY_DOMAIN[suffix]
    return None


# --- what an outlet's name looks like ----------------------------------------------

# The words Korean outlets end their names with (한빛일보, 미래경제신문, 한빛투데이, 비즈트리뷴, STN스포츠);
# from the outlets above and the registered-periodical names they stand for.  A name must have
# more than the word itself: 스포츠, 경제 and 뉴스 alone are section labels.
_OUTLET_SUFFIX = re.compile(
    r"(?:뉴스|일보|신문|신문사|방송|방송사|TV|경제|데일리|타임스|타임즈|미디어|저널|포스트|통신|통신사|투데이|트리뷴|헤럴드"
    r"|프레스|위클리|리포트|매거진|스포츠|코리아|닷컴|[0-9])$"
)
_OUTLET_PREFIX = re.compile(r"(?:스포츠|데일리|주간|월간|일간)(?=[가-힣A-Za-z])")
"""Words some outlets start their names with (스포츠한빛, 데일리한빛, 주간한빛)."""
# Words that look like outlets or places in a bracket but are page furniture.
NOT_OUTLETS = frozenset(
    [
        "최신뉴스",
        "주요뉴스",
        "종합뉴스",
        "속보뉴스",
        "관련뉴스",
        "포토뉴스",
        "영상뉴스",
        "뉴스",
        "많이본뉴스",
        "실시간뉴스",
    ]
)
_HAS_LETTER = re.compile(r"[가-힣A-Za-z]")


def outlet_like(name: str) -> bool:
    """Is `name` a known outlet or shaped like an outlet's name (…뉴스, …일보, …신문, …TV)?"""
    name = name.strip()
    if known_outlet(name):
        return True
    suffix = _OUTLET_SUFFIX.search(name)
    prefix = _OUTLET_PREFIX.match(name)
    return (
        3 <= len(name) <= 20
        and name not in NOT_OUTLETS
        and (
            (suffix is not None and suffix.start() > 0)
            or (prefix is not None and prefix.end() < len(name) - 1)
        )
        and _HAS_LETTER.search(name) is not None
    )
