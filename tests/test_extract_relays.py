"""Relays and how each speaker was found.

Issue family 5: a news agency relaying a person (…라고 말했다고 타스통신이 전했다) leaves the person as
the speaker and records the medium beside it; a medium is the speaker only of its own report.
Every quote also says how its speaker was attributed.  Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

pytestmark = pytest.mark.slow


def test_a_direct_quote_relayed_by_an_agency_is_the_persons_and_names_the_agency() -> None:
    body = '모리 신타로 일본 경제산업상은 "수출 규제를 재검토하겠다"고 말했다고 교도통신이 전했다.'
    q = one(quotes_of(body), "수출 규제")
    assert (q.speaker, q.relayed_by, q.attribution) == ("모리 신타로", "교도통신", "relay")


def test_reported_speech_relayed_by_an_agency_keeps_the_topic_inside_what_was_said() -> None:
    body = "이반 소콜로프 러시아 외무부 대변인이 자국은 어떤 제재에도 굴하지 않을 것이라고 밝혔다고 타스통신이 보도했다."
    q = one(quotes_of(body), "굴하지")
    assert q.speaker == "이반 소콜로프"
    assert q.text.startswith("자국은")
    assert q.relayed_by == "타스통신"


def test_a_medium_is_the_speaker_of_its_own_report() -> None:
    body = '조선중앙통신은 "남측의 훈련은 명백한 도발"이라고 비난했다.'
    q = one(quotes_of(body), "명백한 도발")
    assert (q.speaker, q.relayed_by) == ("조선중앙통신", None)


def test_a_person_speaking_in_an_embedded_clause_is_not_the_media_reports_speaker() -> None:
    body = (
        '조선중앙통신은 한지호 통일부 장관이 "대화의 문은 열려 있다"고 말한 것과 관련해 '
        '"가소로운 망발"이라고 비난했다.'
    )
    got = by_text(quotes_of(body))
    assert got["대화의 문은 열려 있다"].speaker == "한지호"
    assert got["가소로운 망발"].speaker == "조선중앙통신"


def test_first_hand_words_have_no_relay() -> None:
    body = '도윤서 산업부 장관은 "전기요금 인상은 없다"고 말했다.'
    assert one(quotes_of(body), "전기요금").relayed_by is None


def test_each_quote_says_how_its_speaker_was_found() -> None:
    body = (
        '하정민 기획재정부 장관은 "추경은 없다"고 말했다. '
        '하 장관은 "재정 건전성이 우선"이라고 강조했다. '
        '그는 "세수 결손은 기금으로 메운다"고 설명했다. '
        '이어 "내년 예산은 긴축"이라고 덧붙였다.'
    )
    got = by_text(quotes_of(body, title='하정민 "추경 없다"'))
    assert got["추경은 없다"].attribution == "explicit"
    assert got["재정 건전성이 우선"].attribution == "resolved"
    assert got["세수 결손은 기금으로 메운다"].attribution == "pronoun"
    assert got["내년 예산은 긴축"].attribution == "carried"
    assert got["추경 없다"].attribution == "headline"


def test_soundbites_and_interview_answers_say_so() -> None:
    tagged = quotes_of("[구하람 / 소방관]\n\n불길이 순식간에 번졌습니다.")
    assert [q.attribution for q in tagged] == ["tag"]
    interview = quotes_of(
        "길도현 감독이 인터뷰에 응했다.\n\n-소감은.\n\n▲기쁘다.\n\n-다음 목표는.\n\n▲우승이다."
    )
    assert {q.attribution for q in interview} == {"interview"}
