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

import heapq
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, Connection, delete, exists, or_, select
from sqlalchemy.orm import Session

from quotetrack.analysis.claims import Fingerprint, fingerprint, same_claim, wording_match
from quotetrack.analysis.stance import Stance
from quotetrack.analysis.text import signature
from quotetrack.db.bulk import chunks, insert_rows, select_in
from quotetrack.db.readings import HeadlineNote, headline_notes, stored_follow
from quotetrack.db.schema import (
    CLAIMS,
    Article,
    Claim,
    ClaimKey,
    ClaimQuote,
    Outlet,
    Quote,
    QuoteReading,
    Speaker,
)

log = logging.getLogger(__name__)

MAX_CANDIDATES = 12
"""Most similar-looking stored quotes compared precisely per new quote (by shared keys)."""


QuoteRow = tuple[int, int | None, str, str | None]
"""A quote to place: id, speaker id, text, verb."""


def assign_quotes(session: Session, quote_ids: Sequence[int], *, now: datetime | None = None) -> int:
    """Give each of these quotes (that has a speaker) its claim; returns how many claims were opened.

    Quotes are placed in id order; each is compared with the stored quotes its sketch keys
    point to and with the quotes placed before it in this call, so reports of one statement
    arriving together still become one claim.
    """
    if not quote_ids:
        return 0
    stmt = select(Quote.id, Quote.speaker_id, Quote.text, Quote.verb).where(Quote.speaker_id.is_not(None))
    rows: list[QuoteRow] = [
        (qid, sid, text, verb)
        for qid, sid, text, verb in select_in(session, stmt, Quote.id, sorted(set(quote_ids)))
    ]
    follow = stored_follow(session, [r[0] for r in rows])
    return assign_groups(session, [rows], now=now, follow=follow)


