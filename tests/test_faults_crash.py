"""A batch killed at any point leaves a whole database, and running it again ends with exactly the record.

The laptop that sleeps mid-ingest, the OOM killer, a power cut: real `quotetrack ingest`
processes (tests/fault_harness.py runs the real command line with a pause or a kill
waiting at a chosen point of the writer's database work) are killed with SIGKILL — the
whole process group, workers included — at these points of a batch of TOTAL articles
(every real test article in VARIANTS copies):

- after at least 40 articles are committed (between write transactions);
- inside a write transaction, just after the 101st article row is inserted and before its
  quotes (while a reader outside sees only what was committed);
- inside a write transaction while derived data (text index, claims, role history) is written,
  once 150 article rows are in;
- in the final commit, before COMMIT reaches the database;
- racing the final commit: COMMIT is sent and the kill follows 0 or 1 ms later (or the run
  finishes first);
- with two extraction workers, after the first commit (at most WRITE_BATCH articles, fewer
  than TOTAL however fast the workers are: a later point may fall after the last commit on
  a fast or a slow machine) and mid-article;
- inside the schema migration that a first ingest (SQLite) or `db upgrade` (PostgreSQL) runs.

After each kill the database must pass tests/integrity.py's checks, hold exactly the
articles committed before the kill (each complete, as the uninterrupted reference run
stored it), and a second run of the same command must report the rest as stored and the
committed ones as unchanged, ending with the same content (snapshot) and row counts as the
reference run: no duplicate article or speaker, no lost quote, claim or role.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from integrity import check_integrity, counts, snapshot, wait_for_other_sessions

from quotetrack.db import migrate
from quotetrack.db.engine import make_engine
from quotetrack.ingest.batch import WRITE_BATCH

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
HARNESS = Path(__file__).parent / "fault_harness.py"
SOURCES = [
    *sorted((DATA / "speakers").glob("*.txt")),
    *sorted((DATA / "story").glob("*.txt")),
    *sorted((DATA.parent.parent / "examples").glob("*.txt")),
    DATA / "ingest" / "text" / "article.txt",
]
VARIANTS = 10
TOTAL = len(SOURCES) * VARIANTS
assert TOTAL > WRITE_BATCH, "a batch that one commit can hold has no first commit to kill after"


def make_batch(folder: Path) -> Path:
    """TOTAL distinct articles: every real test article in VARIANTS copies with their own closing line."""
    folder.mkdir()
    n = 0
    for v in range(VARIANTS):
        for source in SOURCES:
            text = source.read_text("utf-8").rstrip("\n")
            (folder / f"{n:04}-{source.stem}.txt").write_text(f"{text}\n\n관리번호 {v:03}-{n:05}\n", "utf-8")
            n += 1
    return folder


def ingest(url: str, folder: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "quotetrack", "--db", url, "ingest", "--json", *extra, str(folder)],
        capture_output=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr.decode()
    report: dict[str, Any] = json.loads(done.stdout)
    return report


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, int]]:
    """The folder, and the snapshot and row counts of an uninterrupted run of it (SQLite)."""
    tmp = tmp_path_factory.mktemp("crash")
    folder = make_batch(tmp / "batch")
    url = f"sqlite:///{tmp / 'reference.db'}"
    report = ingest(url, folder, "--jobs", "2")
    assert report["stored"] == TOTAL and report["failed"] == 0
    check_integrity(url)
    return folder, snapshot(url), counts(url)


def run_until(point: str, url: str, args: list[str], tmp_path: Path) -> dict[str, Any]:
    """Run quotetrack under the harness until the fault point, SIGKILL its process group there.

    Returns the harness's marker: what was committed when it paused (for racing-commit, just
    before the final COMMIT; the harness then kills itself, or the run finishes first).
    """
    marker = tmp_path / "marker.json"
    racing = point.startswith("racing")
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), point, str(marker), "--", "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill reaches its workers too
    )
    try:
        deadline = time.monotonic() + 600
        while racing or not marker.exists():
            if proc.poll() is not None:
                _, err = proc.communicate()
                expected = (-signal.SIGKILL, 0) if racing else (-signal.SIGKILL,)
                assert proc.returncode in expected, f"ended with {proc.returncode}: {err.decode()[-2000:]}"
                break
            assert time.monotonic() < deadline, f"{point} not reached in 600 s"
            time.sleep(0.01)
        assert marker.exists(), f"{point} was never reached"
        found: dict[str, Any] = json.loads(marker.read_text())
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
        wait_for_other_sessions(url)  # a COMMIT sent before the kill may still be landing
        return found
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]


def assert_whole_prefix(url: str, reference: dict[str, Any]) -> int:
    """The killed run left a whole database holding complete articles, each as the reference has it."""
    check_integrity(url)
    now = snapshot(url)
    assert set(now["articles"]) <= set(reference["articles"])
    for key, article in now["articles"].items():
        assert article == reference["articles"][key], key
    assert now["quotes"] == {k: v for k, v in reference["quotes"].items() if k[0] in now["articles"]}
    return len(now["articles"])


def assert_rerun_completes(
    url: str,
    folder: Path,
    stored_before: int,
    batch: tuple[Path, dict[str, Any], dict[str, int]],
    *extra: str,
) -> None:
    _, reference, reference_counts = batch
    report = ingest(url, folder, *extra)
    assert (report["stored"], report["unchanged"], report["updated"], report["failed"]) == (
        TOTAL - stored_before,
        stored_before,
        0,
        0,
    )
    check_integrity(url)
    assert counts(url) == reference_counts
    assert snapshot(url) == reference


KILL_POINTS = [
    pytest.param("after-commit:40", "1", id="after-40-committed"),
    pytest.param("in-article:101", "1", id="mid-article-101"),
    pytest.param("in-derived:150", "1", id="mid-derived-data"),
    pytest.param(f"before-commit:{TOTAL}", "1", id="in-final-commit"),
    pytest.param("after-commit:1", "2", id="two-workers-after-first-commit"),
    pytest.param("in-article:150", "2", id="two-workers-mid-article-150"),
]


@pytest.mark.parametrize(("point", "jobs"), KILL_POINTS)
def test_a_batch_killed_at_a_point_of_its_writes_is_whole_and_a_rerun_completes_it_exactly(
    migrated_db: str,
    batch: tuple[Path, dict[str, Any], dict[str, int]],
    point: str,
    jobs: str,
    tmp_path: Path,
) -> None:
    folder, reference, _ = batch
    marker = run_until(point, migrated_db, ["ingest", "--quiet", "--jobs", jobs, str(folder)], tmp_path)
    stored = assert_whole_prefix(migrated_db, reference)
    assert stored == marker["committed"], "the database holds other articles than were committed at the kill"
    if point.startswith("after-commit"):
        assert stored >= int(point.split(":")[1])
    else:  # killed inside a transaction: none of its articles survive, nor any of their rows
        assert stored < marker["inserted"]
    assert 0 <= stored < TOTAL
    assert_rerun_completes(migrated_db, folder, stored, batch, "--jobs", jobs)


@pytest.mark.parametrize("delay_ms", [0, 1])
def test_a_kill_racing_the_final_commit_keeps_all_or_none_of_it(
    migrated_db: str, batch: tuple[Path, dict[str, Any], dict[str, int]], delay_ms: int, tmp_path: Path
) -> None:
    folder, reference, _ = batch
    marker = run_until(
        f"racing-commit:{TOTAL}:{delay_ms}",
        migrated_db,
        ["ingest", "--quiet", "--jobs", "1", str(folder)],
        tmp_path,
    )
    stored = assert_whole_prefix(migrated_db, reference)
    assert stored in (marker["committed"], TOTAL)  # the final commit whole, or none of it
    assert_rerun_completes(migrated_db, folder, stored, batch, "--jobs", "1")


def test_a_first_ingest_killed_in_its_schema_migration_leaves_no_half_schema(
    db_url: str, batch: tuple[Path, dict[str, Any], dict[str, int]], tmp_path: Path
) -> None:
    folder, _, _ = batch
    args = ["ingest", "--quiet", str(folder)] if db_url.startswith("sqlite") else ["db", "upgrade"]
    marker = run_until("in-migration", db_url, args, tmp_path)
    assert marker["committed"] == -1  # no articles table outside the migration
    engine = make_engine(db_url)
    try:
        status = migrate.schema_status(engine)
        assert status.current is None and not status.has_other_tables  # nothing of the migration stayed
    finally:
        engine.dispose()
    if db_url.startswith("postgresql"):
        subprocess.run(
            [sys.executable, "-m", "quotetrack", "--db", db_url, "db", "upgrade"],
            check=True,
            capture_output=True,
        )
    assert_rerun_completes(db_url, folder, 0, batch)
