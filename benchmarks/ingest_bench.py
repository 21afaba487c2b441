"""End-to-end ingest speed and memory, beside the limits it runs into, measured in one run.

    .venv/bin/python benchmarks/ingest_bench.py [--articles N] [--files-for-memory N] [--corpus DIR]

Makes N page-text articles of 2–4 KB (UTF-8) by recombining paragraphs of the
dev corpus (every article a different mix, with its own headline, time stamp
and by-line, so no two are the same text), then measures on this machine:

1. Kiwi `tokenize` alone over the same articles, one thread (the NLP limit);
2. a bare SQLite insert of the same rows with `executemany` in one transaction
   (the storage limit);
3. `extract()` alone over the articles in memory (the extractor's share);
4. `quotetrack ingest --jobs 1` end to end into a fresh SQLite file, in this process
   (read, decode, clean, extract, store), model already loaded;
5. the same with `--jobs 2` (two worker processes, each loading Kiwi: wall time
   including their start-up, and the rate once they run);
6. peak memory (RSS) while ingesting a folder of `--files-for-memory` files with
   the real readers, store and batching but a trivial extractor, sampled as the
   run goes, to show memory does not grow with the folder.

Figures go to stdout as a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # measure this checkout's quotetrack, whatever is installed
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles"
OUTLETS = ("뉴스핌", "연합뉴스", "뉴스1", "서울신문", "경향신문", "한국경제", "조선일보", "한겨레")


def paragraphs(corpus: Path) -> list[str]:
    """Prose paragraphs of the dev corpus (lines long enough to be article text)."""
    out: list[str] = []
    for path in sorted(corpus.glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text("utf-8")):
            para = " ".join(para.split())
            if len(para) >= 60 and not para.startswith(("[", "▶", "©", "Copyright")):
                out.append(para)
    if not out:
        sys.exit(f"no article paragraphs in {corpus}")
    return out


def make_articles(corpus: Path, n: int, folder: Path, seed: int = 7) -> list[Path]:
    """n articles of 2–4 KB each, recombined from corpus paragraphs, written as .txt files."""
    rng = random.Random(seed)
    paras = paragraphs(corpus)
    start = datetime(2023, 1, 1, 9, 0)
    files = []
    for i in range(n):
        target = rng.randint(2048, 4096)
        lead = rng.choice(paras)
        title = lead[:40].rsplit(" ", 1)[0]
        outlet = rng.choice(OUTLETS)
        when = start + timedelta(minutes=37 * i)
        lines = [
            "전체기사 최신뉴스 정치 경제 사회",
            "",
            f"{title} ({i})",
            "",
            f"입력 {when:%Y.%m.%d %H:%M}",
            "",
            f"[서울={outlet}] 기자{i % 50}호 기자 = {lead}",
        ]
        size = len("\n".join(lines).encode())
        while size < target:
            p = rng.choice(paras)
            lines += ["", p]
            size += len(p.encode()) + 2
        lines += ["", f"Copyright ⓒ {outlet}. 무단전재 및 재배포 금지"]
        text = "\n".join(lines)
        while len(text.encode()) > 4096:  # trim the last paragraph back into range
            text = text[: -max(1, (len(text.encode()) - 4096) // 3)]
        path = folder / f"{i:06}.txt"
        path.write_text(text, "utf-8")
        files.append(path)
    return files


def rss_mib() -> float:
    """Current resident memory of this process, from /proc (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench_kiwi(texts: list[str]) -> tuple[float, float]:
    from quotetrack.extract import morph

    kiwi = morph.kiwi() if hasattr(morph, "kiwi") else None
    if kiwi is None:
        from kiwipiepy import Kiwi

        kiwi = Kiwi()
    kiwi.tokenize("워밍업")
    seconds = timed(lambda: [kiwi.tokenize(t) for t in texts])
    return len(texts) / seconds, sum(map(len, texts)) / seconds


def bench_sqlite(texts: list[str], folder: Path) -> float:
    db = sqlite3.connect(folder / "bare.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, key TEXT UNIQUE, title TEXT, body TEXT)")
    rows = [(f"raw:{i}", t[:40], t) for i, t in enumerate(texts)]

    def insert() -> None:
        with db:
            db.executemany("INSERT INTO a (key, title, body) VALUES (?, ?, ?)", rows)

    seconds = timed(insert)
    db.close()
    return len(rows) / seconds


def bench_extract(docs: list[object]) -> tuple[float, float]:
    """extract() over the articles twice: first pass (word caches cold), second pass (warm)."""
    from quotetrack.extract.pipeline import extract

    first = len(docs) / timed(lambda: [extract(d) for d in docs])  # type: ignore[arg-type]
    second = len(docs) / timed(lambda: [extract(d) for d in docs])  # type: ignore[arg-type]
    return first, second


def bench_ingest(folder: Path, db: Path, jobs: int) -> dict[str, float]:
    """`quotetrack ingest --jobs N --json` in a fresh process, as a user runs it (cold caches)."""
    cmd = [sys.executable, "-m", "quotetrack", "--db", f"sqlite:///{db}", "ingest", "--json", "-j", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run([*cmd, str(folder)], capture_output=True, text=True, cwd=REPO, env=_env())
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"ingest failed: {done.stderr}")
    report = json.loads(done.stdout)
    n = report["stored"]
    return {"articles": n, "wall_s": wall, "rate": n / wall, "run_s": report["seconds"]}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return env


def trivial_extract(doc: object) -> object:
    """Builds an Article from the raw text without NLP: isolates reading, batching and storage."""
    from quotetrack.types import Article, RawDocument

    assert isinstance(doc, RawDocument)
    return Article(doc.source, doc.url, doc.text[:40], None, False, None, None, None, doc.text, (), "mem-1")


trivial_extract.version = "mem-1"  # type: ignore[attr-defined]


def make_many(n: int, folder: Path) -> None:
    """n small article files in subfolders of 1,000."""
    body = "가나다라마바사 아자차카타파하. " * 40
    for i in range(n):
        sub = folder / f"{i // 1000:03}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:06}.txt").write_text(f"기사 {i}\n\n{body}{i}\n", "utf-8")


