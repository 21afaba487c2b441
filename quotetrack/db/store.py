"""Writes: turn a domain `Article` into rows.  Functions take a session and never commit.

The caller owns the transaction (``with transaction(engine) as session:``), so
one article is stored whole or not at all.

Quotes are written by ``speakers.write_quotes``, which resolves who said each
one (across articles, with curators' corrections re-applied) and keeps the
speakers' role history; see db/speakers.py for the policy.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db import speakers
from quotetrack.db.derived import refresh_article
from quotetrack.db.schema import NAME_LEN, URL_LEN, Article, Outlet, Quote
from quotetrack.errors import SourceError
from quotetrack.normalize import name_key, text_hash, url_key

log = logging.getLogger(__name__)

SaveOutcome = Literal["stored", "unchanged", "updated"]


@dataclass(frozen=True)
class SaveResult:
    """What `save_article` did with one article."""

    outcome: SaveOutcome
    article_id: int
    quotes: int
    """Quotes the article holds in the database after the save."""
    new_speakers: int


def article_text_hash(article: types.Article) -> str:
    """Hash of the article's normalised title and body (layout changes do not change it)."""
    return text_hash(article.title, article.body)


def raw_text_hash(raw: types.RawDocument) -> str:
    """Hash of the normalised raw text and the title a record gave: independent of the extractor."""
    return text_hash(str((raw.meta or {}).get("title") or ""), raw.text)


def article_key(article: types.Article, raw: types.RawDocument | None = None) -> str:
    """The article's identity: its URL when known, else the hash of its normalised raw text.

    Without the raw document (callers that only have an extracted article) the
    key falls back to the hash of the clean title and body, the scheme used
    before raw text was kept; `save_article` adopts such rows when it meets
    their raw text.
    """
    if article.url and article.url.strip():
        return "url:" + url_key(article.url)
    if raw is not None:
        return "raw:" + raw_text_hash(raw)
    return "sha256:" + article_text_hash(article)


def find_unchanged(session: Session, raw: types.RawDocument, extractor_version: str) -> SaveResult | None:
    """The stored article made from exactly this raw document by this extractor version, if any.

    Lets ingest skip extraction for articles already stored; None means extract and save.
    """
    digest = raw_text_hash(raw)
    key = "url:" + url_key(raw.url) if raw.url and raw.url.strip() else "raw:" + digest
    found = session.execute(
        select(Article.id).where(
            Article.key == key, Article.raw_hash == digest, Article.extractor_version == extractor_version
        )
    ).scalar_one_or_none()
    if found is None:
        return None
    count = session.scalar(select(func.count()).select_from(Quote).where(Quote.article_id == found))
    return SaveResult("unchanged", found, count or 0, 0)


def save_article(
    session: Session,
    article: types.Article,
    *,
    raw: types.RawDocument | None = None,
    extra: Mapping[str, object] | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> SaveResult:
    """Store an article and its quotes, or replace the stored copy if its text or extraction changed.

    `raw` is the document the article was extracted from; it is kept for
    `reprocess` and identifies an article without a URL.  `extra` holds a
    record's fields that have no column.  `force` rewrites the article and its
    quotes even when nothing changed.
    """
    if article.url and len(article.url.strip()) > URL_LEN:
        raise SourceError(f"the article URL is longer than {URL_LEN} characters", "check the URL field")
    now = now or datetime.now(UTC)
    key = article_key(article, raw)
    digest = article_text_hash(article)
    row = session.scalars(select(Article).where(Article.key == key)).one_or_none()
    if row is None and key.startswith("raw:"):
        row = _legacy_row(session, digest)
        if row is not None:
            row.key = key
    same = row is not None and row.text_hash == digest and row.extractor_version == article.extractor_version
    if row is not None and same and not force:
        if raw is not None:
            _keep_raw(row, raw, extra)  # same article and quotes; refresh what reprocess needs
        count = session.scalar(select(func.count()).select_from(Quote).where(Quote.article_id == row.id))
        return SaveResult("unchanged", row.id, count or 0, 0)

    outcome: SaveOutcome = "stored" if row is None else "updated"
    outlet = get_or_create_outlet(session, article.outlet)
    dropped = None
    if row is None:
        row = Article(key=key, ingested_at=now)
    else:
        dropped = speakers.drop_quotes(session, row.id)
        row.updated_at = now
    row.url = article.url.strip() if article.url else None
    row.text_hash = digest
    row.source = article.source
    row.title = article.title
    row.published = article.published
    row.published_has_time = article.published_has_time
    row.outlet = outlet
    row.byline = article.byline
    row.dateline = article.dateline
    row.body = article.body
    row.deck_end = article.deck_end
    row.extractor_version = article.extractor_version
    if raw is not None:
        _keep_raw(row, raw, extra)
    session.add(row)
    session.flush()

    written = speakers.write_quotes(session, row, article.quotes, dropped=dropped, now=now)
    refresh_article(session, row.id, replaced=outcome == "updated", now=now)  # text index, claims
    log.debug("%s article %s (%s): %d quotes", outcome, row.id, article.source, written.quotes)
    return SaveResult(outcome, row.id, written.quotes, written.new_speakers)


def _legacy_row(session: Session, digest: str) -> Article | None:
    """An article stored before raw text was kept, keyed by its clean text hash."""
    stmt = select(Article).where(Article.key == "sha256:" + digest, Article.raw_hash.is_(None))
    return session.scalars(stmt).one_or_none()


def _keep_raw(row: Article, raw: types.RawDocument, extra: Mapping[str, object] | None) -> None:
    row.raw_text = raw.text
    row.raw_format = raw.fmt
    row.raw_meta = {str(k): str(v) for k, v in (raw.meta or {}).items()} or None
    row.raw_hash = raw_text_hash(raw)
    if extra is not None:
        row.extra = dict(extra) or None


def get_or_create_outlet(session: Session, name: str | None) -> Outlet | None:
    """The outlet with this name (ignoring spacing and case), created if new; None for no usable name."""
    if not name or not name.strip():
        return None
    name = name.strip()
    key = name_key(name)
    if not key or len(key) > NAME_LEN or len(name) > NAME_LEN:
        log.warning("outlet name %.40r… is too long to be a name; not stored", name)
        return None
    outlet = session.scalars(select(Outlet).where(Outlet.name_key == key)).one_or_none()
    if outlet is None:
        outlet = Outlet(name=name, name_key=key)
        session.add(outlet)
        session.flush()
    return outlet
