"""A batch killed or interrupted half-way leaves whole articles only, and running it again completes it.

Real `quotetrack ingest` processes with the real extractor: one is killed with
SIGKILL (a crash, a power cut) and one gets Ctrl-C (SIGINT to its process
group, as a terminal sends it) once the first articles are committed.  The
database is then compared, article by article, with an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from integrity import check_integrity
from sqlalchemy import func, select

from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Quote

DATA = Path(__file__).parent / "data" / "ingest"
ARTICLES = 400
"""Enough that the first batch committed (256 articles or a second of work) is not the whole run."""


def make_folder(folder: Path) -> Path:
    """ARTICLES distinct page-text articles made from the sample article (numbered, paragraphs rotated)."""
    text = (DATA / "text" / "article.txt").read_text("utf-8")
    head, _, rest = text.partition("[캠프데이비드=뉴스1]")
    paras = ("[캠프데이비드=뉴스1]" + rest).split("\n\n")
    body, tail = paras[:-2], paras[-2:]
    folder.mkdir()
    for i in range(ARTICLES):
        turn = i % len(body)
        rotated = body[:1] + body[1:][turn:] + body[1:][:turn]
        page = head.replace("새로운 장 열었다", f"새로운 장 열었다 ({i})") + "\n\n".join(rotated + tail)
        (folder / f"{i:04}.txt").write_text(page, "utf-8")
    return folder


def start(db_url: str, folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrack", "--db", db_url, "ingest", *extra, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: signals reach its workers too, as in a terminal
    )


def stored(db_url: str) -> dict[str, int]:
    """Quotes per stored article, by article key."""
    engine = make_engine(db_url)
    try:
        with transaction(engine) as s:
            stmt = (
                select(Article.key, func.count(Quote.id))
                .join(Quote, Quote.article_id == Article.id, isouter=True)
                .group_by(Article.key)
            )
            return {key: n for key, n in s.execute(stmt).all()}
    finally:
        engine.dispose()


def wait_for_first_commit(db_url: str, proc: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the ingest finished before it could be interrupted"
        n = len(stored(db_url))
        if n:
            return n
        time.sleep(0.02)
    raise AssertionError("no article was committed within 120 s")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The folder every test ingests, and quotes per article from an uninterrupted run of it."""
    tmp = tmp_path_factory.mktemp("interrupt")
    folder = make_folder(tmp / "batch")
    return folder, reference(tmp, folder)


def reference(tmp_path: Path, folder: Path) -> dict[str, int]:
    """Quotes per article from an uninterrupted run into a fresh SQLite database."""
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "quotetrack", "--db", url, "ingest", "--quiet", str(folder)],
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    return stored(url)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_batch_keeps_whole_articles_and_a_rerun_completes_it_exactly(
    migrated_db: str, batch: tuple[Path, dict[str, int]], jobs: str
) -> None:
    folder, expected = batch
    proc = start(migrated_db, folder, "--jobs", jobs)
    try:
        wait_for_first_commit(migrated_db, proc)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    check_integrity(migrated_db)  # SQLite/PostgreSQL storage, foreign keys, text index, claims, roles
    partial = stored(migrated_db)
    assert 0 < len(partial) < ARTICLES, "the kill did not land mid-batch"
    assert len(expected) == ARTICLES
    for key, quotes in partial.items():  # every article that made it is complete, quotes and all
        assert quotes == expected[key], key

    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrack",
            "--db",
            migrated_db,
            "ingest",
            "--json",
            "--jobs",
            jobs,
            str(folder),
        ],
        capture_output=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr.decode()
    report = json.loads(again.stdout)
    assert report["stored"] == ARTICLES - len(partial)
    assert report["unchanged"] == len(partial)
    assert report["failed"] == 0
    assert stored(migrated_db) == expected  # no duplicates, nothing missing, every quote once
    check_integrity(migrated_db)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_keeps_what_was_extracted_and_says_so(
    migrated_db: str, batch: tuple[Path, dict[str, int]]
) -> None:
    folder, expected = batch
    proc = start(migrated_db, folder, "--jobs", "2")
    try:
        wait_for_first_commit(migrated_db, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    check_integrity(migrated_db)
    message = err.decode()
    assert "Interrupted: every article finished before this point is stored." in message
    assert "Traceback" not in message
    partial = stored(migrated_db)
    assert 0 < len(partial) <= ARTICLES
    again = subprocess.run(
        [sys.executable, "-m", "quotetrack", "--db", migrated_db, "ingest", "--json", str(folder)],
        capture_output=True,
        timeout=600,
    )
    report = json.loads(again.stdout)
    assert report["stored"] + report["unchanged"] == ARTICLES and report["unchanged"] == len(partial)
    assert stored(migrated_db) == expected
