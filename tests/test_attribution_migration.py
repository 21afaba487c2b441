"""How each quote's speaker was found: migration 0006 keeps every stored quote (and, on SQLite, the
full-text triggers), and the --attribution choices are the extractor's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quotetrack.cli.filters import Attribution
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.types import ATTRIBUTIONS


def test_the_attribution_option_offers_exactly_what_the_extractor_records() -> None:
    assert tuple(a.value for a in Attribution) == ATTRIBUTIONS


def _store_one_quote(db_url: str) -> None:
    engine = make_engine(db_url)
    now = datetime(2023, 9, 15, 14, 47, tzinfo=UTC).replace(tzinfo=None)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, key, url, text_hash, source, title, published_has_time,"
                    " body, deck_end, extractor_version, ingested_at)"
                    " VALUES (1, 'sha256:abc', NULL, 'abc', 'a.txt', '제목', false, '본문', 0, '1', :now)"
                ),
                {"now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO quotes (id, article_id, position, speaker_kind, kind, text,"
                    " start_offset, end_offset, field)"
                    " VALUES (1, 1, 0, 'unknown', 'direct', '전기요금 인상은 없다', 0, 2, 'body')"
                )
            )
    finally:
        engine.dispose()


def test_0006_adds_attribution_to_stored_quotes_and_steps_back(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, "0005_stance")
        _store_one_quote(db_url)
        migrate.upgrade(engine, "0006_attribution")
        assert {"attribution", "relayed_by"} <= {c["name"] for c in inspect(engine).get_columns("quotes")}
        with engine.connect() as conn:
            row = conn.execute(text("SELECT text, attribution, relayed_by FROM quotes")).one()
        assert tuple(row) == ("전기요금 인상은 없다", None, None)

        with engine.begin() as conn:  # the new column takes the extractor's values, and only those
            conn.execute(text("UPDATE quotes SET attribution = 'relay', relayed_by = '타스통신'"))
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text("UPDATE quotes SET attribution = 'guessed'"))

        if engine.dialect.name == "sqlite":  # the full-text triggers on quotes survived the change
            triggers = {
                r[0]
                for r in engine.connect().execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            }
            assert {"quote_fts_ai", "quote_fts_ad", "quote_fts_au"} <= triggers

        migrate.downgrade(engine, "0005_stance")
        assert "attribution" not in {c["name"] for c in inspect(engine).get_columns("quotes")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT text FROM quotes")).scalar_one() == "전기요금 인상은 없다"
    finally:
        engine.dispose()
