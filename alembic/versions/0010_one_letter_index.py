"""One-letter entries in the full-text indexes, so one-syllable words and headline abbreviations
are looked up instead of read from every quote (issue 14: 핵, 北, 美, 러, and 북한 ↔ 北 ↔ lone 북).

SQLite: ``quote_fts`` is refilled from the stored quotes with the new token
stream (analysis/text.index_tokens): the bigrams as before, then each letter of
the quote once and each Hangul syllable standing alone, marked (북¦, the 북 of
북·러); the run separator becomes ¶ (ǂ was a letter, which a one-letter lookup
could meet).  Changes still queued for the old index are dropped: the new one
is made from the quotes as they are.  PostgreSQL: ``qt_chars(text)``, the
characters of the lowered text, and a GIN index over it
(``ix_quotes_text_chars``), beside 0003's trigram and bigram indexes.
Downgrade refills 0003's bigram-only index, or drops the PostgreSQL index.

The tokenizers are frozen copies of quotetrack/analysis/text.py's as of this
revision and of 0003's, so this migration never imports the app.  Cost: one
pass over the quotes; at 50,000 quotes on a loaded 2-core VM 3.4 s on SQLite
(~70 s a million) and 1.6 s on PostgreSQL (building the GIN index), BENCHMARKS.md.

Revision ID: 0010_one_letter_index
Revises: 0009_sql_clients
Create Date: 2026-12-07 22:30:00
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_one_letter_index"
down_revision: str | None = "0009_sql_clients"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_CHARS = [
    # every character of the lowered text (a GIN index keeps each key once).  One expression of
    # built-in functions, not STRICT, so the planner inlines it: a plan that filters rows by it
    # costs ~1 µs a row, where a set-returning body (as qt_bigrams has) cost ~50 µs and made a
    # common letter (다, 가) take 0.6-0.9 s at 50,000 quotes when the planner scanned by id.
    "CREATE OR REPLACE FUNCTION qt_chars(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS $$ SELECT string_to_array(lower(t), NULL) $$",
    "CREATE INDEX ix_quotes_text_chars ON quotes USING gin (qt_chars(text))",
]
PG_CHARS_DROP = [
    "DROP INDEX IF EXISTS ix_quotes_text_chars",
    "DROP FUNCTION IF EXISTS qt_chars(text)",
]

_NOT_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)
_STANDALONE = re.compile("(?<![0-9A-Za-z가-힣])[가-힣](?![0-9A-Za-z가-힣])")
_BATCH = 5000


def _runs(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [r for r in _NOT_ALNUM.split(folded) if r]


def _grams(runs: list[str], separator: str) -> list[str]:
    out: list[str] = []
    for run in runs:
        grams = [run[i : i + 2] for i in range(len(run) - 1)]
        if not grams:
            continue
        if out:
            out.append(separator)
        out.extend(grams)
    return out


def _tokens(text: str) -> str:
    """Frozen copy of quotetrack.analysis.text.index_tokens as of this revision."""
    runs = _runs(text)
    out = _grams(runs, "¶")
    out.extend(dict.fromkeys("".join(runs)))
    out.extend(s + "¦" for s in dict.fromkeys(_STANDALONE.findall(text)))
    return " ".join(out)


def _old_tokens(text: str) -> str:
    """Frozen copy of 0003's index_tokens: bigrams only, ǂ between runs."""
    return " ".join(_grams(_runs(text), "ǂ"))


def _refill_sqlite_index(tokens: Callable[[str], str]) -> None:
    """Empty quote_fts and fill it again from every stored quote with `tokens`."""
    op.execute("INSERT INTO quote_fts (quote_fts) VALUES ('delete-all')")
    op.execute("DELETE FROM quote_fts_queue")  # what it held is in the quotes the index is made from
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, text FROM quotes WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        conn.exec_driver_sql(
            "INSERT INTO quote_fts (rowid, grams) VALUES (?, ?)", [(qid, tokens(t)) for qid, t in rows]
        )
        last = rows[-1][0]
    op.execute("INSERT INTO quote_fts (quote_fts) VALUES ('optimize')")  # one segment: faster lookups


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _refill_sqlite_index(_tokens)
    elif dialect == "postgresql":
        for statement in PG_CHARS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _refill_sqlite_index(_old_tokens)
    elif dialect == "postgresql":
        for statement in PG_CHARS_DROP:
            op.execute(statement)
