"""Full-text search over quote texts, and claims (near-duplicate statements of one speaker).

SQLite: a contentless FTS5 index of character bigrams (``quote_fts``), filled
from existing quotes here and kept in step by quotetrack's write path through
the ``quote_fts_queue`` table that triggers on ``quotes`` fill (see
quotetrack/db/fts.py).  PostgreSQL: the pg_trgm extension, a trigram GIN index
on ``quotes.text`` for terms of three characters or more, and a GIN index over
each text's bigrams (``qt_bigrams``) for two-character terms, which trigram
indexes cannot see.  Claims tables on both; existing quotes get their claims
the first time a command looks at their speaker.

The bigram tokenizer is copied here, frozen, so this migration never imports
the app: a later change of tokenization comes with its own rebuilding migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:07:32.453296
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE quote_fts USING fts5(grams, content='', tokenize='ascii')",
    "CREATE TABLE quote_fts_queue (seq INTEGER PRIMARY KEY, quote_id INTEGER NOT NULL, "
    "text TEXT NOT NULL, sign INTEGER NOT NULL)",
    "CREATE TRIGGER quote_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (new.id, new.text, 1); END",
    "CREATE TRIGGER quote_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (old.id, old.text, -1); END",
    "CREATE TRIGGER quote_fts_au AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (old.id, old.text, -1); "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (new.id, new.text, 1); END",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS quote_fts_au",
    "DROP TRIGGER IF EXISTS quote_fts_ad",
    "DROP TRIGGER IF EXISTS quote_fts_ai",
    "DROP TABLE IF EXISTS quote_fts_queue",
    "DROP TABLE IF EXISTS quote_fts",
]
PG_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE OR REPLACE FUNCTION qt_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT "
    "PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}') "
    "FROM generate_series(1, length(t) - 1) AS i $$",
    "CREATE INDEX ix_quotes_text_trgm ON quotes USING gin (text gin_trgm_ops)",
    "CREATE INDEX ix_quotes_text_bigrams ON quotes USING gin (qt_bigrams(text))",
]
PG_SEARCH_DROP = [
    "DROP INDEX IF EXISTS ix_quotes_text_bigrams",
    "DROP INDEX IF EXISTS ix_quotes_text_trgm",
    "DROP FUNCTION IF EXISTS qt_bigrams(text)",
    # pg_trgm stays: other objects in the database may use it
]

_NOT_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)
_BATCH = 5000


def _index_tokens(text: str) -> str:
    """Frozen copy of quotetrack.analysis.text.index_tokens as of this revision."""
    out: list[str] = []
    folded = unicodedata.normalize("NFKC", text).casefold()
    for run in (r for r in _NOT_ALNUM.split(folded) if r):
        grams = [run[i : i + 2] for i in range(len(run) - 1)]
        if not grams:
            continue
        if out:
            out.append("ǂ")
        out.extend(grams)
    return " ".join(out)


def _fill_sqlite_index() -> None:
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, text FROM quotes WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        conn.execute(
            sa.text("INSERT INTO quote_fts (rowid, grams) VALUES (:id, :grams)"),
            [{"id": qid, "grams": _index_tokens(text)} for qid, text in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name=op.f("fk_claims_speaker_id_speakers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_speaker_id"), "claims", ["speaker_id"], unique=False)
    op.create_table(
        "claim_keys",
        sa.Column("speaker_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("quote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_claim_keys_quote_id_quotes"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_claim_keys_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("speaker_id", "key", "quote_id", name=op.f("pk_claim_keys")),
    )
    op.create_index(op.f("ix_claim_keys_quote_id"), "claim_keys", ["quote_id"], unique=False)
    op.create_table(
        "claim_quotes",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_quotes_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_claim_quotes_quote_id_quotes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("quote_id", name=op.f("pk_claim_quotes")),
    )
    op.create_index(op.f("ix_claim_quotes_claim_id"), "claim_quotes", ["claim_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
        _fill_sqlite_index()
    elif dialect == "postgresql":
        for statement in PG_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in PG_SEARCH_DROP:
            op.execute(statement)
    op.drop_index(op.f("ix_claim_quotes_claim_id"), table_name="claim_quotes")
    op.drop_table("claim_quotes")
    op.drop_index(op.f("ix_claim_keys_quote_id"), table_name="claim_keys")
    op.drop_table("claim_keys")
    op.drop_index(op.f("ix_claims_speaker_id"), table_name="claims")
    op.drop_table("claims")
