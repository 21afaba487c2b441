"""Claims: one statement, however many outlets and days reported it, kept up to date as articles arrive."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.orm import Session

from quotetrack.analysis.claims import Fingerprint, fingerprint, same_claim
from quotetrack.analysis.reading import read_statement
from quotetrack.db.claims import claim_summaries, ensure_claims
from quotetrack.db.engine import transaction
from quotetrack.db.schema import Claim, ClaimQuote, Quote, Speaker
from quotetrack.db.store import save_article

KIM = ("김민수", "산업통상자원부 대변인")


def fp(text: str) -> Fingerprint:
    """A quote's fingerprint with its stance, as the write path makes it."""
    return fingerprint(text, read_statement(text).stance)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "2분기 전기요금 인상은 현재 검토하지 않고 있다",
            "2분기 전기요금 인상은 검토하지 않고 있다",
        ),  # reworded
        ("전기요금 인상은 검토하지 않고 있다", "전기요금인상은 검토하지 않고있다"),  # spacing
        ("전기요금 인상을 검토하지 않고 있다", "전기요금 인상은 검토하지 않고 있다"),  # particles
        (  # trimmed by one outlet
            "어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다",
            "위반할 의사도 없다",
        ),
        ("“자구 노력을 지켜보고 있다”", "'자구 노력을 지켜보고 있다'"),  # quote marks
    ],
)
def test_near_duplicates_are_one_claim(a: str, b: str) -> None:
    assert same_claim(fp(a), fp(b)) is not None
    assert same_claim(fp(b), fp(a)) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "2분기 전기요금 인상은 검토하지 않고 있다",
            "2분기 전기요금 인상을 검토하고 있다",
        ),  # opposite stance
        ("에너지 취약계층에 대한 지원은 계속 확대할 것", "인상 폭은 관계 부처와 협의해 결정할 것"),
        ("러시아에 무기를 제공하지 않았다", "러시아에 식량을 제공하지 않았다"),
        ("사실무근", "일부 언론이 보도한 인상설은 사실무근"),  # too short to stand for the long one
    ],
)
def test_different_statements_are_different_claims(a: str, b: str) -> None:
    assert same_claim(fp(a), fp(b)) is None


def save(
    engine: Engine, url: str, day: date, outlet: str, *texts: str, speaker: tuple[str, str] = KIM
) -> None:
    body = " ".join(f'{speaker[1]}은 "{t}"고 말했다.' for t in texts)
    quotes = tuple(make_quote(body, t, speaker[0], role=speaker[1], said_on=day) for t in texts)
    published = datetime(day.year, day.month, day.day, 10, 0, tzinfo=KST)
    with transaction(engine) as s:
        save_article(s, make_article(body, quotes, url=url, outlet=outlet, published=published))


def summaries(engine: Engine, name: str = "김민수") -> list[tuple[str, int, int, int]]:
    with transaction(engine) as s:
        ids = list(s.scalars(select(Speaker.id).where(Speaker.name == name)))
        return [(c.text, c.reports, c.outlets, c.days) for c in claim_summaries(s, ids)]


@pytest.fixture
def reported(engine: Engine) -> Engine:
    save(engine, "https://y/1", date(2024, 3, 4), "연합뉴스", "2분기 전기요금 인상은 현재 검토하지 않고 있다")
    save(engine, "https://n/1", date(2024, 3, 4), "뉴시스", "2분기 전기요금 인상은 검토하지 않고 있다")
    save(engine, "https://1/1", date(2024, 3, 11), "뉴스1", "2분기 전기요금인상은 검토하지 않고 있다")
    save(engine, "https://h/1", date(2024, 3, 20), "한겨레", "2분기 전기요금 인상을 검토하고 있다")
    return engine


def test_reports_across_outlets_and_days_are_grouped_as_they_arrive(reported: Engine) -> None:
    assert summaries(reported) == [
        ("2분기 전기요금 인상은 현재 검토하지 않고 있다", 3, 3, 2),
        ("2분기 전기요금 인상을 검토하고 있다", 1, 1, 1),
    ]


def test_claims_never_mix_speakers(reported: Engine) -> None:
    other = ("이지원", "기획재정부 대변인")
    save(
        reported,
        "https://y/2",
        date(2024, 3, 5),
        "연합뉴스",
        "2분기 전기요금 인상은 검토하지 않고 있다",
        speaker=other,
    )
    assert summaries(reported, "이지원") == [("2분기 전기요금 인상은 검토하지 않고 있다", 1, 1, 1)]
    assert summaries(reported)[0][1] == 3


def test_a_replaced_article_has_its_claims_recomputed(reported: Engine) -> None:
    # the 뉴스1 article is corrected: the quote was the confirmation, not the denial
    save(reported, "https://1/1", date(2024, 3, 11), "뉴스1", "2분기 전기요금 인상을 검토하고 있다")
    assert summaries(reported) == [
        ("2분기 전기요금 인상은 현재 검토하지 않고 있다", 2, 2, 1),
        ("2분기 전기요금 인상을 검토하고 있다", 2, 2, 2),
    ]
    with transaction(reported) as s:  # no claim is left behind empty
        empty = select(Claim.id).where(
            ~select(ClaimQuote.quote_id).where(ClaimQuote.claim_id == Claim.id).exists()
        )
        assert s.execute(empty).all() == []


def test_quotes_that_skipped_the_write_path_get_claims_on_demand(reported: Engine) -> None:
    with transaction(reported) as s:
        quote = s.scalars(select(Quote).order_by(Quote.id)).first()
        assert quote is not None
        s.execute(
            insert(Quote).values(
                article_id=quote.article_id,
                position=9,
                speaker_id=quote.speaker_id,
                speaker_kind="person",
                kind="direct",
                text="2분기 전기요금 인상은 검토하지 않고 있다",
                start_offset=0,
                end_offset=1,
                field="body",
            )
        )
        assert ensure_claims(s) == 1
        assert ensure_claims(s) == 0
    assert summaries(reported)[0][1:] == (3, 3, 2)


def move_last_quote_to_a_new_speaker(s: Session) -> int:
    """Give the last stored quote to a new speaker, 이지원, as `quotes reassign` does; returns their id."""
    other = Speaker(name="이지원", name_key="이지원", kind="person", created_at=datetime.now(KST))
    s.add(other)
    s.flush()
    last = s.scalar(select(func.max(Quote.id)))
    s.execute(update(Quote).where(Quote.id == last).values(speaker_id=other.id))
    return other.id


def test_a_quote_moved_to_another_speaker_moves_to_that_speakers_claims(reported: Engine) -> None:
    with transaction(reported) as s:
        ensure_claims(s, [move_last_quote_to_a_new_speaker(s)])
    assert summaries(reported, "이지원") == [("2분기 전기요금 인상을 검토하고 있다", 1, 1, 1)]
    assert [c[0] for c in summaries(reported)] == ["2분기 전기요금 인상은 현재 검토하지 않고 있다"]


def test_a_quote_moved_to_another_speaker_leaves_no_empty_claim_behind(reported: Engine) -> None:
    with transaction(reported) as s:
        assert ensure_claims(s, [move_last_quote_to_a_new_speaker(s)]) == 1
        empty = select(Claim.id).where(
            ~select(ClaimQuote.quote_id).where(ClaimQuote.claim_id == Claim.id).exists()
        )
        assert s.execute(empty).all() == []  # the claim the quote left, now without quotes, is gone
