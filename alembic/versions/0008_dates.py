"""Dates as the page gave them: the published day as a date, and each quote's effective date.

``articles.published`` is a UTC timestamp, and a day without a time is that day's
midnight in Korea, which every SQL client shows as the evening before (2024-12-19
15:00 for an article of 2024-12-20).  ``articles.published_date`` holds the day
itself.  ``quotes.effective_date`` is the quote's day on the time axis — the day
said, else the day published — and ``quotes.date_basis`` says which, so the date
filters, timelines and stats no longer drop the quotes whose day said is unknown.
Both are filled here from the stored rows (published days in Korea time, as the
CLI has always shown them).

Plain ALTER TABLE on SQLite (as 0006): a batch rebuild of ``quotes`` would drop its
full-text triggers, and the CHECK on ``date_basis`` stays on its column so the
downgrade can drop it.

Revision ID: 0008_dates
Revises: 0007_stable_ids
Create Date: 2026-12-07 19:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_dates"
down_revision: str | None = "0007_stable_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECK = "date_basis IS NULL OR date_basis IN ('said', 'published')"
CHECK_NAME = "ck_quotes_date_basis"
KOREAN_DAY = {
    "sqlite": "date(published, '+9 hours')",
    "postgresql": "CAST((published AT TIME ZONE 'UTC') + INTERVAL '9 hours' AS DATE)",
}
"""The Korea-time day of a stored UTC publication time (Korea has kept UTC+9 since 1988)."""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column("articles", sa.Column("published_date", sa.Date(), nullable=True))
    op.create_index(op.f("ix_articles_published_date"), "articles", ["published_date"], unique=False)
    op.add_column("quotes", sa.Column("effective_date", sa.Date(), nullable=True))
    if dialect == "sqlite":
        op.add_column(
            "quotes",
            sa.Column("date_basis", sa.String(length=10), sa.CheckConstraint(CHECK, name=op.f(CHECK_NAME))),
        )
    else:
        op.add_column("quotes", sa.Column("date_basis", sa.String(length=10), nullable=True))
        op.create_check_constraint(op.f(CHECK_NAME), "quotes", CHECK)
    op.create_index(op.f("ix_quotes_effective_date"), "quotes", ["effective_date"], unique=False)
    op.create_index(
        op.f("ix_quotes_speaker_id_effective_date"), "quotes", ["speaker_id", "effective_date"], unique=False
    )
    op.execute(f"UPDATE articles SET published_date = {KOREAN_DAY[dialect]} WHERE published IS NOT NULL")
    published = "(SELECT a.published_date FROM articles AS a WHERE a.id = quotes.article_id)"
    op.execute(
        f"UPDATE quotes SET effective_date = COALESCE(said_on, {published}), "
        f"date_basis = CASE WHEN said_on IS NOT NULL THEN 'said' "
        f"WHEN {published} IS NOT NULL THEN 'published' END"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_quotes_speaker_id_effective_date"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_effective_date"), table_name="quotes")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f(CHECK_NAME), "quotes", type_="check")
    op.drop_column("quotes", "date_basis")
    op.drop_column("quotes", "effective_date")
    op.drop_index(op.f("ix_articles_published_date"), table_name="articles")
    op.drop_column("articles", "published_date")
