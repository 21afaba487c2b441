"""Reads: quotes filtered by speaker, text, dates, outlet, kind and role.  No NLP is imported here.

A speaker query matches by normalised substring (spaces, case and middle dots
ignored, LIKE wildcards taken literally) on canonical names and aliases, so
``푸틴`` finds 블라디미르 푸틴 and ``pu tin`` finds an alias "Putin"; speakers are
resolved to ids first, so the quote query runs on the (speaker_id, effective_date)
index.  Text search goes through db/fts.py (bigram FTS5 on SQLite, pg_trgm on
PostgreSQL); every user value is a bound parameter, never SQL or FTS syntax.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, case, column, func, select, table, text
from sqlalchemy.orm import Session

from quotetrack.analysis.abbreviations import HEADLINE_ABBREVIATIONS
from quotetrack.db import fts
from quotetrack.db.access import read_only_reason
from quotetrack.db.bulk import select_in
from quotetrack.db.schema import (
    ARTICLES,
    CLAIM_QUOTES,
    OUTLETS,
    QUOTES,
    SPEAKER_ROLES,
    SPEAKERS,
)
from quotetrack.errors import QuotetrackError, UsageError
from quotetrack.normalize import closest, name_key
from quotetrack.speakers.queries import SpeakerRef, identify, unknown_speaker
from quotetrack.speakers.queries import matching_speakers as matching_speakers
from quotetrack.types import ATTRIBUTIONS, QUOTE_KINDS

log = logging.getLogger(__name__)

Q, A, S, OUT, CQ, SR = QUOTES.c, ARTICLES.c, SPEAKERS.c, OUTLETS.c, CLAIM_QUOTES.c, SPEAKER_ROLES.c
"""Columns of the tables queries here are written on (SQLAlchemy Core; see schema.QUOTES)."""

Sort = Literal["said", "newest", "relevance"]
SORTS: tuple[Sort, ...] = ("said", "newest", "relevance")


@dataclass(frozen=True)
class QuoteRow:
    """One search hit: a quote with its speaker, article and outlet, ready to render."""

    quote_id: int
    said_on: date | None
    speaker: str | None
    """The speaker's canonical name, or the name as printed when no speaker row is linked."""
    speaker_as_printed: str | None
    speaker_role: str | None
    speaker_kind: str
    kind: str
    text: str
    verb: str | None
    attribution: str | None
    """How the extractor found the speaker (types.ATTRIBUTIONS), None when it found none."""
    relayed_by: str | None
    outlet: str | None
    title: str | None
    published: datetime | None
    published_has_time: bool
    url: str | None
    source: str
    article_id: int
    claim_id: int | None = None
    speaker_id: int | None = None
    """The speaker row (None when the quote has none): the identity to group by, as two people
    may share a name."""
    field: str = "body"
    start: int = 0
    end: int = 0
    """Where the quote is: its offsets into the article's title or body (`field`)."""


MAX_VALUE_CHARS = 10_000
"""Longest filter value matched.  SQLite refuses LIKE patterns over 50,000 bytes ("pattern too
complex"); 10,000 characters stay under it however they are escaped or encoded (4 bytes at most
each, or 2 for an escaped % or _), and no name or quote worth finding is longer."""


