"""Datelines, bylines and outlet names, one test per printed form (quotetrack.ingest.metadata)."""

from __future__ import annotations

import pytest

from quotetrack.ingest.metadata import (
    byline_in,
    copyright_outlet,
    edition_outlet,
    email_outlet,
    glued_dateline_start,
    masthead_outlet,
    metadata_line,
    parse_dateline,
    tip_line_outlet,
)
from quotetrack.ingest.outlets import canonical_outlet, outlet_for_host


@pytest.mark.parametrize(
    ("text", "place", "outlet", "byline", "rest"),
    [
        (
            "[베를린=한빛뉴스] 박지훈 특파원= 독일 정부는",
            "베를린",
            "한빛뉴스",
            "박지훈 특파원",
            "독일 정부는",
        ),
        ("(광주=연합뉴스) 최수민 기자 = 광주시는", "광주", "연합뉴스", "최수민 기자", "광주시는"),
        ('(서울=연합뉴스) "우리는 준비됐다."', "서울", "연합뉴스", None, '"우리는 준비됐다."'),
        ("[서울=한빛뉴스]이민호 기자 = 정부가", "서울", "한빛뉴스", "이민호 기자", "정부가"),
        ("[스타데일리|한소라 기자] 배우 A씨가", None, "스타데일리", "한소라 기자", "배우 A씨가"),
        ("[미래경제 오세진 기자] 금리가", None, "미래경제", "오세진 기자", "금리가"),
        ("[미래경제=오세진 기자] 금리가", None, "미래경제", "오세진 기자", "금리가"),
        ("[도쿄=오세진 특파원] 일본은", "도쿄", None, "오세진 특파원", "일본은"),
        ("(파리 AFP=연합뉴스) 프랑스는", "파리", "연합뉴스", None, "프랑스는"),
        ("[로마=AP/뉴시스] 교황이", "로마", "뉴시스", None, "교황이"),
        ("【런던 로이터=본사특약】영국 정부는", "런던", None, None, "영국 정부는"),
        ("[한빛뉴스] 정부는 오늘", None, "한빛뉴스", None, "정부는 오늘"),
        ("베이징, 3월2일 (로이터) - 중국은", "베이징", "로이터", None, "중국은"),
    ],
)
def test_dateline_forms(
    text: str, place: str | None, outlet: str | None, byline: str | None, rest: str
) -> None:
    d = parse_dateline(text)
    assert d is not None, text
    assert (d.place, d.outlet, d.byline) == (place, outlet, byline)
    assert text[d.end :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "[단독] 정부, 새 정책 발표",
        "[앵커]",
        "[인터뷰:홍길동, 시민]",
        "[사진=한빛뉴스] |",
        "(4일 발사된) 미사일은",
        "(사진) 김 대표는",
        "[연예부 | ent@example.com]",
    ],
)
def test_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None


def test_caption_glued_before_the_dateline() -> None:
    text = "김 장관 [한빛뉴스 자료사진. 재판매 금지] (세종=한빛뉴스) 이민호 기자 = 정부는"
    start = glued_dateline_start(text)
    assert start is not None and text[start:].startswith("(세종=한빛뉴스)")
    assert glued_dateline_start("(세종=한빛뉴스) 이민호 기자 = 정부는") is None  # at the start: not glued


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("박지훈 기자 jihoon@example.com", "박지훈 기자"),
        ("뉴욕=오세진 특파원", "오세진 특파원"),
        ("글·사진 한소라 기자", "한소라 기자"),
        ("김철수·이영희 기자", "김철수·이영희 기자"),
        ("금융위원장 기자간담회", None),  # 기자간담회 is no byline
    ],
)
def test_bylines(text: str, byline: str | None) -> None:
    assert byline_in(text) == byline


