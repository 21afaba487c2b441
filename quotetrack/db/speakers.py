"""Who said it, across articles: printed speakers resolved to speaker rows, with corrections and roles.

The extractor resolves mentions within an article; this module decides, when an
article's quotes are written, which stored speaker each printed name is:

1. A curator's correction for this article wins: a reassigned quote, or a
   printed name pinned to a speaker by ``speakers merge`` (`SpeakerCorrection`).
2. Within the article, a lone surname, title or surname word (최 감독, 대변인, 푸틴)
   joins the one full name of the article it fits, when exactly one fits.
3. Across articles (`quotetrack.names` says which names may be matched):
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

`write_quotes` is the one entry point: ``store.save_article`` (and anything else
that rewrites an article's quotes, such as reprocess) calls it, so corrections
are re-applied whenever quotes are rewritten.  The role history
(`SpeakerRole`) is kept in step incrementally: a full recount only happens when
a deleted quote held a role's first or last day.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.roles import seen_day, update_role_history
from quotetrack.db.schema import (
    Article,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerCorrection,
    SpeakerRole,
    SpeakerWord,
)
from quotetrack.db.speaker_rows import add_alias, create_speaker, index_name_words, usable_name
from quotetrack.names import Mention, any_compatible, conflicts, read_mention
from quotetrack.normalize import name_key, text_key

log = logging.getLogger(__name__)

CORRECTION_MIN_OVERLAP = 0.6
"""A corrected quote whose re-extracted text changed still matches when one text contains the
other and the shorter is at least this share of the longer (trimmed or extended spans)."""


@dataclass(frozen=True)
class Dropped:
    """What an article's previous quotes said, for the role history, before they were deleted."""

    seen: list[tuple[int, str | None, date | None]] = field(default_factory=list)
    speaker_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Written:
    """What `write_quotes` stored."""

    quotes: int
    new_speakers: int


# --------------------------------------------------------------------------- writing quotes


def drop_quotes(session: Session, article_id: int) -> Dropped:
    """Delete an article's quotes, remembering their speakers and roles for `write_quotes`.

    Call before changing the article row: the days seen come from its stored publication time.
    """
    rows = session.execute(
        select(Quote.speaker_id, Quote.speaker_role, Quote.said_on, Article.published)
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.article_id == article_id, Quote.speaker_id.is_not(None))
    ).all()
    session.execute(delete(Quote).where(Quote.article_id == article_id))
    seen = [(sid, role, seen_day(said, published)) for sid, role, said, published in rows if sid is not None]
    return Dropped(seen, frozenset(sid for sid, _, _ in seen))


def write_quotes(
    session: Session,
    article: Article,
    quotes: Sequence[types.Quote],
    *,
    dropped: Dropped | None = None,
    now: datetime | None = None,
) -> Written:
    """Insert an article's quotes with their speakers resolved and corrections re-applied.

    `article` is the flushed article row; `dropped` what `drop_quotes` removed when
    the article's quotes are being rewritten.  Updates the role history and deletes
    speakers that only the old quotes used (unless curated).
    """
    now = now or datetime.now(UTC)
    dropped = dropped or Dropped()
    resolver = _Resolver(session, article, now)
    speaker_ids, roles = resolver.assign(quotes)
    values = [
        quote_values(article.id, position, quote, speaker_ids[position], roles[position])
        for position, quote in enumerate(quotes)
    ]
    if values:
        session.execute(insert(Quote), values)
    added = [
        (sid, role, seen_day(quote.said_on, article.published))
        for sid, role, quote in zip(speaker_ids, roles, quotes, strict=True)
        if sid is not None
    ]
    update_role_history(session, added, dropped.seen)
    _drop_unused(session, article.id, dropped.speaker_ids)
    return Written(len(values), resolver.created)


