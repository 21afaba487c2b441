"""clean(): page structure in, metadata and a clean body out, one test per construction.

The pages are invented (outlets such as 한빛뉴스 or 미래경제 are not in the
outlet table on purpose), shaped like real Korean news pages.
"""

from __future__ import annotations

import os
import time
from datetime import datetime

import pytest

from quotetrack.ingest.clean import clean
from quotetrack.ingest.dates import KST
from quotetrack.ingest.paragraphs import paragraphs
from quotetrack.types import CleanArticle, RawDocument


def run(text: str, **kw: object) -> CleanArticle:
    return clean(RawDocument(source="test.txt", text=text, **kw))  # type: ignore[arg-type]


def paras(c: CleanArticle) -> list[str]:
    return c.body.split("\n\n")


AGENCY_PAGE = """\
홈 정치 경제 국제
전체기사 최신뉴스 오피니언
속보

더보기

국방부 "北 미사일 도발, 강력 대응할 것"

기사입력 : 2024년03월05일 09:12

최종수정 : 2024년03월05일 10:30

[서울=한빛뉴스] 박지훈 기자= 국방부는 5일 북한의 탄도미사일 발사에 대해 강력히 대응하겠다고 밝혔다.

국방부 대변인은 이날 브리핑에서 "어떠한 도발에도 단호히 대응할 것"이라고 말했다.

[평양 AP=한빛뉴스] 김수진 기자= 북한이 공개한 미사일 발사 장면. 2024.03.04 sujin@hanbit.example

이어 그는 "한미 공조를 더욱 강화하겠다"고 덧붙였다.

jihoon@hanbit.example

[한빛뉴스 베스트 기사]

사진
"반도체 수출 반등" [세종=한빛뉴스] 이민호 기자 = 산업통상자원부는 "수출이 늘었다"고 밝혔다. 2024-03-04 11:00
Top으로 이동
"""


def test_agency_page_metadata() -> None:
    c = run(AGENCY_PAGE)
    assert c.title == '국방부 "北 미사일 도발, 강력 대응할 것"'
    assert c.published == datetime(2024, 3, 5, 9, 12, tzinfo=KST) and c.published_has_time
    assert (c.outlet, c.byline, c.dateline) == ("한빛뉴스", "박지훈 기자", "서울")


def test_agency_page_body() -> None:
    assert paras(run(AGENCY_PAGE)) == [
        "국방부는 5일 북한의 탄도미사일 발사에 대해 강력히 대응하겠다고 밝혔다.",
        '국방부 대변인은 이날 브리핑에서 "어떠한 도발에도 단호히 대응할 것"이라고 말했다.',
        '이어 그는 "한미 공조를 더욱 강화하겠다"고 덧붙였다.',
    ]


# --- timestamps on the page -------------------------------------------------------


def test_first_publication_wins_over_update_even_when_printed_after_it() -> None:
    c = run(
        "제목이 여기 있습니다 정말로\n수정 2019-04-02 18:00\n입력 2019-04-02 09:30\n본문 첫 문장입니다.\n"
    )
    assert c.published == datetime(2019, 4, 2, 9, 30, tzinfo=KST)


def test_update_time_when_it_is_all_the_page_shows() -> None:
    c = run("제목이 여기 있습니다 정말로\n업데이트 2019-04-02 18:00\n본문 첫 문장입니다.\n")
    assert c.published == datetime(2019, 4, 2, 18, 0, tzinfo=KST) and c.published_has_time


def test_day_only_date_line() -> None:
    c = run(
        "대통령 신년 회견 전문 공개\n\n2023.01.10 방영 조회수 3\n"
        "정보 더보기\n대통령은 10일 신년 회견을 열었다.\n"
    )
    assert c.published == datetime(2023, 1, 10, tzinfo=KST) and not c.published_has_time
    assert c.title == "대통령 신년 회견 전문 공개"


def test_edition_citation_gives_date_and_outlet() -> None:
    c = run("정부는 9일 새 정책을 발표했다.\n\n(대한매일신문 1998년 2월 9일자).\n")
    assert c.published == datetime(1998, 2, 9, tzinfo=KST)
    assert c.outlet == "대한매일신문"
    assert c.body == "정부는 9일 새 정책을 발표했다."


def test_labelled_date_before_the_lede_is_removed_from_it() -> None:
    c = run(" date 2023-04-01 “말이 너무 길다.”\n\n장관은 1일 회의에서 이렇게 말했다.\n")
    assert c.published == datetime(2023, 4, 1, tzinfo=KST)
    assert paras(c)[0] == "“말이 너무 길다.”"


def test_dates_inside_a_related_block_are_not_the_articles() -> None:
    c = run(
        "새 정책 발표\n\n정부는 정책을 발표했다.\n\n"
        "[미래경제 많이 본 기사]\n다른 기사 제목 2020-01-01 10:00\n"
    )
    assert c.published is None


