"""Is a quotetrack database whole?  Integrity checks and an id-free snapshot of its content.

Used by the fault tests (tests/test_faults_*.py) after killing an ingest, after each
migration step and after read-only use:

- `check_integrity(url)` fails with every problem found:
  SQLite: ``PRAGMA integrity_check``, ``PRAGMA foreign_key_check``, FTS5's own
  ``integrity-check`` and the bigram index read back token by token (fts5vocab) and
  compared with what the quotes (plus the pending queue) say it must hold;
  PostgreSQL: constraints validated, indexes valid, B-tree indexes checked against
  the table (amcheck, in a rolled-back transaction), and the text indexes giving the
  same answers as a sequential scan;
  both: every foreign key, CHECK, primary key and unique rule of the models re-checked
  by query, and the derived data (claims, role history, name-word index, article-only
  speakers) equal to what the quotes imply.
- `snapshot(url)` is the database's content with ids left out (articles by key, quotes
  by article and position, speakers by name and quotes), so two databases filled in
  different runs, orders or backends compare equal when they hold the same record.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Connection, Index, UniqueConstraint, select, text
from sqlalchemy.engine import make_url

from quotetrack.analysis.text import alnum_runs, index_tokens
from quotetrack.db.engine import make_engine
from quotetrack.db.schema import NAME_LEN, Article, Base, Outlet, Quote, SpeakerRole
from quotetrack.speakers.names import role_key
from quotetrack.speakers.roles import seen_day
from quotetrack.speakers.rows import family_word_keys

# --- connections ----------------------------------------------------------------------------


@contextmanager
def connected(url: str) -> Iterator[Connection]:
    """A connection in a transaction that is always rolled back: checks never change anything.

    On PostgreSQL the transaction is REPEATABLE READ, so every check reads one snapshot: at
    READ COMMITTED a commit landing between an index query and the scan it is compared with
    would look like a damaged index.
    """
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            trans = conn.begin()
            try:
                yield conn
            finally:
                trans.rollback()
    finally:
        engine.dispose()


def wait_for_other_sessions(url: str, timeout: float = 60.0) -> None:
    """On PostgreSQL, wait until no other session is connected to the database at `url`.

    A client killed with SIGKILL right after sending COMMIT leaves its server session
    running: the server finishes that commit on its own, a moment later. What the killed
    run left is only known once those sessions are gone. SQLite has no server: nothing to wait for.
    """
    if make_url(url).get_backend_name() != "postgresql":
        return
    engine = make_engine(url)
    try:
        deadline = time.monotonic() + timeout
        with engine.connect() as conn:
            while conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid != pg_backend_pid()"
                )
            ).scalar_one():
                conn.rollback()
                assert time.monotonic() < deadline, f"sessions of a killed run still open after {timeout} s"
                time.sleep(0.05)
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    """Rows per table (the tables every revision since 0004 has)."""
    tables = ["articles", "quotes", "speakers", "speaker_aliases", "outlets", "claims", "claim_quotes"]
    tables += ["speaker_roles", "speaker_words"]
    with connected(url) as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


# --- integrity -----------------------------------------------------------------------------


def check_integrity(url: str) -> None:
    """Raise AssertionError listing every broken rule of the database at `url`."""
    problems: list[str] = []
    with connected(url) as conn:
        if conn.dialect.name == "sqlite":
            problems += _sqlite_storage(conn)
            problems += _sqlite_text_index(conn)
        else:
            problems += _postgres_storage(conn)
            problems += _postgres_text_index(conn)
        problems += _model_rules(conn)
        problems += _derived(conn)
        problems += _dates_and_ids(conn)
    assert not problems, f"{make_url(url).render_as_string()} is damaged:\n  " + "\n  ".join(problems)


def _dates_and_ids(conn: Connection) -> list[str]:
    """Effective dates agree with the days said and published; no retired id is in use or can be
    handed out again (SQLite's AUTOINCREMENT counter is past it)."""
    out = []
    wrong = conn.exec_driver_sql(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE NOT ((q.said_on IS NOT NULL AND q.effective_date = q.said_on AND q.date_basis = 'said') "
        "OR (q.said_on IS NULL AND a.published_date IS NOT NULL AND q.effective_date = a.published_date "
        "AND q.date_basis = 'published') "
        "OR (q.said_on IS NULL AND a.published_date IS NULL AND q.effective_date IS NULL AND q.date_basis IS NULL))"
    ).scalar_one()
    if wrong:
        out.append(f"{wrong} quotes whose effective date is not their day said, else published")
    reused = conn.exec_driver_sql(
        "SELECT count(*) FROM retired_quotes r JOIN quotes q ON q.id = r.quote_id"
    ).scalar_one()
    if reused:
        out.append(f"{reused} retired quote ids are in use again")
    if conn.dialect.name == "sqlite":
        behind = conn.exec_driver_sql(
            "SELECT count(*) FROM retired_quotes r WHERE r.quote_id > "
            "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'quotes'), 0)"
        ).scalar_one()
        if behind:
            out.append(f"{behind} retired quote ids above the AUTOINCREMENT counter")
    return out


def _sqlite_storage(conn: Connection) -> list[str]:
    out = []
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    if result != ["ok"]:
        out.append(f"PRAGMA integrity_check: {result[:5]}")
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        out.append(f"PRAGMA foreign_key_check: {len(broken)} rows, first {tuple(broken[0])}")
    return out


def _sqlite_text_index(conn: Connection, tokens: Callable[[str], str] = index_tokens) -> list[str]:
    """The bigram index plus its pending queue must hold exactly tokens(text) of every quote
    (index_tokens; an older schema's own tokens when a migration test checks one)."""
    out = []
    try:
        conn.exec_driver_sql("INSERT INTO quote_fts (quote_fts) VALUES ('integrity-check')")
    except Exception as e:  # sqlite3.DatabaseError: database disk image is malformed
        out.append(f"FTS5 integrity-check: {e}")
        return out
    triggers = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes'")
        .scalars()
        .all()
    )
    if triggers != {"quote_fts_ai", "quote_fts_ad", "quote_fts_au"}:
        out.append(f"quote triggers are {sorted(triggers)}")
    conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.qt_vocab USING fts5vocab(main, quote_fts, 'instance')")
    docs: dict[int, list[tuple[int, str]]] = {
        r[0]: [] for r in conn.exec_driver_sql("SELECT rowid FROM quote_fts")
    }
    for term, doc, offset in conn.exec_driver_sql("SELECT term, doc, offset FROM temp.qt_vocab"):
        docs.setdefault(doc, []).append((offset, term))
    index = {doc: " ".join(t for _, t in sorted(terms)) for doc, terms in docs.items()}
    queued = conn.exec_driver_sql(
        "SELECT quote_id, text, SUM(sign) FROM quote_fts_queue GROUP BY quote_id, text HAVING SUM(sign) != 0"
    ).all()
    for qid, old_text, net in sorted(queued, key=lambda r: r[2]):  # removals first, as fts.sync does
        if net < 0:
            if index.pop(qid, None) != tokens(old_text):
                out.append(f"queued removal of quote {qid} does not match what the index holds for it")
        else:
            index[qid] = tokens(old_text)
    quotes = {qid: tokens(t) for qid, t in conn.exec_driver_sql("SELECT id, text FROM quotes")}
    missing = sorted(set(quotes) - set(index))
    extra = sorted(set(index) - set(quotes))
    wrong = sorted(q for q in set(quotes) & set(index) if quotes[q] != index[q])
    for label, ids in (("not in the text index", missing), ("in the index but gone", extra)):
        if ids:
            out.append(f"{len(ids)} quotes {label}: {ids[:10]}")
    if wrong:
        out.append(f"{len(wrong)} quotes indexed with other words than their text: {wrong[:10]}")
    return out


def _postgres_storage(conn: Connection) -> list[str]:
    out = []
    unvalidated = conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint c JOIN pg_namespace n "
        "ON n.oid = c.connamespace WHERE n.nspname = 'public' AND NOT c.convalidated"
    ).all()
    if unvalidated:
        out.append(f"constraints not validated: {unvalidated}")
    invalid = conn.exec_driver_sql(
        "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
        "AND NOT (i.indisvalid AND i.indisready AND i.indislive)"
    ).all()
    if invalid:
        out.append(f"invalid indexes: {invalid}")
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")  # rolled back with the transaction
    btrees = conn.exec_driver_sql(
        "SELECT c.oid, c.relname FROM pg_class c JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'i' AND a.amname = 'btree'"
    ).all()
    for oid, name in btrees:
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("SELECT bt_index_check(%(oid)s, true)", {"oid": oid})
        except Exception as e:
            out.append(f"index {name}: {str(e).splitlines()[0]}")
    return out


