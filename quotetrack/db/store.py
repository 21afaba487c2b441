"""Writes: turn a domain `Article` into rows.  Functions take a session and never commit.

The caller owns the transaction (``with transaction(engine) as session:``), so
one article is stored whole or not at all.

Quotes are written by ``resolve.write_quotes``, which resolves who said each
one (across articles, with curators' corrections re-applied) and keeps the
speakers' role history; see speakers/resolve.py for the policy.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.bulk import insert_ids, select_in
from quotetrack.db.derived import refresh_claims, sync_text_index
from quotetrack.db.schema import ARTICLES, NAME_LEN, OUTLETS, URL_LEN, Article, Outlet, Quote
from quotetrack.errors import SourceError
from quotetrack.normalize import name_key, text_hash, url_key
from quotetrack.speakers import resolve
from quotetrack.speakers.directory import SpeakerDirectory

log = logging.getLogger(__name__)

SaveOutcome = Literal["stored", "unchanged", "updated"]


@dataclass(frozen=True)
class SaveResult:
    """What `save_article` did with one article."""

    outcome: SaveOutcome
    article_id: int
    quotes: int
    """Quotes the article holds in the database after the save."""
    new_speakers: int


def article_text_hash(article: types.Article) -> str:
    """Hash of the article's normalised title and body (layout changes do not change it)."""
    return text_hash(article.title, article.body)


def raw_text_hash(raw: types.RawDocument) -> str:
    """Hash of the normalised raw text and the title a record gave: independent of the extractor."""
    return text_hash(str((raw.meta or {}).get("title") or ""), raw.text)


def article_key(
    article: types.Article, raw: types.RawDocument | None = None, *, raw_hash: str | None = None
) -> str:
    """The article's identity: its URL when known, else the hash of its normalised raw text.

    Without the raw document (callers that only have an extracted article) the
    key falls back to the hash of the clean title and body, the scheme used
    before raw text was kept; `save_article` adopts such rows when it meets
    their raw text.  `raw_hash` is `raw_text_hash(raw)` when the caller has it already.
    """
    if article.url and article.url.strip():
        return "url:" + url_key(article.url)
    if raw is not None:
        return "raw:" + (raw_hash or raw_text_hash(raw))
    return "sha256:" + article_text_hash(article)


_UNCHANGED = select(Article.id).where(
    Article.key == bindparam("key"),
    Article.raw_hash == bindparam("digest"),
    Article.extractor_version == bindparam("version"),
)
_QUOTE_COUNT = select(func.count()).select_from(Quote).where(Quote.article_id == bindparam("article"))


def find_unchanged(
    db: Session | Connection, raw: types.RawDocument, extractor_version: str, *, raw_hash: str | None = None
) -> SaveResult | None:
    """The stored article made from exactly this raw document by this extractor version, if any.

    Lets ingest skip extraction for articles already stored; None means extract and save.
    Takes a session or a plain connection (one query per document: no session needed).
    `raw_hash` is `raw_text_hash(raw)` when the caller has it already.
    """
    digest = raw_hash or raw_text_hash(raw)
    key = "url:" + url_key(raw.url) if raw.url and raw.url.strip() else "raw:" + digest
    found = db.execute(_UNCHANGED, {"key": key, "digest": digest, "version": extractor_version}).first()
    if found is None:
        return None
    count = db.execute(_QUOTE_COUNT, {"article": found[0]}).scalar()
    return SaveResult("unchanged", found[0], count or 0, 0)


@dataclass(frozen=True)
class ToSave:
    """One article for `save_articles`: as extracted, the document it came from, a record's extra fields."""

    article: types.Article
    raw: types.RawDocument | None = None
    """The document the article was extracted from; kept for `reprocess`, and the identity of an
    article without a URL."""
    extra: Mapping[str, object] | None = None
    """A record's fields that have no column."""
    raw_hash: str | None = None
    """`raw_text_hash(raw)` when the caller computed it already (ingest does, to look the document
    up before extracting it): hashing a 3 KB text costs as much as some of the writes."""


