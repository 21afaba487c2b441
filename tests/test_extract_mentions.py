"""Who "정 장관" is: every later mention of a person resolves to the fullest name the article gives.

Issue family 1.  The sentences are written for these tests: a person is named in full once, with
the title somewhere in the role, and later by surname and title (spaced, glued, in hanja), by the
honorific 씨, or by a title alone.
"""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

from quotetrack.extract.nounphrase import mention_of_text

pytestmark = pytest.mark.slow


def test_the_title_at_the_end_of_a_long_role_is_the_one_a_later_mention_uses() -> None:
    body = (
        '한영수 대통령실 정무수석은 "국회와 계속 대화하겠다"고 말했다. '
        '한 수석은 "예산안 처리는 시급하다"고 덧붙였다.'
    )
    assert one(quotes_of(body), "예산안").speaker == "한영수"


@pytest.mark.parametrize(
    ("later", "full"),
    [
        ("박회장은", "박정훈"),  # surname glued to the title
        ("朴회장은", "박정훈"),  # the surname in hanja, as headlines and older print write it
        ("남궁사장은", "남궁민수"),  # a two-syllable surname
        ("南宮사장은", "남궁민수"),
    ],
)
def test_a_surname_glued_to_a_title_resolves_to_the_full_name(later: str, full: str) -> None:
    body = (
        "박정훈 한빛물산 회장과 남궁민수 새길운수 사장이 협약식에 참석했다. "
        f'{later} "협력의 첫걸음"이라고 말했다.'
    )
    assert one(quotes_of(body), "첫걸음").speaker == full


def test_an_affiliation_before_a_glued_surname_and_title_is_the_role() -> None:
    body = '오세진 중앙은행 총재가 취임했다. 중앙은행 오총재는 "물가가 먼저"라고 말했다.'
    q = one(quotes_of(body), "물가가")
    assert q.speaker == "오세진"


@pytest.mark.parametrize("title", ["부사장은", "조교수는", "구청장은", "도의원은"])
def test_a_title_that_starts_with_a_surname_syllable_is_a_title(title: str) -> None:
    m = mention_of_text(title[:-1])
    assert m is not None and m.form == "title" and m.surname is None


def test_a_name_glued_to_its_title_is_read_as_name_and_title() -> None:
    m = mention_of_text("윤하늘지사")
    assert m is not None and (m.name, m.role) == ("윤하늘", "지사")


def test_the_honorific_ssi_is_no_part_of_the_name_and_ssi_alone_points_back() -> None:
    body = (
        '시장에서 30년째 떡집을 하는 권말순씨(68)는 "손님이 절반으로 줄었다"고 말했다. '
        '권씨는 "그래도 가게를 닫을 수는 없다"고 했다.'
    )
    got = by_text(quotes_of(body))
    assert got["손님이 절반으로 줄었다"].speaker == "권말순"
    assert got["그래도 가게를 닫을 수는 없다"].speaker == "권말순"


def test_a_parenthesis_running_over_several_words_is_dropped_from_the_name() -> None:
    m = mention_of_text("최봉자씨(71·경북 영덕군 강구면")
    assert m is not None and m.name == "최봉자"


@pytest.mark.parametrize("withheld", ["A씨", "김모씨", "ㄱ씨"])
def test_a_withheld_name_is_a_person_and_keeps_its_honorific(withheld: str) -> None:
    m = mention_of_text(withheld)
    assert m is not None and (m.name, m.kind) == (withheld, "person")


def test_a_two_syllable_name_before_an_affiliation_and_title_is_a_name() -> None:
    body = '하람 경남도 대변인은 "사과할 일이 없다"고 밝혔다. 하 대변인은 "질의가 부적절했다"고 말했다.'
    got = by_text(quotes_of(body))
    assert got["사과할 일이 없다"].speaker == "하람"
    assert got["질의가 부적절했다"].speaker == "하람"


def test_a_province_in_the_role_is_not_part_of_the_name() -> None:
    m = mention_of_text("정우성 충북도 대변인")
    assert m is not None and (m.name, m.role) == ("정우성", "충북도 대변인")


