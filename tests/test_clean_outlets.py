"""How a page states its outlet, one test per convention (credits.py, metadata.py, clean()).

Outlet names are invented (한빛뉴스, 미래트리뷴, …) so that each rule is shown to read the
page's structure, not the outlet table; a few real names show the table's part.
"""

from __future__ import annotations

import pytest

from quotetrack.ingest.clean import clean
from quotetrack.ingest.credits import (
    archive_outlet,
    copyright_outlet,
    credit_outlet,
    imprint_outlet,
    promo_outlet,
    shaped_masthead,
    spoken_signoff,
    title_suffix_outlet,
)
from quotetrack.ingest.metadata import metadata_line, parse_dateline
from quotetrack.ingest.outlets import canonical_outlet, outlet_like
from quotetrack.types import CleanArticle, RawDocument


def run(text: str) -> CleanArticle:
    return clean(RawDocument(source="test.txt", text=text))


@pytest.mark.parametrize(
    "name",
    [
        "미래트리뷴",
        "STN스포츠",
        "한빛타임즈",
        "한빛투데이",
        "한빛헤럴드",
        "한빛위클리",
        "한빛신문사",
        "한빛닷컴",
    ],
)
def test_names_shaped_like_outlets(name: str) -> None:
    assert outlet_like(name)


@pytest.mark.parametrize("name", ["스포츠", "경제", "뉴스", "트리뷴", "워싱턴", "주요뉴스"])
def test_section_words_and_places_are_not_outlets(name: str) -> None:
    assert not outlet_like(name)


# --- copyright notices and credits ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("이 기사의 저작권은 한빛일보에 있습니다. 무단 전재와 재배포를 금합니다.", "한빛일보"),
        ("본 기사의 저작권은 미래경제신문에 있으며, 무단 전재 및 재배포를 금합니다.", "미래경제신문"),
        ("<한빛뉴스 무단전재 및 재배포 금지>", "한빛뉴스"),
        ("한빛타임즈 All rights reserved.", "한빛타임즈"),
        ("저작권자 © 전북일보 인터넷신문 무단전재 및 재배포 금지", "전북일보"),  # the web edition's word goes
        ("[한빛일보 ⓒ 무단전재 및 재배포금지]", "한빛일보"),  # the name before the sign
        ("※ 이 기사는 한빛연예의 저작물입니다. 무단 전재 및 재배포를 금지합니다.", "한빛연예"),
    ],
)
def test_copyright_notice_forms(line: str, outlet: str) -> None:
    assert copyright_outlet(line) == (outlet, True)


def test_a_notice_without_sign_needs_an_outlet_shaped_name() -> None:
    assert copyright_outlet("기사 무단전재 및 재배포 금지")[0] is None


@pytest.mark.parametrize(
    ("line", "outlet"), [("ⓒ 홍길동", None), ("사진 ⓒ 홍길동 기자", None), ("ⓒ스타뉴스", "스타뉴스")]
)
def test_a_photographers_credit_names_no_outlet(line: str, outlet: str | None) -> None:
    assert credit_outlet(line) == outlet


def test_photo_from_the_outlets_own_archive() -> None:
    assert archive_outlet("감독이 인사하고 있다. /사진=한빛뉴스 DB") == "한빛뉴스"
    assert archive_outlet("감독이 인사하고 있다. /사진=연합뉴스") is None


# --- metadata lines, datelines and sign-offs --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("STN스포츠 2024-06-05 17:54:57 신고", "STN스포츠"),
        ("YTN news 2017-12-03", "YTN"),
        ("한빛일보 입력 2024.01.01 10:00", "한빛일보"),
        ("한빛스포츠 홍길동 기자 | 승인 2024.03.20 17:05", "한빛스포츠"),
        ("정치 입력 2024.01.01 10:00", None),
        ("온라인 기사 ( 2024.12.06 09:13 )", None),
    ],
)
def test_outlet_beside_the_data_of_a_metadata_line(line: str, outlet: str | None) -> None:
    meta = metadata_line(line)
    assert meta is not None and meta.outlet == outlet


