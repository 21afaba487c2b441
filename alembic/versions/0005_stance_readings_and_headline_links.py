"""Quote readings (stance, deciding words, content words) and headline links (issue 15).

Both tables start empty: a reading needs the Korean morphology model, which a
migration must not load, so quotetrack reads the stored quotes on demand — the
first command that compares a speaker's statements (changes, timeline, claims)
reads that speaker's quotes and stores their readings, `fidelity` reads the
quotes of the articles it looks at, and new articles are read as they are stored
(db/readings.py).

Revision ID: 0005_stance
Revises: 0004
Create Date: 2026-12-07 15:55:03.854144
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_stance"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "headline_links",
        sa.Column("headline_quote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("segment_start", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("segment_end", sa.Integer(), nullable=False),
        sa.Column("body_quote_id", sa.Integer(), nullable=False),
        sa.Column("overlap", sa.Float(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.CheckConstraint("segment_end > segment_start", name=op.f("ck_headline_links_segment")),
        sa.ForeignKeyConstraint(
            ["body_quote_id"],
            ["quotes.id"],
            name=op.f("fk_headline_links_body_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["headline_quote_id"],
            ["quotes.id"],
            name=op.f("fk_headline_links_headline_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("headline_quote_id", "segment_start", name=op.f("pk_headline_links")),
    )
    with op.batch_alter_table("headline_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_headline_links_body_quote_id"), ["body_quote_id"], unique=False)

    op.create_table(
        "quote_readings",
        sa.Column("quote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reader", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=10), nullable=False),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.CheckConstraint("stance IN ('affirm', 'deny', 'neutral')", name=op.f("ck_quote_readings_stance")),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_quote_readings_quote_id_quotes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("quote_id", name=op.f("pk_quote_readings")),
    )


def downgrade() -> None:
    op.drop_table("quote_readings")
    with op.batch_alter_table("headline_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_headline_links_body_quote_id"))

    op.drop_table("headline_links")
