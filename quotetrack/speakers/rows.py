"""Speaker rows: creating speakers, their aliases, and the index of words that may be a family name.

The building blocks `resolve` (resolution) and `curation` (fixes by hand)
share; identity decisions are theirs, not made here.  Functions take a session
and never commit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.schema import NAME_LEN, Speaker, SpeakerAlias, SpeakerWord
from quotetrack.normalize import name_key


def usable_name(name: str | None) -> str | None:
    """The name stripped, or None when it cannot be a speaker's name (empty, or too long)."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    key = name_key(name)
    if not key or len(name) > NAME_LEN or len(key) > NAME_LEN:
        return None
    return name


def alias_and_key(alias: str) -> tuple[str, str]:
    """An alias tidied (as `usable_name`) and its key; ValueError when it cannot be a name."""
    valid = usable_name(alias)
    if valid is None:
        raise ValueError(f"{' '.join(alias.split())!r} cannot be a name")
    return valid, name_key(valid)


def create_speaker(
    session: Session, name: str, kind: str, *, now: datetime | None = None, article_id: int | None = None
) -> Speaker:
    """A new speaker with `name` as canonical name (no lookup: callers decide identity)."""
    if kind not in types.SPEAKER_KINDS:
        raise ValueError(f"unknown speaker kind {kind!r}")
    speaker = Speaker(
        name=name,
        name_key=name_key(name),
        kind=kind,
        created_at=now or datetime.now(UTC),
        article_id=article_id,
    )
    session.add(speaker)
    session.flush()
    words = family_word_keys(name)
    if words:  # a new speaker has no aliases yet: its name's words are all there is to index
        session.execute(
            insert(SpeakerWord), [{"speaker_id": speaker.id, "word_key": k} for k in sorted(words)]
        )
    return speaker


def family_word_keys(name: str) -> set[str]:
    """Keys of the first and last words of a several-word name (블라디미르 푸틴 → 블라디미르, 푸틴)."""
    words = name.replace("·", " ").split()
    return {name_key(words[0]), name_key(words[-1])} - {""} if len(words) > 1 else set()


def index_name_words(session: Session, speaker: Speaker, *, rebuild: bool = False) -> None:
    """Keep `SpeakerWord` in step with a speaker's name and aliases (rebuild after a rename or removal)."""
    names = [
        speaker.name,
        *session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker.id)),
    ]
    want = {k for n in names for k in family_word_keys(n) if len(k) <= NAME_LEN}
    have = set(session.scalars(select(SpeakerWord.word_key).where(SpeakerWord.speaker_id == speaker.id)))
    if rebuild and have - want:
        session.execute(
            delete(SpeakerWord).where(
                SpeakerWord.speaker_id == speaker.id, SpeakerWord.word_key.in_(have - want)
            )
        )
    if want - have:
        session.execute(
            insert(SpeakerWord), [{"speaker_id": speaker.id, "word_key": k} for k in sorted(want - have)]
        )


def add_alias(session: Session, speaker: Speaker, alias: str) -> bool:
    """Record another spelling of a speaker's name; False if it was already known."""
    alias, key = alias_and_key(alias)
    if key == speaker.name_key:
        return False
    known = session.scalar(
        select(SpeakerAlias.id).where(SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_key == key)
    )
    if known is not None:
        return False
    session.add(SpeakerAlias(speaker_id=speaker.id, alias=alias, alias_key=key))
    session.flush()
    if family_word_keys(alias):
        index_name_words(session, speaker)
    return True
