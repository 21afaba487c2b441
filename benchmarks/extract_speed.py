"""How fast the extractor is: per article on real pages, against Kiwi's own speed, and on hostile input.

    .venv/bin/python benchmarks/extract_speed.py [CORPUS_DIR]

Prints, in one run on one core:
- Kiwi's cold start (import + model + first call) and its raw tokenize speed on the same
  articles, the limit a whole-article NLP pass would hit;
- `extract()` (clean + quotes) per article, first pass (word caches cold) and second pass
  (warm, the steady state of a long ingest), in articles/s and characters/s;
- time on large and hostile inputs (1 MB of real text, 1 MB on one line, thousands of quote
  marks), to show time grows linearly with size.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from quotetrack.types import RawDocument

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"


def _docs(folder: Path) -> list[RawDocument]:
    files = sorted(p for p in folder.iterdir() if p.is_file())
    if not files:
        sys.exit(f"no articles in {folder}")
    return [RawDocument(source=str(p), text=p.read_text(encoding="utf-8")) for p in files]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    docs = _docs(folder)
    chars = sum(len(d.text) for d in docs)

    t0 = time.perf_counter()
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    kiwi.tokenize("워밍업")
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        kiwi.tokenize(d.text)
    kiwi_s = time.perf_counter() - t0

    from quotetrack.extract import morph
    from quotetrack.extract.pipeline import extract

    morph._kiwi = kiwi  # share the loaded model: the extractor's own load is the cold start above
    runs: list[list[float]] = []
    for _ in range(2):
        times = []
        for d in docs:
            t0 = time.perf_counter()
            extract(d)
            times.append(time.perf_counter() - t0)
        runs.append(times)
    first, warm = sum(runs[0]), sum(runs[1])
    repeats = 5
    t0 = time.perf_counter()
    for _ in range(repeats):
        for d in docs:
            extract(d)
    steady = (time.perf_counter() - t0) / repeats

    print(
        f"corpus: {len(docs)} articles, {chars:,} characters ({chars / len(docs):,.0f} per article), {folder}"
    )
    print(f"Kiwi cold start (import + model + first call): {cold:.2f} s")
    rate = len(docs) / kiwi_s
    print(f"Kiwi tokenize, whole articles:  {rate:8.1f} articles/s  {chars / kiwi_s:10,.0f} chars/s")
    print(
        f"extract(), first pass:          {len(docs) / first:8.1f} articles/s  {chars / first:10,.0f} chars/s"
    )
    print(
        f"extract(), warm:                {len(docs) / warm:8.1f} articles/s  {chars / warm:10,.0f} chars/s"
    )
    print(
        f"extract(), steady ({repeats} passes):   {len(docs) / steady:8.1f} articles/s  "
        f"{chars / steady:10,.0f} chars/s"
    )
    print(
        f"per article (warm): median {statistics.median(runs[1]) * 1000:.2f} ms, "
        f"max {max(runs[1]) * 1000:.2f} ms"
    )

    seed = docs[0].text
    hostile = {
        "1 MB of article text": (seed + "\n\n") * (1_000_000 // (len(seed) + 2)),
        "1 MB on one line": seed.replace("\n", " ") * (1_000_000 // len(seed)),
        "0.5 MB on one line": seed.replace("\n", " ") * (500_000 // len(seed)),
        "100,000-character line of words": ("가나다라 마바사 " * 12_500)[:100_000],
        "30,000 mixed quote marks": "\"“”‘’'『』「」″" * 3_000,
        "control characters": "\x00\x01\x02\x1b" * 25_000,
    }
    for name, text in hostile.items():
        t0 = time.perf_counter()
        article = extract(RawDocument(source=name, text=text))
        print(
            f"{name:34} {len(text):>9,} chars  {time.perf_counter() - t0:6.2f} s  "
            f"{len(article.quotes)} quotes"
        )


if __name__ == "__main__":
    main()
