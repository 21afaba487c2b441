"""What SQL clients need: JSON columns holding real NULLs (``jsonb`` on PostgreSQL), and comments.

SQLAlchemy's plain JSON type wrote Python None as the JSON text ``'null'``, which
``IS NULL`` does not find; those values become SQL NULL here, on both backends,
and the model's `JSONValue` writes NULL from now on.  On PostgreSQL the JSON
columns become ``jsonb`` (indexable, ``@>``), and every table and the columns
whose meaning is not in their name get comments, so ``\\d+`` explains them
(SQLite keeps no comments: docs/schema.md is its reference).

The comments are frozen copies of quotetrack/db/schema.py's (class docstrings,
COLUMN_COMMENTS) as of this revision; a later wording change comes with its
own migration, which `alembic check` asks for.

Revision ID: 0009_sql_clients
Revises: 0008_dates
Create Date: 2026-12-07 19:50:00
"""

# ruff: noqa: E501  (the comments are frozen copies of docstrings, one per line for diffing)
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009_sql_clients"
down_revision: str | None = "0008_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_COLUMNS = (
    ("articles", "raw_meta"),
    ("articles", "extra"),
    ("quote_readings", "cues"),
    ("headline_links", "flags"),
)
NULLABLE_JSON = (("articles", "raw_meta"), ("articles", "extra"))

TABLE_COMMENTS = {
    "articles": "One stored article with the clean body its quotes' offsets point into.",
    "claim_keys": "A lookup key of a quote's bigram sketch (analysis/claims.py), to find near-duplicates fast.",
    "claim_quotes": "A quote's claim: each quote with a speaker belongs to exactly one claim of that speaker.",
    "claims": "One statement of one speaker, however many outlets and days reported it.",
    "headline_links": "A headline quote (or one part of it, split at …) and the body quote of its article it condenses, with how the headline changes what the body quote says (analysis/fidelity.py).",
    "outlets": "A news organisation (뉴스핌, 연합뉴스) as printed, with a key that ignores spacing and case.",
    "quote_readings": "A quote's stance, the words that decided it and its content words (analysis/reading.py).",
    "quotes": "One attributed statement, with character offsets into its article's title or body.",
    "retired_quotes": "A quote id that re-extraction removed (its words are no longer found in the article), and the quote of the same article that took its place, if one did: what `quotetrack show` says for it.",
    "speaker_aliases": "Another way a speaker's name is written (푸틴, Vladimir Putin); keyed for lookup.",
    "speaker_corrections": "A curator's decision about who said something, re-applied whenever an article's quotes are rewritten.",
    "speaker_roles": "One role a speaker was printed with, and the first and last day it was seen (role history).",
    "speaker_words": "A word of a speaker's several-word name or alias that may be a family name alone (푸틴, 기시다).",
    "speakers": "A person, organisation or anonymous source that quotes are attributed to.",
}
COLUMN_COMMENTS = {
    ("articles", "key"): "Identity for deduplication: url:<normalised URL>, else raw:<hash of the raw text>",
    ("articles", "published"): "Publication time in UTC; for a day without time, midnight in Korea",
    ("articles", "published_has_time"): "Whether the page gave a time of day",
    ("articles", "published_date"): "The day the article was published, as the page gave it (Korea time)",
    ("articles", "body"): "Clean article text; quotes' offsets with field = 'body' point into it",
    ("articles", "deck_end"): "Offset in body where the deck (subheadline lines atop it) ends; 0: none",
    ("articles", "raw_text"): "The text the extractor was given, kept so reprocess can re-extract it",
    ("articles", "extra"): "Fields of a JSON Lines or CSV record with no column of their own",
    ("quotes", "id"): "Stable: kept while these words of this article are stored; never reused",
    ("quotes", "position"): "Order of the quote in its article as the extractor returned it",
    ("quotes", "speaker_id"): "The resolved speaker: group by this, not by name (names are shared)",
    ("quotes", "speaker_text"): "The speaker as the article printed it",
    ("quotes", "speaker_role"): "The role printed with this quote",
    ("quotes", "said_on"): "The day the quote was said, when the article says it",
    ("quotes", "effective_date"): "said_on, else the article's published_date: the day on the time axis",
    ("quotes", "date_basis"): "What effective_date rests on: said or published; NULL with neither",
    ("quotes", "field"): "Which text start_offset and end_offset point into: the article's title or body",
    ("quotes", "start_offset"): "Offset of the quote's first character in the title or body (field)",
    ("quotes", "end_offset"): "Offset just after the quote's last character in the title or body",
    ("quotes", "attribution"): "How the speaker was found (explicit, resolved, pronoun, carried, ...)",
    ("speakers", "article_id"): "Set for a speaker known only within that article",
    ("claim_quotes", "speaker_id"): "The quote's speaker when assigned (differs after a reassignment)",
    ("retired_quotes", "replaced_by"): "The quote of the article over the same span that took its place",
}


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, column in NULLABLE_JSON:
        test = f"{column}::text = 'null'" if postgres else f"{column} = 'null'"
        op.execute(f"UPDATE {table} SET {column} = NULL WHERE {test}")
    if not postgres:
        return
    for table, column in JSON_COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE jsonb USING {column}::jsonb")
    for table, comment in TABLE_COMMENTS.items():
        op.create_table_comment(table, comment)
    for (table, column), comment in COLUMN_COMMENTS.items():
        op.alter_column(table, column, comment=comment)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # NULLs stay NULL: the older code reads them as None too
    for (table, column), comment in COLUMN_COMMENTS.items():
        op.alter_column(table, column, comment=None, existing_comment=comment)
    for table, comment in TABLE_COMMENTS.items():
        op.drop_table_comment(table, existing_comment=comment)
    for table, column in JSON_COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE json USING {column}::json")
