"""Broadcast scripts and printed interviews: soundbites under tags, speaker turns, Q&A answers.

Issue family 4.  Every script and interview here is written for these tests in the layouts
broadcasters and newspapers print: bracketed name/role tags, the words inside the bracket,
arrow and bullet labels, angle-bracket labels, 'name :' turns, and Q&A with labels or bullets.
A reporter's stand-up and the anchor's narration are not quotes.
"""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

from quotetrack.extract.marks import find_marks
from quotetrack.extract.transcript import broadcast_regions, find_interview, read_tag

pytestmark = pytest.mark.slow


def said(body: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes_of(body)}


def test_a_bracketed_name_and_role_tag_gives_the_paragraph_under_it() -> None:
    body = (
        "[앵커]\n\n폭우로 도로 곳곳이 잠겼습니다.\n\n"
        "[한지수 / 서울시 재난안전실장]\n\n배수펌프를 모두 가동하고 있습니다. 주민들께서는 지하차도를 피해 주십시오.\n\n"
        "[기자]\n\n비는 내일 오전까지 이어지겠습니다."
    )
    quotes = quotes_of(body)
    assert [(q.text, q.speaker, q.speaker_role) for q in quotes] == [
        (
            "배수펌프를 모두 가동하고 있습니다. 주민들께서는 지하차도를 피해 주십시오.",
            "한지수",
            "서울시 재난안전실장",
        )
    ]


def test_the_words_inside_the_bracket_are_the_soundbite() -> None:
    body = (
        "청문회에서는 사과가 이어졌습니다.\n\n"
        "[오민재/교육부 장관 후보자 : 거듭 죄송하다는 말씀을 드립니다]\n\n"
        "[유나래/국토부 장관 후보자 : 제 불찰입니다]"
    )
    assert said(body) == {"거듭 죄송하다는 말씀을 드립니다": "오민재", "제 불찰입니다": "유나래"}


def test_an_arrow_label_tag_names_a_description_and_the_dash_line_is_its_words() -> None:
    body = (
        "상인들의 걱정은 커지고 있습니다.\n\n"
        '▶ 인터뷰 : 시장 상인\n- "손님이 절반으로 줄었어요. 장사가 안 돼요."\n\n'
        "당국은 대책을 내놓겠다는 입장입니다."
    )
    assert said(body) == {"손님이 절반으로 줄었어요. 장사가 안 돼요.": "시장 상인"}


def test_a_stand_up_in_quotation_marks_is_not_a_quote() -> None:
    body = (
        '▶ 스탠딩 : 문가람 / 기자\n- "제가 서 있는 이곳이 사고가 난 교차로입니다."\n\n'
        '▶ 인터뷰 : 인근 주민\n- "밤마다 차들이 너무 빨리 달려요."'
    )
    assert said(body) == {"밤마다 차들이 너무 빨리 달려요.": "인근 주민"}


def test_an_angle_bracket_label_then_who_and_a_quotation_printed_without_blank_lines() -> None:
    body = (
        "불이 난 건 새벽 3시쯤.\n<씽크> 이웃 주민\n“연기가 복도에 가득했어요.\n정말 무서웠어요.”\n"
        "소방당국은 화재 원인을 조사하고 있습니다."
    )
    assert said(body) == {"연기가 복도에 가득했어요.\n정말 무서웠어요.": "이웃 주민"}


def test_name_colon_turns_of_an_old_transcript() -> None:
    body = (
        "황보경 앵커 :\n\n단속이 허술하다는 지적입니다.\n\n"
        "나은결 기자 :\n\n현장의 목소리를 들어봤습니다.\n\n"
        "상가 주인 :\n\n단속 나온 걸 본 적이 없어요.\n\n"
        "나은결 기자 :\n\n구청은 인력이 부족하다고 말합니다.\n\n"
        "시민 2 :\n\n이제는 포기했어요."
    )
    assert said(body) == {
        "단속 나온 걸 본 적이 없어요.": "상가 주인",
        "이제는 포기했어요.": "시민 2",
        "인력이 부족하다": "구청",  # reported speech in the reporter's narration
    }


