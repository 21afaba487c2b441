"""Configuration, resolved in one place: the only module that reads ``os.environ``.

Precedence for the database: ``--db`` > ``$QUOTETRACK_DB`` > a SQLite file
``quotetrack.db`` in the data dir; either names a URL or the path of a SQLite file.  The
data dir is ``$QUOTETRACK_HOME`` when set (tests point it at a temp dir) else the platform's
user data dir.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "quotetrack"
HOME_ENV = "QUOTETRACK_HOME"
DB_ENV = "QUOTETRACK_DB"
DB_FILENAME = "quotetrack.db"


@dataclass(frozen=True)
class Settings:
    """Everything a use case needs to know about its environment."""

    data_dir: Path
    database_url: str
    """A SQLAlchemy URL; may hold a password, so never print it raw (see db.engine.safe_url)."""

    @property
    def is_default_database(self) -> bool:
        return self.database_url == default_database_url(self.data_dir)


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DB_FILENAME}"


def load_settings(db: str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Resolve settings from an explicit ``--db`` value and the environment."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV, "").strip()
    if home:
        data_dir = Path(home).expanduser()
    else:
        from platformdirs import user_data_dir  # only needed without $QUOTETRACK_HOME

        data_dir = Path(user_data_dir(APP_NAME, appauthor=False))
    given = (db or "").strip() or env.get(DB_ENV, "").strip()
    url = database_url(given) if given else default_database_url(data_dir)
    return Settings(data_dir=data_dir, database_url=url)


def database_url(value: str) -> str:
    """A --db value as a SQLAlchemy URL: a URL as it is, anything else a path to a SQLite file
    (as sqlite-utils, Datasette and llm take it: ``--db ~/news.db``)."""
    if "://" in value or "@" in value or _SCHEME.match(value):  # a URL, perhaps a mistyped one
        return value
    return f"sqlite:///{Path(value).expanduser().absolute()}"


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
"""``postgresql:…`` or ``sqlite:…``: meant as a URL even when its slashes are wrong, so the
error says it is not a valid URL (and never shows it: it may hold a password)."""
