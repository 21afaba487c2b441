"""Reported speech without quotation marks: what counts, where its text starts and ends."""

from __future__ import annotations

import pytest
from extraction import one, quotes_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("김영수 산업부 장관은 수출이 다음 달부터 회복될 것이라고 밝혔다.", "수출이 다음 달부터 회복될 것"),
        ("박지현 대표는 이번 인수로 매출이 두 배로 늘었다고 설명했다.", "이번 인수로 매출이 두 배로 늘었다"),
        ("야당은 정부가 왜 이 사실을 숨겼냐고 따졌다.", "정부가 왜 이 사실을 숨겼냐"),
        ("노조는 사측에 임금 협상을 다시 시작하자고 제안했다.", "사측에 임금 협상을 다시 시작하자"),
        ("한지민 의원은 이번 조치가 명백한 보복이라고 주장했다.", "이번 조치가 명백한 보복"),
    ],
)
def test_a_clause_ending_in_a_quotative_and_a_speech_verb_is_reported_speech(
    sentence: str, text: str
) -> None:
    (q,) = quotes_of(sentence)
    assert q.kind == "indirect"
    assert q.text == text


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("이수진 위원장은 협상이 사실상 결렬됐다며 자리를 떴다.", "협상이 사실상 결렬됐다"),
        ("최민호 감독은 선수들이 끝까지 잘 싸워줬다면서 고개를 숙였다.", "선수들이 끝까지 잘 싸워줬다"),
        ("정부 관계자는 이번 발표가 최종안이 아니라며 말을 아꼈다.", "이번 발표가 최종안이 아니"),
    ],
)
def test_the_contracted_quotatives_report_speech_without_a_verb(sentence: str, text: str) -> None:
    (q,) = quotes_of(sentence)
    assert q.kind == "indirect"
    assert q.text == text


@pytest.mark.parametrize(
    "sentence",
    [
        "회사는 당분간 신규 채용을 하지 않겠다는 입장을 밝혔다.",
        "두 사람은 내년 봄 결혼할 것으로 알려졌다.",
        "업계에 따르면 신제품은 다음 달 출시된다.",
        "평화를 바라며 시민들이 촛불을 들었다.",
        "비가 온다고 해서 행사가 취소되지는 않는다.",
        "그가 무엇을 원하느냐는 질문이 이어졌다.",
    ],
)
def test_adnominal_reports_hearsay_and_lookalike_endings_are_not_reported_speech(sentence: str) -> None:
    assert quotes_of(sentence) == []


def test_the_speaker_topic_is_left_out_but_a_subject_of_the_reported_clause_stays() -> None:
    q = one(quotes_of("오세진 시장은 지하철 9호선이 내년 말 개통된다고 말했다."), "9호선")
    assert q.text == "지하철 9호선이 내년 말 개통된다"
    assert q.speaker == "오세진"


def test_a_reported_clause_after_a_direct_quote_starts_after_that_quote() -> None:
    body = '이어 그는 "지금은 버틸 때"라면서 하반기에는 경기가 살아날 것이라고 말했다.'
    quotes = quotes_of("홍성민 경제부총리는 14일 기자간담회를 열었다. " + body)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["하반기에는 경기가 살아날 것"]
    assert indirect[0].speaker == "홍성민"


def test_the_speakers_own_action_before_the_report_is_not_part_of_it() -> None:
    body = "윤재석 회장은 이날 신년 간담회를 열며 올해 투자를 30% 늘리겠다고 밝혔다."
    q = one(quotes_of(body), "투자")
    assert q.text == "올해 투자를 30% 늘리겠다"


def test_a_report_placed_before_its_speaker_names_the_speaker_after_it() -> None:
    body = "정부는 이번 주 안에 대책을 내놓을 예정이라고 국무조정실 관계자가 전했다."
    q = one(quotes_of(body), "대책")
    assert q.speaker == "국무조정실 관계자"
    assert q.text.startswith("정부는 이번 주 안에")


def test_the_scene_of_the_statement_is_not_part_of_what_was_said() -> None:
    body = "박찬대 원내대표는 기자들과 만나 특수활동비 삭감은 물러설 수 없는 원칙이라고 말했다."
    assert one(quotes_of(body), "특수활동비").text == "특수활동비 삭감은 물러설 수 없는 원칙"


def test_an_imperative_keeps_its_ending() -> None:
    body = "환자단체는 정부와 의료계에 하루빨리 갈등을 끝내달라고 호소했다."
    assert one(quotes_of(body), "갈등을").text == "정부와 의료계에 하루빨리 갈등을 끝내달라"
