"""Stage 3 of the cleaner: where the headline, the deck and the article text are on the page.

The body starts at the first paragraph that opens with a dateline or reads as
prose; everything above it is the header, where the headline is the title-like
line just above the first metadata line (or, on a page that prints none, the
strong title-like line the page repeats, else the first) and title-like lines
under it are the deck.  The article ends at a copyright line, a footer, an
e-mail sign-off, a related-articles heading or a list of dated headlines, save
an inline 관련기사 label between its sentences and a sign-off above an announced
transcript.  Every look around a paragraph is bounded, so the stage is linear.
"""

from __future__ import annotations

import re
import unicodedata

from quotetrack.ingest import dates
from quotetrack.ingest import metadata as md
from quotetrack.ingest.classify import Para

ENDS_ARTICLE = frozenset({"copyright", "related", "footer", "signature"})
ENDS_PAGE = frozenset({"copyright", "related", "footer"})
"""Kinds that close the article even above its first paragraph (an e-mail byline may sit above it)."""

TITLE_MAX = 150
STRONG_TITLE_LEN = 12
"""Headlines are rarely shorter; menu lines rarely longer."""
BODY_MIN_LEN = 8
"""A paragraph ending in a full stop and at least this long is article text (a lone lede quote counts)."""
BODY_LONG = 100
"""An unpunctuated paragraph this long is article text, not a deck line."""
DECK_MIN = 8
DECK_MAX = 300
REPEAT_CANDIDATES = 10
"""Headline-like lines of a page without metadata looked at for a repeat."""
REPEAT_WINDOW = 30
DUP_KEY_MIN = 8
"""A caption must repeat at least this much of a headline to count as repeating it."""
BLURB_LOOKAHEAD = 4
"""A section blurb sits at most this many paragraphs above the headline's metadata line."""

_TITLE_EDGE = " \t\"'“”‘’「」『』《》〈〉.,·…-–—•▶"
_SENTENCE_INSIDE = re.compile(r"다\.(?!\d)")
_CUT_SENTENCE = re.compile(r"(?:[는를을,]|에서|하며|으며|면서|하고)\s*$")
"""A line that stops inside a sentence on an ending no noun has (…은 …을 …에서 …하며): the first
words of a sentence printed on a line of their own, never a headline or a deck line."""


def cut_sentence(text: str) -> bool:
    """Does `text` stop inside a sentence (see `_CUT_SENTENCE`)?"""
    return len(text) >= DECK_MIN and " " in text and _CUT_SENTENCE.search(text) is not None


def key(text: str) -> str:
    """`text` compared as a headline: width-normalised, without edge marks and white space."""
    text = unicodedata.normalize("NFKC", text).strip(_TITLE_EDGE)
    return "".join(text.split())


_FULL_STOP = re.compile(r"(?<!\.)\.[\"'”’″」』)\]]{0,3}$")
_HANGUL = re.compile(r"[가-힣]")


_SPEAKER_AFTER_QUOTE = re.compile(r"(?<=[.!?][\"”’'])\s{0,2}\([^()\n]{2,60}\)$")
"""A lead quote credited in parentheses: ``"…나오는 거죠." (홍길동 회장)``."""


def _credited_quote(text: str) -> bool:
    """A quoted sentence credited in parentheses: a lead quote, never a headline."""
    return text.endswith(")") and _FULL_STOP.search(_SPEAKER_AFTER_QUOTE.sub("", text[-80:])) is not None


def prose(text: str) -> bool:
    """Does this paragraph read as article text rather than a headline, deck or menu?"""
    if len(text) >= BODY_LONG:
        return True
    return len(text) >= BODY_MIN_LEN and (_FULL_STOP.search(text) is not None or _credited_quote(text))


def opens_body(p: Para) -> bool:
    if p.kind == "tag":
        return True
    if p.kind != "text":
        return False
    text = p.text
    if (st := dates.leading_stamp(text)) is not None:
        text = text[st.end :]
    if md.parse_dateline(text) is not None or md.glued_dateline_start(text) is not None:
        return True
    return prose(text)


def title_like(p: Para) -> bool:
    t = p.text
    return (
        p.kind == "text"
        and "\n" not in t
        and len(t) <= TITLE_MAX
        and len(_HANGUL.findall(t[:40])) >= 2
        and not _FULL_STOP.search(t)
        and not _credited_quote(t)
        and md.parse_dateline(t) is None
    )


