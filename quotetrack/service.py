"""The use cases the CLI calls: ingest, extract, reprocess, search, show, timeline, claims, changes,
export, stats and schema upkeep (the speaker use cases are in speakers/service.py).

Each takes `Settings` (or nothing, for extract), opens the database (refusing
to create an empty SQLite file where the user expected data), works in one
transaction and returns plain values for the CLI to render; nothing here prints.
Commands about a speaker first bring that speaker's claims up to date
(`db.claims.ensure_claims`), which only writes when quotes arrived by a path
that skipped the write-path hook.

The Korean NLP stack (~2 s and ~0.5 GiB to load) and the ingest stack (readers,
the batch writer, multiprocessing, urllib) are imported inside the use cases
that run them, so the read commands never load either (tests/test_startup.py);
so are claims upkeep and the reversal analysis, which `search` and `show` do
not need.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from quotetrack.config import Settings
from quotetrack.db import migrate
from quotetrack.db.access import read_only_reason, require_writable
from quotetrack.db.engine import make_engine, parse_url, safe_url, scrub, sqlite_path, transaction
from quotetrack.db.identity import retired
from quotetrack.db.schema import ClaimQuote, Quote, storable_id
from quotetrack.db.search import (
    QuoteDetail,
    QuoteFilter,
    QuoteRow,
    Sort,
    iter_quotes,
    quote_detail,
    quote_details,
    quote_rows,
    resolve_speakers,
    search_quotes,
)
from quotetrack.db.search import undated_left_out as search_undated
from quotetrack.db.stats import Stats, quote_stats
from quotetrack.errors import DatabaseError, QuotetrackError
from quotetrack.types import Article, RawDocument, effective_date, published_day

if TYPE_CHECKING:
    from quotetrack.analysis.changes import Change
    from quotetrack.analysis.timeline import Day
    from quotetrack.db.claims import ClaimSummary
    from quotetrack.db.readings import ReadReport
    from quotetrack.ingest.batch import IngestItem, IngestOptions, IngestReport, Progress
    from quotetrack.ingest.readers import ReadOptions, SourceFailure

log = logging.getLogger(__name__)

Extractor = Callable[[RawDocument], Article]


def default_extractor() -> Extractor:
    """The real extraction pipeline (importing it is cheap; Kiwi loads on its first call)."""
    from quotetrack.extract.pipeline import extract

    return extract


def ingest(
    paths: Iterable[str],
    settings: Settings,
    *,
    options: IngestOptions | None = None,
    extractor: Extractor | None = None,
    stdin: BinaryIO | None = None,
    on_item: Callable[[IngestItem], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Read, extract and store every article under `paths` (see `quotetrack.ingest.batch.ingest`)."""
    from quotetrack.ingest import batch

    writable_or_stop(settings, "ingest articles")
    return batch.ingest(
        paths,
        settings,
        options=options,
        extractor=extractor or default_extractor(),
        stdin=stdin,
        on_item=on_item,
        on_progress=on_progress,
    )


