"""Claims in the database: assigning quotes to claims as they are stored, and reading them back.

Each quote with a speaker belongs to one claim of that speaker (schema.Claim,
ClaimQuote).  `assign_quotes` places new quotes: it looks up near-duplicate
candidates of the same speaker through their sketch keys (schema.ClaimKey,
analysis/claims.py), compares them precisely, and joins the best one's claim or
opens a new claim.  Memberships and keys go with their quotes (ON DELETE
CASCADE), so replacing an article's quotes and assigning the new ones
recomputes its claims; `ensure_claims` catches up quotes that never went
through the write path (databases migrated from before claims, reassigned
speakers).  Functions take a session and never commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, delete, exists, insert, or_, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from quotetrack.analysis.claims import Fingerprint, fingerprint, same_claim, wording_match
from quotetrack.analysis.stance import read_stance
from quotetrack.analysis.text import signature
from quotetrack.db.schema import Article, Claim, ClaimKey, ClaimQuote, Outlet, Quote

log = logging.getLogger(__name__)

MAX_CANDIDATES = 12
"""Most similar-looking stored quotes compared precisely per new quote (by shared keys)."""


def assign_quotes(session: Session, quote_ids: Sequence[int], *, now: datetime | None = None) -> int:
    """Give each of these quotes (that has a speaker) its claim; returns how many claims were opened.

    Quotes are placed in id order; each is compared with the stored quotes its sketch keys
    point to and with the quotes placed before it in this call, so reports of one statement
    arriving together still become one claim.  Writes happen in three bulk statements.
    """
    if not quote_ids:
        return 0
    now = now or datetime.now(UTC)
    conn = session.connection()
    rows = conn.execute(
        select(Quote.id, Quote.speaker_id, Quote.text, Quote.verb)
        .where(Quote.id.in_(quote_ids), Quote.speaker_id.is_not(None))
        .order_by(Quote.id)
    ).all()
    placed: dict[tuple[int, int], list[tuple[int, Fingerprint, int]]] = {}  # (speaker, key): quotes
    claim_refs: list[int] = []  # ref >= 0: a stored claim id; ref < 0: -1 - index into new_claims
    new_claims: list[int] = []  # speaker ids of claims to open
    fingerprints: list[Fingerprint] = []
    for quote_id, speaker_id, text, verb in rows:
        assert speaker_id is not None
        fp = fingerprint(text, verb)
        best = _best_stored(session, quote_id, speaker_id, fp)
        nearby = {e[0]: e for k in fp.keys for e in placed.get((speaker_id, k), [])}
        for other_id, other, ref in nearby.values():
            score = same_claim(fp, other)
            if score is not None and (best is None or (score, -other_id) > (best[0], -best[1])):
                best = (score, other_id, ref)
        if best is None:
            new_claims.append(speaker_id)
            ref = -len(new_claims)
        else:
            ref = best[2]
        for k in fp.keys:
            placed.setdefault((speaker_id, k), []).append((quote_id, fp, ref))
        claim_refs.append(ref)
        fingerprints.append(fp)
    opened: list[int] = []
    if new_claims:
        opened = list(
            conn.execute(
                insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
                [{"speaker_id": sid, "created_at": now} for sid in new_claims],
            ).scalars()
        )
    members: list[dict[str, int]] = []
    keys: list[dict[str, int]] = []
    for (quote_id, speaker_id, _, _), ref, fp in zip(rows, claim_refs, fingerprints, strict=True):
        assert speaker_id is not None
        claim_id = ref if ref >= 0 else opened[-1 - ref]
        members.append({"quote_id": quote_id, "claim_id": claim_id, "speaker_id": speaker_id})
        keys.extend({"speaker_id": speaker_id, "key": k, "quote_id": quote_id} for k in fp.keys)
    if members:
        conn.execute(insert(ClaimQuote), members)
    if keys:
        conn.execute(insert(ClaimKey), keys)
    return len(new_claims)


_CANDIDATES = sql(
    "SELECT q.id, q.text, q.verb, m.claim_id FROM ("
    " SELECT quote_id, count(*) AS shared FROM claim_keys"
    " WHERE speaker_id = :speaker AND key IN :keys AND quote_id != :quote"
    " GROUP BY quote_id ORDER BY shared DESC, quote_id LIMIT :n) AS c"
    " JOIN quotes AS q ON q.id = c.quote_id"
    " JOIN claim_quotes AS m ON m.quote_id = q.id AND m.speaker_id = :speaker"
).bindparams(bindparam("keys", expanding=True))
"""Stored quotes of one speaker sharing sketch keys with a new quote, most keys first.  Plain SQL
built once: this runs for every stored quote, and building the statement would cost more than
running it."""


def _best_stored(
    session: Session, quote_id: int, speaker_id: int, fp: Fingerprint
) -> tuple[float, int, int] | None:
    """(overlap, quote id, claim id) of the stored quote of this speaker most like `fp`, if any is."""
    if not fp.keys:
        return None
    rows = session.connection().execute(
        _CANDIDATES, {"speaker": speaker_id, "keys": list(fp.keys), "quote": quote_id, "n": MAX_CANDIDATES}
    )
    best: tuple[float, int, int] | None = None
    for other_id, text, verb, claim_id in rows:
        score = wording_match(fp.grams, signature(text))
        if score is None or (best is not None and (score, -other_id) <= (best[0], -best[1])):
            continue
        if read_stance(text, verb).stance == fp.stance:
            best = (score, other_id, claim_id)
    return best


def drop_empty_claims(session: Session, speaker_ids: Iterable[int]) -> int:
    """Delete these speakers' claims that no longer hold any quote (after quotes were replaced)."""
    ids = sorted(set(speaker_ids))
    if not ids:
        return 0
    members = select(ClaimQuote.quote_id).where(ClaimQuote.claim_id == Claim.id)
    result = session.execute(delete(Claim).where(Claim.speaker_id.in_(ids), ~exists(members)))
    return int(getattr(result, "rowcount", 0) or 0)