def bench_memory(folder: Path, db: Path, jobs: int) -> list[tuple[int, float]]:
    """RSS of the ingesting process, sampled ten times as a folder of many files streams through."""
    from quotetrack import service
    from quotetrack.config import Settings
    from quotetrack.ingest.batch import IngestOptions, Progress

    samples: list[tuple[int, float]] = [(0, rss_mib())]
    total = sum(1 for _ in folder.rglob("*.txt"))
    step = max(1, total // 10)

    def progress(p: Progress) -> None:
        if p.articles - samples[-1][0] >= step:
            samples.append((p.articles, rss_mib()))

    settings = Settings(data_dir=db.parent, database_url=f"sqlite:///{db}")
    report = service.ingest(
        [str(folder)],
        settings,
        options=IngestOptions(jobs=jobs),
        extractor=trivial_extract,  # type: ignore[arg-type]
        on_progress=progress,
    )
    samples.append((report.articles, rss_mib()))
    assert report.count("stored") == total, report.as_dict()
    return samples


def memory_in_subprocess(n: int, root: Path, jobs: int) -> list[tuple[int, float]]:
    folder = root / "many"
    make_many(n, folder)
    script = Path(__file__).resolve()
    args = [sys.executable, str(script), "--memory-only", str(folder), "--jobs", str(jobs)]
    done = subprocess.run(args, capture_output=True, text=True, env=_env())
    if done.returncode != 0:
        sys.exit(f"memory run failed: {done.stderr}")
    return [tuple(x) for x in json.loads(done.stdout)]  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--files-for-memory", type=int, default=100_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the memory run")
    parser.add_argument("--memory-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_only:  # the child of memory_in_subprocess: a process with nothing else loaded
        samples = bench_memory(args.memory_only, args.memory_only.parent / "mem.db", args.jobs)
        print(json.dumps(samples))
        return

    with tempfile.TemporaryDirectory(prefix="qt-bench-") as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        files = make_articles(args.corpus, args.articles, folder)
        texts = [p.read_text("utf-8") for p in files]
        sizes = [len(t.encode()) for t in texts]
        print(
            f"# {len(files)} articles, {min(sizes)}–{max(sizes)} bytes (mean {sum(sizes) // len(sizes)}),"
            f" {sum(map(len, texts)) // len(texts)} characters on average"
        )
        print(
            f"# machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
            f"{time.strftime('%Y-%m-%d')}, load average {os.getloadavg()[0]:.1f}"
        )

        from quotetrack.types import RawDocument

        docs = [RawDocument(source=str(p), text=t) for p, t in zip(files, texts, strict=True)]
        t0 = time.perf_counter()
        from quotetrack.extract.pipeline import extract

        extract(RawDocument(source="warm-up", text='장관은 "좋다"고 말했다.'))  # loads Kiwi, as a worker does
        load = time.perf_counter() - t0

        kiwi_rate, kiwi_chars = bench_kiwi(texts)
        sqlite_rate = bench_sqlite(texts, root)
        cold, warm = bench_extract(docs)
        one = bench_ingest(folder, root / "one.db", jobs=1)
        two = bench_ingest(folder, root / "two.db", jobs=2)
        results: dict[str, object] = {
            "extractor_load_s": load,
            "kiwi_tokenize_articles_per_s": kiwi_rate,
            "kiwi_tokenize_chars_per_s": kiwi_chars,
            "sqlite_bare_insert_rows_per_s": sqlite_rate,
            "extract_only_first_pass_articles_per_s": cold,
            "extract_only_warm_articles_per_s": warm,
            "ingest_jobs1": one,
            "ingest_jobs2": two,
        }
        print()
        print("| what | figure |")
        print("|---|---|")
        print(f"| extractor load (import + Kiwi model + first call), once per process | {load:.2f} s |")
        print(
            f"| Kiwi `tokenize` alone, one thread | {kiwi_rate:,.0f} articles/s ({kiwi_chars:,.0f} chars/s) |"
        )
        print(f"| bare SQLite `executemany` insert, one transaction | {sqlite_rate:,.0f} rows/s |")
        print(f"| `extract()` alone, in memory, first pass (word caches cold) | {cold:,.0f} articles/s |")
        print(f"| `extract()` alone, in memory, second pass (warm) | {warm:,.0f} articles/s |")
        for name, r in (("1", one), ("2", two)):
            print(
                f"| **`quotetrack ingest --jobs {name}`** end to end into SQLite, fresh process "
                f"| **{r['rate']:,.1f} articles/s** ({r['articles']:,} in {r['wall_s']:.1f} s wall; "
                f"{r['articles'] / r['run_s']:,.1f}/s from the first file, model loads included) |"
            )
        if args.files_for_memory:
            samples = memory_in_subprocess(args.files_for_memory, root, args.jobs)
            results["memory_samples"] = samples
            rss = ", ".join(f"{n:,}: {m:.0f}" for n, m in samples)
            print(
                f"| RSS (MiB) of the ingesting process by files done, {args.files_for_memory:,} files, "
                f"`--jobs {args.jobs}`, trivial extractor | {rss} |"
            )
        print()
        print("```json")
        print(json.dumps(results, indent=1, default=str))
        print("```")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"# peak RSS of this process over the whole run: {peak:.0f} MiB")
        print(f"# load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine)")


if __name__ == "__main__":
    main()