def assign_groups(
    session: Session,
    groups: Sequence[Sequence[QuoteRow]],
    *,
    now: datetime | None = None,
    stances: Mapping[int, Stance] | None = None,
    follow: Mapping[int, int] | None = None,
    reopen: Mapping[int, int] | None = None,
) -> int:
    """Place the quotes of several articles, one group per article, in order; returns claims opened.

    The outcome is that of one `assign_quotes` call per group, each after the previous group's
    claims were stored: a quote is compared with the stored quotes and the earlier groups'
    quotes its sketch keys point to (ranked together by keys shared, at most `MAX_CANDIDATES`),
    and with the quotes placed before it in its own group that share most keys with it (at most
    `MAX_CANDIDATES` too, so storing an article is linear in its quotes: `_place`, `_nearby`).
    Reads take a few queries for the whole batch (`_stored_ranking`, `_stored_candidates`),
    writes three bulk statements.

    News repeats statements: one batch may hold dozens of reports of one quote, each with the
    same sketch keys.  So the earlier groups' quotes are kept by key set (`_BatchIndex`) and
    each key set is counted once per quote, not each of its reports, and a comparison of two
    wordings is made once per pair of distinct (text, verb), not per pair of reports.

    `stances` gives quotes' stances (db/readings.py; read from the stored readings when not
    given).  `follow` maps a headline quote to the body quote of its article it condenses: it
    joins that quote's claim (placed in this call or stored) rather than being matched by wording.
    `reopen` maps a quote whose article was rewritten to the claim it was in before: a quote that
    matches no other opens that claim again rather than a new one, when it is of the same speaker
    and holds no quote any more (claim ids are kept through re-extraction, schema.Claim.id).
    """
    now = now or datetime.now(UTC)
    follow = follow or {}
    ordered: list[list[tuple[int, int, str, str | None]]] = [
        sorted(
            ((q, s, t, v) for q, s, t, v in g if s is not None), key=lambda r: (r[0] in follow, r[0])
        )  # a headline quote after the body quote it condenses
        for g in groups
    ]
    known = _stances(session, [r for g in ordered for r in g], stances or {})
    memo: dict[tuple[str, str | None, Stance | None], Fingerprint] = {}  # many reports: read once
    fps = {r[0]: _memo_fingerprint(memo, r[2], r[3], known.get(r[0])) for g in ordered for r in g}
    placed_before = {q: c for q, c in _stored_claims(session, [b for b in follow.values() if b not in fps])}
    reusable = _empty_claims(session, sorted(set((reopen or {}).values())))
    stored_top = _stored_ranking(session, [(sid, fps[qid].keys) for g in ordered for qid, sid, _, _ in g])
    # each quote's candidates: the stored quotes and earlier groups' quotes sharing most keys, then oldest
    earlier = _BatchIndex()
    tops: dict[int, list[int]] = {}
    for group in ordered:
        for qid, sid, _, _ in group:
            # the quotes of this call have no stored keys yet (written below): none is its own candidate
            sketch = fps[qid].keys
            ranked = stored_top.get((sid, sketch), [])
            ranked = ranked + earlier.sharing(sid, sketch) if earlier else ranked
            tops[qid] = [o for o, _ in heapq.nsmallest(MAX_CANDIDATES, ranked, key=_by_shared_then_oldest)]
        for qid, sid, _, _ in group:
            earlier.add(qid, sid, fps[qid].keys)
    stored = _stored_candidates(session, {o for top in tops.values() for o in top if o not in fps})

    claim_refs: dict[int, int] = {}  # ref >= 0: a stored claim id; ref < 0: -1 - index into new_claims
    new_claims: list[int] = []  # speaker ids of claims to open
    # comparisons by (id(fingerprint), id(fingerprint or wording)): both live until the call returns
    same: dict[tuple[int, int], float | None] = {}
    matches: dict[tuple[int, int], float | None] = {}
    for group in ordered:
        placed: _Placed = {}
        for qid, sid, _, _ in group:
            fp = fps[qid]
            target = follow.get(qid)
            if target is not None and (target in claim_refs or target in placed_before):
                ref = claim_refs[target] if target in claim_refs else placed_before[target]
                _place(placed, sid, fp.keys, (qid, fp, ref))
                claim_refs[qid] = ref
                continue
            best: tuple[float, int, int] | None = None
            for other_id in tops[qid]:
                other_fp = fps.get(other_id)
                if other_fp is not None:  # an earlier group's quote: stored by now, in the sequential order
                    pair = (id(fp), id(other_fp))
                    if pair not in same:
                        same[pair] = same_claim(fp, other_fp)
                    score, ref = same[pair], claim_refs[other_id]
                else:
                    cand = stored.get(other_id)
                    if cand is None or cand.speaker_id != sid:
                        continue
                    pair = (id(fp), id(cand.wording))
                    if pair not in matches:
                        matches[pair] = cand.wording.match(fp)
                    score, ref = matches[pair], cand.claim_id
                if score is not None and (best is None or (score, -other_id) > (best[0], -best[1])):
                    best = (score, other_id, ref)
            for other_id, other, ref in _nearby(placed, sid, fp.keys):
                score = same_claim(fp, other)
                if score is not None and (best is None or (score, -other_id) > (best[0], -best[1])):
                    best = (score, other_id, ref)
            if best is None:
                old = (reopen or {}).get(qid)
                if old is not None and reusable.get(old) == sid:
                    del reusable[old]  # taken back once; a second quote matching none opens a new one
                    ref = old
                else:
                    new_claims.append(sid)
                    ref = -len(new_claims)
            else:
                ref = best[2]
            _place(placed, sid, fp.keys, (qid, fp, ref))
            claim_refs[qid] = ref
    opened = insert_rows(session, CLAIMS, ("speaker_id", "created_at"), [(sid, now) for sid in new_claims])
    claim_ids = {qid: ref if ref >= 0 else opened[-1 - ref] for qid, ref in claim_refs.items()}
    members = [(qid, claim_ids[qid], sid) for qid, sid, _, _ in _in_order(ordered)]
    keys = [(sid, k, qid) for qid, sid, _, _ in _in_order(ordered) for k in fps[qid].keys]
    # plain integer rows, tens of thousands a batch: straight to the driver, no per-row processing
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if members:
        conn.exec_driver_sql(
            f"INSERT INTO claim_quotes (quote_id, claim_id, speaker_id) VALUES ({mark}, {mark}, {mark})",
            members,
        )
    if keys:
        conn.exec_driver_sql(
            f'INSERT INTO claim_keys (speaker_id, "key", quote_id) VALUES ({mark}, {mark}, {mark})', keys
        )
    return len(new_claims)


_Placed = dict[tuple[int, int], list[tuple[int, Fingerprint, int]]]
"""The quotes of one group placed so far, by (speaker, sketch key): (quote id, fingerprint, claim ref)."""