def test_a_name_first_met_alone_is_remembered_for_a_later_surname_and_honorific() -> None:
    body = '구민철은 지난해 귀농했다. 구씨는 "농사가 생각보다 어렵다"고 말했다.'
    assert one(quotes_of(body), "농사가").speaker == "구민철"


def test_a_quotation_opening_at_the_subject_word_does_not_take_the_name_before_it() -> None:
    body = '\n서도윤 "대표가 먼저 사과해야"\n\n서도윤 민생당 최고위원은 "당이 갈라질 수 있다"고 말했다. 서 최고위원은 "늦기 전에 만나야 한다"고 했다.'
    assert one(quotes_of(body), "늦기 전에").speaker == "서도윤"


@pytest.mark.parametrize("name", ["이두진", "양승택(梁承澤)"])
def test_a_korean_name_kiwi_splits_oddly_still_sits_between_affiliation_and_title(name: str) -> None:
    body = f'제7공병여단 {name} 중령은 "복구를 서두르겠다"고 말했다. {name[0]} 중령은 "주민 안전이 먼저"라고 했다.'
    got = by_text(quotes_of(body))
    full = name.split("(")[0]
    assert got["복구를 서두르겠다"].speaker == full and got["주민 안전이 먼저"].speaker == full


@pytest.mark.parametrize("word", ["마라톤", "이사회", "이어서", "차관과"])
def test_a_word_that_only_starts_with_a_surname_is_no_name(word: str) -> None:
    from quotetrack.extract.nounphrase import korean_name_like

    assert not korean_name_like(word)


def test_a_ministry_ending_in_the_letters_of_a_title_is_an_organisation() -> None:
    from quotetrack.extract.nounphrase import is_org, is_title

    assert is_org("정보통신부") and not is_title("정보통신부")
    assert is_title("공보담당관") and is_title("부산시장") and is_title("고성대대장")


def test_a_name_glued_to_the_end_of_the_previous_sentence_is_still_read() -> None:
    body = '정부는 대책을 내놓을 방침이다.남궁하늘 과학기술부장관은 "연구비를 늘리겠다"고 말했다. 그는 "예산은 확보됐다"고 덧붙였다.'
    got = by_text(quotes_of(body))
    assert got["연구비를 늘리겠다"].speaker == "남궁하늘"
    assert got["예산은 확보됐다"].speaker == "남궁하늘"  # a ministry in the role does not make him a medium


def test_a_korean_name_printed_with_a_space_is_one_name() -> None:
    body = '김 도윤 도지사는 "주민투표 결과를 따르겠다"고 말했다. 김 지사는 "갈등은 없을 것"이라고 했다.'
    assert {q.speaker for q in quotes_of(body)} == {"김도윤"}


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("북한 조선중앙통신", "조선중앙통신"),
        ("일본 아사히(朝日)신문", "아사히신문"),
        ("북한의 외무성 대변인", "북한 외무성 대변인"),
    ],
)
def test_media_are_known_by_their_own_name_and_a_countrys_genitive_is_its_role(
    phrase: str, label: str
) -> None:
    q = one(quotes_of(f'{phrase}은 "협상은 끝났다"고 밝혔다.'), "협상은")
    assert q.speaker == label


@pytest.mark.parametrize("glued", ["윌슨대통령은", "타나카총리는"])
def test_a_foreign_name_glued_to_its_title_resolves_to_the_full_name(glued: str) -> None:
    body = f'찰스 윌슨 미국 대통령과 타나카 히로시 일본 총리가 만났다. {glued} "협력을 넓히겠다"고 말했다.'
    full = "찰스 윌슨" if glued.startswith("윌슨") else "타나카 히로시"
    assert one(quotes_of(body), "협력을").speaker == full


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("롯데 박도겸", "박도겸"),
        ("의협 황보라", "황보라"),
        ("같은 날 변지후", "변지후"),
        ("금하람 한빛반도체", "금하람"),
    ],
)
def test_a_korean_name_is_one_word_and_the_words_around_it_are_its_affiliation(
    phrase: str, name: str
) -> None:
    q = one(quotes_of(f'{phrase} 사장은 "올해는 흑자"라고 말했다.'), "흑자")
    assert q.speaker == name