def test_a_radio_interview_in_bullet_name_turns_quotes_the_guest_with_the_role_its_credits_give() -> None:
    body = (
        "■ 방송 : 한빛 라디오 <아침 시사> FM 91.9\n"
        "■ 진행 : 오세라 앵커\n"
        "■ 대담 : 마도윤 (한빛대 경제학과 교수)\n\n"
        "◇ 오세라> 금리가 또 올랐습니다. 마도윤 교수 연결돼 있습니다. 교수님, 나와 계시죠?\n\n"
        "◆ 마도윤> 네, 안녕하세요.\n\n"
        "◇ 오세라> 가계 부담은 어느 정도입니까?\n\n"
        "◆ 마도윤> 이자 부담이 한계에 왔습니다. 연말까지는 버티기 어렵다고 봅니다."
    )
    quotes = quotes_of(body)
    assert {q.text: q.speaker for q in quotes} == {
        "네, 안녕하세요.": "마도윤",
        "이자 부담이 한계에 왔습니다. 연말까지는 버티기 어렵다고 봅니다.": "마도윤",
    }
    assert {q.speaker_role for q in quotes} == {"한빛대 경제학과 교수"}


def test_a_soundbite_tag_with_who_speaks_and_their_words_on_one_line_after_a_colon() -> None:
    body = (
        "[앵커]\n\n어젯밤 전통시장에 불이 났습니다.\n\n"
        '[인터뷰] 모상훈(해오름시장 상인) : "하룻밤 새 가게가 사라졌어요."\n\n'
        '[녹취] 구청 관계자(음성변조) : "점검은 순서대로 하고 있었습니다."\n\n'
        "소방당국은 전기 합선을 원인으로 보고 있습니다."
    )
    assert said(body) == {
        "하룻밤 새 가게가 사라졌어요.": "모상훈",
        "점검은 순서대로 하고 있었습니다.": "구청 관계자",
    }


def test_an_announced_print_interview_with_equals_labels_is_with_who_spoke_before_it() -> None:
    body = (
        "쌀 협상 타결이 임박했다. 全國어민연합 河東植회장은 지난 3일 기자와 만나 "
        "『약속이 또 뒤집힌다』고 말했다. 다음은 일문일답.\n\n"
        " 문=정부는 불가 입장이라는데.\n 답=말뿐이다. 협상장 분위기는 다르다.\n\n"
        " 문=대응은.\n 답=다음달 궐기대회를 연다."
    )
    got = said(body)
    assert got["말뿐이다. 협상장 분위기는 다르다."] == "河東植"
    assert got["다음달 궐기대회를 연다."] == "河東植"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[인터뷰:도하준, 환경운동연합 사무처장]", "speech"),
        ("【 앵커멘트 】", "narration"),
        ("<스탠드업>", "standup"),
        ("(S/U)", "standup"),
        ("■ 녹취 : 피해 학생 학부모", "speech"),
    ],
)
def test_tag_shapes(line: str, kind: str) -> None:
    tag = read_tag(line, 0, len(line), turns=False)
    assert tag is not None and tag.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "<출근길 도로 곳곳 '살얼음'>",
        "[사진=연합뉴스]",
        "(서울=연합뉴스)",
        "▶ 관련 기사 보기",
        "사진: 서울시 제공",
    ],
)
def test_intertitles_credits_and_captions_are_no_tags(line: str) -> None:
    assert read_tag(line, 0, len(line), turns=True) is None


def test_a_dash_question_and_triangle_answer_interview() -> None:
    body = (
        "여은서 감독이 새 작품을 내놨다. 다음은 일문일답.\n\n"
        "-새 작품을 소개해 달라.\n\n▲가족이 서로를 다시 알아가는 이야기다.\n\n"
        "-촬영은 어땠나.\n\n▲겨울 바다라 배우들이 고생했다. 그래도 후회는 없다.\n\n"
        "다음 작품은 아직 정하지 않았다."
    )
    got = by_text(quotes_of(body))
    assert got["가족이 서로를 다시 알아가는 이야기다."].speaker == "여은서"
    assert got["겨울 바다라 배우들이 고생했다. 그래도 후회는 없다."].speaker == "여은서"
    assert "새 작품을 소개해 달라." not in got and "촬영은 어땠나." not in got


def test_an_interview_run_together_in_one_paragraph_gives_each_answer_to_the_interviewee() -> None:
    body = (
        "결승골을 넣은 도하람은 경기 뒤 현지 방송사인 SVT 스포츠와의 인터뷰에서 "
        "『오늘은 운이 따랐다』고 말했다. ―결승골 장면을 설명해 달라. 『수비가 비는 순간 그냥 찼다』 "
        "―다음 경기 각오는…. 『한 경기씩 이기겠다. 팬들께 감사하다』 〈스톡홀름〓특파원〉"
    )
    got = said(body)
    assert got == {
        "오늘은 운이 따랐다": "도하람",
        "수비가 비는 순간 그냥 찼다": "도하람",
        "한 경기씩 이기겠다. 팬들께 감사하다": "도하람",
    }