@dataclass(frozen=True)
class QuoteFilter:
    """What `search`, `export`, `timeline`, `changes` and `stats` narrow quotes down by; all optional."""

    speaker: str | None = None
    text: str | None = None
    """Words and "phrases" that must all occur in the quote (substrings; db/fts.parse_terms)."""
    since: date | None = None
    until: date | None = None
    """Inclusive bounds on the quote's effective date (said, else published; schema.Quote); quotes
    with neither are left out when set."""
    outlet: str | None = None
    kinds: tuple[str, ...] = field(default_factory=tuple)
    role: str | None = None
    attributions: tuple[str, ...] = field(default_factory=tuple)
    """How the speaker was found (types.ATTRIBUTIONS): ``explicit`` keeps the surest attributions."""
    abbreviations: tuple[tuple[str, ...], ...] = HEADLINE_ABBREVIATIONS
    """Groups of words --text treats as one (북한 北 북): analysis/abbreviations.py, plus the user's."""

    def __post_init__(self) -> None:
        for option, value in (
            ("--speaker", self.speaker),
            ("--text", self.text),
            ("--outlet", self.outlet),
            ("--role", self.role),
        ):
            if value is not None and len(value) > MAX_VALUE_CHARS:
                raise UsageError(
                    f"the {option} value is {len(value):,} characters long; at most {MAX_VALUE_CHARS:,} "
                    "are matched",
                    "pass the part that matters",
                )
        if self.since and self.until and self.since > self.until:
            raise UsageError(
                f"--since {self.since} is after --until {self.until}", "swap them, or drop one of them"
            )
        for kind in self.kinds:
            if kind not in QUOTE_KINDS:
                raise UsageError(f"unknown quote kind {kind!r}", f"use one of {', '.join(QUOTE_KINDS)}")
        for how in self.attributions:
            if how not in ATTRIBUTIONS:
                raise UsageError(f"unknown attribution {how!r}", f"use one of {', '.join(ATTRIBUTIONS)}")


def resolve_speakers(session: Session, query: str) -> list[SpeakerRef]:
    """The speaker a --speaker value names; the one place speaker matching is called.  A name that
    matches no one is an error listing the closest stored names (never an empty answer).

    Matching lives in speakers/queries.py: names, aliases and name parts, best rank only; a
    query naming several people raises AmbiguousSpeakerError listing them (never mixes them).
    """
    speaker = identify(session, query)
    if speaker is None:
        raise unknown_speaker(session, query)
    return [speaker]


_FTS = table("quote_fts", column("rowid"))
DRIVE_LIMIT = 20_000
"""Above this many matches, a word is checked row by row while the date index drives the
scan (a common word fills a page within a few hundred rows); below, its quotes are fetched by id."""
"""The SQLite FTS5 index (db/fts.py), as a selectable."""

RANK_WINDOW = 5_000
"""On SQLite, relevance ranking of a search by words alone looks at the most recently stored
matches, up to this many.  Scoring reads each match's text (~2 µs a row), so a word in a quarter
of a million quotes would cost ~0.5 s to rank in full against ~20 ms for the window (measured,
BENCHMARKS.md); an analyst asking for such a word wants its best recent uses.  PostgreSQL does the
same.  A search narrowed by any other filter ranks every match."""


def search_quotes(
    session: Session,
    filters: QuoteFilter | None = None,
    *,
    speaker: str | None = None,
    sort: Sort | None = None,
    limit: int | None = None,
) -> list[QuoteRow]:
    """Quotes matching the filters.  Default order: by date said (oldest first); with --text, by relevance.

    With a limit, the query first finds where the page ends using the narrowest
    index (the date of the last row, or the ids of the best-ranked matches) and
    only then joins articles, speakers and outlets for the rows shown, so a
    speaker with 100,000 quotes or a word in a quarter of them costs milliseconds.
    """
    filters = filters or QuoteFilter()
    if speaker is not None:
        filters = replace(filters, speaker=speaker)
    plan = _plan(session, filters, sort)
    if plan is None:
        return []
    if limit is not None and plan.sort == "relevance":
        ranked = _ranked_ids(session, plan, limit)
        found = {row[0]: row for row in session.execute(_base_query().where(Q.id.in_(ranked)))}
        return [QuoteRow(*found[i]) for i in ranked if i in found]
    stmt = _apply(_base_query(), plan).order_by(*_order(plan))
    if limit is not None:
        cutoff = _last_day(session, plan, limit)
        if cutoff is not None:
            stmt = stmt.where(
                Q.effective_date <= cutoff if plan.sort == "said" else Q.effective_date >= cutoff
            )
        stmt = stmt.limit(limit)
    return [QuoteRow(*row) for row in session.execute(stmt)]


def iter_quotes(session: Session, filters: QuoteFilter, *, batch: int = 2000) -> Iterator[QuoteRow]:
    """Every matching quote in date order, streamed in batches (for export)."""
    stmt = filtered_query(session, filters, sort="said")
    if stmt is None:
        return
    result = session.execute(stmt.execution_options(yield_per=batch))
    for row in result:
        yield QuoteRow(*row)


