"""http(s) URLs on the command line: fetched with a timeout, decoded by their charset, errors named.

A small HTTP server on 127.0.0.1 serves the test pages; nothing leaves this machine.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_fakes import clean_extract
from sqlalchemy import select
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article

DATA = Path(__file__).parent / "data" / "ingest"
PAGES = {
    "/news/yna.html": (
        "text/html; charset=utf-8",
        (DATA / "html" / "yna-2023-09-13-summit.html").read_bytes(),
    ),
    "/old/euckr.html": (
        "text/html; charset=euc-kr",
        (DATA / "html" / "regional-2019-05-09-euckr.html").read_bytes(),
    ),
    "/plain.txt": ("text/plain; charset=utf-8", (DATA / "text" / "article.txt").read_bytes()),
    "/photo.png": ("image/png", (DATA / "bad" / "photo.txt").read_bytes()),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)  # longer than the test's --timeout 1
        found = PAGES.get(self.path)
        if found is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (the timeout test) is expected: no traceback into the CLI's stderr."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: clean_extract)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_urls_are_fetched_decoded_and_stored_under_their_canonical_url(
    runner: CliRunner, cli_db: str, server: str
) -> None:
    urls = [f"{server}/news/yna.html", f"{server}/old/euckr.html", f"{server}/plain.txt"]
    result = runner.invoke(app, ["--db", cli_db, "ingest", "-j", "1", *urls])
    assert result.exit_code == 0, result.output
    assert "3  articles stored" in result.stdout
    engine = make_engine(cli_db)
    try:
        with transaction(engine) as s:
            rows = {r.source: r for r in s.scalars(select(Article))}
            yna = rows[f"{server}/news/yna.html"]
            assert yna.url == "https://www.yna.co.kr/view/AKR20230913151200080"  # the page's canonical URL
            assert yna.title == '북러 정상회담…김정은 "러시아와 함께할 것"'
            euckr = rows[f"{server}/old/euckr.html"]
            assert euckr.url == f"{server}/old/euckr.html" and "이용섭 광주시장은" in euckr.body
            assert rows[f"{server}/plain.txt"].title == '윤 대통령 "한미일 협력, 새로운 장 열었다"'
    finally:
        engine.dispose()
    again = runner.invoke(app, ["--db", cli_db, "ingest", "-j", "1", *urls])
    assert "3  articles unchanged" in again.stdout


def test_unreachable_slow_and_missing_pages_are_named_and_the_rest_is_stored(
    runner: CliRunner, cli_db: str, server: str
) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/article"
    args = [f"{server}/missing", f"{server}/slow", refused, f"{server}/photo.png", f"{server}/plain.txt"]
    started = time.monotonic()
    result = runner.invoke(app, ["--db", cli_db, "ingest", "-j", "1", "--timeout", "1", *args])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    errors = result.stderr
    assert f"{server}/missing: the server answered HTTP 404 Not Found" in errors
    assert f"{server}/slow: no answer from 127.0.0.1 within 1 s" in errors
    assert f"{refused}: 127.0.0.1 refused the connection" in errors
    assert f"{server}/photo.png: the URL serves image/png, not an article page" in errors
    assert "1  article stored" in result.stdout and "Traceback" not in result.output


def test_offline_the_error_says_so(runner: CliRunner, cli_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    result = runner.invoke(app, ["--db", cli_db, "ingest", "-j", "1", "https://www.yna.co.kr/view/AKR1"])
    assert result.exit_code == 1
    assert "cannot find the host www.yna.co.kr (offline, or a wrong address)" in result.stderr
    assert "check the network connection" in result.stderr
