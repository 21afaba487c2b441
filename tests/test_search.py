"""Searching quotes by speaker: name parts, spacing, case, aliases, order, and literal wildcards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, select

from quotetrack.db.engine import transaction
from quotetrack.db.schema import Speaker
from quotetrack.db.search import matching_speakers, search_quotes
from quotetrack.db.store import save_article
from quotetrack.errors import SpeakerError, UsageError
from quotetrack.speakers.rows import add_alias


@pytest.fixture
def stored(engine: Engine) -> Engine:
    """Two articles: Putin on two days (stored out of order), Peskov once, and a quote with no date."""
    later = (
        '블라디미르 푸틴 대통령은 "좋은 이웃 관계를 구축해야 한다"고 말했다. '
        '페스코프 대변인은 "서명 안 했다"고 했다.'
    )
    earlier = '블라디미르 푸틴 대통령은 "위반할 의사도 없다"고 말했다. 푸틴은 "날짜 없는 발언"이라 했다.'
    articles = [
        make_article(
            later,
            (
                make_quote(later, "좋은 이웃 관계를 구축해야 한다", said_on=date(2023, 9, 16)),
                make_quote(
                    later,
                    "서명 안 했다",
                    "드미트리 페스코프",
                    role="크렘린궁 대변인",
                    said_on=date(2023, 9, 16),
                ),
            ),
            source="later.txt",
            published=datetime(2023, 9, 16, 9, 0, tzinfo=KST),
        ),
        make_article(
            earlier,
            (
                make_quote(earlier, "위반할 의사도 없다", said_on=date(2023, 9, 15)),
                make_quote(earlier, "날짜 없는 발언", said_on=None),
            ),
            source="earlier.txt",
            outlet="연합뉴스",
        ),
    ]
    with transaction(engine) as s:
        for article in articles:
            save_article(s, article)
    return engine


def texts(engine: Engine, speaker: str | None, limit: int | None = None) -> list[str]:
    with transaction(engine) as s:
        return [row.text for row in search_quotes(s, speaker=speaker, limit=limit)]


def test_a_name_part_finds_the_full_name_in_date_order(stored: Engine) -> None:
    # the undated quote sits at its article's day (published 2023-09-15), after the quote said that day
    assert texts(stored, "푸틴") == ["위반할 의사도 없다", "날짜 없는 발언", "좋은 이웃 관계를 구축해야 한다"]


def test_spacing_and_case_do_not_matter(stored: Engine) -> None:
    assert texts(stored, "블라디미르푸틴") == texts(stored, " 블라디 미르 푸틴 ")
    assert len(texts(stored, "블라디미르푸틴")) == 3


def test_other_speakers_are_not_mixed_in(stored: Engine) -> None:
    assert texts(stored, "페스코프") == ["서명 안 했다"]
    with pytest.raises(SpeakerError, match="no speaker matches '루카셴코'"):
        texts(stored, "루카셴코")


def test_aliases_match_in_latin_script_ignoring_case(stored: Engine) -> None:
    with transaction(stored) as s:
        peskov = s.scalars(select(Speaker).where(Speaker.name == "드미트리 페스코프")).one()
        add_alias(s, peskov, "Dmitry Peskov")
    assert texts(stored, "PESKOV") == ["서명 안 했다"]
    with transaction(stored) as s:
        assert [sp.name for sp in matching_speakers(s, "peskov")] == ["드미트리 페스코프"]


def test_rows_carry_what_the_table_shows(stored: Engine) -> None:
    with transaction(stored) as s:
        (row,) = search_quotes(s, speaker="페스코프")
    assert (row.speaker, row.speaker_as_printed, row.speaker_role) == (
        "드미트리 페스코프",
        "드미트리 페스코프",
        "크렘린궁 대변인",
    )
    assert (row.kind, row.said_on, row.outlet, row.source) == (
        "direct",
        date(2023, 9, 16),
        "뉴스핌",
        "later.txt",
    )
    assert row.published == datetime(2023, 9, 16, 9, 0, tzinfo=KST)


def test_like_wildcards_are_taken_literally(stored: Engine) -> None:
    for wildcard in ("%", "_", "푸%틴"):  # a wildcard would have matched every speaker, or 푸틴
        with pytest.raises(SpeakerError, match="no speaker matches"):
            texts(stored, wildcard)


def test_no_speaker_lists_everything_and_limit_cuts(stored: Engine) -> None:
    assert len(texts(stored, None)) == 4
    assert texts(stored, "푸틴", limit=1) == ["위반할 의사도 없다"]


def test_an_empty_name_is_a_usage_error(stored: Engine) -> None:
    with pytest.raises(UsageError, match="empty"), transaction(stored) as s:
        search_quotes(s, speaker=" · ")


def test_within_an_article_the_headline_comes_first_then_body_order(engine: Engine) -> None:
    body = '푸틴 대통령은 "둘째 발언"이라고 했다. 앞서 그는 "첫째 발언"이라고 했다.'
    title = '푸틴 "제목 발언"'
    second, first = make_quote(body, "둘째 발언"), make_quote(body, "첫째 발언")
    headline = replace(make_quote(title, "제목 발언", kind="headline"), field="title")
    with transaction(engine) as s:  # the extractor's list order is deliberately scrambled
        save_article(s, make_article(body, (first, headline, second), title=title))
    assert texts(engine, "푸틴") == ["제목 발언", "둘째 발언", "첫째 발언"]
