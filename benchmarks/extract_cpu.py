"""CPU seconds the extractor spends on the dev corpus: first pass (word caches cold) and warm.

    PYTHONPATH=CHECKOUT .venv/bin/python benchmarks/extract_cpu.py [CORPUS_DIR]

Process CPU time (time.process_time), not wall time: on this shared 2-core machine other jobs
stretch wall time by 2-3x while the CPU an extraction needs moves by ~10 %.  To compare two
versions, point PYTHONPATH at a checkout of each (a `git worktree`) and alternate the runs:

    for i in 1 2 3 4 5; do
        PYTHONPATH=../base .venv/bin/python benchmarks/extract_cpu.py
        PYTHONPATH=. .venv/bin/python benchmarks/extract_cpu.py
    done

and compare the medians.  Prints "FIRST WARM" in seconds for the whole corpus.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quotetrack.extract.pipeline import extract
from quotetrack.types import RawDocument

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev" / "articles"
WARM_PASSES = 3


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    files = sorted(p for p in folder.iterdir() if p.is_file())
    docs = [RawDocument(source=str(p), text=p.read_text("utf-8")) for p in files]
    extract(RawDocument(source="warm-up", text='김철수 장관은 "좋다"고 말했다.'))  # load the model
    t = time.process_time()
    for d in docs:
        extract(d)
    first = time.process_time() - t
    t = time.process_time()
    for _ in range(WARM_PASSES):
        for d in docs:
            extract(d)
    warm = (time.process_time() - t) / WARM_PASSES
    print(f"{first:.3f} {warm:.3f}")


if __name__ == "__main__":
    main()