@pytest.mark.parametrize(
    ("text", "outlet", "byline"),
    [
        ("OSEN=홍길동 기자 = 배우 A씨가", "OSEN", "홍길동 기자"),
        ("한빛뉴스 홍길동 기자 = 정부는", "한빛뉴스", "홍길동 기자"),
        ("[미래트리뷴=홍길동 기자] 정부는", "미래트리뷴", "홍길동 기자"),
        ("[한빛뉴스 온라인뉴스팀] 정부는", "한빛뉴스", None),
    ],
)
def test_datelines_naming_the_outlet(text: str, outlet: str, byline: str | None) -> None:
    d = parse_dateline(text)
    assert d is not None and (d.outlet, d.byline) == (outlet, byline)


def test_a_sentence_with_an_equals_sign_is_no_dateline() -> None:
    assert parse_dateline("환율 1달러=1300원 시대가 왔다") is None
    assert parse_dateline("정부 홍길동 기자 회견에서") is None


def test_relayed_wire_dateline() -> None:
    relayed = parse_dateline("(워싱턴 AP=한빛뉴스) 미국 정부는")
    own = parse_dateline("(서울=한빛뉴스) 정부는")
    assert relayed is not None and relayed.relayed and own is not None and not own.relayed


def test_spoken_signoff_followed_by_the_reporters_email() -> None:
    assert spoken_signoff("MBN뉴스 홍길동입니다. [ hong@mbn") == ("MBN", "홍길동 기자")
    assert spoken_signoff("한빛방송 뉴스 홍길동입니다. [hong@hanbit.example]") == ("한빛방송", "홍길동 기자")


@pytest.mark.parametrize(
    "last",
    [
        "당국은 내일부터 단속에 나섭니다. 한빛방송 뉴스 도하윤입니다.",
        "당국은 단속에 나섭니다.\n한빛방송 도하윤입니다.",
    ],
)
def test_a_sign_off_at_the_end_of_the_scripts_last_paragraph_names_the_broadcaster(last: str) -> None:
    page = f"도하윤 기자 :\n\n연탄 사재기가 극성입니다.\n\n{last}\n"
    assert clean(RawDocument(source="t.txt", text=page)).outlet == "한빛방송"


def test_a_sentence_ending_in_imnida_that_signs_nothing_names_no_outlet() -> None:
    page = "도하윤 기자 :\n\n연탄 사재기가 극성입니다. 시민들은 불안한 상황입니다.\n"
    assert clean(RawDocument(source="t.txt", text=page)).outlet is None


def test_a_byline_naming_the_outlet_with_the_reporters_address_after_it_names_the_outlet() -> None:
    page = '정부는 예산안을 발표했다.\n\n기획재정부는 "재정을 지키겠다"고 밝혔다.\n\n한빛뉴스 홍길동 기자 (hong@hanbit.example)\n'
    c = clean(RawDocument(source="t.txt", text=page))
    assert (c.outlet, c.byline) == ("한빛뉴스", "홍길동 기자")


# --- lines that name the site --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("▶ 네이버에서 한빛뉴스 구독하기", "한빛뉴스"),
        ("오마이뉴스를 다양한 채널로 만나보세요.", "오마이뉴스"),
        ("카카오톡에서 한빛일보 채널 추가", "한빛일보"),
        ("▶ 카카오톡 채널 추가하기", None),
    ],
)
def test_prompts_to_follow_the_site(line: str, outlet: str | None) -> None:
    assert promo_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("HCN 충북방송", "HCN 충북방송"), ("한빛일보", "한빛일보"), ("한빛경제TV 뉴스", "한빛경제TV")],
)
def test_unknown_outlets_masthead(line: str, outlet: str) -> None:
    assert shaped_masthead(line) == outlet


@pytest.mark.parametrize(
    "line", ["지역뉴스", "생방송", "정치뉴스", "실시간 뉴스", "오늘의 주요 뉴스 모음입니다"]
)
def test_section_labels_are_no_masthead(line: str) -> None:
    assert shaped_masthead(line) is None


def test_imprint_of_a_site_footer() -> None:
    assert imprint_outlet("제호 : 한빛뉴스 | 등록번호 : 서울 아00000 | 발행인 : 홍길동") == "한빛뉴스"
    assert imprint_outlet("매체명: 미래타임즈 · 발행인: 홍길동") == "미래타임즈"


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ('생존자 "피할 시간 없었다" / 한빛TV', "한빛TV"),
        ("새 시즌 출사표 - 한빛일보", "한빛일보"),
        ("흉기 난동에 6명 부상 / 한빛뉴스TV (HanbitnewsTV)", "한빛뉴스TV"),
        ("수출 늘어 - 반도체 견인", None),
    ],
)
def test_site_name_at_the_end_of_a_page_title(title: str, outlet: str | None) -> None:
    assert title_suffix_outlet(title) == outlet


