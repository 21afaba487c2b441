"""The one engine factory and the unit-of-work helper.

No module-level engine or session: callers build an engine from `Settings`,
pass it down, and open one `transaction()` per unit of work (`writer_sessions`
for writers that must take turns with other processes).  SQLite gets WAL,
foreign keys, a busy timeout and synchronous=NORMAL on every connection, and
SQLAlchemy (not the sqlite3 module) decides where transactions begin, so
SAVEPOINTs and rollbacks behave as on PostgreSQL.  PostgreSQL goes through
psycopg 3 whatever driver the URL names.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from quotetrack.db.access import READ_ONLY, sqlite_read_only
from quotetrack.db.urls import ambiguous, display_url, mask_secrets
from quotetrack.errors import ConfigError, DatabaseError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite writer waits for another process's lock before failing."""
PG_CONNECT_TIMEOUT_S = 10
PG_WRITE_LOCK_TIMEOUT_MS = 60_000
"""How long a PostgreSQL writer waits for the write lock (or a row lock) before failing."""
WRITE_LOCK_ID = 0x71745F77
"""The PostgreSQL advisory lock (``qt_w``) a writer transaction holds: see `writer_sessions`."""
_WRITER = "quotetrack_writer"


def parse_url(url: str | URL) -> URL:
    """Parse a database URL, mapping any PostgreSQL spelling onto psycopg 3.

    Errors never show the URL itself: it may hold a password (see db/urls.py).
    """
    if isinstance(url, str) and ambiguous(url):
        raise ConfigError(
            "the database URL has more than one @ before the host, so where its password ends is unclear",
            "write an @ in a password as %40: postgresql://USER:p%40ss@HOST/DB",
        )
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as e:
        port = isinstance(e, ValueError)  # make_url reads the port as a number
        raise ConfigError(
            "the database URL's port is not a number" if port else "the database URL is not a valid URL",
            "use sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DB",
        ) from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite")
    raise ConfigError(
        f"unsupported database {safe_url(parsed)}",
        "quotetrack works with sqlite:///PATH and postgresql://USER:PASSWORD@HOST/DB",
    )


def safe_url(url: str | URL) -> str:
    """The URL as it may be shown: password masked, driver left out (``postgresql://`` not ``+psycopg``).

    The only form of a database URL that may appear in output, logs or errors.
    """
    return display_url(url)


def scrub(text: str, url: str | URL) -> str:
    """`text` with every form of the URL's password masked, for driver messages that might echo it."""
    return mask_secrets(text, url)


def sqlite_path(url: URL) -> Path | None:
    """The file a SQLite URL points at, or None for in-memory databases and non-SQLite URLs."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):
        return None
    return Path(url.database)


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create an engine for a SQLite or PostgreSQL URL with quotetrack's connection settings."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        read_only = sqlite_read_only(path) if path is not None else None
        if read_only is not None:  # a file we may not write: opened so that nothing is written
            uri, why = read_only
            engine = create_engine(
                parsed,
                creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
                execution_options={READ_ONLY: why},
                **kwargs,
            )
            _configure_sqlite(engine, wal=False, read_only=True)
            log.debug("engine for %s, read-only: %s", safe_url(parsed), why)
            return engine
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(
                    f"cannot create the folder for the database file {path}: {e.strerror}",
                    "pass --db with a writable location or set QUOTETRACK_HOME",
                ) from None
        engine = create_engine(parsed, **kwargs)
        _configure_sqlite(engine, wal=path is not None)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        connect_args = kwargs.pop("connect_args", {})
        connect_args.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
        engine = create_engine(parsed, connect_args=connect_args, **kwargs)
        _configure_postgresql(engine)
    log.debug("engine for %s", safe_url(parsed))
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy emit BEGIN itself (see the "begin" hook): the sqlite3
        # module's implicit transactions break SAVEPOINT and transactional DDL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")  # a write attempt fails instead of writing
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # a writer takes the write lock now, waiting busy_timeout for it, rather than failing at its
        # first write when another process committed since it began reading
        writer = connection.get_execution_options().get(_WRITER, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(_WRITER, False):
            # bounded like SQLite's busy_timeout: a writer stuck holding the lock fails the others
            # with "lock timeout" (55P03, transient) rather than hanging them
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {PG_WRITE_LOCK_TIMEOUT_MS}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_ID})")


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Run a SQLite migration with foreign keys off, then check them (no-op on other backends).

    Batch migrations copy and drop tables; with foreign keys on, dropping a
    parent table would cascade-delete its children's rows.  The pragma only
    works outside a transaction, so it is set on the raw connection before the
    migration's transaction begins.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    if connection.in_transaction():
        raise RuntimeError("foreign_keys_off() needs a connection with no open transaction")
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
        problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DatabaseError(
                f"the migration left {len(problems)} rows with broken foreign keys (first: {problems[0]})",
                "restore the database from a backup and report this as a bug",
            )
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values usable after commit (results outlive the transaction)."""
    return sessionmaker(engine, expire_on_commit=False)


def writer_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose transactions hold the database's write lock from their first statement.

    For writers that decide from what is stored (is this article new, is this name a known
    speaker, which claim does this quote join) and then write: two such processes at once
    would otherwise both create the same new speaker.  SQLite: ``BEGIN IMMEDIATE`` (one
    writer at a time; another waits up to `SQLITE_BUSY_TIMEOUT_MS`).  PostgreSQL: the
    transaction-scoped advisory lock `WRITE_LOCK_ID`, released at commit or rollback; readers
    are never blocked.  Keep such transactions short: extraction happens outside them.
    """
    return sessionmaker(for_writing(engine), expire_on_commit=False)


def for_writing(engine: Engine) -> Engine:
    """The same engine (same pool), whose transactions take the write lock first (`writer_sessions`)."""
    return engine.execution_options(**{_WRITER: True})


TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "23505", "55P03"})
"""PostgreSQL errors another transaction causes: serialization failure, deadlock, a unique key
another writer inserted first, lock not available."""


def is_transient(error: BaseException) -> bool:
    """True for a failure that a concurrent writer caused and that running the transaction again
    can cure: SQLite's "database is locked" / busy, PostgreSQL's `TRANSIENT_SQLSTATES`."""
    orig = getattr(error, "orig", None)
    if orig is None:
        return False
    if getattr(orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    message = str(orig).lower()
    return type(orig).__module__ == "sqlite3" and ("database is locked" in message or "busy" in message)


@contextmanager
def transaction(engine: Engine | sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends normally, roll back when it raises."""
    factory = engine if isinstance(engine, sessionmaker) else session_factory(engine)
    with factory.begin() as session:
        yield session