def filtered_query(
    session: Session, filters: QuoteFilter, *, sort: Sort | None = None, ordered: bool = True
) -> Select[*tuple[Any, ...]] | None:
    """The SELECT of full rows for the filters (and order), or None when a filter rules out every quote."""
    plan = _plan(session, filters, sort)
    if plan is None:
        return None
    stmt = _apply(_base_query(), plan)
    return stmt.order_by(*_order(plan)) if ordered else stmt


def narrowed(session: Session, filters: QuoteFilter, *columns: Any) -> Select[*tuple[Any, ...]] | None:
    """SELECT `columns` of the matching quotes, joined with their articles only (no speaker, outlet
    or claim joins, no order): for aggregates over many rows.  None when nothing can match."""
    plan = _plan(session, filters, "said")
    if plan is None:
        return None
    stmt = select(*columns).select_from(QUOTES).join(ARTICLES, A.id == Q.article_id)
    return _apply(stmt, plan)


def undated_left_out(session: Session, filters: QuoteFilter, *, on_time_axis: bool = False) -> int:
    """How many quotes the other filters match that --since/--until left out for having no date at
    all (neither said nor published): 0 without date bounds.  Said aloud so a date filter never
    drops quotes without a word.

    `on_time_axis`: the caller places every quote on a time axis (timeline, changes), where a quote
    with no date has no place whether or not dates bound it, so it is counted without bounds too."""
    if filters.since is None and filters.until is None and not on_time_axis:
        return 0
    stmt = narrowed(session, replace(filters, since=None, until=None), func.count())
    if stmt is None:
        return 0
    return int(session.execute(stmt.where(Q.effective_date.is_(None))).scalar() or 0)


@dataclass
class _Plan:
    """The filters turned into conditions, and what the query must join for them."""

    sort: Sort
    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    outlet: bool = False
    """The conditions need the articles table (an outlet filter)."""
    match: str = ""
    """SQLite: the FTS5 MATCH expression of the words."""
    score: Any = None
    """Lower is better."""
    dated: bool = False
    text_only: bool = False


def _plan(session: Session, filters: QuoteFilter, sort: Sort | None) -> _Plan | None:
    sort = sort or ("relevance" if filters.text else "said")
    if sort == "relevance" and not filters.text:
        raise UsageError("--sort relevance needs --text", "add --text WORDS, or sort by said or newest")
    plan = _Plan(sort, dated=filters.since is not None or filters.until is not None)
    c = plan.conditions
    # values are checked before any lookup, so a bad one is refused whatever the others match
    terms = fts.parse_terms(filters.text, filters.abbreviations) if filters.text is not None else None
    if filters.role is not None and not filters.role.strip():
        raise UsageError("the --role value is empty", "pass a role or part of one, e.g. --role 대변인")
    if filters.speaker is not None:
        ids = [s.id for s in resolve_speakers(session, filters.speaker)]
        c.append(Q.speaker_id == ids[0] if len(ids) == 1 else Q.speaker_id.in_(ids))
    if filters.outlet is not None:
        outlet_ids = _matching_outlets(session, filters.outlet)
        c.append(A.outlet_id.in_(outlet_ids))
        plan.outlet = True
    if filters.kinds:
        c.append(Q.kind.in_(filters.kinds))
    if filters.attributions:
        c.append(Q.attribution.in_(filters.attributions))
    if filters.role is not None:
        role = Q.speaker_role.ilike(fts.like_pattern(filters.role.strip()), escape="\\")
        _check_role(session, filters.role.strip(), role)
        c.append(role)
    if filters.since is not None:
        c.append(Q.effective_date >= filters.since)
    if filters.until is not None:
        c.append(Q.effective_date <= filters.until)
    if terms is not None:
        plan.text_only = not c
        _text_filter(session, plan, terms)
    return plan