def test_photo_date_counts_only_when_the_caption_dates_its_event() -> None:
    page = "회견 제목이 여기 있다\n\n{caption}\n\n장관은 회견에서 정책을 설명했다.\n"
    dated = run(page.format(caption="장관이 7일 회견에서 발언하고 있다. 2022.6.7 오세진 기자"))
    assert dated.published == datetime(2022, 6, 7, tzinfo=KST) and not dated.published_has_time
    file_photo = run(page.format(caption="회견장 전경. 2019.03.02 photo@hanbit.example |"))
    assert file_photo.published is None


# --- outlets ---------------------------------------------------------------------


def test_dateline_outlet_beats_copyright_line_and_email_domain() -> None:
    c = run(
        "(인천=한빛뉴스) 정부는 발표했다.\n\nreporter@hani.co.kr\n"
        "저작권자 © 미래경제 무단전재 및 재배포 금지\n"
    )
    assert c.outlet == "한빛뉴스"


def test_copyright_line_outlet() -> None:
    c = run("정부는 발표했다.\n\n저작권자 © 미래경제 무단전재 및 재배포 금지\n")
    assert c.outlet == "미래경제" and c.body == "정부는 발표했다."


def test_copyright_beats_a_photo_credit() -> None:
    c = run(
        "제목이 여기에 있습니다\n\nⓒ한빛포토\n\n정부는 발표했다.\n\n"
        "[Copyright ⓒ 미래경제. All rights reserved.]\n"
    )
    assert c.outlet == "미래경제"


def test_photo_credit_when_nothing_better() -> None:
    assert run("제목이 여기에 있습니다\n\nⓒ한빛포토\n\n정부는 발표했다.\n").outlet == "한빛포토"


def test_masthead_line_of_a_known_outlet() -> None:
    c = run("SBS 뉴스\n\n뉴스 > 정치\n\n여야, 예산안 합의\n\n정유진 기자\n\n여야는 예산안에 합의했다.\n")
    assert (c.outlet, c.title, c.byline) == ("SBS", "여야, 예산안 합의", "정유진 기자")


def test_tip_line_beats_the_reporters_email_domain() -> None:
    c = run(
        "정부는 발표했다.\n\n이소영 기자 (so@yna.co.kr)\n"
        "#정부 #발표\n한빛TV 기사문의 및 제보 : 카톡 hbtv\n(끝)\n"
    )
    assert (c.outlet, c.byline) == ("한빛TV", "이소영 기자")


def test_email_domain_of_a_known_outlet() -> None:
    assert run("정부는 발표했다.\n\n김민수 기자 minsu@hani.co.kr\n").outlet == "한겨레"


def test_site_footer_email_after_a_related_block() -> None:
    c = run("정부는 발표했다.\n\n• 많이 본 기사\n• 종합\n주소: 서울 중구\nEmail: webmaster@hani.co.kr\n")
    assert c.outlet == "한겨레"


def test_reuters_korea_dateline() -> None:
    c = run("베이징, 3월2일 (로이터) - 중국은 성장 목표를 발표했다.\n")
    assert (c.dateline, c.outlet, c.body) == ("베이징", "로이터", "중국은 성장 목표를 발표했다.")


def test_wire_copy_with_house_dateline_names_no_outlet() -> None:
    c = run("【런던 로이터=본사특약】영국 정부는 새 내각을 발표했다.\n")
    assert (c.dateline, c.outlet, c.body) == ("런던", None, "영국 정부는 새 내각을 발표했다.")


# --- bylines ------------------------------------------------------------------------


def test_byline_in_the_dateline_line_with_the_time() -> None:
    c = run(
        "시장 개장\n(부산=한빛뉴스) 박지훈 기자 | 2024-03-05 09:12 송고\n"
        '"좋은 아침입니다."\n부산시장은 말했다.\n'
    )
    assert (c.byline, c.outlet, c.dateline) == ("박지훈 기자", "한빛뉴스", "부산")
    assert c.published == datetime(2024, 3, 5, 9, 12, tzinfo=KST)
    assert paras(c) == ['"좋은 아침입니다."', "부산시장은 말했다."]


def test_byline_line_with_the_time() -> None:
    c = run('배우 측 "열애설 사실무근"\n\n한소라 기자 / 입력 : 2020.02.02 10:10\n\n배우 측은 부인했다.\n')
    assert (c.byline, c.title) == ("한소라 기자", '배우 측 "열애설 사실무근"')


def test_outlet_and_byline_in_brackets() -> None:
    c = run("[스타데일리|한소라 기자] 배우 A씨 측이 열애설을 부인했다.\n\n[연예부 | ent@stardaily.example]\n")
    assert (c.outlet, c.byline, c.title) == ("스타데일리", "한소라 기자", None)
    assert c.body == "배우 A씨 측이 열애설을 부인했다."


