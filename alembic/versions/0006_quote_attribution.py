"""How each quote's speaker was found (attribution) and the medium that relayed it (relayed_by).

Both columns are nullable and start NULL for quotes already stored: the extractor
decides them, and `quotetrack reprocess` re-extracts stored articles (their raw
text is kept) to fill them.  On SQLite the columns are added with ALTER TABLE
(which takes a column CHECK) rather than a batch rebuild of `quotes`, which would
drop the full-text triggers migration 0003 put on it.

Revision ID: 0006_attribution
Revises: 0005_stance
Create Date: 2026-12-07 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_attribution"
down_revision: str | None = "0005_stance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ATTRIBUTIONS = ("explicit", "resolved", "pronoun", "carried", "tag", "interview", "headline", "relay")
"""types.ATTRIBUTIONS as of this revision (a migration never imports the code it migrates)."""
CHECK = "attribution IS NULL OR attribution IN ({})".format(", ".join(f"'{a}'" for a in ATTRIBUTIONS))
CHECK_NAME = "ck_quotes_attribution"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        column = sa.Column(
            "attribution", sa.String(length=20), sa.CheckConstraint(CHECK, name=op.f(CHECK_NAME))
        )
        op.add_column("quotes", column)
    else:
        op.add_column("quotes", sa.Column("attribution", sa.String(length=20), nullable=True))
        op.create_check_constraint(op.f(CHECK_NAME), "quotes", CHECK)
    op.add_column("quotes", sa.Column("relayed_by", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("quotes", "relayed_by")
    op.drop_column("quotes", "attribution")
