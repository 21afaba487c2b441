"""Timestamp formats Korean news pages print, one test per form (quotetrack.ingest.dates), and which
date of a page is the article's (clean())."""

from __future__ import annotations

from datetime import datetime

import pytest

from quotetrack.ingest.clean import clean
from quotetrack.ingest.dates import KST, date_from_url, find_stamps, leading_stamp, parse_published
from quotetrack.types import CleanArticle, RawDocument


def kst(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=KST)


@pytest.mark.parametrize(
    ("line", "when", "has_time", "kind"),
    [
        # label, Korean units, no spaces
        ("기사입력 : 2024년03월05일 09:12", kst(2024, 3, 5, 9, 12), True, "first"),
        ("최종수정 : 2024년03월05일 10:30", kst(2024, 3, 5, 10, 30), True, "modified"),
        # label after the time
        ("(부산=한빛뉴스) 박지훈 기자 | 2024-03-05 09:12 송고", kst(2024, 3, 5, 9, 12), True, "first"),
        # dotted date, time in parentheses
        ("입력 2021.06.30 (17:05)", kst(2021, 6, 30, 17, 5), True, "first"),
        # pipe after the label, seconds
        ("등록 | 2020-02-29 08:01:59", kst(2020, 2, 29, 8, 1), True, "first"),
        # 12-hour clock with 오후/오전
        ("입력 2023.11.02. 오후 3:21", kst(2023, 11, 2, 15, 21), True, "first"),
        ("입력 2023.11.02. 오전 12:05", kst(2023, 11, 2, 0, 5), True, "first"),
        # spaced dots (portal style)
        ("입력 2022. 1. 7. 11:40", kst(2022, 1, 7, 11, 40), True, "first"),
        # time in square brackets
        ("기사승인 2019/08/14 [21:30]", kst(2019, 8, 14, 21, 30), True, "first"),
        # 시/분 units
        ("게재 2018년 5월 3일 14시 20분", kst(2018, 5, 3, 14, 20), True, "first"),
        # a weekday between date and time
        ("2017.04.09 (일) 06:45", kst(2017, 4, 9, 6, 45), True, "plain"),
        # ISO 8601
        ("2024-01-05T15:21:00+09:00", kst(2024, 1, 5, 15, 21), True, "plain"),
        # date only: broadcast date, edition date
        ("2022.10.01 방영 조회수 12", kst(2022, 10, 1), False, "first"),
        ("(대한매일 1998년 2월 9일자)", kst(1998, 2, 9), False, "first"),
        # an update label
        ("업데이트 2021-03-04 12:00", kst(2021, 3, 4, 12, 0), True, "modified"),
    ],
)
def test_timestamp_forms(line: str, when: datetime, has_time: bool, kind: str) -> None:
    stamps = find_stamps(line)
    assert stamps, line
    assert (stamps[0].when, stamps[0].has_time, stamps[0].kind) == (when, has_time, kind)


def test_first_and_update_on_one_line_keep_their_own_labels() -> None:
    stamps = find_stamps("입력 2020.05.01 (08:00) 수정 2020.05.01 (09:30) 정치")
    assert [(s.kind, s.when.hour) for s in stamps] == [("first", 8), ("modified", 9)]


def test_midnight_means_the_day_only() -> None:
    """Archives print 00:00 for items filed by day."""
    (stamp,) = find_stamps("입력 2001-09-12 00:00")
    assert stamp.when == kst(2001, 9, 12) and not stamp.has_time


@pytest.mark.parametrize("line", ["10.05 (토)", "2024.13.40", "1899.01.02", "20231027000087", "오후 3시"])
def test_not_a_full_date(line: str) -> None:
    assert find_stamps(line) == []


def test_leading_label_before_the_lede() -> None:
    st = leading_stamp(" date 2023-04-01 “첫 문장이다.”")
    assert st is not None and st.when == kst(2023, 4, 1) and not st.has_time
    assert " date 2023-04-01 “첫 문장이다.”"[st.end :] == "“첫 문장이다.”"
    assert leading_stamp("2023년 4월 1일 서울 광화문에서 집회가 열렸다.") is None  # unlabelled: prose


@pytest.mark.parametrize(
    ("value", "when", "has_time"),
    [
        ("2024-01-05T15:21:00+09:00", kst(2024, 1, 5, 15, 21), True),
        ("2024-01-05T06:21:00Z", kst(2024, 1, 5, 15, 21), True),
        ("2024-01-05 15:21", kst(2024, 1, 5, 15, 21), True),  # naive: Korea time
        ("2024-01-05", kst(2024, 1, 5), False),
        ("2024.01.05 오후 3:21", kst(2024, 1, 5, 15, 21), True),
    ],
)
def test_structured_dates(value: str, when: datetime, has_time: bool) -> None:
    assert parse_published(value) == (when, has_time)