def test_email_byline_above_the_body() -> None:
    c = run(
        "금리 동결\n\n입력 2022.01.01 10:00\n\n오세진 기자 sejin@hanbit.example\n\n한은은 금리를 동결했다.\n"
    )
    assert (c.title, c.byline, c.body) == ("금리 동결", "오세진 기자", "한은은 금리를 동결했다.")


# --- captions -------------------------------------------------------------------------


def test_caption_with_its_own_dateline_and_email_inside_the_body() -> None:
    c = run(AGENCY_PAGE)
    assert "김수진" not in c.body and "sujin@" not in c.body


def test_provided_by_caption_under_the_time() -> None:
    page = (
        "등록 : 2021.05.05 10:00\n\n김 대표가 발언하고 있다. 미래전자 제공\n\n미래전자는 신제품을 공개했다.\n"
    )
    c = run(page)
    assert c.body == "미래전자는 신제품을 공개했다."


def test_a_wire_photo_caption_ending_in_a_bare_date_stamp_is_dropped_with_its_quote() -> None:
    page = (
        "송고시간 2022-03-02 11:00\n\n"
        "(부산=한빛통신) 오세진 기자 = 보건의료노조는 2일 총파업에 들어갔다.\n\n"
        '(부산=한빛통신) 2일 부산역 광장에서 조합원들이 "인력을 늘려라"고 외치고 있다. 2022.3.2\n\n'
        '노조는 성명에서 "인력 기준을 법으로 정하라"고 요구했다.\n'
    )
    c = run(page)
    assert "인력을 늘려라" not in c.body and "인력 기준을" in c.body


def test_english_wire_caption() -> None:
    page = (
        "류 선수, 시즌 첫 승\n\n"
        "Pitcher Kim throws during the first inning, Wednesday. (AP Photo/Jane Doe)\n"
        "Pitcher Kim throws during the first inning, Wednesday. (AP Photo/Jane Doe) ⓒAssociated Press\n\n"
        "류 선수는 시즌 첫 승을 거뒀다.\n\n저작권자 © 미래스포츠 무단전재 및 재배포 금지\n"
    )
    c = run(page)
    assert (c.body, c.outlet) == ("류 선수는 시즌 첫 승을 거뒀다.", "미래스포츠")


def test_caption_glued_before_the_dateline() -> None:
    page = (
        "장관 회견\n\n"
        "김 장관 [한빛뉴스 자료사진. 재판매 금지] (세종=한빛뉴스) 이민호 기자 = 정부는 새 정책을 냈다.\n"
    )
    c = run(page)
    assert (c.body, c.outlet, c.byline, c.dateline) == (
        "정부는 새 정책을 냈다.",
        "한빛뉴스",
        "이민호 기자",
        "세종",
    )


def test_headline_repeated_as_a_photo_caption() -> None:
    title = '[일문일답]장관 "정책 예정대로"'
    page = f"{title}\n\n{title} 장관이 7일 발언하고 있다.\n\n장관은 7일 정책을 설명했다.\n\n- {title}\n"
    c = run(page)
    assert (c.title, c.body) == (title, "장관은 7일 정책을 설명했다.")


def test_bracket_photo_credit_and_slash_credit() -> None:
    page = (
        "정부는 발표했다.\n\n"
        "발언하는 트럼프 대통령 [사진=로이터 한빛뉴스] |\n\n"
        "기자회견 중인 김 대표. 2024.1.5/뉴스1 Copyright (C) 뉴스1. All rights reserved.\n\n"
        "정부는 덧붙였다.\n"
    )
    assert paras(run(page)) == ["정부는 발표했다.", "정부는 덧붙였다."]


# --- blocks of other articles, footers -----------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["[한빛뉴스 베스트 기사]", "관련기사", "• 많이 본 기사", "이 기사와 함께 많이 본 뉴스", "▶ 관련뉴스 ◀"],
)
def test_related_block_ends_the_article(heading: str) -> None:
    c = run(f"정부는 발표했다.\n\n{heading}\n\n다른 기사의 문장이다. 그는 말했다.\n")
    assert c.body == "정부는 발표했다."


def test_inline_related_label_between_two_paragraphs_does_not_end_the_article() -> None:
    page = (
        "정부는 새 대책을 발표했다.\n\n관련기사\n\n"
        "시장은 대책의 효과를 지켜보고 있다.\n\n"
        '한 전문가는 "효과가 나타나려면 시간이 걸린다"고 말했다.\n'
    )
    assert paras(run(page)) == [
        "정부는 새 대책을 발표했다.",
        "시장은 대책의 효과를 지켜보고 있다.",
        '한 전문가는 "효과가 나타나려면 시간이 걸린다"고 말했다.',
    ]


