"""Reading printed names and roles for identity: which names may match across articles, which roles fit."""

from __future__ import annotations

import pytest

from quotetrack.speakers.names import conflicts, korean_surname, read_mention, role_key, roles_compatible


@pytest.mark.parametrize(
    ("printed", "kind", "role", "form"),
    [
        ("블라디미르 푸틴", "person", "러시아 대통령", "full"),
        ("김병환", "person", "금융위원장", "full"),
        ("한강", "person", "소설가", "full"),
        ("Vladimir Putin", "person", None, "full"),
        ("푸틴", "person", "대통령", "single"),
        ("시진핑", "person", "주석", "single"),
        ("마크롱", "person", None, "single"),  # 마 is a surname, 크롱 is not a Korean given name
        ("Putin", "person", None, "single"),
        ("김 위원장", "person", "위원장", "surname"),
        ("최 감독", "person", "감독", "surname"),
        ("최감독", "person", None, "surname"),
        ("재판장", "person", "재판장", "title"),
        ("북한 외무성 대변인", "unknown", "북한 외무성 대변인", "title"),
        ("북 조선인민군 판문점 대표부 대변인", "unknown", "북한 조선인민군 판문점 대표부 대변인", "title"),
        ("정부 관계자", "anonymous", None, "anonymous"),
        ("외교부", "organisation", None, "organisation"),
        ("백악관", "unknown", None, "organisation"),
        ("한·미 정부", "organisation", None, "organisation"),
        ("정부", "organisation", None, "generic"),
        ("소속사들", "person", "연예인들", "generic"),
    ],
)
def test_what_a_printed_name_can_be_matched_on(printed: str, kind: str, role: str | None, form: str) -> None:
    assert read_mention(printed, kind, role).form == form  # type: ignore[arg-type]


def test_a_foreign_full_name_keeps_the_words_that_may_be_its_family_name() -> None:
    assert read_mention("블라디미르 푸틴", "person", None).family_words == ("푸틴", "블라디미르")
    assert read_mention("기시다 후미오", "person", None).family_words == ("후미오", "기시다")
    assert read_mention("김병환", "person", None).family_words == ()


def test_korean_full_names_and_foreign_words_are_told_apart() -> None:
    assert korean_surname("김병환") == "김"
    assert korean_surname("남궁민수") == "남궁"
    assert korean_surname("이진관") == "이"  # ends like an organisation (…관) but is a person
    assert korean_surname("트럼프") is None
    assert korean_surname("시진핑") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("러시아 대통령", "대통령"),
        ("금융위원장", "위원장"),
        ("금융위원장", "금융위원회 위원장"),
        ("일본 외상", "일 외무상"),
        ("미국 국방장관 대행", "국방장관"),
        ("전 대통령", "대통령"),
        ("크렘린궁 대변인", "크렘린 대변인"),
        ("삼성전자 아이엠(IM)부문장(사장)", "사장"),
        ("주한 일본대사관 정무참사관", "일본대사관 참사관"),
        ("러시아 대통령", None),
    ],
)
def test_roles_of_one_office_are_compatible(a: str, b: str | None) -> None:
    assert roles_compatible(a, b) and roles_compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("국방부 대변인", "국무총리"),
        ("국방부 대변인", "청와대 대변인"),
        ("부위원장", "위원장"),
        ("사장", "부사장"),
        ("대통령", "부통령"),
        ("코치", "감독"),
        ("국방부 공보담당관", "국방부 대변인"),
    ],
)
def test_different_offices_are_not(a: str, b: str) -> None:
    assert not roles_compatible(a, b) and not roles_compatible(b, a)


def test_a_career_only_conflicts_across_countries() -> None:
    assert conflicts({"국방부 대변인"}, {"국무총리"})  # two people called 김민석
    assert not conflicts({"러시아 총리"}, {"러시아 대통령"}, career=True)  # 블라디미르 푸틴's career
    assert not conflicts({"미국 국방부 대변인"}, {"백악관 국가안보회의 전략소통조정관"}, career=True)
    assert conflicts({"미국 국무장관"}, {"영국 외무장관"}, career=True)
    assert not conflicts(set(), {"대통령"}) and not conflicts({"대통령"}, set())


def test_role_keys_ignore_spelling_variants() -> None:
    assert role_key("일 외무상") == role_key("일본  외상")
    assert role_key("전 대통령") == role_key("대통령")
    assert role_key("러시아 대통령") != role_key("대통령")
