"""Organisations by their full name (issue family 3).

A short form (합참, 공정위) or a parenthesised alias (중앙선거관리위원회(선관위)) goes to the full
name the article gives; headline abbreviations (靑, 北, 美) read as the body names them.
Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

pytestmark = pytest.mark.slow


def test_a_clipped_short_form_goes_to_the_full_name_given_earlier() -> None:
    body = (
        '합동참모본부는 "북한군의 특이 동향은 없다"고 밝혔다. '
        '합참은 이어 "경계 태세를 강화했다"고 덧붙였다. '
        '공정거래위원회는 "담합 여부를 조사 중"이라고 말했다. 공정위는 "결과는 다음 달 발표한다"고 했다.'
    )
    got = by_text(quotes_of(body))
    assert got["경계 태세를 강화했다"].speaker == "합동참모본부"
    assert got["결과는 다음 달 발표한다"].speaker == "공정거래위원회"


def test_an_alias_in_parentheses_is_no_part_of_the_name_and_points_back() -> None:
    body = (
        '중앙선거관리위원회(선관위)는 "개표 절차에 문제가 없다"고 밝혔다. '
        '선관위는 "의혹에는 근거가 없다"고 강조했다.'
    )
    assert {q.speaker for q in quotes_of(body)} == {"중앙선거관리위원회"}


@pytest.mark.parametrize(
    "full, short", [("전국학부모연대", "학부모연대"), ("기후정의네트워크", "기후네트워크")]
)
def test_a_civic_group_named_by_its_ending_speaks_and_its_alias_points_back(full: str, short: str) -> None:
    body = (
        f'{full}({short})는 7일 성명을 내고 "시범사업을 멈춰라"라고 밝혔다. 정부는 "예정대로 간다"고 말했다. '
        f'{short}는 "현장의 목소리를 들어야 한다"고 거듭 강조했다.'
    )
    got = by_text(quotes_of(body))
    assert got["시범사업을 멈춰라"].speaker == full
    assert got["현장의 목소리를 들어야 한다"].speaker == full


def test_an_alias_declared_in_a_sentence_that_quotes_no_one_still_points_back() -> None:
    body = (
        "국민권익위원회(권익위)에 따르면 민원은 지난해보다 30% 늘었다. "
        '권익위는 "제도 개선을 권고하겠다"고 밝혔다.'
    )
    assert one(quotes_of(body), "제도 개선을").speaker == "국민권익위원회"


def test_a_two_syllable_short_form_in_a_headline_is_the_association_named_in_the_body() -> None:
    quotes = quotes_of(
        '대한약사협회는 "원격 조제는 안전을 담보할 수 없다"고 반발했다.',
        title='약협 "원격 조제 절대 불가"',
    )
    (head,) = [q for q in quotes if q.kind == "headline"]
    assert head.speaker == "대한약사협회"


def test_a_short_form_never_given_in_full_stays_as_printed() -> None:
    q = one(quotes_of('권익위는 "신고자 보호를 강화하겠다"고 밝혔다.'), "신고자")
    assert q.speaker == "권익위"


@pytest.mark.parametrize(
    ("headline", "speaker"), [('靑 "개헌 논의 없다"', "청와대"), ('北 "훈련 중단하라"', "북한")]
)
def test_single_character_headline_forms_read_as_the_body_names_them(headline: str, speaker: str) -> None:
    (q,) = [q for q in quotes_of("기사 본문이다.", title=headline) if q.kind == "headline"]
    assert q.speaker == speaker


def test_the_bench_and_the_prosecution_are_the_bodies_the_article_named() -> None:
    body = (
        '대구지법 형사합의11부(재판장 나도현)는 "죄질이 무겁다"며 징역 5년을 선고했다. '
        '재판부는 "피해 회복이 되지 않았다"고 밝혔다. '
        '창원지검 특수부는 "윗선을 수사하겠다"고 밝혔다. 검찰은 "증거는 충분하다"고 말했다.'
    )
    got = by_text(quotes_of(body))
    assert got["피해 회복이 되지 않았다"].speaker == "대구지법 형사합의11부"
    assert got["증거는 충분하다"].speaker == "창원지검 특수부"


def test_a_football_club_of_two_words_is_the_role_of_the_name_before_it() -> None:
    q = one(quotes_of('루카스 하인 레스터 유나이티드 감독은 "그는 팔지 않는다"고 말했다.'), "팔지")
    assert (q.speaker, q.speaker_role) == ("루카스 하인", "레스터 유나이티드 감독")


def test_a_withheld_name_with_a_description_and_age() -> None:
    q = one(quotes_of('"하루 만에 잃었다"고 피해자 D씨(58)는 말했다.'), "하루 만에")
    assert (q.speaker, q.speaker_role) == ("D씨", "피해자")


def test_an_institution_named_in_full_without_a_quote_is_remembered_for_its_short_form() -> None:
    body = '공정거래위원회가 배달앱에 과징금을 부과했다. 공정위는 "최혜대우 요구는 위법"이라고 밝혔다.'
    assert one(quotes_of(body), "최혜대우").speaker == "공정거래위원회"


def test_a_generic_body_named_in_full_later_takes_the_full_name() -> None:
    body = '경찰이 수사에 나섰다. 하남경찰서는 "유족의 신고를 받았다"고 밝혔다. 경찰은 "감정을 의뢰했다"고 말했다.'
    got = by_text(quotes_of(body))
    assert got["유족의 신고를 받았다"].speaker == "하남경찰서"


@pytest.mark.parametrize(("full", "short"), [("한국해양연구원", "해양연"), ("부산환경운동연합", "환경연합")])
def test_a_clipped_name_that_drops_a_leading_place_goes_to_the_full_name(full: str, short: str) -> None:
    body = f'{full}이 조사를 마쳤다. {short}은 "오염이 심각하다"고 밝혔다.'
    assert one(quotes_of(body), "오염이").speaker == full


def test_a_regulator_named_after_broadcasting_is_no_medium_and_its_short_form_points_back() -> None:
    body = (
        "방송통신심의위원회가 해당 방송을 심의하기로 했다. "
        '방심위는 "공정성 조항 위반 여부를 보겠다"고 밝혔다.'
    )
    assert one(quotes_of(body), "공정성").speaker == "방송통신심의위원회"


def test_the_bench_is_the_court_named_in_full_not_one_described() -> None:
    body = (
        "(부산=한빛통신) 기자 = 노인들을 속인 업자에게 항소심 법원도 실형을 선고했다.\n"
        "부산고법 형사1부(노현석 부장판사)는 9일 사기 혐의로 기소된 업자 강모(50)씨의 항소를 기각하고 "
        "원심과 같은 징역 3년을 선고했다.\n"
        '재판부는 "죄질이 무겁다"고 밝혔다.'
    )
    assert one(quotes_of(body), "죄질이").speaker == "부산고법 형사1부"


def test_an_official_of_a_government_section_keeps_the_office_and_section() -> None:
    body = '이에 대해 강원도 산림정책과 관계자는 "허가 절차에 문제가 없다"고 반박했다.'
    assert one(quotes_of(body), "허가 절차").speaker == "강원도 산림정책과 관계자"


@pytest.mark.parametrize(("word", "full"), [("도", "경남도"), ("시", "울산시")])
def test_a_headline_city_or_province_is_the_one_the_body_names(word: str, full: str) -> None:
    body = f'{full} 예산담당관실 관계자는 "예산이 없다"고 말했다. 시민단체는 "예산을 세우라"고 요구했다.'
    quotes = quotes_of(body, title=f'{word} "재정 여력 없다"')
    (head,) = [q for q in quotes if q.kind == "headline"]
    assert head.speaker == full


def test_an_agency_named_after_its_artist_and_role_speaks_as_the_agency_and_its_role_word_points_back() -> (
    None
):
    body = (
        '가수 하람 소속사 별빛엔터테인먼트는 "표절 주장은 사실이 아니다"고 밝혔다. '
        '소속사는 "법적 대응을 검토한다"고 덧붙였다.'
    )
    got = by_text(quotes_of(body))
    assert (got["표절 주장은 사실이 아니다"].speaker, got["표절 주장은 사실이 아니다"].speaker_role) == (
        "별빛엔터테인먼트",
        "가수 하람 소속사",
    )
    assert got["법적 대응을 검토한다"].speaker == "별빛엔터테인먼트"
