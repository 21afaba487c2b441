"""Who said it, across articles: printed speakers resolved to speaker rows, with corrections and roles.

The extractor resolves mentions within an article; this module decides, when an
article's quotes are written, which stored speaker each printed name is:

1. A curator's correction for this article wins: a reassigned quote, or a
   printed name pinned to a speaker by ``speakers merge`` (`SpeakerCorrection`).
2. Within the article, a lone surname, title or surname word (최 감독, 대변인, 푸틴)
   joins the one full name of the article it fits, when exactly one fits.
3. Across articles (`quotetrack.speakers.names` says which names may be matched):
   - the same full name or single foreign name word — as canonical name or alias —
     is the same speaker when the roles do not contradict (러시아 대통령 ~ 대통령;
     국방부 대변인 ≠ 국무총리 makes a second 김민석); several fitting speakers leave
     the mention unresolved;
   - one foreign name word with a printed role also matches a full name ending
     in it (푸틴 대통령 → 블라디미르 푸틴 러시아 대통령), and a full name arriving later
     absorbs such a one-word speaker, each only when exactly one person fits;
   - an organisation is the same organisation by name.
4. Anything else — anonymous sources, generic bodies (정부), a surname or title
   alone, an unresolved name — becomes a speaker of this article only
   (``Speaker.article_id``), named as printed and never matched from elsewhere.

`write_quotes` is the one entry point: ``store.save_articles`` (and anything else
that rewrites an article's quotes, such as reprocess) calls it, so corrections
are re-applied whenever quotes are rewritten.  The role history
(`SpeakerRole`) is kept in step incrementally: a full recount only happens when
a deleted quote held a role's first or last day.

`write_quotes` takes several new articles at once: they are resolved one after
the other against a `SpeakerDirectory` (speakers/directory.py) that answers
lookups from memory and carries each article's changes to the next, so the
outcome is exactly that of writing them one by one, and then written in a few
bulk statements.  An article being rewritten goes alone, after its old quotes
were dropped, because deleting quotes can delete speakers and recount roles; its
new quotes keep the ids of the old ones they match, and the old ids left over are
retired, never reused (db/identity.py).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.bulk import insert_rows
from quotetrack.db.identity import StoredSpan, match_stored, retire
from quotetrack.db.schema import (
    ARTICLES,
    CLAIM_QUOTES,
    QUOTES,
    SPEAKER_CORRECTIONS,
    Quote,
    Speaker,
    SpeakerCorrection,
)
from quotetrack.normalize import name_key, text_key
from quotetrack.speakers.directory import SpeakerDirectory, SpeakerRec
from quotetrack.speakers.names import Mention, any_compatible, conflicts, read_mention
from quotetrack.speakers.roles import seen_day, update_role_history
from quotetrack.speakers.rows import usable_name

log = logging.getLogger(__name__)

CORRECTION_MIN_OVERLAP = 0.6
"""A corrected quote whose re-extracted text changed still matches when one text contains the
other and the shorter is at least this share of the longer (trimmed or extended spans)."""


_NAMES_REMEMBERED = 16_384
"""Printed names whose tidied form, key and reading are kept (per process, least recently used
dropped): news names the same people over and over, and reading a name is most of the cost of
grouping an article's quotes.  All three are pure functions of their arguments."""
_usable_name = lru_cache(maxsize=_NAMES_REMEMBERED)(usable_name)
_name_key = lru_cache(maxsize=_NAMES_REMEMBERED)(name_key)
_read_mention = lru_cache(maxsize=_NAMES_REMEMBERED)(read_mention)


@dataclass(frozen=True)
class Dropped:
    """What an article's previous quotes were (roles, days, ids), remembered before they were deleted."""

    seen: list[tuple[int, str | None, date | None]] = field(default_factory=list)
    speaker_ids: frozenset[int] = frozenset()
    quotes: tuple[StoredSpan, ...] = ()
    """Every previous quote: the new quotes that are the same words keep their ids (db/identity.py)."""


@dataclass(frozen=True)
class Target:
    """An article whose quotes are to be written: its stored row's id, key and publication time."""

    article_id: int
    key: str
    published: datetime | None
    quotes: Sequence[types.Quote]
    new: bool = True
    """True when the article row was just inserted (so it has no quotes or speakers of its own yet)."""


@dataclass(frozen=True)
class StoredQuote:
    """A quote as written, for claim assignment."""

    id: int
    speaker_id: int | None
    text: str
    verb: str | None
    previous_claim: int | None = None
    """The claim the quote belonged to before its article was rewritten (kept id), if any."""


