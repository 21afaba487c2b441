"""The one engine factory and the unit-of-work helper.

No module-level engine or session: callers build an engine from `Settings`,
pass it down, and open one `transaction()` per unit of work.  SQLite gets WAL,
foreign keys, a busy timeout and synchronous=NORMAL on every connection, and
SQLAlchemy (not the sqlite3 module) decides where transactions begin, so
SAVEPOINTs and rollbacks behave as on PostgreSQL.  PostgreSQL goes through
psycopg 3 whatever driver the URL names.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from quotetrack.errors import ConfigError, DatabaseError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite writer waits for another process's lock before failing."""
PG_CONNECT_TIMEOUT_S = 10


def parse_url(url: str | URL) -> URL:
    """Parse a database URL, mapping any PostgreSQL spelling onto psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(
            "the database URL is not a valid URL",
            "use sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB",
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
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "<invalid database URL>"
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def scrub(text: str, url: str | URL) -> str:
    """`text` with the URL's password masked, for driver messages that might echo it."""
    try:
        password = make_url(url).password
    except ArgumentError:
        return text
    return text.replace(str(password), "***") if password else text


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
    log.debug("engine for %s", safe_url(parsed))
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
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
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


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


@contextmanager
def transaction(engine: Engine | sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends normally, roll back when it raises."""
    factory = engine if isinstance(engine, sessionmaker) else session_factory(engine)
    with factory.begin() as session:
        yield session
