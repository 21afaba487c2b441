"""Storing one long article of one speaker's quotes (a long interview, a dense transcript) is linear in its
quotes: each new quote is compared with a bounded number of the article's earlier ones, not all of them,
and a statement the article repeats still becomes one claim.

Counts comparisons rather than timing them, so the test means the same on a busy machine.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import make_article, make_quote
from sqlalchemy import Engine, func, select

from quotetrack.db import claims
from quotetrack.db.engine import transaction
from quotetrack.db.schema import ClaimQuote
from quotetrack.db.schema import Quote as QuoteRow
from quotetrack.db.store import save_article
from quotetrack.types import Quote

QUOTES = 150


def interview(n: int, repeated: int) -> tuple[str, list[str]]:
    """A body of `n` quotes of one minister, the first `repeated` of them the same statement."""
    texts = [
        "전기요금 인상은 없다" if i < repeated else f"{i}번째 지역의 전기요금 지원 방안을 검토하고 있다"
        for i in range(n)
    ]
    body = " ".join(f'장관은 "{t}"고 말했다.' for t in texts)
    return body, texts


def test_a_long_interview_is_stored_with_a_bounded_number_of_comparisons_per_quote(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared = 0
    real = claims.same_claim

    def counting(a: claims.Fingerprint, b: claims.Fingerprint) -> float | None:
        nonlocal compared
        compared += 1
        return real(a, b)

    monkeypatch.setattr(claims, "same_claim", counting)
    body, texts = interview(QUOTES, repeated=5)
    quotes: list[Quote] = []
    at = 0
    for t in texts:  # each quote where it is, not where its words first occur
        quote = make_quote(body[at:], t, "안덕근", role="산업통상자원부 장관")
        quotes.append(replace(quote, start=at + quote.start, end=at + quote.end))
        at += quote.end
    with transaction(engine) as s:
        save_article(s, make_article(body, tuple(quotes), url="https://news.example/interview"))

    assert compared <= claims.MAX_CANDIDATES * QUOTES  # all pairs would be ~QUOTES² / 2 = 11,175
    with transaction(engine) as s:
        repeated = s.scalars(
            select(func.count(func.distinct(ClaimQuote.claim_id)))
            .join(QuoteRow, QuoteRow.id == ClaimQuote.quote_id)
            .where(QuoteRow.text == "전기요금 인상은 없다")
        ).one()
    assert repeated == 1