@pytest.mark.parametrize(
    ("line", "outlet", "full"),
    [
        ("저작권자 © 한빛뉴스 무단전재 및 재배포 금지", "한빛뉴스", True),
        ("[Copyright ⓒ 한빛뉴스. All rights reserved. 무단 전재 및 재배포 금지.]", "한빛뉴스", True),
        ("Copyright ⓒ 미래경제 All rights reserved.", "미래경제", True),
        ("- Copyrightsⓒ 스타데일리, 무단 전재 및 재배포 금지", "스타데일리", True),
        ("[저작권자(c) HBN & HBN PLUS. 무단 전재-재배포 금지]", "HBN", True),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", "연합뉴스", True),
        ("<저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>", "뉴시스", True),
        (
            "<ⓒ경제를 보는 눈, 세계를 보는 창 아시아경제(www.asiae.co.kr) 무단전재 배포금지>",
            "아시아경제",
            True,
        ),
        ("Copyright by JTBC(https://jtbc.co.kr) All Rights Reserved.", "JTBC", True),
        (
            "KBS의 모든 콘텐츠(기사)는 저작권법의 보호를 받은바, 무단 전재, 복사, 배포 등을 금합니다.",
            "KBS",
            True,
        ),
        ("Copyright © 2007-2017", None, True),  # a year is no name
        ("ⓒ한빛뉴스", "한빛뉴스", False),  # a photo credit, weaker
    ],
)
def test_copyright_lines(line: str, outlet: str | None, full: bool) -> None:
    assert copyright_outlet(line) == (outlet, full)


def test_copyright_notice_glued_to_a_caption_is_not_a_notice() -> None:
    line = "기자회견 중인 김 대표. 2024.1.5/뉴스1 Copyright (C) 뉴스1. All rights reserved."
    assert copyright_outlet(line)[1] is False


def test_other_lines_that_name_the_outlet() -> None:
    assert edition_outlet("(한국경제신문 1996년 7월 13일자).") == "한국경제"
    assert tip_line_outlet("한빛TV 기사문의 및 제보 : 카톡/라인 hbtv") == "한빛TV"
    assert tip_line_outlet("시민 제보에 따르면") is None
    assert masthead_outlet("중앙일보") == "중앙일보"
    assert masthead_outlet("SBS 뉴스") == "SBS"
    assert masthead_outlet("최신뉴스") is None


def test_domains_name_known_outlets_only() -> None:
    assert email_outlet("박지훈 기자 jihoon@hani.co.kr") == "한겨레"
    assert email_outlet("reporter@gmail.com") is None
    assert outlet_for_host("sports.chosun.com") == "스포츠조선"  # the longest suffix wins
    assert outlet_for_host("www.chosun.com") == "조선일보"
    assert outlet_for_host("news.naver.com") is None  # portals carry everybody
    assert outlet_for_host("unknown.example.kr") is None


def test_printed_variants_become_the_outlets_own_name() -> None:
    assert canonical_outlet("한겨레신문사") == "한겨레"
    assert canonical_outlet("(주)한빛뉴스") == "한빛뉴스"  # unknown outlets stay as printed


@pytest.mark.parametrize(
    ("line", "n_stamps", "byline"),
    [
        ("홍길동 기자 / 입력 : 2020.02.02 10:10", 1, "홍길동 기자"),
        ("(부산=한빛뉴스) 박지훈 기자 | 2024-03-05 09:12 송고", 1, "박지훈 기자"),
        ("정유진 기자", 0, "정유진 기자"),
        ("입력 2016.12.22 (15:38) 수정 2016.12.22 (15:38) 국제", 2, None),
    ],
)
def test_metadata_lines(line: str, n_stamps: int, byline: str | None) -> None:
    meta = metadata_line(line)
    assert meta is not None
    assert (len(meta.stamps), meta.byline) == (n_stamps, byline)


@pytest.mark.parametrize(
    "line", ["2024년 3월 5일 국회 본회의에서 법안이 통과됐다.", "국방부 대변인 기자회견"]
)
def test_prose_is_no_metadata_line(line: str) -> None:
    assert metadata_line(line) is None
