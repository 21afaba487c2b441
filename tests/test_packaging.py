"""The installed package is complete: migrations run from a wheel, with no source tree in sight."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO

from quotetrack.db import migrate


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "quotetrack").rglob("__init__.py")
    }
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages in pyproject.toml"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """quotetrack built as a wheel and installed into a bare folder (its dependencies come from this venv)."""
    tmp = tmp_path_factory.mktemp("wheel")
    # build from a copy: an in-tree build reuses ./build, and could ship stale files from it
    source = tmp / "source"
    skip = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(REPO, source, ignore=skip)
    wheel_dir = tmp / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--wheel-dir", str(wheel_dir), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = wheel_dir.glob("quotetrack-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "quotetrack/migrations/env.py" in names and "quotetrack/migrations/script.py.mako" in names
    assert any(n.startswith("quotetrack/migrations/versions/0001") for n in names)
    site = tmp / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "QUOTETRACK_HOME": str(cwd / "home")}
    env.pop("QUOTETRACK_DB", None)
    # -P: do not put the current folder on sys.path, so only the installed copy can be imported
    return subprocess.run(
        [sys.executable, "-P", "-m", "quotetrack", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_the_installed_package_migrates_and_ingests(installed: Path, tmp_path: Path) -> None:
    where = run_installed(installed, tmp_path, "--verbose", "db", "current")
    assert where.returncode == 1  # no database yet: says so instead of creating it
    probe = subprocess.run(
        [
            sys.executable,
            "-P",
            "-c",
            "import quotetrack, quotetrack.db.migrate as m; print(quotetrack.__file__, m.script_location())",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, scripts = probe.stdout.split()
    assert module_file.startswith(str(installed)) and scripts == str(installed / "quotetrack" / "migrations")

    db = f"sqlite:///{tmp_path / 'installed.db'}"
    upgraded = run_installed(installed, tmp_path, "--db", db, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"to {migrate.head_revision()}" in upgraded.stdout
    ingested = run_installed(installed, tmp_path, "--db", db, "ingest", str(EXAMPLE))
    assert ingested.returncode == 0, ingested.stderr
    assert "1  article stored" in ingested.stdout
    current = run_installed(installed, tmp_path, "--db", db, "db", "current")
    assert "(latest)" in current.stdout
