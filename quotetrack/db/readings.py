"""Readings and headline links in the database: made as quotes are stored, caught up on demand.

A quote's reading (schema.QuoteReading: stance, the words that decided it,
content words) and its article's headline links (schema.HeadlineLink) need the
Korean morphology model, so they are made where the model may load — in the
write path (derived.refresh_claims, right before claims, which use the stance) —
and stored, so `changes`, `timeline`, `claims` and `fidelity` only read them.
Quotes that arrived without one (a database migrated from before readings, a
reading made by older rules: `READER_VERSION`) are read by `ensure_readings`
when a command needs them; their claim memberships are dropped so claims are
recomputed with the new stance.  Functions take a session and never commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session

from quotetrack.analysis.morphology import Analyse
from quotetrack.analysis.reading import READER_VERSION, Reading
from quotetrack.analysis.stance import Stance
from quotetrack.db.bulk import chunks, select_in
from quotetrack.db.schema import (
    CLAIM_QUOTES,
    HEADLINE_LINKS,
    QUOTE_READINGS,
    QUOTES,
    ClaimKey,
    ClaimQuote,
    HeadlineLink,
    Quote,
    QuoteReading,
)
from quotetrack.db.search import QuoteFilter, date_order, narrowed

log = logging.getLogger(__name__)


def encode_topic(reading: Reading) -> str:
    """The `topic` column: lemmas, then `` | `` and modifier>head pairs."""
    pairs = " ".join(f"{m}>{h}" for m, h in reading.pairs)
    return " ".join(reading.topic) + (" | " + pairs if pairs else "")


def decode(stance: str, cues: Sequence[str], topic: str) -> Reading:
    """A stored reading back as a `Reading`."""
    return Reading(stance, tuple(cues), *decode_topic(topic))  # type: ignore[arg-type]


def decode_topic(topic: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The `topic` column back as its lemmas and modifier>head pairs."""
    if " | " not in topic:  # most statements have no pairs: `changes` decodes 100,000 topics
        return tuple(topic.split()), ()
    lemmas, _, pairs = topic.partition(" | ")
    return tuple(lemmas.split()), tuple(tuple(p.split(">", 1)) for p in pairs.split())  # type: ignore[misc]


def stored_readings(session: Session, quote_ids: Iterable[int]) -> dict[int, Reading]:
    """The stored readings of these quotes (any reader version)."""
    stmt = select(QuoteReading.quote_id, QuoteReading.stance, QuoteReading.cues, QuoteReading.topic)
    return {
        qid: decode(stance, cues, topic)
        for qid, stance, cues, topic in select_in(
            session, stmt, QuoteReading.quote_id, sorted(set(quote_ids))
        )
    }


class ReadReport(NamedTuple):
    """One dated quote with a reading, as the reversal search sees it: no text, no article."""

    quote_id: int
    claim_id: int | None
    day: date
    """The quote's effective date: said, else published (schema.Quote)."""
    kind: str
    stance: Stance
    topic: str
    """The stored `topic` column (`encode_topic`), decoded only for the report a statement is read as."""


def read_reports(session: Session, filters: QuoteFilter) -> list[ReadReport]:
    """The dated quotes matching the filters that have a reading, oldest first (as `search_quotes`
    orders them), with only the columns `changes` compares: at 100,000 quotes, full rows and
    readings took ~4 s to load and decode, these take ~1 s (BENCHMARKS.md)."""
    q, r, cq = QUOTES.c, QUOTE_READINGS.c, CLAIM_QUOTES.c  # Core columns: no ORM row loading
    stmt = narrowed(session, filters, q.id, cq.claim_id, q.effective_date, q.kind, r.stance, r.topic)
    if stmt is None:
        return []
    stmt = (
        stmt.join(QUOTE_READINGS, r.quote_id == q.id)
        .outerjoin(CLAIM_QUOTES, cq.quote_id == q.id)
        .where(q.effective_date.is_not(None))
        .order_by(*date_order())
    )
    return [ReadReport(*row) for row in session.execute(stmt).all()]


@dataclass(frozen=True)
class Read:
    """What `read_quotes` found: each quote's stance, and the headline quotes that follow a body quote."""

    stances: dict[int, Stance]
    follow: dict[int, int]
    """Headline quote → the body quote of the same speaker its first part condenses: one claim."""
    fresh: int = 0
    """Quotes read now (the others had a current reading)."""


