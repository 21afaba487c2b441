"""Publication dates as Korean news pages print them, read in Korea time.

Timestamps come in many shapes — ``기사입력 : 2023년09월15일 23:47``,
``입력 2016.12.22 (15:38)``, ``입력 | 2025-11-26 15:41``, ``2024-10-11 11:26 송고``,
``2024.12.20 방영``, ``입력 2024.01.05. 오후 3:21``, ``2024/01/05 [15:21]``, ISO
``2024-01-05T15:21:00+09:00`` — and the label next to one (입력/등록/송고/게재/
방영… versus 수정/업데이트) says whether it is the first publication or an
update.  Every pattern has bounded quantifiers and is run on short strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _korea_tz() -> tzinfo:
    try:
        return ZoneInfo("Asia/Seoul")
    except ZoneInfoNotFoundError:  # no tz database: Korea has kept UTC+9 without DST since 1988
        return timezone(timedelta(hours=9), "KST")


KST = _korea_tz()
"""Korea time; page timestamps without an offset are in it."""

StampKind = Literal["first", "plain", "modified", "asof"]


@dataclass(frozen=True)
class Stamp:
    """A date (and maybe time) printed on the page and what its label says it is."""

    when: datetime
    has_time: bool
    kind: StampKind
    """first: 입력/등록/송고/게재/방영…; modified: 수정/업데이트; plain: no label; asof: a widget's
    "as of" time (``2024.01.05 15:00 기준``, ``… 현재``: rankings, prices, weather), never the article's."""
    start: int
    end: int


_DATE_TIME = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s{0,2}(?:[-./]|년)\s{0,2}(?P<m>[01]?\d)\s{0,2}(?:[-./]|월)\s{0,2}"
    r"(?P<d>[0-3]?\d)(?!\d)(?:\s{0,2}일|\.(?!\d))?"
    r"(?:\s{0,2}\([월화수목금토일]\))?"
    r"(?:\s{0,3}[T(\[|,]?\s{0,2}(?P<ap>오전|오후|[AaPp][Mm])?\s{0,2}(?P<H>[0-2]?\d)\s{0,2}(?::|시)\s{0,2}"
    r"(?P<M>[0-5]\d)(?:\s{0,2}(?::|분)\s{0,2}(?P<S>[0-5]\d)(?:\.\d{1,6})?)?(?:\s{0,2}분)?"
    r"(?:\s{0,2}(?P<ap2>[AaPp][Mm]))?[)\]]?)?"
)
# Labels seen before a timestamp.  Checked on the few characters in front of
# the date; the label nearest to the date wins (``입력 … 수정 …`` on one line).
FIRST_LABELS: tuple[str, ...] = (
    "입력",
    "등록",
    "송고",
    "게재",
    "발행",
    "작성",
    "승인",
    "전송",
    "방영",
    "방송",
)
FIRST_LABELS += ("posted", "published")
MODIFIED_LABELS: tuple[str, ...] = ("수정", "업데이트", "갱신", "updated", "modified")
# Labels printed after the date: ``2024-10-11 11:26 송고``, ``2024.12.20 방영``,
# ``1996년 7월 13일자`` (edition date).
_FIRST_AFTER = re.compile(r"\s{0,2}(?:송고|방영|방송|입력|등록|게재|자(?![가-힣]))")
_AS_OF_AFTER = re.compile(r"\s{0,2}(?:기준|현재)(?![가-힣])")
_LABEL_WINDOW = 16
MIN_YEAR = 1945
"""Korean-language news archives start after liberation; earlier years are misreads."""


def _nearest_label(before: str) -> StampKind:
    before = before.casefold()
    first = max((before.rfind(w) for w in FIRST_LABELS), default=-1)
    modified = max((before.rfind(w) for w in MODIFIED_LABELS), default=-1)
    if first < 0 and modified < 0:
        return "plain"
    return "first" if first > modified else "modified"


