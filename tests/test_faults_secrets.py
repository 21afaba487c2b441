"""A database password never reaches the screen or the log, whatever goes wrong.

Each way a database URL can fail — a host that does not resolve, a port nothing listens
on, a server that refuses the password, a server that echoes the password back in its
error messages (a misbehaving proxy: the errors then reach code paths no one expected),
a URL that cannot be parsed (port not a number, an unencoded @ in the password, another
database, no ``//``), a migration that fails half-way — is run through the command line
with a password in the URL (in ``--db`` and in ``$QUOTETRACK_DB``, with and without
``--verbose``), for every kind of command; the password must not appear, in any of its
spellings (as typed percent-encoded, decoded), in stdout or stderr (where --verbose logs go).  A
real process is run too, so the traceback of an unexpected error is checked as Python
prints it.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from conftest import EXAMPLE
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine

pytestmark = pytest.mark.slow  # real processes and network timeouts: ~1 min

PASSWORD = "Zq7:pw/s3cr@t-9"
"""A password that must be percent-encoded in a URL (: / @), so both spellings are looked for."""
ENCODED = quote(PASSWORD, safe="")
SPELLINGS = (PASSWORD, ENCODED, "s3cr", "t-9@")  # no fragment either (an unencoded @ splits it)


def assert_hidden(*outputs: str) -> None:
    for output in outputs:
        for secret in SPELLINGS:
            assert secret not in output, f"{secret!r} shown in:\n{output}"


# --- a PostgreSQL server stand-in: refuses the password, or echoes it in every error -----------


class FakeServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mode: str) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.mode = mode
        self.passwords: list[str] = []


class _Session(socketserver.BaseRequestHandler):
    server: FakeServer

    def _read(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.request.recv(n - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _send(self, kind: bytes, body: bytes) -> None:
        self.request.sendall(kind + struct.pack("!I", len(body) + 4) + body)

    def _error(self, severity: str, code: str, message: str) -> None:
        fields = [b"S" + severity.encode(), b"V" + severity.encode(), b"C" + code.encode()]
        fields.append(b"M" + message.encode())
        self._send(b"E", b"\0".join(fields) + b"\0\0")

    def handle(self) -> None:
        try:
            while True:  # SSL and GSS encryption requests, then the startup message
                (length,) = struct.unpack("!I", self._read(4))
                body = self._read(length - 4)
                if struct.unpack("!I", body[:4])[0] in (80877103, 80877104):
                    self.request.sendall(b"N")
                    continue
                break
            self._send(b"R", struct.pack("!I", 3))  # cleartext password, please
            kind = self._read(1)
            (length,) = struct.unpack("!I", self._read(4))
            password = self._read(length - 4).rstrip(b"\0").decode()
            assert kind == b"p"
            self.server.passwords.append(password)
            if self.server.mode == "reject":
                self._error(
                    "FATAL", "28P01", f'password authentication failed for user "qt" (got "{password}")'
                )
                return
            self._send(b"R", struct.pack("!I", 0))
            for name, value in (
                ("server_version", "15.4"),
                ("client_encoding", "UTF8"),
                ("server_encoding", "UTF8"),
                ("standard_conforming_strings", "on"),
                ("DateStyle", "ISO, MDY"),
                ("integer_datetimes", "on"),
                ("TimeZone", "UTC"),
            ):
                self._send(b"S", name.encode() + b"\0" + value.encode() + b"\0")  # fmt: skip
            self._send(b"K", struct.pack("!II", 4242, 1))
            self._send(b"Z", b"I")
            while True:
                kind = self._read(1)
                (length,) = struct.unpack("!I", self._read(4))
                self._read(length - 4)
                if kind == b"X":
                    return
                if kind in (b"Q", b"S"):  # a query, or the end of an extended-protocol batch
                    self._error("ERROR", "XX000", f"internal error near password {password}")
                    self._send(b"Z", b"I")
        except (ConnectionError, OSError):
            return


@pytest.fixture(params=["reject", "echo"])
def fake_server(request: pytest.FixtureRequest) -> Iterator[FakeServer]:
    server = FakeServer(request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the commands ----------------------------------------------------------------------------


COMMANDS = [
    ["search", "--speaker", "푸틴"],
    ["search", "--text", "위반", "--format", "json"],
    ["show", "1"],
    ["timeline", "푸틴"],
    ["claims", "푸틴"],
    ["changes", "푸틴"],
    ["export", "--format", "csv"],
    ["stats"],
    ["speakers"],
    ["speakers", "alias", "add", "푸틴", "Putin"],
    ["db", "current"],
    ["db", "upgrade"],
    ["ingest", "--jobs", "1", str(EXAMPLE)],
    ["reprocess", "--jobs", "1"],
]


def run_everything(url: str) -> tuple[list[int], str]:
    """Every command, with the URL in --db and in $QUOTETRACK_DB, with and without --verbose.

    Returns the exit codes and what the --verbose runs logged (logs go to stderr, which is
    checked for the password like everything else)."""
    codes, logged = [], []
    for args in COMMANDS:
        for verbose in ([], ["--verbose"]):
            for via_env in (False, True):
                env = {"COLUMNS": "200", "NO_COLOR": "1", "QUOTETRACK_DB": url if via_env else None}
                line = [*verbose, *([] if via_env else ["--db", url]), *args]
                result = CliRunner(env=env).invoke(app, line)
                escaped = result.exception if not isinstance(result.exception, SystemExit) else None
                tb = "".join(traceback.format_exception(escaped)) if escaped else ""
                assert_hidden(result.stdout, result.stderr, tb)
                assert escaped is None, f"{line}: {escaped!r}"
                codes.append(result.exit_code)
                if verbose:
                    logged.append(result.stderr)
    return codes, "\n".join(logged)


def test_a_server_that_refuses_or_echoes_the_password_never_gets_it_shown(fake_server: FakeServer) -> None:
    url = f"postgresql://qt:{ENCODED}@127.0.0.1:{fake_server.server_address[1]}/quotes"
    codes, logged = run_everything(url)
    assert set(codes) == {1}, "every command fails with a message"
    assert "engine for postgresql://qt:***@127.0.0.1" in logged  # --verbose did log, masked
    assert fake_server.passwords and set(fake_server.passwords) == {PASSWORD}  # it was really sent


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(f"postgresql://qt:{ENCODED}@nonexistent.invalid/quotes", id="unknown-host"),
        pytest.param(f"postgresql://qt:{ENCODED}@127.0.0.1:{free_port()}/quotes", id="nothing-listening"),
        pytest.param(f"postgresql://qt:{ENCODED}@127.0.0.1:port/quotes", id="port-not-a-number"),
        pytest.param(f"postgresql://qt:{PASSWORD}@127.0.0.1/quotes", id="unencoded-at-in-password"),
        pytest.param(f"mysql://qt:{ENCODED}@127.0.0.1/quotes", id="another-database"),
        pytest.param(f"postgresql//qt:{ENCODED}@127.0.0.1/quotes", id="no-double-slash"),
        pytest.param(
            f"postgresql://qt@127.0.0.1:{free_port()}/quotes?password={ENCODED}", id="password-in-query"
        ),
    ],
)
def test_a_url_that_cannot_be_used_is_reported_without_its_password(url: str) -> None:
    codes, _ = run_everything(url)
    assert set(codes) <= {1, 2} and 1 in codes


def test_messages_name_the_problem_without_the_url() -> None:
    runner = CliRunner(env={"COLUMNS": "200"})
    result = runner.invoke(app, ["--db", f"postgresql://qt:{PASSWORD}@127.0.0.1/quotes", "search"])
    assert result.exit_code == 1 and "write an @ in a password as %40" in result.stderr
    result = runner.invoke(app, ["--db", f"postgresql://qt:{ENCODED}@127.0.0.1:port/quotes", "stats"])
    assert result.exit_code == 1 and "port is not a number" in result.stderr
    result = runner.invoke(
        app, ["--db", f"postgresql://qt:{ENCODED}@127.0.0.1:{free_port()}/q", "db", "current"]
    )
    assert result.exit_code == 1 and "postgresql://qt:***@127.0.0.1" in result.stderr


@pytest.fixture
def pg_with_password(pg_url: str) -> str:
    """The test database's URL with a password in it (the test server trusts every login)."""
    return make_url(pg_url).set(password=PASSWORD).render_as_string(hide_password=False)


