"""Claim candidates within one batch: counted per sketch key set, ranked as counting each report would.

`claims.assign_groups` keeps a batch's earlier quotes by (speaker, key set) so that a statement
reported dozens of times in one batch is counted once per new quote, not once per report.  The
ranking must stay exactly the plain definition: every earlier quote of the speaker sharing a key,
most keys shared first, then the oldest, at most `MAX_CANDIDATES`.
"""

from __future__ import annotations

import heapq
import random

import pytest

from quotetrack.db.claims import MAX_CANDIDATES, _BatchIndex, _by_shared_then_oldest


def plain_ranking(
    earlier: list[tuple[int, int, tuple[int, ...]]], sid: int, keys: tuple[int, ...]
) -> list[int]:
    """The definition: count the keys each earlier quote of the speaker shares, rank, keep the top."""
    shared: dict[int, int] = {}
    for qid, other_sid, other_keys in earlier:
        n = len(set(keys) & set(other_keys))
        if other_sid == sid and n:
            shared[qid] = n
    return heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda o: (-shared[o], o))


@pytest.mark.parametrize("order", ["ascending", "shuffled"])
def test_batch_candidates_rank_as_counting_every_report(order: str) -> None:
    rng = random.Random(4)
    statements = [tuple(sorted(rng.sample(range(12), rng.randint(1, 6)))) for _ in range(15)]
    quotes = [(qid, rng.choice((1, 2)), rng.choice(statements)) for qid in range(1, 400)]
    if order == "shuffled":  # ids need not arrive in order for the ranking to hold
        rng.shuffle(quotes)
    index = _BatchIndex()
    earlier: list[tuple[int, int, tuple[int, ...]]] = []
    for qid, sid, keys in quotes:
        found = heapq.nsmallest(MAX_CANDIDATES, index.sharing(sid, keys), key=_by_shared_then_oldest)
        assert [o for o, _ in found] == plain_ranking(earlier, sid, keys)
        index.add(qid, sid, keys)
        earlier.append((qid, sid, keys))
