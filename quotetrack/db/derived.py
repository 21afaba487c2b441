"""Data derived from an article's quotes, kept in step in the write path: text index and claims.

`refresh_article` is the one call the store makes after writing an article's
quotes (db/store.py: save_article).  It applies pending full-text index
changes (SQLite; PostgreSQL's indexes maintain themselves) and assigns the
article's quotes to claims.  When the article's old quotes were replaced, their
claim memberships went with them (ON DELETE CASCADE) and the claims left empty
are dropped, so the new quotes' claims are computed afresh.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotetrack.db import claims, fts
from quotetrack.db.schema import Quote


def refresh_article(
    session: Session, article_id: int, *, replaced: bool = False, now: datetime | None = None
) -> None:
    """Update the text index and claims after an article's quotes were written (or rewritten)."""
    fts.sync(session)
    rows = session.execute(select(Quote.id, Quote.speaker_id).where(Quote.article_id == article_id)).all()
    claims.assign_quotes(session, [qid for qid, _ in rows], now=now)
    if replaced:
        claims.drop_empty_claims(session, [sid for _, sid in rows if sid is not None])