def _postgres_text_index(conn: Connection) -> list[str]:
    """The trigram and bigram GIN indexes must answer as a sequential scan does, for words of the quotes."""
    words: set[str] = set()
    for (t,) in conn.exec_driver_sql("SELECT text FROM quotes ORDER BY id LIMIT 200"):
        runs = [r for r in alnum_runs(t) if len(r) >= 2]
        words.update(r[:2] for r in runs[:2])
        words.update(r[:4] for r in runs[:1] if len(r) >= 3)
    out = []
    for word in sorted(words)[:40]:
        answers = []
        for settings in (
            "SET LOCAL enable_seqscan = off",
            "SET LOCAL enable_seqscan = on; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexscan = off",
        ):
            for statement in settings.split("; "):
                conn.exec_driver_sql(statement)
            answers.append(
                set(
                    conn.execute(
                        text(
                            "SELECT id FROM quotes WHERE text ILIKE :p"
                            + (" AND qt_bigrams(text) @> ARRAY[:w]" if len(word) == 2 else "")
                        ),
                        {"p": f"%{word}%", "w": word.lower()},
                    ).scalars()
                )
            )
        conn.exec_driver_sql("SET LOCAL enable_bitmapscan = on; SET LOCAL enable_indexscan = on")
        if answers[0] != answers[1]:
            out.append(
                f"text index answers {word!r} with {len(answers[0])} quotes, a scan with {len(answers[1])}"
            )
    return out