def test_q_and_a_labels_and_an_answer_in_quotation_marks_over_two_paragraphs() -> None:
    body = (
        "마라톤 선수 석하윤이 기자회견을 가졌다.\n\n"
        'Q. 코스는 어떤가.\n\n"언덕이 많다.\n\n후반이 승부처가 될 것 같다"\n\n'
        'Q. 목표는.\n\n"완주가 먼저다"'
    )
    got = said(body)
    assert got == {"언덕이 많다.\n\n후반이 승부처가 될 것 같다": "석하윤", "완주가 먼저다": "석하윤"}


def test_a_bulleted_list_is_not_an_interview() -> None:
    body = (
        "올해 달라지는 제도는 다음과 같다.\n\n- 최저임금 인상.\n\n- 육아휴직 기간 확대.\n\n- 전기요금 동결."
    )
    assert find_interview(body, find_marks(body)) is None


def test_plain_prose_has_no_broadcast_regions() -> None:
    body = '허윤석 대표는 "내년 상장을 추진한다"고 말했다.\n\n회사는 올해 흑자를 냈다.'
    assert broadcast_regions(body, find_marks(body)) == []


def test_two_interviews_in_one_article_each_go_to_the_person_introduced_before_them() -> None:
    body = (
        "올해 데뷔 10년을 맞은 배우 탁서윤을 만나 소감을 들어봤다.\n\n"
        "Q. 10년을 돌아보면?\n\nA. 매 작품이 시험이었다.\n\n"
        "Q. 다음 목표는?\n\nA. 무대 연기에 도전하고 싶다.\n\n"
        "신인상을 받은 배우 연지후도 만나 이야기를 나눴다.\n\n"
        "Q. 수상 소감은?\n\nA. 아직 실감이 나지 않는다."
    )
    got = said(body)
    assert got["매 작품이 시험이었다."] == "탁서윤"
    assert got["무대 연기에 도전하고 싶다."] == "탁서윤"
    assert got["아직 실감이 나지 않는다."] == "연지후"


def test_a_bystander_who_spoke_before_the_questions_is_not_the_interviewee() -> None:
    body = (
        "수영 선수 맹하은이 기자회견을 했다.\n\n"
        '사회를 본 협회의 진보람씨도 "영어 실력이 많이 늘었다"고 말했다.\n\n'
        '-컨디션은 어떤가.\n\n"아주 좋다"\n\n-목표는.\n\n"결승 진출이다"'
    )
    got = said(body)
    assert got["아주 좋다"] == "맹하은" and got["결승 진출이다"] == "맹하은"


def test_a_script_run_together_on_one_line_is_cut_at_its_tags() -> None:
    body = (
        "[앵커] 새벽 도심에서 화재가 났습니다. 나하람 기자입니다. [기자] 불길은 순식간에 번졌습니다. "
        "[배수진 / 목격자] 연기가 너무 많이 나서 앞이 안 보였어요. [기자] 경찰은 원인을 조사하고 있습니다."
    )
    assert said(body) == {"연기가 너무 많이 나서 앞이 안 보였어요.": "배수진"}


def test_a_reporters_question_at_a_briefing_holds_no_quote() -> None:
    body = (
        "[마서준 / 국방부 대변인]\n\n추가 질문 받겠습니다.\n\n"
        "[기자]\n\n외신 보도에 따르면 비행거리가 길었다고 하는데 맞습니까?\n\n"
        "[마서준 / 국방부 대변인]\n\n분석 중입니다."
    )
    assert said(body) == {"추가 질문 받겠습니다.": "마서준", "분석 중입니다.": "마서준"}


@pytest.mark.parametrize("ending", ["있다라고 말했다", "있다라며 웃었다"])
def test_speech_ending_in_da_before_the_quotative_ra_keeps_its_da(ending: str) -> None:
    q = one(quotes_of(f"구도윤 감독은 아직 기회가 {ending}."), "기회가")
    assert q.text == "아직 기회가 있다"


@pytest.mark.parametrize("sep", ["=", ": "])
def test_a_joint_interview_whose_answers_name_who_gives_them(sep: str) -> None:
    body = (
        "감독 연하준과 배우 모서율이 함께 인터뷰에 응했다.\n\n"
        f"-출연 계기는.\n\n▲모서율 배우{sep}대본을 읽고 바로 결정했다.\n\n▲연하준 감독{sep}처음부터 그를 생각했다.\n\n"
        f"-흥행 목표는.\n\n▲연하준 감독{sep}숫자는 생각하지 않는다."
    )
    got = said(body)
    assert got["대본을 읽고 바로 결정했다."] == "모서율"
    assert got["처음부터 그를 생각했다."] == "연하준"
    assert got["숫자는 생각하지 않는다."] == "연하준"


