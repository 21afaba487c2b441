"""Running units through extraction: in this process, or in a pool of worker processes.

Split from batch.py, which decides what a run does and writes the results; this module
only turns units into results, in the order they were fed:

- `Processor` reads and extracts one unit, first asking the database (read-only)
  whether exactly this raw document is already stored by this extractor version.
- `InProcess` runs a processor here (one job: no worker start-up, no pickling).
- `Pool` sends units to worker processes in chunks of `CHUNK`, at most
  `WINDOW_PER_JOB` chunks per worker in flight, so memory stays flat; a worker
  that dies is answered by redoing its units one at a time, so only the unit
  that kills a worker fails.
- `Feed` is what is still to process; a record file a worker found is streamed in next.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from quotetrack.db.engine import make_engine
from quotetrack.db.store import find_unchanged, raw_text_hash
from quotetrack.errors import QuotetrackError
from quotetrack.ingest.readers import (
    DocUnit,
    EndOfFile,
    ReadOptions,
    RecordsFile,
    SourceFailure,
    Unit,
    read_unit,
    unit_source,
)
from quotetrack.types import Article, RawDocument

log = logging.getLogger(__name__)

Extractor = Callable[[RawDocument], Article]

CHUNK = 8
"""Units sent to a worker at once: enough to amortise the inter-process round trip (~0.1 ms)
against ~5 ms of extraction per article, small enough to keep all workers busy."""
WINDOW_PER_JOB = 4
"""Chunks in flight per worker; bounds memory (a chunk holds at most CHUNK documents)."""
ISOLATED_TRIES = 2
"""A unit that kills its worker this many times, alone, is the culprit (once may be the OOM killer)."""
STOP_GRACE_S = 10.0
"""On stop (Ctrl-C, a dead worker), how long a worker may take to finish its chunk before it is terminated."""


def default_extractor() -> Extractor:
    """The real extraction pipeline, imported on first use (it loads the Korean morphology model)."""
    from quotetrack.extract.pipeline import extract

    return extract


# --- processing one unit (in a worker, or in this process with --jobs 1) ---------------


@dataclass(frozen=True)
class Job:
    """What a worker needs to process units; pickled once per worker."""

    database_url: str | None
    """Where to look for already-stored documents (None: always extract)."""
    extractor: Extractor | None
    version: str | None
    read: ReadOptions


@dataclass(frozen=True)
class Result:
    """One unit's outcome, sent from a worker to the parent."""

    source: str
    ends_file: bool
    article: Article | None = None
    doc: RawDocument | None = None
    extra: Mapping[str, Any] | None = None
    known: tuple[int, int] | None = None
    """(article id, quotes) when the document is already stored unchanged."""
    raw_hash: str | None = None
    """`store.raw_text_hash(doc)`, computed for the lookup and reused by the store."""
    failure: str | None = None
    records: RecordsFile | None = None


