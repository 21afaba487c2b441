"""Full-text search over quote texts: query terms, index upkeep on SQLite, predicates per backend.

Korean needs substring search (위반 must find 위반하지 and 위반했다), and the
common words are two syllables long (정부, 북한, 제재), which trigram indexes
cannot see (PERFORMANCE-NOTES.md).  So:

- SQLite: a contentless FTS5 table ``quote_fts`` over character bigrams made in
  Python (analysis/text.index_tokens).  A term is an FTS5 *phrase* of its
  bigrams, so 위반할 is the phrase 위반 반할: exact substring matching, as fast
  for two syllables as for five.  Triggers on ``quotes`` record every insert,
  delete and text change in ``quote_fts_queue``; `sync` applies the queue (net
  per quote and text, so an id reused after a delete is never confused) and is
  called from the write path (db/derived.py) and before every text search.
- PostgreSQL: ``ILIKE '%term%'`` served by a pg_trgm GIN index, plus for terms
  whose longest run of letters is two characters a GIN index over each text's
  bigrams (``qt_bigrams(text) @> ARRAY[...]``), then the ILIKE recheck.

User input never reaches either query language as syntax: FTS5 phrases are
built from bigrams of letters and digits only, each double-quoted; LIKE
patterns escape ``%``, ``_`` and the escape character.  A term holding other
characters (100%, 위_반, "위반") is additionally checked literally with LIKE.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, literal, text
from sqlalchemy.orm import Session
from sqlalchemy.types import Float, Text

from quotetrack.analysis.text import alnum_runs, bigrams, fold, index_tokens
from quotetrack.db.schema import QUOTES
from quotetrack.errors import UsageError

_TEXT = QUOTES.c.text
"""The quotes' text column itself, not the ORM attribute: conditions on it keep a search statement
plain SQLAlchemy Core, which spares `quotetrack search` the ORM's mapper set-up (db/search.py)."""

log = logging.getLogger(__name__)

TRIGGERS = ("quote_fts_ai", "quote_fts_ad", "quote_fts_au")
TRIGGERS_DDL = (
    "CREATE TRIGGER IF NOT EXISTS quote_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (new.id, new.text, 1); END",
    "CREATE TRIGGER IF NOT EXISTS quote_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (old.id, old.text, -1); END",
    "CREATE TRIGGER IF NOT EXISTS quote_fts_au AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (old.id, old.text, -1); "
    "INSERT INTO quote_fts_queue (quote_id, text, sign) VALUES (new.id, new.text, 1); END",
)
"""The triggers migration 0003 creates; `rebuild` restores them after a batch migration of quotes."""
_ESCAPE = "\\"
MAX_TERMS = 16
"""Most words one --text query may hold.  Each word is a condition (two on PostgreSQL), and a
query pasted with thousands of words would keep the server busy for minutes (found by
tests/test_faults_hostile.py: 2,000 copies of one word ran for over 15 minutes on 32 quotes)."""


@dataclass(frozen=True)
class Term:
    """One whitespace-separated word of a --text query."""

    raw: str
    runs: tuple[str, ...]
    """Its runs of letters and digits, folded (case and width)."""

    @property
    def literal(self) -> bool:
        """True when the word is nothing but letters and digits (the index alone answers it)."""
        return len(self.runs) == 1 and self.runs[0] == fold(self.raw)

    @property
    def indexed_runs(self) -> tuple[str, ...]:
        return tuple(run for run in self.runs if len(run) >= 2)


def parse_terms(query: str) -> list[Term]:
    """The words of a --text query; each must hold at least two letters or digits.

    A word whose letters are all apart (북·러, 위_반) has no bigram to look up: it is
    answered by a scan, slower but still exact.
    """
    words = list(dict.fromkeys(query.split()))  # a repeated word asks nothing more
    if len(words) > MAX_TERMS:
        raise UsageError(
            f"the --text query has {len(words)} different words; at most {MAX_TERMS} are searched together",
            "keep the few words that matter, e.g. --text '전기요금 인상'",
        )
    terms = [Term(word, tuple(alnum_runs(word))) for word in words]
    if not terms:
        raise UsageError(
            "the --text query is empty", "pass a word of two syllables or more, e.g. --text 제재"
        )
    for term in terms:
        if sum(len(run) for run in term.runs) < 2:
            raise UsageError(
                f"cannot search for {term.raw!r}: a search word needs at least two letters or digits",
                "use a longer word, e.g. --text 위반",
            )
    return terms


