"""Data derived from articles' quotes, kept in step in the write path: readings, claims, the text index.

`refresh_claims` is what the store calls after writing quotes (db/store.py:
save_articles), with the quotes of several articles at once, one group per
article: each quote is read for stance and topic and each headline quote linked
to the body quote it condenses (db/readings.py), then they are placed in claims
exactly as if each article had been stored in turn. When an article's old quotes
were replaced, their claim memberships went with them (ON DELETE CASCADE) and
the claims left empty are dropped, so the new quotes' claims are computed
afresh — except that a quote which kept its id and opens a claim again takes back
the claim it left, so claim ids hold through re-extraction too.
`sync_text_index` applies the pending full-text index changes (SQLite;
PostgreSQL's indexes maintain themselves) once per batch: nothing in the write
path reads the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from quotetrack.db import claims, fts, readings
from quotetrack.speakers.resolve import StoredQuote


def refresh_claims(
    session: Session,
    articles: Sequence[Sequence[StoredQuote]],
    *,
    replaced: bool = False,
    now: datetime | None = None,
) -> None:
    """Read the quotes just written and assign their claims, article after article (`replaced`:
    quotes were rewritten)."""
    read = readings.read_quotes(session, [q.id for quotes in articles for q in quotes])
    groups = [[(q.id, q.speaker_id, q.text, q.verb) for q in quotes] for quotes in articles]
    reopen = {q.id: q.previous_claim for quotes in articles for q in quotes if q.previous_claim is not None}
    claims.assign_groups(session, groups, now=now, stances=read.stances, follow=read.follow, reopen=reopen)
    if replaced:
        claims.drop_empty_claims(
            session, [q.speaker_id for g in articles for q in g if q.speaker_id is not None]
        )


def sync_text_index(session: Session) -> None:
    """Apply the full-text index changes the batch's quote writes queued (SQLite)."""
    fts.sync(session)
