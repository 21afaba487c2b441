"""Every migration keeps the record: a database from the first revision, full of real quotes, climbs to the
newest revision one step at a time — and one step back and up again at every rung — with every row intact.

The data: the real test articles (tests/data/speakers, tests/data/story, the bundled sample
and the ingest sample, 26 articles) go through the real extractor into a database at the
newest revision, two aliases are added by hand, and then its outlets, articles, speakers,
aliases and quotes are written, ids and all, into a fresh database at revision 0001 in
0001's shape (only the columns 0001 had) — a database as quotetrack 0001 left it.

At every revision, going up from the one before and again after stepping back down to it,
the rows of those five tables must equal what was written, and the data later revisions
derive from them must be built right: the SQLite bigram index and its triggers holding
exactly the quotes' words (PostgreSQL: the text indexes answering as a scan does), the role
history equal to what the quotes say, the name-word index equal to the names' words,
anonymous speakers tied to their article.  At the newest revision the first read command
builds the claims, after which the whole database passes tests/integrity.py, its claims
and role history equal those the write path built for the same quotes, searches answer as
on the database the articles were ingested into, and new articles can be ingested.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from integrity import _derived, _postgres_text_index, _sqlite_text_index, check_integrity, connected, snapshot
from sqlalchemy import Engine, inspect
from typer.testing import CliRunner

from quotetrack.analysis.text import index_tokens
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.db.schema import UTCDateTime

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
ARTICLES = [
    DATA / "speakers",
    DATA / "story",
    DATA.parent.parent / "examples",
    DATA / "ingest" / "text" / "article.txt",
]

# The tables and columns revision 0001 created (alembic/versions/0001_initial_schema.py), typed so
# values read back the same on both backends.
T = sa.Integer
V0001 = {
    "outlets": [("id", T()), ("name", sa.String()), ("name_key", sa.String())],
    "speakers": [
        ("id", T()), ("name", sa.String()), ("name_key", sa.String()), ("kind", sa.String()),
        ("created_at", UTCDateTime()),
    ],
    "speaker_aliases": [("id", T()), ("speaker_id", T()), ("alias", sa.String()), ("alias_key", sa.String())],
    "articles": [
        ("id", T()), ("key", sa.String()), ("url", sa.String()), ("text_hash", sa.String()),
        ("source", sa.Text()), ("title", sa.Text()), ("published", UTCDateTime()),
        ("published_has_time", sa.Boolean()), ("outlet_id", T()), ("byline", sa.Text()),
        ("dateline", sa.Text()), ("body", sa.Text()), ("deck_end", T()),
        ("extractor_version", sa.String()), ("ingested_at", UTCDateTime()), ("updated_at", UTCDateTime()),
    ],
    "quotes": [
        ("id", T()), ("article_id", T()), ("position", T()), ("speaker_id", T()), ("speaker_text", sa.Text()),
        ("speaker_role", sa.Text()), ("speaker_kind", sa.String()), ("kind", sa.String()), ("text", sa.Text()),
        ("verb", sa.Text()), ("said_on", sa.Date()), ("start_offset", T()), ("end_offset", T()),
        ("field", sa.String()),
    ],
}  # fmt: skip
TABLES = {name: sa.table(name, *(sa.column(c, t) for c, t in cols)) for name, cols in V0001.items()}
Rows = dict[str, list[tuple[Any, ...]]]


def read_rows(engine: Engine) -> Rows:
    """The 0001 columns of the five 0001 tables, by id."""
    with engine.connect() as conn:
        return {
            name: [tuple(r) for r in conn.execute(sa.select(*table.c).order_by(table.c.id))]
            for name, table in TABLES.items()
        }


def write_rows(engine: Engine, rows: Rows) -> None:
    """Insert rows, ids and all, in dependency order (and move PostgreSQL's id sequences past them)."""
    with engine.begin() as conn:
        for name in ("outlets", "speakers", "speaker_aliases", "articles", "quotes"):
            table = TABLES[name]
            if rows[name]:
                conn.execute(
                    sa.insert(table), [dict(zip(table.c.keys(), r, strict=True)) for r in rows[name]]
                )
            if conn.dialect.name == "postgresql":
                conn.execute(
                    sa.text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
                )


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Rows]:
    """A database at the newest revision holding the real test articles, and its rows in 0001's shape."""
    url = f"sqlite:///{tmp_path_factory.mktemp('head') / 'ingested.db'}"
    runner = CliRunner()
    result = runner.invoke(app, ["--db", url, "ingest", "--quiet", "--jobs", "1", *map(str, ARTICLES)])
    assert result.exit_code == 0, result.output
    for name, alias in (("블라디미르 푸틴", "Vladimir Putin"), ("김민수", "Kim Min-su")):
        result = runner.invoke(app, ["--db", url, "speakers", "alias", "add", name, alias])
        assert result.exit_code == 0, result.output
    engine = make_engine(url)
    try:
        rows = read_rows(engine)
    finally:
        engine.dispose()
    assert len(rows["articles"]) == 26 and len(rows["quotes"]) >= 80 and len(rows["speaker_aliases"]) >= 2
    assert any(r[3] == "anonymous" for r in rows["speakers"])
    return url, rows


