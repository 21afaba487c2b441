"""Schema migrations run from the app: upgrade to head and check a database is current.

The alembic scripts ship inside the package as ``quotetrack/migrations`` (mapped
from the top-level ``alembic/`` folder at build time, see pyproject.toml), so an
installed quotetrack migrates with no source tree.  In a source checkout or an
editable install the package has no ``migrations`` folder and the scripts are
read from ``alembic/`` beside it.

Policy: a new or outdated SQLite database (a personal file) is upgraded
automatically; a PostgreSQL database (shared, possibly by several versions of
quotetrack) is only upgraded by an explicit ``quotetrack db upgrade``.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from quotetrack.db.access import READ_ONLY
from quotetrack.db.engine import for_writing, foreign_keys_off, safe_url, scrub
from quotetrack.errors import DatabaseError, SchemaError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# alembic is imported inside the functions that need it: read-only commands on a database
# already at the newest revision never load it (ensure_current's fast path), which keeps
# `quotetrack search` quick to start (BENCHMARKS.md).

log = logging.getLogger(__name__)


def script_location() -> Path:
    """The folder holding env.py and versions/: inside the installed package, else the source tree."""
    package = Path(str(files("quotetrack")))
    for candidate in (package / "migrations", package.parent / "alembic"):
        if (candidate / "env.py").is_file() and (candidate / "versions").is_dir():
            return candidate
    raise SchemaError(
        f"cannot find quotetrack's migration scripts next to {package}",
        "reinstall quotetrack; the installation is incomplete",
    )


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic Config for the packaged scripts, optionally bound to an open connection."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def scripts() -> ScriptDirectory:
    """The migration scripts; a broken installation is a user-facing error, not a traceback."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config())
    except CommandError as e:
        raise SchemaError(
            f"quotetrack's migration scripts cannot be loaded: {_first_line(e)}",
            "reinstall quotetrack; the installation is incomplete or mixed with files of another version",
        ) from e


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None, "the migration scripts have no head revision"
    return head


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands relative to the migrations this quotetrack ships."""

    current: str | None
    """The database's revision; None for a database quotetrack never touched."""
    head: str
    known: bool
    """False when the database was migrated by a newer quotetrack (revision unknown here)."""
    has_other_tables: bool
    """True when an unversioned database already holds tables (not ours, or made by hand)."""

    @property
    def is_current(self) -> bool:
        return self.current == self.head


