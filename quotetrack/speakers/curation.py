"""A curator's fixes to speaker identity: merge, rename, aliases, reassign a quote, import names.

Every fix that changes who said something is also written down as a
`SpeakerCorrection` keyed by the article, so `speakers/resolve.write_quotes`
re-applies it whenever the article's quotes are rewritten (re-ingest of a
changed URL, ``reprocess``, ``ingest --force``).  Speakers touched by a person
are marked ``curated`` and are never deleted for having no quotes.  Functions
take a session and never commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.identity import retired
from quotetrack.db.schema import Article, Quote, Speaker, SpeakerAlias, SpeakerCorrection, storable_id
from quotetrack.errors import SpeakerError
from quotetrack.normalize import name_key
from quotetrack.speakers.roles import refresh_roles
from quotetrack.speakers.rows import add_alias, create_speaker, index_name_words, usable_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MergeResult:
    kept: Speaker
    merged: list[str]
    quotes_moved: int
    aliases_added: int


@dataclass(frozen=True)
class NameClash:
    """Other speakers already called by a name just given to a speaker (maybe the same person)."""

    name: str
    speaker_ids: list[int]


@dataclass(frozen=True)
class ImportRow:
    """One line of a curated names file: canonical name, an alias (may be empty), an optional kind."""

    line: int
    canonical: str
    alias: str | None
    kind: str | None


@dataclass
class ImportReport:
    created: int = 0
    aliases_added: int = 0
    kinds_set: int = 0
    unchanged: int = 0
    clashes: list[NameClash] = field(default_factory=list)


def merge_speakers(
    session: Session, keep: Speaker, others: Sequence[Speaker], *, now: datetime | None = None
) -> MergeResult:
    """Fold `others` into `keep`: quotes, names (as aliases), roles, corrections; pinned for re-ingest."""
    now = now or datetime.now(UTC)
    others = [o for o in others if o.id != keep.id]
    if not others:
        raise SpeakerError(
            f"there is nothing to merge: every speaker named is {keep.name} (ID {keep.id})",
            "name two different speakers, e.g. quotetrack speakers merge '블라디미르 푸틴' 푸틴",
        )
    moved = aliases = 0
    for other in others:
        _pin_mentions(session, other.id, keep.id, now)
        if keep.article_id is not None and (other.article_id != keep.article_id):
            keep.article_id = None  # it now spans articles
        moved += (
            session.scalar(select(func.count()).select_from(Quote).where(Quote.speaker_id == other.id)) or 0
        )
        session.execute(update(Quote).where(Quote.speaker_id == other.id).values(speaker_id=keep.id))
        session.execute(
            update(SpeakerCorrection)
            .where(SpeakerCorrection.speaker_id == other.id)
            .values(speaker_id=keep.id)
        )
        names = [
            other.name,
            *session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == other.id)),
        ]
        if keep.kind == "unknown":
            keep.kind = other.kind
        session.delete(other)
        session.flush()
        aliases += sum(add_alias(session, keep, n) for n in names)
    keep.curated = True
    refresh_roles(session, [keep.id])
    log.info("merged %s into %s (%d quotes)", [o.name for o in others], keep.name, moved)
    return MergeResult(keep, [o.name for o in others], moved, aliases)


def _pin_mentions(session: Session, from_id: int, to_id: int, now: datetime) -> None:
    """Record, per article, that the names printed for `from_id` mean `to_id` from now on."""
    rows = session.execute(
        select(Quote.article_id, Article.key, Quote.speaker_text)
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.speaker_id == from_id, Quote.speaker_text.is_not(None))
        .distinct()
    ).all()
    for article_id, article_key, printed in rows:
        name = usable_name(printed)
        if name is None:
            continue
        key = name_key(name)
        session.execute(
            delete(SpeakerCorrection).where(
                SpeakerCorrection.article_id == article_id, SpeakerCorrection.mention_key == key
            )
        )
        session.add(
            SpeakerCorrection(
                article_id=article_id,
                article_key=article_key,
                mention_key=key,
                speaker_id=to_id,
                created_at=now,
            )
        )
    session.flush()


def rename_speaker(session: Session, speaker: Speaker, new_name: str) -> NameClash | None:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    name = valid_name(new_name)
    old = speaker.name
    key = name_key(name)
    session.execute(
        delete(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_key == key)
    )
    speaker.name, speaker.name_key, speaker.curated = name, key, True
    session.flush()
    add_alias(session, speaker, old)
    index_name_words(session, speaker, rebuild=True)
    return _clash(session, speaker, name)


def add_speaker_alias(session: Session, speaker: Speaker, alias: str) -> tuple[bool, NameClash | None]:
    """Record another name for a speaker (Putin, Vladimir Putin); (added, other speakers so named)."""
    alias = valid_name(alias)
    added = add_alias(session, speaker, alias)
    speaker.curated = True
    return added, _clash(session, speaker, alias)


def remove_speaker_alias(session: Session, speaker: Speaker, alias: str) -> None:
    """Forget one of a speaker's aliases."""
    match = (SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_key == name_key(alias))
    if session.scalar(select(SpeakerAlias.id).where(*match)) is None:
        raise SpeakerError(
            f"{speaker.name} (ID {speaker.id}) has no alias {alias!r}",
            f"see its aliases with quotetrack speakers show {speaker.id}",
        )
    session.execute(delete(SpeakerAlias).where(*match))
    speaker.curated = True
    index_name_words(session, speaker, rebuild=True)


