"""Search speed on a generated database (benchmarks/search_data.py): p50/p95 per query kind,
and the whole `quotetrack search` command from process start to printed table.

    .venv/bin/python benchmarks/search_bench.py /tmp/qt-bench.db [--queries 300] [--runs 10] [--commands-only]

Each query runs as `quotetrack search` runs it (service → db/search.search_quotes
with the CLI's default limit of 100, plus one to know whether rows were left
out), in its own transaction on a warm engine:

- speaker: a speaker name drawn by quote volume (busy speakers are asked about
  more, as in real use) — half the draws from the 50 busiest, half uniform;
- text: a 2–5 syllable substring of a word of the vocabulary, ranked by relevance;
- date range: a window of 1–30 days, oldest first.

The end-to-end figure spawns `python -m quotetrack --db URL search ...` and
times it to exit, with the table printed to a pipe; it also checks the
Korean NLP model was not imported.  The machine's load average is printed
with the figures (start-up times move with it); `--commands-only` skips the
query timings.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_data import DAYS, NOUNS, START  # noqa: E402
from quotetrack.db.engine import make_engine, transaction  # noqa: E402
from quotetrack.db.schema import Quote, Speaker  # noqa: E402
from quotetrack.db.search import QuoteFilter, search_quotes  # noqa: E402

LIMIT = 101  # the CLI's default --limit 100, plus one to tell whether rows were left out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(
    engine: object, make: Callable[[random.Random], QuoteFilter], n: int, seed: int
) -> dict[str, float]:
    rng = random.Random(seed)
    times, hits = [], []
    for _ in range(n):
        filters = make(rng)
        t0 = time.perf_counter()
        with transaction(engine) as s:  # type: ignore[arg-type]
            rows = search_quotes(s, filters, limit=LIMIT)
        times.append((time.perf_counter() - t0) * 1000)
        hits.append(len(rows))
    return {
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": max(times),
        "mean_hits": statistics.mean(hits),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=10, help="end-to-end command runs")
    parser.add_argument("--commands-only", action="store_true", help="time only the whole commands")
    args = parser.parse_args()
    url = args.database if "://" in args.database else f"sqlite:///{Path(args.database).resolve()}"
    engine = make_engine(url)
    with transaction(engine) as s:
        quotes = s.scalar(select(func.count()).select_from(Quote))
        busiest = list(
            s.scalars(
                select(Speaker.name)
                .join(Quote, Quote.speaker_id == Speaker.id)
                .group_by(Speaker.id, Speaker.name)
                .order_by(func.count().desc())
                .limit(50)
            )
        )
        everyone = list(s.scalars(select(Speaker.name)))
    print(f"# {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores")
    print(
        f"# Python {platform.python_version()} · {engine.dialect.name} · {quotes:,} quotes · {date.today()}"
        f" · load average {os.getloadavg()[0]:.2f}"
    )

    words = [w for w in NOUNS if len(w) >= 2]

    def text_query(rng: random.Random) -> QuoteFilter:
        word = rng.choice(words)
        if len(word) > 2 and rng.random() < 0.5:
            size = rng.randint(2, min(5, len(word)))
            start = rng.randint(0, len(word) - size)
            word = word[start : start + size]
        return QuoteFilter(text=word)

    def syllable_query(rng: random.Random) -> QuoteFilter:
        """One syllable (issue 14): a letter entry of the index (migration 0010; before it, a read of
        the texts)."""
        word = rng.choice(words)
        return QuoteFilter(text=word[rng.randrange(len(word))])

    def phrase_query(rng: random.Random) -> QuoteFilter:
        """Two nouns as a "phrase": the index narrows by both, the text check keeps the exact order."""
        return QuoteFilter(text=f'"{rng.choice(words)} {rng.choice(words)}"')

    def abbreviation_query(rng: random.Random) -> QuoteFilter:
        """A headline abbreviation group (북한 also finds 北 and a lone 북): an OR of index entries
        (migration 0010; before it, a read of the texts)."""
        return QuoteFilter(text=rng.choice(["북한", "北", "미국", "美", "러시아"]))

    def speaker_query(rng: random.Random) -> QuoteFilter:
        return QuoteFilter(speaker=rng.choice(busiest if rng.random() < 0.5 else everyone))

    def date_query(rng: random.Random) -> QuoteFilter:
        first = START + timedelta(days=rng.randrange(DAYS - 30))
        return QuoteFilter(since=first, until=first + timedelta(days=rng.randint(0, 29)))

    if not args.commands_only:
        print(f"\n{'query':<12}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'rows':>7}")
        for name, make in (
            ("speaker", speaker_query),
            ("text 2-5", text_query),
            ("text 1", syllable_query),
            ("phrase", phrase_query),
            ("abbrev.", abbreviation_query),
            ("date range", date_query),
        ):
            timed(engine, make, 20, seed=99)  # warm the page cache
            r = timed(engine, make, args.queries, seed=1)
            print(f"{name:<12}{r['p50']:9.1f}{r['p95']:9.1f}{r['max']:9.1f}{r['mean_hits']:7.0f}")
    engine.dispose()

    probe = (
        "import runpy, sys; sys.argv = ['quotetrack'] + sys.argv[1:]\n"
        "try:\n    runpy.run_module('quotetrack', run_name='__main__')\n"
        "finally:\n"
        "    heavy = [m for m in sys.modules if m.startswith(('kiwipiepy', 'quotetrack.extract'))]\n"
        "    print('NLP LOADED' if heavy else '', file=sys.stderr)\n"
    )
    print(f"\n{'command (start to printed table)':<44}{'p50 s':>7}{'max s':>7}")
    for label, extra in (
        ("search --speaker NAME", ["--speaker", busiest[0]]),
        ("search --text 제재", ["--text", "제재"]),
        ("search --text 北 (abbreviation)", ["--text", "北"]),
        ("search --since D --until D", ["--since", "2023-03-01", "--until", "2023-03-07"]),
    ):
        walls = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-c", probe, "--db", url, "search", "--format", "table", *extra],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={**os.environ, "COLUMNS": "160"},
            )
            walls.append(time.perf_counter() - t0)
            assert proc.returncode in (0, 1), proc.stderr  # 1: nothing matched (issue 14)
            assert "NLP LOADED" not in proc.stderr
            assert "┏" in proc.stdout or proc.returncode == 1
        print(f"{label:<44}{statistics.median(walls):7.2f}{max(walls):7.2f}")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"{'(bare python startup, for scale)':<44}{time.perf_counter() - t0:7.2f}")
    print(f"# load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
