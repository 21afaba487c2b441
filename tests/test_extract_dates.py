"""The day words were said, from the day expressions of Korean news and the page date."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import one, quotes_of

from quotetrack.extract.dates import find_dates, resolve_relative

pytestmark = pytest.mark.slow


def day_of(expression: str, published: date, current: date | None = None) -> date | None:
    text = f"그는 {expression} 기자들과 만나 이같이 말했다."
    (found,) = find_dates(text, 0, len(text), published)
    return resolve_relative(found, current)


@pytest.mark.parametrize(
    ("expression", "published", "want"),
    [
        ("15일(현지시간)", date(2023, 9, 16), date(2023, 9, 15)),
        ("현지시간 14일", date(2022, 3, 15), date(2022, 3, 14)),
        ("지난 13일", date(2023, 9, 15), date(2023, 9, 13)),
        ("지난 28일", date(2024, 3, 2), date(2024, 2, 28)),  # the 28th of last month
        ("30일", date(2024, 1, 2), date(2023, 12, 30)),  # across the year boundary
        ("오는 16일", date(2023, 9, 15), date(2023, 9, 16)),
        ("오는 3일", date(2023, 12, 28), date(2024, 1, 3)),  # next month, next year
        ("지난달 23일", date(2024, 1, 10), date(2023, 12, 23)),
        ("지난 4월23일", date(2019, 7, 2), date(2019, 4, 23)),
        ("12월 30일", date(2024, 1, 3), date(2023, 12, 30)),  # a month later than the page is last year
        ("2019년 4월 23일", date(2024, 1, 1), date(2019, 4, 23)),
        ("어제", date(2024, 3, 1), date(2024, 2, 29)),
        ("오늘", date(2024, 3, 1), date(2024, 3, 1)),
        ("7일(현지시간)", date(2024, 3, 6), date(2024, 3, 7)),  # late at night in Seoul, morning east of it
        ("9일", date(2024, 3, 6), date(2024, 3, 9)),  # a bare day coming up this week
        ("지난 9일", date(2024, 3, 6), date(2024, 2, 9)),
        ("이번 달 28일", date(2024, 3, 6), date(2024, 3, 28)),
        ("지난해 12월 5일", date(2024, 3, 1), date(2023, 12, 5)),
        ("작년 3월 5일", date(2024, 3, 10), date(2023, 3, 5)),  # the year said in words wins
        ("내년 1월 1일", date(2012, 12, 28), date(2013, 1, 1)),
    ],
)
def test_day_expressions_resolve_against_the_publication_date(
    expression: str, published: date, want: date
) -> None:
    assert day_of(expression, published) == want


def test_this_day_and_the_day_before_follow_the_day_the_story_is_about() -> None:
    assert day_of("이날", date(2023, 9, 16), current=date(2023, 9, 15)) == date(2023, 9, 15)
    assert day_of("전날", date(2023, 9, 16), current=date(2023, 9, 15)) == date(2023, 9, 14)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("오는 20일 총파업에 들어간다", True),
        ("18일부터 파업에 들어간다", True),
        ("17일까지 답하라고 요구했다", True),
        ("기한이 17일로 끝난다", True),
        ("내년 1월 1일 시행된다", True),
        ("16일 오전 회의가 열린다", True),  # later than the page: ahead, whatever the tense
        ("14일 회의를 열었다", False),
        ("지난 13일 밝혔다", False),
    ],
)
def test_days_ahead_and_span_ends_are_plans(text: str, plan: bool) -> None:
    (found,) = find_dates(text, 0, len(text), date(2024, 3, 15))
    assert found.plan is plan


def test_a_date_in_a_link_is_not_a_day() -> None:
    text = "![사진](https://img.example.kr/2024/03/11/photo.jpg) 11일"
    (found,) = find_dates(text, 0, len(text), date(2024, 3, 15))
    assert text[found.start : found.end] == "11일"


@pytest.mark.parametrize("text", ["3일간 이어진 회의", "30일 만에 재개됐다", "이틀째인 2일째 농성"])
def test_durations_are_not_days(text: str) -> None:
    assert find_dates(text, 0, len(text), date(2024, 3, 15)) == []


def test_a_quote_takes_the_day_stated_in_its_sentence() -> None:
    body = '라브로프 러시아 외무장관은 13일(현지시간) "대화의 문은 열려 있다"고 말했다.'
    assert one(quotes_of(body, published=date(2024, 3, 15)), "대화의 문").said_on == date(2024, 3, 13)


def test_this_day_means_the_day_named_earlier_in_the_article() -> None:
    body = (
        "국회는 12일 본회의를 열고 예산안을 처리했다. "
        '우원식 국회의장은 이날 "여야가 한발씩 물러섰다"고 말했다.'
    )
    assert one(quotes_of(body, published=date(2024, 12, 13)), "여야가").said_on == date(2024, 12, 12)


def test_a_speakers_later_quotes_keep_the_day_given_with_the_first() -> None:
    body = (
        '이창용 한국은행 총재는 11일 "금리 인하는 신중해야 한다"고 말했다. '
        '그는 "가계부채가 여전히 부담"이라고 덧붙였다.'
    )
    assert one(quotes_of(body, published=date(2024, 10, 12)), "가계부채").said_on == date(2024, 10, 11)


def test_without_a_publication_date_a_day_of_the_month_cannot_be_placed() -> None:
    body = '그로시 IAEA 사무총장은 14일 "사찰단을 다시 보낼 것"이라고 말했다.'
    assert one(quotes_of(body, published=None), "사찰단").said_on is None


def test_a_secondary_speakers_undated_words_stay_undated() -> None:
    body = (
        '푸틴 러시아 대통령은 15일(현지시간) "합의를 지키겠다"고 말했다. '
        '앞서 페스코프 대변인은 "어떤 문서에도 서명하지 않았다"고 밝혔다.'
    )
    quotes = quotes_of(body, title='푸틴 "합의 지키겠다"', published=date(2023, 9, 16))
    assert one(quotes, "합의를").said_on == date(2023, 9, 15)
    assert one(quotes, "서명하지").said_on is None


@pytest.mark.parametrize(
    ("expression", "want"),
    [
        ("같은 날", date(2023, 9, 15)),
        ("이튿날", date(2023, 9, 16)),
        ("다음 날", date(2023, 9, 16)),
    ],
)
def test_the_same_day_and_the_next_day_follow_the_day_the_story_is_about(expression: str, want: date) -> None:
    assert day_of(expression, date(2023, 9, 17), current=date(2023, 9, 15)) == want


@pytest.mark.parametrize("text", ["오늘날의 정치", "그제야 입을 열었다", "그제서야 알았다", "전일제 근무"])
def test_words_that_only_look_like_days_are_not_days(text: str) -> None:
    assert find_dates(text, 0, len(text), date(2024, 3, 15)) == []