@pytest.mark.postgres
def test_working_commands_and_a_failed_migration_never_show_the_password(
    pg_with_password: str, pg_url: str
) -> None:
    assert ENCODED in pg_with_password
    codes, logged = run_everything(pg_with_password)
    assert 0 in codes  # the database works: db upgrade, ingest, search… succeeded
    assert "engine for postgresql://postgres:***@" in logged

    engine = make_engine(pg_url)  # now a database whose next migration fails half-way
    try:
        migrate.downgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE claims (id integer)"))
    finally:
        engine.dispose()
    for verbose in ([], ["--verbose"]):
        result = CliRunner().invoke(app, [*verbose, "--db", pg_with_password, "db", "upgrade"])
        assert result.exit_code == 1 and "failed and was rolled back" in result.stderr
        assert "postgresql://postgres:***@" in result.stderr
        assert_hidden(result.stdout, result.stderr)


def test_a_real_process_prints_an_unexpected_error_without_the_password(tmp_path: Path) -> None:
    server = FakeServer("echo")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"postgresql://qt:{ENCODED}@127.0.0.1:{server.server_address[1]}/quotes"
        for verbose, args in (
            ([], ["search", "--speaker", "푸틴"]),
            (["--verbose"], ["speakers"]),
            ([], ["db", "current"]),
        ):
            line = [sys.executable, "-m", "quotetrack", *verbose, "--db", url, *args]
            done = subprocess.run(line, capture_output=True, text=True, timeout=60)
            assert done.returncode == 1, done.stderr
            assert "internal error near password" in done.stderr  # the server's message is shown…
            assert_hidden(done.stdout, done.stderr)  # …with the password masked
    finally:
        server.shutdown()
        server.server_close()


def test_the_fake_server_is_a_server_psycopg_talks_to(fake_server: FakeServer) -> None:
    """The checks above mean something only if the password really travels to the stand-in."""
    with pytest.raises(psycopg.Error) as caught:
        psycopg.connect(
            host="127.0.0.1", port=fake_server.server_address[1], user="qt", password=PASSWORD, dbname="q"
        ).execute("SELECT 1")
    assert PASSWORD in str(caught.value)  # the raw driver error does carry it