def strong_title(p: Para) -> bool:
    return title_like(p) and len(p.text) >= STRONG_TITLE_LEN and " " in p.text


def is_anchor(p: Para) -> bool:
    """A metadata line that sits right under the headline on news pages (time, byline, dateline);
    a widget's as-of time (``2024.01.05 기준``) is not one."""
    m = p.meta
    if p.kind != "meta" or m is None:
        return False
    return m.byline is not None or m.dateline is not None or any(st.kind != "asof" for st in m.stamps)


def _headline_below(paras: list[Para], anchor: int, start: int) -> int | None:
    """A headline printed under the date line, when what stands above that line is a section label
    (``사회`` / ``date 2024-03-05`` / headline): the first strong title-like line before the text."""
    for i in range(anchor + 1, start):
        p = paras[i]
        if strong_title(p):
            return i
        if p.kind == "text":
            return None
    return None


_MENU_BAR = re.compile(r"\s\|\s")
_QUOTE_MARK = re.compile(r"[\"“”‘’'″『』]")


def _headline_above(p: Para) -> bool:
    """A line above a headline-like line is the headline (and the lower one its deck) when it is
    strong, or a shorter phrase holding a quotation (日관방 "심히 유감"): headlines of quotes are
    short; slogans and menus hold none."""
    if _MENU_BAR.search(p.text):
        return False  # 한빛방송 뉴스데스크 | 다시보기: the site's own bar, over the headline
    return strong_title(p) or (title_like(p) and deck_line(p) and _QUOTE_MARK.search(p.text) is not None)


def _repeated(paras: list[Para], candidates: list[int]) -> int | None:
    """The first candidate line the page prints again (as its first heading, its title tag or a
    photo caption that starts with it): the headline among menu and teaser lines."""
    seen: dict[str, int] = {}
    for p in paras:
        k = key(p.text)
        seen[k] = seen.get(k, 0) + 1
    for i in candidates:
        k = key(paras[i].text)
        if seen.get(k, 0) > 1:
            return i
        window = paras[i + 1 : i + 1 + REPEAT_WINDOW]
        if len(k) >= DUP_KEY_MIN and any(key(p.text).startswith(k) for p in window):
            return i
    return None


TITLE_LABEL = re.compile(r"\s{0,3}(?:기사\s?)?제\s?목\s{0,2}[:：|]?\s{1,3}(?=\S)")
"""A board or print page labels its headline: ``제목 : 정부, 예산 긴축 편성`` (작성자, 작성일 below)."""


def find_title(paras: list[Para], start: int) -> tuple[int | None, int | None]:
    """(headline index, anchor index) among the header paragraphs ``paras[:start]``.

    A line labelled 제목 is the headline.  The anchor is the first metadata line with a
    title-like line above it; the
    headline is the nearest such line, or the first of the headline-like lines
    printed right above it (headline, deck, time).  With metadata but nothing title-like above
    it, the page starts below its headline: no title.
    """
    labelled = next((i for i in range(start) if TITLE_LABEL.match(paras[i].text)), None)
    if labelled is not None:
        return labelled, None
    first_anchor = nearest = None
    for i in range(start):
        if is_anchor(paras[i]):
            first_anchor = i if first_anchor is None else first_anchor
            if nearest is not None and not strong_title(paras[nearest]):
                below = _headline_below(paras, i, start)
                if below is not None:
                    return below, i
            if nearest is not None:
                t = nearest
                while t > 0 and _headline_above(paras[t - 1]):
                    t -= 1
                return t, i
        elif title_like(paras[i]):
            nearest = i
    if first_anchor is not None:
        # A print archive opens with its masthead line (``한빛일보 | 1996.03.14 | 4면 | 정치``)
        # and prints the headline under it; a page cut below its headline goes on with text.
        # (the masthead may sit under the outlet's name: ``한빛방송`` / ``사회 | 2012-09-05 14:03``)
        top = all(paras[j].kind != "text" for j in range(first_anchor))
        below = _headline_below(paras, first_anchor, start) if top else None
        return below, first_anchor
    strong = [i for i in range(start) if strong_title(paras[i])]
    if len(strong) > 1 and (repeated := _repeated(paras, strong[:REPEAT_CANDIDATES])) is not None:
        return repeated, None
    if strong:
        return strong[0], None
    for i in range(start):  # a short headline only as the page's first line or right above the text
        if title_like(paras[i]) and (i == 0 or i == start - 1):
            return i, None
    return None, None