def test_a_japanese_name_that_looks_korean_stays_whole() -> None:
    q = one(quotes_of('이시카와 다로 일본 외무상은 "협의를 계속하겠다"고 말했다.'), "협의를")
    assert q.speaker == "이시카와 다로"


def test_a_name_in_hanja_glued_to_its_title_and_its_surname_later() -> None:
    body = '申東鎬외무장관은 "제재 논의에 착수한다"고 말했다. 申장관은 "대화의 문은 열려 있다"고 덧붙였다.'
    assert {q.speaker for q in quotes_of(body)} == {"申東鎬"}


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("문도경(한빛은행)", "문도경", "한빛은행"),
        ("金東洙(24·한국전력)", "金東洙", "한국전력"),
        ("원청업체 한울물산의 대표 정태오", "정태오", "원청업체 한울물산의 대표"),  # as printed
        ("國防部 대변인 李炳秀 대령", "李炳秀", "國防部 대변인 대령"),
    ],
)
def test_roles_from_a_parenthesised_team_as_printed_and_in_hanja(phrase: str, name: str, role: str) -> None:
    m = mention_of_text(phrase)
    assert m is not None and (m.name, m.role) == (name, role)


def test_a_latin_spelling_of_a_stage_name_is_no_affiliation() -> None:
    m = mention_of_text("노을(NOEUL)")
    assert m is not None and m.role is None


def test_a_photo_position_in_parentheses_does_not_hide_the_person_it_follows() -> None:
    body = (
        "정태윤 한빛당 원내대표(오른쪽 두번째)와 박소라 새길당 대변인이 국회에서 만났다. "
        '정 원내대표는 "예산안은 이번 주에 처리해야 한다"고 말했다.'
    )
    assert one(quotes_of(body), "예산안").speaker == "정태윤"


def test_a_surname_with_a_title_not_given_before_is_the_one_person_of_that_surname() -> None:
    """A company officer named by position (최고재무책임자) and later by rank (전무)."""
    body = (
        "오민혁 한빛통신 최고재무책임자(CFO)는 5일 실적발표에서 비용을 줄이겠다고 밝혔다. "
        '오 전무는 "하반기 이익은 작년 수준을 넘을 것"이라고 말했다.'
    )
    assert one(quotes_of(body), "하반기").speaker == "오민혁"


def test_a_surname_with_a_new_title_is_not_guessed_between_two_people_of_that_surname() -> None:
    body = (
        "오민혁 한빛통신 최고재무책임자와 오세진 한빛통신 노조위원장이 만났다. "
        '오 전무는 "하반기 이익은 작년 수준을 넘을 것"이라고 말했다.'
    )
    assert one(quotes_of(body), "하반기").speaker not in ("오민혁", "오세진")


def test_names_joined_by_middle_dots_share_the_honorific_after_the_last() -> None:
    body = (
        "불법 송금 혐의로 기소된 나정호(羅正浩)·변수진(卞秀珍)씨 등에 대한 공판이 19일 열렸다. "
        '변씨는 "지시를 받았을 뿐"이라고 진술했다.'
    )
    assert one(quotes_of(body), "지시를").speaker == "변수진"


def test_a_name_glued_to_its_institution_and_title_in_older_print() -> None:
    body = (
        "김상훈한국은행총재가 물가안정을 거듭 강조했다. "
        '김총재는 "통화가치 안정이 한국은행의 존재 이유"라고 말했다.'
    )
    quote = one(quotes_of(body), "존재 이유")
    assert (quote.speaker, quote.speaker_role) == ("김상훈", "한국은행 총재")


def test_the_leader_a_research_team_is_named_for_is_the_person_named_later() -> None:
    body = (
        "한빛대 신소재공학과 민서준 교수 연구팀은 새 촉매를 개발했다고 밝혔다. "
        '민 교수는 "2년 안에 시제품을 만들겠다"고 말했다.'
    )
    team = one(quotes_of(body), "새 촉매를")
    leader = one(quotes_of(body), "시제품을")
    assert team.speaker == "한빛대 신소재공학과 민서준 교수 연구팀"
    assert (leader.speaker, leader.speaker_role) == ("민서준", "한빛대 신소재공학과 교수")