@dataclass(frozen=True)
class Written:
    """What `write_quotes` stored for one article."""

    quotes: int
    new_speakers: int
    stored: tuple[StoredQuote, ...] = ()


# --------------------------------------------------------------------------- writing quotes


def drop_quotes(session: Session, article_id: int) -> Dropped:
    """Delete an article's quotes, remembering their speakers and roles for `write_quotes`.

    Call before changing the article row: the days seen come from its stored publication time.
    """
    q = QUOTES.c
    rows = session.execute(
        select(
            q.speaker_id,
            q.speaker_role,
            q.said_on,
            ARTICLES.c.published,
            q.id,
            q.field,
            q.text,
            q.start_offset,
            q.end_offset,
            CLAIM_QUOTES.c.claim_id,
        )
        .join(ARTICLES, ARTICLES.c.id == q.article_id)
        .outerjoin(CLAIM_QUOTES, CLAIM_QUOTES.c.quote_id == q.id)
        .where(q.article_id == article_id)
    ).all()
    session.execute(delete(Quote).where(Quote.article_id == article_id))
    seen = [(r[0], r[1], seen_day(r[2], r[3])) for r in rows if r[0] is not None]
    spans = tuple(StoredSpan(r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows)
    return Dropped(seen, frozenset(sid for sid, _, _ in seen), spans)


def write_quotes(
    session: Session,
    targets: Sequence[Target],
    *,
    directory: SpeakerDirectory | None = None,
    dropped: Dropped | None = None,
    now: datetime | None = None,
) -> list[Written]:
    """Insert these articles' quotes with their speakers resolved and corrections re-applied.

    The articles are resolved in order, each seeing the speakers the ones before it
    created or changed, exactly as if each was written in turn.  `dropped` is what
    `drop_quotes` removed when one article's quotes are being rewritten (then it must be
    the only target).  Updates the role history and deletes speakers that only the old
    quotes used (unless curated).  `directory` is the batch's view of stored speakers,
    shared across calls of one transaction.
    """
    if dropped is not None and len(targets) != 1:
        raise ValueError("a rewritten article's quotes are written alone")
    if not targets:
        return []
    now = now or datetime.now(UTC)
    directory = directory or SpeakerDirectory(session, now)
    resolvers = [
        _Resolver(directory, t, c) for t, c in zip(targets, _corrections(session, targets), strict=True)
    ]
    directory.ensure(
        {k for r in resolvers for k in r.lookup_keys()}, {i for r in resolvers for i in r.pinned_ids()}
    )
    for target in targets:
        directory.ensure_own(target.article_id, new=target.new)
    assigned: list[tuple[list[int | None], list[str | None]]] = []
    for resolver in resolvers:
        speaker_ids, roles = resolver.assign()
        directory.record_roles(
            (sid, role) for sid, role in zip(speaker_ids, roles, strict=True) if sid is not None
        )
        assigned.append((speaker_ids, roles))
    directory.flush()

    values: list[tuple[object, ...]] = []
    kept: list[StoredSpan | None] = []  # the stored quote each new one is (its id kept), all in order
    real_ids: list[int | None] = []  # the speaker of each quote, all articles in order
    added: list[tuple[int, str | None, date | None]] = []
    for target, (speaker_ids, roles) in zip(targets, assigned, strict=True):
        real = [None if sid is None else directory.real_id(sid) for sid in speaker_ids]
        real_ids.extend(real)
        day = types.published_day(target.published)
        for position, quote in enumerate(target.quotes):
            values.append(quote_row(target.article_id, position, quote, real[position], roles[position], day))
        if dropped is not None:
            kept += match_stored(dropped.quotes, target.quotes)
        else:
            kept += [None] * len(target.quotes)
        added.extend(
            (sid, role, seen_day(quote.said_on, target.published))
            for sid, role, quote in zip(real, roles, target.quotes, strict=True)
            if sid is not None
        )
    ids = insert_rows(session, QUOTES, QUOTE_COLUMNS, values, ids=[k.id if k else None for k in kept])
    update_role_history(session, added, dropped.seen if dropped else ())
    if dropped is not None:
        new = list(zip(ids, targets[0].quotes, strict=True))
        retire(session, targets[0].article_id, dropped.quotes, kept, new, now)
        _drop_unused(session, targets[0].article_id, dropped.speaker_ids)
        directory.invalidate()  # speakers may be gone and role days recounted: reload on demand

    out: list[Written] = []
    at = 0
    for target, resolver in zip(targets, resolvers, strict=True):
        n = len(target.quotes)
        stored = tuple(
            StoredQuote(
                qid,
                real_ids[i],
                target.quotes[i - at].text,
                target.quotes[i - at].verb,
                k.claim_id if (k := kept[i]) is not None else None,
            )
            for i, qid in enumerate(ids[at : at + n], start=at)
        )
        out.append(Written(n, resolver.created, stored))
        at += n
    return out


QUOTE_COLUMNS = (
    "article_id",
    "position",
    "speaker_id",
    "speaker_text",
    "speaker_role",
    "speaker_kind",
    "kind",
    "text",
    "verb",
    "said_on",
    "start_offset",
    "end_offset",
    "field",
    "attribution",
    "relayed_by",
    "effective_date",
    "date_basis",
)
"""The columns of a quote row, in the order of `quote_row`."""


def quote_row(
    article_id: int,
    position: int,
    quote: types.Quote,
    speaker_id: int | None,
    role: str | None,
    published: date | None = None,
) -> tuple[object, ...]:
    """A quote's `QUOTE_COLUMNS` values (`published`: the article's day, for the effective date)."""
    if quote.kind not in types.QUOTE_KINDS:
        raise ValueError(f"unknown quote kind {quote.kind!r}")
    when, basis = types.effective_date(quote.said_on, published)
    return (
        article_id,
        position,
        speaker_id,
        quote.speaker,
        role,
        quote.speaker_kind,
        quote.kind,
        quote.text,
        quote.verb,
        quote.said_on,
        quote.start,
        quote.end,
        quote.field,
        quote.attribution,
        quote.relayed_by,
        when,
        basis,
    )


def _drop_unused(session: Session, article_id: int, previous: Iterable[int]) -> None:
    """Delete this article's own speakers and the old quotes' speakers that no quote uses any more.

    Curated speakers and targets of corrections are kept.  Plain indexed lookups, not one
    DELETE with correlated subqueries.
    """
    candidates = set(session.scalars(select(Speaker.id).where(Speaker.article_id == article_id)))
    candidates.update(previous)
    if not candidates:
        return
    ids = sorted(candidates)
    used = set(session.scalars(select(Quote.speaker_id).where(Quote.speaker_id.in_(ids)).distinct()))
    kept = set(
        session.scalars(select(SpeakerCorrection.speaker_id).where(SpeakerCorrection.speaker_id.in_(ids)))
    )
    gone = sorted(candidates - used - kept)
    if gone:
        session.execute(
            delete(Speaker)
            .where(Speaker.id.in_(gone), Speaker.curated.is_(False))
            .execution_options(synchronize_session=False)
        )


# --------------------------------------------------------------------------- corrections


@dataclass(frozen=True)
class _Correction:
    id: int
    article_id: int | None
    article_key: str
    mention_key: str | None
    quote_field: str | None
    quote_text: str | None
    role: str | None
    speaker_id: int


def _corrections(session: Session, targets: Sequence[Target]) -> list[list[_Correction]]:
    """Each article's corrections, oldest first; corrections follow an article whose row was
    re-created or whose key changed."""
    ids = sorted({t.article_id for t in targets})
    keys = sorted({t.key for t in targets})
    c = SpeakerCorrection
    rows = [
        _Correction(*row)
        for row in session.execute(
            select(
                c.id,
                c.article_id,
                c.article_key,
                c.mention_key,
                c.quote_field,
                c.quote_text,
                c.role,
                c.speaker_id,
            )
            .where(or_(c.article_id.in_(ids), c.article_key.in_(keys)))
            .order_by(c.id)
        )
    ]
    out: list[list[_Correction]] = []
    moved: dict[int, dict[str, object]] = {}
    for target in targets:
        found = [r for r in rows if r.article_id == target.article_id or r.article_key == target.key]
        for r in found:
            if (r.article_id, r.article_key) != (target.article_id, target.key):
                moved[r.id] = {"cid": r.id, "new_article": target.article_id, "new_key": target.key}
        out.append(found)
    if moved:
        session.execute(
            update(SPEAKER_CORRECTIONS)
            .where(SPEAKER_CORRECTIONS.c.id == bindparam("cid"))
            .values(article_id=bindparam("new_article"), article_key=bindparam("new_key")),
            list(moved.values()),
        )
    return out


# --------------------------------------------------------------------------- resolution


@dataclass
class _Group:
    """The quotes of one printed speaker (or several, joined within the article)."""

    mention: Mention
    positions: list[int] = field(default_factory=list)
    printed: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


class _Resolver:
    """Assigns one article's quotes to speakers, asking the directory (see the module docstring)."""

    def __init__(self, directory: SpeakerDirectory, target: Target, corrections: list[_Correction]) -> None:
        self.directory = directory
        self.target = target
        self.created = 0
        self._roles: dict[int, set[str]] = {}
        quotes = target.quotes
        self.speaker_ids: list[int | None] = [None] * len(quotes)
        self.roles: list[str | None] = [q.speaker_role for q in quotes]
        by_quote = [c for c in corrections if c.quote_text is not None]
        self.by_mention = {c.mention_key: c.speaker_id for c in corrections if c.mention_key is not None}
        names = [_usable_name(q.speaker) for q in quotes]
        keys = [None if name is None else _name_key(name) for name in names]
        kinds = _kinds_by_name(quotes, keys)
        groups: dict[str, _Group] = {}
        for position, quote in enumerate(quotes):
            fixed = _match_quote_correction(quote, by_quote) if by_quote else None
            if fixed is not None:
                self.speaker_ids[position], self.roles[position] = fixed.speaker_id, fixed.role
                continue
            name, key = names[position], keys[position]
            if name is None or key is None:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(
                    _read_mention(name, kinds.get(key, "unknown"), quote.speaker_role)
                )
            group.positions.append(position)
            group.printed.add(name)
            if quote.speaker_role and quote.speaker_role.strip():
                group.roles.add(quote.speaker_role.strip())
        self.groups = _join_within_article(list(groups.values()))

    def lookup_keys(self) -> set[str]:
        """Every name key resolution may look up (the directory loads them beforehand)."""
        return {k for g in self.groups for k in (g.mention.key, *g.mention.family_words)}

    def pinned_ids(self) -> set[int]:
        return set(self.by_mention.values())

    def assign(self) -> tuple[list[int | None], list[str | None]]:
        """Speaker id and role to store for each quote, in order."""
        for group in self.groups:
            pinned = next(
                (self.by_mention[_name_key(p)] for p in group.printed if _name_key(p) in self.by_mention),
                None,
            )
            speaker = self.directory.get(pinned) if pinned is not None else self._resolve(group)
            assert speaker is not None
            self._learn(speaker, group)
            for position in group.positions:
                self.speaker_ids[position] = speaker.id
        return self.speaker_ids, self.roles

    def _resolve(self, group: _Group) -> SpeakerRec:
        m = group.mention
        if m.form in ("full", "single"):
            found = self._person(m, group.roles)
        elif m.form == "organisation":
            found = self._organisation(m)
        else:
            found = None
        return found or self._own(m)

    def _person(self, m: Mention, roles: set[str]) -> SpeakerRec | None:
        candidates = self._named(m.key, ("person", "unknown"))
        career = bool(m.family_words)  # a foreign full name of several words
        fitting = [c for c in candidates if not conflicts(self._roles_of(c), roles, career=career)]
        if len(fitting) > 1:
            fitting = [c for c in fitting if roles and any_compatible(self._roles_of(c), roles)]
            if len(fitting) != 1:
                log.info("%s fits %d speakers; kept within its article", m.printed, len(candidates))
                return None
        if fitting:
            return fitting[0]
        if m.one_word and roles:
            surname_of = self._full_names_with_family_word(m.key, roles)
            if len(surname_of) == 1:
                return surname_of[0]
            if surname_of:
                return None
        if m.family_words and roles:
            one_word = [
                c
                for word in dict.fromkeys(m.family_words)
                for c in self._named(word, ("person", "unknown"), by_alias=False)
                if not c.curated and any_compatible(self._roles_of(c), roles)
            ]
            if len(one_word) == 1:
                speaker, before = one_word[0], one_word[0].name
                self.directory.rename(speaker, m.printed, m.key)
                self.directory.add_alias(speaker, before)
                self.directory.index_words(speaker)
                return speaker
        return self._create(m, None)

    def _organisation(self, m: Mention) -> SpeakerRec | None:
        candidates = self._named(m.key, ("organisation", "unknown"))
        if len(candidates) > 1:
            candidates = [c for c in candidates if c.kind == "organisation"]
        if len(candidates) == 1:
            return candidates[0]
        return None if candidates else self._create(m, None)

    def _own(self, m: Mention) -> SpeakerRec:
        """This article's own speaker for the mention, reused when the article is rewritten."""
        found = self.directory.own_match(self.target.article_id, m.key)
        return found or self._create(m, self.target.article_id)

    def _named(self, key: str, kinds: tuple[str, ...], *, by_alias: bool = True) -> list[SpeakerRec]:
        """Speakers of other articles too (not article-only) with this canonical name or alias."""
        return self._global(self.directory.named(key, by_alias=by_alias), kinds)

    def _full_names_with_family_word(self, word_key: str, roles: set[str]) -> list[SpeakerRec]:
        """Persons whose several-word name or alias starts or ends with this word, in a fitting role
        (푸틴: 블라디미르 푸틴; 기시다: 기시다 후미오)."""
        return [
            s
            for s in self._global(self.directory.with_word(word_key), ("person", "unknown"))
            if s.name_key != word_key and any_compatible(self._roles_of(s), roles)
        ]

    def _global(self, found: list[SpeakerRec], kinds: tuple[str, ...]) -> list[SpeakerRec]:
        """These global speakers (in id order) when they are of the kinds, with their roles known."""
        chosen = [s for s in found if s.kind in kinds]
        for s in chosen:
            self._roles_of(s)
        return chosen

    def _roles_of(self, speaker: SpeakerRec) -> set[str]:
        """The roles the speaker was printed with before this article, plus what it learned here."""
        if speaker.id not in self._roles:
            self._roles[speaker.id] = self.directory.role_names(speaker)
        return self._roles[speaker.id]

    def _create(self, m: Mention, article_id: int | None) -> SpeakerRec:
        self.created += 1
        return self.directory.create(m.printed, m.kind, article_id)

    def _learn(self, speaker: SpeakerRec, group: _Group) -> None:
        """Remember how the article printed the speaker, its kind when it was unknown, and its roles."""
        for printed in sorted(group.printed):
            if _name_key(printed) != speaker.name_key:
                self.directory.add_alias(speaker, printed)
        if speaker.kind == "unknown" and group.mention.kind in ("person", "organisation"):
            self.directory.set_kind(speaker, group.mention.kind)
        self._roles.setdefault(speaker.id, set()).update(group.roles)


def _kinds_by_name(quotes: Sequence[types.Quote], keys: Sequence[str | None]) -> dict[str, types.SpeakerKind]:
    """For each printed name (by key): the kind the extractor gave it most often in the article (the
    first such kind on a tie); names it never knew the kind of are left out (unknown)."""
    counts: dict[str, dict[types.SpeakerKind, int]] = {}
    for quote, key in zip(quotes, keys, strict=True):
        if key is not None and quote.speaker_kind != "unknown":
            by_kind = counts.setdefault(key, defaultdict(int))
            by_kind[quote.speaker_kind] += 1
    return {key: max(by_kind, key=lambda k: by_kind[k]) for key, by_kind in counts.items()}


def _join_within_article(groups: list[_Group]) -> list[_Group]:
    """Join a surname, title or surname word to the one fuller name of the article it fits."""
    named = [g for g in groups if g.mention.form in ("full", "single") and g.mention.kind != "anonymous"]
    joined: set[int] = set()
    gone: set[int] = set()
    for i, g in enumerate(groups):
        m = g.mention
        if m.form == "surname":
            fits = [h for h in named if h.mention.surname == m.surname and h.mention.one_word]
        elif m.form == "title" and m.kind != "anonymous":
            title_roles = g.roles or {m.printed}
            fits = [h for h in named if h.roles and any_compatible(h.roles, title_roles)]
        elif m.one_word:
            fits = [h for h in named if m.key in h.mention.family_words]
        else:
            continue
        fits = [h for h in fits if h is not g and id(h) not in gone and not conflicts(h.roles, g.roles)]
        if len(fits) == 1:
            target = fits[0]
            target.positions.extend(g.positions)
            target.printed.update(g.printed)
            target.roles.update(g.roles)
            joined.add(i)
            gone.add(id(g))
    return [g for i, g in enumerate(groups) if i not in joined]


def _match_quote_correction(quote: types.Quote, corrections: list[_Correction]) -> _Correction | None:
    """The latest correction of this quote: same field and text, or a text containing the other."""
    want = text_key(quote.text)
    best: _Correction | None = None
    for c in corrections:
        if c.quote_field != quote.field or c.quote_text is None:
            continue
        have = text_key(c.quote_text)
        if have == want:
            best = c
            continue
        short, long = sorted((have, want), key=len)
        if short and short in long and len(short) >= CORRECTION_MIN_OVERLAP * len(long):
            best = c
    return best
