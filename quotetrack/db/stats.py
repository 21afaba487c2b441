"""Counts for `quotetrack stats`: quotes by speaker, outlet and month, under the search filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Subquery, func, select
from sqlalchemy.orm import Session

from quotetrack.db.schema import Article, Outlet, Quote, Speaker
from quotetrack.db.search import QuoteFilter, narrowed


@dataclass(frozen=True)
class Count:
    name: str
    quotes: int
    articles: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class Stats:
    quotes: int
    articles: int
    speakers: int
    outlets: int
    first: date | None
    last: date | None
    by_speaker: list[Count]
    by_outlet: list[Count]
    by_month: list[tuple[str, int]]
    """(YYYY-MM, quotes) for every month from the first to the last; ``unknown`` last if any."""


def quote_stats(session: Session, filters: QuoteFilter, *, top: int | None = 20) -> Stats:
    """Totals and the `top` speakers and outlets by number of quotes (all of them when top is None).

    Counting runs on ids (quotes joined with articles only); names are looked up for the rows shown.
    """
    stmt = narrowed(
        session, filters, Quote.speaker_id, Quote.effective_date, Quote.article_id, Article.outlet_id
    )
    if stmt is None:
        return Stats(0, 0, 0, 0, None, None, [], [], [])
    hits = stmt.subquery()
    totals = session.execute(
        select(
            func.count(),
            func.count(func.distinct(hits.c.article_id)),
            func.count(func.distinct(hits.c.speaker_id)),
            func.count(func.distinct(hits.c.outlet_id)),
            func.min(hits.c.effective_date),
            func.max(hits.c.effective_date),
        )
    ).one()
    by_speaker = _counts(session, hits.c.speaker_id, hits, top, Speaker)
    by_outlet = _counts(session, hits.c.outlet_id, hits, top, Outlet)
    months: Counter[str] = Counter()
    for day, n in session.execute(
        select(hits.c.effective_date, func.count()).group_by(hits.c.effective_date)
    ):
        months["unknown" if day is None else f"{day:%Y-%m}"] += n
    quotes, articles, speakers, outlets, first, last = totals
    return Stats(
        quotes, articles, speakers, outlets, first, last, by_speaker, by_outlet, _every_month(months)
    )


def _counts(
    session: Session, key: ColumnElement[Any], hits: Subquery, top: int | None, named: type[Speaker | Outlet]
) -> list[Count]:
    c = hits.c
    n = func.count().label("n")
    stmt = (
        select(
            key,
            n,
            func.count(func.distinct(c.article_id)),
            func.min(c.effective_date),
            func.max(c.effective_date),
        )
        .group_by(key)
        .order_by(n.desc(), key.is_(None), key)  # quotes with no speaker/outlet last on both backends
    )
    if top:
        stmt = stmt.limit(top)
    rows = session.execute(stmt).all()
    ids = [r[0] for r in rows if r[0] is not None]
    names = dict(session.execute(select(named.id, named.name).where(named.id.in_(ids))).all())
    return [
        Count(names.get(i, "(unknown)") if i is not None else "(unknown)", q, a, f, la)
        for i, q, a, f, la in rows
    ]


def _every_month(months: Counter[str]) -> list[tuple[str, int]]:
    known = sorted(m for m in months if m != "unknown")
    out: list[tuple[str, int]] = []
    if known:
        year, month = int(known[0][:4]), int(known[0][5:])
        while (key := f"{year:04d}-{month:02d}") <= known[-1]:
            out.append((key, months.get(key, 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if months.get("unknown"):
        out.append(("unknown", months["unknown"]))
    return out
