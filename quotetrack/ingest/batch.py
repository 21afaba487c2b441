"""The ingest and reprocess use cases: sources → documents → articles → database, streamed.

Shape of a run, and why:

- The parent walks the sources (`readers.iter_units`: cheap, lazy) and hands
  units to worker processes in small chunks; each worker loads the extractor
  once and does the costly part — reading, decoding, HTML extraction, fetching,
  quote extraction.  At most `WINDOW_PER_JOB` chunks per worker are in flight,
  so memory stays flat however many files a folder holds (runners.py: the
  worker pool, and the in-process runner used with one job).
- Before extracting, a worker asks the database (read-only) whether exactly
  this raw document is already stored by this extractor version, so running a
  finished or interrupted batch again costs a lookup per article, not an
  extraction.
- Results come back in submission order and only the parent writes, in
  batches of `WRITE_BATCH` articles or `WRITE_EVERY_S` seconds, whichever
  comes first: the batch's speakers and claims are resolved together and its
  rows go out in bulk (`store.save_articles`), so a write costs ~2–3 ms an
  article, not a commit.  Every article is stored whole or not at all, and one
  bad article never undoes another (see `_Writer`).  A crash loses at most the
  uncommitted batch — whole articles, which the next run stores; Ctrl-C first
  commits what is already extracted.
- Several ingests may run at once against one database: each write transaction
  holds the database's write lock (`engine.writer_sessions`), so they take turns
  deciding what is new, and one held up by another is run again.
- With one job everything runs in this process: no worker start-up, no
  pickling, the fastest choice on one core.
"""

from __future__ import annotations

import itertools
import logging
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from quotetrack.config import Settings
from quotetrack.db import migrate
from quotetrack.db.engine import is_transient, make_engine, safe_url, scrub, session_factory, writer_sessions
from quotetrack.db.schema import Article as ArticleRow
from quotetrack.db.store import SaveResult, ToSave, check_article, save_articles
from quotetrack.errors import QuotetrackError, UsageError
from quotetrack.ingest.readers import (
    DocUnit,
    EndOfFile,
    ReadOptions,
    SourceFailure,
    Unit,
    iter_file_records,
    iter_units,
)
from quotetrack.ingest.runners import Extractor, Feed, InProcess, Job, Pool, Result, Runner
from quotetrack.types import RawDocument

log = logging.getLogger(__name__)

ItemOutcome = Literal["stored", "updated", "unchanged", "failed"]
OUTCOMES: tuple[ItemOutcome, ...] = ("stored", "updated", "unchanged", "failed")

WRITE_BATCH = 256
WRITE_EVERY_S = 1.0
"""A commit per article costs a journal write (SQLite) or a round trip and fsync (PostgreSQL);
one per 256 articles or a second keeps writing a small share of the run, and lets speakers
and claims be resolved for the whole batch at once (db/store.py: save_articles): each batch
pays a few lookups whatever its size, and reports of one statement arriving in one batch are
ranked against the stored claims once.  Measured (benchmarks/ingest_bench.py articles, one
core, one A/B run): 64 a batch 130/s, 128 140/s, 256 168/s end to end.  A kill loses at most the
uncommitted batch (a second of work), which the next run redoes."""
WRITE_TRIES = 8
WRITE_PAUSE_S = 0.05
WRITE_PAUSE_MAX_S = 2.0
"""A batch another writer got in the way of is run again after 0.05, 0.1, 0.2 … s (±50 %, at
most 2 s), 8 tries in all: with each try also waiting up to the busy timeout (SQLite) or lock
timeout (PostgreSQL) for the write lock, that outlasts any other writer's batch by far."""
REPROCESS_PAGE = 200
SMALL_BATCH = 16
"""With no --jobs, a run of at most this many sources stays in this process: starting workers
(each loads Kiwi, ~2 s) would cost more than it saves."""


@dataclass(frozen=True)
class IngestOptions:
    """How to run an ingest: reading options, parallelism and whether to re-extract everything."""

    read: ReadOptions = field(default_factory=ReadOptions)
    jobs: int | None = None
    """Worker processes; None means one per core; 1 runs everything in this process."""
    force: bool = False
    """Re-extract and rewrite articles even when they are stored unchanged."""


