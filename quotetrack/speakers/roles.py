"""The speakers' role history: each role printed with a speaker, its first and last day and quote count.

Kept in step with the quotes by `speakers.resolve.write_quotes` (incrementally: a
role's days are recounted from the quotes only when a deleted quote held its
first or last day) and rebuilt by `refresh_roles` after a merge or a
reassignment.  Roles are keyed by `names.role_key` (일 외무상 = 일본 외상).
Functions take a session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from quotetrack.db.bulk import select_in
from quotetrack.db.schema import NAME_LEN, SPEAKER_ROLES, Article, Quote, SpeakerRole
from quotetrack.speakers.names import role_key
from quotetrack.types import effective_date, published_day

_role_key = lru_cache(maxsize=4096)(role_key)
"""`role_key`, remembered: a write batch folds thousands of quotes printed with a few hundred roles."""


def seen_day(said_on: date | None, published: datetime | None) -> date | None:
    """The day a statement was seen: when it was said, else the article's publication day in Korea."""
    return effective_date(said_on, published_day(published))[0]


def update_role_history(
    session: Session,
    added: Iterable[tuple[int, str | None, date | None]],
    removed: Iterable[tuple[int, str | None, date | None]] = (),
) -> None:
    """Fold quotes added and removed into the speakers' role history (role, first/last day, count).

    Any number of speakers and quotes in one call (a whole write batch): one query reads the
    rows concerned, and inserts, updates and deletes go out as one bulk statement each.
    """
    delta: dict[tuple[int, str], _Delta] = {}
    for sign, seen in ((1, added), (-1, removed)):
        for sid, role, day in seen:
            key = _role_key(role)
            if not role or not key or len(key) > NAME_LEN or len(role.strip()) > NAME_LEN:
                continue
            d = delta.setdefault((sid, key), _Delta(role.strip()))
            d.count += sign
            (d.added if sign > 0 else d.removed).append(day)
    if not delta:
        return
    sids = sorted({sid for sid, _ in delta})
    rows: dict[tuple[int, str], _Row] = {}
    stmt = select(
        SpeakerRole.id,
        SpeakerRole.speaker_id,
        SpeakerRole.role_key,
        SpeakerRole.quotes,
        SpeakerRole.first_seen,
        SpeakerRole.last_seen,
    )
    for rid, sid, key, quotes, first, last in select_in(session, stmt, SpeakerRole.speaker_id, sids):
        rows[(sid, key)] = _Row(rid, sid, quotes, first, last)
    inserts: list[dict[str, object]] = []
    changed: list[_Row] = []
    gone: list[int] = []
    recount: list[tuple[_Row, str]] = []
    for (sid, key), d in delta.items():
        row = rows.get((sid, key))
        days = [day for day in d.added if day is not None]
        if row is None:
            if d.count > 0:
                inserts.append(
                    {
                        "speaker_id": sid,
                        "role": d.role,
                        "role_key": key,
                        "quotes": d.count,
                        "first_seen": min(days, default=None),
                        "last_seen": max(days, default=None),
                    }
                )
            continue
        row.quotes += d.count
        if row.quotes <= 0:
            gone.append(row.id)
        elif any(day is not None and day in (row.first_seen, row.last_seen) for day in d.removed):
            recount.append((row, key))
        else:
            row.first_seen = min([*days, *([row.first_seen] if row.first_seen else [])], default=None)
            row.last_seen = max([*days, *([row.last_seen] if row.last_seen else [])], default=None)
            changed.append(row)
    for row, key in recount:  # a deleted quote held the first or last day: count again from the quotes
        days, count = [], 0
        for role, day in _speaker_seen(session, row.speaker_id):
            if role_key(role) == key:
                count += 1
                if day is not None:
                    days.append(day)
        row.quotes, row.first_seen, row.last_seen = count, min(days, default=None), max(days, default=None)
        changed.append(row)
    if gone:
        session.execute(delete(SPEAKER_ROLES).where(SPEAKER_ROLES.c.id.in_(gone)))
    if changed:
        session.execute(
            update(SPEAKER_ROLES)
            .where(SPEAKER_ROLES.c.id == bindparam("rid"))
            .values(quotes=bindparam("n"), first_seen=bindparam("first"), last_seen=bindparam("last")),
            [{"rid": r.id, "n": r.quotes, "first": r.first_seen, "last": r.last_seen} for r in changed],
        )
    if inserts:
        session.execute(SPEAKER_ROLES.insert(), inserts)


@dataclass
class _Delta:
    role: str
    count: int = 0
    added: list[date | None] = field(default_factory=list)
    removed: list[date | None] = field(default_factory=list)


@dataclass
class _Row:
    """A role-history row as read: what the update needs of it."""

    id: int
    speaker_id: int
    quotes: int
    first_seen: date | None
    last_seen: date | None


def _speaker_seen(session: Session, speaker_id: int) -> list[tuple[str | None, date | None]]:
    rows = session.execute(
        select(Quote.speaker_role, Quote.said_on, Article.published)
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.speaker_id == speaker_id)
    ).all()
    return [(role, seen_day(said, published)) for role, said, published in rows]


def refresh_roles(session: Session, speaker_ids: Iterable[int]) -> None:
    """Rebuild the role history of these speakers from their quotes (after a merge or reassignment)."""
    ids = sorted(set(speaker_ids))
    if not ids:
        return
    session.flush()
    session.execute(delete(SpeakerRole).where(SpeakerRole.speaker_id.in_(ids)))
    for sid in ids:
        update_role_history(session, [(sid, role, day) for role, day in _speaker_seen(session, sid)])
