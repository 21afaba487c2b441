"""Page noise around Korean news articles, as data: what a line of chrome looks like.

Each pattern names a *kind* of line Korean news pages print around the article
text, not a line of one page.  They were collected from the navigation, widget,
caption and footer conventions of the national dailies, broadcasters, wire
services and portals (the same outlets as `outlets.py`): skip links
(본문 바로가기), text-size and read-aloud widgets, ad slots (광고, AD),
reading-time and AI-summary banners, view counters, comment and share prompts,
photo captions with their credit at the end (``… 삼성전자 제공``,
``… 2023.09.14 name@outlet.com``, ``[사진=로이터 뉴스핌]``, ``(AP Photo/…)``,
``[타스 연합뉴스. 재판매 및 DB 금지]``), hashtag rows, broadcast credit lines
(``<영상 : …>``), related/most-read/best-article block headings and site
footers.  Every predicate looks at one line (or the head/tail of a long one)
with bounded patterns, so a 1 MB line costs no more than its first and last
few hundred characters.
"""

from __future__ import annotations

import re

from quotetrack.ingest.outlets import outlet_like


def _phrases(block: str) -> frozenset[str]:
    """A set of phrases written one group per line, separated by " | "."""
    return frozenset(p.strip() for line in block.splitlines() for p in line.split(" | ") if p.strip())


# Whole lines that are site chrome, compared after `squash()`.
CHROME_LINES = _phrases(
    """
    본문 | 기사본문 | 기사 본문 | 기사 본문 영역 | 본문영역 | 본문 영역 | 상단영역 | 하단영역 | 상세페이지
    속보 | 더보기 | 닫기 | 열기 | 광고 | AD | ADVERTISEMENT | Advertisement | 뉴스듣기 | 기사듣기 | 듣기
    불러오는 중... | 불러오는 중 | 정보 더보기 | image | 사진 | 이미지 | 지면보기 | 입력 | 수정 | 멀티미디어
    브랜드 링크 | Top으로 이동 | TOP | 맨위로 | 맨 위로 | 공유하기 | 공유 | 프린트 | 인쇄 | 스크랩 | 댓글
    좋아요 | 구독 | 구독하기 | 언어변환 | 숏뉴스 | 번역 | 요약 | 목록 | 이전 | 다음 | 이전글 | 다음글 | 홈
    HOME | 메뉴 | 전체메뉴 | 검색 | 로그인 | 회원가입 | 전체기사 | 최신기사 | 기사목록 | 글씨 크기 | 폰트 크기
    기사 저장 | 북마크 | 카카오톡 | 페이스북 | 트위터 | URL 복사 | 링크 복사 | 인쇄하기 | 추천 | 스크랩하기
    추천 댓글 | 본문 듣기 | 기사 스크랩 | 이메일 보내기 | 번역 | 닫기 버튼 | 공유 닫기
    """
)

