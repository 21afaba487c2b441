"""Broadcast scripts and interviews: the lines that are someone's words without a speech verb.

A broadcast story on a news site is a script: the anchor's and reporter's narration, and
soundbites, each under a tag that names who speaks.  Broadcasters print the tag in a handful
of shapes that recur across stations and decades:

- ``[김민석 / 국방부 대변인]``, ``[인터뷰:김민석, 국방부 대변인]``, ``【 녹취 】``: a bracket;
- ``[김민석/국방부 대변인 : 말씀드리겠습니다]``: the words inside the bracket itself;
- ``▶ 인터뷰 : 인근 주민``, ``■ 녹취 : 김민석``: an arrow or bullet, a label and a colon;
- ``<씽크> 아파트 주민``, ``(인터뷰) 김민석 / 주민``: a bracketed label, then who;
- ``김민석 국방부 대변인 :`` at the start of a line: a speaker turn, in older transcripts.

Narration tags (``[앵커]``, ``[기자]``, ``【 앵커멘트 】``, ``윤제춘 기자 :``) open the anchor's or
reporter's own text: prose, read as any article.  A reporter's stand-up (``▶ 스탠딩``,
``<스탠드업>``, ``(S/U)``) is no one's quote, even in quotation marks.

A printed interview (일문일답) alternates question lines and answers: ``Q.``/``A.``, ``문``/``답``,
or two bullets (``-`` questions, ``▲`` answers), or one bullet for questions and unmarked answers.
The answers are the interviewee's words; question lines are not quotes.

This module only finds these regions and who the tags name; document.py resolves the names
and emits the quotes in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from quotetrack.extract.marks import Marks, Span
from quotetrack.extract.nounphrase import Mention, mention_of_text

RegionKind = Literal["speech", "standup", "question", "answer"]

NARRATION_LABELS = frozenset(
    {"앵커", "앵커멘트", "앵커 멘트", "기자", "리포트", "리포터", "내레이션", "나레이션", "해설", "NA"}
    | {"기자 리포트"}
)
"""Labels of the anchor's and reporter's own text (방송사 뉴스 원고 양식)."""
STANDUP_LABELS = frozenset({"스탠딩", "스탠드업", "스탠드 업", "S/U", "SU", "기자 스탠딩", "스탠딩 멘트"})
"""A reporter speaking to camera: narration, not a quote."""
SPEECH_LABELS = frozenset(
    {"인터뷰", "녹취", "싱크", "씽크", "현장음", "INT", "전화인터뷰", "전화 인터뷰", "전화녹취", "전화 녹취"}
    | {"SYNC", "영상", "현장 녹취", "인터뷰 녹취", "녹취 인터뷰"}
)
"""Labels of soundbites: an interview, a recorded remark, live sound."""
CREDIT_LABELS = frozenset(
    {"방송", "진행", "사회", "대담", "출연", "패널", "일시", "장소", "주제", "제목", "주최"}
)
"""A programme's credits over a transcript (■ 방송 : …라디오, ■ 진행 : 홍길동 앵커): no one's turn."""
_QA_WORDS = frozenset({"문", "답", "질문", "답변", "Q", "A"})
REPORTER_TITLES = ("기자", "앵커", "특파원", "리포터", "아나운서", "캐스터", "MC")
"""A turn spoken by one of these is narration or a question, not a quote."""

_OPEN = "[【<〈(《"
_CLOSE = "]】>〉)》"
_BRACKET = re.compile(
    r"[ \t]*["
    + re.escape(_OPEN)
    + r"][ \t]*(?P<inner>[^"
    + re.escape(_CLOSE)
    + r"\n]{1,300}?)[ \t]*["
    + re.escape(_CLOSE)
    + r"][ \t]*(?P<rest>)"  # the rest of the line: its end is the line's (a regex need not scan it)
)
_BULLET = re.compile(r"[ \t]*[▶▷►■●◆◇□▣][ \t]*(?P<inner>[^\n]{1,80})")
_TURN = re.compile(
    r"[ \t]*(?:[●◆◇■□▶▷○◎][ \t]*)?"
    r"(?P<who>[^:：\n\"“”'‘’\[\]<>()▶▷►■●◆◇□▣\-–—―\d][^:：\n\"“”'‘’\[\]<>]{1,39}?)(?:[ \t]*[:：]|(?<=\S)>)"
    r"[ \t]*(?P<rest>)"
)
"""A speaker's turn: 'who :' (older transcripts), or 'who>' after a bullet (radio interviews:
◇ 홍길동> …, ◆ 김하늘> …)."""
_SLASH_TAG = re.compile(r"[ \t]*[가-힣A-Za-z][^/\n\"“”]{0,20}?[ \t]*/[ \t]*[^/\n\"“”.]{1,30}?[ \t]*$")
"""김민석 / 상인 alone on a line: some broadcasters print the soundbite's tag without brackets."""
_LABEL_SPLIT = re.compile(r"^(?P<label>[^:：]{1,40}?)[ \t]*[:：][ \t]*(?P<who>.*)$")
_PAREN_ROLE = re.compile(r"[ \t]*\(([^()\n]{1,40})\)[ \t]*$")
_PRODUCTION_NOTE = re.compile(r"[ \t]*\((?:음성|목소리)[ \t]?(?:변조|대역)\)")
_WHO_SPLIT = re.compile(r"[ \t]*[/|,，][ \t]*")
_TRAILING_NUMBER = re.compile(r"[ \t]*\d{1,2}$")
_LINE = re.compile(r"[^\n]*")
_SENTENCE_END = re.compile(r"(?:다|요|죠|까|니다|습니다)[.!?…]*$|[.!?]$")
_DASH_LEAD = re.compile(r"[ \t]*[-–—―][ \t]*")
_MARK_EDGE = "\"'“”‘’″『』「」"

