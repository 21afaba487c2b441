"""An analyst querying the database with SQL: absent JSON values are NULL (``IS NULL`` finds them), and on
PostgreSQL the JSON columns are ``jsonb`` and ``\\d+`` explains tables and the columns whose meaning is not
in their name."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from helpers import make_article, make_quote
from sqlalchemy import Engine
from typer.testing import CliRunner

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
