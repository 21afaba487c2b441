"""The day each quote was said, read from the article around it.

dates.py reads the day expressions themselves (이날, 지난 5일, 7일(현지시간)); this module
decides which of them dates which quote, following how Korean news states time:

- A day written in the quote's own clause dates it (…는 12일 "…"고 말했다, …했다고 12일
  밝혔다).  Of two days before the quote, one closing a sequence clause (…을 선언한 데 이어
  10일, …한 뒤) names the earlier event and the later one the statement.  Days ahead and
  span ends (오는 20일, 18일부터, 17일까지) are plans, never the day words were said.  A day
  after a reported speech verb (…고 말했다고 AP가 1일 보도했다) is the relay's, and dates the
  words too unless the clause says they were said at another time.
- A clause that places the words at another, unstated time (최근, 당시, 지난해, 앞서, 그동안,
  이틀 전 …) leaves them undated, and the same speaker's next words with them.
- Otherwise the words keep the day of the story they belong to: the same speaker's other
  dated words (the lead often states the day only in the second paragraph), else the
  story's day — the day the article last named outside quotations, unless it marks that
  day as the past (앞서 …, 지난 12일 recall a background event before the story's day).
  Words printed before the article names any day take its first day only when they are
  the main speaker's; another speaker's words take a day from a partner in the same
  sentence (…고 답하자 X는 "…"), and never from the story once it turns to another matter
  or another party's answer (한편, 이에 대해 …).
- 이날/당일 count from the day named last; named before any day, they mean the publication
  day (and 전날 its eve).  A page that names no day at all dates nothing: the day is not
  stated, so it stays unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta

from quotetrack.extract.dates import DateMention, find_dates, resolve_relative
from quotetrack.extract.document import ArticleReader, Attributed
from quotetrack.extract.entities import Entity
from quotetrack.extract.marks import Marks

_EARLIER = ("전날", "전일")
"""The day before the running day: an earlier event, so the story's day does not move."""
_TODAY = ("이날", "당일")
_OTHER_TIME = re.compile(
    r"(?<![가-힣])(?:(?:최근|요즘|당시|과거|평소|그동안|그간|예전|작년|지난해|지난달|앞서|일찍이)(?:에는|에|엔)?"
    r"|지난\s*\d{1,2}월|(?:19|20)\d\d년|지난\s*주(?:말)?(?:에|엔)?"
    r"|(?:하루|이틀|사흘|나흘|닷새|엿새|열흘|\d{1,2}일|\d{1,2}주|\d{1,2}개월|\d{1,2}년)\s*전(?:에)?)"
    r"(?![가-힣\d]|\s*\d{1,2}\s*(?:월|일))"
)
"""Words placing a statement at a time other than the story's without naming the day
(최근 인터뷰에서, 당시, 지난해, 앞서 …): the words were said then, on a day the page does
not give."""
_RELAYED = re.compile(r"다고(?=\s)")
"""말했다고 (AP가 1일 보도했다): the speech verb itself reported, so a day after it is the relay's."""
_TURN = re.compile(r"\s*(?:한편|이에\s*(?:대해|대하여|맞서)?)(?=[\s,]|$)")
"""한편 …, 이에 (대해) …: the story turns to another matter, or to another party's answer given
at a time the page does not state; the story's day is not carried there."""
_SEQUENCE = re.compile(r"(?:데\s*(?:이어서?|이은)|뒤에?|후에?|다음에?)(?=[\s,])")
"""…한 데 이어, …한 뒤, …한 후: the clause before it is an earlier event."""


def said_on(reader: ArticleReader, items: list[Attributed], main: Entity | None = None) -> list[date | None]:
    """The day each quote was said, in the order of `items` (see the module docstring)."""
    body, published = reader.body, reader.published
    found: dict[tuple[int, int], list[DateMention]] = {}  # a quote's clause is often its whole sentence

    def dates_in(lo: int, hi: int) -> list[DateMention]:
        got = found.get((lo, hi))
        if got is None:
            got = found[lo, hi] = [
                dm for dm in find_dates(body, lo, hi, published) if not reader.marks.inside(dm.start)
            ]
        return got

    named, story = _timeline(reader, dates_in)

    def resolved(dm: DateMention) -> date | None:
        """The day dm names, 이날 and 전날 counted from the day named last before it (before any,
        the page's own day)."""
        k = bisect_left(named, (dm.start,)) - 1
        return _possible(resolve_relative(dm, named[k][1] if k >= 0 else published), published)

    def story_day(pos: int, lead: bool) -> date | None:
        k = bisect_left(story, (pos,)) - 1
        if k >= 0:
            return story[k][1]
        return story[0][1] if story and lead else None

    stated: list[date | None] = []
    elsewhere: list[bool] = []  # the clause places the words at another, unstated time
    for a in items:
        day, other = _own_day(body, a, dates_in, resolved, reader.marks)
        stated.append(day)
        elsewhere.append(other)
    order = sorted(range(len(items)), key=lambda i: items[i].found.start)
    result = _carried(items, order, stated, elsewhere)
    for i in order:
        if result[i] is None and not elsewhere[i] and main is not None and items[i].entity is main:
            result[i] = story_day(items[i].found.start, True)
    _partners(items, order, result, elsewhere)
    for i in order:
        if result[i] is None and not elsewhere[i] and not _turns_away(reader, items[i]):
            result[i] = story_day(items[i].found.start, False)
    return result


