"""Keep each article's raw text (for reprocess and extractor-independent identity) and record fields.

Only nullable columns are added: existing articles keep their rows and get NULL
(they have no stored raw text, so `reprocess` reports them as needing a re-ingest).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:01:28.402956
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("raw_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("raw_format", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("raw_meta", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("raw_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("extra", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_raw_hash"), ["raw_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_raw_hash"))
        batch_op.drop_column("extra")
        batch_op.drop_column("raw_hash")
        batch_op.drop_column("raw_meta")
        batch_op.drop_column("raw_format")
        batch_op.drop_column("raw_text")
