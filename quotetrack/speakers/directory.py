"""The stored speakers a batch of articles can resolve to, loaded in a few queries and written back at once.

Speaker resolution (speakers/resolve.py) asks, for every printed name, which stored
speakers carry that name, alias or family-name word, and what roles they were
printed with.  Asked of the database one mention at a time that was ~20
queries per article, most of the write path's cost (BENCHMARKS.md).  A
`SpeakerDirectory` instead loads, for a whole segment of articles, every
global speaker any of their names can reach — in four queries — and answers
from memory.  Changes the resolution makes (new speakers, aliases, name words,
renames, kinds) are applied to the directory at once, so the next article of
the batch sees them exactly as it would have seen the database, and are
written in a few bulk statements by `flush`.

New speakers get negative placeholder ids until `flush` inserts them; `real_id`
maps a placeholder to the stored id afterwards.  Placeholders sort after every
stored id, in creation order, which is the order their real ids will have.

Only global speakers (``article_id IS NULL``) are indexed by name: an article's
own speakers are looked up per article (`own_match`), and only for an article
being rewritten, since a new article has none.  Speakers a curator's correction
points to are loaded by id.  Functions take a session and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Row, bindparam, select, union, update
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.bulk import chunks, insert_ids
from quotetrack.db.schema import (
    NAME_LEN,
    SPEAKER_ALIASES,
    SPEAKER_WORDS,
    SPEAKERS,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    SpeakerWord,
)
from quotetrack.normalize import name_key
from quotetrack.speakers.names import role_key
from quotetrack.speakers.rows import alias_and_key, family_word_keys


@dataclass(eq=False)
class SpeakerRec:
    """A speaker as the directory knows it: its row, its aliases and name words, its role names."""

    id: int
    name: str
    name_key: str
    kind: str
    article_id: int | None
    curated: bool
    aliases: dict[str, str] = field(default_factory=dict)
    """alias_key → alias, in the order they were stored or added."""
    words: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)
    """role_key → role (the spelling the role history keeps): what `SpeakerRole` holds."""


class SpeakerDirectory:
    """Stored speakers by name, alias and name word, for one batch of articles (see module docstring)."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self._reset()

    def _reset(self) -> None:
        self._recs: dict[int, SpeakerRec] = {}
        self._by_name: dict[str, set[int]] = {}
        self._by_alias: dict[str, set[int]] = {}
        self._by_word: dict[str, set[int]] = {}
        self._loaded_keys: set[str] = set()
        self._own: dict[int, list[int]] = {}
        self._real: dict[int, int] = {}
        self._next_placeholder = -1
        # pending writes, in the order they were made
        self._new: list[SpeakerRec] = []
        self._new_aliases: list[tuple[SpeakerRec, str, str]] = []
        self._new_words: list[tuple[SpeakerRec, str]] = []
        self._changed: dict[int, SpeakerRec] = {}

    # ------------------------------------------------------------------ loading

    @property
    def dirty(self) -> bool:
        return bool(self._new or self._new_aliases or self._new_words or self._changed)

    def ensure(self, keys: Iterable[str], speaker_ids: Iterable[int] = ()) -> None:
        """Load the global speakers whose name, alias or name word is one of `keys`, and these ids."""
        assert not self.dirty, "load before changing anything: the database must hold every change"
        want = set(keys) - self._loaded_keys
        ids = {i for i in speaker_ids if i not in self._recs}
        if not want and not ids:
            return
        found: list[Row[int, str, str, str, int | None, bool]] = []
        columns = (
            Speaker.id,
            Speaker.name,
            Speaker.name_key,
            Speaker.kind,
            Speaker.article_id,
            Speaker.curated,
        )
        for chunk in chunks(sorted(want)):
            reach = union(
                select(Speaker.id).where(Speaker.name_key.in_(chunk)),
                select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.in_(chunk)),
                select(SpeakerWord.speaker_id).where(SpeakerWord.word_key.in_(chunk)),
            ).subquery()
            found.extend(self.session.execute(select(*columns).where(Speaker.id.in_(select(reach)))).all())
        for id_chunk in chunks(sorted(ids)):
            found.extend(self.session.execute(select(*columns).where(Speaker.id.in_(id_chunk))).all())
        self._loaded_keys |= want
        added = [
            SpeakerRec(sid, name, key, kind, article_id, curated)
            for sid, name, key, kind, article_id, curated in found
            if sid not in self._recs and (article_id is None or sid in ids)
        ]
        self._load_details(added)

    def ensure_own(self, article_id: int, *, new: bool) -> None:
        """Know the article's own speakers (none when the article row is new)."""
        if article_id in self._own:
            return
        assert not self.dirty, "load before changing anything: the database must hold every change"
        if new:
            self._own[article_id] = []
            return
        rows = self.session.execute(
            select(
                Speaker.id, Speaker.name, Speaker.name_key, Speaker.kind, Speaker.article_id, Speaker.curated
            )
            .where(Speaker.article_id == article_id)
            .order_by(Speaker.id)
        ).all()
        recs = [SpeakerRec(*row) for row in rows if row[0] not in self._recs]
        self._load_details(recs)
        self._own[article_id] = [row[0] for row in rows]

    def _load_details(self, recs: list[SpeakerRec]) -> None:
        """Aliases, name words and role names of freshly loaded speakers; index the global ones."""
        if not recs:
            return
        by_id = {r.id: r for r in recs}
        for chunk in chunks(sorted(by_id)):
            for sid, alias, key in self.session.execute(
                select(SpeakerAlias.speaker_id, SpeakerAlias.alias, SpeakerAlias.alias_key)
                .where(SpeakerAlias.speaker_id.in_(chunk))
                .order_by(SpeakerAlias.id)
            ):
                by_id[sid].aliases[key] = alias
            for sid, word in self.session.execute(
                select(SpeakerWord.speaker_id, SpeakerWord.word_key).where(SpeakerWord.speaker_id.in_(chunk))
            ):
                by_id[sid].words.add(word)
            for sid, key, role in self.session.execute(
                select(SpeakerRole.speaker_id, SpeakerRole.role_key, SpeakerRole.role)
                .where(SpeakerRole.speaker_id.in_(chunk))
                .order_by(SpeakerRole.id)
            ):
                by_id[sid].roles.setdefault(key, role)
        for rec in recs:
            self._recs[rec.id] = rec
            self._index(rec)

    def _index(self, rec: SpeakerRec) -> None:
        if rec.article_id is not None:
            return
        self._by_name.setdefault(rec.name_key, set()).add(rec.id)
        for key in rec.aliases:
            self._by_alias.setdefault(key, set()).add(rec.id)
        for word in rec.words:
            self._by_word.setdefault(word, set()).add(rec.id)

    def invalidate(self) -> None:
        """Forget everything (after changes made straight in the database); reloaded on demand."""
        assert not self.dirty
        self._reset()

    # ------------------------------------------------------------------ lookups

    def get(self, speaker_id: int) -> SpeakerRec | None:
        return self._recs.get(speaker_id)

    def named(self, key: str, *, by_alias: bool = True) -> list[SpeakerRec]:
        """Global speakers with this canonical name (or alias), in id order."""
        assert key in self._loaded_keys, f"name key {key!r} was not loaded"
        ids = set(self._by_name.get(key, ()))
        if by_alias:
            ids |= self._by_alias.get(key, set())
        return self._sorted(ids)

    def with_word(self, key: str) -> list[SpeakerRec]:
        """Global speakers with this word first or last in their name or an alias, in id order."""
        assert key in self._loaded_keys, f"word key {key!r} was not loaded"
        return self._sorted(self._by_word.get(key, set()))

    def own_match(self, article_id: int, key: str) -> SpeakerRec | None:
        """The article's first own speaker named or aliased `key`."""
        for sid in self._own[article_id]:
            rec = self._recs[sid]
            if rec.name_key == key or key in rec.aliases:
                return rec
        return None

    def role_names(self, rec: SpeakerRec) -> set[str]:
        return set(rec.roles.values())

    def _sorted(self, ids: Iterable[int]) -> list[SpeakerRec]:
        recs = [self._recs[i] for i in ids]
        return sorted((r for r in recs if r.article_id is None), key=lambda r: order(r.id))

    # ------------------------------------------------------------------ changes

    def create(self, name: str, kind: str, article_id: int | None) -> SpeakerRec:
        """A new speaker (inserted by `flush`), indexed at once like a stored one."""
        if kind not in types.SPEAKER_KINDS:
            raise ValueError(f"unknown speaker kind {kind!r}")
        rec = SpeakerRec(self._next_placeholder, name, name_key(name), kind, article_id, False)
        self._next_placeholder -= 1
        rec.words = family_word_keys(name)
        self._recs[rec.id] = rec
        self._new.append(rec)
        self._new_words.extend((rec, w) for w in sorted(rec.words))
        self._index(rec)
        if article_id is not None:
            self._own.setdefault(article_id, []).append(rec.id)
        return rec

    def add_alias(self, rec: SpeakerRec, alias: str) -> bool:
        """Record another spelling of the speaker's name; False if it was already known (as
        `rows.add_alias`)."""
        alias, key = alias_and_key(alias)
        if key == rec.name_key or key in rec.aliases:
            return False
        rec.aliases[key] = alias
        self._new_aliases.append((rec, alias, key))
        if rec.article_id is None:
            self._by_alias.setdefault(key, set()).add(rec.id)
        if family_word_keys(alias):
            self.index_words(rec)
        return True

    def index_words(self, rec: SpeakerRec) -> None:
        """Add the missing words of its name and aliases (as `rows.index_name_words`)."""
        names = [rec.name, *rec.aliases.values()]
        want = {k for n in names for k in family_word_keys(n) if len(k) <= NAME_LEN}
        for word in sorted(want - rec.words):
            rec.words.add(word)
            self._new_words.append((rec, word))
            if rec.article_id is None:
                self._by_word.setdefault(word, set()).add(rec.id)

    def rename(self, rec: SpeakerRec, name: str, key: str) -> None:
        if rec.article_id is None:
            self._by_name.get(rec.name_key, set()).discard(rec.id)
            self._by_name.setdefault(key, set()).add(rec.id)
        rec.name, rec.name_key = name, key
        self._changed[rec.id] = rec

    def set_kind(self, rec: SpeakerRec, kind: str) -> None:
        rec.kind = kind
        self._changed[rec.id] = rec

    def record_roles(self, seen: Iterable[tuple[int, str | None]]) -> None:
        """Mirror role-history rows that written quotes create (`roles.update_role_history`)."""
        for sid, role in seen:
            key = role_key(role)
            if not role or not key or len(key) > NAME_LEN or len(role.strip()) > NAME_LEN:
                continue
            rec = self._recs.get(sid)
            if rec is not None:
                rec.roles.setdefault(key, role.strip())

    # ------------------------------------------------------------------ writing

    def real_id(self, speaker_id: int) -> int:
        """The stored id of a speaker (a placeholder is mapped once `flush` has inserted it)."""
        return self._real.get(speaker_id, speaker_id)

    def flush(self) -> None:
        """Write new speakers, aliases, name words, renames and kinds in a few bulk statements."""
        session = self.session
        if self._new:
            rows = [
                {
                    "name": r.name,
                    "name_key": r.name_key,
                    "kind": r.kind,
                    "created_at": self.now,
                    "article_id": r.article_id,
                    "curated": r.curated,
                }
                for r in self._new
            ]
            for rec, real in zip(self._new, insert_ids(session, SPEAKERS, rows), strict=True):
                self._remap(rec, real)
        changed = [r for r in self._changed.values() if r.id > 0 and r not in self._new]
        if changed:
            session.execute(
                update(SPEAKERS)
                .where(SPEAKERS.c.id == bindparam("sid"))
                .values(
                    name=bindparam("new_name"), name_key=bindparam("new_key"), kind=bindparam("new_kind")
                ),
                [
                    {"sid": r.id, "new_name": r.name, "new_key": r.name_key, "new_kind": r.kind}
                    for r in changed
                ],
            )
        if self._new_aliases:
            session.execute(
                SPEAKER_ALIASES.insert(),
                [
                    {"speaker_id": r.id, "alias": alias, "alias_key": key}
                    for r, alias, key in self._new_aliases
                ],
            )
        if self._new_words:
            session.execute(
                SPEAKER_WORDS.insert(), [{"speaker_id": r.id, "word_key": w} for r, w in self._new_words]
            )
        self._expire([r.id for r in changed])
        self._new, self._new_aliases, self._new_words, self._changed = [], [], [], {}

    def _remap(self, rec: SpeakerRec, real: int) -> None:
        old = rec.id
        self._real[old] = real
        del self._recs[old]
        rec.id = real
        self._recs[real] = rec
        indexes = [self._by_name.get(rec.name_key)]
        indexes += [self._by_alias.get(k) for k in rec.aliases]
        indexes += [self._by_word.get(k) for k in rec.words]
        for ids in indexes:
            if ids is not None and old in ids:
                ids.discard(old)
                ids.add(real)
        if rec.article_id is not None:
            own = self._own[rec.article_id]
            own[own.index(old)] = real

    def _expire(self, speaker_ids: list[int]) -> None:
        """Let ORM objects of changed speakers that the caller holds reload their new values."""
        for sid in speaker_ids:
            obj = self.session.identity_map.get(self.session.identity_key(Speaker, sid))
            if obj is not None:
                self.session.expire(obj)


def order(speaker_id: int) -> tuple[bool, int]:
    """Sort key: stored ids first, then placeholders in creation order (the order of their ids-to-be)."""
    return (speaker_id < 0, abs(speaker_id))