def test_a_name_glued_to_a_personal_title_inside_a_longer_phrase_is_split() -> None:
    """Regional papers glue the name to 의원 after the party: 한빛당 김도윤의원은."""
    body = '한빛당 김도윤의원은 "예산 심사를 서둘러야 한다"고 말했다.'
    quote = one(quotes_of(body), "예산 심사")
    assert (quote.speaker, quote.speaker_role) == ("김도윤", "한빛당 의원")


def test_a_place_glued_to_a_title_that_follows_places_stays_whole() -> None:
    assert mention_of_text("한빛 서울시의원").title == "시의원"


@pytest.mark.parametrize("company", ["세온반도체", "잇다랩"])
def test_a_company_name_the_dictionary_does_not_know_still_stands_between_name_and_title(
    company: str,
) -> None:
    body = f'문태겸 {company} 부사장은 "투자를 늘리겠다"고 말했다. 문 부사장은 "재고는 정상"이라고 덧붙였다.'
    got = by_text(quotes_of(body))
    assert got["투자를 늘리겠다"].speaker == "문태겸"
    assert got["재고는 정상"].speaker == "문태겸"


def test_a_foreign_surname_with_a_title_is_the_person_named_in_full_before() -> None:
    body = (
        '어우양밍 중국 상무부 대변인은 "보복 조치를 검토한다"고 말했다. '
        '한국 산업부는 "대화로 풀겠다"고 밝혔다. 어우양 대변인은 "공은 한국에 있다"고 덧붙였다.'
    )
    got = by_text(quotes_of(body))
    assert got["공은 한국에 있다"].speaker == "어우양밍"


def test_a_club_nickname_between_a_korean_name_and_the_title_is_the_role() -> None:
    m = mention_of_text("남보람 블루윙스 감독")
    assert m is not None and (m.name, m.role) == ("남보람", "블루윙스 감독")


def test_a_university_short_name_stands_between_the_name_and_the_academic_title() -> None:
    body = (
        '도하윤 서해공대 총장은 "통합은 생존의 문제"라고 말했다. '
        '변지석 한결대 총장은 "학생 의견을 먼저 듣겠다"고 밝혔다. 도 총장은 "서두르지 않겠다"고 덧붙였다.'
    )
    got = by_text(quotes_of(body))
    assert (got["통합은 생존의 문제"].speaker, got["통합은 생존의 문제"].speaker_role) == (
        "도하윤",
        "서해공대 총장",
    )
    assert got["학생 의견을 먼저 듣겠다"].speaker == "변지석"
    assert got["서두르지 않겠다"].speaker == "도하윤"


def test_the_side_of_a_company_is_the_company_and_a_withheld_name_drops_its_age() -> None:
    body = (
        '배달 기사 박모(52)씨는 "에어컨 없는 대기실뿐"이라고 했다. 한결배송 측은 "쉼터를 늘리겠다"고 전했다.'
    )
    got = by_text(quotes_of(body))
    assert got["에어컨 없는 대기실뿐"].speaker == "박모씨"
    assert (got["쉼터를 늘리겠다"].speaker, got["쉼터를 늘리겠다"].speaker_kind) == (
        "한결배송",
        "organisation",
    )


def test_a_defendant_called_by_surname_and_title_is_the_defendant_named_in_full() -> None:
    body = "서울지법은 전 구청장 金榮植피고인(58)에게 징역 4년을 선고했다. 金피고인은 『억울하다』고 말했다."
    assert one(quotes_of(body), "억울하다").speaker == "金榮植"


@pytest.mark.parametrize("aged", ["우태경(34)씨", "우태경(34) 씨", "우태경(34·회사원)"])
def test_a_name_with_an_age_where_no_one_speaks_is_remembered_for_the_surname_later(aged: str) -> None:
    body = f'이날의 주인공은 택배기사 {aged}. 우씨는 "몸이 먼저 움직였다"고 말했다.'
    assert one(quotes_of(body), "몸이").speaker == "우태경"


