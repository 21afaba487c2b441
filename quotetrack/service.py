"""Use cases the CLI calls: ingest, extract, search, and schema upkeep.

Each takes `Settings` (or nothing, for extract), does its work through the
library and returns plain values for the CLI to render; nothing here prints.
The Korean NLP stack is imported inside `ingest` and `extract_records` only
(it costs ~2 s and ~0.5 GiB to load), so `search` and `db` commands start fast.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from quotetrack.config import Settings
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, parse_url, safe_url, scrub, sqlite_path, transaction
from quotetrack.db.search import QuoteRow, search_quotes
from quotetrack.db.store import save_article
from quotetrack.errors import DatabaseError, QuotetrackError
from quotetrack.ingest.readers import SourceFailure, iter_documents
from quotetrack.records import article_record
from quotetrack.types import Article, RawDocument

log = logging.getLogger(__name__)

Extractor = Callable[[RawDocument], Article]
ItemOutcome = Literal["stored", "updated", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestItem:
    """What happened to one source during ingest."""

    source: str
    outcome: ItemOutcome
    quotes: int = 0
    """Quotes the article holds in the database (0 for failures)."""
    reason: str | None = None
    """Why it failed, in one line; None unless outcome == "failed"."""


@dataclass
class IngestReport:
    """The result of one ingest run, in source order."""

    items: list[IngestItem] = field(default_factory=list)
    new_speakers: int = 0

    def count(self, outcome: ItemOutcome) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def failures(self) -> list[IngestItem]:
        return [item for item in self.items if item.outcome == "failed"]

    @property
    def quotes_stored(self) -> int:
        """Quotes written by this run (articles stored or updated; unchanged ones add none)."""
        return sum(item.quotes for item in self.items if item.outcome in ("stored", "updated"))

    @property
    def ok(self) -> bool:
        return not self.failures


def default_extractor() -> Extractor:
    """The real extraction pipeline, imported on first use (it loads the Korean morphology model)."""
    from quotetrack.extract.pipeline import extract

    return extract


def ingest(
    paths: Iterable[str],
    settings: Settings,
    *,
    extractor: Extractor | None = None,
    on_item: Callable[[IngestItem], None] | None = None,
) -> IngestReport:
    """Read, extract and store every article under `paths`, one transaction per article.

    A source that cannot be read, extracted or stored is reported and skipped;
    the batch goes on.  Storing an article that is already there unchanged
    writes nothing.
    """
    engine = open_database(settings)
    report = IngestReport()
    try:
        extract = extractor or default_extractor()
        for doc in iter_documents(paths):
            item = _ingest_one(engine, extract, doc, report)
            report.items.append(item)
            if on_item is not None:
                on_item(item)
    finally:
        engine.dispose()
    return report


def _ingest_one(
    engine: Engine, extract: Extractor, doc: RawDocument | SourceFailure, report: IngestReport
) -> IngestItem:
    if isinstance(doc, SourceFailure):
        return IngestItem(doc.source, "failed", reason=doc.reason)
    try:
        article = extract(doc)
    except QuotetrackError as e:
        return IngestItem(doc.source, "failed", reason=str(e))
    except Exception as e:  # a bug in extraction must not end the batch; --verbose shows the traceback
        log.debug("extraction of %s failed", doc.source, exc_info=True)
        return IngestItem(doc.source, "failed", reason=f"extraction failed: {type(e).__name__}: {e}")
    try:
        with transaction(engine) as session:
            result = save_article(session, article)
    except QuotetrackError as e:
        return IngestItem(doc.source, "failed", reason=str(e))
    except (SQLAlchemyError, ValueError) as e:
        log.debug("storing %s failed", doc.source, exc_info=True)
        reason = scrub(_first_line(e), engine.url)
        return IngestItem(doc.source, "failed", reason=f"cannot store: {reason}")
    report.new_speakers += result.new_speakers
    return IngestItem(doc.source, result.outcome, quotes=result.quotes)


def extract_records(
    paths: Iterable[str], *, extractor: Extractor | None = None
) -> Iterator[dict[str, Any] | SourceFailure]:
    """Extract each article under `paths` without any database: a JSON-ready record or a failure."""
    extract: Extractor | None = extractor
    for doc in iter_documents(paths):
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


def search(settings: Settings, *, speaker: str | None = None, limit: int | None = None) -> list[QuoteRow]:
    """Quotes matching the filters, in the order they were said."""
    _require_existing_sqlite(settings)
    engine = open_database(settings)
    try:
        with transaction(engine) as session:
            return search_quotes(session, speaker=speaker, limit=limit)
    except SQLAlchemyError as e:
        raise DatabaseError(
            f"searching {safe_url(engine.url)} failed: {scrub(_first_line(e), engine.url)}"
        ) from e
    finally:
        engine.dispose()


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


def describe_database(settings: Settings) -> str:
    """The database location as it may be shown to the user (password hidden)."""
    return safe_url(settings.database_url)


def _require_existing_sqlite(settings: Settings) -> None:
    """Read-only commands must not create an empty SQLite file where the user expected data."""
    path = sqlite_path(parse_url(settings.database_url))
    if path is not None and not path.exists():
        raise DatabaseError(
            f"there is no database at {path} yet",
            "ingest some articles first (quotetrack ingest FILE...), or pass --db",
        )


def _first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e).strip()
    return text.splitlines()[0] if text else type(e).__name__