def test_stage_names_after_a_role_are_names() -> None:
    body = '리더 별은 "꿈만 같다"고 말했다. 막내 이안은 "언니들이 챙겨줬다"고 털어놨다.'
    got = said(body)
    assert got == {"꿈만 같다": "별", "언니들이 챙겨줬다": "이안"}


def test_a_shout_in_a_script_that_no_one_is_named_for_is_no_quote() -> None:
    body = '[앵커]\n\n밤새 고성이 오갔습니다.\n\n"비켜! 비켜!"\n\n[기자]\n\n경찰은 2명을 연행했습니다.'
    assert said(body) == {}


def test_a_tag_without_brackets_and_a_soundbite_the_page_cuts_off() -> None:
    body = (
        '[기자]\n\n상인들은 불안해합니다.\n\n도하나 / 시장 상인\n"매출이 반으로 줄었어요."\n\n'
        '<씽크> 시장 상인\n"저희 가게도 문을 닫을까'
    )
    assert said(body) == {"매출이 반으로 줄었어요.": "도하나"}


def test_bullet_turns_of_an_old_evening_news_script() -> None:
    """● 앵커: / ● 기자: narrate; ● 이름(역할): and ● 시민: speak, each on its own line."""
    body = (
        "● 앵커: 장마가 시작되자 채솟값이 크게 올랐습니다. 박정우 기자입니다.\n"
        "● 기자: 시장에는 손님이 눈에 띄게 줄었습니다.\n"
        "● 회사원: 장바구니에 담을 게 별로 없네요.\n"
        "● 이만수(과일 상인): 하루에 열 상자도 못 팔아요.\n"
        "● 기자: 정부는 비축 물량을 풀기로 했습니다.\n"
    )
    quotes = quotes_of(body)
    assert [(q.text, q.speaker, q.speaker_role) for q in quotes] == [
        ("장바구니에 담을 게 별로 없네요.", "회사원", None),
        ("하루에 열 상자도 못 팔아요.", "이만수", "과일 상인"),
    ]


def test_a_role_in_parentheses_may_hold_a_number_but_a_name_may_not() -> None:
    body = (
        "● 앵커: 불이 난 건물에서 주민들이 대피했습니다.\n"
        "● 최영희(당시 3층): 연기가 갑자기 복도로 들어왔어요.\n"
        "● 기자: 소방당국은 원인을 조사하고 있습니다.\n"
    )
    assert [(q.speaker, q.speaker_role) for q in quotes_of(body)] == [("최영희", "당시 3층")]


def test_a_programme_credit_over_a_radio_transcript_is_no_ones_turn() -> None:
    body = (
        "■ 방송 : 한빛라디오 <아침 시사> FM 95.5 (07:00~09:00)\n"
        "■ 진행 : 김수정 앵커\n"
        "■ 대담 : 박철민 (한빛대 경제학과 교수)\n\n"
        "김수정 앵커 : 물가 얘기부터 해보죠.\n"
        "박철민 교수 : 하반기에는 조금 나아질 겁니다.\n"
    )
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes] == [("하반기에는 조금 나아질 겁니다.", "박철민")]


def test_an_answer_labelled_with_its_giver_in_parentheses() -> None:
    body = (
        "다음은 브리핑 일문일답.\n\n"
        "문 : 피해 규모는 어느 정도인가.\n\n"
        "답(정민호 대변인) : 아직 집계 중입니다.\n\n"
        "문 : 복구는 언제 끝나나.\n\n"
        "답(정민호 대변인) : 이번 주 안에 마치겠습니다.\n"
    )
    assert said(body) == {"아직 집계 중입니다.": "정민호", "이번 주 안에 마치겠습니다.": "정민호"}


def test_a_soundbite_the_saved_page_cuts_off_mid_sentence_is_left_out() -> None:
    body = (
        "● 앵커: 강풍에 간판이 떨어졌습니다.\n"
        "● 김순례(상인): 바람 소리가 무서웠어요.\n"
        "● 기자: 피해 신고가 잇따랐습니다.\n"
        "● 오태식(주민):갑자기 유리창이 와장창 깨지"
    )
    assert said(body) == {"바람 소리가 무서웠어요.": "김순례"}


