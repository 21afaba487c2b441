"""Dates as the page gave them: an analyst opening the database in sqlite3 or psql sees the day the CLI
shows, and a quote whose day said is unknown still sits on the time axis at its article's day.

On SQLite and PostgreSQL; articles are stored through the write path (`save_article`) with quotes
made by tests/helpers.py, so a quote can lack its day said.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import datetime

from helpers import KST, make_article, make_quote
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import transaction
from quotetrack.db.store import save_article

BODY = '국방부는 "검토 중"이라고 밝혔다. 김민석 대변인은 "근거는 없다"고 말했다.'


def store_december_article(engine: Engine) -> None:
    """A date-only article of 2024-12-20: one quote with no day said, one said on the 18th."""
    article = make_article(
        BODY,
        (
            make_quote(BODY, "검토 중", "국방부", role=None, said_on=None),
            make_quote(
                BODY, "근거는 없다", "김민석", role="국방부 대변인", said_on=datetime(2024, 12, 18).date()
            ),
        ),
        url="https://news.example/1220",
        published=datetime(2024, 12, 20, tzinfo=KST),
        published_has_time=False,
    )
    with transaction(engine) as s:
        save_article(s, article)


def sql_client(url: str, query: str) -> list[str]:
    """What an analyst's own client prints: sqlite3 on the file, psql on the server."""
    if url.startswith("sqlite"):
        with sqlite3.connect(str(make_url(url).database)) as conn:
            return [str(v) for (v,) in conn.execute(query)]
    u = make_url(url)
    out = subprocess.run(
        ["psql", "-h", u.host or "", "-p", str(u.port or 5432), "-U", u.username or "", "-d", u.database or "",
         "-At", "-c", query],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return out.stdout.split()


def test_an_article_of_december_20_reads_december_20_in_the_analysts_sql_client(
    engine: Engine, migrated_db: str
) -> None:
    store_december_article(engine)
    assert sql_client(migrated_db, "SELECT published_date FROM articles") == ["2024-12-20"]
    by_basis = sql_client(
        migrated_db, "SELECT effective_date || '/' || date_basis FROM quotes ORDER BY start_offset"
    )
    assert by_basis == ["2024-12-20/published", "2024-12-18/said"]


def test_date_filters_keep_quotes_with_no_day_said_at_their_articles_day(
    engine: Engine, migrated_db: str, runner: CliRunner
) -> None:
    store_december_article(engine)
    result = runner.invoke(
        app, ["--db", migrated_db, "search", "--since", "2024-12-20", "--until", "2024-12-20", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["text"], row["said_on"], row["effective_date"], row["date_basis"]) == (
        "검토 중",
        None,
        "2024-12-20",
        "published",
    )
    earlier = runner.invoke(app, ["--db", migrated_db, "search", "--until", "2024-12-19", "-f", "json"])
    assert [r["text"] for r in json.loads(earlier.stdout)] == ["근거는 없다"]  # said on the 18th


def test_date_filters_say_how_many_quotes_had_no_date_at_all(
    engine: Engine, migrated_db: str, runner: CliRunner
) -> None:
    store_december_article(engine)
    body = '관계자는 "모른다"고 했다.'
    undated = make_article(
        body,
        (make_quote(body, "모른다", "관계자", role=None, said_on=None),),
        url="https://news.example/undated",
        published=None,
        published_has_time=False,
    )
    with transaction(engine) as s:
        save_article(s, undated)
    result = runner.invoke(app, ["--db", migrated_db, "search", "--since", "2024-01", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert {r["text"] for r in json.loads(result.stdout)} == {"검토 중", "근거는 없다"}
    assert "1 quote with no date (neither said nor published) left out" in " ".join(result.stderr.split())
    everything = runner.invoke(app, ["--db", migrated_db, "search", "-f", "json"])
    assert len(json.loads(everything.stdout)) == 3 and "left out" not in everything.stderr


def test_a_migration_round_trip_fills_the_days_again(engine: Engine, migrated_db: str) -> None:
    store_december_article(engine)
    migrate.downgrade(engine, "0007_stable_ids")
    migrate.upgrade(engine)
    assert sql_client(migrated_db, "SELECT published_date FROM articles") == ["2024-12-20"]
    assert sql_client(migrated_db, "SELECT date_basis FROM quotes ORDER BY start_offset") == [
        "published",
        "said",
    ]