def _model_rules(conn: Connection) -> list[str]:
    """Every foreign key, CHECK, primary key and unique rule of the models, checked by query."""
    out = []
    for table in Base.metadata.sorted_tables:
        name = table.name
        for fk in table.foreign_key_constraints:
            child = [c.name for c in fk.columns]
            parent = [e.column.name for e in fk.elements]
            ptable = fk.referred_table.name
            match = " AND ".join(f"p.{p} = t.{c}" for c, p in zip(child, parent, strict=True))
            present = " AND ".join(f"t.{c} IS NOT NULL" for c in child)
            n = conn.exec_driver_sql(
                f"SELECT count(*) FROM {name} t WHERE {present} AND NOT EXISTS "
                f"(SELECT 1 FROM {ptable} p WHERE {match})"
            ).scalar_one()
            if n:
                out.append(f"{n} rows of {name} point at missing {ptable} ({', '.join(child)})")
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                n = conn.exec_driver_sql(
                    f"SELECT count(*) FROM {name} WHERE NOT ({constraint.sqltext})"
                ).scalar_one()
                if n:
                    out.append(f"{n} rows of {name} break CHECK {constraint.sqltext}")
        keys = [[c.name for c in table.primary_key.columns]]
        keys += [[c.name for c in u.columns] for u in table.constraints if isinstance(u, UniqueConstraint)]
        keys += [[c.name for c in i.columns] for i in table.indexes if isinstance(i, Index) and i.unique]
        keys += [[c.name] for c in table.columns if c.unique]
        for cols in keys:
            listed = ", ".join(cols)
            n = conn.exec_driver_sql(
                f"SELECT count(*) FROM (SELECT {listed} FROM {name} WHERE "
                + " AND ".join(f"{c} IS NOT NULL" for c in cols)
                + f" GROUP BY {listed} HAVING count(*) > 1) AS d"
            ).scalar_one()
            if n:
                out.append(f"{n} duplicate values of {name} ({listed})")
    return out