# Fragments that mark a short line (≤ CHROME_MAX_LEN) as chrome wherever it appears.
_CHROME_FRAGMENTS = re.compile(
    r"바로\s?가기|글자\s?크기|글씨\s?크기|조회수\s?\d|AI\s?요약|요약\s?기술|요약봇|언어\s?변환"
    r"|URL이\s?복사|주소\s?복사|링크가\s?복사|카테고리는 언론사가|카테고리로 분류"
    r"|시계아이콘|\d+분\s?\d*초?\s?소요|읽는\s?시간|연관\s?검색어"
    r"|첫 댓글|댓글을 (?:작성|입력)|^댓글\s?\d+$|^공유\s?\d+$|좋아요\s?\d+$|SNS\s?보내기|기사를 공유합니다"
    r"|Your browser|javascript|google play|app store|앱 다운로드|구독\s?중|기자\s?프로필"
    r"|영상을 확인해\s?주시기|원문\s?기사|기사\s?원문|음성\s?변환|구독하기|언론사\s?구독|섹션\s?분류"
    r"|번역\s?설정|크기\s?(?:조절|변경|조정)|단축키|퍼가기|아이콘|읽어\s?주기\s?기능"
    r"|^(?:작성자|글쓴이|등록자|조회|조회수)\s?[:：|]"
    r"|^[▶▷►☞]\s?.{0,40}(?:구독|제보|바로\s?가기|클릭|다운로드|이벤트|채널|친구\s?추가)",
    re.I,
)
# Words of share-button and toolbar rows printed on one line ("페이스북 트위터 카카오톡 URL복사").
_TOOLBAR_WORDS = _phrases(
    """
    페이스북 | 트위터 | 카카오톡 | 카카오스토리 | 카톡 | 카카오 | 네이버 | 네이버밴드 | 밴드 | 라인
    텔레그램 | 블로그 | 엑스 | X | 링크 | 링크복사 | URL | URL복사 | 주소복사 | 복사 | 줄이기 | 이메일
    메일 | 인쇄 | 프린트 | 스크랩 | 공유 | 공유하기 | 댓글 | 좋아요 | 싫어요 | 추천 | 글자크기 | 글씨크기
    크게 | 작게 | 가 | 가+ | 가- | 기사저장 | 저장 | 북마크 | 닫기 | 듣기 | 기사듣기 | 뉴스듣기 | 번역
    구독 | 구독하기 | 목록 | 이전 | 다음 | 메뉴 | 검색
    """
)
_TOOLBAR_SPLIT = re.compile(r"[\s|·/,]+")
TOOLBAR_MIN_WORDS = 2
# Breadcrumbs: "홈 > 뉴스 > 정치", "> 정치 > 국회", "HOME › 경제 › 금융".
_CRUMB_SEP = re.compile(r"\s?[>›»〉]\s?")
CRUMB_MAX = 12
"""Characters of one breadcrumb step (a section name, at most two words); a headline that
compares with ">" has longer sides."""
CRUMB_PAIR_MAX = 8
_CRUMB_HOME = frozenset(["홈", "home", "뉴스", "news", "전체기사", "메인"])
_CRUMB_NOT = re.compile(r"[.?!\"“”‘’']")
CHROME_MAX_LEN = 80
"""Fragment rules apply only to lines this short: chrome is short, prose is not."""

# Broadcast credit lines: <제작 : 홍길동>, <영상 : 연합뉴스TV>, (영상편집: 홍길동).
_CREDIT_LINE = re.compile(
    r"[<(\[]?\s?(?:제작|영상|촬영|편집|그래픽|구성|취재|CG|영상편집|영상취재|촬영기자|취재기자)\s?[:：]"
)
_PRINT_PAGE = re.compile(r"(?:[가-힣]{1,4}\s?)?[A-Z]?\d{1,2}면")  # 종합 01면, A2면
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+")
_LETTER = re.compile(r"[가-힣A-Za-z一-鿿]")
_BULLETS = " \t-–—•·∙◦▪▫*|>"

# Headings of blocks of *other* articles; after the article text they end it.
# The heading word closes the line: "[뉴스핌 베스트 기사]", "이 기사와 함께 많이 본 뉴스", "▶ 관련기사 ◀".
_RELATED_HEADING = re.compile(
    r"(?:베스트\s?기사|관련\s?(?:기사|뉴스)|많이\s?본\s?(?:기사|뉴스)|인기\s?(?:기사|뉴스)|추천\s?(?:기사|뉴스)"
    r"|주요\s?(?:기사|뉴스)|최신\s?(?:뉴스|기사)|랭킹\s?뉴스|핫\s?(?:클릭|뉴스)|베스트\s?클릭|포토\s?뉴스"
    r"|함께\s?(?:보면|볼)\s?\S{0,6}\s?(?:기사|뉴스)|이\s?시각\s?\S{0,8}\s?(?:기사|뉴스)?|다른\s?기사(?:\s?보기)?"
    r"|더\s?많은\s?(?:기사|뉴스)|기사\s?더\s?보기)(?:\s?(?:더\s?)?보기)?$"
)
RELATED_MAX_LEN = 30

# Site footers and sign-off markers: after the article text they end it.
_FOOTER = re.compile(
    r"\(끝\)\s*$"
    r"|^[\s\-–—•·*|]{0,4}(?:주소|전화|대표전화|팩스|FAX|Email|E-mail|이메일|발행인|편집인|등록번호"
    r"|사업자\s?등록번호|청소년\s?보호\s?책임자|제호|매체명|신문사명|언론사명)\s?[:：]"
    r"|이용약관|개인정보\s?처리\s?방침|회사\s?소개|소개 및 약관|청소년\s?보호\s?정책"
    r"|ICP备|公网安备|전화번호\s?[:：]",
    re.I,
)