def read_quotes(session: Session, quote_ids: Sequence[int], *, analyse: Analyse | None = None) -> Read:
    """Read these quotes (whole articles' quotes) that lack a current reading, store the readings,
    and link their articles' headline quotes to the body quotes they condense."""
    from quotetrack.analysis.fidelity import LinkQuote, link_headlines
    from quotetrack.analysis.morphology import kiwi_analyse
    from quotetrack.analysis.reading import read_statement

    analyse = analyse or kiwi_analyse
    cols = select(
        Quote.id,
        Quote.article_id,
        Quote.kind,
        Quote.text,
        Quote.verb,
        Quote.speaker_id,
        Quote.speaker_text,
        Quote.speaker_role,
    )
    rows = list(select_in(session, cols, Quote.id, sorted(set(quote_ids))))
    if not rows:
        return Read({}, {})
    current = {
        qid
        for (qid,) in select_in(
            session,
            select(QuoteReading.quote_id).where(QuoteReading.reader == READER_VERSION),
            QuoteReading.quote_id,
            [r[0] for r in rows],
        )
    }
    memo: dict[tuple[str, str | None], Reading] = {}
    fresh: dict[int, Reading] = {}
    for qid, _, _, text, verb, *_ in rows:
        if qid not in current:
            key = (text, verb)
            if key not in memo:
                memo[key] = read_statement(text, verb, analyse)
            fresh[qid] = memo[key]
    if fresh:
        stale = sorted(fresh)
        for chunk in chunks(stale):
            session.execute(delete(QuoteReading).where(QuoteReading.quote_id.in_(chunk)))
        session.execute(
            QUOTE_READINGS.insert(),
            [
                {
                    "quote_id": q,
                    "reader": READER_VERSION,
                    "stance": r.stance,
                    "cues": list(r.cues),
                    "topic": encode_topic(r),
                }
                for q, r in fresh.items()
            ],
        )
    stances: dict[int, Stance] = {q: r.stance for q, r in fresh.items()}
    known = set(stances)
    stances.update(
        {q: r.stance for q, r in stored_readings(session, [r[0] for r in rows if r[0] not in known]).items()}
    )
    by_article: dict[int, list[LinkQuote]] = {}
    speakers: dict[int, int | None] = {}
    for qid, aid, kind, text, verb, sid, who, role in rows:
        by_article.setdefault(aid, []).append(LinkQuote(qid, kind == "headline", text, verb, who, role))
        speakers[qid] = sid
    headline_ids = [q.id for qs in by_article.values() for q in qs if q.headline]
    for chunk in chunks(headline_ids):
        session.execute(delete(HeadlineLink).where(HeadlineLink.headline_quote_id.in_(chunk)))
    follow: dict[int, int] = {}
    link_rows = []
    for quotes in by_article.values():
        if not any(q.headline for q in quotes):
            continue
        for link in link_headlines(quotes, analyse):
            link_rows.append(
                {
                    "headline_quote_id": link.headline_id,
                    "segment_start": link.start,
                    "segment_end": link.end,
                    "body_quote_id": link.body_id,
                    "overlap": link.overlap,
                    "flags": link.flags,
                }
            )
            sid = speakers[link.headline_id]
            if link.headline_id not in follow and sid is not None and sid == speakers[link.body_id]:
                follow[link.headline_id] = link.body_id
    if link_rows:
        session.execute(HEADLINE_LINKS.insert(), link_rows)
    return Read(stances, follow, len(fresh))


def stored_follow(session: Session, quote_ids: Iterable[int]) -> dict[int, int]:
    """For these headline quotes: the body quote of the same speaker their first linked part condenses."""
    body = Quote.__table__.alias("body")
    stmt = (
        select(HeadlineLink.headline_quote_id, HeadlineLink.body_quote_id)
        .join(Quote, Quote.id == HeadlineLink.headline_quote_id)
        .join(body, body.c.id == HeadlineLink.body_quote_id)
        .where(body.c.speaker_id == Quote.speaker_id)
        .order_by(HeadlineLink.headline_quote_id, HeadlineLink.segment_start)
    )
    out: dict[int, int] = {}
    for h, b in select_in(session, stmt, HeadlineLink.headline_quote_id, sorted(set(quote_ids))):
        out.setdefault(h, b)
    return out


