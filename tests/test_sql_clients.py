"""An analyst querying the database with SQL: absent JSON values are NULL (``IS NULL`` finds them), and on
PostgreSQL the JSON columns are ``jsonb`` and ``\\d+`` explains tables and the columns whose meaning is not
in their name; Datasette, set up as docs/schema.md says, finds on quotes what ``quotetrack search`` finds."""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers import article_text, fake_extract, make_article, make_quote
from sqlalchemy import Engine
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import transaction
from quotetrack.db.store import save_article


def scalar(engine: Engine, sql: str) -> object:
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar()


def test_an_article_without_record_fields_has_null_json_not_the_text_null(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article(url="https://news.example/a"))  # no raw document, no extra fields
    assert scalar(engine, "SELECT count(*) FROM articles WHERE extra IS NULL AND raw_meta IS NULL") == 1


def test_the_upgrade_turns_stored_json_null_text_into_sql_null(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article(url="https://news.example/a"))
    migrate.downgrade(engine, "0008_dates")
    with engine.begin() as conn:  # what quotetrack wrote before: the JSON text null
        conn.execute(sa.text("UPDATE articles SET extra = 'null', raw_meta = 'null'"))
    assert scalar(engine, "SELECT count(*) FROM articles WHERE extra IS NULL") == 0
    migrate.upgrade(engine)
    assert scalar(engine, "SELECT count(*) FROM articles WHERE extra IS NULL AND raw_meta IS NULL") == 1


@pytest.mark.postgres
def test_psql_describes_the_tables_and_the_json_is_jsonb(pg_url: str) -> None:
    from quotetrack.db.engine import make_engine

    engine = make_engine(pg_url)
    try:
        migrate.upgrade(engine)
        assert "offsets point into" in str(scalar(engine, "SELECT obj_description('articles'::regclass)"))
        deck_end = scalar(
            engine,
            "SELECT col_description('articles'::regclass, attnum) FROM pg_attribute "
            "WHERE attrelid = 'articles'::regclass AND attname = 'deck_end'",
        )
        assert "deck" in str(deck_end)
        types = scalar(
            engine,
            "SELECT string_agg(DISTINCT data_type, ',') FROM information_schema.columns "
            "WHERE column_name IN ('raw_meta', 'extra', 'cues', 'flags')",
        )
        assert types == "jsonb"
    finally:
        engine.dispose()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the bigram index is SQLite's
def test_the_query_datasette_runs_for_search_finds_what_quotetrack_search_finds(
    engine: Engine, migrated_db: str, runner: CliRunner
) -> None:
    """docs/schema.md configures Datasette's search on quotes with the bigram index (fts_table quote_fts,
    fts_pk id); this is the query its `_search=위반` runs, and the raw phrase form for longer words."""
    bodies = {
        "https://news.example/1": '푸틴은 "어떤 합의도 위반하지 않는다"고 말했다.',
        "https://news.example/2": '페스코프는 "제재 위반은 없었다"고 말했다.',
        "https://news.example/3": '외교부는 "반드시 대응하겠다"고 밝혔다.',
    }
    with transaction(engine) as s:
        for url, body in bodies.items():
            words = body.split('"')[1]
            save_article(s, make_article(body, (make_quote(body, words),), url=url))

    def ids(*args: str) -> set[int]:
        result = runner.invoke(app, ["--db", migrated_db, "search", *args, "-f", "json", "-n", "0"])
        assert result.exit_code == 0, result.output
        return {r["quote_id"] for r in json.loads(result.stdout)}

    def datasette(match: str) -> set[int]:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT id FROM quotes WHERE id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH :q)"
                ),
                {"q": match},
            )
            return {r[0] for r in rows}

    assert datasette('"위반"') == ids("--text", "위반") and len(ids("--text", "위반")) == 2
    assert datasette('"위반 반하"') == ids("--text", "위반하") and len(ids("--text", "위반하")) == 1


SCHEMA_DOC = Path(__file__).parent.parent / "docs" / "schema.md"


def documented_metadata() -> dict[str, object]:
    """The Datasette metadata docs/schema.md tells the analyst to write, taken from the page itself."""
    section = SCHEMA_DOC.read_text("utf-8").split("## Full-text search from Datasette", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block is not None, "docs/schema.md lost its Datasette metadata example"
    metadata: dict[str, object] = json.loads(block[1])
    return metadata


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def analysts_database(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Path:
    """quotetrack.db, as the analyst makes it: three articles through `quotetrack ingest`, two with 위반."""
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, (speaker, words) in enumerate(
        (
            ("푸틴", "어떤 합의도 위반하지 않는다"),
            ("페스코프", "제재 위반은 없었다"),
            ("외교부", "반드시 대응하겠다"),
        )
    ):
        quote = (speaker, "", "direct", words)
        text = article_text(
            f"기사 {n}", f"2024-03-0{n + 1} 10:00", "뉴스핌", quote, url=f"https://news.example/{n}"
        )
        (folder / f"{n}.txt").write_text(text, "utf-8")
    db = tmp_path / "quotetrack.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def datasette(analysts_database: Path, tmp_path: Path) -> Iterator[str]:
    """Datasette serving the database on a free local port with the documented metadata; its base URL."""
    if importlib.util.find_spec("datasette") is None:
        pytest.skip("Datasette is not installed (pip install -e '.[test]' brings it)")
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(documented_metadata()), "utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(analysts_database), "--metadata", str(metadata),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"Datasette did not start: {server.communicate()[0]}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


@pytest.mark.slow  # a Datasette server in a subprocess
def test_datasette_search_on_quotes_returns_what_quotetrack_search_returns(
    datasette: str, analysts_database: Path, runner: CliRunner
) -> None:
    """The issue's promise, checked with the real Datasette: `_search=위반` on the quotes table, set up
    as docs/schema.md says, returns the rows `quotetrack search --text 위반` finds; so does the raw
    bigram phrase for a longer word."""

    def datasette_ids(**params: str) -> set[int]:
        query = urllib.parse.urlencode({**params, "_shape": "array", "_col": "id"})
        with urllib.request.urlopen(f"{datasette}/quotetrack/quotes.json?{query}", timeout=30) as response:
            return {row["id"] for row in json.load(response)}

    def quotetrack_ids(words: str) -> set[int]:
        result = runner.invoke(
            app, ["--db", str(analysts_database), "search", "--text", words, "--format", "json", "-n", "0"]
        )
        assert result.exit_code == 0, result.output
        return {r["quote_id"] for r in json.loads(result.stdout)}

    found = quotetrack_ids("위반")
    assert len(found) == 2
    assert datasette_ids(_search="위반") == found
    assert datasette_ids(_search='"위반 반하"', _searchmode="raw") == quotetrack_ids("위반하")
    assert len(quotetrack_ids("위반하")) == 1