def _derived(conn: Connection) -> list[str]:
    """Claims, role history, the name-word index and article-only speakers agree with the quotes."""
    out = []
    stale = conn.exec_driver_sql(
        "SELECT count(*) FROM quotes q LEFT JOIN claim_quotes m ON m.quote_id = q.id "
        "WHERE q.speaker_id IS NOT NULL AND (m.quote_id IS NULL OR m.speaker_id != q.speaker_id)"
    ).scalar_one()
    if stale:
        out.append(f"{stale} quotes with a speaker have no claim of that speaker")
    foreign = conn.exec_driver_sql(
        "SELECT count(*) FROM claim_quotes m JOIN claims c ON c.id = m.claim_id WHERE c.speaker_id != m.speaker_id"
    ).scalar_one()
    if foreign:
        out.append(f"{foreign} claim memberships belong to a claim of another speaker")
    empty = conn.exec_driver_sql(
        "SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_quotes m WHERE m.claim_id = c.id)"
    ).scalar_one()
    if empty:
        out.append(f"{empty} claims hold no quote")
    keyless = conn.exec_driver_sql(
        "SELECT count(*) FROM claim_keys k LEFT JOIN claim_quotes m ON m.quote_id = k.quote_id "
        "WHERE m.quote_id IS NULL OR m.speaker_id != k.speaker_id"
    ).scalar_one()
    if keyless:
        out.append(f"{keyless} claim keys of quotes outside their speaker's claims")

    expected: dict[tuple[int, str], list[Any]] = {}
    rows = conn.execute(
        select(Quote.speaker_id, Quote.speaker_role, Quote.said_on, Article.published)
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.speaker_id.is_not(None), Quote.speaker_role.is_not(None))
    )
    for sid, role, said_on, published in rows:
        key = role_key(role)
        if not key or len(key) > NAME_LEN or len(role.strip()) > NAME_LEN:
            continue
        entry = expected.setdefault((sid, key), [0, []])
        entry[0] += 1
        day = seen_day(said_on, published)
        if day is not None:
            entry[1].append(day)
    want = {k: (n, min(d, default=None), max(d, default=None)) for k, (n, d) in expected.items()}
    r = SpeakerRole
    have = {
        (sid, key): (n, first, last)
        for sid, key, n, first, last in conn.execute(
            select(r.speaker_id, r.role_key, r.quotes, r.first_seen, r.last_seen)
        )
    }
    if want != have:
        diff = sorted(set(want.items()) ^ set(have.items()), key=str)[:6]
        out.append(f"role history differs from the quotes: {diff}")

    names: dict[int, list[str]] = defaultdict(list)
    for sid, name in conn.exec_driver_sql(
        "SELECT id, name FROM speakers UNION ALL SELECT speaker_id, alias FROM speaker_aliases"
    ):
        names[sid].append(name)
    words_want = {
        (sid, k) for sid, ns in names.items() for n in ns for k in family_word_keys(n) if len(k) <= NAME_LEN
    }
    words_have = set(conn.exec_driver_sql("SELECT speaker_id, word_key FROM speaker_words").all())
    if words_want != {tuple(w) for w in words_have}:
        out.append(f"name-word index differs: {sorted(words_want ^ {tuple(w) for w in words_have})[:6]}")

    strays = conn.exec_driver_sql(
        "SELECT count(*) FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
        "WHERE s.article_id IS NOT NULL AND s.article_id != q.article_id"
    ).scalar_one()
    if strays:
        out.append(f"{strays} quotes of another article use an article-only speaker")
    return out


