"""Reads about speakers: which speakers a user's query names, and their profiles.  No NLP imported.

`identify` is the one place a ``--speaker NAME`` value becomes a speaker, for
every command (`find_speaker` gives the ORM object, for commands that change
it): it matches canonical names, aliases and name parts (surname, given name,
any word of a foreign name), ignoring spaces, case and middle dots, in Hangul
or Latin script, and a number is a speaker's ID.  Matches are
ranked — the whole name or an alias, then a name part, then any substring —
and only the best rank counts: ``푸틴`` names 블라디미르 푸틴 even if another name
contains 푸틴 somewhere.  When the best rank holds several speakers the query
is ambiguous and `AmbiguousSpeakerError` lists them instead of mixing people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, case, func, select, type_coerce
from sqlalchemy.orm import Session

from quotetrack.db.schema import (
    SPEAKER_ALIASES,
    SPEAKERS,
    Article,
    Outlet,
    Quote,
    Speaker,
    SpeakerRole,
    UTCDateTime,
    storable_id,
)
from quotetrack.errors import AmbiguousSpeakerError, SpeakerError, UsageError
from quotetrack.normalize import closest, name_key
from quotetrack.speakers.names import korean_surname, role_words_of, roles_compatible
from quotetrack.speakers.roles import seen_day

_S = SPEAKERS.c
_SA = SPEAKER_ALIASES.c
"""Matching reads the tables' columns (SQLAlchemy Core), not the ORM classes': a statement naming an
ORM attribute makes SQLAlchemy set up every mapper first (~10 ms), which `quotetrack search` need
not pay to find a speaker (BENCHMARKS.md)."""

EXACT, PART, SUBSTRING = 0, 1, 2
"""Match ranks, best first."""
CANDIDATES_SHOWN = 12
"""How many candidates an ambiguity message lists (the rest are counted)."""
CLOSEST_SHOWN = 5
"""How many similarly spelt names an unknown name's message suggests."""


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as matching a query finds it: its id and canonical name."""

    id: int
    name: str


@dataclass(frozen=True)
class RoleSpan:
    """One role of a speaker's role history."""

    role: str
    first_seen: date | None
    last_seen: date | None
    quotes: int


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker as `quotetrack speakers` lists it."""

    id: int
    name: str
    kind: str
    aliases: list[str]
    roles: list[RoleSpan]
    """Most recent first; the first is the current role."""
    quotes: int
    first_seen: date | None
    last_seen: date | None
    article_only: bool
    """Known only within one article (anonymous source, surname or title alone, unresolved name)."""
    curated: bool

    @property
    def current_role(self) -> str | None:
        return self.roles[0].role if self.roles else None

    @property
    def past_roles(self) -> list[str]:
        return [r.role for r in self.roles[1:]]


@dataclass(frozen=True)
class RecentQuote:
    quote_id: int
    day: date | None
    role: str | None
    kind: str
    text: str
    outlet: str | None


@dataclass(frozen=True)
class SpeakerProfile:
    """One speaker in full, for `quotetrack speakers show`."""

    summary: SpeakerSummary
    by_kind: dict[str, int]
    outlets: list[tuple[str, int]]
    recent: list[RecentQuote]
    printed_as: list[tuple[str, int]] = field(default_factory=list)
    """How articles printed the speaker, with how many quotes each."""


def query_key(query: str) -> str:
    """The lookup key of a speaker query; refuses a query with no letters in it."""
    key = name_key(query)
    if not key:
        raise UsageError(f"the speaker name {query!r} is empty", "pass a name or part of one, e.g. 푸틴")
    return key


def ranked_matches(session: Session, query: str, *, best_only: bool = False) -> list[tuple[int, SpeakerRef]]:
    """Every speaker the query matches with its rank (EXACT, PART, SUBSTRING), best first.

    With `best_only` an exact name or alias answers from the indexes without scanning
    every name (the common case for ``--speaker``).
    """
    key = query_key(query)
    if query.strip().isdecimal():
        number = int(query.strip())
        by_id = _by_ids(session, select(_S.id).where(_S.id == number)) if storable_id(number) else []
        return [(EXACT, s) for s in by_id]
    if best_only:
        exact = _by_ids(
            session,
            select(_S.id).where(_S.name_key == key),
            select(_SA.speaker_id).where(_SA.alias_key == key),
        )
        if exact:
            return [(EXACT, s) for s in exact]
    found = _by_ids(
        session,
        select(_S.id).where(_S.name_key.contains(key, autoescape=True)),
        select(_SA.speaker_id).where(_SA.alias_key.contains(key, autoescape=True)),
    )
    if not found:
        return []
    aliases = _aliases(session, [s.id for s in found])
    ranked = [(_rank(key, [s.name, *aliases.get(s.id, [])]), s) for s in found]
    return sorted(ranked, key=lambda pair: (pair[0], pair[1].id))


def _by_ids(session: Session, *id_queries: Select[int]) -> list[SpeakerRef]:
    """Speakers whose ids the queries return, by id.  Separate queries, not an OR of subqueries,
    so each one can use its own index (PostgreSQL plans ``a OR id IN (…)`` as a full scan)."""
    ids: set[int] = set()
    for q in id_queries:
        ids.update(session.scalars(q))
    if not ids:
        return []
    rows = session.execute(select(_S.id, _S.name).where(_S.id.in_(sorted(ids))).order_by(_S.id))
    return [SpeakerRef(sid, name) for sid, name in rows]


def matching_speakers(session: Session, query: str) -> list[SpeakerRef]:
    """The speakers of the best rank the query reaches (several when it is ambiguous)."""
    ranked = ranked_matches(session, query, best_only=True)
    best = ranked[0][0] if ranked else None
    return [s for rank, s in ranked if rank == best]


def identify(session: Session, query: str) -> SpeakerRef | None:
    """The one speaker a query names; None when none matches.

    Raises AmbiguousSpeakerError, listing the candidates, when several fit equally well.
    """
    found = matching_speakers(session, query)
    if len(found) <= 1:
        return found[0] if found else None
    summaries = summarize(session, [s.id for s in found])
    summaries.sort(key=lambda s: (-s.quotes, s.id))
    lines = [f"  {s.id:>6}  {s.name}  ({_describe(s)})" for s in summaries[:CANDIDATES_SHOWN]]
    if len(summaries) > CANDIDATES_SHOWN:
        lines.append(f"  … and {len(summaries) - CANDIDATES_SHOWN} more (quotetrack speakers {query})")
    raise AmbiguousSpeakerError(
        f"{query!r} names {len(found)} different speakers:\n" + "\n".join(lines),
        "pass a fuller name, or the speaker's ID from the first column (e.g. "
        f"{summaries[0].id}); merge them with `quotetrack speakers merge` if they are one person",
        [s.id for s in summaries],
    )


def find_speaker(session: Session, query: str) -> Speaker | None:
    """The one speaker a query names, as the ORM object (for commands that change it); see `identify`."""
    found = identify(session, query)
    return None if found is None else session.get(Speaker, found.id)


def _describe(s: SpeakerSummary) -> str:
    parts = [s.kind]
    if s.current_role:
        parts.append(s.current_role)
    parts.append(f"{s.quotes} quote{'s' if s.quotes != 1 else ''}")
    if s.first_seen:
        parts.append(f"{s.first_seen}–{s.last_seen}" if s.last_seen != s.first_seen else str(s.first_seen))
    if s.article_only:
        parts.append("one article only")
    return ", ".join(parts)


def _rank(key: str, names: Sequence[str]) -> int:
    if any(name_key(n) == key for n in names):
        return EXACT
    if any(key in _parts(n) for n in names):
        return PART
    return SUBSTRING


def _parts(name: str) -> set[str]:
    """Keys of a name's parts: its words, and surname and given name of a Korean name (김 + 병환)."""
    words = name.replace("·", " ").split()
    parts = {name_key(w) for w in words}
    for word in words:
        surname = korean_surname(word)
        if surname is not None:
            parts.update({surname, word[len(surname) :]})
    return parts