def _to_datetime(m: re.Match[str]) -> tuple[datetime, bool] | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if not MIN_YEAR <= day.year <= date.today().year + 1:
        return None
    hour = minute = 0
    has_time = m["H"] is not None
    if has_time:
        hour, minute = int(m["H"]), int(m["M"])
        ampm = (m["ap"] or m["ap2"] or "").casefold()
        if ampm in ("오후", "pm") and hour < 12:
            hour += 12
        elif ampm in ("오전", "am") and hour == 12:
            hour = 0
        if hour > 23:
            has_time, hour, minute = False, 0, 0
    # Archives print 00:00 for items filed by day only; a real midnight
    # publication loses nothing by being read as the day.
    if hour == 0 and minute == 0:
        has_time = False
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=KST), has_time


def find_stamps(text: str) -> list[Stamp]:
    """Every full date in `text` (a short line), with the label that goes with it."""
    out: list[Stamp] = []
    prev_end = 0
    for m in _DATE_TIME.finditer(text):
        parsed = _to_datetime(m)
        if parsed is None:
            continue
        kind = _nearest_label(text[max(prev_end, m.start() - _LABEL_WINDOW) : m.start()])
        if _AS_OF_AFTER.match(text, m.end()):
            kind = "asof"
        elif kind == "plain" and _FIRST_AFTER.match(text, m.end()):
            kind = "first"
        out.append(Stamp(parsed[0], parsed[1], kind, m.start(), m.end()))
        prev_end = m.end()
    return out


_LEADING_LABEL = re.compile(
    r"\s{0,3}(?:date|Date|DATE|입력|등록|기사입력|작성|게재|송고)\s{0,2}[:|]?\s{0,2}(?=(?:19|20)\d{2})"
)


_WEEKDAY_AFTER = re.compile(r"\s{0,2}[(\[]?[월화수목금토일]요일[)\]]?")
"""A page header's issue date names its weekday: ``2024년 8월 30일 (금요일)``."""


def leading_stamp(text: str) -> Stamp | None:
    """A timestamp that prefixes a paragraph, labelled (``date 2025-12-13 “…``) or an issue date
    with its weekday (``2024년 8월 30일 (금요일) …``); ends where the text starts."""
    label = _LEADING_LABEL.match(text[:40])
    m = _DATE_TIME.match(text, label.end() if label else 0)
    if m is None:
        return None
    parsed = _to_datetime(m)
    if parsed is None:
        return None
    end = m.end()
    if label is None:
        if (weekday := _WEEKDAY_AFTER.match(text, end)) is None:
            return None
        end = weekday.end()
    kind: StampKind = (
        "first" if label and not label.group().strip().casefold().startswith("date") else "plain"
    )
    while end < len(text) and text[end].isspace():
        end += 1
    return Stamp(parsed[0], parsed[1], kind, 0, end)


def parse_published(value: str) -> tuple[datetime, bool] | None:
    """A structured source's date (ISO 8601 or a page-style timestamp) as Korea time."""
    value = value.strip()
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        stamps = find_stamps(value[:200])
        return (stamps[0].when, stamps[0].has_time) if stamps else None
    has_time = len(value) > 10
    if when.tzinfo is None:
        when = when.replace(tzinfo=KST)
    when = when.astimezone(KST)
    if not has_time:
        when = when.replace(hour=0, minute=0, second=0, microsecond=0)
    return when, has_time


_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[/-]([01]\d)[/-]([0-3]\d)(?!\d)"  # /2005/03/19/, /2015-10-29/, /2018-10/29/
    r"|(?<!\d)((?:19|20)\d{2})([01]\d)([0-3]\d)\d{4,}(?!\d)"  # article ids that start with YYYYMMDD
)


def date_from_url(url: str) -> datetime | None:
    """The day an article URL encodes in its path or id, at midnight Korea time."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for m in _URL_DATE.finditer(f"{parts.path}?{parts.query}"[:500]):
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        try:
            day = date(int(y), int(mo), int(d))
        except ValueError:
            continue
        if MIN_YEAR <= day.year <= date.today().year + 1:
            return datetime(day.year, day.month, day.day, tzinfo=KST)
    return None