def _turns_away(reader: ArticleReader, a: Attributed) -> bool:
    """Whether the quote's sentence opens by turning to another matter or another party's answer."""
    k = a.found.sentence
    if not 0 <= k < len(reader.sentences):
        return False
    return bool(_TURN.match(reader.body, reader.sentences[k].start))


def _timeline(
    reader: ArticleReader, dates_in: Callable[[int, int], list[DateMention]]
) -> tuple[list[tuple[int, date]], list[tuple[int, date]]]:
    """The days the article names outside quotations, and its story's day, in reading order.

    Every day named moves what 이날 means, and the story's day too, except to an earlier day
    the text itself marks as the past (지난 12일, or a sentence set at another time: 앞서 …,
    당시 …): that recalls a background event, and the story goes on after it.  A bare day
    before the story's does move it (a photo caption's stamp, 2023.09.07, may precede the
    lead's 5일).
    """
    body = reader.body
    named: list[tuple[int, date]] = []
    story: list[tuple[int, date]] = []
    current: date | None = None
    for sent in reader.sentences:
        for dm in dates_in(sent.start, sent.end):
            if dm.plan or dm.relative in _EARLIER:
                continue
            if dm.relative in _TODAY and current is None:
                current = reader.published  # 이날 before any day: the page's own day
            d = _possible(resolve_relative(dm, current), reader.published)
            if d is None:
                continue
            named.append((dm.start, d))
            current = d
            recalled = body.startswith("지난", dm.start) or _other_time(
                body, sent.start, sent.end, 0, 0, reader.marks
            )
            if not (story and d < story[-1][1] and recalled):
                story.append((dm.start, d))
    return named, story


def _own_day(
    body: str,
    a: Attributed,
    dates_in: Callable[[int, int], list[DateMention]],
    resolved: Callable[[DateMention], date | None],
    marks: Marks,
) -> tuple[date | None, bool]:
    """The day stated in the quote's own clause, and whether the clause places it at another time.

    A day next to the quote is the speaker's (…는 12일 "…", …했다고 12일 밝혔다); one after the
    speech verb is itself reported (…고 말했다고 AP가 1일 보도했다) is the relay's, which is
    the speech's too unless the clause places the words at another time (최근 인터뷰에서).
    """
    f = a.found
    lo, hi = f.region
    before: list[DateMention] = []
    after: list[DateMention] = []
    relayed: list[DateMention] = []
    for dm in dates_in(lo, hi):
        if dm.plan or f.start <= dm.start < f.end:
            continue
        if dm.start < f.start:
            before.append(dm)
        else:
            (relayed if _RELAYED.search(body, f.end, dm.start) else after).append(dm)
    if len(before) >= 2:  # …을 선언한 데 이어 10일은: the later day is the statement's
        k = len(before) - 1
        while k > 0 and not _SEQUENCE.search(body, before[k - 1].end, before[k].start):
            k -= 1
        before = before[k:]
    day = _first_day(before, resolved) or _first_day(after, resolved)
    if day is not None:
        return day, False
    if _other_time(body, lo, hi, f.start, f.end, marks):
        return None, True
    return _first_day(relayed, resolved), False


def _first_day(mentions: list[DateMention], resolved: Callable[[DateMention], date | None]) -> date | None:
    for dm in mentions:
        day = resolved(dm)
        if day is not None:
            return day
    return None


def _possible(day: date | None, published: date | None) -> date | None:
    """The day, unless it is after the page's next day (a local day may be one ahead of Seoul's):
    words reported on a page were said by then (다음 날 counted from the page's own day is not)."""
    if day is None or published is None or day <= published + timedelta(days=1):
        return day
    return None


def _other_time(body: str, lo: int, hi: int, start: int, end: int, marks: Marks) -> bool:
    """Whether the clause, outside the quote and any quotation, places the words at another time."""
    for m in _OTHER_TIME.finditer(body, lo, hi):
        if not start <= m.start() < end and not marks.inside(m.start()):
            return True
    return False


def _carried(
    items: list[Attributed], order: list[int], stated: list[date | None], elsewhere: list[bool]
) -> list[date | None]:
    """Stated days, and for the rest the same speaker's: the time their previous words were
    placed at (a day, or another, unstated time, which then holds for these too), else the
    day of their first dated words."""
    said: dict[int, list[tuple[int, date | None]]] = {}  # entity → its placed words in reading order
    first: dict[int, date] = {}
    for i in order:
        e, d = items[i].entity, stated[i]
        if e is not None and (d is not None or elsewhere[i]):
            said.setdefault(id(e), []).append((items[i].found.start, d))
            if d is not None:
                first.setdefault(id(e), d)
    result: list[date | None] = list(stated)
    for i in order:
        a = items[i]
        if result[i] is not None or elsewhere[i] or a.entity is None or id(a.entity) not in said:
            continue
        times = said[id(a.entity)]
        k = bisect_left(times, a.found.start, key=lambda t: t[0]) - 1
        if k >= 0:
            result[i] = times[k][1]
            elsewhere[i] = times[k][1] is None
        else:
            result[i] = first.get(id(a.entity))
    return result


def _partners(
    items: list[Attributed], order: list[int], result: list[date | None], elsewhere: list[bool]
) -> None:
    """Words exchanged in one sentence (…고 답하자 이 대통령은 "…") share its day."""
    by_sentence: dict[int, date] = {}
    for i in order:
        d = result[i]
        if d is not None and items[i].found.sentence >= 0:
            by_sentence.setdefault(items[i].found.sentence, d)
    for i in order:
        if result[i] is None and not elsewhere[i]:
            result[i] = by_sentence.get(items[i].found.sentence)