def _place(placed: _Placed, sid: int, keys: tuple[int, ...], entry: tuple[int, Fingerprint, int]) -> None:
    """Remember a placed quote under each of its keys, the first `MAX_CANDIDATES` per key only.

    Within one article, as across articles, a quote is compared with a bounded number of others:
    an article of thousands of one speaker's quotes sharing a key (a long interview) made storing
    it quadratic (200,000 characters took ~28 s).  The first quotes holding a key are the oldest,
    which is whom the across-article ranking prefers too; a statement repeated in the article
    still finds its first reports."""
    for k in keys:
        bucket = placed.setdefault((sid, k), [])
        if len(bucket) < MAX_CANDIDATES:
            bucket.append(entry)


def _nearby(placed: _Placed, sid: int, keys: tuple[int, ...]) -> list[tuple[int, Fingerprint, int]]:
    """The placed quotes of this speaker sharing most of these keys (then the oldest), at most
    `MAX_CANDIDATES`: the within-article candidates, ranked as the across-article ones are."""
    shared: dict[int, int] = {}
    entries: dict[int, tuple[int, Fingerprint, int]] = {}
    for k in keys:
        for e in placed.get((sid, k), ()):
            shared[e[0]] = shared.get(e[0], 0) + 1
            entries[e[0]] = e
    top = heapq.nsmallest(MAX_CANDIDATES, shared.items(), key=_by_shared_then_oldest)
    return [entries[q] for q, _ in top]


def _in_order(
    groups: list[list[tuple[int, int, str, str | None]]],
) -> Iterator[tuple[int, int, str, str | None]]:
    """The quotes of all groups, in the order they were placed."""
    for group in groups:
        yield from group


def _by_shared_then_oldest(entry: tuple[int, int]) -> tuple[int, int]:
    """Candidate order: most keys shared first, then the oldest quote (smallest id)."""
    return -entry[1], entry[0]


class _BatchIndex:
    """The quotes of earlier groups of one `assign_groups` call, by speaker and sketch key set.

    Reports of one statement share their key set, so a quote's candidates among them are
    found per distinct key set: the keys it shares with that set, and its `MAX_CANDIDATES`
    oldest quotes (no other quote of the set can rank before them).
    """

    def __init__(self) -> None:
        self._sets: dict[tuple[int, int], list[tuple[int, ...]]] = {}  # (speaker, key): key sets
        self._quotes: dict[tuple[int, tuple[int, ...]], list[int]] = {}  # (speaker, key set): quote ids
        self._unsorted: set[tuple[int, tuple[int, ...]]] = set()

    def __bool__(self) -> bool:
        return bool(self._quotes)

    def add(self, qid: int, sid: int, keys: tuple[int, ...]) -> None:
        quotes = self._quotes.get((sid, keys))
        if quotes is None:
            self._quotes[(sid, keys)] = [qid]
            for k in keys:
                self._sets.setdefault((sid, k), []).append(keys)
            return
        if qid < quotes[-1]:
            self._unsorted.add((sid, keys))
        quotes.append(qid)

    def sharing(self, sid: int, keys: tuple[int, ...]) -> list[tuple[int, int]]:
        """(quote id, keys shared) of the earlier quotes of this speaker sharing a key, at most
        `MAX_CANDIDATES` per key set."""
        out: list[tuple[int, int]] = []
        seen: set[tuple[int, ...]] = set()
        wanted = set(keys)
        for k in keys:
            for other in self._sets.get((sid, k), ()):
                if other in seen:
                    continue
                seen.add(other)
                shared = len(wanted.intersection(other))
                quotes = self._quotes[(sid, other)]
                if (sid, other) in self._unsorted:
                    oldest = heapq.nsmallest(MAX_CANDIDATES, quotes)
                else:
                    oldest = quotes[:MAX_CANDIDATES]
                out += [(o, shared) for o in oldest]
        return out


def _memo_fingerprint(
    memo: dict[tuple[str, str | None, Stance | None], Fingerprint],
    text: str,
    verb: str | None,
    stance: Stance | None,
) -> Fingerprint:
    fp = memo.get((text, verb, stance))
    if fp is None:
        fp = memo[(text, verb, stance)] = fingerprint(text, stance)
    return fp