def _aliases(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(select(_SA.speaker_id, _SA.alias).where(_SA.speaker_id.in_(ids)).order_by(_SA.id))
    for sid, alias in rows:
        out[sid].append(alias)
    return out


# --------------------------------------------------------------------------- summaries


def list_speakers(
    session: Session, query: str | None = None, *, kind: str | None = None, limit: int | None = None
) -> list[SpeakerSummary]:
    """Speakers matching the query (best matches first), else all speakers by number of quotes."""
    if query is not None:
        ranked = ranked_matches(session, query)
        rank_of = {s.id: rank for rank, s in ranked}
        summaries = summarize(session, list(rank_of))
        summaries.sort(key=lambda s: (rank_of[s.id], -s.quotes, s.name, s.id))
    elif limit:
        return _most_quoted(session, kind, limit)
    else:
        summaries = summarize(session, None)
        summaries.sort(key=lambda s: (-s.quotes, s.name, s.id))
    if kind is not None:
        summaries = [s for s in summaries if s.kind == kind]
    return summaries[:limit] if limit else summaries


def _most_quoted(session: Session, kind: str | None, limit: int) -> list[SpeakerSummary]:
    """The first `limit` speakers by number of quotes, summarised (only those are looked up in full)."""
    counts = dict(
        session.execute(
            select(Quote.speaker_id, func.count())
            .where(Quote.speaker_id.is_not(None))
            .group_by(Quote.speaker_id)
        ).all()
    )
    stmt = select(Speaker.id, Speaker.name)
    if kind is not None:
        stmt = stmt.where(Speaker.kind == kind)
    rows = sorted(session.execute(stmt).all(), key=lambda r: (-counts.get(r[0], 0), r[1], r[0]))
    page = [r[0] for r in rows[:limit]]
    position = {sid: i for i, sid in enumerate(page)}
    return sorted(summarize(session, page), key=lambda s: position[s.id])


def summarize(session: Session, ids: Sequence[int] | None) -> list[SpeakerSummary]:
    """Summaries of these speakers (all speakers when `ids` is None), in no particular order."""
    stmt = select(
        Speaker.id, Speaker.name, Speaker.kind, Speaker.article_id, Speaker.curated
    )  # rows, not ORM
    if ids is not None:
        if not ids:
            return []
        stmt = stmt.where(Speaker.id.in_(ids))
    speakers = session.execute(stmt).all()
    sids = [s.id for s in speakers] if ids is not None else None
    aliases = _aliases(session, [s.id for s in speakers])
    roles = _roles(session, sids)
    stats = _quote_stats(session, sids)
    return [
        SpeakerSummary(
            id=s.id,
            name=s.name,
            kind=s.kind,
            aliases=aliases.get(s.id, []),
            roles=roles.get(s.id, []),
            quotes=quotes,
            first_seen=first_seen,
            last_seen=last_seen,
            article_only=s.article_id is not None,
            curated=s.curated,
        )
        for s in speakers
        for quotes, first_seen, last_seen in [stats.get(s.id, (0, None, None))]
    ]


def _roles(session: Session, ids: Sequence[int] | None) -> dict[int, list[RoleSpan]]:
    stmt = select(
        SpeakerRole.speaker_id,
        SpeakerRole.role,
        SpeakerRole.first_seen,
        SpeakerRole.last_seen,
        SpeakerRole.quotes,
    )
    if ids is not None:
        stmt = stmt.where(SpeakerRole.speaker_id.in_(ids))
    rows: dict[int, list[RoleSpan]] = defaultdict(list)
    for sid, role, first, last, quotes in session.execute(stmt):
        rows[sid].append(RoleSpan(role, first, last, quotes))
    out: dict[int, list[RoleSpan]] = {}
    for sid, spans in rows.items():
        merged = offices(spans) if len(spans) > 1 else spans
        merged.sort(key=lambda r: (r.last_seen or date.min, r.quotes, r.first_seen or date.min), reverse=True)
        out[sid] = merged
    return out


def offices(spans: Sequence[RoleSpan]) -> list[RoleSpan]:
    """Role spellings of one office shown as one role (대통령 and 러시아 대통령; 금융위원장 and
    금융위원회 위원장), under its fullest spelling, with the days and quotes of all of them."""
    groups: list[list[RoleSpan]] = []
    for span in sorted(spans, key=lambda r: (len(role_words_of(r.role)), len(r.role)), reverse=True):
        home = next((g for g in groups if roles_compatible(g[0].role, span.role)), None)
        if home is None:
            groups.append([span])
        else:
            home.append(span)
    return [
        RoleSpan(
            g[0].role,
            min((r.first_seen for r in g if r.first_seen), default=None),
            max((r.last_seen for r in g if r.last_seen), default=None),
            sum(r.quotes for r in g),
        )
        for g in groups
    ]


def _quote_stats(
    session: Session, ids: Sequence[int] | None
) -> dict[int, tuple[int, date | None, date | None]]:
    """Quotes per speaker and the first and last day seen (said, else published in Korea)."""
    undated = type_coerce(case((Quote.said_on.is_(None), Article.published)), UTCDateTime())
    stmt = (
        select(
            Quote.speaker_id,
            func.count(),
            func.min(Quote.said_on),
            func.max(Quote.said_on),
            func.min(undated),
            func.max(undated),
        )
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.speaker_id.is_not(None))
        .group_by(Quote.speaker_id)
    )
    if ids is not None:
        stmt = stmt.where(Quote.speaker_id.in_(ids))
    out: dict[int, tuple[int, date | None, date | None]] = {}
    for sid, n, first_said, last_said, first_pub, last_pub in session.execute(stmt):
        days = [
            d
            for d in (first_said, last_said, seen_day(None, first_pub), seen_day(None, last_pub))
            if d is not None
        ]
        if sid is not None:
            out[sid] = (n, min(days, default=None), max(days, default=None))
    return out


