"""Which stated day dates which quote: the clause's own day, the speaker's, the story's, or none.

The sentences are written for these tests, in the style of Korean news; each test names the
convention it relies on.
"""

from __future__ import annotations

from datetime import date

import pytest
from extraction import one, quotes_of

pytestmark = pytest.mark.slow

MARCH_15 = date(2024, 3, 15)


def test_a_day_after_reported_speech_is_the_day_it_was_reported() -> None:
    body = "서울경찰청은 보이스피싱 조직원 12명을 검거해 이 가운데 5명을 구속했다고 12일 밝혔다."
    assert one(quotes_of(body, published=MARCH_15), "보이스피싱").said_on == date(2024, 3, 12)


def test_of_two_days_before_the_quote_the_one_after_a_sequence_clause_is_the_statements() -> None:
    body = '노동당은 9일 협상 복귀를 선언한 데 이어 10일 "성의 있는 답을 기다리겠다"고 밝혔다.'
    assert one(quotes_of(body, published=date(2024, 5, 11)), "성의 있는").said_on == date(2024, 5, 10)


def test_a_day_ahead_never_dates_words() -> None:
    body = '박정호 노조위원장은 오는 20일 총파업에 들어가겠다며 "끝까지 물러서지 않겠다"고 말했다.'
    assert one(quotes_of(body, published=MARCH_15), "물러서지").said_on is None


def test_the_first_day_of_a_span_never_dates_words() -> None:
    body = '노조는 18일부터 부분파업에 들어간다. 박정호 노조위원장은 "교섭에는 응하겠다"고 말했다.'
    assert one(quotes_of(body, published=MARCH_15), "교섭에는").said_on is None


def test_a_relayed_report_dates_the_words_it_relays() -> None:
    body = '페트로프 대변인은 "추가 협상 계획은 없다"고 말했다고 타스통신이 7일 보도했다.'
    assert one(quotes_of(body, published=date(2024, 3, 8)), "추가 협상").said_on == date(2024, 3, 7)


def test_words_from_a_recent_interview_are_not_dated_by_the_report() -> None:
    body = (
        '김성호 사장은 최근 미국 언론과의 인터뷰에서 "출시를 서둘렀다"고 말했다고 '
        "블룸버그통신이 1일 보도했다. "
        '김 사장은 "시간을 더 달라"고도 했다.'
    )
    quotes = quotes_of(body, published=date(2024, 7, 2))
    assert one(quotes, "출시를").said_on is None
    assert one(quotes, "시간을").said_on is None  # the same interview goes on


@pytest.mark.parametrize("when", ["지난해 한 강연에서", "당시", "지난주 라디오에서", "이틀 전 기자들에게"])
def test_words_placed_at_another_unstated_time_stay_undated(when: str) -> None:
    body = (
        "국회는 14일 본회의를 열고 개정안을 통과시켰다. "
        f'법안을 낸 최민수 의원은 {when} "반드시 통과시키겠다"고 말했다.'
    )
    assert one(quotes_of(body, published=MARCH_15), "반드시").said_on is None


def test_this_day_before_any_named_day_is_the_publication_day() -> None:
    body = '정태식 사장은 이날 오전 노조 사무실을 찾아 "파업 방침을 거둬 달라"고 요청했다.'
    assert one(quotes_of(body, published=MARCH_15), "파업 방침").said_on == MARCH_15


def test_the_day_before_with_no_day_named_is_the_eve_of_publication() -> None:
    body = '한동수 교육감은 전날 기자회견을 열고 "급식 중단은 없다"고 말했다.'
    assert one(quotes_of(body, published=MARCH_15), "급식").said_on == date(2024, 3, 14)