def revisions() -> list[str]:
    return [r.revision for r in reversed(list(migrate.scripts().walk_revisions()))]


@pytest.fixture
def at_first_revision(db_url: str, ingested: tuple[str, Rows]) -> Iterator[Engine]:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, revisions()[0])
        write_rows(engine, ingested[1])
        yield engine
    finally:
        engine.dispose()


def _tokens_at(revision: str | None) -> Callable[[str], str]:
    """What the SQLite text index holds for a text at `revision`: 0003–0009 kept bigrams only (the
    frozen copy in migration 0010, which the downgrade writes back), 0010 on index_tokens."""
    if revision is not None and revisions().index(revision) >= revisions().index("0010_one_letter_index"):
        return index_tokens
    script = migrate.scripts().get_revision("0010_one_letter_index")
    assert script is not None
    return cast(Callable[[str], str], script.module._old_tokens)


def derived_problems(engine: Engine, url: str) -> list[str]:
    """What is wrong with the data later revisions derive from the 0001 tables (those that exist)."""
    tables = set(inspect(engine).get_table_names())
    problems: list[str] = []
    with connected(url) as conn:
        if "quote_fts" in tables:
            problems += _sqlite_text_index(conn, _tokens_at(migrate.schema_status(engine).current))
        if conn.dialect.name == "postgresql" and "claims" in tables:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("quotes")}
            if not {"ix_quotes_text_trgm", "ix_quotes_text_bigrams"} <= indexes:
                problems.append(f"text indexes missing on quotes: {sorted(indexes)}")
            problems += _postgres_text_index(conn)
        if {"speaker_roles", "speaker_words"} <= tables:
            # claims are built by the first command that reads them, so not checked here
            problems += [p for p in _derived(conn) if "claim" not in p]
            untied = conn.execute(
                sa.text("SELECT count(*) FROM speakers WHERE kind = 'anonymous' AND article_id IS NULL")
            ).scalar_one()
            if untied:
                problems.append(f"{untied} anonymous speakers not tied to their article")
    return problems


def test_each_migration_keeps_every_row_and_builds_derived_data_both_ways(
    at_first_revision: Engine, db_url: str, ingested: tuple[str, Rows]
) -> None:
    engine, (_, written) = at_first_revision, ingested
    assert read_rows(engine) == written
    steps = revisions()
    assert len(steps) >= 4
    for before, revision in itertools.pairwise(steps):
        migrate.upgrade(engine, revision)
        assert migrate.schema_status(engine).current == revision
        assert read_rows(engine) == written, f"upgrading {before} → {revision} changed rows"
        assert derived_problems(engine, db_url) == [], f"after upgrading to {revision}"

        migrate.downgrade(engine, before)
        assert migrate.schema_status(engine).current == before
        assert read_rows(engine) == written, f"downgrading {revision} → {before} changed rows"

        migrate.upgrade(engine, revision)
        assert read_rows(engine) == written, f"upgrading {before} → {revision} again changed rows"
        assert derived_problems(engine, db_url) == [], f"after upgrading to {revision} again"
    assert migrate.schema_status(engine).is_current