MIN_TURNS = 2
"""A transcript written as 'name :' turns has at least this many; one colon line is a label."""


@dataclass(slots=True)
class Tag:
    """A tag line: what kind of region it opens and whom it names."""

    kind: Literal["speech", "standup", "narration"]
    who: str | None
    """The speaker as the tag prints it: 'name role' (김민석 국방부 대변인) or a description."""
    name: str | None
    rest: tuple[int, int] | None
    """Words standing on the tag's own line after it (or inside its bracket), if any."""


@dataclass(slots=True)
class Region:
    """A stretch of the body that is one speaker's words, or no one's quote."""

    kind: RegionKind
    start: int
    end: int
    who: str | None = None
    name: str | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    """The quoted words in the region (offsets into the body), for speech and answers."""


def _label_kind(label: str) -> Literal["speech", "standup", "narration"] | None:
    label = " ".join(label.split())
    if label in SPEECH_LABELS:
        return "speech"
    if label in STANDUP_LABELS:
        return "standup"
    if label in NARRATION_LABELS:
        return "narration"
    return None


def _who(text: str) -> tuple[str, str | None] | None:
    """A tag's 'name / role' (김민석 / 국방부 대변인) as (who, name), if it names a speaker."""
    if len(text) > 80:
        return None  # no one's name and role runs this long (and a long line is never scanned)
    text = _PRODUCTION_NOTE.sub("", text)  # 관계자(음성변조): how the voice was aired, not a role
    text = _PAREN_ROLE.sub(r" / \1", text).strip()  # 오준식(목격자): the role in parentheses
    bare = _TRAILING_NUMBER.sub("", text).strip()  # 서울시민 1: the number tells two passers-by apart
    if not bare or len(bare) > 60 or _SENTENCE_END.search(bare):
        return None
    parts = [p for p in _WHO_SPLIT.split(bare) if p]
    if parts and parts[0].strip() in _QA_WORDS:  # 답(이성훈 공보실장): the answer's giver
        parts = parts[1:]
        text = " / ".join(parts)
    if not parts or any(ch.isdigit() for ch in parts[0]) or parts[0].strip() in CREDIT_LABELS:
        return None  # a role may hold a number (당시 5층), a name never does
    m = mention_of_text(" ".join(parts))
    if m is None or m.weak or m.form == "pronoun":
        return None
    first = mention_of_text(parts[0]) if len(parts) >= 2 else None
    name = parts[0] if first is not None and first.form == "name" and first.kind == "person" else m.name
    return " ".join(_WHO_SPLIT.split(text)), name


def _reporter(m: Mention | None, who: str) -> bool:
    return who.split()[-1].endswith(REPORTER_TITLES) or (m is not None and (m.title or "") in REPORTER_TITLES)


_TAG_STARTS = frozenset(_OPEN + "▶▷►■●◆◇□▣")