@pytest.mark.parametrize(
    "after",
    [
        "한빛뉴스를 다양한 채널로 만나보세요.",  # one line under the heading: the site's promotion
        '다른 기사 제목 "충격"\n\n또 다른 기사 제목',  # headlines
        "정부, 새 대책 [서울=한빛뉴스] 홍길동 기자 = 정부가 대책을 내놨다.\n\n두 번째 기사의 첫 문장이다.",
    ],
)
def test_related_heading_over_headlines_or_teasers_still_ends_the_article(after: str) -> None:
    assert run(f"정부는 발표했다.\n\n관련기사\n\n{after}\n").body == "정부는 발표했다."


def test_best_of_list_with_sentences_ends_the_article() -> None:
    page = "정부는 발표했다.\n\n많이 본 뉴스\n\n첫째 기사의 문장이다.\n\n둘째 기사의 문장이다.\n"
    assert run(page).body == "정부는 발표했다."


def test_signoff_above_an_announced_question_and_answer_does_not_end_the_article() -> None:
    page = (
        "새 감독이 취임 소감을 밝혔다. 아래는 일문일답 전문이다.\n\n"
        "홍길동 기자 gildong@hanbit.example\n\n"
        "-취임 소감은\n\n"
        "▶어깨가 무겁다. 최선을 다하겠다.\n"
    )
    assert paras(run(page)) == [
        "새 감독이 취임 소감을 밝혔다. 아래는 일문일답 전문이다.",
        "-취임 소감은",
        "▶어깨가 무겁다. 최선을 다하겠다.",
    ]


def test_signoff_still_ends_the_article_without_an_announcement() -> None:
    page = "새 감독이 취임 소감을 밝혔다.\n\n홍길동 기자 gildong@hanbit.example\n\n다른 기사의 문장이다.\n"
    assert run(page).body == "새 감독이 취임 소감을 밝혔다."


def test_site_menu_items_above_the_headline_do_not_end_the_page() -> None:
    page = (
        "본문 바로가기\n한빛방송\n• 로그인\n• 회사소개\n• 주요뉴스\n사회\n"
        "이 지역의 사회 뉴스를 확인하실 수 있습니다.\n"
        "<단독> 도심 한복판 흉기 난동…공포의 20분\n"
        "홍길동 기자 2024.03.05\n"
        "[앵커멘트]\n"
        "도심에서 흉기 난동이 벌어졌습니다.\n"
    )
    c = run(page)
    assert c.title == "<단독> 도심 한복판 흉기 난동…공포의 20분"
    assert paras(c) == ["[앵커멘트]", "도심에서 흉기 난동이 벌어졌습니다."]


def test_lead_quote_credited_in_parentheses_is_body_text_not_a_headline() -> None:
    page = '"이제 진짜 실력이 나오는 거죠." (홍길동 한빛전자 회장)\n\n홍 회장은 이날 이렇게 말했다.\n'
    c = run(page)
    assert c.title is None
    assert paras(c)[0] == '"이제 진짜 실력이 나오는 거죠." (홍길동 한빛전자 회장)'


def test_page_chrome_inside_and_after_the_body() -> None:
    page = (
        "정부는 발표했다.\n\n광고\n\nAD\n\n정부는 덧붙였다.\n\n#정책 #발표\n"
        "기사 URL이 복사되었습니다.\n댓글0\n☞ 연예가 소식 '오늘의 스타'\n"
    )
    assert paras(run(page)) == ["정부는 발표했다.", "정부는 덧붙였다."]


def test_broadcast_credit_lines_and_tags() -> None:
    page = (
        '[앵커]\n\n정부가 새 정책을 발표했습니다.\n\n[인터뷰:홍길동, 시민]\n"좋은 정책입니다."\n\n'
        "<제작 : 김지훈>\n<영상 : 한빛TV>\n<저작권자(c) 한빛TV, 무단 전재-재배포 금지>\n"
    )
    c = run(page)
    assert paras(c) == [
        "[앵커]",
        "정부가 새 정책을 발표했습니다.",
        "[인터뷰:홍길동, 시민]",
        '"좋은 정책입니다."',
    ]
    assert c.outlet == "한빛TV"


def test_page_that_prints_the_article_twice() -> None:
    one = "정부는 오늘 새 정책을 발표했다고 밝혔다.\n두 번째 문단도 충분히 긴 문장이다.\n"
    c = run(one + "- 입력 2020-01-01 10:00:00\n" + one + "정부는 오늘 새 정책을 발표")
    assert paras(c) == ["정부는 오늘 새 정책을 발표했다고 밝혔다.", "두 번째 문단도 충분히 긴 문장이다."]


def test_a_speakers_tag_that_recurs_at_each_turn_of_a_briefing_is_kept_every_time() -> None:
    tag = "[한도윤 / 해양수산부 대변인]"
    page = (
        f"{tag}\n\n오늘 브리핑은 두 건입니다.\n\n[기자]\n\n선박 수는 몇 척인가요?\n\n"
        f"{tag}\n\n현재 집계 중입니다.\n"
    )
    assert run(page).body.count(tag) == 2


# --- headline, deck, pages without a headline --------------------------------------------


