"""Only speakers can be speakers: a person, a title, an organisation, a group or an anonymous source.

Issue family 2.  Abstract nouns and arbitrary noun phrases never become speakers, an adverb or
conjunction in front of a subject is not part of it, and a common noun names someone only when
the article has introduced someone by it.  Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from extraction import by_text, one, quotes_of

from quotetrack.extract.nounphrase import mention_of_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("adverb", ["다만", "특히", "또", "한편", "그러나"])
def test_an_adverb_before_the_subject_is_not_part_of_the_speaker(adverb: str) -> None:
    body = f'정혜원 환경부 장관은 세종청사에서 회견을 열었다. {adverb} 장관은 "규제 완화는 없다"고 말했다.'
    q = one(quotes_of(body), "규제 완화")
    assert q.speaker == "정혜원"


@pytest.mark.parametrize("phrase", ["외교정책 개념", "북한의 행위", "긴장감", "정책 기조 유지"])
def test_an_abstract_noun_phrase_is_not_a_new_speaker(phrase: str) -> None:
    m = mention_of_text(phrase)
    assert m is None or m.weak  # it may only point back at someone already named by these words


def test_a_quote_whose_only_subject_is_a_thing_goes_to_the_person_speaking() -> None:
    body = (
        '장하늘 국방부 대변인은 정례 브리핑을 했다. 그는 "도발의 의도는 분명하다"고 말했다. '
        '이어 이번 발사의 의미는 "시험이 아니라 시위"라고 설명했다.'
    )
    assert one(quotes_of(body), "시위").speaker == "장하늘"


@pytest.mark.parametrize(
    ("phrase", "label"),
    [("인근 주민들", "인근 주민들"), ("희생자 유가족들", "희생자 유가족들"), ("상가 상인들", "상가 상인들")],
)
def test_a_group_of_people_can_speak(phrase: str, label: str) -> None:
    body = f'{phrase}은 "밤마다 잠을 못 잔다"고 호소했다.'
    assert one(quotes_of(body), "잠을").speaker == label


@pytest.mark.parametrize("group", ["시민단체들", "노동단체들", "야당들"])
def test_several_bodies_of_a_kind_speak_as_printed_and_the_reported_clauses_subject_stays_in_it(
    group: str,
) -> None:
    body = f"{group}은 교육청이 급식 예산을 너무 늦게 편성했다고 비판했다."
    (q,) = quotes_of(body)
    assert q.speaker == group
    assert q.text.startswith("교육청이")


@pytest.mark.parametrize("when", ["토론 말미", "공연 막바지", "회견 초반", "경기 후반"])
def test_a_time_phrase_before_a_name_is_when_not_who(when: str) -> None:
    body = (
        '배우 문소윤과 이태건이 무대에 올랐다. 이태건은 "다시 만나 반갑다"고 말했다. '
        f'{when} 문소윤은 "오늘을 오래 기억하겠다"고 말했다.'
    )
    assert one(quotes_of(body), "기억하겠다").speaker == "문소윤"


def test_an_organisation_called_by_the_last_noun_of_its_name_is_that_organisation() -> None:
    body = (
        "한국도로공사가 고속도로 통행료 인상안을 내놓았다.\n\n"
        '공사는 20일 "인상 폭은 물가 상승률 이내로 묶겠다"고 밝혔다.'
    )
    assert one(quotes_of(body), "인상 폭").speaker == "한국도로공사"


def test_the_last_noun_of_an_organisation_held_as_a_persons_title_is_the_person() -> None:
    body = (
        "한국도로공사가 통행료 인상안을 내놓았다.\n\n"
        '주한 캐나다대사관의 오민석 공사는 "협의가 필요하다"고 말했다. '
        '공사는 "양국이 곧 만난다"고 덧붙였다.'
    )
    assert one(quotes_of(body), "곧 만난다").speaker == "오민석"


@pytest.mark.parametrize(
    ("phrase", "speaker", "role_part"),
    [
        ("환경단체인 푸른강지킴이는", "푸른강지킴이", "환경단체"),
        ("정의로운당 원내대표인 한도겸 의원은", "한도겸", "원내대표"),
        ("네 번째 후보인 마상철 전 의원은", "마상철", "의원"),
        ("30년 단골 손님인 구민후는", "구민후", "손님"),
    ],
)
def test_an_apposition_with_the_copula_describes_the_speaker_the_rest_names(
    phrase: str, speaker: str, role_part: str
) -> None:
    body = f'{phrase} "약속을 지켜야 한다"고 말했다.'
    q = one(quotes_of(body), "약속을")
    assert q.speaker == speaker
    assert q.speaker_role is not None and role_part in q.speaker_role


@pytest.mark.parametrize("name", ["황보석진", "선우은지", "남궁태오", "제갈윤"])
def test_a_name_with_a_two_syllable_surname_is_one_name_and_its_short_form_finds_it(name: str) -> None:
    body = (
        f'누리텔레콤 {name} 사장은 "연내 100만대를 팔겠다"고 말했다.\n\n'
        f'{name[:2]} 사장은 "경쟁사는 2년 걸릴 것"이라고 덧붙였다.'
    )
    quotes = by_text(quotes_of(body))
    assert quotes["연내 100만대를 팔겠다"].speaker == name
    assert quotes["연내 100만대를 팔겠다"].speaker_role == "누리텔레콤 사장"
    assert quotes["경쟁사는 2년 걸릴 것"].speaker == name


def test_a_korean_name_right_before_the_title_is_the_name_whatever_describes_it_first() -> None:
    body = '국내 AI 반도체 스타트업 하이퍼칩의 도하윤 대표는 "저가 공세가 무섭다"고 말했다.'
    q = one(quotes_of(body), "저가 공세")
    assert q.speaker == "도하윤"
    assert q.speaker_role is not None and q.speaker_role.endswith("대표")


def test_former_between_name_and_title_keeps_the_name_and_the_short_form_finds_it() -> None:
    body = (
        '미래연합당 곽서준 전 의원은 "당원 투표가 승부를 가른다"고 말했다. '
        '곽 전 의원은 "중도층을 잡아야 한다"고 덧붙였다.'
    )
    quotes = by_text(quotes_of(body))
    assert quotes["당원 투표가 승부를 가른다"].speaker == "곽서준"
    assert quotes["중도층을 잡아야 한다"].speaker == "곽서준"


def test_a_stage_name_that_is_also_a_common_word_is_a_name_once_introduced() -> None:
    body = (
        '가수 노을(NOEUL)이 새 앨범을 냈다. 노을은 "5년 만의 앨범이라 떨린다"고 말했다. '
        '노을은 이어 "팬들에게 고맙다"고 덧붙였다.'
    )
    assert {q.speaker for q in quotes_of(body)} == {"노을"}


def test_a_korean_name_is_one_word_and_a_common_noun_after_it_starts_the_role() -> None:
    m = mention_of_text("최가을 대선 후보")
    assert m is not None and (m.name, m.role) == ("최가을", "대선 후보")


def test_a_company_name_between_the_name_and_the_title_is_the_role() -> None:
    m = mention_of_text("배준호 한결물산 사장")
    assert m is not None and (m.name, m.role) == ("배준호", "한결물산 사장")


def test_a_phrase_about_an_event_of_someone_is_not_them_but_remembers_them() -> None:
    body = (
        '제5대 한빛 구단의 새 사령탑인 길태호 감독 취임식이 열린 가운데 길 감독은 "우승이 목표"라고 말했다.'
    )
    q = one(quotes_of(body), "우승이")
    assert q.speaker == "길태호" and (q.speaker_role or "").endswith("감독")


@pytest.mark.parametrize(
    "phrase, role",
    [
        ("제7대 한빛 구단의 새얼굴인 길태호 감독은", "한빛 구단 감독"),  # order of office, apposition, 의
        ("제1야당인 시민연합당 오하늘 원내대표는", "시민연합당 원내대표"),
        (
            "한빛전자 박선우 최고운영책임자(COO·41)는",
            "한빛전자 최고운영책임자(COO)",
        ),  # the age, not the acronym
        ("시민연합당 문채원 후보(부산 해운대)는", "시민연합당 후보"),  # the seat run for
        ("시민연합당 오하늘 원내대표(오른쪽)는", "시민연합당 원내대표"),  # where the photo shows them
        ("걸그룹 파랑새의 소속사는", "걸그룹 파랑새의 소속사"),  # a relation keeps its 의
    ],
)
def test_a_role_is_the_office_without_asides_ages_or_appositions(phrase: str, role: str) -> None:
    body = f'{phrase} "끝까지 최선을 다하겠다"고 말했다.'
    q = one(quotes_of(body), "끝까지")
    assert (q.speaker_role or q.speaker) == role


@pytest.mark.parametrize("phrase", ["청주 지역방송인 HCN TV", "시카고 교사 CTU 노조"])
def test_a_phrase_ending_in_an_organisation_after_a_title_is_that_organisation(phrase: str) -> None:
    m = mention_of_text(phrase)
    assert m is not None and m.kind == "organisation" and m.name is not None and phrase.endswith(m.name)


@pytest.mark.parametrize(
    "phrase, role",
    [("주민 소정란씨는", "주민"), ("실종된 이모(17)군의 아버지 여상철씨는", "이모군의 아버지")],
)
def test_a_person_described_by_a_common_noun_then_named_is_the_named_person(phrase: str, role: str) -> None:
    q = one(quotes_of(f'{phrase} "아직 아무 연락도 없다"고 말했다.'), "아직 아무")
    assert q.speaker in ("소정란", "여상철") and q.speaker_role == role


def test_a_title_with_the_honorific_nim_is_the_person_who_holds_it() -> None:
    body = (
        '배우 민소라는 "촬영장이 늘 즐거웠다"고 말했다. 그는 "감독님이 \'그냥 걸어만 줘\'라고 하셨다"며 웃었다. '
        "이 영화는 하태윤 감독의 두 번째 장편이다. "
        "민소라는 \"감독님이 '표정만으로 충분하다'고 하셨다\"고 덧붙였다."
    )
    assert by_text(quotes_of(body))["표정만으로 충분하다"].speaker == "하태윤"


def test_a_group_led_by_a_named_person_is_described_as_printed() -> None:
    body = '명도윤 의장 등 군의원들은 "예산 삭감은 의회의 권한"이라고 반박했다.'
    assert one(quotes_of(body), "예산 삭감").speaker == "명도윤 의장 등 군의원들"


def test_a_role_as_printed_keeps_its_country_abbreviation() -> None:
    q = one(quotes_of('빌 하워드 미 국무장관은 "동맹은 굳건하다"고 말했다.'), "동맹은")
    assert (q.speaker, q.speaker_role) == ("빌 하워드", "미 국무장관")


def test_a_research_team_of_a_named_professor_speaks_as_printed() -> None:
    q = one(
        quotes_of('충남대(충남대학교) 화학과 맹수진 교수 연구팀은 "효율을 두 배로 높였다"고 밝혔다.'),
        "효율을",
    )
    assert (q.speaker, q.speaker_kind) == ("충남대 화학과 맹수진 교수 연구팀", "organisation")


def test_every_title_in_a_role_points_back_to_the_person() -> None:
    body = (
        '출제위원장인 여도윤 충남대 국어교육과 교수는 "교육과정에 충실했다"고 말했다. '
        '여 위원장은 "EBS 연계율은 절반"이라고 덧붙였다.'
    )
    assert {q.speaker for q in quotes_of(body)} == {"여도윤"}


def test_members_a_group_lists_in_parentheses_speak_by_their_one_word_names() -> None:
    body = (
        '걸그룹 새벽(솔, 담, 유나)이 컴백했다. 솔은 "떨린다"고 말했다. 유나는 "연습을 많이 했다"고 덧붙였다.'
    )
    got = by_text(quotes_of(body))
    assert got["떨린다"].speaker == "솔" and got["연습을 많이 했다"].speaker == "유나"


def test_one_syllable_words_are_no_speakers_unless_introduced() -> None:
    q = one(quotes_of('밤은 "길었다"고 적혔다. 김도윤 시인은 "밤은 길었다"고 말했다.'), "밤은 길었다")
    assert q.speaker == "김도윤"


def test_a_name_kiwi_reads_as_noun_and_suffix_between_affiliation_and_title_is_a_name() -> None:
    """한지성 reads to Kiwi as 한지 + 성; between 국방부 and 대변인 it can only be a name."""
    m = mention_of_text("국방부 한지성 대변인")
    assert m is not None and (m.name, m.role) == ("한지성", "국방부 대변인")


def test_a_region_between_a_ministry_and_a_title_is_no_name() -> None:
    m = mention_of_text("외교부 한반도 평화교섭본부장")
    assert m is not None and m.name is None and m.title == "본부장"


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("SSG 랜더스 박동훈", "박동훈", "SSG 랜더스"),  # the sponsor's initials and the nickname
        ("한빛 파이터스 최용수 감독", "최용수", "한빛 파이터스 감독"),
        ("부산 블루윙스 주장 오재석", "오재석", "부산 블루윙스 주장"),  # a city and the nickname
        ("마크롱 프랑스 대통령", "마크롱", "프랑스 대통령"),  # a country is no nickname
        ("LA 레이커스 르브론 제임스", "르브론 제임스", "LA 레이커스"),  # nor a foreign name's last word
    ],
)
def test_a_team_named_by_sponsor_or_city_and_nickname_is_the_players_affiliation(
    phrase: str, name: str, role: str
) -> None:
    m = mention_of_text(phrase)
    assert m is not None and (m.name, m.role) == (name, role)


@pytest.mark.parametrize("particle", ["께서", "께서는", "께서도"])
def test_the_honorific_subject_marker_is_no_part_of_the_speaker(particle: str) -> None:
    body = f'시민연합당 대표{particle} "끝까지 간다"고 말씀하셨다.'
    assert one(quotes_of(body), "끝까지").speaker == "시민연합당 대표"


@pytest.mark.parametrize("phrase", ["한 전공의는", "수련병원의 한 전공의는", "전공의는"])
def test_a_noun_that_ends_in_the_letters_of_the_genitive_is_a_speaker(phrase: str) -> None:
    body = f'{phrase} "이대로는 돌아갈 수 없다"고 말했다.'
    q = one(quotes_of(body), "돌아갈")
    assert q.speaker is not None and q.speaker.endswith("전공의")
