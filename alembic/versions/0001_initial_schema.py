"""Initial schema: outlets, articles, speakers, speaker aliases and quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 13:39:09.149064
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name_key", name=op.f("uq_outlets_name_key")),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'anonymous', 'unknown')", name=op.f("ck_speakers_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
    )
    op.create_index(op.f("ix_speakers_name_key"), "speakers", ["name_key"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=2100), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_has_time", sa.Boolean(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("dateline", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("deck_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=50), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("deck_end >= 0", name=op.f("ck_articles_deck_end_not_negative")),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_articles_outlet_id_outlets"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("key", name=op.f("uq_articles_key")),
    )
    op.create_index(op.f("ix_articles_outlet_id"), "articles", ["outlet_id"], unique=False)
    op.create_index(op.f("ix_articles_published"), "articles", ["published"], unique=False)
    op.create_index(op.f("ix_articles_text_hash"), "articles", ["text_hash"], unique=False)

    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_aliases_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_aliases")),
        sa.UniqueConstraint("speaker_id", "alias_key", name=op.f("uq_speaker_aliases_speaker_id_alias_key")),
    )
    op.create_index(op.f("ix_speaker_aliases_alias_key"), "speaker_aliases", ["alias_key"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("speaker_kind", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("verb", sa.Text(), nullable=True),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.CheckConstraint("field IN ('title', 'body')", name=op.f("ck_quotes_field")),
        sa.CheckConstraint("kind IN ('headline', 'direct', 'indirect')", name=op.f("ck_quotes_kind")),
        sa.CheckConstraint(
            "speaker_kind IN ('person', 'organisation', 'anonymous', 'unknown')",
            name=op.f("ck_quotes_speaker_kind"),
        ),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset >= start_offset", name=op.f("ck_quotes_offsets")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_quotes_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name=op.f("fk_quotes_speaker_id_speakers"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index(op.f("ix_quotes_article_id"), "quotes", ["article_id"], unique=False)
    op.create_index(op.f("ix_quotes_said_on"), "quotes", ["said_on"], unique=False)
    op.create_index(op.f("ix_quotes_speaker_id_said_on"), "quotes", ["speaker_id", "said_on"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_quotes_speaker_id_said_on"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_said_on"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_article_id"), table_name="quotes")

    op.drop_table("quotes")
    op.drop_index(op.f("ix_speaker_aliases_alias_key"), table_name="speaker_aliases")

    op.drop_table("speaker_aliases")
    op.drop_index(op.f("ix_articles_text_hash"), table_name="articles")
    op.drop_index(op.f("ix_articles_published"), table_name="articles")
    op.drop_index(op.f("ix_articles_outlet_id"), table_name="articles")

    op.drop_table("articles")
    op.drop_index(op.f("ix_speakers_name_key"), table_name="speakers")

    op.drop_table("speakers")
    op.drop_table("outlets")
