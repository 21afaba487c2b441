"""How extraction time grows with the size of one article: real text, one huge line, hostile marks.

    .venv/bin/python benchmarks/extract_scaling.py [CORPUS_DIR]

A scraper can hand quotetrack a page of any size.  For each shape below the article is
built at 250 KB, 0.5 MB, 1 MB, 2 MB and 4 MB -- bytes of UTF-8, the size of the file a
scraper saves; a Hangul syllable takes 3 bytes, so 1 MB of Korean news holds ~430,000
characters -- and extracted twice, Kiwi loaded and warm.  The first extraction of each size
meets words no earlier size had (the numbered paragraphs below), which Kiwi and the word
caches analyse once; the second is the steady state.  Printed are both times, the CPU time
and time per MB of the second, and the ratio of the second to the size before's (1.0 means
time doubles with size: linear).  The paragraph classification cache is emptied before the
second run: it remembers whole paragraphs, and a new article's paragraphs are new.  Last,
each shape at 1,000,000 characters (~2.1-2.3 MB), the size earlier tables called 1 MB.

- real text: the body paragraphs of the dev corpus articles, over and over, each copy of a
  paragraph numbered (the cleaner drops paragraphs repeated verbatim as page boilerplate,
  and keeps only the first article of a page that holds several);
- one line: the dev corpus pages with every line break removed (no paragraph bounds);
- hostile: quote marks of every style, unbalanced, among words, control characters
  and mixed scripts, with speech verbs so the quote finder has work to do.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from quotetrack.types import RawDocument

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"
SIZES = [250_000, 500_000, 1_000_000, 2_000_000, 4_000_000]
"""Article sizes in bytes of UTF-8."""
CHARS = 1_000_000
"""The one size also run in characters."""
HOSTILE_PIECE = (
    '김 대표는 "그렇다 ‘아니다” 『인용』 「또」 ″끝 라고 말했다. \x00\x1b[31m αβγ 漢字 abc '
    '"""" ““ ”” 그는 "열린 채로 이어지는 인용 고 밝혔다. \n'
)


def in_bytes(make: Callable[[int], str], size: int) -> str:
    """A shape's text cut to `size` bytes of UTF-8, at a character boundary (made at `size`
    characters, which are `size` bytes or more here: the shapes are mostly Hangul)."""
    return make(size).encode("utf-8")[:size].decode("utf-8", "ignore")


def grow(seed: str, size: int) -> str:
    return (seed * (size // len(seed) + 1))[:size]


def numbered(paragraphs: list[str], size: int) -> str:
    """Paragraphs repeated up to `size` characters, each copy numbered so none repeats verbatim."""
    out: list[str] = []
    total, n = 0, 0
    while total < size:
        for p in paragraphs:
            out.append(f"{p} ({n})")
            total += len(out[-1]) + 2
            n += 1
    return "\n\n".join(out)[:size]


def corpus_pages(folder: Path) -> list[str]:
    """The text of every file in `folder`, in name order."""
    return [p.read_text("utf-8") for p in sorted(folder.iterdir()) if p.is_file()]


def shapes(pages: list[str]) -> dict[str, Callable[[int], str]]:
    """The three shapes above, made from corpus `pages`: name -> the text at a given size."""
    from quotetrack.ingest.clean import clean

    one_line = "\n\n".join(pages).replace("\n", " ")
    paragraphs = [
        para
        for page in pages
        for para in clean(RawDocument(source="corpus", text=page)).body.split("\n\n")
        if para.strip()
    ]
    return {
        "real text": lambda size: numbered(paragraphs, size),
        "one line": lambda size: grow(one_line, size),
        "hostile": lambda size: grow(HOSTILE_PIECE, size),
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    from quotetrack.extract.pipeline import extract

    pages = corpus_pages(folder)
    made = shapes(pages)
    warm_up = "\n\n".join(pages)[:20_000]
    extract(RawDocument(source="warm-up", text=warm_up))  # load Kiwi, warm the word caches
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, {date.today()}")
    print(
        f"{'shape':10} {'bytes':>10} {'chars':>10} {'first s':>8} {'again s':>8} {'CPU s':>6} "
        f"{'s per MB':>9} {'×time/×size':>12} quotes"
    )
    for name, make in made.items():
        previous: tuple[int, float] | None = None
        for size in SIZES:
            previous = run(name, in_bytes(make, size), previous)
    for name, make in made.items():
        run(name, make(CHARS), None)


def run(name: str, text: str, previous: tuple[int, float] | None) -> tuple[int, float]:
    """Extract `text` twice and print its line of the table; returns its bytes and the second
    extraction's wall seconds."""
    from quotetrack.extract.pipeline import extract
    from quotetrack.ingest.clean import _classify

    size = len(text.encode("utf-8"))
    t0 = time.perf_counter()
    extract(RawDocument(source=f"{name}-{size}", text=text))
    first = time.perf_counter() - t0
    _classify.cache_clear()  # paragraphs are remembered whole; a new article's are not yet seen
    t0, c0 = time.perf_counter(), time.process_time()
    article = extract(RawDocument(source=f"{name}-{size}", text=text))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    growth = f"{(seconds / previous[1]) / (size / previous[0]):.2f}" if previous is not None else ""
    print(
        f"{name:10} {size:>10,} {len(text):>10,} {first:>8.2f} {seconds:>8.2f} {cpu:>6.2f} "
        f"{seconds / size * 1e6:>9.2f} {growth:>12} {len(article.quotes)}"
    )
    return size, seconds


if __name__ == "__main__":
    main()
