"""Migration 0004 (speaker identity) on a database that already holds articles, quotes and speakers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, inspect, text

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine

BEFORE = "0003"
NEW_TABLES = {"speaker_roles", "speaker_corrections", "speaker_words"}


def fill(engine: Engine) -> None:
    """Rows as quotetrack at revision 0003 wrote them: Putin in two roles, an anonymous source."""
    now = datetime(2024, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        for n, published in (
            (1, datetime(2010, 5, 10, 9, 0, tzinfo=UTC)),
            (2, datetime(2023, 9, 13, 14, 0, tzinfo=UTC)),
        ):
            conn.execute(
                text(
                    "INSERT INTO articles (id, key, text_hash, source, published, published_has_time, body, "
                    "deck_end, extractor_version, ingested_at) VALUES (:id, :key, :hash, :src, :pub, true, "
                    ":body, 0, 'old-1', :now)"
                ),
                {"id": n, "key": f"url:https://a.example/{n}", "hash": f"{n:064d}", "src": f"{n}.txt",
                 "pub": published, "body": "본문", "now": now},
            )  # fmt: skip
        for sid, name, kind in ((1, "블라디미르 푸틴", "person"), (2, "정부 관계자", "anonymous")):
            conn.execute(
                text(
                    "INSERT INTO speakers (id, name, name_key, kind, created_at) VALUES (:id, :n, :k, :kind, :now)"
                ),
                {"id": sid, "n": name, "k": name.replace(" ", ""), "kind": kind, "now": now},
            )
        quotes = [
            (1, 1, 1, "러시아 총리", None, "연금 개혁"),
            (2, 1, 1, "러시아  총리", date(2010, 5, 11), "위기 극복"),
            (3, 2, 1, "러시아 대통령", date(2023, 9, 13), "군사협력 가능"),
            (4, 2, 2, None, None, "검토 중"),
        ]
        for qid, article_id, speaker_id, role, said_on, body in quotes:
            conn.execute(
                text(
                    "INSERT INTO quotes (id, article_id, position, speaker_id, speaker_text, speaker_role, "
                    "speaker_kind, kind, text, said_on, start_offset, end_offset, field) VALUES "
                    "(:id, :a, :id, :s, 'x', :role, 'person', 'direct', :t, :said, 0, 1, 'body')"
                ),
                {"id": qid, "a": article_id, "s": speaker_id, "role": role, "t": body, "said": said_on},
            )


def roles(engine: Engine) -> set[tuple[int, str, date | None, date | None, int]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT speaker_id, role, first_seen, last_seen, quotes FROM speaker_roles"))
        return {(r[0], r[1], _day(r[2]), _day(r[3]), r[4]) for r in rows}


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def test_upgrading_a_filled_database_keeps_its_rows_and_builds_the_role_history(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, BEFORE)
        fill(engine)
        migrate.upgrade(engine)
        expected = {
            (
                1,
                "러시아 총리",
                date(2010, 5, 10),
                date(2010, 5, 11),
                2,
            ),  # undated: the publication day in Korea
            (1, "러시아 대통령", date(2023, 9, 13), date(2023, 9, 13), 1),
        }
        assert roles(engine) == expected
        with engine.connect() as conn:
            scoped = dict(conn.execute(text("SELECT name, article_id FROM speakers")).all())
            assert scoped == {
                "블라디미르 푸틴": None,
                "정부 관계자": 2,
            }  # the anonymous source is tied to its article
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 4
            curated = conn.execute(text("SELECT count(*) FROM speakers WHERE curated")).scalar_one()
            assert curated == 0
            words = set(conn.execute(text("SELECT speaker_id, word_key FROM speaker_words")).all())
            assert {(1, "블라디미르"), (1, "푸틴")} <= words  # 푸틴 대통령 can now find him

        migrate.downgrade(engine, BEFORE)
        assert not NEW_TABLES & set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM speakers")).scalar_one() == 2
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 4
        migrate.upgrade(engine)
        assert roles(engine) == expected
        assert migrate.schema_status(engine).is_current
    finally:
        engine.dispose()
