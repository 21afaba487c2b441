"""Precision and recall of `changes` on the labelled pairs (tests/data/stance/pairs.tsv).

    .venv/bin/python benchmarks/stance_pairs.py [--split tune|held|all] [--show]

Each pair is one speaker's two statements, said a month apart; a pair is flagged when
`find_changes` reports a reversal between them.  --show lists the mistakes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.analysis.changes import Statement, find_changes
from quotetrack.analysis.reading import Reading, read_statement

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "stance" / "pairs.tsv"


@dataclass(frozen=True)
class Pair:
    id: int
    split: str
    label: bool
    kind: str
    before: tuple[str, str | None]
    after: tuple[str, str | None]


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    out = []
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines[1:]:
        pid, split, label, kind, bverb, before, averb, after = line.split("\t")
        out.append(Pair(int(pid), split, label == "1", kind, (before, bverb or None), (after, averb or None)))
    return out


def flagged(pair: Pair) -> tuple[bool, Reading, Reading]:
    a = read_statement(*pair.before)
    b = read_statement(*pair.after)
    found = find_changes([Statement(date(2024, 3, 4), a, 0), Statement(date(2024, 4, 4), b, 1)])
    return bool(found), a, b


def score(pairs: list[Pair], show: bool = False) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for p in pairs:
        got, a, b = flagged(p)
        tp += got and p.label
        fp += got and not p.label
        fn += p.label and not got
        if show and got != p.label:
            print(
                f"{'FP' if got else 'FN'} {p.id:3} {p.kind:16} {p.before[0]} [{a.stance} {a.cues} {a.topic}]"
            )
            print(f"{'':24} {p.after[0]} [{b.stance} {b.cues} {b.topic}]")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["tune", "held", "all"], default="tune")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    pairs = [p for p in load_pairs() if args.split == "all" or p.split == args.split]
    p, r, tp, fp, fn = score(pairs, args.show)
    print(f"{args.split}: {len(pairs)} pairs, precision {p:.3f}, recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