def read_tag(body: str, start: int, end: int, turns: bool, credits: Credits | None = None) -> Tag | None:
    """The tag the line body[start:end] starts with, if any (see the module docstring).

    `credits` are what a programme's credits say of the host and guests (see Credits)."""
    at = start
    while at < end and body[at] in " \t":
        at += 1
    if at == end or (body[at] not in _TAG_STARTS and not turns and "/" not in body[at : min(end, at + 60)]):
        return None  # most lines: neither a bracket nor a bullet opens them, and no turns to look for
    m = _BRACKET.match(body, start, end)
    if m:
        inner, rest = m.group("inner").strip(), (m.start("rest"), end)
        label = _LABEL_SPLIT.match(inner)
        kind = _label_kind(inner)
        if kind is not None:  # [앵커], <씽크> 아파트 주민, 【 녹취 】
            # [인터뷰] 이름(역할) : "…": who speaks, a colon, then the words, on the tag's own line
            split = _LABEL_SPLIT.match(body[rest[0] : rest[1]]) if kind == "speech" else None
            if split is not None and split.group("who") and (said := _who(split.group("label"))) is not None:
                return Tag(kind, said[0], said[1], (rest[0] + split.start("who"), rest[1]))
            who = _who(body[rest[0] : min(rest[1], rest[0] + 81)]) if kind == "speech" else None
            if who is not None:
                return Tag(kind, who[0], who[1], None)
            return Tag(kind, None, None, rest if rest[1] > rest[0] else None)
        if label:
            kind = _label_kind(label.group("label"))
            if kind is not None:  # [인터뷰:김민석, 국방부 대변인]
                who = _who(label.group("who"))
                return Tag(kind, who[0] if who else None, who[1] if who else None, _nonempty(rest))
            who = _who(label.group("label"))
            if who is not None:  # [김민석/국방부 대변인 : 말씀드리겠습니다]
                at = m.start("inner") + label.start("who")
                return Tag("speech", who[0], who[1], (at, m.start("inner") + len(inner)))
            return None
        if "/" in inner or "," in inner:  # [김민석 / 국방부 대변인]
            who = _who(inner)
            if who is not None:
                return Tag("speech", who[0], who[1], _nonempty(rest))
        return None
    m = _BULLET.match(body, start, end)
    if m:
        label = _LABEL_SPLIT.match(m.group("inner").strip())
        if label:
            kind = _label_kind(label.group("label"))
            if kind is not None:  # ▶ 인터뷰 : 인근 주민
                who = _who(label.group("who")) if kind == "speech" else None
                return Tag(kind, who[0] if who else None, who[1] if who else None, None)
        if not turns:
            return None  # ● 앵커: / ● 홍길동(목격자): read below as turns, in a script made of them
    if _SLASH_TAG.match(body, start, end) and (who := _who(body[start:end])) is not None:
        return Tag("speech", who[0], who[1], None)  # 김민석 / 상인: a tag without brackets
    if turns:
        m = _TURN.match(body, start, end)
        if m:
            who_text = m.group("who").strip()
            if _label_kind(who_text) is not None:
                kind = _label_kind(who_text)
                assert kind is not None
                return Tag(kind, None, None, _nonempty((m.start("rest"), end)))
            who = _who(who_text)
            if who is not None:  # 서울 남대문경찰서장 : / 윤제춘 기자 :
                reporter = _reporter(mention_of_text(who[0]), who[0])
                if credits is not None:
                    reporter = reporter or who[0].split()[0] in credits.hosts
                    if who[1] is not None and who[0] == who[1] and who[1] in credits.guests:
                        who = (credits.guests[who[1]], who[1])  # ◆ 김하늘>: the role the credits give
                return Tag(
                    "narration" if reporter else "speech",
                    None if reporter else who[0],
                    None if reporter else who[1],
                    _nonempty((m.start("rest"), end)),
                )
    return None


def _nonempty(span: tuple[int, int]) -> tuple[int, int] | None:
    return span if span[1] > span[0] else None