def deck_line(p: Para) -> bool:
    """A subheadline: a phrase of several words (menu words and widget labels are shorter), neither
    a sentence nor the start of one (a line cut inside a sentence ends in a particle)."""
    return (
        p.kind == "text"
        and len(p.text) >= DECK_MIN
        and " " in p.text
        and _HANGUL.search(p.text) is not None
        and _SENTENCE_INSIDE.search(p.text) is None
        and not cut_sentence(p.text)
    )


def deck(paras: list[Para], start: int, after: int | None) -> list[int]:
    """Subheadline lines between the headline (or the metadata line) and the body; the headline
    printed again there is not one."""
    if after is None:
        return []
    headline = key(paras[after].text)
    picked = [i for i in range(after + 1, start) if deck_line(paras[i]) and key(paras[i].text) != headline]
    if sum(len(paras[i].text) for i in picked) > DECK_MAX:
        return []
    return picked


def _page_begins(paras: list[Para]) -> int:
    """Index of the first headline, metadata line or article text: what is above it is the
    page's navigation, where menu items (회사소개, 주요뉴스) do not end the page."""
    return next(
        (i for i, p in enumerate(paras) if strong_title(p) or is_anchor(p) or opens_body(p)), len(paras)
    )


def _blurb_above_headline(paras: list[Para], start: int) -> int | None:
    """The anchor of a headline and its metadata line printed just below a short sentence that
    opened the body: that sentence was a section blurb or slogan, the article starts below."""
    if len(paras[start].text) >= BODY_LONG:
        return None
    for i in range(start + 2, min(start + 1 + BLURB_LOOKAHEAD, len(paras))):
        p = paras[i]
        if is_anchor(p):
            return i if strong_title(paras[i - 1]) and not _article_list_at(paras, i - 1) else None
        if p.kind == "text" and not title_like(p):
            return None
    return None


def _long_headline(paras: list[Para], start: int) -> int | None:
    """The metadata line under a paragraph that opened the body only by its length: an
    unpunctuated line printed right above a date or byline is a long headline, not text."""
    p = paras[start]
    if not title_like(p) or len(p.text) < BODY_LONG:
        return None
    below = _next_shown(paras, start)
    return below if below < len(paras) and is_anchor(paras[below]) else None


def layout(paras: list[Para]) -> tuple[int, int | None, list[int]]:
    """(index of the first body paragraph, index of the headline, indices of the deck lines)."""
    begins = _page_begins(paras)
    stop = next((i for i in range(begins, len(paras)) if paras[i].kind in ENDS_PAGE), len(paras))
    start = next((i for i in range(stop) if opens_body(paras[i])), None)
    if start is not None and (
        (anchor_below := _blurb_above_headline(paras, start) or _long_headline(paras, start)) is not None
    ):
        start = next((i for i in range(anchor_below + 1, stop) if opens_body(paras[i])), None)
    title_i, anchor = find_title(paras, stop if start is None else start)
    if start is None:  # no paragraph reads as prose: the text is whatever follows the headline
        after = -1 if title_i is None else title_i
        rest = range(after + 1, len(paras))
        start = next((i for i in rest if paras[i].kind in ("text", "tag")), len(paras))
        return start, title_i, []
    if (
        start > 0
        and start - 1 != title_i
        and paras[start - 1].kind == "text"
        and cut_sentence(paras[start - 1].text)
    ):
        start -= 1  # the first words of the lead's sentence, on a line of their own
    return start, title_i, deck(paras, start, title_i if title_i is not None else anchor)


# --- where the article ends ---------------------------------------------------------------