def reassign_quote(
    session: Session, quote_id: int, speaker: Speaker, *, role: str | None = None, now: datetime | None = None
) -> tuple[Quote, int | None]:
    """Attribute one quote to `speaker` (with `role`, since the printed one described someone else).

    Returns the quote and the id of its previous speaker.  The correction is kept
    for re-ingest; a previous speaker left without quotes is deleted unless curated.
    """
    quote = session.get(Quote, quote_id) if storable_id(quote_id) else None
    gone = retired(session, quote_id) if quote is None and storable_id(quote_id) else None
    if gone is not None:
        raise SpeakerError(*gone.explain())
    if quote is None:
        raise SpeakerError(
            f"there is no quote with ID {quote_id}", "find quote IDs with quotetrack search -f json"
        )
    article = session.get(Article, quote.article_id)
    assert article is not None
    previous = quote.speaker_id
    role = " ".join(role.split()) if role and role.strip() else None
    same_quote = (
        SpeakerCorrection.article_id == article.id,
        SpeakerCorrection.quote_field == quote.field,
        SpeakerCorrection.quote_text == quote.text,
    )
    session.execute(delete(SpeakerCorrection).where(*same_quote))
    session.add(
        SpeakerCorrection(
            article_id=article.id,
            article_key=article.key,
            quote_field=quote.field,
            quote_text=quote.text,
            role=role,
            speaker_id=speaker.id,
            created_at=now or datetime.now(UTC),
        )
    )
    quote.speaker_id, quote.speaker_role = speaker.id, role
    speaker.curated = True
    if speaker.article_id is not None and speaker.article_id != article.id:
        speaker.article_id = None
    session.flush()
    refresh_roles(session, [speaker.id, *([previous] if previous is not None else [])])
    if previous is not None and previous != speaker.id:
        _delete_if_unused(session, previous)
    return quote, previous


def _delete_if_unused(session: Session, speaker_id: int) -> None:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None or speaker.curated:
        return
    quotes = session.scalar(select(func.count()).select_from(Quote).where(Quote.speaker_id == speaker_id))
    targeted = session.scalar(
        select(func.count()).select_from(SpeakerCorrection).where(SpeakerCorrection.speaker_id == speaker_id)
    )
    if not quotes and not targeted:
        session.delete(speaker)
        session.flush()


def import_names(session: Session, rows: Iterable[ImportRow], *, now: datetime | None = None) -> ImportReport:
    """Load curated canonical names and aliases; a canonical name naming several speakers is refused."""
    now = now or datetime.now(UTC)
    report = ImportReport()
    for row in rows:
        speaker = _canonical(session, row)
        changed = speaker is None
        if speaker is None:
            speaker = create_speaker(session, row.canonical, row.kind or "person", now=now)
            report.created += 1
        elif row.kind and speaker.kind != row.kind:
            speaker.kind = row.kind
            report.kinds_set += 1
            changed = True
        speaker.curated = True
        if row.alias and add_alias(session, speaker, row.alias):
            report.aliases_added += 1
            changed = True
            clash = _clash(session, speaker, row.alias)
            if clash is not None:
                report.clashes.append(clash)
        report.unchanged += not changed
    return report


def _canonical(session: Session, row: ImportRow) -> Speaker | None:
    key = name_key(row.canonical)
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == key)
    stmt = select(Speaker).where(
        (Speaker.name_key == key) | Speaker.id.in_(by_alias), Speaker.article_id.is_(None)
    )
    if row.kind:
        stmt = stmt.where(Speaker.kind.in_((row.kind, "unknown")))
    else:
        stmt = stmt.where(Speaker.kind != "anonymous")
    found = list(session.scalars(stmt.order_by(Speaker.id)))
    exact = [s for s in found if s.name_key == key]
    found = exact or found
    if len(found) > 1:
        ids = ", ".join(str(s.id) for s in found)
        raise SpeakerError(
            f"line {row.line}: {row.canonical!r} names {len(found)} speakers (IDs {ids})",
            "merge them first (quotetrack speakers merge), or rename one so the name is unique",
        )
    return found[0] if found else None


def _clash(session: Session, speaker: Speaker, name: str) -> NameClash | None:
    key = name_key(name)
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == key)
    others = session.scalars(
        select(Speaker.id)
        .where((Speaker.name_key == key) | Speaker.id.in_(by_alias), Speaker.id != speaker.id)
        .order_by(Speaker.id)
    ).all()
    return NameClash(name, list(others)) if others else None


def valid_name(name: str) -> str:
    """The name tidied, or SpeakerError when it cannot be a speaker's name."""
    valid = usable_name(name)
    if valid is None:
        raise SpeakerError(
            f"{name!r} cannot be a speaker's name", "give a non-empty name of at most 200 characters"
        )
    return valid


def create_named_speaker(session: Session, name: str, kind: str, *, now: datetime | None = None) -> Speaker:
    """A new curated speaker of any article, for a quote reassigned to someone not yet stored."""
    speaker = create_speaker(session, valid_name(name), kind, now=now)
    speaker.curated = True
    return speaker


def check_kind(kind: str | None) -> str | None:
    """A kind from a file or option, validated (person, organisation, anonymous, unknown)."""
    if kind is None or not kind.strip():
        return None
    kind = kind.strip().lower()
    if kind == "organization":
        kind = "organisation"
    if kind not in types.SPEAKER_KINDS:
        raise SpeakerError(f"unknown speaker kind {kind!r}", f"use one of {', '.join(types.SPEAKER_KINDS)}")
    return kind