def schema_status(engine: Engine) -> SchemaStatus:
    """Read the database's alembic revision without changing anything."""
    from alembic.runtime.migration import MigrationContext

    script = scripts()
    head = script.get_current_head()
    assert head is not None
    with _connect(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    known = current is None or _revision_exists(script, current)
    return SchemaStatus(
        current=current, head=head, known=known, has_other_tables=current is None and bool(tables)
    )


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply migrations up to `revision` in one transaction; returns (before, after)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.util import CommandError

    status = schema_status(engine)
    _refuse_unknown(engine, status)
    if status.current == status.head and revision == "head" and not status.has_other_tables:
        return status.current, status.head  # nothing to do: a read-only file is fine as it is
    _refuse_read_only(engine, status)
    if status.has_other_tables:
        raise SchemaError(
            f"the database {safe_url(engine.url)} holds tables but no quotetrack schema version",
            "point --db at an empty database or one made by quotetrack",
        )
    # holding the write lock from the start: a second process migrating the same new file at the
    # same moment waits, then finds the schema current, instead of failing half-way
    with _connect(for_writing(engine)) as conn:
        with foreign_keys_off(conn):
            try:
                command.upgrade(alembic_config(conn), revision)
                conn.commit()
            except (SQLAlchemyError, CommandError) as e:
                conn.rollback()
                reason = scrub(_first_line(e), engine.url)
                raise DatabaseError(
                    f"migrating {safe_url(engine.url)} failed and was rolled back: {reason}",
                    "run again with --verbose and report the message",
                ) from e
        after = MigrationContext.configure(conn).get_current_revision()
    log.info("database %s upgraded from %s to %s", safe_url(engine.url), status.current, after)
    assert after is not None
    return status.current, after


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` (for developers and migration tests)."""
    from alembic import command

    with _connect(engine) as conn, foreign_keys_off(conn):
        command.downgrade(alembic_config(conn), revision)
        conn.commit()


def ensure_current(engine: Engine) -> None:
    """Make sure the schema is at head before use: upgrade SQLite, refuse an outdated PostgreSQL."""
    if _at_head_fast(engine):
        return
    status = schema_status(engine)
    if status.is_current:
        return
    _refuse_unknown(engine, status)
    if engine.dialect.name == "sqlite":
        _refuse_read_only(engine, status)
        try:
            upgrade(engine)
        except DatabaseError:
            # several commands started at once on a new file (parallel ingests): one migrates,
            # the others fail to; what they need is a current schema, which they now have
            if not schema_status(engine).is_current:
                raise
            log.info("another process upgraded %s at the same time", safe_url(engine.url))
        return
    where = "has no quotetrack tables yet" if status.current is None else f"is at revision {status.current}"
    raise SchemaError(
        f"the database {safe_url(engine.url)} {where}; this quotetrack needs revision {status.head}",
        "back it up, then run `quotetrack db upgrade` with the same --db or QUOTETRACK_DB",
    )


_REVISION = re.compile(r"^revision(?::[^=]*)? = ['\"]([^'\"]+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision(?::[^=]*)? = (?:['\"]([^'\"]+)['\"]|None)", re.M)


@functools.cache
def _head_from_files() -> str | None:
    """The newest revision, read from the scripts' `revision`/`down_revision` lines without
    loading alembic; None when that is not clear-cut (then the caller asks alembic)."""
    try:
        versions = script_location() / "versions"
        revisions, parents = set(), set()
        for path in versions.glob("*.py"):
            source = path.read_text("utf-8")
            rev, down = _REVISION.search(source), _DOWN_REVISION.search(source)
            if rev is None or down is None:
                return None
            revisions.add(rev[1])
            if down[1]:
                parents.add(down[1])
        heads = revisions - parents
    except (OSError, SchemaError):
        return None
    return heads.pop() if len(heads) == 1 else None


def _at_head_fast(engine: Engine) -> bool:
    """True when the database's recorded revision is the scripts' head (one query, no alembic)."""
    head = _head_from_files()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False
    return current == [head]


def _refuse_unknown(engine: Engine, status: SchemaStatus) -> None:
    if not status.known:
        raise SchemaError(
            f"the database {safe_url(engine.url)} is at revision {status.current}, "
            "which this quotetrack does not know: a newer quotetrack migrated it",
            "upgrade quotetrack (pip install -U quotetrack)",
        )


def _refuse_read_only(engine: Engine, status: SchemaStatus) -> None:
    """A SQLite file quotetrack may not write cannot be migrated: say so instead of failing in SQL."""
    why = engine.get_execution_options().get(READ_ONLY)
    if why is None:
        return
    where = "has no quotetrack tables" if status.current is None else f"is at revision {status.current}"
    raise SchemaError(
        f"the database {safe_url(engine.url)} {where} and is read-only ({why}); "
        f"this quotetrack needs revision {status.head}",
        "ask whoever may write it to run `quotetrack db upgrade` on it, or use the quotetrack that made it",
    )


def _revision_exists(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several types for unknown revisions
        return False


def _connect(engine: Engine) -> Connection:
    try:
        return engine.connect()
    except DBAPIError as e:  # not only OperationalError: a server may fail the first queries too
        reason = scrub(_first_line(e.orig or e), engine.url)
        if engine.url.get_backend_name() == "sqlite":  # no server: a file that is not (or no longer) one
            raise DatabaseError(
                f"cannot open the SQLite file {engine.url.database}: {reason}",
                "check that --db (or QUOTETRACK_DB) names a quotetrack database; "
                "a damaged one must be restored from a backup",
            ) from None
        raise DatabaseError(
            f"cannot connect to the database {safe_url(engine.url)}: {reason}",
            "check that the server is running and the URL (--db or QUOTETRACK_DB) is right",
        ) from None


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
