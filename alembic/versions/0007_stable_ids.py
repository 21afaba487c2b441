"""Stable ids: quote, claim and speaker ids are never reused, and removed quote ids are remembered.

SQLite gives an ``INTEGER PRIMARY KEY`` the largest id plus one, so the id of the
last quote deleted went to the next quote stored; ``AUTOINCREMENT`` keeps the
largest id ever used (``sqlite_sequence``) and never goes below it.  It can only
be declared when a table is created, so ``quotes``, ``claims`` and ``speakers``
(whose ids exports carry, and which go when no quote uses them) are rebuilt
(rows copied ids and all; see `_rebuild_sqlite`).  Dropping the old ``quotes``
drops the full-text triggers migration 0003 put on it; they are created again from
their stored definitions (the index itself is keyed by quote id and stays valid).
PostgreSQL's serial sequences never reuse an id, so there only the new table is made.

``retired_quotes`` lists quote ids re-extraction removed, and the quote that
took the place of each, so `quotetrack show` can say what became of an id.

Downgrading rebuilds the tables without AUTOINCREMENT (ids unchanged) and drops
``retired_quotes``: an older quotetrack may again reuse the ids of deleted quotes.

Revision ID: 0007_stable_ids
Revises: 0006_attribution
Create Date: 2026-12-07 19:21:49
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_stable_ids"
down_revision: str | None = "0006_attribution"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


REBUILT = ("quotes", "claims", "speakers")
"""The tables whose ids users cite (quote and claim ids, speaker ids in exports)."""


def _rebuild_sqlite(table: str, autoincrement: bool) -> None:
    """Recreate `table` with or without AUTOINCREMENT on its id, rows, indexes and triggers kept.

    By SQLite's own recipe (create the new table, copy, drop the old, rename), editing only the
    id's declaration in the stored CREATE statement: every other column and constraint stays as
    earlier migrations wrote it (alembic's batch mode would rewrite them all, and 0006's downgrade
    drops a column whose CHECK must stay on the column for ALTER TABLE DROP COLUMN to work).
    Foreign keys are off while migrations run, so dropping the old table touches no child row.
    """
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    extras = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        )
    ]
    column = re.compile(r"\bid INTEGER NOT NULL,")
    inline = re.compile(rf"\bid INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,")
    # the primary key as 0001 declared it, or as a downgrade of this revision put it back (last)
    key = rf"CONSTRAINT pk_{table} PRIMARY KEY \(id\)"
    separate = re.compile(rf"\s*{key},|,\s*{key}(?=\)\s*$)")
    if autoincrement:
        new, n = column.subn(f"id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,", sql)
        new, m = separate.subn("", new)
    else:
        new, n = inline.subn("id INTEGER NOT NULL,", sql)
        new, m = re.subn(r"\)\s*$", f", CONSTRAINT pk_{table} PRIMARY KEY (id))", new)
    if (n, m) != (1, 1):
        raise RuntimeError(f"unexpected shape of table {table}, not rebuilt: {sql}")
    new, n = re.subn(rf'^CREATE TABLE (IF NOT EXISTS )?"?{table}"?', f"CREATE TABLE _qt_new_{table}", new)
    assert n == 1, new
    conn.exec_driver_sql(new)
    conn.exec_driver_sql(f"INSERT INTO _qt_new_{table} SELECT * FROM {table}")
    conn.exec_driver_sql(f"DROP TABLE {table}")
    conn.exec_driver_sql(f"ALTER TABLE _qt_new_{table} RENAME TO {table}")
    for statement in extras:
        conn.exec_driver_sql(statement)


def upgrade() -> None:
    op.create_table(
        "retired_quotes",
        sa.Column("quote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replaced_by", sa.Integer(), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_retired_quotes_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("quote_id", name=op.f("pk_retired_quotes")),
    )
    with op.batch_alter_table("retired_quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retired_quotes_article_id"), ["article_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for table in REBUILT:
            _rebuild_sqlite(table, autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in REBUILT:
            _rebuild_sqlite(table, autoincrement=False)
    with op.batch_alter_table("retired_quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retired_quotes_article_id"))
    op.drop_table("retired_quotes")
