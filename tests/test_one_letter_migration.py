"""Migration 0010: a database stored before one-letter index entries gets them for its quotes, so its
one-syllable words and headline abbreviations are looked up (issue 14); downgrade gives 0009's index."""

from __future__ import annotations

from sqlalchemy import Engine, text

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.search import QuoteFilter, search_quotes

BEFORE, AFTER = "0009_sql_clients", "0010_one_letter_index"
HEADLINES = (
    "北 핵실험 임박",
    "북·러 군사 협력은 결의 위반",
    "남북 대화는 계속된다",
    "정부는 북한 제재를 유지한다",
)


def _store_headlines(engine: Engine) -> None:
    """Quotes written by a quotetrack at 0009 (on SQLite its triggers queue them for the old index)."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, key, text_hash, source, body, published_has_time, deck_end, "
                "extractor_version, ingested_at) VALUES (1, 'k', 'h', 's', 'b', false, 0, 'v', '2024-01-01')"
            )
        )
        for n, quote in enumerate(HEADLINES):
            conn.execute(
                text(
                    "INSERT INTO quotes (article_id, position, speaker_kind, kind, text, start_offset, "
                    "end_offset, field) VALUES (1, :n, 'unknown', 'direct', :t, 0, 1, 'body')"
                ),
                {"n": n, "t": quote},
            )


def _found(engine: Engine, query: str) -> set[str]:
    with transaction(engine) as s:
        return {r.text for r in search_quotes(s, QuoteFilter(text=query))}


def _index_lookup(engine: Engine, match: str) -> set[str]:
    """Quotes the SQLite index itself returns for an FTS5 query (no text is read)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT text FROM quotes WHERE id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH :m)"
            ),
            {"m": match},
        )
        return set(rows.scalars())


def _pg_letter_index(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT to_regclass('ix_quotes_text_chars') IS NOT NULL")).scalar_one()


def test_0010_indexes_the_letters_of_stored_quotes_and_steps_back(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, BEFORE)
        _store_headlines(engine)
        migrate.upgrade(engine, AFTER)
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # the letters and lone syllables are in the index, queued changes applied
            assert _index_lookup(engine, '"핵"') == {"北 핵실험 임박"}
            assert _index_lookup(engine, '"북¦"') == {"북·러 군사 협력은 결의 위반"}
            assert _index_lookup(engine, '"제재"') == {"정부는 북한 제재를 유지한다"}
            with engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM quote_fts_queue")).scalar_one() == 0
        else:
            assert _pg_letter_index(engine)
        assert _found(engine, "핵") == {"北 핵실험 임박"}
        assert _found(engine, "북한") == {
            "北 핵실험 임박",
            "북·러 군사 협력은 결의 위반",
            "정부는 북한 제재를 유지한다",
        }

        migrate.downgrade(engine, BEFORE)
        if sqlite:  # 0009's index: bigrams only, of every quote
            assert _index_lookup(engine, '"핵"') == set()
            assert _index_lookup(engine, '"제재"') == {"정부는 북한 제재를 유지한다"}
            assert _index_lookup(engine, '"핵실 실험"') == {"北 핵실험 임박"}
        else:
            assert not _pg_letter_index(engine)
            with engine.connect() as conn:
                assert conn.execute(text("SELECT to_regprocedure('qt_chars(text)') IS NULL")).scalar_one()

        migrate.upgrade(engine)
        assert _found(engine, "北") == {
            "北 핵실험 임박",
            "북·러 군사 협력은 결의 위반",
            "정부는 북한 제재를 유지한다",
        }
    finally:
        engine.dispose()


def test_quotes_stored_after_0010_are_indexed_by_the_write_path(tmp_path: object) -> None:
    """The triggers' queue feeds the new entries: a quote inserted after the upgrade is found by one
    letter through the index, and leaves it when deleted."""
    engine = make_engine(f"sqlite:///{tmp_path}/new.db")
    try:
        migrate.upgrade(engine)
        _store_headlines(engine)
        assert _found(engine, "러") == {"북·러 군사 협력은 결의 위반"}  # applies the queue first
        assert _index_lookup(engine, '"러¦"') == {"북·러 군사 협력은 결의 위반"}
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM quotes WHERE text LIKE '북·러%'"))
        assert _found(engine, "러") == set()
        assert _index_lookup(engine, '"러¦" OR "러"') == set()
    finally:
        engine.dispose()