# --- snapshot ------------------------------------------------------------------------------


def snapshot(url: str, *, derived: bool = True) -> dict[str, Any]:
    """The database's content with ids left out, comparable across runs and backends.

    Speakers are told apart by name, kind, article (for article-only ones) and the quotes
    they said; claims by the quotes they group.  `derived` adds claims and the role history.
    """
    with connected(url) as conn:
        articles = {}
        article_key: dict[int, str] = {}
        a = Article
        for row in conn.execute(
            select(
                a.id, a.key, a.url, a.text_hash, a.title, a.published, a.published_has_time, Outlet.name,
                a.byline, a.dateline, a.body, a.deck_end, a.extractor_version, a.raw_hash,
            ).outerjoin(Outlet, Outlet.id == a.outlet_id)
        ):  # fmt: skip
            article_key[row[0]] = row[1]
            articles[row[1]] = tuple(_plain(v) for v in row[2:])
        quote_key: dict[int, tuple[str, int]] = {}
        quotes = {}
        speaker_quotes: dict[int, set[tuple[str, int]]] = defaultdict(set)
        q = Quote
        for row in conn.execute(
            select(
                q.id, q.article_id, q.position, q.speaker_id, q.speaker_text, q.speaker_role, q.speaker_kind,
                q.kind, q.text, q.verb, q.said_on, q.start_offset, q.end_offset, q.field,
            )
        ):  # fmt: skip
            key = (article_key.get(row[1], f"<missing article {row[1]}>"), row[2])
            quote_key[row[0]] = key
            if row[3] is not None:
                speaker_quotes[row[3]].add(key)
            quotes[key] = (row[3] is not None, *(_plain(v) for v in row[4:]))
        aliases: dict[int, list[str]] = defaultdict(list)
        for sid, alias in conn.exec_driver_sql("SELECT speaker_id, alias FROM speaker_aliases"):
            aliases[sid].append(alias)
        speakers: dict[int, tuple[Any, ...]] = {}
        for sid, name, kind, article_id, curated in conn.exec_driver_sql(
            "SELECT id, name, kind, article_id, curated FROM speakers"
        ):
            speakers[sid] = (
                name,
                kind,
                article_key.get(article_id) if article_id is not None else None,
                bool(curated),
                tuple(sorted(aliases[sid])),
                tuple(sorted(speaker_quotes[sid])),
            )
        said_by = {
            quote_key[qid]: speakers[sid][:3]
            for qid, sid in conn.exec_driver_sql(
                "SELECT id, speaker_id FROM quotes WHERE speaker_id IS NOT NULL"
            )
        }
        out: dict[str, Any] = {
            "articles": articles,
            "quotes": {k: (*v, said_by.get(k)) for k, v in quotes.items()},
            "speakers": Counter(speakers.values()),
            "outlets": sorted(r[0] for r in conn.exec_driver_sql("SELECT name FROM outlets")),
        }
        if derived:
            members: dict[int, set[tuple[str, int]]] = defaultdict(set)
            for qid, cid in conn.exec_driver_sql("SELECT quote_id, claim_id FROM claim_quotes"):
                members[cid].add(quote_key[qid])
            out["claims"] = Counter(frozenset(m) for m in members.values())
            r = SpeakerRole
            out["roles"] = Counter(
                (speakers[sid][:3], speakers[sid][5], role, key, _plain(first), _plain(last), n)
                for sid, role, key, first, last, n in conn.execute(
                    select(r.speaker_id, r.role, r.role_key, r.first_seen, r.last_seen, r.quotes)
                )
            )
        return out


def _plain(value: Any) -> Any:
    """A column value in one form on both backends (times as UTC ISO strings, days as ISO days)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