def test_headline_among_navigation() -> None:
    c = run(
        "본문 바로가기\n글자크기 설정\n닫기\n\n美 연준, 기준금리 동결\n"
        "\n시계아이콘02분 10초 소요\n뉴스듣기\n\n연준은 금리를 동결했다.\n"
    )
    assert c.title == "美 연준, 기준금리 동결"


def test_deck_lines_are_the_first_paragraph_and_set_deck_end() -> None:
    page = (
        '장관 "규제 풀겠다"\n\n시계아이콘01분 00초 소요\n\n'
        "장관 기자간담회\n“규제 완화 속도\n더 높이겠다”\n\n"
        "장관은 7일 간담회에서 규제를 풀겠다고 밝혔다.\n"
    )
    c = run(page)
    deck = "장관 기자간담회\n“규제 완화 속도\n더 높이겠다”"
    assert c.title == '장관 "규제 풀겠다"'
    assert c.body.startswith(deck + "\n\n") and c.deck_end == len(deck)
    assert c.body[c.deck_end :] == "\n\n장관은 7일 간담회에서 규제를 풀겠다고 밝혔다."


def test_deck_under_the_time_when_the_headline_was_not_saved() -> None:
    page = (
        "기사본문\n\n등록 : 2019.07.02 15:06\n\n유럽 매체와 인터뷰\n"
        "“준비가 덜 됐다”\n\n사장은 준비가 덜 됐다고 인정했다.\n"
    )
    c = run(page)
    assert c.title is None
    assert c.body[: c.deck_end] == "유럽 매체와 인터뷰\n“준비가 덜 됐다”"


def test_single_line_deck_under_the_headline() -> None:
    c = run("감독, 첫 승 소감 밝혀\n\n선수들에게 고마움을 전했다\n\n감독은 경기 후 인터뷰를 했다.\n")
    assert c.title == "감독, 첫 승 소감 밝혀" and c.body[: c.deck_end] == "선수들에게 고마움을 전했다"


def test_no_deck_when_the_body_follows_the_headline() -> None:
    assert run("감독, 첫 승 소감 밝혀\n감독은 경기 후 인터뷰를 했다.\n").deck_end == 0


def test_page_starting_mid_article_with_a_quote_has_no_title() -> None:
    c = run("“상황을 면밀히 보고 있다. 필요하면 조치하겠다.”\n\n대변인은 9일 브리핑에서 이같이 말했다.\n")
    assert c.title is None and paras(c)[0] == "“상황을 면밀히 보고 있다. 필요하면 조치하겠다.”"


def test_page_starting_with_a_pipe_and_a_short_quote() -> None:
    c = run('|\n"고맙고 미안하다."\n감독은 경기 후 이렇게 말했다.\n')
    assert c.title is None and paras(c) == ['"고맙고 미안하다."', "감독은 경기 후 이렇게 말했다."]


def test_hard_wrapped_archive_text_keeps_its_line_breaks() -> None:
    page = (
        "외무장관은 12일 발생한 사건과 관련해 상대국 대사에게 전화를\n"
        "걸어 유감의 뜻을 표시하고 재발 방지를 위한 조치를 약속했다고\n"
        "밝혔다.\n\n"
        "장관은 이날 대사에게 양국 관계에 나쁜 영향이 없기를 바란다는\n"
        "입장을 전달했다고 외교부 관계자는 전했다.\n"
    )
    c = run(page)
    assert c.title is None
    assert paras(c) == [
        "외무장관은 12일 발생한 사건과 관련해 상대국 대사에게 전화를\n"
        "걸어 유감의 뜻을 표시하고 재발 방지를 위한 조치를 약속했다고\n밝혔다.",
        "장관은 이날 대사에게 양국 관계에 나쁜 영향이 없기를 바란다는\n"
        "입장을 전달했다고 외교부 관계자는 전했다.",
    ]


def test_a_timestamp_line_under_a_hard_wrapped_header_is_read_not_joined_to_it() -> None:
    page = (
        "한빛경제\n"
        "산업 | 반도체 | 디스플레이 | 보안\n"
        "반도체 수출 석 달째 늘어 올해 최대\n"
        '정부 "하반기에도 증가세 이어갈 것"\n'
        "입력 :2025/04/17 16:25 수정: 2025/04/17 17:01\n"
        "도하린 기자\n\n"
        "반도체 수출이 석 달째 늘었다.\n"
    )
    c = run(page)
    assert c.published is not None and c.published.isoformat().startswith("2025-04-17T16:25")
    assert "입력" not in c.body and "반도체 | 디스플레이" not in c.body