def speaker_profile(session: Session, speaker: Speaker, *, recent: int = 5) -> SpeakerProfile:
    """Everything `speakers show` prints about one speaker."""
    (summary,) = summarize(session, [speaker.id])
    by_kind = dict(
        session.execute(
            select(Quote.kind, func.count()).where(Quote.speaker_id == speaker.id).group_by(Quote.kind)
        ).all()
    )
    outlets = [
        (name, n)
        for name, n in session.execute(
            select(Outlet.name, func.count())
            .join(Article, Article.outlet_id == Outlet.id)
            .join(Quote, Quote.article_id == Article.id)
            .where(Quote.speaker_id == speaker.id)
            .group_by(Outlet.name)
            .order_by(func.count().desc(), Outlet.name)
        )
    ]
    printed = [
        (text or "", n)
        for text, n in session.execute(
            select(Quote.speaker_text, func.count())
            .where(Quote.speaker_id == speaker.id, Quote.speaker_text.is_not(None))
            .group_by(Quote.speaker_text)
            .order_by(func.count().desc(), Quote.speaker_text)
        )
    ]
    rows = session.execute(
        select(
            Quote.id,
            Quote.said_on,
            Article.published,
            Quote.speaker_role,
            Quote.kind,
            Quote.text,
            Outlet.name,
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Quote.speaker_id == speaker.id)
        .order_by(Quote.said_on.is_(None), Quote.said_on.desc(), Article.published.desc(), Quote.id.desc())
        .limit(recent)
    ).all()
    latest = [
        RecentQuote(qid, seen_day(said, published), role, kind, text, outlet)
        for qid, said, published, role, kind, text, outlet in rows
    ]
    return SpeakerProfile(summary, by_kind, outlets, latest, printed)


def unknown_speaker(session: Session, query: str) -> SpeakerError:
    """The error for a speaker query that names no one, with the stored names spelled most like
    it: a typo (푸튼) must not look like a speaker who said nothing."""
    forms = session.execute(select(_S.name, _S.id).union_all(select(_SA.alias, _SA.speaker_id))).all()
    by_form: dict[str, set[int]] = defaultdict(set)
    for form, sid in forms:
        by_form[form].add(sid)
    names = dict(session.execute(select(_S.id, _S.name)).all()) if forms else {}
    shown: list[str] = []
    for form in closest(query, by_form, n=CLOSEST_SHOWN * 2):
        for sid in sorted(by_form[form]):
            label = f"{names[sid]} (ID {sid})"
            if label not in shown:
                shown.append(label)
    hint = "`quotetrack speakers` lists the stored speakers"
    if shown:
        hint = f"closest stored names: {', '.join(shown[:CLOSEST_SHOWN])}; {hint}"
    return SpeakerError(f"no speaker matches {query!r}", hint)
