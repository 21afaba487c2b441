"""Who said it: speakers found before or after the quote, carried over, resolved within the article."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import by_text, one, quotes_of

pytestmark = pytest.mark.slow


def test_the_speaker_placed_after_the_quote_is_found() -> None:
    q = one(quotes_of('"협상은 아직 끝나지 않았다"고 김정훈 대표는 말했다.'), "협상은")
    assert q.speaker == "김정훈"


def test_name_and_title_are_split_into_speaker_and_role() -> None:
    q = one(quotes_of('알렉산드르 노박 러시아 부총리는 "감산을 연장할 것"이라고 말했다.'), "감산")
    assert (q.speaker, q.speaker_role) == ("알렉산드르 노박", "러시아 부총리")


def test_a_role_printed_before_the_name_is_the_role() -> None:
    q = one(quotes_of('영화감독 봉준호는 "이번 작품은 가족 이야기"라고 소개했다.'), "이번 작품")
    assert (q.speaker, q.speaker_role) == ("봉준호", "영화감독")


def test_a_topic_inside_the_quoted_words_is_not_the_speaker() -> None:
    body = '마크롱 프랑스 대통령은 "유럽은 단결해야 한다"며 독일은 "더 많은 책임을 져야 한다"고 강조했다.'
    quotes = quotes_of(body)
    assert {q.speaker for q in quotes} == {"마크롱"}


def test_a_subject_of_an_earlier_clause_does_not_speak_for_a_later_one() -> None:
    body = '이에 박 차관이 "검토하겠다"고 답하자 윤 의원은 "언제까지 검토만 하느냐"고 되물었다.'
    quotes = quotes_of("박상우 국토부 차관과 윤미선 국회의원이 국정감사에서 맞붙었다. " + body)
    got = by_text(quotes)
    assert got["검토하겠다"].speaker == "박상우"
    assert got["언제까지 검토만 하느냐"].speaker == "윤미선"


@pytest.mark.parametrize("opener", ["그는", "그녀는", "이어", "또", "그러면서", "이어 그는", "또한 그녀는"])
def test_pronouns_and_carried_over_subjects_point_to_the_last_speaker(opener: str) -> None:
    body = (
        '조수연 서울대 교수는 "인구 감소는 이미 시작됐다"고 말했다. '
        f'{opener} "지방 대학부터 문을 닫게 될 것"이라고 경고했다.'
    )
    assert one(quotes_of(body), "지방 대학").speaker == "조수연"


def test_a_subject_omitted_entirely_is_carried_from_the_previous_quote() -> None:
    body = '한상혁 의장은 "표결은 내일 진행한다"고 밝혔다. 반대 의견에 대해서는 "충분히 들었다"고 했다.'
    assert one(quotes_of(body), "충분히").speaker == "한상혁"


@pytest.mark.parametrize(
    ("later", "full"),
    [("김 위원장은", "김영철"), ("이 장관은", "이상민"), ("노 대변인은", "노규덕")],
)
def test_surname_and_title_resolve_to_the_full_name_given_earlier(later: str, full: str) -> None:
    body = (
        "김영철 노동당 통일전선부장 겸 위원장과 이상민 행정안전부 장관, 노규덕 외교부 대변인이 참석했다. "
        f'{later} "대화가 필요하다"고 말했다.'
    )
    assert one(quotes_of(body), "대화가").speaker == full


def test_two_people_with_the_same_title_are_told_apart_by_surname() -> None:
    body = (
        '김기현 대표와 이재명 대표가 회동했다. 김 대표는 "민생이 먼저"라고 말했다. '
        '이 대표는 "특검부터 받으라"고 맞섰다.'
    )
    got = by_text(quotes_of(body))
    assert got["민생이 먼저"].speaker == "김기현"
    assert got["특검부터 받으라"].speaker == "이재명"


def test_a_title_alone_points_back_to_the_person_holding_it() -> None:
    body = (
        '존 커비 백악관 국가안보소통보좌관은 "추가 제재를 검토 중"이라고 밝혔다. '
        '보좌관은 "동맹과 긴밀히 협의하고 있다"고 덧붙였다.'
    )
    q = one(quotes_of(body), "동맹과")
    assert (q.speaker, q.speaker_role) == ("존 커비", "백악관 국가안보소통보좌관")


@pytest.mark.parametrize(
    ("subject", "speaker", "kind"),
    [
        ("외교부는", "외교부", "organisation"),
        ("정부 관계자는", "정부 관계자", "anonymous"),
        ("대북 소식통은", "대북 소식통", "anonymous"),
        ("청와대는", "청와대", "organisation"),
    ],
)
def test_organisations_and_anonymous_sources_speak_as_printed(subject: str, speaker: str, kind: str) -> None:
    q = one(quotes_of(f'{subject} "상황을 예의주시하고 있다"고 밝혔다.'), "예의주시")
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


def test_a_medium_relaying_someones_words_is_not_the_speaker() -> None:
    body = '아베 신조 일본 총리는 "매우 유감"이라고 말했다고 교도통신이 전했다.'
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes] == [("매우 유감", "아베 신조")]


def test_a_medium_is_the_speaker_of_its_own_report() -> None:
    q = one(quotes_of("뉴욕타임스는 두 회사가 합병을 논의하고 있다고 보도했다."), "합병")
    assert q.speaker == "뉴욕타임스"


def test_a_medium_in_topic_position_gives_way_to_the_person_quoted() -> None:
    body = '로이터통신은 마크 뤼터 나토 사무총장이 "우크라이나 지원은 계속된다"고 말했다고 보도했다.'
    assert one(quotes_of(body), "우크라이나").speaker == "마크 뤼터"


@pytest.mark.parametrize(
    "tag",
    [
        "[인터뷰:박민지, 서울 마포구 주민]",
        "[인터뷰: 박민지/서울 마포구 주민]",
        "▶ 인터뷰 : 박민지 / 서울 마포구 주민",
        "[박민지/서울 마포구 주민]",
        "<인터뷰:박민지, 서울 마포구 주민>",
        "(인터뷰:박민지, 서울 마포구 주민)",
        "【인터뷰:박민지, 서울 마포구 주민】",
    ],
)
def test_broadcast_soundbite_tags_give_the_speaker_of_the_lines_below(tag: str) -> None:
    body = f'전세 사기 피해가 이어지고 있습니다.\n\n{tag}\n"보증금을 돌려받을 길이 막막합니다."'
    q = one(quotes_of(body), "보증금")
    assert (q.speaker, q.speaker_role) == ("박민지", "서울 마포구 주민")


def test_a_soundbite_without_marks_is_still_a_quote() -> None:
    body = "[인터뷰:이도윤/소방관]\n불길이 너무 빨리 번져서 진입이 어려웠습니다.\n\n[기자]\n화재 원인은 조사 중입니다."
    q = one(quotes_of(body), "불길이")
    assert q.speaker == "이도윤"
    assert all("화재 원인" not in q.text for q in quotes_of(body))


def test_answers_in_a_question_and_answer_interview_are_the_interviewees_quotes() -> None:
    body = (
        "정재훈 한국은행 총재는 15일 본지와 인터뷰에서 금리 전망을 밝혔다.\n\n"
        "-올해 금리를 더 내릴 계획인가.\n\n"
        "물가가 안정되면 하반기에 한 차례 더 내릴 수 있습니다.\n\n"
        "-부동산 시장은 어떻게 보나.\n\n"
        "수도권 집값이 다시 오르고 있어 경계하고 있습니다."
    )
    quotes = quotes_of(body)
    answers = [q for q in quotes if q.text.startswith(("물가가", "수도권"))]
    assert len(answers) == 2
    assert {q.speaker for q in answers} == {"정재훈"}
    assert all(q.kind == "direct" for q in answers)
    assert not any("계획인가" in q.text for q in quotes)


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ('윤 대통령 "규제 혁신 속도 내야"', "윤석열"),
        ('윤석열, "규제 혁신 속도 내야"', "윤석열"),
        ('"규제 혁신 속도 내야" 윤 대통령 강조', "윤석열"),
        ('대통령실 "규제 혁신 속도 내야"', "대통령실"),
    ],
)
def test_a_headline_quote_is_given_to_the_full_name_from_the_body(title: str, speaker: str) -> None:
    body = '윤석열 대통령은 14일 국무회의에서 "규제 혁신에 속도를 내야 한다"고 말했다.'
    quotes = quotes_of(body, title=title)
    head = [q for q in quotes if q.kind == "headline"]
    assert [(q.text, q.speaker) for q in head] == [("규제 혁신 속도 내야", speaker)]
    assert head[0].field == "title"
    assert head[0].said_on == date(2024, 3, 14)


def test_the_same_words_stated_on_a_speakers_behalf_by_a_spokesperson_go_to_the_person() -> None:
    body = (
        "국방부는 북한의 발사가 명백한 도발이라고 밝혔다.\n\n"
        '전하규 국방부 대변인은 15일 브리핑에서 "추가 도발에 단호히 대응하겠다"며 이같이 말했다.'
    )
    q = one(quotes_of(body), "명백한 도발")
    assert q.speaker == "전하규"


def test_a_quote_explained_as_someones_view_is_theirs() -> None:
    body = '"하반기 금리 인하가 시작될 것"이라는 게 김동원 KB증권 연구원의 설명이다.'
    q = one(quotes_of(body), "금리 인하")
    assert (q.speaker, q.speaker_role) == ("김동원", "KB증권 연구원")


def test_a_common_noun_before_a_korean_name_is_part_of_the_role() -> None:
    body = '바이에른 뮌헨의 수비수 김민재는 "다시 증명하겠다"고 말했다.'
    q = one(quotes_of(body), "증명")
    assert q.speaker == "김민재"
    assert q.speaker_role is not None and "수비수" in q.speaker_role


def test_a_hanja_abbreviation_in_a_headline_is_spelled_out() -> None:
    body = "미국 국무부는 12일 북한의 미사일 발사를 강력히 규탄한다고 밝혔다."
    (head,) = [
        q for q in quotes_of(body, title='美국무부 "北 미사일 발사 강력 규탄"') if q.kind == "headline"
    ]
    assert head.speaker == "미국 국무부"


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ('尹 "노동 개혁 미룰 수 없다"', "윤동호"),
        ('尹 호남 방문 "노동 개혁 미룰 수 없다"', "윤동호"),
    ],
)
def test_a_hanja_surname_in_a_headline_is_the_bodys_one_person_of_that_surname(
    title: str, speaker: str
) -> None:
    body = (
        '윤동호 대통령은 3일 광주를 찾아 "노동 개혁은 더는 미룰 수 없다"고 말했다.\n\n'
        '박서진 광주시장은 "지역 일자리가 먼저"라고 답했다.'
    )
    (head,) = [q for q in quotes_of(body, title=title) if q.kind == "headline"]
    assert head.speaker == speaker


def test_a_hanja_surname_two_people_of_the_body_share_is_not_guessed() -> None:
    body = (
        '윤동호 대통령은 3일 "노동 개혁은 더는 미룰 수 없다"고 말했다.\n\n'
        '윤민아 의원은 "속도보다 합의"라고 반박했다.'
    )
    (head,) = [
        q for q in quotes_of(body, title='尹 호남 방문 "노동 개혁 미룰 수 없다"') if q.kind == "headline"
    ]
    assert head.speaker not in ("윤민아",)


@pytest.mark.parametrize(
    "title",
    [
        '사고 생존자가 전하는 당시 상황 "대피할 틈도 없었다"',  # the phrase before the quote ends in a topic noun
        '한중관계, "대피할 틈도 없었다"',  # a topic label with a comma, not a name
    ],
)
def test_a_topic_noun_before_a_headline_quote_is_no_speaker_the_body_quote_it_copies_tells_who(
    title: str,
) -> None:
    body = '화재 현장에서 구조된 40대 주민 한모씨는 "불길이 번져 대피할 틈도 없었다"고 말했다.'
    (head,) = [q for q in quotes_of(body, title=title) if q.kind == "headline"]
    assert head.speaker == "한모씨"


def test_a_common_word_the_body_glosses_as_a_name_stays_the_headline_speaker() -> None:
    body = '밴드 바람(WIND)이 2년 만에 새 앨범을 냈다.\n\n보컬 도하진은 "기다려 준 팬들께 감사하다"고 말했다.'
    (head,) = [q for q in quotes_of(body, title='바람 "기다려 준 팬들께 감사"') if q.kind == "headline"]
    assert head.speaker == "바람"


def test_a_headline_quote_with_no_speaker_over_a_body_that_quotes_no_one_stays_unattributed() -> None:
    body = "삼성전자의 3분기 영업이익이 9조원으로 집계됐다. 메모리 가격은 두 달째 올랐다."
    (head,) = [
        q
        for q in quotes_of(body, title='삼성전자 3분기 영업익 9조…"HBM 회복이 관건"')
        if q.kind == "headline"
    ]
    assert head.speaker is None


def test_a_quote_followed_by_whose_words_they_are_is_theirs() -> None:
    q = one(quotes_of('"전기요금 인상은 불가피하다." 안덕근 산업통상자원부 장관의 말이다.'), "전기요금")
    assert (q.speaker, q.speaker_role) == ("안덕근", "산업통상자원부 장관")


def test_a_title_missing_from_our_lists_still_comes_apart_from_a_korean_name() -> None:
    q = one(quotes_of('이창용 총재는 "물가가 안정되고 있다"고 말했다.'), "물가가")
    assert q.speaker == "이창용"


def test_two_speakers_contrasted_in_two_sentences_keep_their_own_quotes() -> None:
    body = (
        '김상훈 국토부 장관은 "요금 인상은 없다"는 입장이다. 반면 박영진 의원은 "인상이 불가피하다"고 했다.'
    )
    got = by_text(quotes_of(body))
    assert got["요금 인상은 없다"].speaker == "김상훈"
    assert got["인상이 불가피하다"].speaker == "박영진"


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ('미 국방부 "방위 공약 변함없어"', "미국 국방부"),
        ('미 백악관 "방위 공약 변함없어"', "백악관"),
        ('靑 "방위 공약 변함없어"', "청와대"),
    ],
)
def test_a_headline_organisation_keeps_its_country_unless_its_name_already_says_it(
    title: str, speaker: str
) -> None:
    body = '존 서플 대변인은 "방위 공약은 변함없다"고 말했다.'
    (head,) = [q for q in quotes_of(body, title=title) if q.kind == "headline"]
    assert head.speaker == speaker


def test_a_headline_gives_the_fuller_role_when_the_body_shortens_it() -> None:
    body = "마치무라 외상은 이날 담화에서 “한국 국민의 심정을 무겁게 받아들인다.”고 밝혔다."
    quotes = quotes_of(body, title="마치무라 日외상 담화 “과거 반성할 것은 반성”")
    assert {(q.speaker, q.speaker_role) for q in quotes} == {("마치무라", "일본 외상")}


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ('한 외교 소식통은 "협상이 막바지"라고 말했다.', "한 외교 소식통", "anonymous"),
        ('연예인들의 소속사들은 "전혀 사실이 아니다"라고 일축했다.', "연예인들의 소속사들", "organisation"),
        ('배우 원빈 소속사 측은 "사실무근"이라고 밝혔다.', "배우 원빈 소속사", "organisation"),
    ],
)
def test_descriptions_of_unnamed_speakers_are_kept_as_printed(sentence: str, speaker: str, kind: str) -> None:
    (q,) = quotes_of(sentence)
    assert (q.speaker, q.speaker_role, q.speaker_kind) == (speaker, None, kind)


def test_a_time_before_the_name_is_not_part_of_it() -> None:
    q = one(quotes_of('회담 직후 블링컨 국무장관은 "진전이 있었다"고 말했다.'), "진전")
    assert (q.speaker, q.speaker_role) == ("블링컨", "국무장관")


def test_former_and_current_belong_to_the_role() -> None:
    q = one(quotes_of('트럼프 전 대통령은 "선거는 조작됐다"고 주장했다.'), "조작")
    assert (q.speaker, q.speaker_role) == ("트럼프", "전 대통령")


def test_a_quote_naming_what_the_subject_wrote_or_stated_is_the_subjects() -> None:
    body = '트럼프 전 대통령은 자신의 소셜미디어에 "선거는 조작됐다"는 글을 올렸다.'
    assert one(quotes_of(body), "조작").speaker == "트럼프"


def test_a_quote_ending_its_own_sentence_takes_the_speaker_of_the_clause_after_it() -> None:
    body = '"우리는 포기하지 않는다." 젤렌스키 우크라이나 대통령은 이날 영상 연설에서 이같이 말했다.'
    q = one(quotes_of(body), "포기하지")
    assert (q.speaker, q.speaker_role) == ("젤렌스키", "우크라이나 대통령")


def test_a_short_name_shared_by_two_people_goes_to_the_one_mentioned_last() -> None:
    body = (
        '도널드 트럼프 전 대통령은 "관세를 올리겠다"고 말했다. '
        '이방카 트럼프 전 보좌관은 "아버지를 돕겠다"고 말했다. 트럼프는 "끝까지 간다"고 덧붙였다.'
    )
    assert one(quotes_of(body), "끝까지").speaker == "이방카 트럼프"


def test_a_name_learned_in_full_later_is_found_by_any_of_its_words() -> None:
    body = (
        '푸틴 대통령은 "협상은 없다"고 말했다. 블라디미르 푸틴 러시아 대통령은 "전쟁은 계속된다"고 밝혔다. '
        '젤렌스키 대통령은 "굴복하지 않는다"고 말했다. 블라디미르는 "끝까지 간다"고 덧붙였다.'
    )
    assert {q.text: q.speaker for q in quotes_of(body)} == {
        "협상은 없다": "블라디미르 푸틴",
        "전쟁은 계속된다": "블라디미르 푸틴",
        "굴복하지 않는다": "젤렌스키",
        "끝까지 간다": "블라디미르 푸틴",
    }


@pytest.mark.parametrize(
    "title, speaker",
    [
        ("'급식 중단' 세종 B초…시교육청 \"급식 업체 전면 재점검\"", "세종시교육청"),
        ('집중호우에 하천 범람…주민들 "평생 처음 본다"', "주민들"),
    ],
)
def test_after_a_headline_ellipsis_the_noun_before_the_quote_speaks(title: str, speaker: str) -> None:
    body = (  # someone else is quoted most: the headline's speaker is the one it names
        '학부모연대는 "급식 중단은 처음이 아니다"라며 "책임자를 징계하라"고 요구했다. 학부모연대는 "재발하면 '
        '소송도 검토한다"고 했다. 세종시교육청은 "재발 방지책을 마련하겠다"고 밝혔다. '
        '주민들은 "평생 처음 본다"고 입을 모았다.'
    )
    (head,) = [q for q in quotes_of(body, title=title) if q.kind == "headline"]
    assert head.speaker == speaker


def test_a_school_head_introduced_by_the_schools_withheld_name_speaks() -> None:
    body = (
        '학부모들은 "학교가 사건을 덮었다"고 주장했다. '
        'C고등학교 교장은 "절차대로 처리했다"고 해명했다. 그는 재조사에 협조하겠다고 덧붙였다.'
    )
    got = by_text(quotes_of(body))
    assert got["절차대로 처리했다"].speaker == "C고등학교 교장"
    assert got["재조사에 협조하겠다"].speaker == "C고등학교 교장"


def test_deck_lines_under_the_headline_give_headline_quotes_with_their_speakers() -> None:
    quotes = quotes_of(
        '채도윤 환경부 장관은 "내년부터 일회용 컵 보증금제를 전국에 시행한다"고 밝혔다.',
        title='환경장관 "일회용 컵 보증금제 전국 시행"',
        deck='채 장관 "자영업자 부담 덜 방안 마련"\n"재활용률 두 배로 높일 것"',
    )
    heads = {q.text: q.speaker for q in quotes if q.kind == "headline"}
    assert heads == {
        "일회용 컵 보증금제 전국 시행": "채도윤",
        "자영업자 부담 덜 방안 마련": "채도윤",
        "재활용률 두 배로 높일 것": "채도윤",  # a deck quote alone is the headline speaker's
    }


def test_a_headline_quote_without_a_speaker_in_words_the_body_never_prints_is_the_storys_main_speaker() -> (
    None
):
    quotes = quotes_of(
        '한빛증권은 7일 "금리 인하 기대가 시장에 이미 반영됐다"고 분석했다. '
        '오세린 한빛증권 연구원은 "하반기 반등 여력은 제한적"이라고 말했다. '
        '같은 증권사 리서치센터는 "외국인 매도세가 진정되고 있다"고 설명했다. '
        '오 연구원은 "실적 시즌이 변수"라고 덧붙였다.',
        title='"코스닥, 당분간 숨 고르기 이어질 듯"',
    )
    head = next(q for q in quotes if q.kind == "headline")
    assert (head.text, head.speaker) == ("코스닥, 당분간 숨 고르기 이어질 듯", "오세린")


def test_a_speaker_quoting_their_own_words_inside_their_quote_speaks_both() -> None:
    body = '남궁현 감독은 "선수들에게 \'끝까지 버티자\'고 말을 했다"며 "결과가 따라왔다"고 말했다.'
    got = by_text(quotes_of(body))
    assert got["끝까지 버티자"].speaker == "남궁현"


@pytest.mark.parametrize("tail", ["이란 점을 강조했다", "라는 뜻을 밝혔다"])
def test_a_quote_filling_an_attitude_noun_is_the_subjects(tail: str) -> None:
    body = f'염태오 사장은 "임금 협상은 합의서대로 진행한다"{tail}.'
    assert one(quotes_of(body), "합의서대로").speaker == "염태오"


def test_a_headline_opening_with_its_subject_and_a_comma_gives_the_quotes_speaker() -> None:
    quotes = quotes_of(
        "공정거래위원회가 과징금을 부과했다.",
        title='공정거래위원회, 배달앱에 과징금 300억…"최혜대우 강요"',
    )
    (head,) = [q for q in quotes if q.kind == "headline"]
    assert head.speaker == "공정거래위원회"


def test_a_lede_quote_whose_speaker_the_next_sentence_gives_by_saying_whose_words_they_were() -> None:
    body = (
        '"석 달 동안 전화를 받지 않았습니다. 참다못해 찾아왔습니다."\n\n'
        "9일 열린 기자회견의 사회를 맡은 '강지키기시민행동'의 모하람 간사가 한 말이다."
    )
    quotes = quotes_of(body, title='[현장] "석 달 동안 전화를 받지 않았습니다"')
    assert {q.speaker for q in quotes} == {"모하람"}


def test_a_term_in_single_marks_filling_the_word_for_term_is_no_quote() -> None:
    body = "주민들은 자칫 '강변 연쇄방화사건'이라는 말이 생겨날까봐 우려하고 있다."
    assert [q.text for q in quotes_of(body)] == []


def test_a_surname_that_is_also_a_verb_stem_after_the_quote_is_still_the_speaker() -> None:
    """서 총리, 노 대표: 서 reads as the verb 서다 on its own, not before a title."""
    body = (
        '서민호 국무총리는 6일 국회에 출석했다. "그 방식은 결국 세금으로 떠안는 구조"라고 서 총리는 반박했다.'
    )
    assert one(quotes_of(body), "세금으로").speaker == "서민호"


def test_a_question_asked_in_a_ja_clause_is_its_own_subjects_and_the_answer_the_topics() -> None:
    body = (
        "윤재석 국토교통부 장관은 7일 국회 대정부질문에 출석했다. "
        '윤 장관은 이날 박하늘 의원이 "대책은 언제 나오느냐"고 묻자 "협의가 마무리 단계에 있다"며 이같이 답했다.'
    )
    quotes = quotes_of(body)
    assert one(quotes, "언제 나오느냐").speaker == "박하늘"
    assert one(quotes, "마무리 단계").speaker == "윤재석"


def test_a_headline_role_that_drops_the_first_word_of_the_ministry_is_the_official_in_the_body() -> None:
    """복지부 차관 for 보건복지부 제1차관: headlines clip both the ministry's name and the rank."""
    body = '오지수 보건복지부 제1차관은 8일 브리핑에서 "강제 배치는 아니다"라고 말했다.'
    quotes = quotes_of(body, title='"강제 배치 아니다" 복지부 차관 일축')
    (head,) = [q for q in quotes if q.kind == "headline"]
    assert head.speaker == "오지수"


