"""Stance and reversals: what counts as a denial, and which pairs of statements are real changes.

Precision first: every pair flagged here must be a change a reader would agree
with, and the near misses (same stance reworded, different topic, double
negation, conditions, questions, same day) must not be flagged.
"""

from __future__ import annotations

from datetime import date

import pytest

from quotetrack.analysis.changes import Statement, find_changes
from quotetrack.analysis.stance import read_stance


@pytest.mark.parametrize(
    "text",
    [
        "2분기 전기요금 인상은 검토하지 않고 있다",
        "러시아에 무기를 제공한 사실이 없다",
        "일부 언론이 보도한 인상설은 사실무근",
        "그런 합의는 없었다",
        "사실이 아니다",
        "합의 위반 안 해",
        "어떤 협의에도 서명하지 않았으며 그럴 계획도 없다",
        "회담은 성사되지 못했다",
    ],
)
def test_negations_and_denials_are_negative(text: str) -> None:
    assert read_stance(text).stance == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "2분기 전기요금 인상을 검토하고 있다",
        "러시아에 무기를 제공한 것은 사실이다",
        "협력할 수밖에 없다",  # obligation, not negation
        "인상하지 않을 수 없다",  # double negation
        "끊임없이 대화를 추진하겠다",  # an adverb made with 없이
        "의심의 여지가 없다",  # certainty
        "북한뿐만 아니라 중국도 참여한다",  # not only … but also
        "합의하지 않으면 제재할 것",  # the negation belongs to a condition
        "우리의 입장은 변함이 없다",  # the position still holds
    ],
)
def test_affirmations_and_look_alikes_are_affirmative(text: str) -> None:
    assert read_stance(text).stance == "affirmative"


def test_a_reporting_verb_of_denial_makes_the_statement_negative() -> None:
    assert read_stance("북한에 포탄을 넘겼다는 보도", "부인했다").stance == "negative"
    assert read_stance("북한에 포탄을 넘겼다는 보도", "일축했다").stance == "negative"
    assert read_stance("북한에 포탄을 넘겼다는 보도", "밝혔다").stance == "affirmative"


@pytest.mark.parametrize(
    "text",
    [
        "위반하는 게 아니냐",
        "인상을 검토하지 않았습니까?",
        "특별한 상황이 있는 것은 사실이지만 위반하지 않았다",
    ],
)
def test_questions_and_mixed_statements_have_no_stance(text: str) -> None:
    assert read_stance(text).stance is None


def s(day: int, text: str, verb: str | None = None, month: int = 3) -> Statement[str]:
    return Statement(date(2024, month, day), text, verb, text)


def flagged(*statements: Statement[str]) -> list[tuple[str, str, str]]:
    return [(c.before.ref, c.after.ref, c.direction) for c in find_changes(list(statements))]


def test_a_denial_then_a_confirmation_is_one_change() -> None:
    assert flagged(
        s(4, "2분기 전기요금 인상은 검토하지 않고 있다"),
        s(20, "2분기 전기요금 인상을 검토하고 있다"),
    ) == [("2분기 전기요금 인상은 검토하지 않고 있다", "2분기 전기요금 인상을 검토하고 있다", "affirmed")]


def test_an_affirmation_then_a_denial_is_one_change() -> None:
    assert flagged(
        s(1, "러시아에 무기를 제공한 것은 사실이다"),
        s(9, "러시아에 무기를 제공한 사실이 없다"),
    ) == [("러시아에 무기를 제공한 것은 사실이다", "러시아에 무기를 제공한 사실이 없다", "denied")]


def test_a_denial_by_reporting_verb_then_a_confirmation_is_a_change() -> None:
    assert flagged(
        s(1, "북한에 포탄을 넘겼다는 보도", "부인했다"),
        s(15, "북한에 포탄을 넘겼다", "확인했다"),
    ) == [("북한에 포탄을 넘겼다는 보도", "북한에 포탄을 넘겼다", "affirmed")]


def test_the_change_is_flagged_once_where_it_happened() -> None:
    changes = flagged(
        s(4, "2분기 전기요금 인상은 검토하지 않고 있다"),
        s(11, "전기요금 인상은 검토하지 않고 있다"),
        s(20, "2분기 전기요금 인상을 검토하고 있다"),
        s(25, "2분기 전기요금 인상을 적극 검토하고 있다"),
    )
    assert changes == [
        ("전기요금 인상은 검토하지 않고 있다", "2분기 전기요금 인상을 검토하고 있다", "affirmed")
    ]


@pytest.mark.parametrize(
    "statements",
    [
        # the same denial repeated, reworded
        [s(4, "2분기 전기요금 인상은 검토하지 않고 있다"), s(11, "전기요금 인상 계획은 없다")],
        # opposite stances about different things
        [s(4, "러시아에 무기를 제공하지 않았다"), s(9, "러시아와 식량 지원을 논의했다")],
        [s(4, "일부 언론이 보도한 인상설은 사실무근"), s(20, "2분기 전기요금 인상을 검토하고 있다")],
        # the same day: one statement reported in parts, not a change over time
        [s(4, "전기요금 인상은 검토하지 않고 있다"), s(4, "전기요금 인상은 검토하고 있다")],
        # look-alikes of negation
        [s(4, "대화를 끊임없이 추진하겠다"), s(9, "대화를 추진하겠다")],
        [s(4, "합의하지 않으면 제재할 것"), s(9, "합의하면 제재할 것")],
        # a question or a mixed statement is never one side of a change
        [s(4, "전기요금 인상을 검토하지 않았습니까?"), s(9, "전기요금 인상을 검토하고 있다")],
        [s(4, "인상 요인이 있는 것은 사실이지만 인상은 검토하지 않았다"), s(9, "인상은 검토하고 있다")],
    ],
)
def test_no_change_is_flagged_where_there_is_none(statements: list[Statement[str]]) -> None:
    assert flagged(*statements) == []


def test_a_long_history_finds_the_same_change_through_shared_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past EXACT_UP_TO statements, only those sharing wording are compared: the change is still found."""
    from quotetrack.analysis import changes

    monkeypatch.setattr(changes, "EXACT_UP_TO", 0)
    filler = [
        s(1 + i % 25, f"{i}번째 현장 방문에서 지역 주민 {i}명을 만나 의견을 들었다", month=2)
        for i in range(200)
    ]
    history = [
        *filler,
        s(4, "2분기 전기요금 인상은 검토하지 않고 있다"),
        s(11, "전기요금 인상은 검토하지 않고 있다"),
        s(20, "2분기 전기요금 인상을 검토하고 있다"),
    ]
    assert flagged(*history) == [
        ("전기요금 인상은 검토하지 않고 있다", "2분기 전기요금 인상을 검토하고 있다", "affirmed")
    ]