def _text_filter(session: Session, plan: _Plan, terms: list[fts.Term]) -> None:
    """Conditions for the words, and the relevance score (the same formula on both backends)."""
    match = fts.fts_match(terms)
    sqlite = session.get_bind().dialect.name == "sqlite"
    checks = fts.literal_checks(terms) if sqlite else fts.pg_predicates(terms)
    plan.score = -fts.pg_score(terms)  # lower is better
    if sqlite and match and not _index_usable(session):  # every word is checked in the text instead
        checks = fts.literal_checks(terms, exhaustive=True)
        match = ""
    if sqlite and match:
        plan.match = match
        word_list = text("quote_fts MATCH :fts_query").bindparams(fts_query=match)
        plan.text_only = not plan.conditions and not checks
        if plan.conditions or (plan.sort != "relevance" and _count(session, match) > DRIVE_LIMIT):
            # another filter, or the date order, narrows faster: let that index drive and only
            # check each row's membership in the word list (+0 keeps SQLite from driving by id)
            plan.conditions.append((Q.id + 0).in_(select(_FTS.c.rowid).where(word_list)))
        else:  # the word list drives: quotes are looked up by id
            plan.conditions.append(Q.id.in_(select(_FTS.c.rowid).where(word_list)))
        plan.conditions.extend(checks)
        return
    if not sqlite:
        # the best plan depends on the word (an index scan for 핵, a scan by id for 다, found in
        # most quotes), so each search is planned for its own; psycopg prepares a statement run 5
        # times, and PostgreSQL's generic plan for it took 0.6-1.3 s at 50,000 quotes, not 30-170 ms
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    plan.text_only = not plan.conditions and not sqlite
    plan.conditions.extend(checks)


def _index_usable(session: Session) -> bool:
    """SQLite: bring the word index up to date; on a database we may not write, check that it is."""
    if read_only_reason(session) is None:
        fts.sync(session)
        return True
    if fts.pending(session):
        log.warning(
            "the word index of this read-only database lags behind its quotes, so words are looked "
            "for in every quote's text (slower); running any search once with write access fixes it"
        )
        return False
    return True


def _apply(
    stmt: Select[*tuple[Any, ...]], plan: _Plan, *, join_articles: bool = False
) -> Select[*tuple[Any, ...]]:
    """The plan's conditions on `stmt` (joining articles for an outlet filter if asked)."""
    if join_articles and plan.outlet:
        stmt = stmt.join(ARTICLES, A.id == Q.article_id)
    return stmt.where(*plan.conditions)


def _ranked_ids(session: Session, plan: _Plan, limit: int) -> list[int]:
    """The ids of the `limit` best matches, best first (ties: the most recently stored first)."""
    stmt = _apply(select(Q.id).select_from(QUOTES), plan, join_articles=True)
    if plan.text_only and plan.match:  # SQLite, words alone: rank the most recent RANK_WINDOW matches
        word_list = text("quote_fts MATCH :m").bindparams(m=plan.match)
        floor = session.execute(
            select(_FTS.c.rowid)
            .where(word_list)
            .order_by(_FTS.c.rowid.desc())
            .offset(RANK_WINDOW - 1)
            .limit(1)
        ).scalar()
        recent = select(_FTS.c.rowid).where(word_list, _FTS.c.rowid >= (floor or 0))
        stmt = select(Q.id).where(Q.id.in_(recent))
    elif plan.text_only:  # PostgreSQL, words alone: the same window, from the text indexes
        window = stmt.order_by(Q.id.desc()).limit(RANK_WINDOW).subquery()
        stmt = select(Q.id).join(window, window.c.id == Q.id)
    return list(session.execute(stmt.order_by(plan.score, Q.id.desc()).limit(limit)).scalars())


def _count(session: Session, match: str) -> int:
    """How many quotes hold the words (SQLite; reads only the index, ~15 ms for 250,000)."""
    stmt = select(func.count()).select_from(_FTS).where(text("quote_fts MATCH :m").bindparams(m=match))
    return int(session.execute(stmt).scalar() or 0)