def test_an_announced_interview_needs_one_question_and_takes_statements_as_questions() -> None:
    """다음은 …와의 일문일답: what follows is certain to be an interview, whatever its questions look like."""
    body = (
        "조현우 한빛은행장이 취임 첫 기자간담회를 열었다. 다음은 조 행장과의 일문일답.\n\n"
        "-연체율이 다시 오르고 있다.\n\n"
        "취약 차주 지원을 늘리겠다. 건전성 관리도 함께 하겠다.\n\n"
        "-해외 진출 계획은.\n\n"
        "동남아 법인을 먼저 키우겠다."
    )
    assert said(body) == {
        "취약 차주 지원을 늘리겠다. 건전성 관리도 함께 하겠다.": "조현우",
        "동남아 법인을 먼저 키우겠다.": "조현우",
    }


def test_a_bulleted_list_without_an_announcement_is_no_interview() -> None:
    body = (
        "시는 올해 바뀌는 제도를 발표했다.\n\n"
        "-버스 요금이 100원 오른다.\n\n"
        "-심야버스 노선이 늘어난다.\n\n"
        '시 관계자는 "시민 불편을 줄이겠다"고 말했다.'
    )
    assert said(body) == {"시민 불편을 줄이겠다": "시 관계자"}


def test_someone_quoted_inside_an_interview_answer_speaks_their_own_words() -> None:
    body = (
        "다음은 조 행장과의 일문일답.\n\n"
        "-해외 진출 계획은.\n\n"
        '동남아 법인을 먼저 키우겠다. 베트남 금융당국 관계자도 "한국 은행의 진출을 환영한다"고 말했다.'
    )
    quotes = by_text(quotes_of(body))
    assert quotes["한국 은행의 진출을 환영한다"].speaker == "베트남 금융당국 관계자"
    assert any(text.startswith("동남아 법인을 먼저 키우겠다.") for text in quotes)


def test_someone_quoted_inside_a_soundbite_speaks_their_own_words() -> None:
    body = (
        "[앵커]\n\n수출이 석 달째 늘었습니다.\n\n"
        "[김하영 / 한빛무역 대표]\n\n"
        '바이어들이 "한국 제품은 믿을 수 있다"고 하더라고요. 주문이 두 배로 늘었습니다.\n\n'
        "[기자]\n\n정부는 지원을 늘리기로 했습니다."
    )
    quotes = by_text(quotes_of(body))
    assert quotes["한국 제품은 믿을 수 있다"].speaker == "바이어들"
    soundbite = next(q for text, q in quotes.items() if text.startswith("바이어들이"))
    assert soundbite.speaker == "김하영"


def test_a_paragraph_reporting_someone_elses_words_after_the_last_answer_ends_the_interview() -> None:
    body = (
        "쇼트트랙 국가대표 나윤서 선수가 14일 귀국했다. 다음은 나윤서와의 일문일답.\n\n"
        "-- 우승 소감은.\n▲ 아직 꿈만 같다. 가족에게 고맙다.\n\n"
        "-- 다음 목표는.\n▲ 세계선수권이다.\n\n"
        '나윤서를 지도한 도한결 코치는 "훈련을 한 번도 빼먹지 않은 선수"라고 말했다.\n\n'
        "연맹은 선수단에 포상금을 지급하겠다고 밝혔다."
    )
    quotes = by_text(quotes_of(body))
    assert quotes["세계선수권이다."].speaker == "나윤서"
    assert quotes["훈련을 한 번도 빼먹지 않은 선수"].speaker == "도한결"
    assert quotes["선수단에 포상금을 지급하겠다"].speaker == "연맹"


def test_answers_printed_in_quotation_marks_after_the_marker_are_the_interviewees() -> None:
    body = (
        '"아직 배고파요."\n\n'
        "은메달리스트 도하람(19)은 귀국 이틀 뒤 선수촌에서 만나 밝게 웃었다.\n\n"
        "- 마지막 화살을 쏠 때 무슨 생각을 했나.\n"
        "▲ \"코치님이 '괜찮다'고 하셨는데 저는 10점만 생각했어요.\"\n\n"
        "- 다음 목표는.\n"
        '▲ "4년 뒤 시상대 가운데에 서고 싶어요."\n\n'
        '대표팀 나성훈 코치는 "끝까지 침착했다"고 말했다.'
    )
    quotes = by_text(quotes_of(body))
    assert quotes["아직 배고파요."].speaker == "도하람"  # the lead's quote: whom the next sentence is about
    assert quotes["4년 뒤 시상대 가운데에 서고 싶어요."].speaker == "도하람"
    assert quotes["코치님이 '괜찮다'고 하셨는데 저는 10점만 생각했어요."].speaker == "도하람"
    assert quotes["끝까지 침착했다"].speaker == "나성훈"
