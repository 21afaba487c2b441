"""Quote identity across re-extraction: which stored quote a re-extracted one is, and what became of the rest.

An id printed by `search` ends up in reports, spreadsheets and `quotes reassign`,
so it must keep pointing at the same words (STYLE.md habit 16).  When an
article's quotes are rewritten (`reprocess`, `ingest --force`, a changed
article), each new quote takes the id of the stored quote of the same article it
is (`match_stored`):

1. the same words in the same field (title or body), the nearest by offset when
   the article repeats them;
2. else a span overlapping it whose words contain, or are contained in, the new
   ones and make up at least `MIN_OVERLAP` of them (the extractor now takes one
   word more or less).

The stored quotes left unmatched are retired (`retire`): their ids go to
`retired_quotes` with the new quote over the same span, if any, and are never
handed out again (schema.Quote.id).  `retired` tells `quotetrack show` about them.

Why not ids derived from the article's key and the span, as two analysts'
databases would share: a span moves whenever the cleaner keeps one more line of
the page, and a re-extraction would then change every id of the article, which
is what this module exists to prevent.  The article key and offsets are in every
exported record, so that join stays possible.
"""

from __future__ import annotations

import bisect
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotetrack import types
from quotetrack.db.schema import RETIRED_QUOTES
from quotetrack.normalize import text_key
from quotetrack.types import published_day

MIN_OVERLAP = 0.6
"""Least share of the longer text the shorter must be for a trimmed or extended quote to keep its
id (the value speakers/resolve.py uses to re-apply a curator's correction to such a quote)."""

_NEIGHBOURS = 8
"""Stored quotes looked at on each side of a new quote's start when spans are compared: quotes of
one field rarely overlap, so the few nearest by start are all that can; bounded so an article of
thousands of changed quotes costs no more than a sort."""


@dataclass(frozen=True)
class StoredSpan:
    """A stored quote of the article being rewritten: its id, where it was, what it said, its claim."""

    id: int
    field: str
    text: str
    start: int
    end: int
    claim_id: int | None = None


def match_stored(stored: Sequence[StoredSpan], new: Sequence[types.Quote]) -> list[StoredSpan | None]:
    """For each new quote, the stored quote it is (see the module docstring), each used at most once.

    Quotes of the same words pair up in order of offset (the k-th report of them in the article
    keeps the k-th id), so an article repeating one sentence a thousand times costs no more than a
    sort."""
    out: list[StoredSpan | None] = [None] * len(new)
    by_words: dict[tuple[str, str], deque[StoredSpan]] = defaultdict(deque)
    for s in sorted(stored, key=lambda s: (s.start, s.id)):
        by_words[(s.field, text_key(s.text))].append(s)
    used: set[int] = set()
    for n in sorted(range(len(new)), key=lambda n: (new[n].start, n)):
        queue = by_words.get((new[n].field, text_key(new[n].text)))
        if queue:
            match = out[n] = queue.popleft()
            used.add(match.id)
    left = _by_field([s for s in stored if s.id not in used])
    for n, quote in enumerate(new):
        if out[n] is None:
            found = _containing(left.get(quote.field), quote, used)
            if found is not None:
                out[n] = found
                used.add(found.id)
    return out


def _containing(spans: list[StoredSpan] | None, quote: types.Quote, used: set[int]) -> StoredSpan | None:
    """The unused stored quote near this one whose words contain or are contained in its words
    (`MIN_OVERLAP` of the longer at least), the most overlapping, then the nearest."""
    want = text_key(quote.text)
    best: tuple[tuple[float, int], StoredSpan] | None = None
    for s in _near(spans, quote.start, quote.end):
        if s.id in used:
            continue
        short, long = sorted((text_key(s.text), want), key=len)
        if not short or short not in long or len(short) < MIN_OVERLAP * len(long):
            continue
        score = (len(short) / len(long), -abs(s.start - quote.start))
        if best is None or score > best[0]:
            best = (score, s)
    return best[1] if best is not None else None