def _last_day(session: Session, plan: _Plan, limit: int) -> date | None:
    """The effective date of the `limit`-th row in date order (None if there are fewer dated rows):
    the page ends on that day, so only rows up to it need joining and sorting in full."""
    day = Q.effective_date if plan.sort == "said" else Q.effective_date.desc()
    stmt = _apply(select(Q.effective_date).select_from(QUOTES), plan, join_articles=True)
    stmt = stmt.where(Q.effective_date.is_not(None)).order_by(day).offset(limit - 1).limit(1)
    return session.execute(stmt).scalar()


def _order(plan: _Plan) -> list[Any]:
    if plan.sort == "relevance":
        return [plan.score, Q.id.desc()]
    nulls: list[Any] = [] if plan.dated else [Q.effective_date.is_(None)]  # dated: no unknown days
    if plan.sort == "newest":
        return [
            *nulls,
            Q.effective_date.desc(),
            A.published.is_(None),
            A.published.desc(),
            A.id.desc(),
            *_within_article(),
        ]
    return [*nulls, *date_order()]


def date_order() -> list[Any]:
    """Oldest first, the order of `search_quotes(sort="said")` among dated quotes: by day, then
    time published, then article, then place in the article (headline first)."""
    return [
        Q.effective_date,
        A.published.is_(None),
        A.published,
        A.id,
        *_within_article(),
    ]


def _within_article() -> list[Any]:
    """Within an article: headline first, then by offset."""
    return [case((Q.field == "title", 0), else_=1), Q.start_offset, Q.position]


def _matching_outlets(session: Session, query: str) -> list[int]:
    key = name_key(query)
    if not key:
        raise UsageError(
            f"the outlet name {query!r} is empty", "pass an outlet or part of one, e.g. --outlet 연합"
        )
    found = list(session.scalars(select(OUT.id).where(OUT.name_key.contains(key, autoescape=True))))
    if not found:
        names = session.scalars(select(OUT.name)).all()
        raise _unknown("outlet", query, closest(query, names), "`quotetrack stats --top 0` lists the outlets")
    return found


def _check_role(session: Session, query: str, condition: ColumnElement[bool]) -> None:
    """Refuse a --role that no quote was printed with, naming the closest roles.  The role history
    (speaker_roles, small) answers at once; the quotes themselves are read only when it has no
    such spelling, which is about to be an error or was a rare spelling anyway."""
    pattern = fts.like_pattern(query)
    if session.execute(select(SR.id).where(SR.role.ilike(pattern, escape="\\")).limit(1)).first():
        return
    if session.execute(select(Q.id).where(condition).limit(1)).first():
        return
    roles = session.scalars(select(SR.role).distinct()).all()
    raise _unknown("role", query, closest(query, roles), "`quotetrack speakers` lists roles with speakers")


def _unknown(what: str, query: str, near: list[str], listing: str) -> QuotetrackError:
    """No stored outlet or role matches: say so, with the closest names (a typo is not an empty answer)."""
    hint = f"closest stored {what}s: {', '.join(near)}; {listing}" if near else listing
    return QuotetrackError(f"no {what} matches {query!r}", hint)


def _base_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Q.id,
            Q.said_on,
            func.coalesce(S.name, Q.speaker_text).label("speaker"),
            Q.speaker_text,
            Q.speaker_role,
            Q.speaker_kind,
            Q.kind,
            Q.text,
            Q.verb,
            Q.attribution,
            Q.relayed_by,
            OUT.name.label("outlet"),
            A.title,
            A.published,
            A.published_has_time,
            A.url,
            A.source,
            A.id.label("article_id"),
            CQ.claim_id,
            Q.speaker_id,
            Q.field,
            Q.start_offset,
            Q.end_offset,
        )
        .join(ARTICLES, A.id == Q.article_id)
        .outerjoin(SPEAKERS, S.id == Q.speaker_id)
        .outerjoin(OUTLETS, OUT.id == A.outlet_id)
        .outerjoin(CLAIM_QUOTES, CQ.quote_id == Q.id)
    )