def ensure_claims(session: Session, speaker_ids: Iterable[int] | None = None) -> int:
    """Assign claims to quotes that lack one or whose speaker changed since; returns quotes placed.

    Limited to `speaker_ids` when given (the speakers a command is about), else every speaker.
    """
    stale = (
        select(Quote.id)
        .outerjoin(ClaimQuote, ClaimQuote.quote_id == Quote.id)
        .where(
            Quote.speaker_id.is_not(None),
            or_(ClaimQuote.quote_id.is_(None), ClaimQuote.speaker_id != Quote.speaker_id),
        )
    )
    ids = None if speaker_ids is None else sorted(set(speaker_ids))
    if ids is not None:
        if not ids:
            return 0
        stale = stale.where(Quote.speaker_id.in_(ids))
    quote_ids = list(session.scalars(stale.order_by(Quote.id)))
    if not quote_ids:
        return 0
    log.info("assigning claims to %d quotes", len(quote_ids))
    for chunk in _chunks(quote_ids, 500):
        session.execute(delete(ClaimQuote).where(ClaimQuote.quote_id.in_(chunk)))
        session.execute(delete(ClaimKey).where(ClaimKey.quote_id.in_(chunk)))
        assign_quotes(session, chunk)
    touched = session.scalars(select(Quote.speaker_id).where(Quote.id.in_(quote_ids[:1000])).distinct())
    drop_empty_claims(session, [s for s in touched if s is not None])
    return len(quote_ids)


@dataclass(frozen=True)
class ClaimSummary:
    """One claim as `quotetrack claims` lists it."""

    claim_id: int
    speaker: str
    text: str
    """The fullest report of the statement (the longest quote)."""
    first_said: date | None
    last_said: date | None
    reports: int
    """Articles that carried it."""
    outlets: int
    days: int
    quote_ids: tuple[int, ...]


def claim_summaries(
    session: Session, speaker_ids: Sequence[int], quote_ids: Sequence[int] | None = None
) -> list[ClaimSummary]:
    """The claims of these speakers (only those holding one of `quote_ids` if given), most reported first."""
    stmt = (
        select(
            ClaimQuote.claim_id,
            Quote.id,
            Quote.text,
            Quote.said_on,
            Quote.article_id,
            Outlet.name,
            Claim.speaker_id,
        )
        .join(Quote, Quote.id == ClaimQuote.quote_id)
        .join(Claim, Claim.id == ClaimQuote.claim_id)
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Quote.speaker_id.in_(speaker_ids), ClaimQuote.speaker_id == Quote.speaker_id)
    )
    if quote_ids is not None:
        wanted = select(ClaimQuote.claim_id).where(ClaimQuote.quote_id.in_(quote_ids))
        stmt = stmt.where(ClaimQuote.claim_id.in_(wanted))
    from quotetrack.db.schema import Speaker

    names = dict(session.execute(select(Speaker.id, Speaker.name).where(Speaker.id.in_(speaker_ids))).all())
    groups: dict[int, list[tuple[int, str, date | None, int, str | None, int]]] = {}
    for claim_id, qid, text, said_on, article_id, outlet, speaker_id in session.execute(stmt):
        groups.setdefault(claim_id, []).append((qid, text, said_on, article_id, outlet, speaker_id))
    out = []
    for claim_id, members in groups.items():
        days = [m[2] for m in members if m[2] is not None]
        out.append(
            ClaimSummary(
                claim_id=claim_id,
                speaker=names.get(members[0][5], ""),
                text=max((m[1] for m in members), key=len),
                first_said=min(days) if days else None,
                last_said=max(days) if days else None,
                reports=len({m[3] for m in members}),
                outlets=len({m[4] for m in members if m[4]}),
                days=len(set(days)),
                quote_ids=tuple(sorted(m[0] for m in members)),
            )
        )
    out.sort(key=lambda c: (-c.reports, c.first_said or date.max, c.claim_id))
    return out


def claim_of(session: Session, quote_id: int) -> int | None:
    """The claim a quote belongs to, if any."""
    return session.scalar(select(ClaimQuote.claim_id).where(ClaimQuote.quote_id == quote_id))


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