def test_print_archive_page_opens_with_its_masthead_and_prints_the_headline_under_it() -> None:
    page = (
        "한빛일보 1994.05.21 3면 경제\n"
        "金재무장관 『물가 잡힐 때까지 금리 인상 당분간 없다』\n"
        "재무부 金正植장관은 20일 국회 재무위원회에서\n"
        "『물가가 안정될 때까지는 금리를 올리지 않\n"
        "겠다』고 말했다. 그는 또 중소기업 수출 지원\n"
        "대책을 이달 안에 마련해 발표하겠다고 밝혔\n"
        "다.\n"
    )
    c = run(page)
    assert c.title == "金재무장관 『물가 잡힐 때까지 금리 인상 당분간 없다』"
    assert c.published is not None and c.published.date().isoformat() == "1994-05-21"
    assert paras(c)[0].startswith("재무부 金正植장관은 20일 국회 재무위원회에서\n")


def test_a_section_and_date_line_under_the_outlets_name_has_the_headline_under_it() -> None:
    page = (
        "한빛방송\n\n"
        "사회 | 2013-06-11 09:40\n\n"
        '"경보 방송도 없었다"…공단 화재에 주민 불안\n\n'
        "[앵커]\n\n"
        "어젯밤 공단의 한 공장에서 불이 났습니다.\n"
    )
    c = run(page)
    assert c.title == '"경보 방송도 없었다"…공단 화재에 주민 불안'
    assert c.published is not None and c.published.date().isoformat() == "2013-06-11"


def test_a_site_bar_above_the_headline_is_not_part_of_it() -> None:
    page = (
        "로그인 | 회원가입 | 구독\n"
        "한빛시 새 버스노선 다음 달 개통\n"
        "입력 2024.03.05 10:00\n"
        "시는 5일 새 버스 노선을 발표했다. 노선은 다음 달부터 운행된다.\n"
    )
    assert run(page).title == "한빛시 새 버스노선 다음 달 개통"


def test_a_page_that_opens_with_a_date_and_goes_on_with_text_has_no_title() -> None:
    c = run("입력 2024.03.05 10:00\n시는 5일 새 버스 노선을 발표했다. 노선은 다음 달부터 운행된다.\n")
    assert c.title is None


def test_broadcast_script_printed_one_phrase_a_line_is_joined_into_sentences() -> None:
    page = (
        "시민단체 긴급 회견\n\n"
        "한빛시 환경단체가\n"
        "올여름 하천 녹조가\n"
        "예년보다 심각하다고 밝혔습니다.\n"
        "단체는 상류 공사로\n"
        "물 흐름이 느려졌다며\n"
        '"당장 공사를 멈춰야 한다"고 주장했습니다.\n'
        "시는 이에 대해\n"
        "가뭄 탓이라고 반박했습니다.\n"
    )
    c = run(page)
    assert c.title == "시민단체 긴급 회견"
    assert paras(c) == [
        "한빛시 환경단체가\n올여름 하천 녹조가\n예년보다 심각하다고 밝혔습니다.",
        '단체는 상류 공사로\n물 흐름이 느려졌다며\n"당장 공사를 멈춰야 한다"고 주장했습니다.',
        "시는 이에 대해\n가뭄 탓이라고 반박했습니다.",
    ]


def test_indented_print_copy_keeps_the_indentation_of_its_continuation_lines() -> None:
    page = (
        "    대변인은 7일 논평에서\n"
        "    “정부가 약속을 지키지 않고\n"
        "    책임을 미루고 있다”며\n"
        "    유감을 표했다.\n\n"
        "    그는 이어\n"
        "    “대화의 문은 열려 있다”고\n"
        "    말했다.\n\n"
        "    당 관계자는\n"
        "    다음 주 회동을 제안할 계획이라고\n"
        "    전했다.\n"
    )
    body = run(page).body
    assert "“정부가 약속을 지키지 않고\n    책임을 미루고 있다”" in body
    assert paras(run(page))[0].startswith("대변인은 7일 논평에서\n    “정부가")


def test_a_few_lines_ending_in_particles_do_not_make_a_phrase_broken_page() -> None:
    page = "정부는 오늘\n새 대책을 내놓았다.\n\n시장은 차분했다.\n"
    assert paragraphs(page) == ["정부는 오늘", "새 대책을 내놓았다.", "시장은 차분했다."]


def test_headline_and_byline_lines_stay_apart_from_a_phrase_broken_script() -> None:
    page = (
        "도심 하천 녹조 비상\n"
        "홍길동 기자\n"
        "한빛시 환경단체가\n"
        "녹조가 심각하다고 밝혔습니다.\n"
        "단체는 상류 공사로\n"
        "물 흐름이 느려졌다고 주장했습니다.\n"
        "시는 이에 대해\n"
        "가뭄 탓이라고 반박했습니다.\n"
    )
    c = run(page)
    assert c.title == "도심 하천 녹조 비상" and c.byline == "홍길동 기자"
    assert paras(c)[0] == "한빛시 환경단체가\n녹조가 심각하다고 밝혔습니다."


