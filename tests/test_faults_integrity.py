"""The integrity checks the fault tests rely on do catch damage (so a passing fault test means something).

A database filled through the real write path passes tests/integrity.py; each kind of
damage a crash or a bug could leave — a quote missing from the text index, a quote without
its claim, a role history out of step, a quote whose article is gone — is then made by
hand, and the check must name it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import make_article, make_quote
from integrity import check_integrity, snapshot
from sqlalchemy import Connection, Engine, text

from quotetrack.analysis.text import index_tokens
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.store import save_article

BODY = '푸틴 대통령은 "어떤 합의도 위반하지 않는다"고 말했다. 그는 "협력은 계속된다"고 덧붙였다.'


def fill(engine: Engine) -> None:
    for n in range(3):
        quotes = (
            make_quote(BODY, "어떤 합의도 위반하지 않는다"),
            make_quote(BODY, "협력은 계속된다", role="대통령"),
        )
        with transaction(engine) as s:
            save_article(s, make_article(BODY + f" ({n})", quotes, url=f"https://news.example/{n}"))


@pytest.fixture
def filled(engine: Engine) -> Engine:
    fill(engine)
    return engine


def _first_quote(conn: Connection) -> tuple[int, str]:
    row = conn.execute(text("SELECT id, text FROM quotes ORDER BY id LIMIT 1")).one()
    return row[0], row[1]


def _unindex(conn: Connection) -> None:
    qid, quote = _first_quote(conn)
    conn.execute(
        text("INSERT INTO quote_fts (quote_fts, rowid, grams) VALUES ('delete', :id, :g)"),
        {"id": qid, "g": index_tokens(quote)},
    )


def _unclaim(conn: Connection) -> None:
    conn.execute(text("DELETE FROM claim_quotes WHERE quote_id = :id"), {"id": _first_quote(conn)[0]})


def _miscount_role(conn: Connection) -> None:
    conn.execute(text("UPDATE speaker_roles SET quotes = quotes + 1"))


def _orphan_quotes(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE quotes DROP CONSTRAINT fk_quotes_article_id_articles"))
        conn.execute(text("ALTER TABLE speakers DROP CONSTRAINT fk_speakers_article_id_articles"))
        conn.execute(
            text("ALTER TABLE speaker_corrections DROP CONSTRAINT fk_speaker_corrections_article_id_articles")
        )
    conn.execute(text("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)"))


DAMAGE: list[tuple[Callable[[Connection], None], str]] = [
    (_unclaim, "have no claim"),
    (_miscount_role, "role history differs"),
    (_orphan_quotes, "point at missing articles"),
]


def damage_and_check(engine: Engine, url: str, damage: Callable[[Connection], None], named: str) -> None:
    check_integrity(url)
    before = snapshot(url)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        with conn.begin():
            damage(conn)
    with pytest.raises(AssertionError, match=named):
        check_integrity(url)
    if named in ("have no claim", "point at missing articles"):  # content the snapshot compares
        assert snapshot(url) != before


@pytest.mark.parametrize(("damage", "named"), DAMAGE, ids=[d[1] for d in DAMAGE])
def test_damage_is_named_by_the_integrity_check(
    filled: Engine, db_url: str, damage: Callable[[Connection], None], named: str
) -> None:
    damage_and_check(filled, db_url, damage, named)


def test_a_quote_missing_from_the_sqlite_text_index_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        fill(engine)
        damage_and_check(engine, url, _unindex, "not in the text index")
    finally:
        engine.dispose()
