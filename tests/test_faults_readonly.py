"""A database the analyst may only read: every read command works on it and nothing is written.

SQLite: a database filled from the real test articles is made read-only the two ways it
happens — the file read-only (0444) in a folder that is read-only too (0555), so SQLite
cannot create its ``-wal``/``-shm`` files, and the file alone read-only in a writable
folder — and every read command (search by text and by speaker, show, timeline, claims,
changes, speakers, speakers show, stats, export, db current) runs in a real process that
holds no power to override file permissions (when the tests run as root, the process is
started without CAP_DAC_OVERRIDE, so the kernel enforces the modes as for anyone else).
Each must answer exactly as it does on a writable copy, and the file must keep its bytes
and modification time, with no side file created in the read-only folder.  Each write
command (ingest, reprocess, speakers alias add / merge / rename, quotes reassign) must stop
at once with a message saying the database is read-only, writing nothing.  The same holds
when the database was migrated from before claims (claims not built yet) and when its
word index lags behind its quotes: read commands then answer without writing, and say why.

PostgreSQL: the same read commands run with a role that holds SELECT rights only, answer
as the owner's, and leave the content unchanged; write commands stop with a clear message.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from conftest import EXAMPLE, pg_admin_conninfo
from integrity import snapshot
from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
ARTICLES = [DATA / "story", EXAMPLE]
READS = [
    ["search", "--text", "전기요금", "--format", "json"],
    ["search", "--speaker", "김민수", "--format", "csv", "--limit", "0"],
    ["search", "--text", "인상", "--outlet", "연합", "--role", "대변인"],
    ["show", "2", "--format", "json"],
    ["timeline", "김민수", "--format", "json"],
    ["claims", "김민수", "--format", "json"],
    ["changes", "김민수", "--format", "json"],
    ["speakers", "--format", "json", "--limit", "0"],
    ["speakers", "show", "김민수", "--format", "json"],
    ["stats", "--format", "json"],
    ["export", "--format", "jsonl"],
    ["db", "current"],
]
WRITES = [
    (["ingest", "--jobs", "1", str(DATA / "speakers" / "putin-2010-05-10.txt")], "ingest articles"),
    (["reprocess", "--all", "--jobs", "1"], "re-extract articles"),
    (["speakers", "alias", "add", "김민수", "Kim Min-su"], "add an alias"),
    (["speakers", "rename", "김민수", "김민수 대변인"], "rename a speaker"),
    (["speakers", "merge", "김민수", "산업부"], "merge speakers"),
    (["quotes", "reassign", "2", "산업부"], "reassign a quote"),
]


def fill(url: str) -> None:
    runner = CliRunner()
    if url.startswith("postgresql"):
        assert runner.invoke(app, ["--db", url, "db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["--db", url, "ingest", "--quiet", "--jobs", "1", *map(str, ARTICLES)])
    assert result.exit_code == 0, result.output


# --- running as someone the file modes apply to ------------------------------------------------


def as_reader(args: list[str], *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command in a process that cannot override file permissions (not even as root)."""
    line = [sys.executable, *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root: setpriv is needed to drop CAP_DAC_OVERRIDE"
        line = [
            setpriv,
            "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable",
            "--",
            *line,
        ]
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(line, capture_output=True, text=True, timeout=300, env=full_env)


def quotetrack(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return as_reader(["-m", "quotetrack", "--db", url, *args])


def fingerprint(path: Path) -> tuple[int, str]:
    return path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def read_only_copy(source: Path, path: Path, change: Callable[[Connection], None]) -> Iterator[Path]:
    """`source` copied to `path` and changed, then read-only with its folder until the block ends."""
    shutil.copy(source, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            change(conn)
    finally:
        engine.dispose()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        yield path
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable database filled once; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("source")
    fill(f"sqlite:///{folder / 'quotes.db'}")
    return folder / "quotes.db"


@pytest.fixture(scope="module")
def expected(source: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What each read command prints on a writable copy of the database."""
    copy = tmp_path_factory.mktemp("writable") / "quotes.db"
    shutil.copy(source, copy)
    out = {}
    for args in READS:
        done = quotetrack(f"sqlite:///{copy}", *args)
        assert done.returncode == 0, done.stderr
        out[" ".join(args)] = done.stdout.replace(str(copy), "<db>")
    return out


@pytest.fixture(params=["folder-read-only", "file-read-only"])
def read_only_db(request: pytest.FixtureRequest, source: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "quotes.db"
    shutil.copy(source, path)
    path.chmod(0o444)
    if request.param == "folder-read-only":
        folder.chmod(0o555)
    try:
        probe = as_reader(["-c", f"open({str(path)!r}, 'r+b')"])
        assert "PermissionError" in probe.stderr, "the test process could still write the file"
        yield path
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_read_commands_answer_as_on_a_writable_copy_and_write_nothing(
    read_only_db: Path, expected: dict[str, str]
) -> None:
    folder = read_only_db.parent
    before, files = fingerprint(read_only_db), sorted(os.listdir(folder))
    url = f"sqlite:///{read_only_db}"
    for args in READS:
        done = quotetrack(url, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.replace(str(read_only_db), "<db>") == expected[" ".join(args)], args
        assert "Traceback" not in done.stderr
    assert fingerprint(read_only_db) == before
    if not os.access(folder, os.W_OK) or oct(folder.stat().st_mode)[-3:] == "555":
        assert sorted(os.listdir(folder)) == files  # no -wal, -shm or journal appeared


def test_write_commands_stop_at_once_saying_the_database_is_read_only(read_only_db: Path) -> None:
    before = fingerprint(read_only_db)
    for args, action in WRITES:
        done = quotetrack(f"sqlite:///{read_only_db}", *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert f"Error: cannot {action}: the database sqlite:///{read_only_db} is read-only" in done.stderr
        assert "not writable" in done.stderr and "Traceback" not in done.stderr
    assert fingerprint(read_only_db) == before


def test_upgrading_a_read_only_database_that_is_up_to_date_says_so(read_only_db: Path) -> None:
    done = quotetrack(f"sqlite:///{read_only_db}", "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert "already at the latest revision" in done.stdout and done.stderr == ""


def test_a_read_only_database_from_an_older_quotetrack_is_not_migrated_and_says_so(
    source: Path, tmp_path: Path
) -> None:
    def downgrade_the_stamp(conn: Connection) -> None:
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))

    with read_only_copy(source, tmp_path / "old.db", downgrade_the_stamp) as path:
        before = fingerprint(path)
        done = quotetrack(f"sqlite:///{path}", "search", "--speaker", "김민수")
        assert done.returncode == 1
        assert "is at revision 0003 and is read-only" in done.stderr and "db upgrade" in done.stderr
        assert fingerprint(path) == before


def test_derived_data_lagging_behind_is_read_around_without_writing(source: Path, tmp_path: Path) -> None:
    """As after a migration from before claims, or quotes changed by hand: nothing may be caught up."""

    def let_derived_data_lag(conn: Connection) -> None:
        conn.execute(text("DELETE FROM claims"))  # memberships and keys go with them
        conn.execute(text("UPDATE quotes SET text = text || ' (정정)' WHERE id = 2"))  # queued, not indexed
        assert conn.execute(text("SELECT count(*) FROM quote_fts_queue")).scalar_one() == 2

    with read_only_copy(source, tmp_path / "lagging.db", let_derived_data_lag) as path:
        before = fingerprint(path)
        url = f"sqlite:///{path}"
        done = quotetrack(url, "search", "--text", "정정", "--format", "json")
        assert done.returncode == 0, done.stderr
        assert '"quote_id": 2' in done.stdout and "word index of this read-only database lags" in done.stderr
        done = quotetrack(url, "claims", "김민수")
        assert done.returncode == 1, done.stderr  # no claim grouped yet: nothing found
        assert "not grouped into claims yet and the database is read-only" in done.stderr
        for args in READS:
            done = quotetrack(url, *args)
            ungrouped = args[0] == "claims"
            assert done.returncode == (1 if ungrouped else 0), (args, done.stderr)
            assert "Traceback" not in done.stderr
        assert fingerprint(path) == before
        assert sorted(os.listdir(tmp_path)) == ["lagging.db"]


# --- PostgreSQL: a role with SELECT rights only ----------------------------------------------


@pytest.fixture
def reader_url(pg_url: str) -> Iterator[str]:
    """The filled test database, and the URL of a role that may only read it."""
    fill(pg_url)
    role = f"qt_reader_{uuid.uuid4().hex[:8]}"
    database = make_url(pg_url).database
    admin = make_url(pg_admin_conninfo()).set(database=database).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"')
        conn.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    try:
        yield make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{role}"')
        with psycopg.connect(pg_admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'REVOKE ALL ON DATABASE "{database}" FROM "{role}"')
            conn.execute(f'DROP ROLE "{role}"')


def _cli(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"}).invoke(app, ["--db", url, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.postgres
def test_a_select_only_role_reads_everything_and_writes_nothing(reader_url: str, pg_url: str) -> None:
    before = snapshot(pg_url)
    reader_conninfo = make_url(reader_url).render_as_string(hide_password=False)
    with psycopg.connect(reader_conninfo) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM quotes")  # the role really cannot write
    reader = make_url(reader_url).username or ""
    for args in READS:
        code, out, err = _cli(reader_url, *args)
        assert code == 0, (args, err)
        assert out.replace(reader, "postgres") == _cli(pg_url, *args)[1], args
    for args, action in WRITES:
        code, out, err = _cli(reader_url, *args)
        assert code == 1, (args, out, err)
        assert f"Error: cannot {action}: the database" in err and "is read-only (the role" in err, err
    assert snapshot(pg_url) == before


@pytest.mark.postgres
def test_a_select_only_role_reads_around_claims_not_built_yet(reader_url: str, pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM claims"))
    finally:
        engine.dispose()
    before = snapshot(pg_url)
    for args in (
        ["claims", "김민수"],
        ["changes", "김민수"],
        ["timeline", "김민수"],
        ["export", "--format", "csv"],
    ):
        code, _, err = _cli(reader_url, *args)
        assert code == (1 if args[0] == "claims" else 0), (args, err)  # no claim grouped: none found
        assert "not grouped into claims yet and the database is read-only" in err
    assert snapshot(pg_url) == before