def test_turns_of_a_bullet_marked_transcript_run_over_their_lines() -> None:
    page = (
        "[도심 화재 현장 영상 공개]\n"
        "● 앵커: 화재 현장 영상이 공개됐습니다.\n"
        "홍길동 기자가 보도합니다.\n"
        "● 김철수(목격자):연기가 가득했습니다.\n"
        "다들 뛰쳐나왔어요.\n"
        "● 기자: 불은 한 시간 만에 꺼졌습니다.\n"
    )
    assert paras(run(page))[-2:] == [
        "● 김철수(목격자):연기가 가득했습니다.\n다들 뛰쳐나왔어요.",
        "● 기자: 불은 한 시간 만에 꺼졌습니다.",
    ]


def test_quote_spanning_lines_stays_one_paragraph() -> None:
    page = "[홍길동/재판장]\n″첫째 문장입니다.\n둘째 문장입니다.″\n\n재판은 끝났다.\n"
    assert paras(run(page)) == ["[홍길동/재판장]", "″첫째 문장입니다.\n둘째 문장입니다.″", "재판은 끝났다."]


def test_stray_html_is_removed_but_korean_in_angle_brackets_stays() -> None:
    page = (
        "<div class=″box″ style=″color:red;″><b>정부는</b> 영국 <가디언>이 보도했다고 밝혔다.</div>\n<hr>\n"
    )
    assert run(page).body == "정부는 영국 <가디언>이 보도했다고 밝혔다."


def test_characters_inside_paragraphs_are_kept() -> None:
    text = "그는\xa0“첫째”라며  ‘둘째’를   말했다."
    assert run(f"{text}\n").body == text


# --- structured sources --------------------------------------------------------------


def test_meta_fields_win() -> None:
    meta = {
        "title": "메타 제목",
        "published": "2020-05-06T07:08:00Z",
        "outlet": "한겨레신문",
        "author": "홍길동",
    }
    c = run(
        "페이지 제목이 여기에 있다\n\n입력 2021-01-01 10:00\n\n(서울=한빛뉴스) 정부는 발표했다.\n", meta=meta
    )
    assert (c.title, c.outlet, c.byline) == ("메타 제목", "한겨레", "홍길동")
    assert c.published == datetime(2020, 5, 6, 16, 8, tzinfo=KST) and c.published_has_time
    assert c.body == "정부는 발표했다."  # the page's own headline is still page noise


def test_meta_day_only() -> None:
    c = run("정부는 발표했다.\n", meta={"published": "2020-05-06"}, fmt="record")
    assert c.published == datetime(2020, 5, 6, tzinfo=KST) and not c.published_has_time


def test_url_gives_outlet_and_day_when_the_page_does_not() -> None:
    c = run("정부는 발표했다.\n", url="https://www.hankookilbo.com/News/Read/199204160025849878")
    assert c.outlet == "한국일보" and c.published == datetime(1992, 4, 16, tzinfo=KST)


def test_portal_url_names_no_outlet() -> None:
    assert run("정부는 발표했다.\n", url="https://news.zum.com/articles/12345678").outlet is None


def test_html_document() -> None:
    html = (
        "<html><head><style>p{color:red}</style><script>var a='<p>x</p>';</script></head><body>"
        "<h1>정부, 새 정책 발표</h1><p>입력 2021-02-03 04:05</p><p>정부는 &quot;새 정책&quot;을 발표했다.</p>"
        "<p>저작권자 © 미래경제 무단전재 및 재배포 금지</p></body></html>"
    )
    c = run(html, fmt="html")
    assert (c.title, c.outlet, c.body) == ("정부, 새 정책 발표", "미래경제", '정부는 "새 정책"을 발표했다.')
    assert c.published == datetime(2021, 2, 3, 4, 5, tzinfo=KST)


# --- robustness ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\n\u3000\n",
        "\xa0\n\xa0",
        "\ufeff",
        "\x00" * 1000,
        "\r\n" * 1000,
        '"' * 20_000,
        "“" * 5000 + "”" * 5000,
        "\n".join(['"가나다'] * 5000),
        "ⓒ" * 20_000,
        "[서울=" * 20_000,
        "<a " * 20_000,
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    c = run(text)
    assert isinstance(c.body, str) and 0 <= c.deck_end <= len(c.body)


def test_binary_junk_never_raises() -> None:
    rng = __import__("random").Random(7)
    for _ in range(20):
        junk = bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")
        run(junk)
    run(os.urandom(50_000).decode("utf-8", errors="replace"))


@pytest.mark.slow  # scaling: six 1 MB inputs
@pytest.mark.parametrize(
    "text",
    [
        "가" * 1_000_000,
        "대통령은 말했다 " * 120_000,
        "2024." * 200_000,
        "\n".join(["입력 2024.01.05 15:21"] * 20_000),
        "\n".join(["가나 다라"] * 50_000),
        " " * 1_000_000 + "끝",
    ],
    ids=["1MB line", "1MB words", "1MB digits", "20k timestamp lines", "50k short lines", "1MB spaces"],
)
def test_large_input_stays_fast(text: str) -> None:
    """Linear time: a megabyte takes well under a few seconds even on a slow CI machine."""
    t0 = time.perf_counter()
    run(text)
    assert time.perf_counter() - t0 < 5.0


