"""A speaker's statements by day and by month: the shapes `quotetrack timeline` draws."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass
class DayStatement:
    """One statement (a claim, or a quote with no claim) as reported on one day."""

    key: str
    """``c<claim id>`` or ``q<quote id>``: what makes reports of one statement the same."""
    text: str
    stance: str | None = None
    """affirm, deny or neutral, as the shown report reads (None: not read yet)."""
    quote_ids: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)


@dataclass
class Day:
    day: date
    statements: list[DayStatement] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    """One reported quote, as the timeline needs it."""

    quote_id: int
    day: date
    claim_id: int | None
    text: str
    article_id: int
    outlet: str | None
    kind: str = "direct"
    stance: str | None = None


def group_by_day(reports: Iterable[Report]) -> list[Day]:
    """Reports grouped by day (oldest first) and, within a day, by claim in first-seen order.

    The statement's text and stance are those of the longest report of it that day (outlets trim
    quotes), a body quote rather than a headline condensing it.
    """
    days: dict[date, dict[str, DayStatement]] = {}
    ranks: dict[tuple[str, date], tuple[bool, int]] = {}
    for r in sorted(reports, key=lambda r: (r.day, r.quote_id)):
        key = f"c{r.claim_id}" if r.claim_id is not None else f"q{r.quote_id}"
        statements = days.setdefault(r.day, {})
        st = statements.get(key)
        rank = (r.kind != "headline", len(r.text))
        if st is None:
            st = statements[key] = DayStatement(key, r.text, r.stance)
            ranks[key, r.day] = rank
        elif rank > ranks[key, r.day]:
            st.text, st.stance, ranks[key, r.day] = r.text, r.stance, rank
        st.quote_ids.append(r.quote_id)
        st.articles.add(r.article_id)
        if r.outlet:
            st.outlets.add(r.outlet)
    return [Day(d, list(statements.values())) for d, statements in sorted(days.items())]


def per_month(days: Iterable[Day]) -> list[tuple[str, int]]:
    """Statements per month (``YYYY-MM``), every month from the first to the last, empty ones too."""
    counts = Counter(f"{d.day:%Y-%m}" for d in days for _ in d.statements)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def bar(value: int, largest: int, width: int) -> str:
    """A bar of block characters proportional to value/largest, at least one block for non-zero."""
    if value <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


COMPACT_AFTER = 36
"""Months a per-month chart may span before it shows years instead: three years of bars still read
at a glance; 1996–2025 by month is 351 rows, by year 30."""


def per_year(months: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts per ``YYYY-MM`` (or ``unknown``) summed per year, in order, ``unknown`` kept last."""
    years: dict[str, int] = {}
    for month, n in months:
        key = month[:4] if month != "unknown" else month
        years[key] = years.get(key, 0) + n
    return list(years.items())


def by_unit(months: list[tuple[str, int]], unit: str | None) -> tuple[str, list[tuple[str, int]]]:
    """The counts by ``month`` or ``year``; without a unit, by month unless the span is long."""
    dated = [m for m, _ in months if m != "unknown"]
    if unit is None:
        unit = "year" if len(dated) > COMPACT_AFTER else "month"
    return unit, per_year(months) if unit == "year" else months