def reprocess(
    settings: Settings,
    *,
    jobs: int | None = None,
    everything: bool = False,
    extractor: Extractor | None = None,
    on_item: Callable[[IngestItem], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Re-extract stored articles parsed by an older extractor (see `quotetrack.ingest.batch.reprocess`)."""
    from quotetrack.ingest import batch

    writable_or_stop(settings, "re-extract articles")
    return batch.reprocess(
        settings,
        jobs=jobs,
        everything=everything,
        extractor=extractor or default_extractor(),
        on_item=on_item,
        on_progress=on_progress,
    )


def stale_articles(settings: Settings, *, extractor: Extractor | None = None) -> int:
    """How many stored articles `reprocess` would re-extract."""
    from quotetrack.ingest import batch

    return batch.count_stale(settings, extractor or default_extractor())


def extract_records(
    paths: Iterable[str], *, extractor: Extractor | None = None, options: ReadOptions | None = None
) -> Iterator[dict[str, Any] | SourceFailure]:
    """Extract each article under `paths` without any database: a JSON-ready record or a failure."""
    from quotetrack.ingest.readers import ReadOptions, SourceFailure, iter_documents
    from quotetrack.records import article_record

    extract: Extractor | None = extractor
    for doc in iter_documents(paths, options=options or ReadOptions()):
        if isinstance(doc, SourceFailure):
            yield doc
            continue
        if extract is None:
            extract = default_extractor()
        try:
            yield article_record(extract(doc))
        except QuotetrackError as e:
            yield SourceFailure(doc.source, str(e))
        except Exception as e:  # keep going: one bad article must not hide the others' output
            log.debug("extraction of %s failed", doc.source, exc_info=True)
            yield SourceFailure(doc.source, f"extraction failed: {type(e).__name__}: {e}")


def search(
    settings: Settings, filters: QuoteFilter, *, sort: Sort | None = None, limit: int | None = None
) -> list[QuoteRow]:
    """Quotes matching the filters, in the requested order."""
    with existing_database(settings, "reading") as session:
        return search_quotes(session, filters, sort=sort, limit=limit)


def show(settings: Settings, quote_id: int) -> QuoteDetail:
    """One quote with its sentence context and sources."""
    with existing_database(settings, "reading") as session:
        # An id outside the 64-bit range the databases store cannot exist; asking for it must
        # not reach the driver, which would overflow binding it.
        detail = quote_detail(session, quote_id) if storable_id(quote_id) else None
        gone = retired(session, quote_id) if detail is None and storable_id(quote_id) else None
    if gone is not None:
        raise QuotetrackError(*gone.explain())
    if detail is None:
        raise QuotetrackError(
            f"there is no quote with id {quote_id}",
            "quote ids are in the first column of `quotetrack search` (and its --format json output)",
        )
    return detail


@dataclass(frozen=True)
class SpeakerReport:
    """What a speaker-centred command found: the speakers the query named, and the rows."""

    speakers: list[str]


@dataclass(frozen=True)
class Timeline(SpeakerReport):
    days: list[Day]
    months: list[tuple[str, int]]
    reversals: list[tuple[int, int]]
    """(earlier quote id, later quote id) of each reversal (`changes`), to mark in the timeline."""


def timeline(settings: Settings, filters: QuoteFilter) -> Timeline:
    """The speaker's statements by day (with articles, outlets and stance per statement), per
    month, and the reversals among them."""
    from quotetrack.analysis.timeline import Report, group_by_day, per_month
    from quotetrack.db.readings import stored_readings

    with existing_database(settings, "reading") as session:
        names = _ensure_speaker_claims(session, filters)
        rows = search_quotes(session, filters, sort="said") if names else []
        readings = stored_readings(session, [r.quote_id for r in rows])
        found = _reversals(session, filters)[1] if names else []
    reports = [
        Report(
            r.quote_id,
            day,
            r.claim_id,
            r.text,
            r.article_id,
            r.outlet,
            r.kind,
            readings[r.quote_id].stance if r.quote_id in readings else None,
        )
        for r in rows
        if (day := _day(r)) is not None
    ]
    days = group_by_day(reports)
    reversals = [(c.before.quote_id, c.after.quote_id) for c in found]
    return Timeline(names, days, per_month(days), reversals)


@dataclass(frozen=True)
class ClaimList(SpeakerReport):
    claims: list[ClaimSummary]


def claims(settings: Settings, filters: QuoteFilter) -> ClaimList:
    """The speaker's claims (those with a quote matching the filters), most reported first."""
    from quotetrack.db.claims import claim_summaries

    with existing_database(settings, "reading") as session:
        speakers = resolve_speakers(session, filters.speaker or "")
        names = _ensure_speaker_claims(session, filters)
        if not names:
            return ClaimList([], [])
        narrowed = replace(filters, speaker=None) != QuoteFilter()
        quote_ids = [r.quote_id for r in search_quotes(session, filters)] if narrowed else None
        found = claim_summaries(session, [s.id for s in speakers], quote_ids)
    return ClaimList(names, found)


@dataclass(frozen=True)
class ChangeList(SpeakerReport):
    statements: int
    changes: list[Change[QuoteDetail]]
    """The first `limit` reversals, or all."""
    found: int
    """How many reversals there are in all."""


def changes(settings: Settings, filters: QuoteFilter, *, limit: int | None = None) -> ChangeList:
    """Reversals in the speaker's statements (one statement per claim), oldest first; the first
    `limit` of them in full.

    The earlier side is shown by its last report before the change, the later by its first
    (a body quote rather than the headline condensing it).  Only the reports shown are read
    in full (rows, passages, the words that decided the stance): a busy speaker has thousands
    of reversals and a table shows 100.
    """
    from quotetrack.analysis.changes import Change, Statement
    from quotetrack.db.readings import stored_readings

    with existing_database(settings, "reading") as session:
        names = _ensure_speaker_claims(session, filters)
        statements, found = _reversals(session, filters) if names else (0, [])
        shown = found[:limit] if limit is not None else found
        ids = [r.quote_id for c in shown for r in (c.before, c.after)]
        rows = quote_rows(session, ids)
        readings = stored_readings(session, ids)
        details = quote_details(session, list(rows.values()))
        changes = [
            Change(
                Statement(c.before.day, readings[c.before.quote_id], details[c.before.quote_id]),
                Statement(c.after.day, readings[c.after.quote_id], details[c.after.quote_id]),
                c.overlap,
                c.shared,
            )
            for c in shown
        ]
    return ChangeList(names, statements, changes, len(found))


class Reversal(NamedTuple):
    """A reversal between two statements, by the report that stands for each side."""

    before: ReadReport
    after: ReadReport
    overlap: float
    shared: tuple[str, ...]


def _reversals(session: Session, filters: QuoteFilter) -> tuple[int, list[Reversal]]:
    """How many statements match the filters (one per claim), and the reversals among them
    (`changes`, and `timeline`'s marks).

    A statement is read as its first body quote reads and dated by its first report.  The
    statements go to the comparison as columns (analysis.changes.reversals), not objects:
    a busy speaker has 100,000 of them.
    """
    from quotetrack.analysis.changes import reversals
    from quotetrack.db.readings import decode_topic, read_reports

    claims: dict[int | str, list[ReadReport]] = {}
    for r in read_reports(session, filters):  # oldest first: statements come in date order
        claims.setdefault(r.claim_id if r.claim_id is not None else f"q{r.quote_id}", []).append(r)
    groups = list(claims.values())
    read_as = [_side(g) for g in groups]
    topics = [decode_topic(r.topic) for r in read_as]
    found = reversals(
        [g[0].day for g in groups],
        [r.stance for r in read_as],
        [lemmas for lemmas, _ in topics],
        [pairs for _, pairs in topics],
    )
    return len(groups), [
        Reversal(_side(groups[i], groups[j][0].day, last=True), _side(groups[j]), score, shared)
        for i, j, score, shared in found
    ]


def _side(reports: list[ReadReport], before: date | None = None, *, last: bool = False) -> ReadReport:
    """The report that stands for a statement: a body quote over a headline, the last said before
    `before` (`last`) or the first."""
    if len(reports) == 1:  # most statements were reported once
        return reports[0]
    if before is not None:
        reports = [r for r in reports if r.day < before] or reports
    body = [r for r in reports if r.kind != "headline"] or reports
    return body[-1] if last else body[0]


@dataclass(frozen=True)
class FidelityHit:
    """A headline quote (or one part of it) and the body quote it condenses, with what it changes."""

    headline: QuoteRow
    part: str
    body: QuoteDetail
    flags: list[dict[str, str]]


def fidelity(settings: Settings, filters: QuoteFilter, *, everything: bool = False) -> list[FidelityHit]:
    """Headline quotes that do not say what the body quote they condense says (all linked ones with
    `everything`), newest article first."""
    from quotetrack.db.readings import links_of

    headline_filter = replace(filters, kinds=("headline",))
    with existing_database(settings, "reading") as session:
        _catch_up_headlines(session)
        heads = {r.quote_id: r for r in search_quotes(session, headline_filter, sort="newest")}
        hits = []
        for link in links_of(session, list(heads)):
            if not link.flags and not everything:
                continue
            head = heads[link.headline_quote_id]
            body = quote_detail(session, link.body_quote_id)
            assert body is not None
            hits.append(FidelityHit(head, head.text[link.segment_start : link.segment_end], body, link.flags))
    order = {q: n for n, q in enumerate(heads)}
    hits.sort(key=lambda h: order[h.headline.quote_id])
    return hits


def undated_left_out(settings: Settings, filters: QuoteFilter, *, on_time_axis: bool = False) -> int:
    """Quotes the date bounds (or, `on_time_axis`, the time axis itself) left out because they have
    no date at all (db/search.py)."""
    with existing_database(settings, "reading") as session:
        return search_undated(session, filters, on_time_axis=on_time_axis)


def export(settings: Settings, filters: QuoteFilter) -> Iterator[QuoteRow]:
    """Every matching quote, oldest first, streamed; claims are brought up to date first."""
    with existing_database(settings, "reading") as session:
        if filters.speaker is not None:
            _ensure_speaker_claims(session, filters)
        else:
            _catch_up_claims(session, None)
        yield from iter_quotes(session, filters)


def stats(settings: Settings, filters: QuoteFilter, *, top: int | None = 20) -> Stats:
    """Counts by speaker, outlet and month."""

    with existing_database(settings, "reading") as session:
        return quote_stats(session, filters, top=top)


def _ensure_speaker_claims(session: Session, filters: QuoteFilter) -> list[str]:
    speakers = resolve_speakers(session, filters.speaker or "")
    _catch_up_claims(session, [s.id for s in speakers])
    return [s.name for s in speakers]


def _catch_up_headlines(session: Session) -> None:
    """Read the articles with headline quotes that were stored before readings were kept."""
    from quotetrack.db.claims import ensure_claims
    from quotetrack.db.readings import count_unread, ensure_readings

    reason = read_only_reason(session)
    if reason is None:
        if ensure_readings(session, None, headlines_only=True):
            ensure_claims(session, None)
        return
    n = count_unread(session, None, headlines_only=True)
    if n:
        log.warning(
            "%d quotes of articles with headline quotes have not been read for stance yet and the database "
            "is read-only (%s): fidelity leaves their headlines out",
            n,
            reason,
        )


def _catch_up_claims(session: Session, speaker_ids: list[int] | None) -> None:
    """Read quotes without a current reading and give claims to quotes that lack one (claims use
    the stance, and join a headline quote to the body quote it condenses); on a database that may
    not be written, say which are left out."""
    from quotetrack.db.claims import ensure_claims
    from quotetrack.db.readings import count_unread, ensure_readings

    reason = read_only_reason(session)
    if reason is None:
        ensure_readings(session, speaker_ids)
        ensure_claims(session, speaker_ids)
        return
    unread = count_unread(session, speaker_ids) if speaker_ids != [] else 0
    if unread:
        log.warning(
            "%d quotes have not been read for stance yet and the database is read-only (%s): changes and "
            "timeline leave them out; one `quotetrack changes` run with write access reads them",
            unread,
            reason,
        )
    if speaker_ids == []:
        return
    stale = (
        select(func.count())
        .select_from(Quote)
        .outerjoin(ClaimQuote, ClaimQuote.quote_id == Quote.id)
        .where(
            Quote.speaker_id.is_not(None),
            or_(ClaimQuote.quote_id.is_(None), ClaimQuote.speaker_id != Quote.speaker_id),
        )
    )
    if speaker_ids is not None:
        stale = stale.where(Quote.speaker_id.in_(speaker_ids))
    n = session.scalar(stale) or 0
    if n:
        log.warning(
            "%d quotes are not grouped into claims yet and the database is read-only (%s): claims and "
            "changes leave them out; one `quotetrack claims` run with write access groups them",
            n,
            reason,
        )


def _day(row: QuoteRow) -> date | None:
    """The day a quote was said, else the day its article was published (Korea time)."""
    return effective_date(row.said_on, published_day(row.published))[0]


def open_database(settings: Settings) -> Engine:
    """An engine for the configured database, with its schema brought or checked up to date."""
    engine = make_engine(settings.database_url)
    try:
        migrate.ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def upgrade_database(settings: Settings) -> tuple[str | None, str]:
    """Apply pending migrations; returns the revisions before and after."""
    engine = make_engine(settings.database_url)
    try:
        return migrate.upgrade(engine)
    finally:
        engine.dispose()


def database_status(settings: Settings) -> migrate.SchemaStatus:
    """The database's schema revision against the newest this quotetrack knows."""
    _require_existing_sqlite(settings)
    engine = make_engine(settings.database_url)
    try:
        return migrate.schema_status(engine)
    finally:
        engine.dispose()


def writable_or_stop(settings: Settings, action: str) -> None:
    """Stop a write command before it starts when the database may only be read (db/access.py).

    A database that does not exist yet, cannot be reached or has no schema yet is left to the
    command itself, which creates it or says what is wrong.
    """
    path = sqlite_path(parse_url(settings.database_url))
    if path is not None and not path.exists():
        return
    engine = make_engine(settings.database_url)
    try:
        with transaction(engine) as session:
            require_writable(session, action)
    except SQLAlchemyError:
        log.debug("could not tell whether %s may be written", safe_url(engine.url), exc_info=True)
    finally:
        engine.dispose()


def describe_database(settings: Settings) -> str:
    """The database location as it may be shown to the user (password hidden)."""
    return safe_url(settings.database_url)


@contextmanager
def existing_database(settings: Settings, action: str, *, write: str | None = None) -> Iterator[Session]:
    """A transaction on the configured database, which must exist; driver errors become a
    DatabaseError "`action` URL failed: reason" (password masked).

    `write` names what a writing command does: a read-only database stops it at once."""
    _require_existing_sqlite(settings)
    engine = open_database(settings)
    try:
        with transaction(engine) as session:
            if write is not None:
                require_writable(session, write)
            yield session
    except QuotetrackError:
        raise
    except SQLAlchemyError as e:
        orig = getattr(e, "orig", None)
        first = (str(orig if orig is not None else e).strip().splitlines() or [type(e).__name__])[0]
        raise DatabaseError(f"{action} {safe_url(engine.url)} failed: {scrub(first, engine.url)}") from e
    finally:
        engine.dispose()


def _require_existing_sqlite(settings: Settings) -> None:
    """Read-only commands must not create an empty SQLite file where the user expected data."""
    path = sqlite_path(parse_url(settings.database_url))
    if path is not None and not path.exists():
        raise DatabaseError(
            f"there is no database at {path} yet",
            "ingest some articles first (quotetrack ingest FILE...), or pass --db",
        )