def _stances(
    session: Session, rows: Sequence[tuple[int, int, str, str | None]], given: Mapping[int, Stance]
) -> dict[int, Stance | None]:
    """Each quote's stance: given, else stored (db/readings.py), else read now."""
    out: dict[int, Stance | None] = {q: given[q] for q, *_ in rows if q in given}
    missing = [q for q, *_ in rows if q not in out]
    if missing:
        stmt = select(QuoteReading.quote_id, QuoteReading.stance)
        out.update(dict(select_in(session, stmt, QuoteReading.quote_id, missing)))
    for q, _, text, verb in rows:
        if q not in out:
            out[q] = _read_stance(text, verb)
    return out


def _read_stance(text: str, verb: str | None) -> Stance:
    """The stance of a quote no reading was stored for (loads the morphology model)."""
    from quotetrack.analysis.reading import read_statement

    return read_statement(text, verb).stance


def _stored_claims(session: Session, quote_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(quote id, claim id) of these stored quotes that have a claim."""
    stmt = select(ClaimQuote.quote_id, ClaimQuote.claim_id)
    return [(q, c) for q, c in select_in(session, stmt, ClaimQuote.quote_id, sorted(set(quote_ids)))]


def _empty_claims(session: Session, claim_ids: Sequence[int]) -> dict[int, int]:
    """These claims that hold no quote (now), with their speakers."""
    if not claim_ids:
        return {}
    members = select(ClaimQuote.quote_id).where(ClaimQuote.claim_id == Claim.id)
    stmt = select(Claim.id, Claim.speaker_id).where(~exists(members))
    return {c: s for c, s in select_in(session, stmt, Claim.id, claim_ids)}


_RANKING_BATCH = 2500
"""Most (quote, speaker, key) rows in one ranking query (three parameters each)."""


def _stored_ranking(
    session: Session, wanted: Sequence[tuple[int, tuple[int, ...]]]
) -> dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]]:
    """For each (speaker, keys): the stored quotes of that speaker sharing most of the keys (at most
    `MAX_CANDIDATES`, ties to the oldest), as (quote id, keys shared).

    Reports of one statement have the same keys, so each distinct (speaker, keys) is asked once.
    No stored quote can share more than all the keys, so when at least `MAX_CANDIDATES` hold all
    of them (a statement reported again and again), the oldest of those are the answer, found
    without counting the others (`_ranking_by_all_keys`); the rest are counted and ranked
    (`_ranking_by_count`).  Counting grows with the reports stored: on SQLite, 6,000 articles
    whose statements were each reported three times, it went from 0.13 to 0.4–0.9 ms an article
    as they were stored, and stays at 0.05 ms with the first step.  PostgreSQL takes only the
    second step: it costs the first's correlated lookups high enough to compile the statement
    (JIT), which made it 2–3× slower there.
    """
    conn = session.connection()
    distinct = list(dict.fromkeys(w for w in wanted if w[1]))
    out = _ranking_by_all_keys(conn, distinct) if conn.dialect.name == "sqlite" else {}
    out.update(_ranking_by_count(conn, [w for w in distinct if w not in out]))
    return out


def _ranking_by_all_keys(
    conn: Connection, wanted: Sequence[tuple[int, tuple[int, ...]]]
) -> dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]]:
    """The (speaker, keys) of `wanted` that `MAX_CANDIDATES` stored quotes share every key with, and
    those quotes (the oldest such).

    Walks the first key's index entries of the speaker in quote id order, keeping the quotes that
    hold every other key, and stops at the `MAX_CANDIDATES`-th: its cost does not grow with the
    reports of the statement already stored, as counting every quote sharing a key does.
    """
    out: dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]] = {}
    if not wanted:
        return out
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    width = max(len(keys) for _, keys in wanted)
    per_row = 2 + width
    names = ", ".join(["q", "s", *(f"k{i}" for i in range(1, width + 1))])
    value = "(" + ", ".join([f"CAST({mark} AS INTEGER)"] * per_row) + ")"

    def holds_rest(alias: str, row: str) -> str:
        return "".join(
            f" AND ({row}.k{i} IS NULL OR EXISTS (SELECT 1 FROM claim_keys AS x{i}"
            f' WHERE x{i}.speaker_id = {row}.s AND x{i}."key" = {row}.k{i}'
            f" AND x{i}.quote_id = {alias}.quote_id))"
            for i in range(2, width + 1)
        )

    step = max(1, _RANKING_BATCH * 3 // per_row)
    for start in range(0, len(wanted), step):
        chunk = wanted[start : start + step]
        params: list[int | None] = []
        for n, (sid, keys) in enumerate(chunk):
            params += [n, sid, *keys, *([None] * (width - len(keys)))]
        statement = (
            f"WITH p({names}) AS (VALUES {', '.join([value] * len(chunk))}),"
            f" t AS MATERIALIZED (SELECT p.*, (SELECT c.quote_id FROM claim_keys AS c"
            f' WHERE c.speaker_id = p.s AND c."key" = p.k1{holds_rest("c", "p")}'
            f" ORDER BY c.quote_id LIMIT 1 OFFSET {MAX_CANDIDATES - 1}) AS last FROM p)"
            " SELECT t.q, ck.quote_id FROM t JOIN claim_keys AS ck"
            ' ON ck.speaker_id = t.s AND ck."key" = t.k1 AND ck.quote_id <= t.last'
            f" WHERE t.last IS NOT NULL{holds_rest('ck', 't')}"
        )
        for n, other in conn.exec_driver_sql(statement, tuple(params)):
            out.setdefault(chunk[n], []).append((other, len(chunk[n][1])))
    return out


def _ranking_by_count(
    conn: Connection, wanted: Sequence[tuple[int, tuple[int, ...]]]
) -> dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]]:
    """For each (speaker, keys) of `wanted`: the stored quotes sharing most keys, counted.

    One query for many: a VALUES list of the wanted keys joined to the key index, each pair an
    indexed lookup (not ``(speaker_id, key) IN (...)``, which SQLite answers by scanning the
    whole table), counted and ranked in the database.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    value = f"(CAST({mark} AS INTEGER), CAST({mark} AS INTEGER), CAST({mark} AS INTEGER))"
    out: dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]] = {}
    start = 0
    while start < len(wanted):
        end, rows = start, 0
        while end < len(wanted) and (rows < _RANKING_BATCH or end == start):
            rows += len(wanted[end][1])
            end += 1
        params = [v for n in range(start, end) for k in wanted[n][1] for v in (n, wanted[n][0], k)]
        statement = (
            f"WITH p(q, s, k) AS (VALUES {', '.join([value] * rows)}),"
            " c AS (SELECT p.q AS q, ck.quote_id AS o, count(*) AS shared FROM p"
            ' JOIN claim_keys AS ck ON ck.speaker_id = p.s AND ck."key" = p.k GROUP BY p.q, ck.quote_id),'
            " r AS (SELECT q, o, shared,"
            " row_number() OVER (PARTITION BY q ORDER BY shared DESC, o) AS n FROM c)"
            f" SELECT q, o, shared FROM r WHERE n <= {MAX_CANDIDATES}"
        )
        for n, other, shared in conn.exec_driver_sql(statement, tuple(params)):
            out.setdefault(wanted[n], []).append((other, shared))
        start = end
    return out


