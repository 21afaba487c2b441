"""Full-text search over quote texts: query terms, index upkeep on SQLite, predicates per backend.

Korean needs substring search (위반 must find 위반하지 and 위반했다), and the
common words are two syllables long (정부, 북한, 제재), which trigram indexes
cannot see (PERFORMANCE-NOTES.md).  So:

- SQLite: a contentless FTS5 table ``quote_fts`` over character bigrams made in
  Python (analysis/text.index_tokens).  A term is an FTS5 *phrase* of its
  bigrams, so 위반할 is the phrase 위반 반할: exact substring matching, as fast
  for two syllables as for five.  Since migration 0010 one letter is a lookup
  too: each quote also holds each of its letters once (핵, 北, the 안 of
  "위반 안 해") and each Hangul syllable standing alone, marked (북¦: the 북 of
  북·러, as a headline abbreviation counts only alone).  A word is then
  answered by the index alone whatever its length, and a headline
  abbreviation's group (북한 | 北 | lone 북) is an OR of exact lookups.
  Triggers on ``quotes`` record every insert, delete and text change in
  ``quote_fts_queue``; `sync` applies the queue (net per quote and text, so an
  id reused after a delete is never confused) and is called from the write
  path (db/derived.py) and before every text search.
- PostgreSQL: ``ILIKE '%term%'`` served by a pg_trgm GIN index, plus for terms
  whose longest run of letters is two characters a GIN index over each text's
  bigrams (``qt_bigrams(text) @> ARRAY[...]``), and for one letter a GIN index
  over each text's letters (``qt_chars(text) @> qt_chars(word)``), then the
  ILIKE (or, for a lone Hangul abbreviation, regular expression) recheck.

User input never reaches either query language as syntax: FTS5 phrases are
built from bigrams of letters and digits only, each double-quoted; LIKE
patterns escape ``%``, ``_`` and the escape character.  A term holding other
characters (100%, 위_반, "위반") is additionally checked literally with LIKE.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, literal, or_, text
from sqlalchemy.orm import Session
from sqlalchemy.types import Float, Text

from quotetrack.analysis.abbreviations import HEADLINE_ABBREVIATIONS
from quotetrack.analysis.text import LONE_MARK, WORD_LETTER, alnum_runs, bigrams, fold, index_tokens
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
class Form:
    """One way of writing a search word: what the user typed, or an equivalent headline form."""

    text: str
    word: bool = False
    """Matches only standing alone (a Hangul one-syllable abbreviation: the 러 of 북·러)."""

    @property
    def runs(self) -> tuple[str, ...]:
        """Its runs of letters and digits, folded (case and width)."""
        return tuple(alnum_runs(self.text))

    @property
    def exact(self) -> bool:
        """True when the SQLite index alone answers it exactly: one run of letters and nothing else
        (its bigrams, or its letter), or a lone syllable (its marked entry)."""
        runs = self.runs
        return self.word or (len(runs) == 1 and runs[0] == fold(self.text))


@dataclass(frozen=True)
class Term:
    """One word of a --text query, or one ``"quoted phrase"``, with its equivalent forms."""

    raw: str
    forms: tuple[Form, ...]
    """What the user typed first, then the headline forms of the same word (北 for 북한)."""

    @property
    def indexed(self) -> bool:
        """Every form has letters the index can look up (only punctuation has none: %, *)."""
        return all(f.runs for f in self.forms)

    @property
    def exact(self) -> bool:
        """The index alone answers it on SQLite: every form is an exact lookup, so no text is read."""
        return all(f.exact for f in self.forms)


_QUERY_PART = re.compile(r'"([^"]*\S[^"]*)"|(\S+)')
"""A double-quoted phrase (holding something besides spaces), or a word."""


def parse_terms(query: str, groups: Sequence[Sequence[str]] = HEADLINE_ABBREVIATIONS) -> list[Term]:
    """The words and ``"phrases"`` of a --text query, each with its headline equivalents.

    Every non-empty query is valid: a word of one syllable (핵, 北), punctuation (%, *) or
    an unmatched quote mark is a string to find like any other.  The index narrows every
    word with a letter in it; only punctuation alone is found by reading the texts.
    """
    parts = [phrase or word for phrase, word in _QUERY_PART.findall(query)]
    words = list(dict.fromkeys(parts))  # a repeated word asks nothing more
    if len(words) > MAX_TERMS:
        raise UsageError(
            f"the --text query has {len(words)} different words; at most {MAX_TERMS} are searched together",
            "keep the few words that matter, e.g. --text '전기요금 인상'",
        )
    if not words:
        raise UsageError("the --text query is empty", "pass a word or a phrase, e.g. --text 제재")
    phrases = {phrase for phrase, _ in _QUERY_PART.findall(query) if phrase}
    return [Term(w, (Form(w),) if w in phrases else _forms(w, groups)) for w in words]


def _forms(word: str, groups: Sequence[Sequence[str]]) -> tuple[Form, ...]:
    """The word as typed, then every other member of its abbreviation groups (one word, both ways)."""
    key = fold(word)
    forms = [Form(word)]
    for group in groups:
        if key in (fold(member) for member in group):
            forms.extend(_member(m) for m in group if fold(m) != key and _member(m) not in forms)
    return tuple(forms)


def _member(text: str) -> Form:
    """A Hangul syllable alone stands for the word only as a word of its own (북 미사일, 북·러)."""
    return Form(text, word=len(text) == 1 and "가" <= text <= "힣")


def fts_match(terms: list[Term]) -> str:
    """The FTS5 MATCH expression: each term's forms ORed, each form the AND of its runs (a quoted
    phrase of bigrams, or one letter), a lone syllable its marked entry; terms the index cannot
    narrow (punctuation alone) are left to the text checks."""
    groups = []
    for term in terms:
        if not term.indexed:
            continue
        alternatives = [_form_match(f) for f in term.forms]
        groups.append(alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})")
    return " AND ".join(groups)  # empty when no term can be looked up


def _form_match(f: Form) -> str:
    if f.word:
        return _quoted(f.runs[0] + LONE_MARK)
    return " AND ".join(_quoted(" ".join(bigrams(run)) if len(run) > 1 else run) for run in f.runs)


def _quoted(tokens: str) -> str:
    """An FTS5 string: never syntax, whatever it holds (runs hold no quote mark; doubled anyway)."""
    return '"' + tokens.replace('"', '""') + '"'


def like_pattern(raw: str) -> str:
    """``%raw%`` with LIKE's wildcards and escape character taken literally."""
    escaped = raw.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def literal_checks(
    terms: list[Term], *, postgres: bool = False, exhaustive: bool = False
) -> list[ColumnElement[bool]]:
    """Exact checks of the terms, each true when any of its forms occurs taken literally (a
    case-insensitive substring, or a word standing alone).  Unless `exhaustive`, a term the
    SQLite index answers exactly on its own gets none."""
    checks = []
    for t in terms:
        if not exhaustive and t.exact:
            continue
        conditions = [_form_condition(f, postgres=postgres) for f in t.forms]
        checks.append(conditions[0] if len(conditions) == 1 else or_(*conditions))
    return checks


