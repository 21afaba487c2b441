"""clean(): which line of a page is its headline, one test per page convention.

Navigation and chrome (menus, breadcrumbs, share-button rows, section labels,
mastheads) are never the title; a date printed in front of the headline and
brackets around the whole of it are not part of it; a kicker is.  The pages are
invented (한빛뉴스, 미래일보 … are not real outlets).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from quotetrack.ingest.clean import clean
from quotetrack.ingest.dates import KST
from quotetrack.ingest.noise import is_chrome
from quotetrack.types import CleanArticle, RawDocument


def run(text: str) -> CleanArticle:
    return clean(RawDocument(source="test.txt", text=text))


@pytest.mark.parametrize(
    "line",
    [
        "홈 > 뉴스 > 정치 > 국회·정당",
        "> 정치 > 국회",
        "HOME › 경제 › 금융",
        "뉴스 » 사회",
        "사회>사회일반",
        "IT·과학 > 인공지능",
        "사는이야기 | 사회 | 환경",
        "한빛일보 | 뉴스 | 정치 | 국회·정당",
        "페이스북 트위터 카카오톡 URL복사",
        "크게 작게 프린트 메일",
        "공유하기 | 댓글 | 인쇄",
    ],
)
def test_breadcrumbs_and_toolbar_rows_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "수출 > 수입, 무역수지 석 달째 흑자",  # a headline comparing with ">"
        "정부 > 국회 > 법원 순으로 신뢰도 높아",  # steps too long to be a breadcrumb
        "페이스북, 트위터 인수 검토",  # toolbar words inside a headline
        "카카오 공유 플랫폼 새 단장",
        "여야, 예산안 합의 | 한빛일보",  # a headline and the outlet's name
        "고용 늘었지만 | 청년은 | 여전히 구직난",  # steps too long
    ],
)
def test_headlines_with_arrows_or_service_names_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


BREADCRUMB_PAGE = """\
로그인 회원가입
전체메뉴
홈 > 뉴스 > 정치 > 국회·정당
정치
여야, 내년도 예산안 처리 합의 "다음 달 2일 본회의"
입력 2024.11.28 10:00 수정 2024.11.28 11:20
홍길동 기자
페이스북 트위터 카카오톡 URL복사
[서울=한빛뉴스] 홍길동 기자 = 여야가 내년도 예산안을 다음 달 2일 본회의에서 처리하기로 합의했다.
여당 원내대표는 "민생 예산을 최우선으로 반영했다"고 말했다.
저작권자 © 한빛뉴스 무단전재 및 재배포 금지
"""


def test_menus_breadcrumbs_and_share_buttons_are_neither_title_nor_deck() -> None:
    c = run(BREADCRUMB_PAGE)
    assert c.title == '여야, 내년도 예산안 처리 합의 "다음 달 2일 본회의"'
    assert c.deck_end == 0
    assert c.body.startswith("여야가 내년도 예산안을")
    assert (c.outlet, c.byline, c.dateline) == ("한빛뉴스", "홍길동 기자", "서울")


def test_a_date_printed_in_front_of_the_headline_is_the_date_not_the_title() -> None:
    c = run(
        'date 2025-11-12 "내가 왜 실형이냐"…판사에게 욕설한 피고인\n'
        "재판을 받던 20대가 판사에게 욕설을 해 법정모욕 혐의가 더해졌다.\n"
    )
    assert c.title == '"내가 왜 실형이냐"…판사에게 욕설한 피고인'
    assert c.published == datetime(2025, 11, 12, tzinfo=KST) and not c.published_has_time


def test_a_section_label_above_the_date_line_leaves_the_headline_below_it() -> None:
    c = run(
        '사회\ndate 2024-03-05\n교육청 "학교 폭력 예방 예산 두 배로"\n'
        "교육청은 5일 학교 폭력 예방 예산을 두 배로 늘린다고 밝혔다.\n"
    )
    assert c.title == '교육청 "학교 폭력 예방 예산 두 배로"'
    assert c.deck_end == 0 and c.body.startswith("교육청은 5일")


def test_brackets_around_the_whole_headline_are_not_part_of_it() -> None:
    c = run("[도심 화재 현장 영상 공개]\n● 앵커: 화재 현장 영상이 오늘 공개됐습니다.\n")
    assert c.title == "도심 화재 현장 영상 공개"


@pytest.mark.parametrize(
    "headline",
    [
        '[단독] 여야 원내대표 "예산안 합의 임박"',
        "[포토] 국회 본회의장 들어서는 의원들",
        "<첫선>새 주말극 주연 배우",
    ],
)
def test_a_kicker_stays_part_of_the_headline(headline: str) -> None:
    c = run(f"> 정치 > 국회\n{headline}\n기사입력 2024-11-28 09:12\n의원들이 28일 본회의장에 모였다.\n")
    assert c.title == headline


def test_a_section_label_glued_to_the_masthead_is_not_the_headline() -> None:
    c = run(
        "기상·재해SBS 뉴스\n"  # a known outlet's masthead after the section label
        "전국에 한파 특보…'보일러 화재' 잇따라\n"
        "등록 2024.12.30 11:12\n"
        "[앵커]\n북극 한파로 전국이 얼어붙었습니다.\n"
    )
    assert c.title is not None and c.title.startswith("전국에 한파 특보")


# --- the deck: subheadline lines under the headline, before deck_end ---------------------------


def test_deck_lines_under_the_headline_come_before_deck_end() -> None:
    c = run(
        '日관방 "심히 유감"\n"잘못된 보도가 혼란 초래"\n한일관계, "긴밀히 소통할 것"\n홍길동 기자\n'
        "[도쿄=한빛뉴스] 홍길동 특파원 = 일본 관방장관은 유감을 표했다.\n"
    )
    assert c.title == '日관방 "심히 유감"'
    assert c.body[: c.deck_end] == '"잘못된 보도가 혼란 초래"\n한일관계, "긴밀히 소통할 것"'


def test_the_headline_printed_again_under_itself_is_not_a_deck_line() -> None:
    c = run(
        '"코스피 상승 계속될 전망"\n"코스피 상승 계속될 전망"\n• 홍길동 기자\n• 승인 2021.01.11 12:20\n증권사는 전망했다.\n'
    )
    assert c.title == '"코스피 상승 계속될 전망"' and c.deck_end == 0
    assert c.body == "증권사는 전망했다."


def test_a_line_cut_inside_the_first_sentence_is_body_text_not_deck() -> None:
    c = run(
        "여당 대변인, 야당 비판\n\n    여당 대변인은 야당을\n    [부실 공사]에 비유했다.\n\n"
        "    그는 이같이 말했다.\n"
    )
    assert c.deck_end == 0
    assert c.body.startswith("여당 대변인은 야당을")


@pytest.mark.parametrize(
    "line",
    [
        "26일 회의실에서 간부들이 기자회견을 하고 있다./사진=홍길동 기자",  # a photo caption
        "키보드 단축키 안내",
        "한빛닷컴 기사퍼가기",
        "읽어주기 기능은 크롬기반의",
    ],
)
def test_captions_and_widgets_under_the_headline_are_not_deck(line: str) -> None:
    c = run(f'노조 "다음달 파업"\n입력 2023-06-26 13:47\n{line}\n금속노조는 26일 파업을 예고했다.\n')
    assert c.deck_end == 0 and c.body == "금속노조는 26일 파업을 예고했다."


def test_a_broadcast_tag_in_lenticular_brackets() -> None:
    c = run("주민들 불안\n입력 2017-03-14 19:30\n【 앵커멘트 】\n주민들이 불안에 떨고 있습니다.\n")
    assert c.deck_end == 0 and c.body.split("\n\n")[0] == "【 앵커멘트 】"


def test_without_a_date_line_the_headline_the_page_repeats_beats_menu_lines() -> None:
    page = (
        "전체메뉴 열기 전체메뉴 열기\n"
        "오늘의 주요 뉴스 모아 보기\n"
        '태풍 추도식 "올해로 공식 종료"\n'
        '태풍 추도식 "올해로 공식 종료" ⓒ한빛일보\n'
        "태풍 희생자 추도식이 올해로 끝난다.\n"
    )
    assert run(page).title == '태풍 추도식 "올해로 공식 종료"'


@pytest.mark.parametrize(
    "caption",
    [
        "국회 소통관에서 기자회견을 하고 있다. 한빛뉴스",
        "photo이미지 크게보기 홍길동 한빛부 장관. 한빛뉴스",
        "홍길동 한빛부 장관. 사진 미래일보 DB",
    ],
)
def test_a_caption_ending_in_the_photos_agency_is_neither_deck_nor_body(caption: str) -> None:
    c = run(
        f'여야 "특별법 처리" 극한 대치\n입력:2023-07-26 04:08\n과방위 공회전만… 처리 빨간불\n{caption}\n여야가 맞붙고 있다.\n'
    )
    assert c.body == "과방위 공회전만… 처리 빨간불\n\n여야가 맞붙고 있다." and c.deck_end == len(
        "과방위 공회전만… 처리 빨간불"
    )


def test_a_short_paragraph_quoting_someone_is_not_a_caption_even_after_a_full_stop() -> None:
    c = run('정부는 발표했다.\n\n그는 "준비됐다"고 했다. 한빛뉴스\n')
    assert '그는 "준비됐다"고 했다. 한빛뉴스' in c.body


def test_a_long_headline_is_still_a_headline() -> None:
    headline = (
        '[현장] 태풍 지나간 해안 마을, 복구 손길 이어져…주민들 "다시 일어서겠다" 다짐과 함께 '
        "자원봉사자 수백 명 몰려 쓰레기 치우고 집 고치며 구슬땀, 지자체도 특별재난지역 선포 건의하며 지원 나서"
    )
    assert 100 <= len(headline) <= 150
    c = run(f"{headline}\n입력 2024.09.01 10:00\n태풍이 지나간 마을에 복구 손길이 이어졌다.\n")
    assert c.title == headline


def test_a_board_page_labels_its_headline() -> None:
    c = run(
        "인쇄하기\n닫기\n제목 : 광주시청 절도 사건, 경찰 뒤늦게 수사\n작성자 : 관리자\n"
        "작성일 : 2003-03-01 10:00\n조회수 123\n경찰이 뒤늦게 수사에 나섰습니다.\n"
    )
    assert c.title == "광주시청 절도 사건, 경찰 뒤늦게 수사"
    assert c.body == "경찰이 뒤늦게 수사에 나섰습니다."


def test_the_word_title_inside_a_headline_is_no_label() -> None:
    c = run("제목만 바꾼 재탕 법안 논란\n입력 2024.01.14 15:11\n법안이 재탕이라는 지적이 나왔다.\n")
    assert c.title == "제목만 바꾼 재탕 법안 논란"