def test_a_school_year_opening_the_sentence_is_when_not_who() -> None:
    """2025학년도 …: the particle 도 ends the year, it marks no speaker."""
    body = "2025학년도 수능 출제위원장인 박서윤 한빛대 교수는 14일 교육과정 범위에서 출제했다고 밝혔다."
    quote = one(quotes_of(body), "교육과정 범위에서")
    assert (quote.speaker, quote.text) == ("박서윤", "교육과정 범위에서 출제했다")


def test_the_verb_of_a_quotation_reported_in_turn_is_no_reported_clause_of_its_own() -> None:
    body = '정민아 대변인은 "예산을 그대로 두자"고 제안했었다고 말했다.'
    quotes = quotes_of(body)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("direct", "예산을 그대로 두자", "정민아")]


def test_he_after_a_sentence_about_another_person_is_that_person() -> None:
    body = (
        '이수빈 외교부 대변인은 5일 "대화의 문은 열려 있다"고 말했다. '
        "최동건 통일부 장관은 이날 회담 일정에 대해서는 입을 닫았다. "
        '그는 "지금은 말할 단계가 아니다"라고 했다.'
    )
    assert one(quotes_of(body), "말할 단계").speaker == "최동건"


def test_they_are_the_group_mentioned_since_the_last_speaker() -> None:
    body = (
        '구태성 후보는 "청년 정책을 내겠다"고 말했다. '
        "지역 상인들도 회견장 밖에서 목소리를 냈다. "
        "이들은 상가 임대료 지원을 늘려야 한다고 요구했다."
    )
    assert one(quotes_of(body), "임대료").speaker == "지역 상인들"