def test_the_storys_day_carries_to_other_speakers_of_the_same_event() -> None:
    body = (
        '검찰은 13일 오후 정씨를 구속기소했다. 검찰은 "혐의가 무겁다"고 밝혔다. '
        '검찰은 "추가 수사도 하겠다"고 덧붙였다. '
        '서울중앙지검 관계자는 "공범 수사는 아직 시작 단계"라고 말했다.'
    )
    quotes = quotes_of(body, published=MARCH_15)
    assert one(quotes, "공범 수사").said_on == date(2024, 3, 13)


@pytest.mark.parametrize("recalled", ["앞서 야당은 지난 12일", "앞서 야당은 12일", "야당은 지난 12일"])
def test_a_day_recalled_from_before_does_not_move_the_storys_day(recalled: str) -> None:
    body = (
        '이상철 장관은 15일 국회에서 "대화의 문은 열려 있다"고 말했다. '
        f'{recalled} "장관이 답을 피한다"고 비판했다. '
        '외교부 관계자는 "후속 협의가 이어질 것"이라고 말했다.'
    )
    quotes = quotes_of(body, published=date(2024, 3, 16))
    assert one(quotes, "답을 피한다").said_on == date(2024, 3, 12)
    assert one(quotes, "후속 협의").said_on == date(2024, 3, 15)


def test_the_leads_day_follows_a_photo_stamp_of_a_later_day() -> None:
    body = (
        "국회에서 답변하는 이상철 장관. 2024.03.15 photo@example.kr\n"
        '이상철 장관은 13일 국회에서 "대화의 문은 열려 있다"고 말했다. '
        '외교부 관계자는 "후속 협의가 이어질 것"이라고 말했다.'
    )
    quotes = quotes_of(body, published=date(2024, 3, 15))
    assert one(quotes, "후속 협의").said_on == date(2024, 3, 13)


@pytest.mark.parametrize("turn", ["한편", "이에 대해"])
def test_another_partys_answer_or_another_matter_is_not_given_the_storys_day(turn: str) -> None:
    body = (
        '이상철 장관은 15일 국회에서 "대화의 문은 열려 있다"고 말했다. '
        '그는 "조건은 없다"고 덧붙였다. '
        f'{turn} 야당은 "말뿐인 대화"라고 주장했다.'
    )
    quotes = quotes_of(body, published=date(2024, 3, 16))
    assert one(quotes, "조건은").said_on == date(2024, 3, 15)
    assert one(quotes, "말뿐인").said_on is None


def test_an_answer_in_the_same_sentence_shares_the_exchanges_day() -> None:
    body = (
        '윤성진 대통령은 12일 업무보고에서 "검색이 가능하냐"고 물었다. '
        '이에 오정훈 사장이 "세관과 함께 한다"고 답하자 윤 대통령은 "묻는 것에 답하라"고 말했다.'
    )
    quotes = quotes_of(body, published=date(2024, 12, 13))
    assert one(quotes, "세관과").said_on == date(2024, 12, 12)


def test_a_page_that_names_no_day_dates_nothing() -> None:
    body = '경기 후 기자회견에 나선 조성민 감독은 "팬들께 승리를 드리지 못해 아쉽다"고 말했다.'
    quotes = quotes_of(body, title='조성민 감독 "승리 못 드려 아쉽다"', published=MARCH_15)
    assert one(quotes, "팬들께").said_on is None
    assert one(quotes, "승리 못").said_on is None  # the headline quote too


def test_a_date_in_a_link_is_not_a_day_the_text_states() -> None:
    body = '![사진](https://img.example.kr/2024/03/11/photo.jpg)\n최수진 대변인은 "유감을 표한다"고 말했다.'
    assert one(quotes_of(body, published=MARCH_15), "유감을").said_on is None


def test_the_next_day_counts_from_the_day_named_before() -> None:
    body = '한미 양국은 12일 서울에서 협상을 시작했다. 다음 날 김영수 대표는 "큰 틀에서 합의했다"고 말했다.'
    assert one(quotes_of(body, published=MARCH_15), "큰 틀에서").said_on == date(2024, 3, 13)