class Processor:
    """Reads and extracts units; built once per worker process (the extractor loads once)."""

    def __init__(self, job: Job, engine: Engine | None = None) -> None:
        self.job = job
        self.extract = job.extractor or default_extractor()
        lookups = job.database_url is not None and job.version is not None
        self.owns_engine = lookups and engine is None
        if lookups and engine is None:
            engine = make_engine(job.database_url or "")
        self.engine = engine if lookups else None
        self.connection: Connection | None = None
        """Kept open for the lookups (one short read transaction each, so SQLite's checkpoints and
        other writers are never held up)."""

    def process(self, unit: Unit) -> Result:
        ends_file = not isinstance(unit, DocUnit) or unit.doc.source == "<stdin>"
        read = read_unit(unit, self.job.read)
        if isinstance(read, SourceFailure):
            return Result(read.source, ends_file, failure=read.reason)
        if isinstance(read, RecordsFile):
            return Result(read.source, False, records=read)
        doc = read.doc
        digest = raw_text_hash(doc) if self.engine is not None else None
        if digest is not None and (known := self._known(doc, digest)) is not None:
            return Result(doc.source, ends_file, known=known)
        try:
            article = self.extract(doc)
        except QuotetrackError as e:
            return Result(doc.source, ends_file, failure=str(e))
        except Exception as e:  # a bug in extraction must not end the batch; --verbose shows the traceback
            log.debug("extraction of %s failed", doc.source, exc_info=True)
            return Result(doc.source, ends_file, failure=f"extraction failed: {type(e).__name__}: {e}")
        return Result(doc.source, ends_file, article=article, doc=doc, extra=read.extra, raw_hash=digest)

    def process_chunk(self, units: list[Unit]) -> list[Result]:
        return [self.process(unit) for unit in units]

    def _known(self, doc: RawDocument, digest: str) -> tuple[int, int] | None:
        if self.engine is None or self.job.version is None:
            return None
        try:
            if self.connection is None:
                self.connection = self.engine.connect()
            with self.connection.begin():
                found = find_unchanged(self.connection, doc, self.job.version, raw_hash=digest)
        except SQLAlchemyError:  # only a shortcut: extract and let the parent's save decide
            log.debug("lookup of %s failed", doc.source, exc_info=True)
            self._disconnect()
            return None
        return (found.article_id, found.quotes) if found is not None else None

    def _disconnect(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            try:
                connection.close()
            except SQLAlchemyError:
                log.debug("closing the lookup connection failed", exc_info=True)

    def close(self) -> None:
        self._disconnect()
        if self.owns_engine and self.engine is not None:
            self.engine.dispose()


_worker: Processor | None = None


def _init_worker(job: Job) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _worker = Processor(job)


def _work(units: list[Unit]) -> list[Result]:
    assert _worker is not None, "worker not initialised"
    return _worker.process_chunk(units)


# --- running units: in order, here or in worker processes ------------------------------


class Feed:
    """The units still to process; a record file found by a worker is streamed in next."""

    def __init__(self, units: Iterator[Unit | SourceFailure | EndOfFile]) -> None:
        self._stack: list[Iterator[Unit | SourceFailure | EndOfFile]] = [units]

    def push(self, units: Iterator[Unit | SourceFailure | EndOfFile]) -> None:
        self._stack.append(units)

    def __iter__(self) -> Feed:
        return self

    def __next__(self) -> Unit | SourceFailure | EndOfFile:
        while self._stack:
            try:
                return next(self._stack[-1])
            except StopIteration:
                self._stack.pop()
        raise StopIteration


def _immediate(item: SourceFailure | EndOfFile) -> Result:
    if isinstance(item, EndOfFile):
        return Result(item.source, True)
    return Result(item.source, item.line is None, failure=item.reason)


class Runner:
    def results(self, feed: Feed) -> Iterator[Result]:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop processing (idempotent)."""


class InProcess(Runner):
    def __init__(self, job: Job, engine: Engine) -> None:
        self.job = job
        self.engine = engine
        self.processor: Processor | None = None

    def results(self, feed: Feed) -> Iterator[Result]:
        for item in feed:
            if isinstance(item, SourceFailure | EndOfFile):
                yield _immediate(item)
                continue
            if self.processor is None:
                self.processor = Processor(self.job, self.engine)
            yield self.processor.process(item)

    def stop(self) -> None:
        processor, self.processor = self.processor, None
        if processor is not None:
            processor.close()


class Pool(Runner):
    """Worker processes fed a bounded window of chunks; results come back in submission order."""

    def __init__(self, job: Job, jobs: int) -> None:
        self.job = job
        self.jobs = jobs
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: a forked worker would inherit the parent's open database connections
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_init_worker, initargs=(self.job,)
        )
        return self.executor

    def results(self, feed: Feed) -> Iterator[Result]:
        executor = self._start()
        window: deque[tuple[list[Unit], Future[list[Result]] | Result]] = deque()
        chunk: list[Unit] = []
        while True:
            # the feed is asked again every round: a record file found by a worker refills it
            while len(window) < self.jobs * WINDOW_PER_JOB:
                item = next(feed, None)
                if item is None:
                    break
                if isinstance(item, SourceFailure | EndOfFile):
                    if chunk:
                        window.append((chunk, executor.submit(_work, chunk)))
                        chunk = []
                    window.append(([], _immediate(item)))
                else:
                    chunk.append(item)
                    if len(chunk) >= CHUNK:
                        window.append((chunk, executor.submit(_work, chunk)))
                        chunk = []
            if chunk:
                window.append((chunk, executor.submit(_work, chunk)))
                chunk = []
            if not window:
                self.executor = None
                executor.shutdown(wait=True)  # all done: let the workers exit on their own
                return
            units, pending = window.popleft()
            if isinstance(pending, Result):
                yield pending
                continue
            try:
                done = pending.result()
            except BrokenProcessPool:
                # A worker died (a crash in native code, the OOM killer) and took every chunk in
                # flight with it, not only its own: redo those units one at a time with nothing else
                # running, so the one that kills a worker is known and only it fails.
                log.debug("a worker process died", exc_info=True)
                self.stop()
                lost = [(units, pending), *window]
                window.clear()
                for chunk_units, entry in lost:
                    if isinstance(entry, Result):
                        yield entry
                    else:
                        yield from (self._alone(u) for u in chunk_units)
                executor = self.executor or self._start()
                continue
            yield from done

    def _alone(self, unit: Unit) -> Result:
        """Process one unit with nothing else in flight; a worker death is then its doing."""
        for _ in range(ISOLATED_TRIES):
            executor = self.executor or self._start()
            try:
                return executor.submit(_work, [unit]).result()[0]
            except BrokenProcessPool:
                self.stop()
        return _died(unit)

    def stop(self) -> None:
        executor, self.executor = self.executor, None
        if executor is None:
            return
        executor.shutdown(wait=False, cancel_futures=True)
        # Each worker finishes the chunk it holds (a fraction of a second) and exits. Terminating
        # it at once could catch it writing its result: the executor's manager thread then waits
        # forever for the rest of that message, and so does the interpreter's exit, which joins
        # that thread (Ctrl-C hung 1 run in 4 under load). Only a worker still busy after
        # STOP_GRACE_S, deep in one article and not writing, is terminated.
        workers = multiprocessing.active_children()
        deadline = time.monotonic() + STOP_GRACE_S
        for process in workers:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
        for process in workers:
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


def _died(unit: Unit) -> Result:
    reason = "the worker process extracting it died (a crash or out of memory)"
    return Result(unit_source(unit), True, failure=reason)
