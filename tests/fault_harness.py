"""Run the `quotetrack` command line with a fault waiting at a chosen point of its database work.

For tests only (tests/test_faults_crash.py); nothing in quotetrack knows about it.  It
listens to SQLAlchemy's engine and session events in this process — the ingest writer —
and, at the chosen point, either pauses (writes MARKER and sleeps, so the test can look at
the database from outside and then kill the process group with SIGKILL) or kills its own
process group at once.  Worker processes are spawned fresh, so they carry no hook.

    python tests/fault_harness.py POINT MARKER -- [quotetrack arguments ...]

POINT (N counts article rows inserted by this process, in statement order):
  after-commit:N      pause right after the first commit that leaves N or more articles stored
  in-article:N        pause inside the write transaction just after the N-th article row is
                      inserted, before its quotes
  in-derived:N        pause inside the write transaction just after the first statement that
                      writes derived data (the SQLite bigram index, claims, role history) once
                      N article rows are inserted
  before-commit:N     pause in the commit of the transaction holding the N-th article, before
                      COMMIT reaches the database
  racing-commit:N:MS  at that commit, write MARKER, let COMMIT go and SIGKILL the process group
                      MS ms later (lands before, during or after the database finishes the commit)
  in-migration        pause inside the schema migration, just after ``CREATE TABLE quotes``

MARKER receives JSON: {"point": POINT, "committed": articles stored as another connection
sees them at that moment, "inserted": article rows this process inserted so far}.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import Session

from quotetrack.db.engine import make_engine

_ARTICLE = re.compile(r"^\s*INSERT INTO articles\b", re.I)
_DERIVED = re.compile(r"^\s*(INSERT INTO|DELETE FROM|UPDATE) (quote_fts|claim|speaker_roles)", re.I)
_MIGRATION = re.compile(r"^\s*CREATE TABLE quotes\b", re.I)


class Fault:
    def __init__(self, point: str, marker: Path, url: str) -> None:
        name, *args = point.split(":")
        self.point, self.name, self.args = point, name, [float(a) for a in args]
        self.marker, self.url = marker, url
        self.inserted = 0
        self.fired = False
        self.pid = os.getpid()

    # -- what the database holds, seen from outside this process's transaction --
    def committed(self) -> int:
        engine = make_engine(self.url)
        try:
            with engine.connect() as conn:
                return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
        except Exception:  # no articles table yet (a migration in progress)
            return -1
        finally:
            engine.dispose()

    def write_marker(self) -> None:
        report = {"point": self.point, "committed": self.committed(), "inserted": self.inserted}
        tmp = self.marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(report))
        tmp.replace(self.marker)

    def pause(self) -> None:
        self.fired = True
        self.write_marker()
        while True:  # the test kills us
            time.sleep(60)

    # -- the hooks --
    def after_execute(self, conn: Connection, cursor: Any, statement: str, *_: Any) -> None:
        if self.fired or os.getpid() != self.pid:
            return
        if _ARTICLE.match(statement):
            self.inserted += max(int(getattr(cursor, "rowcount", 1) or 1), 1)
            if self.name == "in-article" and self.inserted >= self.args[0]:
                self.pause()
        elif _DERIVED.match(statement):
            if self.name == "in-derived" and self.inserted >= self.args[0]:
                self.pause()
        elif _MIGRATION.match(statement) and self.name == "in-migration":
            self.pause()

    def before_commit(self, conn: Connection) -> None:
        if self.fired or os.getpid() != self.pid or not self.args or self.inserted < self.args[0]:
            return
        if self.name == "before-commit":
            self.pause()
        elif self.name == "racing-commit":
            self.fired = True
            self.write_marker()
            delay = self.args[1] / 1000

            def kill() -> None:
                time.sleep(delay)
                os.killpg(os.getpgrp(), signal.SIGKILL)

            threading.Thread(target=kill, daemon=True).start()

    def after_commit(self, session: Session) -> None:
        if self.fired or self.name != "after-commit" or os.getpid() != self.pid:
            return
        if self.inserted >= self.args[0] and self.committed() >= self.args[0]:
            self.pause()


def main(argv: list[str]) -> None:
    point, marker, sep, *args = argv
    assert sep == "--", "usage: fault_harness.py POINT MARKER -- quotetrack arguments"
    url = args[args.index("--db") + 1]
    fault = Fault(point, Path(marker), url)
    event.listen(Engine, "after_cursor_execute", fault.after_execute)
    event.listen(Engine, "commit", fault.before_commit)
    event.listen(Session, "after_commit", fault.after_commit)

    from quotetrack.cli import app

    sys.argv = ["quotetrack", *args]
    app(prog_name="quotetrack")


if __name__ == "__main__":
    main(sys.argv[1:])