def run(url: str, *args: str) -> Any:
    result = CliRunner().invoke(app, ["--db", url, *args])
    # 0 when something was found; 1 with an empty answer when nothing matched (issue 14)
    assert result.exit_code == 0 or (result.exit_code == 1 and result.stdout in ("", "[]\n")), result.output
    return json.loads(result.stdout) if "json" in args else result.stdout


def test_a_migrated_database_answers_as_the_one_the_articles_were_ingested_into(
    at_first_revision: Engine, db_url: str, ingested: tuple[str, Rows], tmp_path: Path
) -> None:
    engine, (source_url, _) = at_first_revision, ingested
    migrate.upgrade(engine)
    run(db_url, "export", "--format", "jsonl", "--output", str(tmp_path / "all.jsonl"))  # builds the claims
    check_integrity(db_url)

    migrated, original = snapshot(db_url), snapshot(source_url)
    without_raw = {k: v[:-1] for k, v in original["articles"].items()}  # 0001 kept no raw text
    assert {k: v[:-1] for k, v in migrated["articles"].items()} == without_raw
    assert all(v[-1] is None for v in migrated["articles"].values())
    assert migrated["quotes"].keys() == original["quotes"].keys()
    assert migrated["claims"] == original["claims"], (
        "claims built after the migration differ from the write path's"
    )
    assert _role_history(db_url) == _role_history(source_url)

    for args in (
        ["search", "--text", "전기요금", "--format", "json"],
        ["search", "--speaker", "푸틴", "--format", "json", "--limit", "0"],
        ["search", "--speaker", "Vladimir Putin", "--format", "json"],
        ["search", "--text", "미국", "--outlet", "연합", "--format", "json"],
        ["claims", "김민수", "--format", "json"],
        ["timeline", "김민수", "--format", "json"],
        ["changes", "김민수", "--format", "json"],
        ["stats", "--format", "json"],
    ):
        assert _before_0006(run(db_url, *args)) == _before_0006(run(source_url, *args)), args
    hits = run(db_url, "search", "--speaker", "김민수", "--format", "json")
    assert hits and all(h["attribution"] is None and h["relayed_by"] is None for h in hits)

    runner = CliRunner()
    new = tmp_path / "new.txt"
    text = (DATA / "story" / "2024-03-20-hani-confirm.txt").read_text("utf-8")
    new.write_text(text.replace("검토하고 있다", "검토하고 있다고 거듭 말했다", 1) + "\n추가 기사\n", "utf-8")
    result = runner.invoke(app, ["--db", db_url, "ingest", "--json", "--jobs", "1", str(new)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 1
    check_integrity(db_url)


def _before_0006(answer: Any) -> Any:
    """A command's JSON answer without what the extractor records since migration 0006 (how the
    speaker was found): quotes copied in from before it have none until `quotetrack reprocess`."""
    if isinstance(answer, list):
        return [_before_0006(a) for a in answer]
    if isinstance(answer, dict):
        return {k: _before_0006(v) for k, v in answer.items() if k not in ("attribution", "relayed_by")}
    return answer


def _role_history(url: str) -> set[tuple[Any, ...]]:
    with connected(url) as conn:
        rows = conn.execute(
            sa.text("SELECT speaker_id, role_key, quotes, first_seen, last_seen FROM speaker_roles")
        ).all()
    return {(sid, key, n, _day(first), _day(last)) for sid, key, n, first, last in rows}


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


def test_the_rows_read_back_are_the_rows_written(ingested: tuple[str, Rows]) -> None:
    """The comparison above is not vacuous: the 0001 rows hold times, days and flags as values."""
    rows = ingested[1]
    article = rows["articles"][0]
    assert isinstance(article[6], datetime) and article[6].tzinfo is not None
    assert any(q[10] is not None for q in rows["quotes"])
