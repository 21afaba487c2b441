"""Configuration precedence, and the rule that only config.py reads the environment."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO
from platformdirs import user_data_dir

from quotetrack.config import load_settings


def test_db_option_beats_environment_beats_default(tmp_path: Path) -> None:
    env = {"QUOTETRACK_HOME": str(tmp_path), "QUOTETRACK_DB": "sqlite:////elsewhere/env.db"}
    assert load_settings("postgresql://h/db", env).database_url == "postgresql://h/db"
    assert load_settings(None, env).database_url == "sqlite:////elsewhere/env.db"
    settings = load_settings(None, {"QUOTETRACK_HOME": str(tmp_path)})
    assert settings.data_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'quotetrack.db'}"
    assert settings.is_default_database


def test_without_quotetrack_home_the_platform_data_dir_is_used() -> None:
    settings = load_settings(None, {})
    assert settings.data_dir == Path(user_data_dir("quotetrack", appauthor=False))


def test_tests_run_in_a_temporary_home(quotetrack_home: Path) -> None:
    assert load_settings().data_dir == quotetrack_home


def test_only_config_reads_the_environment() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "quotetrack").rglob("*.py")
        if path.name != "config.py" and re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text("utf-8"))
    ]
    assert offenders == []