@dataclass(frozen=True)
class QuoteDetail:
    """One quote with the text around it, for `quotetrack show`."""

    row: QuoteRow
    field: str
    context: str
    """The sentence(s) holding the quote, from the article's stored body (or its title)."""
    quote_start: int
    quote_end: int
    """The quote's offsets within `context`."""
    byline: str | None
    claim_reports: int
    """How many articles carried the same claim (1 when the quote has no claim)."""


CONTEXT_LIMIT = 300
"""Characters of context kept on each side of the quote at most."""
_SENTENCE_END = ".?!。"


def quote_detail(session: Session, quote_id: int) -> QuoteDetail | None:
    """The quote with this id and its sentence context, or None if there is none."""
    row = session.execute(_base_query().where(Q.id == quote_id)).one_or_none()
    if row is None:
        return None
    quote_row = QuoteRow(*row)
    q = session.execute(
        select(Q.field, Q.start_offset, Q.end_offset, A.body, A.title, A.byline)
        .join(ARTICLES, A.id == Q.article_id)
        .where(Q.id == quote_id)
    ).one()
    source = (q.title or "") if q.field == "title" else q.body
    start, end = min(q.start_offset, len(source)), min(q.end_offset, len(source))
    lo, hi = sentence_bounds(source, start, end)
    reports = 1
    if quote_row.claim_id is not None:
        reports = (
            session.scalar(
                select(func.count(func.distinct(Q.article_id)))
                .join(CLAIM_QUOTES, CQ.quote_id == Q.id)
                .where(CQ.claim_id == quote_row.claim_id)
            )
            or 1
        )
    return QuoteDetail(quote_row, q.field, source[lo:hi], start - lo, end - lo, q.byline, reports)


def quote_rows(session: Session, quote_ids: Sequence[int]) -> dict[int, QuoteRow]:
    """The rows of these quotes, by id, in one query per thousand (`changes` shows a few of many)."""
    rows = select_in(session, _base_query(), Q.id, sorted(set(quote_ids)))
    return {row[0]: QuoteRow(*row) for row in rows}


def quote_details(session: Session, rows: Sequence[QuoteRow]) -> dict[int, QuoteDetail]:
    """`quote_detail` of many quotes found already (`rows`), in three queries whatever their number
    (`changes` shows both sides of every reversal)."""
    ids = sorted({r.quote_id for r in rows})
    stmt = select(Q.id, Q.field, Q.start_offset, Q.end_offset, A.body, A.title, A.byline).join(
        ARTICLES, A.id == Q.article_id
    )
    where = {q.id: q for q in select_in(session, stmt, Q.id, ids)}
    claim_ids = sorted({r.claim_id for r in rows if r.claim_id is not None})
    per_claim = select(CQ.claim_id, func.count(func.distinct(Q.article_id))).join(
        CLAIM_QUOTES, CQ.quote_id == Q.id
    )
    reports = dict(select_in(session, per_claim.group_by(CQ.claim_id), CQ.claim_id, claim_ids))
    out = {}
    for r in rows:
        q = where[r.quote_id]
        source = (q.title or "") if q.field == "title" else q.body
        start, end = min(q.start_offset, len(source)), min(q.end_offset, len(source))
        lo, hi = sentence_bounds(source, start, end)
        n = reports.get(r.claim_id, 1) if r.claim_id is not None else 1
        out[r.quote_id] = QuoteDetail(r, q.field, source[lo:hi], start - lo, end - lo, q.byline, n)
    return out


def sentence_bounds(textual: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding [start, end): from the previous sentence end or line
    break to the next one after the quote (so the attribution, …라고 말했다, is included)."""
    lo = start
    floor = max(0, start - CONTEXT_LIMIT)
    while lo > floor:
        ch = textual[lo - 1]
        if ch == "\n" or (ch in _SENTENCE_END and (lo >= len(textual) or textual[lo].isspace())):
            break
        lo -= 1
    hi = end
    ceiling = min(len(textual), end + CONTEXT_LIMIT)
    while hi < ceiling:
        ch = textual[hi]
        if ch == "\n":
            break
        hi += 1
        if ch in _SENTENCE_END and (hi >= len(textual) or textual[hi].isspace()):
            break
    while lo < start and textual[lo].isspace():
        lo += 1
    return lo, hi