class _Wording:
    """A stored quote's text and verb as matching needs them: its signature, and its stance (read
    only when the signature matches).  Shared by the stored reports of one statement."""

    __slots__ = ("_stance", "grams", "text", "verb")

    def __init__(self, text: str, verb: str | None, stance: Stance | None) -> None:
        self.text = text
        self.verb = verb
        self.grams = signature(text)
        self._stance: list[Stance | None] = [] if stance is None else [stance]

    def match(self, fp: Fingerprint) -> float | None:
        """`same_claim` of a new quote against this wording: the overlap when it is the same claim."""
        score = wording_match(fp.grams, self.grams)
        if score is None:
            return None
        if not self._stance:  # stored before readings were kept: read it now
            self._stance.append(_read_stance(self.text, self.verb))
        return score if self._stance[0] == fp.stance else None


@dataclass(frozen=True)
class _Candidate:
    """A stored quote that may be the same claim: its wording, claim and speaker."""

    wording: _Wording
    claim_id: int
    speaker_id: int


def _stored_candidates(session: Session, quote_ids: set[int]) -> dict[int, _Candidate]:
    """These stored quotes with their claim membership (quotes without one are left out)."""
    stmt = (
        select(
            Quote.id, Quote.text, Quote.verb, ClaimQuote.claim_id, ClaimQuote.speaker_id, QuoteReading.stance
        )
        .join(ClaimQuote, ClaimQuote.quote_id == Quote.id)
        .outerjoin(QuoteReading, QuoteReading.quote_id == Quote.id)
    )
    wordings: dict[tuple[str, str | None, str | None], _Wording] = {}
    out: dict[int, _Candidate] = {}
    rows = select_in(session, stmt, Quote.id, sorted(quote_ids))
    for qid, text, verb, claim_id, speaker_id, stance in rows:
        wording = wordings.get((text, verb, stance))
        if wording is None:
            wording = wordings[(text, verb, stance)] = _Wording(text, verb, stance)
        out[qid] = _Candidate(wording, claim_id, speaker_id)
    return out


