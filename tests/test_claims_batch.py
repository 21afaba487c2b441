"""Claim candidates within one batch: counted per sketch key set, ranked as counting each report would.

`claims.assign_groups` keeps a batch's earlier quotes by (speaker, key set) so that a statement
reported dozens of times in one batch is counted once per new quote, not once per report.  The
ranking must stay exactly the plain definition: every earlier quote of the speaker sharing a key,
most keys shared first, then the oldest, at most `MAX_CANDIDATES`.
"""

from __future__ import annotations

import heapq
import random
from datetime import date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, select

from quotetrack.analysis.claims import fingerprint
from quotetrack.db.claims import (
    MAX_CANDIDATES,
    _BatchIndex,
    _by_shared_then_oldest,
    _ranking_by_all_keys,
    _ranking_by_count,
    _stored_ranking,
)
from quotetrack.db.engine import transaction
from quotetrack.db.schema import Speaker
from quotetrack.db.store import save_article


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


STATEMENTS = (
    "2분기 전기요금 인상은 현재 검토하지 않고 있다",
    "2분기 전기요금 인상은 검토하지 않고 있다",
    "전기요금 인상을 검토하고 있다",
    "어떤 합의도 위반하지 않고 있으며 위반할 의사도 없다",
)


def test_stored_candidates_of_a_much_reported_statement_are_the_oldest_holding_all_its_keys(
    engine: Engine,
) -> None:
    """Past `MAX_CANDIDATES` reports holding all of a statement's keys, the ranking takes the oldest of
    them without counting (SQLite); it must be what counting every quote sharing a key gives."""
    rng = random.Random(9)
    for n in range(60):  # reports of a few statements, some of them trimmed, mostly in one speaker's mouth
        text = rng.choice(STATEMENTS[:2]) if rng.random() < 0.8 else rng.choice(STATEMENTS)
        if rng.random() < 0.2:
            text = text[rng.randint(1, 6) :]
        speaker = (
            ("김민수", "산업통상자원부 대변인") if rng.random() < 0.7 else ("이지원", "기획재정부 대변인")
        )
        body = f'{speaker[1]}은 "{text}"고 말했다.'
        quote = make_quote(body, text, speaker[0], role=speaker[1], said_on=date(2024, 3, 4))
        published = datetime(2024, 3, 4, 10, 0, tzinfo=KST)
        with transaction(engine) as s:
            save_article(s, make_article(body, (quote,), url=f"https://x/{n}", published=published))
    with transaction(engine) as s:
        speakers = list(s.scalars(select(Speaker.id)))
        texts = [*STATEMENTS, *(t[3:] for t in STATEMENTS), "전혀 다른 말이다"]
        wanted = [(sid, fingerprint(t).keys) for sid in speakers for t in texts]
        ranked = _stored_ranking(s, wanted)
        counted = _ranking_by_count(s.connection(), list(dict.fromkeys(wanted)))
        assert {w: sorted(r) for w, r in ranked.items()} == {w: sorted(r) for w, r in counted.items()}
        if s.get_bind().dialect.name == "sqlite":  # the shortcut had work to do
            assert _ranking_by_all_keys(s.connection(), list(dict.fromkeys(wanted)))