_SENTENCE_END = re.compile(r"[가-힣][.!?][\"'”’″」』)]{0,3}$")
_ANNOUNCES_TRANSCRIPT = re.compile(
    r"(?:다음은|아래는|이하는)\s.{0,40}?(?:일문일답|문답|전문|인터뷰|발언|회견|요지|주요\s?내용)[^.]{0,12}\.?$"
)
"""``아래는 일문일답 전문이다.``, ``다음은 기자회견 주요 내용.``: a transcript follows."""
_INLINE_LABEL = re.compile(r"관련\s?(?:기사|뉴스)")
_LABEL_EDGE = " \t[]【】<>()▶◀■□◆◇•·-"
NEIGHBOUR_SCAN = 8
"""Paragraphs looked at on either side of a label or sign-off (chrome and captions between)."""
LIST_MIN_ITEMS = 2
"""Dated headlines in a row that make a list of other articles."""
LABEL_LOOKAHEAD = 2
"""Article sentences that must follow a related-articles label for the article to go on past it
(a site's promotion line under its own list heading is one)."""


def _sentence(p: Para) -> bool:
    """Article text that ends a sentence (a related-article teaser is cut off or is a headline)."""
    return (
        p.kind == "text"
        and _SENTENCE_END.search(p.text) is not None
        and md.glued_dateline_start(p.text) is None
        and md.parse_dateline(p.text) is None
    )


def _neighbours(paras: list[Para], i: int, start: int, after: int) -> tuple[Para | None, list[Para]]:
    """The paragraph of text or tags before `i` (from `start` on) and up to `after` such paragraphs
    after it, skipping chrome and captions; bounded scans, so each call is constant time."""
    skip = ("chrome", "caption")
    before = next(
        (paras[k] for k in range(i - 1, max(start, i - NEIGHBOUR_SCAN) - 1, -1) if paras[k].kind not in skip),
        None,
    )
    later = [
        paras[k] for k in range(i + 1, min(len(paras), i + 1 + NEIGHBOUR_SCAN)) if paras[k].kind not in skip
    ]
    return before, later[:after]


def _label_between_paragraphs(paras: list[Para], i: int, start: int) -> bool:
    """An inline related-articles label left between two paragraphs of the article (the box it
    headed was not saved): article sentences on both sides of it.  Only the inline box's label
    (관련기사); most-read and best-of lists come after the article."""
    if _INLINE_LABEL.fullmatch(paras[i].text.strip(_LABEL_EDGE)) is None:
        return False
    before, after = _neighbours(paras, i, start, LABEL_LOOKAHEAD)
    return (
        before is not None
        and _sentence(before)
        and len(after) == LABEL_LOOKAHEAD
        and all(map(_sentence, after))
    )


def _announces_transcript(paras: list[Para], i: int, start: int) -> bool:
    """The paragraph above sign-off `i` announces a Q&A or full text that follows it."""
    before, _ = _neighbours(paras, i, start, 0)
    return (
        before is not None
        and before.kind == "text"
        and _ANNOUNCES_TRANSCRIPT.search(before.text[-80:]) is not None
    )


def _article_list_at(paras: list[Para], i: int) -> bool:
    """An unlabelled list of other articles starts at `i`: headlines, each with its own date line."""
    k = i
    for _ in range(LIST_MIN_ITEMS):
        if k >= len(paras) or not title_like(paras[k]):
            return False
        k = _next_shown(paras, k)
        if k >= len(paras) or paras[k].kind != "meta" or not (m := paras[k].meta) or not m.stamps:
            return False
        k = _next_shown(paras, k)
    return True


def _next_shown(paras: list[Para], k: int) -> int:
    """The next paragraph after `k` that is not chrome (a separator, a bullet), looking a few ahead."""
    end = min(len(paras), k + 1 + NEIGHBOUR_SCAN)
    return next((j for j in range(k + 1, end) if paras[j].kind != "chrome"), len(paras))


def article_end(paras: list[Para], start: int) -> tuple[int, bool]:
    """Index of the paragraph that closes the article (``len(paras)`` when none does) and whether a
    list of other articles starts there.  The article closes at a copyright line, a footer, an
    e-mail sign-off, a related-articles heading or an unlabelled list of dated headlines."""
    for i in range(start, len(paras)):
        kind = paras[i].kind
        if kind == "text" and i > start and _article_list_at(paras, i):
            return i, True
        if kind not in ENDS_ARTICLE:
            continue
        if kind == "related" and _label_between_paragraphs(paras, i, start):
            continue
        if kind == "signature" and _announces_transcript(paras, i, start):
            continue
        return i, kind == "related"
    return len(paras), False
