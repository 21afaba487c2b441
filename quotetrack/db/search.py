"""Reads: quotes by speaker, in the order they were said.  No NLP is imported here.

A speaker query matches by normalised substring (spaces, case and middle dots
ignored, LIKE wildcards taken literally) on canonical names and aliases, so
``푸틴`` finds 블라디미르 푸틴 and ``pu tin`` finds an alias "Putin".  Substring
scans are fine at the sizes of this slice; issue 6 adds full-text indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from quotetrack.db.schema import Article, Outlet, Quote, Speaker, SpeakerAlias
from quotetrack.errors import UsageError
from quotetrack.normalize import name_key


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
    outlet: str | None
    title: str | None
    published: datetime | None
    published_has_time: bool
    url: str | None
    source: str
    article_id: int


def speaker_query_key(query: str) -> str:
    """The lookup key for a user's speaker query; refuses queries with no letters in them."""
    key = name_key(query)
    if not key:
        raise UsageError(
            f"the speaker name {query!r} is empty", "pass a name or part of one, e.g. --speaker 푸틴"
        )
    return key


def matching_speakers(session: Session, query: str) -> list[Speaker]:
    """Speakers whose canonical name or an alias contains the query (normalised), by id."""
    stmt = select(Speaker).where(_speaker_matches(speaker_query_key(query))).order_by(Speaker.id)
    return list(session.scalars(stmt))


def search_quotes(
    session: Session, *, speaker: str | None = None, limit: int | None = None
) -> list[QuoteRow]:
    """Quotes, optionally of speakers matching `speaker`, ordered by date said then publication."""
    stmt = _base_query()
    if speaker is not None:
        stmt = stmt.where(_speaker_matches(speaker_query_key(speaker)))
    stmt = stmt.order_by(
        Quote.said_on.is_(None),
        Quote.said_on,
        Article.published.is_(None),
        Article.published,
        Article.id,
        case((Quote.field == "title", 0), else_=1),  # within an article: headline first, then by offset
        Quote.start_offset,
        Quote.position,
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [QuoteRow(*row) for row in session.execute(stmt)]


def _speaker_matches(key: str) -> ColumnElement[bool]:
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.contains(key, autoescape=True))
    return or_(Speaker.name_key.contains(key, autoescape=True), Speaker.id.in_(by_alias))


def _base_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Quote.id,
            Quote.said_on,
            func.coalesce(Speaker.name, Quote.speaker_text).label("speaker"),
            Quote.speaker_text,
            Quote.speaker_role,
            Quote.speaker_kind,
            Quote.kind,
            Quote.text,
            Quote.verb,
            Outlet.name.label("outlet"),
            Article.title,
            Article.published,
            Article.published_has_time,
            Article.url,
            Article.source,
            Article.id.label("article_id"),
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
    )