def retire(
    session: Session,
    article_id: int,
    stored: Sequence[StoredSpan],
    kept: Sequence[StoredSpan | None],
    new: Sequence[tuple[int, types.Quote]],
    now: datetime,
) -> int:
    """Record the stored quotes no new quote kept, with the new quote over the same span; returns how many."""
    kept_ids = {s.id for s in kept if s is not None}
    gone = [s for s in stored if s.id not in kept_ids]
    if not gone:
        return 0
    spans = _by_field([StoredSpan(qid, q.field, q.text, q.start, q.end) for qid, q in new])
    rows = []
    for s in gone:
        overlapping = [
            (min(s.end, o.end) - max(s.start, o.start), -o.id, o.id)
            for o in _near(spans.get(s.field), s.start, s.end)
            if min(s.end, o.end) > max(s.start, o.start)
        ]
        replaced_by = max(overlapping)[2] if overlapping else None
        rows.append(
            {
                "quote_id": s.id,
                "article_id": article_id,
                "text": s.text,
                "replaced_by": replaced_by,
                "retired_at": now,
            }
        )
    session.execute(RETIRED_QUOTES.insert(), rows)
    return len(rows)


@dataclass(frozen=True)
class Retired:
    """What became of a quote id re-extraction removed."""

    quote_id: int
    article_id: int | None
    text: str
    retired_at: datetime
    replaced_by: int | None
    """The quote standing in its place now (the chain of replacements followed), if any."""

    def explain(self) -> tuple[str, str]:
        """Reason and hint for a command given this id: ids are promises, so say what became of it."""
        words = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        day = published_day(self.retired_at)
        where = f"article {self.article_id}" if self.article_id is not None else "its article"
        reason = (
            f"quote {self.quote_id} (“{words}”) was removed on {day}, when {where} was re-extracted"
            " and those words were no longer found as a quote"
        )
        if self.replaced_by is not None:
            hint = f"run `quotetrack show {self.replaced_by}`"
            return f"{reason}; quote {self.replaced_by} replaced it", hint
        return f"{reason}; no quote replaced it", "search the article's other quotes with `quotetrack search`"


_CHAIN_LIMIT = 64
"""Most replacements followed from a retired id (each re-extraction adds at most one step)."""


def retired(session: Session, quote_id: int) -> Retired | None:
    """The retirement of this quote id, with its current replacement; None if it was never retired."""
    r = RETIRED_QUOTES.c
    stmt = select(r.quote_id, r.article_id, r.text, r.retired_at, r.replaced_by)
    row = session.execute(stmt.where(r.quote_id == quote_id)).one_or_none()
    if row is None:
        return None
    first = Retired(*row)
    replacement = first.replaced_by
    for _ in range(_CHAIN_LIMIT):
        if replacement is None:
            break
        step = session.execute(select(r.replaced_by).where(r.quote_id == replacement)).one_or_none()
        if step is None:
            break  # a live quote
        replacement = step[0]
    return Retired(first.quote_id, first.article_id, first.text, first.retired_at, replacement)


def _by_field(spans: Sequence[StoredSpan]) -> dict[str, list[StoredSpan]]:
    out: dict[str, list[StoredSpan]] = defaultdict(list)
    for s in sorted(spans, key=lambda s: (s.start, s.id)):
        out[s.field].append(s)
    return out


def _near(spans: list[StoredSpan] | None, start: int, end: int) -> list[StoredSpan]:
    """The spans (sorted by start) whose start is among the nearest to [start, end)."""
    if not spans:
        return []
    at = bisect.bisect_left(spans, start, key=lambda s: s.start)
    stop = bisect.bisect_left(spans, end, key=lambda s: s.start)
    return spans[max(0, at - _NEIGHBOURS) : min(len(spans), max(stop, at) + _NEIGHBOURS)]