def _lines(body: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(body):
        if m.start() == m.end() and out and out[-1][1] == m.start():
            continue  # finditer's empty match after each line
        out.append((m.start(), m.end()))
    return out


_INLINE_TAG = re.compile(r"(?<=\s)[\[【<〈]")


def _script_lines(body: str) -> list[tuple[int, int]]:
    """Lines, with a script run together on one line (video sites print '[앵커] … [기자] … [김민석 /
    주민] …' as one paragraph) cut before each tag inside it: a narration label or a bracketed
    name / role (with a slash; a comma is too common inside brackets to mark a tag)."""
    out: list[tuple[int, int]] = []
    for a, b in _lines(body):
        cuts = [a]
        for m in _INLINE_TAG.finditer(body, a, b):
            tag = read_tag(body, m.start(), b, turns=False)
            inner = _BRACKET.match(body, m.start(), b)
            if tag is None or inner is None:
                continue
            if tag.kind != "speech" or "/" in inner.group("inner"):
                cuts.append(m.start())
        out.extend(zip(cuts, [*cuts[1:], b], strict=True))
    return out


def _turn_lines(body: str, lines: list[tuple[int, int]]) -> int:
    """How many lines are 'name :' turns (counting stops at MIN_TURNS: that is all that is asked)."""
    count = 0
    for a, b in lines:
        colon = min((i for i in (body.find(c, a, min(b, a + 41)) for c in ":：>") if i >= 0), default=-1)
        if colon < 0:
            continue
        m = _TURN.match(body, a, b)
        if m and (_label_kind(m.group("who").strip()) is not None or _who(m.group("who")) is not None):
            count += 1
            if count >= MIN_TURNS:
                break
    return count


_HOST_LABELS = frozenset({"진행", "사회", "진행자", "사회자", "앵커", "MC"})
_GUEST_LABELS = frozenset({"대담", "출연", "패널", "게스트", "인터뷰", "전화연결", "연결"})


@dataclass(frozen=True, slots=True)
class Credits:
    """Who a programme's credits name over its transcript: the host (■ 진행 : 홍길동 앵커), whose
    turns are questions and narration, and each guest's role (■ 대담 : 김하늘 (한빛대 교수)), which
    their turns (◆ 김하늘>) print without."""

    hosts: frozenset[str] = frozenset()
    guests: dict[str, str] = field(default_factory=dict)


def _credits(body: str, lines: list[tuple[int, int]]) -> Credits:
    hosts: set[str] = set()
    guests: dict[str, str] = {}
    for a, b in lines:
        m = _BULLET.match(body, a, b)
        label = _LABEL_SPLIT.match(m.group("inner").strip()) if m else None
        if label is None or not label.group("who").strip():
            continue
        name, who = label.group("label").strip(), label.group("who").strip()
        if name in _HOST_LABELS:
            hosts.add(who.split()[0])
        elif name in _GUEST_LABELS:
            for part in re.split(r"[,，](?![^()]*\))", who):  # 김하늘 (한빛대 교수), 이도윤 (변호사)
                said = _who(part.strip())
                if said is not None and said[1]:
                    guests[said[1]] = said[0]
    return Credits(frozenset(hosts), guests)


def broadcast_regions(body: str, marks: Marks) -> list[Region]:
    """Soundbite and stand-up regions of a broadcast script, in order (none for plain prose).

    A tag's words are the rest of its own line, else the paragraph under it; when they open with a
    quotation mark they run to its closing mark (scripts printed without blank lines).
    """
    lines = _script_lines(body)
    turns = _turn_lines(body, lines) >= MIN_TURNS
    credits = _credits(body, lines) if turns else None
    out: list[Region] = []
    k = 0
    while k < len(lines):
        a, b = lines[k]
        tag = read_tag(body, a, b, turns, credits) if body[a:b].strip() else None
        k += 1
        if tag is None:
            continue
        if tag.kind == "narration":
            question = _question_under(body, lines, k, tag, turns)
            if question is not None:
                out.append(Region("question", a, question))  # [기자] …보시나요?: a briefing's question
            continue
        if tag.rest is not None:
            lo, hi = tag.rest
        else:
            while k < len(lines) and not body[lines[k][0] : lines[k][1]].strip():
                k += 1  # the words may stand a blank line below the tag
            if k == len(lines) or read_tag(body, *lines[k], turns) is not None:
                continue
            lo, hi = lines[k]
            span = _opening_span(body, marks, lo, hi)
            if span is None and _opens_unclosed(body, marks, lo, hi):
                k += 1
                continue  # “저희 신랑이 … (the page stops inside the quotation): not annotated
            if span is not None:
                hi = span
                while k < len(lines) and lines[k][0] <= span:
                    k += 1
            else:
                k += 1
                while k < len(lines) and body[lines[k][0] : lines[k][1]].strip():
                    if read_tag(body, *lines[k], turns) is not None:
                        break
                    hi = lines[k][1]
                    k += 1
        if tag.kind == "speech" and _cut_at_page_end(body, lo, hi):
            continue  # ● 홍길동(목격자):돌이 다 날라 가 — the saved page stops mid-sentence
        region = Region(tag.kind, a, hi, tag.who, tag.name)
        if tag.kind == "speech":
            region.quotes = _soundbite_quotes(body, marks, lo, hi)
        out.append(region)
    return out


def _cut_at_page_end(body: str, lo: int, hi: int) -> bool:
    """Words running to the end of the page that end no sentence: the page was cut off there."""
    text = body[lo:hi].rstrip().rstrip(_MARK_EDGE)
    return not body[hi:].strip() and bool(text) and not _SENTENCE_END.search(text) and text[-1] not in "…~"


def _question_under(body: str, lines: list[tuple[int, int]], k: int, tag: Tag, turns: bool) -> int | None:
    """Where the words under a narration tag end, when they are a question (a reporter asking at a
    briefing): no one's quote, and nothing in them is reported speech."""
    if tag.rest is not None:
        lo, hi = tag.rest
    else:
        while k < len(lines) and not body[lines[k][0] : lines[k][1]].strip():
            k += 1
        if k == len(lines) or read_tag(body, *lines[k], turns) is not None:
            return None
        lo, hi = lines[k]
    return hi if body[lo:hi].rstrip().endswith("?") else None


def has_script_tags(body: str) -> bool:
    """Does the body hold an anchor's or reporter's tag ([앵커], 【 기자 】, (리포트)): a broadcast script?"""
    return any(
        (tag := read_tag(body, a, b, turns=False)) is not None and tag.kind != "speech"
        for a, b in _lines(body)
        if b > a
    )


def _opens_unclosed(body: str, marks: Marks, lo: int, hi: int) -> bool:
    """Does the line open a double quotation mark that nothing closes (a page cut off mid-quote)?"""
    m = _DASH_LEAD.match(body, lo, hi)
    at = m.end() if m else lo
    while at < hi and body[at] in " \t":
        at += 1
    return at < hi and body[at] in '"“”″' and marks.inside(at + 1) is None and "”" not in body[at + 1 :]


def _opening_span(body: str, marks: Marks, lo: int, hi: int) -> int | None:
    """Where the quotation that opens the line body[lo:hi] closes (past any leading dash), if it does."""
    m = _DASH_LEAD.match(body, lo, hi)
    at = m.end() if m else lo
    while at < hi and body[at] in " \t":
        at += 1
    span = marks.inside(at + 1)
    return span.close + 1 if span is not None and span.open == at else None


def _soundbite_quotes(body: str, marks: Marks, lo: int, hi: int) -> list[tuple[int, int]]:
    """The quoted words of a soundbite body[lo:hi]: its quotation marks' spans when they hold most
    of it, else the whole text without a leading dash and stray marks."""
    top: list[Span] = []
    for s in marks.within(lo, hi):
        if s.close < hi and (not top or s.open > top[-1].close) and s.cls == "double":
            top.append(s)
    letters = sum(1 for ch in body[lo:hi] if not ch.isspace())
    inside = sum(1 for s in top for ch in body[s.start : s.end] if not ch.isspace())
    if top and inside >= 0.6 * letters:
        return [(s.start, s.end) for s in top]
    m = _DASH_LEAD.match(body, lo, hi)
    a = m.end() if m else lo
    while a < hi and (body[a].isspace() or body[a] in _MARK_EDGE):
        a += 1
    b = hi
    while b > a and (body[b - 1].isspace() or body[b - 1] in _MARK_EDGE):
        b -= 1
    return [(a, b)] if b - a >= 2 else []


# ------------------------------------------------------------------------ interviews

_QA_LABEL = re.compile(r"[ \t]*(?P<label>Q|A|문|답|질문|답변)[ \t]*[.:：)=][ \t]*(?=\S)")
_QA_BULLET = re.compile(r"[ \t]*(?P<bullet>[-–—―▲△■□◆◇●○▶☞])[ \t]*(?=\S)")
_QUESTION_END = re.compile(r"(?:\?|[은는가까냐나요죠데면지]\.?|라\.?|(?:달라|해달라|말해 ?달라)\.?)\s*$")
_ANNOUNCES_QA = re.compile(r"(?:다음은|아래는|이하는)\s?[^.\n]{0,40}?(?:일문일답|문답|인터뷰)")
"""다음은 문 총재와의 일문일답, 아래는 일문일답 전문이다: a printed interview follows."""


def announces_interview(body: str, lo: int, hi: int) -> bool:
    """Does body[lo:hi] announce a printed interview (다음은 일문일답)?"""
    return _ANNOUNCES_QA.search(body, lo, hi) is not None


QA_MIN_QUESTIONS = 2
"""An interview needs at least this many question lines; one dash-led line is just a list item."""
_ANSWERER = re.compile(r"[ \t]*(?P<who>[^=:：\n\"“”'‘’]{2,20}?)[ \t]*[=:：][ \t]*(?=\S)")
"""An answer that opens with who gives it: ▲김하늘 대표=…, 윤태오: … (a joint interview)."""


@dataclass(slots=True)
class Interview:
    """The question and answer regions of a printed interview."""

    questions: list[tuple[int, int]]
    answers: list[Region]


def _marker(body: str, a: int, b: int) -> tuple[str, int] | None:
    m = _QA_LABEL.match(body, a, b)
    if m:
        return ("Q" if m.group("label") in ("Q", "문", "질문") else "A"), m.end()
    m = _QA_BULLET.match(body, a, b)
    if m:
        turn = _TURN.match(body, a, b)
        if turn and (_label_kind(turn.group("who").strip()) or _who(turn.group("who"))) is not None:
            return None  # ● 앵커: / ● 홍길동(시민): a script's turn, not a question or an answer
        return m.group("bullet"), m.end()
    return None


_INLINE_QUESTION = re.compile(
    r"(?:^|(?<=[\s』」”\"]))[―—][ \t]*(?P<q>[^\n\"“”『』「」―—]{2,150}?)[ \t]*(?=[\"“『「])"
)
"""―오늘 승리의 소감은. 『…』: an interview printed in one paragraph, each question led by a dash and
answered by the quotation right after it."""


def _inline_interview(body: str, marks: Marks, announced: bool) -> Interview | None:
    """Questions and answers run together in paragraphs (―질문. 『답』 ―질문…. 『답』)."""
    questions: list[tuple[int, int]] = []
    answers: list[Region] = []
    found = list(_INLINE_QUESTION.finditer(body))
    for k, m in enumerate(found):
        question = m.group("q").rstrip()
        if not (_QUESTION_END.search(question) or question.endswith(("…", "...", "."))):
            continue
        span = marks.inside(m.end() + 1)
        if span is None or span.open != m.end() or span.cls not in ("double", "bracket"):
            continue
        end = found[k + 1].start() if k + 1 < len(found) else body.find("\n", span.close)
        end = len(body) if end < 0 else end
        questions.append((m.start(), m.end()))
        answers.append(Region("answer", span.open, end, quotes=[(span.start, span.end)]))
    if len(questions) < (1 if announced else QA_MIN_QUESTIONS):
        return None
    return Interview(questions, answers)


def find_interview(body: str, marks: Marks) -> Interview | None:
    """The Q&A part of the body, if it is (or holds) a printed interview."""
    found = _find_line_interview(body, marks)
    if found is not None:
        return found
    return _inline_interview(body, marks, _ANNOUNCES_QA.search(body) is not None)


def _find_line_interview(body: str, marks: Marks) -> Interview | None:
    """A printed interview whose questions and answers start lines of their own."""
    lines = [ln for ln in _lines(body) if body[ln[0] : ln[1]].strip()]
    marked = [(ln, _marker(body, *ln)) for ln in lines]
    by_marker: dict[str, list[tuple[int, int]]] = {}
    for ln, mk in marked:
        if mk is not None:
            by_marker.setdefault(mk[0], []).append(ln)
    first_marked = next((ln[0] for ln, mk in marked if mk is not None), len(body))
    announced = _ANNOUNCES_QA.search(body, 0, first_marked) is not None
    question_marker, answer_marker = _qa_markers(body, by_marker, announced=announced)
    if question_marker is None:
        return None
    questions: list[tuple[int, int]] = []
    answers: list[Region] = []
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if block:
            answers.extend(_answers(body, marks, block, answer_marker))
        block.clear()

    started = False
    for ln, mk in marked:
        if mk is not None and mk[0] == question_marker:
            flush()
            questions.append(ln)
            started = True
        elif started:
            if not block and mk is None and questions and _continues_question(body, questions[-1], ln):
                questions[-1] = (questions[-1][0], ln[1])  # a question printed over two lines
                continue
            if mk is None and block and (answer_marker in ("A",) or _reports_speech(body, *ln)):
                # labelled answers: an unlabelled paragraph after one is the article's own text; so is
                # one that reports someone's words (김 코치는 "…"라고 말했다) after any answer
                flush()
                started = False
                continue
            block.append(ln)
    flush()
    if len(questions) < (1 if announced else QA_MIN_QUESTIONS):
        return None
    return Interview(questions, answers)


_REPORTING_END = re.compile(
    r"(?:고|며|면서)[ \t]+(?:[가-힣]+[ \t]+)?(?:말했|밝혔|설명했|강조했|덧붙였|전했|주장했|지적했|귀띔했"
    r"|평가했|소개했|답했|전망했|강조했|당부했|토로했)다\.?[ \t]*$"
)
"""…"라고 말했다., …고 밝혔다.: a reporter's sentence, not the interviewee's answer."""


def _reports_speech(body: str, a: int, b: int) -> bool:
    return _REPORTING_END.search(body, a, b) is not None


def _qa_markers(
    body: str, by_marker: dict[str, list[tuple[int, int]]], *, announced: bool = False
) -> tuple[str | None, str | None]:
    """Which marker opens questions and which (if any) answers.

    Under an announcement (다음은 …와의 일문일답) the interview is certain: one question is enough,
    and the first marker met opens the questions even when they are statements (-가계부채가
    빨라졌다.), as interviewers often put them."""
    least = 1 if announced else QA_MIN_QUESTIONS
    if len(by_marker.get("Q", [])) >= least:
        return "Q", "A" if "A" in by_marker else None
    bullets = [k for k, v in by_marker.items() if k not in ("Q", "A") and len(v) >= least]
    if not bullets:
        return None, None

    def asks(k: str) -> float:
        lines = by_marker[k]
        return sum(1 for a, b in lines if _QUESTION_END.search(body[a:b].rstrip())) / len(lines)

    if announced:
        question = min(bullets, key=lambda k: by_marker[k][0][0])
        answer = next((k for k in bullets if k != question and asks(k) < 0.5), None)
        return question, answer
    ranked = sorted(bullets, key=lambda k: (-asks(k), by_marker[k][0][0]))
    question = ranked[0]
    if asks(question) < 0.5:
        return None, None  # a bulleted list, not questions
    answer = next((k for k in ranked[1:] if asks(k) < 0.5), None)
    return question, answer


def _continues_question(body: str, question: tuple[int, int], line: tuple[int, int]) -> bool:
    """-지난해 21위였다.\\n그를 근거로 전망한다면.: the question goes on over an unmarked line."""
    text = body[line[0] : line[1]].strip()
    return (
        not _QUESTION_END.search(body[question[0] : question[1]].rstrip())
        and bool(_QUESTION_END.search(text))
        and text[:1] not in _MARK_EDGE
    )


def _answers(
    body: str, marks: Marks, block: list[tuple[int, int]], answer_marker: str | None
) -> list[Region]:
    """The answer lines after one question: the spans of quotation marks holding them, else each
    line (without its answer marker) is one answer."""
    lo, hi = block[0][0], block[-1][1]
    quoted = _soundbite_quotes(body, marks, lo, hi)
    if quoted and any(body[lo:hi].lstrip().startswith(ch) for ch in '"“”″'):
        return [Region("answer", lo, hi, quotes=quoted)]
    out: list[Region] = []
    who: tuple[str, str | None] | None = None
    for a, b in block:
        mk = _marker(body, a, b)
        if mk is not None and mk[0] == answer_marker:
            a = mk[1]
        named = _ANSWERER.match(body, a, b)
        if named is not None and (found := _who(named.group("who"))) is not None:
            who, a = found, named.end()  # ▲김하늘 대표=…, 윤태오: …: each answer names who gives it
        spans = _soundbite_quotes(body, marks, a, b)
        out.extend(
            Region("answer", x, y, who[0] if who else None, who[1] if who else None, quotes=[(x, y)])
            for x, y in spans
        )
    return out