def fts_match(terms: list[Term]) -> str:
    """The FTS5 MATCH expression: every run of every term as a quoted phrase of bigrams, ANDed."""
    phrases = []
    for term in terms:
        for run in term.indexed_runs:
            grams = " ".join(g.replace('"', '""') for g in bigrams(run))
            phrases.append(f'"{grams}"')
    return " AND ".join(phrases)  # empty when no term has two letters in a row


def like_pattern(raw: str) -> str:
    """``%raw%`` with LIKE's wildcards and escape character taken literally."""
    escaped = raw.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def literal_checks(terms: list[Term]) -> list[ColumnElement[bool]]:
    """Case-insensitive literal substring checks for terms the bigram index cannot answer alone."""
    return [_TEXT.ilike(like_pattern(t.raw), escape=_ESCAPE) for t in terms if not t.literal]


def pg_predicates(terms: list[Term]) -> list[ColumnElement[bool]]:
    """PostgreSQL: ILIKE per term (trigram GIN), plus the bigram GIN lookup for two-letter terms."""
    # imported here: the PostgreSQL dialect costs SQLite users ~25 ms at every start (BENCHMARKS.md)
    from sqlalchemy.dialects.postgresql import ARRAY

    out: list[ColumnElement[bool]] = []
    for t in terms:
        out.append(_TEXT.ilike(like_pattern(t.raw), escape=_ESCAPE))
        if t.indexed_runs and max(len(run) for run in t.runs) < 3:
            grams = sorted({g for run in t.indexed_runs for g in bigrams(run)})
            out.append(func.qt_bigrams(_TEXT).op("@>")(literal(grams, ARRAY(Text))))
    return out


def pg_score(terms: list[Term]) -> ColumnElement[float]:
    """PostgreSQL relevance: occurrences of the terms per length of the quote (higher is better)."""
    lowered = func.lower(_TEXT)
    total: ColumnElement[float] = literal(0.0, Float)
    for t in terms:
        needle = t.raw.lower()
        occurrences = (func.length(lowered) - func.length(func.replace(lowered, needle, ""))) / len(needle)
        total = total + occurrences
    return total / (func.length(_TEXT) + 20.0)


def sync(session: Session) -> int:
    """Apply pending index changes (SQLite); returns how many index entries were written or removed."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    if not _triggers_present(session):
        return rebuild(session)
    rows = session.execute(
        text(
            "SELECT quote_id, text, SUM(sign) FROM quote_fts_queue "
            "GROUP BY quote_id, text HAVING SUM(sign) != 0"
        )
    ).all()
    if not rows:
        return 0
    tokens: dict[str, str] = {}  # reports of one statement: the same text, tokenised once
    for _, t, _ in rows:
        if t not in tokens:
            tokens[t] = index_tokens(t)
    removals = [(qid, tokens[t]) for qid, t, net in rows if net < 0]
    additions = [(qid, tokens[t]) for qid, t, net in rows if net > 0]
    conn = session.connection()  # plain tuples straight to the driver: thousands of rows a batch
    if removals:
        conn.exec_driver_sql(
            "INSERT INTO quote_fts (quote_fts, rowid, grams) VALUES ('delete', ?, ?)", removals
        )
    if additions:
        conn.exec_driver_sql("INSERT INTO quote_fts (rowid, grams) VALUES (?, ?)", additions)
    conn.exec_driver_sql("DELETE FROM quote_fts_queue")
    return len(rows)


def pending(session: Session) -> bool:
    """True when the SQLite index lags behind the quotes (queued changes, or triggers lost), without
    writing anything: for databases that may only be read."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    queued = session.execute(text("SELECT 1 FROM quote_fts_queue LIMIT 1")).first() is not None
    return queued or not _triggers_present(session)


def rebuild(session: Session, batch: int = 5000) -> int:
    """Rebuild the SQLite index from every stored quote (and restore its triggers if they were lost).

    Batch migrations that copy the ``quotes`` table drop its triggers; this puts them back.
    """
    log.warning("rebuilding the full-text index of quotes")
    for statement in TRIGGERS_DDL:
        session.execute(text(statement))
    session.execute(text("INSERT INTO quote_fts (quote_fts) VALUES ('delete-all')"))
    session.execute(text("DELETE FROM quote_fts_queue"))
    last, total = 0, 0
    while True:
        rows = session.execute(
            text("SELECT id, text FROM quotes WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": batch},
        ).all()
        if not rows:
            return total
        session.execute(
            text("INSERT INTO quote_fts (rowid, grams) VALUES (:id, :grams)"),
            [{"id": qid, "grams": index_tokens(t)} for qid, t in rows],
        )
        total += len(rows)
        last = rows[-1][0]


def _triggers_present(session: Session) -> bool:
    names = session.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes'")
    ).scalars()
    return set(TRIGGERS) <= set(names)
