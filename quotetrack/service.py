"""Use cases the CLI calls: ingest, extract, search, and schema upkeep.

Each takes `Settings` (or nothing, for extract), does its work through the
library and returns plain values for the CLI to render; nothing here prints.
The Korean NLP stack is imported inside `ingest` and `extract_records` only
(it costs ~2 s and ~0.5 GiB to load), so `search` and `db` commands start fast.
For the same reason the ingest modules (readers, the batch writer, with
multiprocessing and urllib) are imported when an ingest use case runs, not with
this module: read commands reach `open_database` through here, and importing
the ingest stack cost them ~50 ms (BENCHMARKS.md).  Its types stay importable
from here (`service.IngestOptions`, `service.SourceFailure` …) through the
module's `__getattr__`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from quotetrack.config import Settings
from quotetrack.db import migrate
from quotetrack.db.access import require_writable
from quotetrack.db.engine import make_engine, parse_url, safe_url, scrub, sqlite_path, transaction
from quotetrack.errors import DatabaseError, QuotetrackError
from quotetrack.types import Article, RawDocument

if TYPE_CHECKING:
    from quotetrack.ingest.batch import IngestItem, IngestOptions, IngestReport, Progress
    from quotetrack.ingest.readers import ReadOptions, SourceFailure

log = logging.getLogger(__name__)

_LAZY = {
    "IngestItem": "quotetrack.ingest.batch",
    "IngestOptions": "quotetrack.ingest.batch",
    "IngestReport": "quotetrack.ingest.batch",
    "Progress": "quotetrack.ingest.batch",
    "ReadOptions": "quotetrack.ingest.readers",
    "SourceFailure": "quotetrack.ingest.readers",
}
"""Names this module offers whose modules load on first use (the ingest stack: see the docstring)."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "IngestItem",
    "IngestOptions",
    "IngestReport",
    "Progress",
    "database_status",
    "describe_database",
    "existing_database",
    "extract_records",
    "ingest",
    "open_database",
    "reprocess",
    "stale_articles",
    "upgrade_database",
]

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