@dataclass(frozen=True)
class IngestItem:
    """What happened to one source (a file, URL, record or stored article) during a run."""

    source: str
    outcome: ItemOutcome
    quotes: int = 0
    """Quotes the article holds in the database (0 for failures)."""
    reason: str | None = None
    """Why it failed, in one line; None unless outcome == "failed"."""


@dataclass(frozen=True)
class Progress:
    """How far a run has got, for a progress bar."""

    files: int
    """Files, URLs and inputs finished (record files count once, when their last record is done)."""
    articles: int
    """Sources finished, stored or not."""


@dataclass
class IngestReport:
    """The result of one ingest or reprocess run: counts, and every failure in source order."""

    counts: dict[ItemOutcome, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    quotes_stored: int = 0
    """Quotes written by this run (articles stored or updated; unchanged ones add none)."""
    new_speakers: int = 0
    failures: list[IngestItem] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0
    without_raw_text: int = 0
    """(reprocess) stale articles stored before raw text was kept: they need a re-ingest."""

    def count(self, outcome: ItemOutcome) -> int:
        return self.counts[outcome]

    @property
    def articles(self) -> int:
        """Sources handled: stored, updated, unchanged or failed."""
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        return not self.failures

    def add(self, item: IngestItem, new_speakers: int = 0) -> None:
        self.counts[item.outcome] += 1
        if item.outcome == "failed":
            self.failures.append(item)
        elif item.outcome in ("stored", "updated"):
            self.quotes_stored += item.quotes
        self.new_speakers += new_speakers

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready values (``--json``)."""
        return {
            **{outcome: self.counts[outcome] for outcome in OUTCOMES},
            "quotes_stored": self.quotes_stored,
            "new_speakers": self.new_speakers,
            "files": self.files,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles / self.seconds, 1) if self.seconds else None,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


def extractor_version(extractor: Extractor | None) -> str | None:
    """The version an extractor stamps on its articles: the pipeline's, or a `version` attribute."""
    from quotetrack.extract import pipeline  # cheap: Kiwi loads on the first extraction

    if extractor is None or extractor is pipeline.extract:
        return pipeline.EXTRACTOR_VERSION
    version = getattr(extractor, "version", None)
    return str(version) if version is not None else None


def resolve_jobs(jobs: int | None) -> int:
    """Worker count: the given number, or one per core the process may use."""
    if jobs is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return max(1, os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    return jobs


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
    """Read, extract and store every article under `paths`; a source that fails is reported, not fatal."""
    options = options or IngestOptions()
    engine = open_database(settings)
    try:
        units = iter_units(paths, options.read, stdin=stdin)
        job = Job(
            database_url=None if options.force else settings.database_url,
            extractor=extractor,
            version=None if options.force else extractor_version(extractor),
            read=options.read,
        )
        return _run(engine, units, job, options, on_item, on_progress)
    finally:
        engine.dispose()


def reprocess(
    settings: Settings,
    *,
    jobs: int | None = None,
    everything: bool = False,
    extractor: Extractor | None = None,
    on_item: Callable[[IngestItem], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Re-extract stored articles parsed by another extractor version (all with `everything`)."""
    version = extractor_version(extractor)
    if version is None:
        raise UsageError("the extractor has no version, so stale articles cannot be told apart")
    engine = open_database(settings)
    try:
        no_raw = ArticleRow.raw_text.is_(None)
        missing = (
            0 if everything else _count_articles(engine, no_raw, ArticleRow.extractor_version != version)
        )
        units = _stored_units(engine, None if everything else version)
        job = Job(database_url=None, extractor=extractor, version=None, read=ReadOptions())
        options = IngestOptions(jobs=jobs, force=everything)
        report = _run(engine, units, job, options, on_item, on_progress)
        report.without_raw_text = _count_articles(engine, no_raw) if everything else missing
        return report
    finally:
        engine.dispose()


def count_stale(settings: Settings, extractor: Extractor | None = None) -> int:
    """Stored articles (with raw text) that another extractor version parsed."""
    version = extractor_version(extractor)
    engine = open_database(settings)
    try:
        return _count_articles(
            engine, ArticleRow.extractor_version != version, ArticleRow.raw_text.is_not(None)
        )
    finally:
        engine.dispose()


def _count_articles(engine: Engine, *where: ColumnElement[bool]) -> int:
    """Stored articles matching all of `where`."""
    with session_factory(engine)() as session:
        return int(session.scalar(select(func.count()).select_from(ArticleRow).where(*where)) or 0)


def open_database(settings: Settings) -> Engine:
    """An engine for the configured database, with its schema brought or checked up to date."""
    engine = make_engine(settings.database_url)
    try:
        migrate.ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


# --- the run: feed units, collect results in order, write in batches --------------------


def _run(
    engine: Engine,
    units: Iterator[Unit | SourceFailure | EndOfFile],
    job: Job,
    options: IngestOptions,
    on_item: Callable[[IngestItem], None] | None,
    on_progress: Callable[[Progress], None] | None,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    writer = _Writer(engine, report, options.force, on_item, on_progress)
    feed = Feed(units)
    jobs = resolve_jobs(options.jobs)
    if options.jobs is None and jobs > 1:
        head = list(itertools.islice(feed, SMALL_BATCH + 1))  # a peek: at most a few small units
        if len(head) <= SMALL_BATCH:
            jobs = 1
        feed.push(iter(head))
    runner: Runner = InProcess(job, engine) if jobs == 1 else Pool(job, jobs)
    try:
        for result in runner.results(feed):
            if result.records is not None:
                r = result.records
                feed.push(iter_file_records(r.path, r.source, r.fmt, job.read))
                continue
            writer.add(result)
        writer.flush()
    except KeyboardInterrupt:
        runner.stop()
        writer.flush()  # keep what was extracted before Ctrl-C
        raise
    finally:
        runner.stop()
        report.seconds = time.perf_counter() - started
    return report


class _Writer:
    """Writes results in batched transactions that hold the write lock; reports after each commit.

    A batch's articles are stored together (`store.save_articles`: set-based speaker and claim
    resolution, bulk inserts).  An article the database would refuse fails alone: each is
    checked first, and if storing the batch still fails, its articles are stored again one
    savepoint each, so only the culprit fails.  A failure another process caused (SQLite busy,
    a PostgreSQL deadlock or unique-key race) rolls the whole batch back and runs it again,
    after a growing pause, up to `WRITE_TRIES` times.
    """

    def __init__(
        self,
        engine: Engine,
        report: IngestReport,
        force: bool,
        on_item: Callable[[IngestItem], None] | None,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.engine = engine
        self.sessions = writer_sessions(engine)
        self.report = report
        self.force = force
        self.on_item = on_item
        self.on_progress = on_progress
        self.pending: list[Result] = []
        self.writes = 0
        self.first_pending = 0.0

    def add(self, result: Result) -> None:
        if not self.pending:
            self.first_pending = time.monotonic()
        self.pending.append(result)
        self.writes += result.article is not None
        if self.writes >= WRITE_BATCH or time.monotonic() - self.first_pending >= WRITE_EVERY_S:
            self.flush()

    def flush(self) -> None:
        pending, self.pending, writes, self.writes = self.pending, [], self.writes, 0
        if not pending:
            return
        outcomes = self._store(pending) if writes else [_plain(r) for r in pending]
        for result, outcome in zip(pending, outcomes, strict=True):
            if outcome is not None:
                item, new_speakers = outcome
                self.report.add(item, new_speakers)
                if self.on_item is not None:
                    self.on_item(item)
            if result.ends_file:
                self.report.files += 1
        if self.on_progress is not None:
            self.on_progress(Progress(self.report.files, self.report.articles))

    def _store(self, pending: list[Result]) -> list[tuple[IngestItem, int] | None]:
        """Write the batch in one transaction, run again while another writer is in the way."""
        for attempt in itertools.count(1):
            try:
                with self.sessions.begin() as session:
                    return self._write(session, pending)
            except (SQLAlchemyError, QuotetrackError) as e:
                if is_transient(e) and attempt < WRITE_TRIES:
                    pause = min(WRITE_PAUSE_MAX_S, WRITE_PAUSE_S * 2 ** (attempt - 1)) * random.uniform(
                        0.5, 1.5
                    )
                    log.info(
                        "the database is busy (%s); writing the batch again in %.2f s", _first_line(e), pause
                    )
                    time.sleep(pause)
                    continue
                log.debug("committing a batch failed", exc_info=True)
                reason = f"cannot store: {scrub(_first_line(e), self.engine.url)}"
                return [
                    (IngestItem(r.source, "failed", reason=reason), 0) if r.article is not None else _plain(r)
                    for r in pending
                ]
        raise AssertionError("unreachable")

    def _write(self, session: Session, pending: list[Result]) -> list[tuple[IngestItem, int] | None]:
        outcomes: list[tuple[IngestItem, int] | None] = [_plain(r) for r in pending]
        batch: list[tuple[int, ToSave]] = []
        for i, r in enumerate(pending):
            if r.article is None:
                continue
            try:
                check_article(r.article)
            except (QuotetrackError, ValueError) as e:
                outcomes[i] = self._failed(r, e)
                continue
            batch.append((i, ToSave(r.article, r.doc, r.extra, r.raw_hash)))
        if not batch:
            return outcomes
        try:
            with session.begin_nested():
                saved = save_articles(session, [item for _, item in batch], force=self.force, checked=True)
        except (SQLAlchemyError, QuotetrackError, ValueError) as e:
            if is_transient(e):
                raise
            log.debug("storing a batch failed; storing its articles one at a time", exc_info=True)
            for i, item in batch:
                outcomes[i] = self._write_one(session, pending[i], item)
            return outcomes
        for (i, _), result in zip(batch, saved, strict=True):
            outcomes[i] = _saved(pending[i], result)
        return outcomes

    def _write_one(self, session: Session, result: Result, item: ToSave) -> tuple[IngestItem, int]:
        try:
            with session.begin_nested():
                (saved,) = save_articles(session, [item], force=self.force, checked=True)
        except (SQLAlchemyError, QuotetrackError, ValueError) as e:
            if is_transient(e):
                raise
            return self._failed(result, e)
        return _saved(result, saved)

    def _failed(self, result: Result, e: Exception) -> tuple[IngestItem, int]:
        if isinstance(e, QuotetrackError):
            return IngestItem(result.source, "failed", reason=str(e)), 0
        log.debug("storing %s failed", result.source, exc_info=True)
        reason = scrub(_first_line(e), self.engine.url)
        return IngestItem(result.source, "failed", reason=f"cannot store: {reason}"), 0


def _saved(result: Result, saved: SaveResult) -> tuple[IngestItem, int]:
    """The report item (and new speakers) of a stored result."""
    return IngestItem(result.source, saved.outcome, quotes=saved.quotes), saved.new_speakers


def _plain(result: Result) -> tuple[IngestItem, int] | None:
    """The report item of a result that needs no write (None for an end-of-file marker)."""
    if result.failure is not None:
        return IngestItem(result.source, "failed", reason=result.failure), 0
    if result.known is not None:
        return IngestItem(result.source, "unchanged", quotes=result.known[1]), 0
    return None


def _stored_units(engine: Engine, version: str | None) -> Iterator[Unit | SourceFailure | EndOfFile]:
    """Stored articles with raw text as units, paged by id (every article when `version` is None)."""
    sessions = session_factory(engine)
    last = 0
    while True:
        stmt = (
            select(
                ArticleRow.id,
                ArticleRow.source,
                ArticleRow.url,
                ArticleRow.raw_text,
                ArticleRow.raw_format,
                ArticleRow.raw_meta,
                ArticleRow.extra,
            )
            .where(ArticleRow.id > last, ArticleRow.raw_text.is_not(None))
            .order_by(ArticleRow.id)
            .limit(REPROCESS_PAGE)
        )
        if version is not None:
            stmt = stmt.where(ArticleRow.extractor_version != version)
        with sessions() as session:
            rows = session.execute(stmt).all()
        if not rows:
            return
        for row in rows:
            last = row.id
            doc = RawDocument(
                source=row.source,
                text=row.raw_text,
                fmt="html"
                if row.raw_format == "html"
                else "record"
                if row.raw_format == "record"
                else "text",
                url=row.url,
                meta=dict(row.raw_meta or {}),
            )
            yield DocUnit(doc, dict(row.extra) if row.extra else {})


def describe_database(settings: Settings) -> str:
    """The database location as it may be shown to the user (password hidden)."""
    return safe_url(settings.database_url)


def _first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e).strip()
    return text.splitlines()[0] if text else type(e).__name__