def check_article(article: types.Article) -> None:
    """Refuse, before anything is written, what the database would refuse (SourceError, ValueError).

    A batch checks every article first, so one bad article cannot undo the others' writes.
    """
    if article.url and len(article.url.strip()) > URL_LEN:
        raise SourceError(f"the article URL is longer than {URL_LEN} characters", "check the URL field")
    for quote in article.quotes:
        if quote.kind not in types.QUOTE_KINDS:
            raise ValueError(f"unknown quote kind {quote.kind!r}")
        if quote.speaker_kind not in types.SPEAKER_KINDS:
            raise ValueError(f"unknown speaker kind {quote.speaker_kind!r}")
        if quote.field not in ("title", "body"):
            raise ValueError(f"unknown quote field {quote.field!r}")
        if quote.start < 0 or quote.end < quote.start:
            raise ValueError(f"quote offsets {quote.start}..{quote.end} are not a span")


def save_article(
    session: Session,
    article: types.Article,
    *,
    raw: types.RawDocument | None = None,
    extra: Mapping[str, object] | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> SaveResult:
    """Store an article and its quotes, or replace the stored copy if its text or extraction changed.

    `raw` is the document the article was extracted from; it is kept for
    `reprocess` and identifies an article without a URL.  `extra` holds a
    record's fields that have no column.  `force` rewrites the article and its
    quotes even when nothing changed.
    """
    return save_articles(session, [ToSave(article, raw, extra)], force=force, now=now)[0]


def save_articles(
    session: Session,
    items: Sequence[ToSave],
    *,
    force: bool = False,
    now: datetime | None = None,
    checked: bool = False,
) -> list[SaveResult]:
    """Store a batch of articles, in order, with the outcome of saving each in turn with `save_article`.

    Every article is checked first (`check_article` raises for the first bad one; `checked`
    says the caller did that already).  New
    articles are written together: one insert of their rows, speakers resolved from a
    directory loaded once (speakers/directory.py), their quotes, role history and claims
    in a few bulk statements.  An article replacing a stored copy is written on its own, in
    its place in the order.  The full-text index is brought up to date once, at the end.
    """
    if not checked:
        for item in items:
            check_article(item.article)
    if not items:
        return []
    session.flush()  # ORM changes the caller made are visible to the statements below
    now = now or datetime.now(UTC)
    steps = _plan(session, items, force)
    outlets = _outlet_ids(session, [s.item.article.outlet for s in steps if s.outcome != "unchanged"])
    stored_counts = _quote_counts(
        session, [s.row.id for s in steps if s.quotes is None and s.row.id is not None]
    )
    directory = SpeakerDirectory(session, now)
    for segment in _segments(steps):
        if segment[0].outcome == "stored":
            _write_new(session, segment, outlets, directory, now)
        else:
            _write_update(session, segment[0], outlets, directory, now)
    sync_text_index(session)
    _refresh_raw(session, steps)
    results = []
    for step in steps:
        assert step.row.id is not None
        quotes = step.quotes if step.quotes is not None else stored_counts.get(step.row.id, 0)
        results.append(SaveResult(step.outcome, step.row.id, quotes, step.new_speakers))
        log.debug(
            "%s article %s (%s): %d quotes", step.outcome, step.row.id, step.item.article.source, quotes
        )
    return results


@dataclass
class _Row:
    """An article row as the batch sees it: stored, or inserted by an earlier step of the batch."""

    id: int | None
    text_hash: str
    extractor_version: str


@dataclass
class _Step:
    """What saving one item does, decided before anything is written."""

    item: ToSave
    key: str
    digest: str
    raw_digest: str | None
    """`raw_text_hash` of the item's raw document (None without one)."""
    outcome: SaveOutcome
    row: _Row
    quotes: int | None
    """Quotes the article holds after this step (None: as stored, to be counted)."""
    new_speakers: int = 0


def _plan(session: Session, items: Sequence[ToSave], force: bool) -> list[_Step]:
    """Each item's outcome, as saving them one after the other would decide it."""
    raw_digests = [
        None if i.raw is None else i.raw_hash or raw_text_hash(i.raw) for i in items
    ]  # each text hashed once
    keys = [article_key(i.article, i.raw, raw_hash=r) for i, r in zip(items, raw_digests, strict=True)]
    digests = [article_text_hash(i.article) for i in items]
    stored = select(Article.id, Article.key, Article.text_hash, Article.extractor_version)
    state = {
        key: _Row(rid, th, version)
        for rid, key, th, version in select_in(session, stored, Article.key, sorted(set(keys)))
    }
    legacy_keys = sorted(
        {"sha256:" + d for k, d in zip(keys, digests, strict=True) if k.startswith("raw:") and k not in state}
    )
    legacy = {
        key[len("sha256:") :]: _Row(rid, th, version)
        for rid, key, th, version in select_in(
            session, stored.where(Article.raw_hash.is_(None)), Article.key, legacy_keys
        )
    }
    adopted: list[dict[str, object]] = []
    steps: list[_Step] = []
    for item, key, digest, raw_digest in zip(items, keys, digests, raw_digests, strict=True):
        article = item.article
        row = state.get(key)
        if row is None and key.startswith("raw:"):
            row = legacy.pop(digest, None)  # stored before raw text was kept: adopt it
            if row is not None:
                state[key] = row
                adopted.append({"aid": row.id, "new_key": key})
        same = (
            row is not None and row.text_hash == digest and row.extractor_version == article.extractor_version
        )
        if row is not None and same and not force:
            steps.append(_Step(item, key, digest, raw_digest, "unchanged", row, _known_quotes(steps, row)))
        elif row is None:
            row = state[key] = _Row(None, digest, article.extractor_version)
            steps.append(_Step(item, key, digest, raw_digest, "stored", row, len(article.quotes)))
        else:
            row.text_hash, row.extractor_version = digest, article.extractor_version
            steps.append(_Step(item, key, digest, raw_digest, "updated", row, len(article.quotes)))
    if adopted:
        session.execute(
            update(ARTICLES).where(ARTICLES.c.id == bindparam("aid")).values(key=bindparam("new_key")),
            adopted,
        )
    return steps


def _known_quotes(steps: list[_Step], row: _Row) -> int | None:
    """Quotes an earlier step of the batch wrote for this row (None: not written in this batch)."""
    for step in reversed(steps):
        if step.row is row:
            return step.quotes
    return None


def _segments(steps: list[_Step]) -> list[list[_Step]]:
    """Runs of new articles, written together, and each update alone, in order."""
    out: list[list[_Step]] = []
    for step in steps:
        if step.outcome == "stored" and out and out[-1][0].outcome == "stored":
            out[-1].append(step)
        elif step.outcome != "unchanged":
            out.append([step])
    return out


def _write_new(
    session: Session,
    steps: list[_Step],
    outlets: dict[str, int | None],
    directory: SpeakerDirectory,
    now: datetime,
) -> None:
    rows = []
    for step in steps:
        values = _article_values(step, outlets)
        values.update(key=step.key, ingested_at=now, updated_at=None)
        values.update(_raw_values(step, complete=True))
        rows.append(values)
    for step, article_id in zip(steps, insert_ids(session, ARTICLES, rows), strict=True):
        step.row.id = article_id
    targets = [_target(step, new=True) for step in steps]
    written = resolve.write_quotes(session, targets, directory=directory, now=now)
    refresh_claims(session, [w.stored for w in written], now=now)
    for step, w in zip(steps, written, strict=True):
        step.new_speakers = w.new_speakers


def _write_update(
    session: Session, step: _Step, outlets: dict[str, int | None], directory: SpeakerDirectory, now: datetime
) -> None:
    assert step.row.id is not None
    dropped = resolve.drop_quotes(session, step.row.id)  # before the row changes: days come from it
    values = _article_values(step, outlets)
    values.update(updated_at=now)
    values.update(_raw_values(step, complete=False))
    session.execute(update(ARTICLES).where(ARTICLES.c.id == step.row.id).values(**values))
    (written,) = resolve.write_quotes(
        session, [_target(step, new=False)], directory=directory, dropped=dropped, now=now
    )
    refresh_claims(session, [written.stored], replaced=True, now=now)
    step.new_speakers = written.new_speakers


def _target(step: _Step, *, new: bool) -> resolve.Target:
    assert step.row.id is not None
    article = step.item.article
    return resolve.Target(step.row.id, step.key, article.published, article.quotes, new=new)


def _article_values(step: _Step, outlets: dict[str, int | None]) -> dict[str, object]:
    article = step.item.article
    return {
        "url": article.url.strip() if article.url else None,
        "text_hash": step.digest,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "published_has_time": article.published_has_time,
        "published_date": types.published_day(article.published),
        "outlet_id": outlets.get(article.outlet or ""),
        "byline": article.byline,
        "dateline": article.dateline,
        "body": article.body,
        "deck_end": article.deck_end,
        "extractor_version": article.extractor_version,
    }


def _raw_values(step: _Step, *, complete: bool) -> dict[str, object]:
    """The columns that keep the source document (all of them, NULL when absent, if `complete`)."""
    raw, extra = step.item.raw, step.item.extra
    out: dict[str, object] = {}
    if raw is not None or complete:
        out["raw_text"] = raw.text if raw is not None else None
        out["raw_format"] = raw.fmt if raw is not None else None
        out["raw_meta"] = (
            ({str(k): str(v) for k, v in (raw.meta or {}).items()} or None) if raw is not None else None
        )
        out["raw_hash"] = step.raw_digest
    if raw is not None and extra is not None:
        out["extra"] = dict(extra) or None
    elif complete:
        out["extra"] = None
    return out


def _refresh_raw(session: Session, steps: list[_Step]) -> None:
    """Keep the newest source document of articles found unchanged (what reprocess will read)."""
    last: dict[int, _Step] = {}
    for step in steps:
        if step.item.raw is not None:
            assert step.row.id is not None
            last[step.row.id] = step
    for step in last.values():
        if step.outcome == "unchanged":
            values = _raw_values(step, complete=False)
            session.execute(update(ARTICLES).where(ARTICLES.c.id == step.row.id).values(**values))


def _quote_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    stmt = select(Quote.article_id, func.count()).group_by(Quote.article_id)
    return dict(select_in(session, stmt, Quote.article_id, sorted(set(article_ids))))


def _outlet_ids(session: Session, names: list[str | None]) -> dict[str, int | None]:
    """Outlet ids by name as printed, outlets created if new (as `get_or_create_outlet`)."""
    wanted: dict[str, tuple[str, str]] = {}  # printed → (stripped name, key)
    for name in names:
        if not name or name in wanted:
            continue
        usable = _outlet_name(name)
        if usable is not None:
            wanted[name] = usable
    keys = sorted({key for _, key in wanted.values()})
    found: dict[str, int] = {
        key: oid for oid, key in select_in(session, select(Outlet.id, Outlet.name_key), Outlet.name_key, keys)
    }
    new: dict[str, str] = {}
    for clean, key in wanted.values():
        if key not in found and key not in new:
            new[key] = clean
    if new:
        rows = [{"name": clean, "name_key": key} for key, clean in new.items()]
        found.update(zip(new, insert_ids(session, OUTLETS, rows), strict=True))
    return {name: found[key] for name, (_, key) in wanted.items()}


def _outlet_name(name: str | None) -> tuple[str, str] | None:
    """An outlet's name stripped and its key; None (warned if too long) when it cannot be a name."""
    if not name or not name.strip():
        return None
    name = name.strip()
    key = name_key(name)
    if not key or len(key) > NAME_LEN or len(name) > NAME_LEN:
        log.warning("outlet name %.40r… is too long to be a name; not stored", name)
        return None
    return name, key


def get_or_create_outlet(session: Session, name: str | None) -> Outlet | None:
    """The outlet with this name (ignoring spacing and case), created if new; None for no usable name."""
    usable = _outlet_name(name)
    if usable is None:
        return None
    name, key = usable
    outlet = session.scalars(select(Outlet).where(Outlet.name_key == key)).one_or_none()
    if outlet is None:
        outlet = Outlet(name=name, name_key=key)
        session.add(outlet)
        session.flush()
    return outlet