_NOT_LETTER = f"[^{WORD_LETTER}]"
"""What may stand next to a Hangul abbreviation that stands alone: anything but a letter or digit
(the same class the index's lone syllables are found with, analysis/text.standalone_syllables)."""


def _form_condition(f: Form, *, postgres: bool) -> ColumnElement[bool]:
    column = _TEXT
    if not f.word:
        return column.ilike(like_pattern(f.text), escape=_ESCAPE)
    if postgres:  # a Hangul syllable from the table: no regex metacharacters to escape
        return column.regexp_match(f"(^|{_NOT_LETTER}){f.text}({_NOT_LETTER}|$)")
    w, b = f.text, _NOT_LETTER
    return or_(column == w, *(column.op("GLOB")(p) for p in (f"{w}{b}*", f"*{b}{w}", f"*{b}{w}{b}*")))


def pg_predicates(terms: list[Term]) -> list[ColumnElement[bool]]:
    """PostgreSQL: per term, its literal check (any form's ILIKE or regular expression), and beside
    it the index lookup that narrows it: per form, bigrams for a longest run of two letters,
    letters for one, else the ILIKE itself (the trigram index serves three letters or more).  A
    form's lookup is implied by its check, so adding the OR of the lookups changes no result; kept
    apart from the checks, it becomes the planner's BitmapOr of index scans (북한 | 北 | lone 북),
    and the index functions are not recomputed for every row found (북한 at 50,000 quotes: 420 → 25 ms)."""
    out = []
    for t in terms:
        checks = [_form_condition(f, postgres=True) for f in t.forms]
        lookups = [_pg_lookup(f) for f in t.forms]
        out.append(checks[0] if len(checks) == 1 else or_(*checks))
        if any(lookup is not None for lookup in lookups):
            either = [c if lookup is None else lookup for c, lookup in zip(checks, lookups, strict=True)]
            out.append(either[0] if len(either) == 1 else or_(*either))
    return out


def _pg_lookup(f: Form) -> ColumnElement[bool] | None:
    """The GIN lookup a form's check implies where the trigram index cannot serve it, else None."""
    # imported here: the PostgreSQL dialect costs SQLite users ~25 ms at every start (BENCHMARKS.md)
    from sqlalchemy.dialects.postgresql import ARRAY

    longest = max((len(run) for run in f.runs), default=0)
    if longest == 2:
        grams = sorted({g for run in f.runs for g in bigrams(run)})
        return func.qt_bigrams(_TEXT).op("@>")(literal(grams, ARRAY(Text)))
    if longest == 1:  # the typed letters as PostgreSQL lowers them, as ILIKE compares: implied
        return func.qt_chars(_TEXT).op("@>")(func.qt_chars("".join(c for c in f.text if c.isalnum())))
    return None


def pg_score(terms: list[Term]) -> ColumnElement[float]:
    """Relevance: occurrences of the terms' forms per length of the quote (higher is better)."""
    lowered = func.lower(_TEXT)
    total: ColumnElement[float] = literal(0.0, Float)
    for t in terms:
        for f in t.forms:
            needle = f.text.lower()
            occurrences = (func.length(lowered) - func.length(func.replace(lowered, needle, ""))) / len(
                needle
            )
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
