"""The day each quote was said, read from the article around it.

dates.py reads the date expressions themselves (이날, 지난 5일, 7일(현지시간)); this module
decides which of them dates which quote: the quote's own clause, the same speaker's other
quotes, the story's day for its main speaker, the sentence a quote shares with another.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from quotetrack.extract.dates import DateMention, find_dates, resolve_relative
from quotetrack.extract.document import ArticleReader, Attributed
from quotetrack.extract.entities import Entity


def said_on(reader: ArticleReader, items: list[Attributed], main: Entity | None = None) -> list[date | None]:
    """The day each quote was said, in the order of `items`.

    A day stated in the quote's own clause wins (resolved by dates.py); else the
    speaker's day stated with another of their quotes in the article (the lead
    often states the day only in the second paragraph); else, for the story's
    main speaker only, the story's day (the last day the article named, or the
    publication day).  Other speakers' undated words are often background said
    earlier, so their day stays unknown.
    """
    body, published = reader.body, reader.published
    explicit: list[tuple[int, date]] = []
    current: date | None = None
    found: dict[tuple[int, int], list[DateMention]] = {}  # a quote's clause is often its whole sentence

    def dates_in(lo: int, hi: int) -> list[DateMention]:
        got = found.get((lo, hi))
        if got is None:
            got = found[lo, hi] = find_dates(body, lo, hi, published)
        return got

    for sent in reader.sentences:
        for dm in dates_in(sent.start, sent.end):
            if reader.marks.inside(dm.start):
                continue
            d = resolve_relative(dm, current)
            if d is not None and dm.relative not in ("전날", "전일"):
                explicit.append(
                    (dm.start, d)
                )  # 전날 names an earlier event; 이날 still means the story's day
                current = d

    positions = [at for at, _ in explicit]

    def context(pos: int) -> date | None:
        k = bisect_left(positions, pos) - 1
        return explicit[k][1] if k >= 0 else None

    def story_day(pos: int) -> date | None:
        return context(pos) or (explicit[0][1] if explicit else None) or published

    names_main: dict[int, bool] = {}  # sentence → the main speaker is a subject in it (asked lazily)

    def main_named_in(i: int) -> bool:
        got = names_main.get(i)
        if got is None:
            got = names_main[i] = any(e is main for e in reader.subjects_in(reader.sentences[i]))
        return got

    stated: list[date | None] = []
    for a in items:
        f = a.found
        lo, hi = f.region
        day = None
        for dm in dates_in(lo, hi):
            if reader.marks.inside(dm.start) or (f.start <= dm.start < f.end):
                continue
            day = resolve_relative(dm, context(lo))
            if day is not None:
                break
        stated.append(day)
    order = sorted(range(len(items)), key=lambda i: items[i].found.start)
    dated: dict[int, list[tuple[int, date]]] = {}  # entity → its stated days in reading order
    for i in order:
        e, d = items[i].entity, stated[i]
        if e is not None and d is not None:
            dated.setdefault(id(e), []).append((items[i].found.start, d))
    result: list[date | None] = [None] * len(items)
    for i in order:
        a = items[i]
        day = stated[i]
        if day is None and a.entity is not None and id(a.entity) in dated:
            days = dated[id(a.entity)]
            k = bisect_left(days, (a.found.start,)) - 1
            day = days[k][1] if k >= 0 else days[0][1]
        if day is None and main is not None and a.entity is main:
            day = story_day(a.found.start)
        result[i] = day
    # words exchanged with someone in one sentence (…고 답하자 이 대통령은 "…") share its day
    by_sentence: dict[int, date] = {}
    for i in order:
        if result[i] is not None:
            by_sentence.setdefault(items[i].found.sentence, result[i])  # type: ignore[arg-type]
    for i in order:
        if result[i] is not None:
            continue
        f = items[i].found
        partner = by_sentence.get(f.sentence)
        if (
            partner is None
            and main is not None
            and f.sentence >= 0  # interview answers have no sentence
            and main_named_in(f.sentence)
        ):
            partner = story_day(f.start)
        result[i] = partner
    return result