# --- page shapes of portals and broadcasters --------------------------------------------

PORTAL_PAGE = """\
본문 바로가기
NAVER 뉴스
연합뉴스
언론사 구독하기
정부 "전기요금 동결…물가 안정 우선"
입력2024.01.05. 오후 3:21  기사원문
추천
댓글
본문 요약봇
텍스트 음성 변환 서비스 사용하기
글자 크기 변경하기
SNS 보내기
인쇄하기
(세종=연합뉴스) 홍길동 기자 = 정부는 1분기 전기요금을 동결한다고 5일 밝혔다.
산업부 관계자는 "물가 안정이 우선"이라고 말했다.
hong@yna.co.kr
Copyright ⓒ 연합뉴스. All rights reserved. 무단 전재-재배포, AI 학습 및 활용 금지.
기사 섹션 분류 안내
"""


def test_portal_page_widgets_are_neither_deck_nor_body() -> None:
    c = run(PORTAL_PAGE)
    assert (c.title, c.outlet, c.byline, c.dateline, c.deck_end) == (
        '정부 "전기요금 동결…물가 안정 우선"',
        "연합뉴스",
        "홍길동 기자",
        "세종",
        0,
    )
    assert c.published == datetime(2024, 1, 5, 15, 21, tzinfo=KST)
    assert paras(c) == [
        "정부는 1분기 전기요금을 동결한다고 5일 밝혔다.",
        '산업부 관계자는 "물가 안정이 우선"이라고 말했다.',
    ]


def test_reporter_name_glued_to_the_time_labels() -> None:
    page = (
        '미래경제\n여야, 예산안 합의…"민생 우선"\n오세진입력 2023. 12. 20. 15:21수정 2023. 12. 20. 16:00\n'
        "번역 설정 글씨크기 조절하기 인쇄하기\n[미래경제 오세진 기자] 여야가 20일 예산안에 합의했다.\n"
    )
    c = run(page)
    assert (c.title, c.outlet, c.byline, c.body) == (
        '여야, 예산안 합의…"민생 우선"',
        "미래경제",
        "오세진 기자",
        "여야가 20일 예산안에 합의했다.",
    )
    assert c.published == datetime(2023, 12, 20, 15, 21, tzinfo=KST)


def test_broadcast_transcript_tags_and_spoken_signoff() -> None:
    page = (
        '대통령 "개혁 멈추지 않겠다"\n입력 2023-05-10 20:10 | 수정 2023-05-10 20:30\n'
        "◀ 앵커 ▶\n대통령이 취임 1주년을 맞았습니다.\n◀ SYNC ▶ 홍길동 / 시민\n"
        '"잘 해주셨으면 좋겠습니다."\n한빛TV 뉴스 오세진입니다.\n'
    )
    c = run(page)
    assert paras(c) == [
        "◀ 앵커 ▶",
        "대통령이 취임 1주년을 맞았습니다.",
        "◀ SYNC ▶ 홍길동 / 시민",
        '"잘 해주셨으면 좋겠습니다."',
    ]
    assert (c.outlet, c.byline) == ("한빛TV", "오세진 기자")


def test_copyright_after_a_slogan() -> None:
    c = run("정부는 발표했다.\n\nGoodNews paper ⓒ 국민일보(www.kmib.co.kr), 무단전재 및 수집, 재배포금지\n")
    assert (c.outlet, c.body) == ("국민일보", "정부는 발표했다.")


def test_signoff_with_place_and_byline() -> None:
    c = run("두 후보는 10일 첫 토론회를 열었다.\n워싱턴=홍길동 특파원 hong@hanbit.example\n")
    assert (c.dateline, c.byline, c.body) == ("워싱턴", "홍길동 특파원", "두 후보는 10일 첫 토론회를 열었다.")


def test_portal_names_the_source_outlet() -> None:
    assert run("정부는 발표했다.\n\n기사제공 미래경제\n").outlet == "미래경제"


def test_a_kicker_before_a_headline_quoted_in_print_brackets_is_the_headline() -> None:
    c = run(
        "<인터뷰>河東植 어민연합회장 『바다를 지켜야 산다』\n\n입력 1993.03.02 00:00\n\n본문 첫 문장이다.\n"
    )
    assert c.title is not None and "바다를 지켜야 산다" in c.title


def test_a_kicker_in_brackets_before_a_quoted_headline_is_the_headline_not_a_broadcast_tag() -> None:
    page = '[인터뷰] 김민재 "바이에른에서 다시 증명하겠다"\n\n2024-08-02 18:00\n\n김민재가 본지와 만났다. 그는 "다시 증명하겠다"고 말했다.\n'
    assert (
        clean(RawDocument(source="kicker.txt", text=page)).title
        == '[인터뷰] 김민재 "바이에른에서 다시 증명하겠다"'
    )