def test_canonical_names() -> None:
    assert canonical_outlet("공감언론 뉴시스통신사") == "뉴시스"  # slogan, then the name
    assert canonical_outlet("중앙일보 LA") == "중앙일보 LA"  # an edition is an outlet of its own
    assert canonical_outlet("한빛뉴스 디지털뉴스팀") == "한빛뉴스"


# --- whole pages -----------------------------------------------------------------------------


def test_paper_printing_relayed_wire_copy_is_the_outlet() -> None:
    c = run("중앙일보\n\n【워싱턴 AP=연합】 미국 대통령은 22일 회견을 했다.\n")
    assert c.outlet == "중앙일보"


def test_sign_off_bracket_after_the_article_names_the_outlet() -> None:
    c = run(
        '"코스피 상승 계속"\n\n홍길동 기자\n\n증권사는 "상승이 이어진다"고 전망했다.\n\n[미래트리뷴=홍길동 기자]\n'
    )
    assert c.outlet == "미래트리뷴"


def test_masthead_of_an_unknown_outlet_above_the_headline() -> None:
    c = run(
        "본문 바로가기\nHCN 충북방송\n• 로그인\n"
        "<단독> 출근길 흉기 난동…공포의 20분\n홍길동 기자 2020.10.22\n"
        "[앵커멘트]\n만취한 남성이 흉기를 들고 배회했습니다.\n"
    )
    assert c.outlet == "HCN 충북방송"


def test_masthead_shaped_line_inside_the_body_names_nothing() -> None:
    c = run("정부는 발표했다.\n\n한빛일보\n\n정부는 덧붙였다.\n")
    assert c.outlet is None


def test_promotion_under_a_list_heading_names_the_site() -> None:
    c = run("정부는 발표했다.\n\n주요기사\n\n한빛뉴스를 다양한 채널로 만나보세요.\n")
    assert c.outlet == "한빛뉴스" and c.body == "정부는 발표했다."


def test_site_name_after_the_headline_of_a_video_page() -> None:
    c = run('생존자 "피할 시간 없었다" / 한빛TV\n2017-12-03\n이번 사고의 생존자는 증언했습니다.\n')
    assert c.outlet == "한빛TV"
    assert c.title == '생존자 "피할 시간 없었다" / 한빛TV'  # the page title as printed


# --- more forms: bylines naming the outlet, issue citations, prefixes, self-references -----


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("홍길동 한빛뉴스 기자", "홍길동 기자", "한빛뉴스"),
        ("글 홍길동 한빛신문 기자", "홍길동 기자", "한빛신문"),
        ("홍길동 기자", "홍길동 기자", None),
    ],
)
def test_byline_naming_the_reporters_outlet(line: str, byline: str, outlet: str | None) -> None:
    meta = metadata_line(line)
    assert meta is not None and (meta.byline, meta.outlet) == (byline, outlet)


@pytest.mark.parametrize("name", ["스포츠한빛", "데일리한빛", "주간한빛"])
def test_names_starting_with_an_outlet_word(name: str) -> None:
    assert outlet_like(name)
    d = parse_dateline(f"[{name}] 홍길동 기자 = 정부는")
    assert d is not None and (d.outlet, d.byline) == (name, "홍길동 기자")


def test_a_magazines_issue_citation_closing_the_article() -> None:
    c = run("정부는 발표했다.\n\n(주간한빛 제1234호)\n")
    assert c.outlet == "주간한빛" and c.body == "정부는 발표했다."


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ('A씨는 한빛뉴스와의 통화에서 "모른다"고 말했다.', "한빛뉴스"),
        ("한빛일보 취재 결과 사실로 드러났다.", "한빛일보"),
        ("한빛방송이 단독 입수한 영상입니다.", "한빛방송"),
        ("A씨는 CNN과의 인터뷰에서 말했다.", None),  # not shaped like a Korean outlet's name
        ("그는 기자와의 통화에서 말했다.", None),
    ],
)
def test_the_story_naming_its_own_outlet(sentence: str, outlet: str | None) -> None:
    assert run(sentence).outlet == outlet


def test_a_stated_outlet_beats_the_storys_self_reference() -> None:
    c = run("A씨는 한빛뉴스와의 통화에서 말했다.\n\n저작권자 © 미래일보 무단전재 및 재배포 금지\n")
    assert c.outlet == "미래일보"
