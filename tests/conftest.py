"""Fixtures every test gets: a temp quotetrack home, and databases on each backend.

`db_url` runs a test once on a fresh SQLite file and once on a fresh PostgreSQL
database (``CREATE DATABASE qt_<random>`` on the server named by
``QUOTETRACK_TEST_PG_URL``, dropped afterwards).  Without that variable the
PostgreSQL runs are skipped; with it set and the server unreachable they fail,
so CI cannot go green without having tested PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine

PG_ENV = "QUOTETRACK_TEST_PG_URL"
REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "newspim-2023-09-15-putin.txt"


@pytest.fixture(autouse=True)
def quotetrack_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point quotetrack at a fresh data folder so no test touches the user's real home or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUOTETRACK_HOME", str(home))
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    return home


def pg_admin_conninfo() -> str:
    """The server URL from the environment, as a libpq connection string (no SQLAlchemy driver)."""
    url = make_url(os.environ[PG_ENV]).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server to create test databases on; fails (not skips) when set but unreachable."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://USER@HOST:PORT/DB")
    try:
        with psycopg.connect(pg_admin_conninfo(), autocommit=True, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError as e:
        pytest.fail(f"{PG_ENV} is set but the PostgreSQL server cannot be reached: {e}")
    return os.environ[PG_ENV]


def create_pg_database(server: str, template: str | None = None) -> str:
    name = f"qt_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    with psycopg.connect(pg_admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, pg_server: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test: empty, or at the latest schema (a copy of
    `pg_template`) when the test takes `migrated_db` or `cli_db`, which want it migrated."""
    migrated = {"migrated_db", "cli_db"} & set(request.fixturenames)
    url = create_pg_database(pg_server, request.getfixturevalue("pg_template") if migrated else None)
    try:
        yield url
    finally:
        drop_pg_database(url)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of a fresh, empty database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the latest schema once per session: each test's migrated database
    starts as a copy of it (running the migrations for every test was half the quick suite's time;
    tests/test_migrations.py runs them for real)."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    _upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """The name of a PostgreSQL database migrated once per session, copied by CREATE DATABASE … TEMPLATE."""
    url = create_pg_database(pg_server)
    _upgrade(url)
    yield str(make_url(url).database)
    drop_pg_database(url)


def _upgrade(url: str) -> None:
    eng = make_engine(url)
    try:
        migrate.upgrade(eng)
    finally:
        eng.dispose()


@pytest.fixture
def migrated_db(request: pytest.FixtureRequest, db_url: str) -> str:
    """The test database at the latest schema, so a quotetrack process run on it starts writing at once."""
    if db_url.startswith("sqlite"):  # (PostgreSQL: `pg_url` made it from the template)
        shutil.copyfile(request.getfixturevalue("migrated_template"), str(make_url(db_url).database))
    return db_url


@pytest.fixture
def engine(migrated_db: str) -> Iterator[Engine]:
    """An engine on a fresh database at the latest schema."""
    eng = make_engine(migrated_db)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner with a wide, fixed terminal so tables render the same everywhere."""
    return CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})


@pytest.fixture
def cli_db(db_url: str, runner: CliRunner) -> str:
    """The test database as a user gets it ready: SQLite needs nothing, PostgreSQL a `db upgrade`
    (which finds it current: `pg_url` copied the migrated template)."""
    if db_url.startswith("postgresql"):
        from quotetrack.cli import app

        result = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
        assert result.exit_code == 0, result.output
    return db_url