# Photo captions.  The credit at the end is the tell; each form is checked on
# the last characters of the line only after a cheap test says it could be there.
_EMAIL_TAIL = re.compile(
    r"(?:(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\.?\s{0,3}(?:\[[^\[\]]{1,15}\]\s{0,3})?"  # [공동취재]
    r"(?:[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\s{0,3}){1,3}"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\s{0,3}\|)\s{0,3}\|?\s{0,3}$"
)  # … 2023.09.14 name@outlet.com |
_PHOTOGRAPHER_TAIL = re.compile(
    r"(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\.?\s{0,3}[가-힣]{2,4}\s?기자\s{0,3}$"
)  # … 2025.5.7 홍길동 기자
_DATE_STAMP_TAIL = re.compile(r"[다요]\.\s{1,3}(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?\s{0,3}$")
"""``… 구호를 외치고 있다. 2021.7.10``: a wire photo's caption whose e-mail credit the page dropped;
a paragraph of the article never ends with a bare date stamp after its last sentence."""
# … 삼성전자 제공
_PROVIDED_TAIL = re.compile(r"[.)/]\s{0,3}[^\s.]{1,30}(?:\s[^\s.]{1,15})?\s?제공\)?\s{0,3}$")
_BRACKET_CREDIT_TAIL = re.compile(
    r"[\[(][^\[\]()]{0,40}(?:사진|자료|제공|DB\s?금지|재판매|[Pp]hoto|뉴스핌|연합뉴스|뉴시스|뉴스1|AP|AFP|EPA|로이터|게티)"
    r"[^\[\]()]{0,40}[\])]\s{0,3}\|?\s{0,3}$"
)  # [사진=로이터 뉴스핌] |, [타스 연합뉴스. 재판매 및 DB 금지], (AP Photo/…)
_SLASH_CREDIT_TAIL = re.compile(
    r"(?:\d{1,2}\.\d{1,2}\.?\s?/\s?\S{2,12}"
    r"|/\s{0,2}(?:[A-Z]{2,6}\s?)?(?:연합뉴스|뉴시스|뉴스1|로이터|AP|AFP|EPA|UPI|게티이미지\S{0,8}|사진공동취재단))\s{0,3}$"
)  # … 2024.1.5/뉴스1, … /AP 연합뉴스
# ⓒAssociated Press, 사진=연합뉴스
_SIGN_CREDIT_TAIL = re.compile(r"(?:ⓒ\s?\S[^ⓒ©]{0,40}|사진\s?=\s?\S{1,20}(?:\s(?:DB|제공|기자))?)\s{0,3}$")
_AGENCY_AFTER_SENTENCE = re.compile(
    r"[가-힣A-Za-z)]\.\s{1,2}(?:사진\s?)?(?P<name>[가-힣A-Za-z0-9]{2,12})(?:\s?(?:제공|DB))?\s{0,3}$"
)
"""``… 기자회견을 하고 있다. 한빛뉴스``, ``홍길동 장관. 한빛뉴스``: a caption, then the photo's agency."""
AGENCY_CAPTION_MAX = 150
"""Such a caption is short and quotes nobody; a paragraph of the article never ends so."""
_QUOTE_MARK = re.compile(r"[\"“”″『』]")
_CAPTION_HEAD = re.compile(r"[<(\[]\s?사진\s?[=:\]]|사진\s?=|▲\s?사진|사진설명")
_PHOTO_CREDIT = re.compile(r"\((?:AP|AFP|EPA|Reuters|UPI|Getty|Yonhap)\b[^()]{0,60}\)")
CAPTION_MAX_LEN = 400
"""Captions are a sentence or two; a longer paragraph is article text even if it ends in a credit."""
_TAIL = 120
_TRAILING_NOTICE = re.compile(r"\s(?:[Cc]opyright|COPYRIGHT|ⓒ|©|<?저작권자)")


def _credit_at_end(tail: str) -> bool:
    last = tail.rstrip(" |")[-1:]
    if "@" in tail and _EMAIL_TAIL.search(tail):
        return True
    if last == "자" and _PHOTOGRAPHER_TAIL.search(tail):
        return True
    if (last.isdigit() or last == ".") and _DATE_STAMP_TAIL.search(tail):
        return True
    if "제공" in tail[-12:] and _PROVIDED_TAIL.search(tail):
        return True
    if last in ")]" and (_BRACKET_CREDIT_TAIL.search(tail) or _PHOTO_CREDIT.search(tail)):
        return True
    if "/" in tail[-30:] and _SLASH_CREDIT_TAIL.search(tail):
        return True
    if ("ⓒ" in tail or "사진" in tail) and _SIGN_CREDIT_TAIL.search(tail[-50:]) is not None:
        return True
    if len(tail) > AGENCY_CAPTION_MAX or _QUOTE_MARK.search(tail):
        return False
    return (m := _AGENCY_AFTER_SENTENCE.search(tail)) is not None and outlet_like(m["name"])


