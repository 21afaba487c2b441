"""Migration 0002 (raw text and record fields) keeps every stored article, both ways, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, text

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine

ARTICLE_COLUMNS = {"raw_text", "raw_format", "raw_meta", "raw_hash", "extra"}


def test_0002_adds_raw_text_columns_to_a_database_holding_articles_and_steps_back(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, "0001")
        now = datetime(2023, 9, 15, 14, 47, tzinfo=UTC).replace(tzinfo=None)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO outlets (id, name, name_key) VALUES (1, '뉴스핌', '뉴스핌')"))
            conn.execute(
                text(
                    "INSERT INTO articles (id, key, url, text_hash, source, title, published_has_time,"
                    " outlet_id, body, deck_end, extractor_version, ingested_at)"
                    " VALUES (1, 'sha256:abc', NULL, 'abc', 'a.txt', '제목', false, 1, '본문', 0, '1', :now)"
                ),
                {"now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO speakers (id, name, name_key, kind, created_at)"
                    " VALUES (1, '블라디미르 푸틴', '블라디미르푸틴', 'person', :now)"
                ),
                {"now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO quotes (id, article_id, position, speaker_id, speaker_kind, kind, text,"
                    " start_offset, end_offset, field) VALUES (1, 1, 0, 1, 'person', 'direct', '본문', 0, 2, 'body')"
                )
            )

        migrate.upgrade(engine, "0002")
        assert {c["name"] for c in inspect(engine).get_columns("articles")} >= ARTICLE_COLUMNS
        with engine.connect() as conn:
            row = conn.execute(text("SELECT key, title, raw_text, raw_hash, extra FROM articles")).one()
            assert tuple(row) == ("sha256:abc", "제목", None, None, None)
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 1

        migrate.downgrade(engine, "0001")
        assert not ARTICLE_COLUMNS & {c["name"] for c in inspect(engine).get_columns("articles")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM articles")).scalar_one() == "제목"
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 1

        migrate.upgrade(engine, "0002")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM articles")).scalar_one() == "제목"
            assert conn.execute(text("SELECT count(*) FROM quotes WHERE article_id = 1")).scalar_one() == 1
    finally:
        engine.dispose()
