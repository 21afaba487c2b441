"""Score `clean()` metadata against a gold corpus and time it.

    python benchmarks/score_metadata.py ../shared/corpus/dev [--with-url] [--quiet]

Prints title / published (first 10 chars) / outlet accuracy over the articles
whose gold has the field, compared the way ../shared/tools/score_quotes.py
compares them, then every miss, then how many gold quote texts survive in the
clean body (exactly, and ignoring whitespace), then the cleaning speed.

The scorer feeds quotetrack the article files only, so the default run gives
clean() no URL.  `--with-url` passes each gold `url` as `RawDocument.url`, the
situation of an ingest from URLs, HTML pages or JSONL records; both figures are
worth reading side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path

from quotetrack.ingest.clean import clean
from quotetrack.types import CleanArticle, RawDocument

# Same normalisation as ../shared/tools/score_quotes.py.
EDGE = " \t\r\n\"'“”‘’「」『』《》〈〉.,·…"


def norm_text(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(s.strip(EDGE).split())


def norm_name(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(ch for ch in s if not ch.isspace() and ch not in "·ㆍ・.")


def _published(c: CleanArticle) -> str:
    return c.published.isoformat() if c.published else ""


def score(corpus: Path, with_url: bool) -> tuple[dict[str, list[int]], list[str], list[int]]:
    """Return {field: [hits, n]}, the miss lines and [exact, normalised, total] quote survival."""
    golds = [json.loads(x) for x in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    acc = {"title": [0, 0], "published": [0, 0], "outlet": [0, 0]}
    misses: list[str] = []
    survive = [0, 0, 0]
    for g in golds:
        path = corpus / "articles" / g["file"]
        text = path.read_text(encoding="utf-8")
        c = clean(RawDocument(source=str(path), text=text, url=g.get("url") if with_url else None))
        got = {"title": c.title or "", "published": _published(c), "outlet": c.outlet or ""}
        for key in acc:
            gv = g.get(key)
            if not gv:
                continue
            acc[key][1] += 1
            pv = got[key]
            if key == "published":
                ok = pv[:10] == gv[:10]
            elif key == "title":
                ok = norm_text(pv) == norm_text(gv)
            else:
                ok = norm_name(pv) == norm_name(gv)
            acc[key][0] += ok
            if not ok:
                misses.append(f"  {g['file']}: {key} {pv!r} should be {gv!r}")
        flat_body = "".join(c.body.split())
        for q in g.get("quotes", []):
            if q["kind"] == "headline":
                continue
            survive[2] += 1
            survive[0] += q["text"] in c.body
            if "".join(q["text"].split()) in flat_body:
                survive[1] += 1
            else:
                misses.append(f"  {g['file']}: quote lost from body: {q['text'][:50]!r}")
    return acc, misses, survive


def speed(corpus: Path, rounds: int) -> tuple[float, float]:
    """Mean milliseconds per article and per 3 KB of text over `rounds` passes."""
    docs = [
        RawDocument(source=str(p), text=p.read_text(encoding="utf-8"))
        for p in sorted((corpus / "articles").iterdir())
    ]
    chars = sum(len(d.text.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            clean(d)
    dt = time.perf_counter() - t0
    per_article = dt / (rounds * len(docs)) * 1000
    per_3kb = dt / (rounds * chars / 3000) * 1000
    return per_article, per_3kb


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--with-url", action="store_true", help="give clean() the gold URL of each article")
    ap.add_argument("--quiet", action="store_true", help="print the table only")
    ap.add_argument("--rounds", type=int, default=50, help="timing passes over the corpus")
    ap.add_argument("--min", type=float, default=0.0, help="exit 1 when any accuracy is below this")
    args = ap.parse_args()
    acc, misses, survive = score(args.corpus, args.with_url)
    mode = "with url" if args.with_url else "text only"
    print(f"{args.corpus} ({mode})")
    for key, (ok, n) in acc.items():
        print(f"  {key:<10} {ok / n if n else 0:.3f}  ({ok}/{n})")
    print(f"  quotes in body: exact {survive[0]}/{survive[2]}, ignoring whitespace {survive[1]}/{survive[2]}")
    if not args.quiet and misses:
        print("misses:")
        print("\n".join(misses))
    per_article, per_3kb = speed(args.corpus, args.rounds)
    rate = 1000 / per_article
    print(f"speed: {per_article:.3f} ms/article, {per_3kb:.3f} ms per 3 KB, {rate:.0f} articles/s")
    low = [k for k, (ok, n) in acc.items() if n and ok / n < args.min]
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