def _stale(speaker_ids: Sequence[int] | None, headlines_only: bool) -> Select[int]:
    stmt = (
        select(Quote.article_id)
        .outerjoin(QuoteReading, QuoteReading.quote_id == Quote.id)
        .where(or_(QuoteReading.quote_id.is_(None), QuoteReading.reader != READER_VERSION))
    )
    if speaker_ids is not None:
        stmt = stmt.where(Quote.speaker_id.in_(speaker_ids))
    if headlines_only:
        stmt = stmt.where(
            Quote.article_id.in_(select(Quote.article_id).where(Quote.kind == "headline").scalar_subquery())
        )
    return stmt


def count_unread(session: Session, speaker_ids: Sequence[int] | None, *, headlines_only: bool = False) -> int:
    """Quotes (of these speakers) whose reading is missing or made by older rules."""
    stmt = _stale(speaker_ids, headlines_only)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


ARTICLES_PER_STEP = 200


def ensure_readings(
    session: Session,
    speaker_ids: Sequence[int] | None = None,
    *,
    headlines_only: bool = False,
    analyse: Analyse | None = None,
) -> int:
    """Read the quotes (of these speakers; of articles with a headline quote) that lack a current
    reading, with the rest of their articles; returns how many quotes were read.

    The quotes read, and their articles' headline quotes, leave their claims: `ensure_claims`
    places them again with the new stance, headline quotes with the body quote they condense.
    """
    if speaker_ids is not None and not speaker_ids:
        return 0
    stmt = _stale(speaker_ids, headlines_only)
    articles = sorted(set(session.scalars(stmt.distinct())))
    if not articles:
        return 0
    log.info("reading the quotes of %d articles for stance and topic", len(articles))
    read = 0
    wanted = None if speaker_ids is None else set(speaker_ids)
    for chunk in chunks(articles, ARTICLES_PER_STEP):
        quotes = session.execute(select(Quote.id, Quote.speaker_id).where(Quote.article_id.in_(chunk))).all()
        result = read_quotes(session, [q for q, _ in quotes], analyse=analyse)
        read += result.fresh
        # the claims of those of the speakers asked about are placed again (ensure_claims)
        replace = [q for q, s in quotes if s is not None and (wanted is None or s in wanted)]
        for part in chunks(replace):
            session.execute(delete(ClaimQuote).where(ClaimQuote.quote_id.in_(part)))
            session.execute(delete(ClaimKey).where(ClaimKey.quote_id.in_(part)))
    return read


def links_of(session: Session, headline_ids: Sequence[int]) -> list[HeadlineLink]:
    """The stored links of these headline quotes, part by part."""
    stmt = select(HeadlineLink).order_by(HeadlineLink.headline_quote_id, HeadlineLink.segment_start)
    return [
        row[0] for row in select_in(session, stmt, HeadlineLink.headline_quote_id, sorted(set(headline_ids)))
    ]


@dataclass(frozen=True)
class HeadlineNote:
    """A headline quote part linked to a body quote of a claim, and what it changes."""

    quote_id: int
    text: str
    body_quote_id: int
    flags: tuple[dict[str, str], ...]


def headline_notes(session: Session, body_ids: Sequence[int]) -> dict[int, list[HeadlineNote]]:
    """The headline parts linked to each of these body quotes."""
    stmt = (
        select(
            HeadlineLink.body_quote_id,
            HeadlineLink.headline_quote_id,
            HeadlineLink.segment_start,
            HeadlineLink.segment_end,
            HeadlineLink.flags,
            Quote.text,
        )
        .join(Quote, Quote.id == HeadlineLink.headline_quote_id)
        .order_by(HeadlineLink.headline_quote_id, HeadlineLink.segment_start)
    )
    out: dict[int, list[HeadlineNote]] = {}
    for body, head, start, end, flags, text in select_in(session, stmt, HeadlineLink.body_quote_id, body_ids):
        out.setdefault(body, []).append(HeadlineNote(head, text[start:end], body, tuple(flags)))
    return out