def drop_empty_claims(session: Session, speaker_ids: Iterable[int]) -> int:
    """Delete these speakers' claims that no longer hold any quote (after quotes were replaced)."""
    ids = sorted(set(speaker_ids))
    if not ids:
        return 0
    return _drop_empty(session, Claim.speaker_id.in_(ids))


def _drop_empty(session: Session, which: ColumnElement[bool]) -> int:
    """Delete the claims `which` selects that hold no quote; returns how many went."""
    members = select(ClaimQuote.quote_id).where(ClaimQuote.claim_id == Claim.id)
    result = session.execute(delete(Claim).where(which, ~exists(members)))
    return int(getattr(result, "rowcount", 0) or 0)


def ensure_claims(session: Session, speaker_ids: Iterable[int] | None = None) -> int:
    """Assign claims to quotes that lack one or whose speaker changed since; returns quotes placed.

    Limited to `speaker_ids` when given (the speakers a command is about), else every speaker.
    Claims left without quotes are dropped: the quotes' speakers' and the claims the quotes left
    (a reassigned quote's old speaker is not among `speaker_ids`).
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
    left: set[int] = set()  # the claims the quotes belonged to: some may now hold none
    speakers: set[int] = set()
    for chunk in chunks(quote_ids, 500):
        left.update(session.scalars(select(ClaimQuote.claim_id).where(ClaimQuote.quote_id.in_(chunk))))
        speakers.update(session.scalars(select(Quote.speaker_id).where(Quote.id.in_(chunk)).distinct()))
        session.execute(delete(ClaimQuote).where(ClaimQuote.quote_id.in_(chunk)))
        session.execute(delete(ClaimKey).where(ClaimKey.quote_id.in_(chunk)))
        assign_quotes(session, chunk)
    # a reassigned quote leaves its old speaker's claim, which the new speaker's ids do not reach
    for claim_ids in chunks(sorted(left)):
        _drop_empty(session, Claim.id.in_(claim_ids))
    for speaker_ids_chunk in chunks(sorted(speakers)):
        drop_empty_claims(session, speaker_ids_chunk)
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
    headlines: tuple[HeadlineNote, ...] = ()
    """Headline quotes (parts) that condense one of the claim's body quotes (db/readings.py)."""


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
            Quote.kind,
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
    names = dict(session.execute(select(Speaker.id, Speaker.name).where(Speaker.id.in_(speaker_ids))).all())
    groups: dict[int, list[tuple[int, str, date | None, int, str | None, int, str]]] = {}
    for claim_id, qid, text, said_on, article_id, outlet, speaker_id, kind in session.execute(stmt):
        groups.setdefault(claim_id, []).append((qid, text, said_on, article_id, outlet, speaker_id, kind))
    notes = headline_notes(session, [m[0] for members in groups.values() for m in members])
    out = []
    for claim_id, members in groups.items():
        days = [m[2] for m in members if m[2] is not None]
        body = [m for m in members if m[6] != "headline"] or members
        out.append(
            ClaimSummary(
                claim_id=claim_id,
                speaker=names.get(members[0][5], ""),
                text=max((m[1] for m in body), key=len),
                first_said=min(days) if days else None,
                last_said=max(days) if days else None,
                reports=len({m[3] for m in members}),
                outlets=len({m[4] for m in members if m[4]}),
                days=len(set(days)),
                quote_ids=tuple(sorted(m[0] for m in members)),
                headlines=tuple(n for m in members for n in notes.get(m[0], ())),
            )
        )
    out.sort(key=lambda c: (-c.reports, c.first_said or date.max, c.claim_id))
    return out
