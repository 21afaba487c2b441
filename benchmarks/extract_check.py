"""Guard for speed work on the extractor: does `extract()` still give exactly the same articles?

    .venv/bin/python benchmarks/extract_check.py --write REF [--generated DIR] [PATH...]
    .venv/bin/python benchmarks/extract_check.py --compare REF [--generated DIR] [PATH...]

Extracts every article under the given paths (default: the dev and seed corpora and the
test data), the generated articles of `--generated` (see ingest_bench.make_articles) and the
large shapes of extract_scaling.py at 250 KB, and writes the `repr` of each `Article` (every
field of every quote, offsets included) one per line.  `--compare` recomputes them and
prints the first differences; the exit code is 1 when anything changed.  The documents are
extracted twice, in order and then in reverse order, so that an answer depending on what a
cache held from an earlier article shows up as a difference.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from extract_scaling import corpus_pages, shapes  # noqa: E402

from quotetrack.ingest.readers import ReadOptions, iter_documents  # noqa: E402
from quotetrack.types import RawDocument  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_PATHS = [SHARED / "dev" / "articles", SHARED / "seed" / "articles", REPO / "tests" / "data"]
BIG = 250_000


def documents(paths: list[Path], generated: Path | None) -> list[RawDocument]:
    """Every readable document under `paths`, the generated articles, and the large shapes."""
    docs = [
        d
        for d in iter_documents([str(p) for p in paths], options=ReadOptions())
        if isinstance(d, RawDocument)
    ]
    if generated is not None:
        docs += [
            RawDocument(source=str(p), text=p.read_text("utf-8"))
            for p in sorted(generated.iterdir())
            if p.is_file()
        ]
    made = shapes(corpus_pages(SHARED / "dev" / "articles"))
    docs += [RawDocument(source=f"big: {name}", text=make(BIG)) for name, make in made.items()]
    return docs


def dump(docs: list[RawDocument]) -> list[str]:
    """One line per document: the repr of its extracted article, or of the exception raised."""
    from quotetrack.extract.pipeline import extract

    out: list[str] = []
    for d in docs:
        try:
            out.append(repr(extract(d)))
        except Exception as e:  # the reference records failures too
            out.append(f"{d.source}: {type(e).__name__}: {e}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="REF")
    mode.add_argument("--compare", type=Path, metavar="REF")
    ap.add_argument("--generated", type=Path, default=None, metavar="DIR")
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    docs = documents(args.paths or DEFAULT_PATHS, args.generated)
    t0 = time.perf_counter()
    lines = dump(docs)
    backwards = dump(docs[::-1])[::-1]
    seconds = time.perf_counter() - t0
    print(f"{len(docs)} documents extracted twice in {seconds:.1f} s", file=sys.stderr)
    bad = [i for i, (a, b) in enumerate(zip(lines, backwards, strict=True)) if a != b]
    for i in bad[:5]:
        print(f"order-dependent: {docs[i].source}", file=sys.stderr)
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", "utf-8")
        return 1 if bad else 0
    ref = args.compare.read_text("utf-8").splitlines()
    if len(ref) != len(lines):
        print(f"{len(ref)} reference lines, {len(lines)} now", file=sys.stderr)
        return 1
    changed = [i for i, (a, b) in enumerate(zip(ref, lines, strict=True)) if a != b]
    for i in changed[:5]:
        print(f"changed: {docs[i].source}\n  was {ref[i][:2000]}\n  now {lines[i][:2000]}", file=sys.stderr)
    print(f"{len(changed)} of {len(lines)} articles differ from {args.compare}", file=sys.stderr)
    return 1 if changed or bad else 0


if __name__ == "__main__":
    sys.exit(main())
