"""Read-only databases: opening a SQLite file quotetrack may not write, and telling read-only use apart.

An analyst often gets a database to read, not to change: a SQLite file shipped
read-only (or in a folder they cannot write), a PostgreSQL role with SELECT
rights only.  Read commands must work there and write nothing; write commands
must stop at once with a message saying why, not fail article by article.

SQLite: a file is opened read-only when it, or its folder, cannot be written
(SQLite keeps its write-ahead log beside the file, so a file in a read-only
folder cannot be written either).  ``mode=ro`` keeps SQLite's locking, so a
reader still sees another process's commits consistently; but a WAL database
can only be opened that way if its ``-shm`` file exists or can be created.  In
a read-only folder with no ``-shm`` file nobody has the database open for
writing, and it is opened ``immutable`` (no locking, no side files) — the only
way SQLite can read it there; a writer starting during the read could then go
unseen, which a folder we cannot write makes unlikely.  A leftover, non-empty
``-wal`` file in such a folder holds commits an immutable reader would miss:
that is refused with a message.

PostgreSQL: a role without INSERT on the tables, or a read-only transaction
(a hot standby, ``default_transaction_read_only``), is read-only.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from quotetrack.db.urls import display_url
from quotetrack.errors import DatabaseError

log = logging.getLogger(__name__)

READ_ONLY = "quotetrack_read_only"
"""Engine execution option holding why a SQLite engine was opened read-only."""
WRITTEN_TABLES = ("articles", "quotes", "speakers", "claims", "claim_quotes", "speaker_roles")
"""Tables every write command writes; a PostgreSQL role that may not insert into one of them cannot
ingest, re-extract or curate."""


def sqlite_read_only(path: Path) -> tuple[str, str] | None:
    """(URI to open the file read-only with, why) when quotetrack may not write it; None when it may."""
    if not path.exists():
        return None
    folder = path.parent
    file_ok = os.access(path, os.W_OK)
    folder_ok = os.access(folder, os.W_OK | os.X_OK)
    if file_ok and folder_ok:
        return None
    why = (
        f"the file {path} is not writable"
        if not file_ok
        else f"its folder {folder} is not writable (SQLite writes its log beside the file)"
    )
    uri = "file:" + quote(str(path.resolve()))
    if folder_ok or path.with_name(path.name + "-shm").exists():
        return uri + "?mode=ro", why
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DatabaseError(
            f"the database {path} is read-only and its last changes are still in {wal.name}, "
            "which a read-only open cannot see",
            "ask whoever can write the folder to run any quotetrack command on it once (that folds the "
            "log into the file), or copy the file, its -wal file and its folder somewhere writable",
        )
    return uri + "?mode=ro&immutable=1", why


def read_only_reason(session: Session) -> str | None:
    """Why the session's database may not be written, or None when it may (cached per session)."""
    if "quotetrack_read_only" in session.info:
        return session.info["quotetrack_read_only"]  # type: ignore[no-any-return]
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    reason: str | None = engine.get_execution_options().get(READ_ONLY)
    if reason is None and engine.dialect.name == "postgresql":
        reason = _postgres_reason(session)
    session.info["quotetrack_read_only"] = reason
    return reason


def _postgres_reason(session: Session) -> str | None:
    checks = ", ".join(f"has_table_privilege(:t{i}, 'INSERT')" for i in range(len(WRITTEN_TABLES)))
    row = session.execute(
        text(f"SELECT current_user, current_setting('transaction_read_only'), {checks}"),
        {f"t{i}": t for i, t in enumerate(WRITTEN_TABLES)},
    ).one()
    user, read_only, *allowed = row
    if read_only == "on":
        return "its transactions are read-only (a standby server, or default_transaction_read_only)"
    denied = [t for t, ok in zip(WRITTEN_TABLES, allowed, strict=True) if not ok]
    if denied:
        return f"the role {user} may not insert into {', '.join(denied)}"
    return None


def require_writable(session: Session, action: str) -> None:
    """Stop a write command at once, with the reason, when the database is read-only."""
    reason = read_only_reason(session)
    if reason is None:
        return
    bind = session.get_bind()
    url = display_url(bind.engine.url if not isinstance(bind, Engine) else bind.url)
    raise DatabaseError(
        f"cannot {action}: the database {url} is read-only ({reason})",
        "read commands (search, show, timeline, claims, changes, speakers, stats, export) work on it; "
        "to write, use a database you may write, or ask its owner for write access",
    )