@pytest.mark.parametrize(
    "body",
    [
        "대전지검 형사2부(부장검사 남궁훈)는 3일 업체 대표를 구속 기소했다.",
        "대전지검 형사2부(남궁훈 부장검사)는 3일 업체 대표를 구속 기소했다.",
        "대전地檢 형사2부(南宮勳부장검사)는 3일 업체 대표를 구속 기소했다.",
    ],
)
def test_the_head_of_a_body_named_in_parentheses_is_the_person_a_surname_and_title_mean_later(
    body: str,
) -> None:
    later = '남궁 부장검사는 "윗선도 수사하겠다"고 말했다.'
    q = one(quotes_of(f"{body}\n{later}"), "윗선도")
    assert q.speaker in ("남궁훈", "南宮勳")
    assert q.speaker_role is not None and "형사2부" in q.speaker_role


def test_a_resident_of_a_village_named_last_is_the_person_not_the_village() -> None:
    body = '상촌리 주민 변옥순(71)씨는 "버스가 하루 두 번뿐"이라고 말했다.'
    q = one(quotes_of(body), "버스가")
    assert (q.speaker, q.speaker_role) == ("변옥순", "상촌리 주민")


def test_the_person_after_a_companys_genitive_is_the_name_before_the_title() -> None:
    body = '협력사인 독일 바우텍의 한스 뮐러 최고경영자(CEO)는 "함께 개발했다"고 말했다.'
    assert one(quotes_of(body), "함께").speaker == "한스 뮐러"


def test_a_surname_with_the_honorific_seonsaengnim_points_back_to_the_person() -> None:
    body = '40년째 시계를 고치는 우태식(70)씨의 가게는 늘 붐빈다. 우 선생님은 "시계는 주인을 닮는다"고 했다.'
    assert one(quotes_of(body), "주인을").speaker == "우태식"


@pytest.mark.parametrize("phrase", ["이 영화는", "그 사건은", "이 제도는"])
def test_a_demonstrative_and_a_common_noun_are_no_name(phrase: str) -> None:
    body = f'배우 한누리가 새 작품을 찍었다. {phrase} 올해 개봉한다. 한누리는 "떨린다"고 말했다.'
    assert one(quotes_of(body), "떨린다").speaker == "한누리"
    assert not any(q.speaker and q.speaker.startswith(("이영", "그사", "이제")) for q in quotes_of(body))


def test_a_one_syllable_chinese_surname_with_a_title_is_the_person_whose_name_it_opens() -> None:
    body = (
        '량즈하오 중국 상무부 대변인은 "협상은 계속된다"고 말했다. '
        '미국 무역대표부의 에밀리 카터 대변인은 "우리도 준비됐다"고 말했다. '
        '량 대변인은 "다음 달 결과가 나온다"고 덧붙였다.'
    )
    assert one(quotes_of(body), "다음 달").speaker == "량즈하오"


def test_a_team_then_a_title_then_a_name_is_the_named_player() -> None:
    body = '씨울프스 주장 한송이는 "팬들께 죄송하다"고 말했다.'
    q = one(quotes_of(body), "죄송")
    assert (q.speaker, q.speaker_role) == ("한송이", "씨울프스 주장")


def test_the_norths_spelling_of_a_surname_is_a_surname() -> None:
    body = (
        "조선중앙통신은 국방과학원 리명호 원장이 시험을 지도했다고 보도했다. "
        '통신은 리 원장이 "성능이 검증됐다"고 말했다고 전했다.'
    )
    q = one(quotes_of(body), "성능이")
    assert q.speaker == "리명호"


def test_a_surname_kiwi_reads_as_a_sound_word_before_a_title_is_still_a_surname() -> None:
    body = (
        '공동 창업자인 탕리웨이 최고기술책임자(CTO)는 "칩을 직접 설계했다"고 말했다. '
        '탕 CTO는 "노하우가 자산"이라고 덧붙였다.'
    )
    assert one(quotes_of(body), "노하우").speaker == "탕리웨이"


@pytest.mark.parametrize(
    ("phrase", "name"), [("한빛 주장 金大成은", "金大成"), ("팀의 최고참 투수 朴泰洙는", "朴泰洙")]
)
def test_a_name_in_hanja_after_a_title_is_the_named_person(phrase: str, name: str) -> None:
    body = f"{phrase} 『내년에는 우리가 이긴다』고 말했다."
    assert one(quotes_of(body), "내년에는").speaker == name