# Broadcast transcript tags the quote extractor reads:
# [앵커], [인터뷰:이름, 직함], [이름/직함], ▶ 인터뷰 : …
_TAG_WORDS = _phrases(
    """
    앵커 | 기자 | 리포트 | 앵커 멘트 | 앵커멘트 | 기자 멘트 | 녹취 | 현장음
    인터뷰 | 자막 | 스탠드업 | 리포터 | SYNC | INT | 인터뷰 멘트
    """
)
# The tag alone, or followed by who speaks: "<인터뷰> 홍길동 / 시민", "◀ 앵커 ▶".
_BRACKET_TAG = re.compile(r"[\[<◀【]\s?(?P<inner>[^\[\]<>◀▶【】\n]{1,40}?)\s?[\]>▶】](?P<who>[^.\n]{0,40})")
_ARROW_TAG = re.compile(r"[▶▷►]\s?[^:：\n]{1,20}[:：].{1,60}")

_HASHTAG = r"#[^\s#]{1,30}(?:\s{1,3}[^\s#]{1,30}){0,2}"  # a tag may hold a space: #LA 다저스
_HASHTAG_ROW = re.compile(rf"{_HASHTAG}(?:\s{{1,3}}{_HASHTAG}){{0,30}}")


def squash(text: str) -> str:
    """A line with bullets and edge punctuation stripped and inner whitespace collapsed."""
    return " ".join(text.strip(_BULLETS).split())


def is_chrome(text: str) -> bool:
    """Navigation, widget, ad-slot or credit line: never article text."""
    if len(text) > 2 * CHROME_MAX_LEN:
        return _LETTER.search(text[:CHROME_MAX_LEN]) is None and _LETTER.search(text) is None
    s = squash(text)
    if not s or s in CHROME_LINES or not _LETTER.search(s):
        return True
    if len(s) > CHROME_MAX_LEN:
        return False
    return bool(
        _CHROME_FRAGMENTS.search(s)
        or _is_toolbar(s)
        or _is_breadcrumb(text.strip())
        or _CREDIT_LINE.match(s)
        or _PRINT_PAGE.fullmatch(s)
        or _URL_ONLY.fullmatch(s)
        or s.startswith("![")
        or s.startswith("☞")
    )


def _is_toolbar(s: str) -> bool:
    """A row of share buttons and toolbar words, nothing else."""
    words = [w for w in _TOOLBAR_SPLIT.split(s) if w]
    return len(words) >= TOOLBAR_MIN_WORDS and all(w in _TOOLBAR_WORDS or w in CHROME_LINES for w in words)


def _is_breadcrumb(s: str) -> bool:
    """A breadcrumb trail: short steps joined by ">" (two or more, one after a leading ">" or
    after the site's home), or three or more joined by "|" (연합뉴스 | 정치 | 국회·정당: two are a
    headline and the outlet's name)."""
    bars = [step.strip() for step in s.split("|")]
    if len(bars) >= 3 and all(0 < len(b) <= CRUMB_MAX and " " not in b for b in bars):
        return not any(_CRUMB_NOT.search(b) for b in bars)
    steps = _CRUMB_SEP.split(s)
    if len(steps) < 2:
        return False
    if len(steps) == 2 and steps[0] and steps[0].casefold() not in _CRUMB_HOME:
        # one step after a section (사회>사회일반, IT·과학 > 인공지능): two single words
        return all(0 < len(step) <= CRUMB_PAIR_MAX and " " not in step.strip() for step in steps)
    return all(
        len(step) <= CRUMB_MAX and step.count(" ") <= 1 and not _CRUMB_NOT.search(step) for step in steps
    )


def is_related_heading(text: str) -> bool:
    """A heading over a list of other articles (``[뉴스핌 베스트 기사]``, ``많이 본 기사``)."""
    if len(text) > 2 * RELATED_MAX_LEN:
        return False
    s = squash(text).strip("[]【】<>()▶◀■□◆◇★☆※ ")
    return len(s) <= RELATED_MAX_LEN and _RELATED_HEADING.search(s) is not None


def is_footer(text: str) -> bool:
    """A site footer line or end-of-article mark (``(끝)``, ``주소:``, ``이용약관``)."""
    return len(text) <= 200 and _FOOTER.search(text) is not None


