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


def test_a_short_form_never_given_in_full_stays_as_printed() -> None:
    q = one(quotes_of('권익위는 "신고자 보호를 강화하겠다"고 밝혔다.'), "신고자")
    assert q.speaker == "권익위"


@pytest.mark.parametrize(
    ("headline", "speaker"), [('靑 "개헌 논의 없다"', "청와대"), ('北 "훈련 중단하라"', "북한")]
)
def test_single_character_headline_forms_read_as_the_body_names_them(headline: str, speaker: str) -> None:
    (q,) = [q for q in quotes_of("기사 본문이다.", title=headline) if q.kind == "headline"]
    assert q.speaker == speaker
