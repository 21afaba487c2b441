"""`changes` for one speaker with 100,000 statements: the reversal search, and the whole command.

    .venv/bin/python benchmarks/changes_bench.py [--statements 100000] [--runs 5] [--db /tmp/qt-changes.db]

Statements are made like a busy spokesperson's: each names one of 4,000 things (three to
seven content words — the dev corpus' quotes have a median of five, tests/data/stance's
invented ones three — drawn from a 3,000-word vocabulary, Zipf-distributed, so a few stock
words are in a large share of them) and takes the speaker's position on that thing: 10 % of
statements take none (questions, conditions), and a position is reversed in 2 % of the
others (a busy speaker changes position on a handful of things a year), said over ten years.
Part 1 times `find_changes` on the readings (what `changes` does after loading them). Part 2
writes the same statements as quotes of one speaker into a SQLite database — rows, claims
and readings inserted directly, as the write path would have left them — and times the whole
`quotetrack changes NAME` in a fresh process: `--format json` writes every reversal found,
`--limit 100 --format json` the first 100 (what the table shows), which isolates the search
from the writing of its answer.  Wall and CPU time (of the child process) are given; the
machine is shared, so read the CPU column.  Runs alternate with nothing else; medians are
reported.  `--reuse` keeps a database built by an earlier run.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.analysis.changes import Statement, find_changes
from quotetrack.analysis.reading import READER_VERSION, Reading

VOCABULARY = 3000
THINGS = 4000


def statements(n: int, seed: int = 15) -> list[tuple[date, Reading]]:
    rng = random.Random(seed)
    words = [f"어휘{i}" for i in range(VOCABULARY)]
    weights = [1 / (i + 1) for i in range(VOCABULARY)]
    things = [tuple(dict.fromkeys(rng.choices(words, weights, k=rng.randint(3, 7)))) for _ in range(THINGS)]
    position = {t: rng.choice(("affirm", "deny")) for t in things}
    days = sorted(date(2015, 1, 1) + timedelta(days=rng.randrange(3650)) for _ in range(n))
    out = []
    for day in days:
        topic = rng.choice(things)
        if rng.random() < 0.1:
            stance = "neutral"
        else:
            if rng.random() < 0.02:
                position[topic] = "deny" if position[topic] == "affirm" else "affirm"
            stance = position[topic]
        out.append((day, Reading(stance, ("없다",) if stance == "deny" else ("했다",), topic)))  # type: ignore[arg-type]
    return out


def time_analysis(data: list[tuple[date, Reading]], runs: int) -> tuple[float, int]:
    items = [Statement(day, reading, i) for i, (day, reading) in enumerate(data)]
    times, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = len(find_changes(items))
        times.append(time.perf_counter() - t)
    return statistics.median(times), found


def build_database(path: Path, data: list[tuple[date, Reading]]) -> str:
    from sqlalchemy import insert

    from quotetrack.db import migrate
    from quotetrack.db.engine import make_engine, transaction
    from quotetrack.db.readings import encode_topic
    from quotetrack.db.schema import Article, Claim, ClaimQuote, Quote, QuoteReading, Speaker

    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    with transaction(engine) as s:
        s.execute(
            insert(Speaker).values(id=1, name="한바다", name_key="한바다", kind="person", created_at=now)
        )
        for lo in range(0, len(data), 5000):
            chunk = list(enumerate(data[lo : lo + 5000], start=lo + 1))
            s.execute(
                insert(Article),
                [
                    {
                        "id": i,
                        "key": f"raw:{i}",
                        "text_hash": str(i),
                        "source": f"{i}.txt",
                        "title": f"기사 {i}",
                        "body": " ".join(r.topic),
                        "extractor_version": "bench",
                        "ingested_at": now,
                        "published": datetime(d.year, d.month, d.day, 3, tzinfo=UTC),
                    }
                    for i, (d, r) in chunk
                ],
            )
            s.execute(
                insert(Quote),
                [
                    {
                        "id": i,
                        "article_id": i,
                        "position": 0,
                        "speaker_id": 1,
                        "speaker_text": "한바다",
                        "speaker_kind": "person",
                        "kind": "direct",
                        "text": " ".join(r.topic),
                        "said_on": d,
                        "effective_date": d,
                        "date_basis": "said",
                        "start_offset": 0,
                        "end_offset": 1,
                        "field": "body",
                    }
                    for i, (d, r) in chunk
                ],
            )
            s.execute(insert(Claim), [{"id": i, "speaker_id": 1, "created_at": now} for i, _ in chunk])
            s.execute(insert(ClaimQuote), [{"quote_id": i, "claim_id": i, "speaker_id": 1} for i, _ in chunk])
            s.execute(
                insert(QuoteReading),
                [
                    {
                        "quote_id": i,
                        "reader": READER_VERSION,
                        "stance": r.stance,
                        "cues": list(r.cues),
                        "topic": encode_topic(r),
                    }
                    for i, (_, r) in chunk
                ],
            )
    engine.dispose()
    return url


def time_command(url: str, runs: int, *options: str) -> tuple[float, float]:
    """Median wall and CPU seconds of `quotetrack changes` with these options, in fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "quotetrack", "--db", url, "changes", "한바다", *options],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=Path("/tmp/qt-changes.db"))
    parser.add_argument("--reuse", action="store_true", help="keep the database if it exists")
    args = parser.parse_args()
    data = statements(args.statements)
    seconds, found = time_analysis(data, args.runs)
    print(f"find_changes, {args.statements:,} statements: median {seconds:.3f} s ({found:,} reversals)")
    url = f"sqlite:///{args.db}" if args.reuse and args.db.exists() else build_database(args.db, data)
    for options in (("--format", "json"), ("--limit", "100", "--format", "json")):
        wall, cpu = time_command(url, args.runs, *options)
        print(f"quotetrack changes {' '.join(options)} (fresh process): median {wall:.3f} s, CPU {cpu:.3f} s")


if __name__ == "__main__":
    main()