_DATE_AND_BYLINE = re.compile(r"(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\.?\s{0,3}[가-힣]{2,4}\s?기자")
"""A line of nothing but a date and a byline is the article's metadata line, not a photo credit."""


_IMAGE_LINK = re.compile(
    r"\[?!\[[^\[\]\n]{0,300}\]\((?P<url>[^()\s]{1,600})(?:\s{1,2}\"[^\"\n]{0,200}\")?\)(?:\]\([^()\s]{1,600}\))?"
)
"""A photo as a page saved in Markdown prints it: ``![alt](https://img…/2018/12/24/a.jpg)``."""


def image_url(text: str) -> str | None:
    """The address of the photo when `text` is nothing but a Markdown image (maybe linked)."""
    if len(text) > 1500 or "![" not in text[:3]:
        return None
    m = _IMAGE_LINK.fullmatch(text.strip())
    return m["url"] if m else None


def is_caption(text: str) -> bool:
    """A photo caption, a photo credit line or a photo."""
    if len(text) > CAPTION_MAX_LEN:
        return image_url(text) is not None
    s = text.strip()
    if not s or _DATE_AND_BYLINE.fullmatch(s):
        return False
    if image_url(s) is not None:
        return True
    if (notice := _TRAILING_NOTICE.search(s, 20)) is not None:  # "… 2024.1.5/뉴스1 Copyright (C) 뉴스1. …"
        s = s[: notice.start()].rstrip()
    return _credit_at_end(s[-_TAIL:]) or _CAPTION_HEAD.match(s) is not None


def is_broadcast_tag(text: str) -> bool:
    """A speaker/section tag of a broadcast transcript, kept in the body for the quote extractor."""
    s = text.strip()
    if len(s) > 80:
        return False
    m = _BRACKET_TAG.fullmatch(s)
    if m and re.search(r"[\"“”'‘’″…『』「」]", m["who"]):
        return False  # [인터뷰] 김민재 "…": a headline with a kicker, not a tag
    if m:
        inner = m["inner"].strip()
        if inner in _TAG_WORDS or inner.split()[0] in _TAG_WORDS:
            return True
        return not m["who"].strip() and ("/" in inner or ":" in inner or "：" in inner)
    return _ARROW_TAG.fullmatch(s) is not None


def is_hashtags(text: str) -> bool:
    """A row of hashtags (``#한강 #노벨상 #인터뷰``)."""
    s = text.strip()
    return s.startswith("#") and len(s) <= 400 and _HASHTAG_ROW.fullmatch(s) is not None


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>]{0,2000})?/?>")
_ENTITY_SPACE = re.compile(r"&nbsp;?|&#160;|&#xa0;", re.I)


def strip_html(line: str) -> str:
    """A text line with stray HTML tags removed (``<div class=…>``, ``<br>``, ``<hr>``).

    Only tags whose name is ASCII go; Korean in angle brackets (``<인디펜던트>``,
    ``<제작 : 홍길동>``) is text.
    """
    if "<" in line:
        line = _TAG.sub("", line)
    if "&" in line:
        line = _ENTITY_SPACE.sub(" ", line)
    return line


_BLOCK_TAG = re.compile(
    r"<(?:br|p|div|li|tr|h[1-6]|section|article|header|footer|table|ul|ol|blockquote|figure|figcaption)\b[^<>]{0,2000}>"
    r"|</(?:p|div|li|tr|h[1-6]|section|article|header|footer|table|ul|ol|blockquote|figure|figcaption)>",
    re.I,
)
_INVISIBLE = ("script", "style", "noscript", "template")


def _drop_elements(html: str, name: str) -> str:
    """`html` without <name>…</name> elements, by plain search (no backtracking on unclosed tags)."""
    lower = html.lower()
    out: list[str] = []
    pos = 0
    while (start := lower.find(f"<{name}", pos)) >= 0:
        out.append(html[pos:start])
        end = lower.find(f"</{name}>", start)
        if end < 0:
            return "".join(out)
        pos = end + len(name) + 3
    out.append(html[pos:])
    return "".join(out)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block element per line.

    A fallback for ``fmt="html"`` documents: the readers extract an article's
    main text with a proper HTML extractor; this keeps clean() useful when
    handed a page directly.
    """
    import html as html_lib

    for name in _INVISIBLE:
        html = _drop_elements(html, name)
    html = _BLOCK_TAG.sub("\n", html)
    html = _TAG.sub("", html)
    return html_lib.unescape(html)