def quote_values(
    article_id: int, position: int, quote: types.Quote, speaker_id: int | None, role: str | None
) -> dict[str, object]:
    if quote.kind not in types.QUOTE_KINDS:
        raise ValueError(f"unknown quote kind {quote.kind!r}")
    return {
        "article_id": article_id,
        "position": position,
        "speaker_id": speaker_id,
        "speaker_text": quote.speaker,
        "speaker_role": role,
        "speaker_kind": quote.speaker_kind,
        "kind": quote.kind,
        "text": quote.text,
        "verb": quote.verb,
        "said_on": quote.said_on,
        "start_offset": quote.start,
        "end_offset": quote.end,
        "field": quote.field,
    }


def _drop_unused(session: Session, article_id: int, previous: Iterable[int]) -> None:
    """Delete this article's own speakers and the old quotes' speakers that no quote uses any more.

    Curated speakers and targets of corrections are kept.  Plain indexed lookups, not one
    DELETE with correlated subqueries: this runs for every article written.
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


# --------------------------------------------------------------------------- resolution


@dataclass
class _Group:
    """The quotes of one printed speaker (or several, joined within the article)."""

    mention: Mention
    positions: list[int] = field(default_factory=list)
    printed: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


class _Resolver:
    """Assigns one article's quotes to speakers."""

    def __init__(self, session: Session, article: Article, now: datetime) -> None:
        self.session = session
        self.article = article
        self.now = now
        self.created = 0
        self._roles: dict[int, set[str]] = {}

    def assign(self, quotes: Sequence[types.Quote]) -> tuple[list[int | None], list[str | None]]:
        """Speaker id and role to store for each quote, in order."""
        speaker_ids: list[int | None] = [None] * len(quotes)
        roles: list[str | None] = [q.speaker_role for q in quotes]
        by_quote, by_mention = self._corrections()
        groups: dict[str, _Group] = {}
        for position, quote in enumerate(quotes):
            fixed = _match_quote_correction(quote, by_quote)
            if fixed is not None:
                speaker_ids[position], roles[position] = fixed.speaker_id, fixed.role
                continue
            name = usable_name(quote.speaker)
            if name is None:
                continue
            key = name_key(name)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(read_mention(name, _kind_of(quotes, key), quote.speaker_role))
            group.positions.append(position)
            group.printed.add(name)
            if quote.speaker_role and quote.speaker_role.strip():
                group.roles.add(quote.speaker_role.strip())
        for group in _join_within_article(list(groups.values())):
            pinned = next((by_mention[name_key(p)] for p in group.printed if name_key(p) in by_mention), None)
            speaker = self.session.get(Speaker, pinned) if pinned is not None else self._resolve(group)
            assert speaker is not None
            self._learn(speaker, group)
            for position in group.positions:
                speaker_ids[position] = speaker.id
        return speaker_ids, roles

    def _corrections(self) -> tuple[list[SpeakerCorrection], dict[str, int]]:
        row = self.article
        found = list(
            self.session.scalars(
                select(SpeakerCorrection)
                .where(or_(SpeakerCorrection.article_id == row.id, SpeakerCorrection.article_key == row.key))
                .order_by(SpeakerCorrection.id)
            )
        )
        for correction in found:  # the article row was re-created, or its key changed: follow it
            correction.article_id, correction.article_key = row.id, row.key
        by_quote = [c for c in found if c.quote_text is not None]
        by_mention = {c.mention_key: c.speaker_id for c in found if c.mention_key is not None}
        return by_quote, by_mention

    def _resolve(self, group: _Group) -> Speaker:
        m = group.mention
        if m.form in ("full", "single"):
            found = self._person(m, group.roles)
        elif m.form == "organisation":
            found = self._organisation(m)
        else:
            found = None
        return found or self._own(m)

    def _person(self, m: Mention, roles: set[str]) -> Speaker | None:
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
                speaker.name, speaker.name_key = m.printed, m.key
                add_alias(self.session, speaker, before)
                index_name_words(self.session, speaker)
                return speaker
        return self._create(m, None)

    def _organisation(self, m: Mention) -> Speaker | None:
        candidates = self._named(m.key, ("organisation", "unknown"))
        if len(candidates) > 1:
            candidates = [c for c in candidates if c.kind == "organisation"]
        if len(candidates) == 1:
            return candidates[0]
        return None if candidates else self._create(m, None)

    def _own(self, m: Mention) -> Speaker:
        """This article's own speaker for the mention, reused when the article is rewritten."""
        by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == m.key)
        found = self.session.scalars(
            select(Speaker)
            .where(
                Speaker.article_id == self.article.id,
                or_(Speaker.name_key == m.key, Speaker.id.in_(by_alias)),
            )
            .order_by(Speaker.id)
        ).first()
        return found or self._create(m, self.article.id)

    def _named(self, key: str, kinds: tuple[str, ...], *, by_alias: bool = True) -> list[Speaker]:
        """Speakers of other articles too (not article-only) with this canonical name or alias."""
        ids = set(self.session.scalars(select(Speaker.id).where(Speaker.name_key == key)))
        if by_alias:
            ids |= set(
                self.session.scalars(select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == key))
            )
        return self._global(ids, kinds)

    def _full_names_with_family_word(self, word_key: str, roles: set[str]) -> list[Speaker]:
        """Persons whose several-word name or alias starts or ends with this word, in a fitting role
        (푸틴: 블라디미르 푸틴; 기시다: 기시다 후미오)."""
        ids = set(
            self.session.scalars(select(SpeakerWord.speaker_id).where(SpeakerWord.word_key == word_key))
        )
        return [
            s
            for s in self._global(ids, ("person", "unknown"))
            if s.name_key != word_key and any_compatible(self._roles_of(s), roles)
        ]

    def _global(self, ids: set[int], kinds: tuple[str, ...]) -> list[Speaker]:
        """These speakers, when they are of the kinds and not article-only, by id.

        Looked up by primary key and filtered here: most speakers have no article, so a
        condition on ``article_id`` would tempt SQLite's planner into scanning that index.
        """
        if not ids:
            return []
        found = self.session.scalars(select(Speaker).where(Speaker.id.in_(sorted(ids)))).all()
        chosen = sorted((s for s in found if s.article_id is None and s.kind in kinds), key=lambda s: s.id)
        self._load_roles(s.id for s in chosen)
        return chosen

    def _roles_of(self, speaker: Speaker) -> set[str]:
        if speaker.id not in self._roles:
            self._load_roles([speaker.id])
        return self._roles[speaker.id]

    def _load_roles(self, ids: Iterable[int]) -> None:
        """Fetch the role history of these speakers in one query (candidates come in groups)."""
        missing = sorted(set(ids) - set(self._roles))
        if not missing:
            return
        for sid in missing:
            self._roles[sid] = set()
        rows = self.session.execute(
            select(SpeakerRole.speaker_id, SpeakerRole.role).where(SpeakerRole.speaker_id.in_(missing))
        )
        for sid, role in rows:
            self._roles[sid].add(role)

    def _create(self, m: Mention, article_id: int | None) -> Speaker:
        self.created += 1
        return create_speaker(self.session, m.printed, m.kind, now=self.now, article_id=article_id)

    def _learn(self, speaker: Speaker, group: _Group) -> None:
        """Remember how the article printed the speaker, its kind when it was unknown, and its roles."""
        for printed in sorted(group.printed):
            if name_key(printed) != speaker.name_key:
                add_alias(self.session, speaker, printed)
        if speaker.kind == "unknown" and group.mention.kind in ("person", "organisation"):
            speaker.kind = group.mention.kind
        self._roles.setdefault(speaker.id, set()).update(group.roles)


def _kind_of(quotes: Sequence[types.Quote], key: str) -> types.SpeakerKind:
    """The kind the extractor gave a printed name most often in the article, unknown only if it never knew."""
    counts: dict[types.SpeakerKind, int] = defaultdict(int)
    for q in quotes:
        name = usable_name(q.speaker)
        if name is not None and name_key(name) == key and q.speaker_kind != "unknown":
            counts[q.speaker_kind] += 1
    return max(counts, key=lambda k: counts[k]) if counts else "unknown"


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


def _match_quote_correction(
    quote: types.Quote, corrections: list[SpeakerCorrection]
) -> SpeakerCorrection | None:
    """The latest correction of this quote: same field and text, or a text containing the other."""
    want = text_key(quote.text)
    best: SpeakerCorrection | None = None
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
