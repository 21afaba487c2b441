"""The write path alone: what storing an extracted article costs, in total and by part.

    .venv/bin/python benchmarks/write_bench.py [--articles N] [--pg URL] [--corpus DIR]

Makes the same 2–4 KB articles as ingest_bench.py, extracts them once (not
timed), then stores them into a fresh database three ways, in transactions of
`WRITE_BATCH` (256) articles as `quotetrack ingest` writes them:

1. one at a time: `store.save_article` per article, each in its own savepoint
   (what ingest did before batches were resolved together);
2. batched: `store.save_articles` per `WRITE_BATCH` articles (what ingest does now);
3. batched again, with each part of the write path timed (functions wrapped with
   timers; the total is a little above 2 because of the wrapping).

SQLite always; PostgreSQL too with ``--pg postgresql://USER@HOST/DB`` (a scratch
database ``qt_write_bench`` is created on that server and dropped afterwards).
Figures go to stdout as Markdown tables for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # measure this checkout's quotetrack, whatever is installed
sys.path.insert(0, str(REPO / "benchmarks"))

from quotetrack.ingest.batch import WRITE_BATCH as BATCH  # noqa: E402  (after the path is set)

PARTS: list[tuple[str, str, str]] = [  # (module, function, label): the parts of save_articles
    ("quotetrack.db.store", "_plan", "article lookups (new, changed or unchanged)"),
    ("quotetrack.db.store", "_outlet_ids", "outlets"),
    ("quotetrack.db.store", "insert_ids", "article rows"),
    ("quotetrack.speakers.resolve", "_corrections", "curators' corrections lookup"),
    ("quotetrack.speakers.resolve._Resolver", "__init__", "speakers: mentions grouped (Python)"),
    ("quotetrack.speakers.directory.SpeakerDirectory", "ensure", "speakers: candidates loaded (4 queries)"),
    ("quotetrack.speakers.resolve._Resolver", "assign", "speakers: resolved (in memory)"),
    ("quotetrack.speakers.directory.SpeakerDirectory", "flush", "speakers: new speakers, aliases written"),
    ("quotetrack.speakers.resolve", "insert_rows", "quote rows (and full-text queue triggers)"),
    ("quotetrack.speakers.resolve", "update_role_history", "role history"),
    ("quotetrack.db.claims", "_memo_fingerprint", "claims: fingerprints (Python)"),
    ("quotetrack.db.claims", "_stored_ranking", "claims: candidates ranked (1 query)"),
    ("quotetrack.db.claims", "_stored_candidates", "claims: candidate texts (1 query)"),
    ("quotetrack.db.claims", "insert_rows", "claims: new claims written"),
    ("quotetrack.db.claims", "assign_groups", "claims: matching (Python), memberships and keys written"),
    ("quotetrack.db.store", "sync_text_index", "full-text index applied"),
    ("quotetrack.db.store", "save_articles", "rest of save_articles"),
]


def resolve(path: str) -> tuple[Any, str]:
    """The object holding a function: a module, or a class inside one."""
    import importlib

    parts = path.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:i]))
        except ModuleNotFoundError:
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        return obj, path
    raise ImportError(path)


def instrument(totals: Counter[str]) -> Callable[[], None]:
    """Wrap each part with a timer that counts its own time (not that of the parts it calls)."""
    stack: list[float] = []
    undo = []
    for where, name, label in PARTS:
        holder, _ = resolve(where)
        original = getattr(holder, name)

        def timed(*args: Any, _f: Any = original, _label: str = label, **kwargs: Any) -> Any:
            start = time.perf_counter()
            stack.append(0.0)
            try:
                return _f(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                inner = stack.pop()
                totals[_label] += spent - inner
                if stack:
                    stack[-1] += spent

        setattr(holder, name, functools.wraps(original)(timed))
        undo.append((holder, name, original))
    return lambda: [setattr(h, n, o) for h, n, o in undo]  # type: ignore[func-returns-value]


def fresh(url: str) -> Any:
    from quotetrack.db import migrate
    from quotetrack.db.engine import make_engine

    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    else:
        import psycopg

        server, name = url.rsplit("/", 1)
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    engine = make_engine(url)
    migrate.upgrade(engine)
    return engine


def run(url: str, pairs: list[Any], mode: str, totals: Counter[str] | None = None) -> float:
    """Seconds to store every article in `mode` ("one" or "batch")."""
    from quotetrack.db.engine import session_factory
    from quotetrack.db.store import ToSave, save_article, save_articles

    engine = fresh(url)
    sessions = session_factory(engine)
    undo = instrument(totals) if totals is not None else None
    start = time.perf_counter()
    commit = 0.0
    try:
        for i in range(0, len(pairs), BATCH):
            session = sessions()
            session.begin()
            if mode == "one":
                for doc, article in pairs[i : i + BATCH]:
                    with session.begin_nested():
                        save_article(session, article, raw=doc)
            else:
                save_articles(session, [ToSave(article, doc) for doc, article in pairs[i : i + BATCH]])
            t = time.perf_counter()
            session.commit()
            commit += time.perf_counter() - t
            session.close()
        return time.perf_counter() - start
    finally:
        if undo is not None:
            undo()
            totals["commit (one per batch)"] += commit  # type: ignore[index]
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pg", help="a PostgreSQL server URL to measure too")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()

    import ingest_bench

    from quotetrack.extract.pipeline import extract
    from quotetrack.types import RawDocument

    with tempfile.TemporaryDirectory(prefix="qt-write-") as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        files = ingest_bench.make_articles(args.corpus or ingest_bench.DEFAULT_CORPUS, args.articles, folder)
        docs = [RawDocument(source=str(p), text=p.read_text("utf-8")) for p in files]
        pairs = [(doc, extract(doc)) for doc in docs]
        quotes = sum(len(a.quotes) for _, a in pairs)
        print(
            f"# {len(pairs)} articles, {quotes / len(pairs):.1f} quotes each; {os.cpu_count()} cores, "
            f"Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}, load {os.getloadavg()[0]:.1f}"
        )
        urls = {"SQLite": f"sqlite:///{root / 'write.db'}"}
        if args.pg:
            urls["PostgreSQL"] = args.pg.rsplit("/", 1)[0] + "/qt_write_bench"
        rows: dict[str, dict[str, float]] = {}
        parts: dict[str, Counter[str]] = {}
        for name, url in urls.items():
            one = run(url, pairs, "one")
            batch = run(url, pairs, "batch")
            totals: Counter[str] = Counter()
            timed = run(url, pairs, "batch", totals)
            rows[name] = {"one": one, "batch": batch, "timed": timed}
            parts[name] = totals
        n = len(pairs)
        print()
        print("| write path, per article | " + " | ".join(rows) + " |")
        print("|---|" + "---|" * len(rows))
        for key, label in (
            ("one", "one at a time (`save_article` per article)"),
            ("batch", f"batched (`save_articles`, {BATCH} at once)"),
        ):
            cells = [f"{r[key] / n * 1000:.2f} ms ({n / r[key]:,.0f}/s)" for r in rows.values()]
            print(f"| {label} | " + " | ".join(cells) + " |")
        print()
        print("| batched, by part (ms per article) | " + " | ".join(parts) + " |")
        print("|---|" + "---|" * len(parts))
        labels = [label for _, _, label in PARTS] + ["commit (one per batch)"]
        for label in labels:
            print(f"| {label} | " + " | ".join(f"{p[label] / n * 1000:.2f}" for p in parts.values()) + " |")
        print(
            "| **total (timed run)** | "
            + " | ".join(f"**{r['timed'] / n * 1000:.2f}**" for r in rows.values())
            + " |"
        )
        if args.pg:
            import psycopg

            with psycopg.connect(args.pg.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS qt_write_bench WITH (FORCE)")
        print(f"# load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