def test_they_after_a_speaker_with_no_group_since_are_the_speaker() -> None:
    body = '여야 원내대표들은 "합의는 없다"고 말했다. 이들은 다음 주 다시 만나겠다고 밝혔다.'
    assert one(quotes_of(body), "다시 만나").speaker == "여야 원내대표들"


@pytest.mark.parametrize("word", ["지지", "교도관", "교도소"])
def test_common_words_that_contain_a_news_agencys_name_are_no_media(word: str) -> None:
    from quotetrack.extract.nounphrase import is_media

    assert not is_media(word)


def test_a_title_in_corner_brackets_in_a_headline_is_no_quote_but_a_clause_in_them_is() -> None:
    body = '탤런트 윤서희는 "시청자 사랑을 잊지 않겠다"고 말했다.'
    heads = [
        q.text
        for q in quotes_of(body, title="「푸른 들판」 종영 윤서희 「시청자 사랑 잊지 않겠다」")
        if q.kind == "headline"
    ]
    assert heads == ["시청자 사랑 잊지 않겠다"]


@pytest.mark.parametrize("short", ["연출 김PD는", "연출 김 PD는"])
def test_a_role_noun_before_a_surname_and_title_points_back_to_the_person(short: str) -> None:
    body = f'연출을 맡은 김도헌 PD는 "배우들 덕분"이라고 말했다. {short} "속편은 없다"고 했다.'
    assert one(quotes_of(body), "속편").speaker == "김도헌"


def test_a_headline_naming_who_tells_what_it_quotes_gives_the_quote_to_the_teller() -> None:
    body = "어선 충돌 사고로 3명이 실종됐다. 해경은 수색을 이어가고 있다."
    title = '목격자가 전하는 그날 밤 "불빛도 없이 다가왔다"'
    (head,) = [q for q in quotes_of(body, title=title) if q.kind == "headline"]
    assert head.speaker == "목격자"
