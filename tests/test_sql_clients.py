"""An analyst querying the database with SQL: absent JSON values are NULL (``IS NULL`` finds them), and on
PostgreSQL the JSON columns are ``jsonb`` and ``\\d+`` explains tables and the columns whose meaning is not
in their name."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from helpers import make_article
from sqlalchemy import Engine

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