def test_structured_date_nonsense() -> None:
    assert parse_published("") is None
    assert parse_published("어제 오후") is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example.co.kr/news/politics/2011/07/04/20110704001234", kst(2011, 7, 4)),
        ("https://sports.example.com/baseball/2019-05-21/201905220100123", kst(2019, 5, 21)),
        ("http://www.example.com/content/2016-02/08/12_3456.html", kst(2016, 2, 8)),
        ("https://example.com/news/view/20200115000123", kst(2020, 1, 15)),
        ("https://example.com/article/199911230011", kst(1999, 11, 23)),
    ],
)
def test_dates_in_article_urls(url: str, day: datetime) -> None:
    assert date_from_url(url) == day


@pytest.mark.parametrize(
    "url", ["https://example.com/view.do?ncd=3398583", "https://example.com/a/N1005345041", "not a url"]
)
def test_urls_without_dates(url: str) -> None:
    assert date_from_url(url) is None


@pytest.mark.parametrize(
    "line", ["실시간 검색어 2022.08.01 00:00 기준", "코스피 2024.01.05 15:30 현재 2,578.08"]
)
def test_a_widgets_as_of_time_is_not_a_publication_time(line: str) -> None:
    (stamp,) = find_stamps(line)
    assert stamp.kind == "asof"


def test_an_issue_date_with_its_weekday_prefixes_a_page() -> None:
    text = "2024년 8월 30일 (금요일) A4 정치 여야가 예산안에 합의했다."
    st = leading_stamp(text)
    assert st is not None and st.when == kst(2024, 8, 30) and st.kind == "plain"
    assert text[st.end :] == "A4 정치 여야가 예산안에 합의했다."
    assert leading_stamp("2024년 8월 30일 금요일 아침 여야가 합의했다.") is not None
    assert leading_stamp("2024년 8월 30일 여야가 합의했다.") is None  # no weekday, no label: prose


# --- dates on whole pages ---------------------------------------------------------------


def page(text: str) -> CleanArticle:
    return clean(RawDocument(source="test.txt", text=text))


def test_ranking_widget_time_above_the_headline_is_not_the_articles() -> None:
    c = page(
        "실시간 키워드\n2022.08.01 00:00 기준\n"
        '새 시즌 앞둔 한빛FC 감독 "목표는 우승"\n'
        "한빛스포츠 2024-06-05 17:54:57\n"
        '한빛FC 감독은 5일 기자회견에서 "목표는 우승"이라고 말했다.\n'
    )
    assert c.published == kst(2024, 6, 5, 17, 54) and c.published_has_time
    assert c.title == '새 시즌 앞둔 한빛FC 감독 "목표는 우승"'


def test_a_line_of_date_and_byline_under_the_headline_is_metadata_not_a_photo_credit() -> None:
    c = page(
        "도 대변인, 도정질의 모욕적\n의원들의 공식 사과 요구를 거절\n2022-12-01 홍길동 기자\n"
        "[한빛뉴스 홍길동 기자] 도 대변인은 1일 기자간담회를 열었다.\n"
    )
    assert c.published == kst(2022, 12, 1) and c.byline == "홍길동 기자"
    assert c.title == "도 대변인, 도정질의 모욕적"


def test_a_photo_in_a_dated_folder_dates_a_page_that_prints_no_date() -> None:
    photo = "![](https://img.hanbit.example/photo/2018/12/24/AKR2018122410630_01.jpg)"
    c = page(f"(보은=한빛뉴스) 홍길동 기자 = 군의회가 예산을 삭감했다.\n\n{photo}\n\n군은 반발했다.\n")
    assert c.published == kst(2018, 12, 24) and not c.published_has_time
    assert c.body == "군의회가 예산을 삭감했다.\n\n군은 반발했다."
    printed = page(f"입력 2019-01-02 10:00\n\n군의회가 예산을 삭감했다.\n\n{photo}\n")
    assert printed.published == kst(2019, 1, 2, 10, 0)


def test_an_unlabelled_list_of_dated_headlines_ends_the_article_and_dates_nothing() -> None:
    c = page(
        '주민들은 "불안하다"며 대책을 요구했다.\n\n-\n\n'
        '[단독] 전 장관 "수사에 응하겠다"\n\n온라인 기사 ( 2024.12.06 09:13 )\n\n-\n\n'
        "그날 밤 무슨 일이…처벌 범위 살펴보니\n\n온라인 기사 ( 2024.12.06 15:32 )\n"
    )
    assert c.body == '주민들은 "불안하다"며 대책을 요구했다.'
    assert c.published is None


def test_the_pages_own_date_line_above_the_headline_loses_to_the_articles() -> None:
    c = page(
        "2025년 12월 24일 (수)\n한빛일보\n"
        "경찰, 보이스피싱 총책 검거\n홍길동 기자 | 2023.05.04 10:12\n"
        "경찰이 보이스피싱 조직 총책을 검거했다고 4일 밝혔다.\n"
    )
    assert c.published == kst(2023, 5, 4, 10, 12)


def test_a_date_above_the_headline_when_the_page_has_no_other() -> None:
    c = page(
        '사회\n2024.03.05 09:00\n교육청 "학교 폭력 예방 예산 두 배로"\n교육청은 5일 예산을 늘린다고 밝혔다.\n'
    )
    assert c.published == kst(2024, 3, 5, 9, 0)
