"""Word lists the extractor's rules rely on, kept as data with their provenance.

Every list here is general Korean news language, collected from the National
Institute of Korean Language's standard dictionary (표준국어대사전) entries for
speech-act verbs and titles, from the style guides of Korean wire services
(연합뉴스 기사 작성 준칙) and from reading several hundred articles of many outlets.
None of them is tied to one article: a word belongs here when it plays the same
grammatical role across the news genre.
"""

from __future__ import annotations

from quotetrack.speakers import names

# fmt: off
# Word lists are laid out by meaning, several to a line; the formatter would put one per line.

# ---------------------------------------------------------------- quote marks
DOUBLE_MARKS = frozenset('"“”″„‟')
"""Double quotation marks.  Korean web text mixes them freely (”…” and “…“ are
common typos), so they form one class and are paired by position, not by shape."""
SINGLE_MARKS = frozenset("'‘’′‚‛")
"""Single marks: mostly scare quotes and nested speech; ′ (prime) is used as a
single mark by some broadcasters' web pages."""
BRACKET_PAIRS = {"『": "』", "「": "」"}
"""CJK corner brackets: 『』 quote speech in older print articles; 「」 usually mark
names and titles, so a 「」 span is a quote only when a quotative follows it."""

# ---------------------------------------------------------------- speech verbs
SPEECH_VERBS = frozenset({
    # say / state
    "말하", "말씀하", "밝히", "전하", "설명하", "언급하", "발언하", "이야기하", "얘기하", "하",
    # emphasise / claim / argue
    "강조하", "주장하", "역설하", "피력하", "강변하", "단언하", "공언하", "장담하", "자신하",
    # add / point out / explain
    "덧붙이", "지적하", "꼬집", "해명하", "해석하", "분석하", "진단하", "평가하", "전망하",
    "예상하", "내다보", "관측하", "예측하", "소개하", "귀띔하", "증언하", "회고하", "회상하", "술회하",
    # report / announce / write
    "보도하", "발표하", "공개하", "알리", "통보하", "통지하", "보고하", "공지하", "브리핑하", "적",
    "쓰", "올리", "게시하", "남기", "기록하", "내놓", "전언하",
    # admit / deny / confirm
    "인정하", "시인하", "부인하", "부정하", "일축하", "반박하", "확인하", "재확인하", "고백하",
    "토로하", "털어놓", "자부하", "자평하",
    # ask / answer
    "묻", "되묻", "질문하", "질의하", "답하", "답변하", "대답하", "응답하", "화답하", "반문하",
    # demand / urge / warn
    "촉구하", "요구하", "요청하", "주문하", "당부하", "호소하", "경고하", "권고하", "제안하",
    "제의하", "건의하", "지시하", "명령하", "압박하",
    # criticise / protest
    "비판하", "비난하", "규탄하", "질타하", "항의하", "반발하", "성토하", "일갈하", "맞받",
    "맞받아치", "채근하", "따지", "꾸짖", "비꼬", "혹평하", "쏘아붙이",
    # promise / declare
    "약속하", "다짐하", "선언하", "공약하", "예고하", "시사하", "내비치", "표명하", "표하",
    # praise / thank / apologise
    "칭찬하", "격려하", "감사하", "사과하", "축하하", "평하", "극찬하", "치켜세우", "사죄하",
    # rule / state formally (courts, agencies)
    "판시하", "판단하", "결론짓", "명시하", "규정하", "공표하", "선포하", "고지하", "게재하",
    # more ways of saying
    "못박", "하소연하", "독려하", "호언하", "예견하", "우려하", "걱정하", "추궁하", "캐묻", "항변하", "변명하",
    "자백하", "진술하", "설파하", "부연하", "첨언하", "위협하", "응수하", "트윗하",
})
"""Lemmas (Kiwi's verb stem, or noun + 하) of verbs that report speech: 밝혔다 → 밝히,
강조했다 → 강조하, 물었다 → 묻."""

ATTITUDE_VERBS = frozenset({"밝히", "보이", "나타내", "드러내", "표하", "긋", "높이", "모으", "전하",
                            "내놓", "피력하", "표명하", "내비치", "감추", "숨기", "제기하", "표시하",
                            "가하", "박", "놓", "열", "떼", "세우"})
"""Verbs that, with an attitude noun as object, report speech (자신감을 보였다)."""

ATTITUDE_NOUNS = frozenset({
    "입장", "뜻", "의사", "의지", "의견", "생각", "자신감", "우려", "유감", "소감", "목소리",
    "불만", "불쾌감", "선", "견해", "전망", "분석", "비판", "입", "당부", "기대", "기대감",
    "우려감", "경고", "메시지", "성명", "논평", "계획", "방침", "각오", "포부", "심경", "속내",
    "답", "답변", "설명", "반응", "주장", "감사", "사과", "의문", "의혹", "불안감", "아쉬움",
    "자부심", "만족감", "불편함", "섭섭함", "실망감", "소신", "해석", "평가",
    "일침", "쐐기", "못", "엄포", "으름장", "말문", "운", "포문", "목청", "언성", "날", "경고장",
})
"""Nouns of the form NOUN을/를 VERB that report speech: 자신감을 보였다, 입장을 밝혔다,
선을 그었다, 우려를 나타냈다, 목소리를 높였다, 입을 모았다."""


NAMING_VERB_PREFIXES = ("부르", "불리", "불렀", "칭하", "칭했", "일컫", "일컬", "명명", "이름",
                        "적힌", "쓰인", "새겨", "표기", "번역", "해석되", "불린", "뜻하", "의미하")
"""…'라고 불리는', '라고 적힌': quotation marks around a name or an inscription, not speech."""

HEARSAY_AFTER_QUOTATIVE = ("해서", "해도", "하더라도", "하면", "한다면", "하니", "하는데도", "치더라도",
                           "치고", "해야", "할 수", "하기", "보기", "보면", "보긴", "보는")
"""-다고 해서 (just because), -다고 해도 (even if): concessive and conditional uses of the
quotative, which report no one's speech."""

SPEECH_NOUNS = frozenset({
    "발언", "발표", "성명", "담화", "주장", "말", "질문", "질의", "답", "답변", "대답", "지적",
    "언급", "입장", "메시지", "글", "트윗", "논평", "브리핑", "설명", "해명", "반박", "경고",
    "요구", "요청", "촉구", "비판", "비난", "발언들", "물음", "당부", "약속", "다짐", "공약",
    "문답", "인터뷰", "연설", "축사", "기자회견", "회견", "게시물", "글귀", "보도", "전언",
    "주문", "호소", "지시", "말씀", "얘기", "이야기", "고백", "토로", "해석", "분석", "평가",
})
"""Nouns a quote can modify (…"는 질문에, …'이라는 발표): the quote is that speech act."""

SITUATION_VERBS = frozenset({
    "만나", "열", "통하", "출연하", "참석하", "방문하", "찾", "주재하", "갖", "가지", "마치", "앞두", "맞", "나서",
    "올리", "게시하", "인터뷰하", "응하", "발표하", "내", "띄우",
})
"""Verbs setting the scene of a statement (기자들과 만나, 간담회를 열고, 라디오에 출연해):
before reported speech they belong to the speaker's clause, not to what was said."""

QUESTION_NOUNS = frozenset({"질문", "질의", "물음", "문의"})

# ---------------------------------------------------------------- quotative cues
QUOTATIVE_EC = frozenset({"다고", "라고", "냐고", "느냐고", "으냐고", "자고", "니냐고", "는다고", "\u11ab다고",
                          "단다고", "란다고", "\u11ab가고", "으라고", "\u11ab대"})
"""Kiwi's connective endings (EC) that end reported speech before a speech verb."""
QUOTATIVE_CONNECTIVE_EC = frozenset({"다며", "라며", "다면서", "라면서", "냐며", "느냐며", "자며",
                                     "자면서", "냐면서", "는다며", "는다면서", "\u11ab다며", "\u11ab다면서",
                                     "으라며", "으라면서"})
"""Contracted quotative connectives (…다며, …라면서): reported speech and 'while saying'.
Kiwi spells the ㄴ of 된다고/한다며 as the final-consonant jamo U+11AB, as here."""

# ---------------------------------------------------------------- people and titles
TITLE_WORDS = (
    # heads of state and government
    "대통령", "부통령", "총리", "부총리", "국무총리", "주석", "총통", "국왕", "여왕", "왕세자", "황제",
    "국무위원장", "총서기", "서기장", "총재", "부총재", "행장", "은행장", "이사장", "의장국", "당선인", "당선자", "후보", "예비후보", "대통령실장", "비서실장",
    # ministers and officials
    "장관", "차관", "외상", "외무상", "외교장관", "국방장관", "재무장관", "산업상", "경제산업상", "방위상",
    "관방장관", "청장", "차장", "처장",
    "원장", "실장", "국장", "부장", "과장", "팀장", "단장", "본부장", "소장", "관장", "대사", "공사", "센터장",
    "총영사", "영사", "참사관", "서기관", "비서관", "행정관", "수석", "대변인", "부대변인", "수석대변인", "담당관",
    "조정관", "보좌관", "특보", "특사", "대표", "공동대표", "원내대표", "사무총장", "총장", "위원장",
    "부위원장", "위원", "의장", "부의장", "의원", "지사", "시장", "군수", "구청장", "도지사", "교육감",
    "제1부부장", "부부장", "정무관", "고문", "자문관", "심의관", "정책관", "기획관", "차관보", "대행", "권한대행",
    "조사관", "감독관", "협상대표", "수석대표", "대표단장", "대사대리", "감사원장", "검찰총장", "청와대 대변인",
    # judiciary and law
    "재판장", "대법원장", "판사", "검사", "검사장", "변호사", "변호인", "법무장관", "헌법재판관", "피고인",
    # councils and local office (written as one word: 도의원 is not 도 + 의원)
    "도의원", "시의원", "구의원", "군의원", "국회의원", "조합장", "조감독",
    # military
    "사령관", "합참의장", "참모총장", "대령", "중령", "소령", "대위", "장군", "제독", "대장", "중장", "소장",
    "사단장", "여단장", "연대장", "대대장", "중대장", "소대장", "함장", "부대장", "서장", "경찰서장", "지구대장",
    # business
    "회장", "부회장", "사장", "부사장", "전무", "상무", "이사", "이사장", "대표이사", "최고경영자", "최고재무책임자",
    "최고기술책임자", "최고운영책임자", "책임자",
    "CEO", "CFO", "CTO", "창업자", "발행인", "편집장", "편집인", "주필", "부문장", "사업부장", "지점장",
    # academia, professions
    "교수", "부교수", "조교수", "연구원", "연구위원", "선임연구원", "박사", "학장", "총장", "교사", "교장", "교감",
    "이장", "점장", "매니저", "주무관",
    "애널리스트", "연구위원", "이코노미스트", "전문가", "평론가", "칼럼니스트",
    # culture and sport
    "감독", "코치", "선수", "주장", "배우", "가수", "작가", "소설가", "시인", "화가", "작곡가",
    "수비수", "공격수", "미드필더", "골키퍼", "투수", "타자", "포수", "내야수", "외야수", "유격수", "선발투수",
    "아나운서", "앵커", "기자", "특파원", "PD", "프로듀서", "멤버", "리더",
    "막내", "래퍼", "보컬", "메인보컬", "댄서", "방송인", "개그맨", "개그우먼", "코미디언", "모델", "유튜버",
    "크리에이터", "뮤지컬배우", "연출가", "안무가",
    # religion and society
    "목사", "신부", "스님", "추기경", "교황", "주교", "활동가", "운동가",
    # honorifics a person is addressed or referred to by (도 선생님, 김 여사)
    "선생", "여사",
    # generic references that stand for a person
    "관계자", "당국자", "소식통", "관리", "고위관리", "고위 관리", "측근", "대변인실",
)
"""Job titles and roles printed next to a name (블라디미르 푸틴 러시아 대통령) or standing
in for it (김 위원장, 이 관계자).  Matched as the end of a word, so 공보담당관 matches
담당관 and 국민소통수석 matches 수석."""

ACADEMIC_TITLES = frozenset({"교수", "부교수", "조교수", "명예교수", "석좌교수", "총장", "연구원", "학생", "교수팀",
                             "연구팀", "연구교수", "겸임교수", "초빙교수", "학장", "원장"})
"""Titles held at a university: X대 교수 names a university (서울대, 고려대), not a person."""

ANONYMOUS_HEADS = frozenset({"관계자", "당국자", "소식통", "관리", "고위관리", "측근", "취재진", "기자",
                             "네티즌", "누리꾼", "시민", "주민", "전문가", "참석자", "관계자들",
                             "소식통들", "당국자들", "관리들", "전문가들"})
"""Roles that name no one: a source described only as 정부 관계자 or 소식통 stays
anonymous and is never merged with another article's source of the same description."""

PERSONAL_TITLES = frozenset({"의원", "대변인", "교수", "변호사", "감독", "선수", "기자", "원내대표"})
"""Titles that follow a person's name and never a place's (시장, 군수, 지사 follow places: 남양주시장),
so a Korean name glued to one is split even inside a longer phrase (국민의힘 심상화의원)."""

TEAM_WORDS = frozenset({"연구팀", "연구진", "연구단", "연구실", "팀", "공동연구팀"})
"""A team named for its leader (이도현 교수 연구팀): the leader is a person the article goes on with,
distinct from the team."""

PERSON_NOUNS = frozenset({
    # residents, citizens, the public
    "주민", "시민", "국민", "도민", "군민", "구민", "교민", "동포", "입주민", "이웃", "유권자", "납세자",
    # family
    "가족", "유족", "유가족", "부모", "학부모", "엄마", "아빠", "어머니", "아버지", "아들", "딸", "남편", "아내",
    "부인", "할머니", "할아버지", "손자", "손녀", "형", "누나", "언니", "오빠", "동생", "자녀", "아이", "어린이",
    # work and trade
    "직원", "임원", "노동자", "근로자", "노조원", "조합원", "상인", "어민", "농민", "해녀", "어업인", "농업인",
    "자영업자", "소상공인", "기업인", "경영자", "투자자", "주주", "점주", "업주", "주인", "점원", "종업원",
    "경비원", "배달원", "기사",
    "공무원", "경찰관", "소방관", "군인", "장병", "병사", "장교", "대원", "요원", "상담사", "승무원", "조종사",
    # health, victims, witnesses
    "환자", "의사", "간호사", "전공의", "의료진", "피해자", "희생자", "목격자", "생존자", "부상자", "실종자",
    # audiences and participants
    "참석자", "참가자", "관객", "관람객", "시청자", "청취자", "독자", "소비자", "고객", "승객", "운전자",
    "관광객", "방문객", "응답자", "지지자", "당원", "회원", "신도", "신자", "교인", "시위대", "팬", "팬들",
    # people in general
    "여성", "남성", "청년", "노인", "어르신", "학생", "유학생", "대학생", "수험생", "청소년", "주부",
    "회사원", "직장인", "손님", "행인", "여행객", "피서객", "등산객", "외국인", "탈북민", "탈북자", "난민", "이민자",
    "네티즌", "누리꾼", "리포터", "취재진", "전문가", "동료", "친구", "지인", "선배", "후배", "측근",
    # nominees and the like (장관 후보자): a person after a title
    "후보자", "지명자", "내정자", "피고인", "피의자", "용의자", "가해자", "신청자", "지원자", "수상자",
    # users, holders, residents of a kind
    "이용자", "사용자", "가입자", "구매자", "소유자", "운영자", "관리자", "보호자", "수급자", "대상자",
    "확진자", "감염자", "접종자", "귀성객", "탑승객", "이재민", "실향민", "이주민", "세입자", "임차인",
    "봉사자", "근무자", "종사자", "건물주", "학생들", "교수진", "의원들", "인사", "판매상",
})
"""Nouns for people (표준국어대사전 sense 'person who…'): with or without 들 (주민들, 유가족들) or inside a
compound (서울시민, 우유배달 여성, 아파트 경비원) they can speak.  Any other common noun (선거, 개념,
긴장감, 상황) cannot be a speaker, however it stands in a sentence."""

ORG_ROLE_WORDS = ("소속사", "소속사인", "기획사", "에이전시", "운영사", "제조사", "모회사", "자회사", "계열사")
"""Roles held by organisations (BTS 소속사 하이브): the name after them is a company."""

ORG_SUFFIXES = (
    "부", "처", "청", "위원회", "위", "당", "궁", "연구원", "의원회", "협의회", "위원회", "학회", "조합회",
    "사무실", "비서실", "대변인실", "단체", "재판부", "대표단", "사절단", "공사",
    "공단", "재단", "협회", "연맹", "연합", "연합회", "조합", "노조", "센터", "연구소", "연구원", "은행",
    "그룹", "전자", "통신", "일보", "신문", "방송", "뉴스", "대학", "대학교", "병원", "법원", "검찰",
    "경찰", "의회", "정부", "당국", "사무국", "사무소", "본부", "대사관", "영사관", "총영사관", "기구",
    "지법", "고법", "지검", "고검", "대검", "지청", "경찰서", "경찰청", "재판부",
    "팀", "구단", "클럽", "FC", "엔터테인먼트", "컴퍼니", "홀딩스", "코리아", "거래소", "증권", "보험",
    "카드", "캐피탈", "캐피털", "자동차", "중공업", "건설", "화학", "제약", "바이오", "항공", "해운", "철강",
    "물산", "산업", "상사", "운수", "식품", "유통", "에너지", "테크", "시스템", "네트웍스", "반도체",
    "디스플레이", "게임즈", "미디어", "케미칼", "로보틱스", "연대", "네트워크", "포럼", "연구회",
    "모빌리티", "자산운용", "생명", "해상", "물류", "상선", "공업", "제철", "석유", "전력", "소프트",
    "텔레콤", "엔터", "페이", "랩스", "솔루션", "솔루션즈", "파트너스", "인베스트먼트", "벤처스", "스튜디오",
    "커머스", "헬스케어", "파마", "모터스", "푸드", "제과", "리테일", "로지스틱스", "인더스트리", "머티리얼즈",
    "지자체", "시청", "도청", "구청", "군청", "교육청", "학교", "합참", "합동참모본부", "외무성", "국무부",
    "국방성", "상무부", "재무부", "백악관", "크렘린", "크렘린궁", "청와대", "대통령실", "총리실", "내각",
)
"""Endings of organisation names (국토부, 크렘린궁, 노동당, 삼성전자).  Single syllables that
are also common endings of Korean given names (원, 관, 국, 회, 진 …: 박지원, 이승관) are left
out; the institutions using them are listed in ORG_WORDS instead."""

ORG_WORDS = frozenset({
    "국정원", "감사원", "금감원", "금융감독원", "한은", "한국은행", "헌재", "대법원", "국세청",
    "외교원", "통계청", "기상청", "질병청", "교육청", "한미연합사", "유엔사", "북한군", "국군",
    "인민군", "조선인민군", "해군", "공군", "육군", "해병대", "연합뉴스", "국민의힘", "새누리당", "미래통합당",
    "더불어민주당", "민주당", "정의당", "개혁신당", "조국혁신당", "진보당", "자유한국당", "바른미래당",
    "정부", "청와대", "대통령실", "백악관", "크렘린궁", "크렘린", "국무부", "국방부", "외교부", "통일부",
    "외무성", "외무부", "국방성", "국무원", "외교부는", "유엔", "UN", "나토", "NATO", "EU", "IAEA", "WHO",
    "합참", "군", "군당국", "경찰", "검찰", "법원", "국회", "여당", "야당", "정부당국", "당국", "대통령실은",
    "구청", "시청", "도청", "군청", "의회", "노조", "재단", "협회", "연맹", "구단", "내각", "재판부", "연구팀",
    "연구진",
    "삼성전자", "LG전자", "현대차", "SK", "하이브", "한·미 정부", "한미", "북", "남",
})

CLUB_TAILS = frozenset({"시티", "유나이티드", "FC", "SC", "CF", "AFC", "호트스퍼", "로버스", "원더러스", "알비온"})
"""Second words of football club names (맨체스터 시티, 레스턴 유나이티드): the word before is the club's."""

MEDIA_WORDS = (
    "통신", "신문", "일보", "방송", "뉴스", "타임스", "포스트", "저널", "가디언", "텔레그래프", "인디펜던트",
    "로이터", "AP", "AFP", "블룸버그", "CNN", "BBC", "NHK", "NBC", "CBS", "ABC", "폭스", "교도통신", "지지통신",
    "신화", "타스", "스푸트니크", "아사히", "요미우리", "마이니치", "닛케이", "산케이", "연합뉴스", "뉴스1",
    "뉴시스", "언론", "매체", "외신", "월스트리트저널", "WSJ", "NYT", "뉴욕타임스", "워싱턴포스트", "파이낸셜타임스",
    "FT", "이코노미스트", "르몽드", "슈피겔", "CCTV", "인민일보", "환구시보", "조선중앙통신", "노동신문",
    "중앙방송", "조선중앙TV", "YTN", "KBS", "MBC", "SBS", "JTBC", "TV조선", "채널A", "MBN", "마이데일리",
)
"""Media that relay others' words (…말했다고 교도통신이 전했다): the person quoted is the
speaker, the medium only for its own reports."""

COUNTRY_ABBREVIATIONS = {
    "미": "미국", "美": "미국", "일": "일본", "日": "일본", "중": "중국", "中": "중국", "러": "러시아",
    "露": "러시아", "북": "북한", "北": "북한", "남": "한국", "韓": "한국", "한": "한국", "영": "영국",
    "英": "영국", "독": "독일", "獨": "독일", "프": "프랑스", "佛": "프랑스", "靑": "청와대", "與": "여당",
    "野": "야당", "대만": "대만", "臺": "대만", "이란": "이란", "印": "인도", "인": "인도",
}
"""Headline abbreviations (일 외무상, 美 국무부, 靑): expanded before a role or speaker is
compared with the body's full form."""

COUNTRIES = frozenset({
    "한국", "대한민국", "남한", "북한", "조선", "미국", "일본", "중국", "러시아", "영국", "프랑스", "독일",
    "이탈리아", "스페인", "캐나다", "호주", "뉴질랜드", "인도", "파키스탄", "이란", "이라크", "이스라엘",
    "팔레스타인", "사우디아라비아", "사우디", "튀르키예", "터키", "이집트", "우크라이나", "벨라루스", "폴란드",
    "헝가리", "체코", "오스트리아", "스위스", "네덜란드", "벨기에", "스웨덴", "노르웨이", "핀란드", "덴마크",
    "그리스", "포르투갈", "브라질", "아르헨티나", "멕시코", "칠레", "콜롬비아", "베네수엘라", "쿠바",
    "베트남", "태국", "필리핀", "인도네시아", "말레이시아", "싱가포르", "미얀마", "캄보디아", "라오스",
    "몽골", "대만", "홍콩", "카자흐스탄", "우즈베키스탄", "시리아", "레바논", "요르단", "카타르",
    "아랍에미리트", "UAE", "쿠웨이트", "예멘", "아프가니스탄", "남아공", "나이지리아", "케냐", "에티오피아",
    "유럽", "아시아", "중동", "아프리카", "서방", "EU", "유엔", "나토", "미", "일", "중", "러", "북", "남",
    "한반도", "동북아",
    "美", "日", "中", "北", "韓", "英", "한·미", "한미", "북·러", "북러", "한·일", "한일", "미·중", "미중",
    "주한", "주일", "주미", "주중", "주러", "재일", "재미", "워싱턴", "베이징", "도쿄", "모스크바", "서울",
    "평양", "런던", "파리", "베를린",
})
"""Countries, blocs and capitals: in a name-and-title phrase they start the role
(블라디미르 푸틴 | 러시아 대통령), they are not part of a person's name."""

PROVINCES = frozenset({
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남",
    "경북", "경남", "제주", "충청", "전라", "경상", "충청북", "충청남", "전라북", "전라남", "경상북", "경상남",
})
"""Korea's 17 first-level regions and their short forms (행정안전부 행정구역 현황): with 시, 도, 도청 or
시청 after them (충남도 대변인, 서울시장) they are a place in a role, not part of a name."""

PRONOUNS = frozenset({"그", "그녀", "그들", "그녀들", "이들", "저", "나", "본인", "당사자", "자신", "그분"})
"""Third-person pronouns carried to the last speaker (그는, 그녀는)."""

DEMONSTRATIVES = frozenset({"이", "그", "해당", "동"})
"""이 관계자는, 그 대변인은, 해당 관계자: a title after these points back to an earlier mention."""

DISCOURSE_ADVERBS = frozenset({
    "이어", "또", "또한", "그러면서", "아울러", "다만", "특히", "한편", "이에", "이와", "이에따라", "이에 따라",
    "그러나", "하지만", "그리고", "그런데", "반면", "앞서", "이후", "이날", "전날", "당시", "현재",
    "마지막으로", "끝으로", "먼저", "우선", "이밖에", "이외에도", "덧붙여", "나아가", "더불어", "따라서",
    "그래서", "결국", "물론", "실제로", "동시에", "그러자", "이때", "이후에", "최근", "최근에",
})
"""Sentence-initial connectives: they carry the previous speaker forward (이어 "…"고 말했다)
and never belong to a speaker's name."""

KOREAN_SURNAMES = names.KOREAN_SURNAMES | names.COMPOUND_SURNAMES
"""The Korean surnames, one- and two-syllable (kept in quotetrack/speakers/names.py, which speaker
matching shares without loading the extractor)."""

FOREIGN_NAME_SYLLABLES = names.FOREIGN_SYLLABLES | frozenset(
    "타토카케코쿠츠즈로루야" "슨캐턴튼퍼펠렐릭렉맥벤윌웰엘델젤셀톤폰론잭러버커터닐빌필밀킨핀틴딘번"
)
"""Syllables of transliterated names (마크롱, 시진핑, 모리슨, 베커; Japanese 신타로, 가즈코) that Korean
given names practically never use (대법원 인명용 한자 readings against 외래어 표기법 용례): a word
holding one is no Korean name even after a surname syllable (모리슨 is 캐서린 모리슨's surname)."""

HANJA_SURNAMES = {
    "金": "김", "李": "이", "朴": "박", "崔": "최", "鄭": "정", "姜": "강", "趙": "조", "尹": "윤", "張": "장",
    "林": "임", "韓": "한", "吳": "오", "徐": "서", "申": "신", "權": "권", "黃": "황", "安": "안", "宋": "송",
    "柳": "류", "洪": "홍", "全": "전", "高": "고", "文": "문", "孫": "손", "梁": "양", "裵": "배", "白": "백",
    "許": "허", "劉": "유", "南": "남", "沈": "심", "盧": "노", "丁": "정", "河": "하", "郭": "곽", "成": "성",
    "車": "차", "朱": "주", "禹": "우", "具": "구", "閔": "민", "兪": "유", "羅": "나", "陳": "진", "池": "지",
    "嚴": "엄", "蔡": "채", "元": "원", "千": "천", "方": "방", "孔": "공", "康": "강", "玄": "현", "咸": "함",
    "卞": "변", "廉": "염", "楊": "양", "邊": "변", "呂": "여", "秋": "추", "魯": "노", "都": "도", "蘇": "소",
    "愼": "신", "石": "석", "宣": "선", "薛": "설", "馬": "마", "吉": "길", "延": "연", "魏": "위", "表": "표",
    "明": "명", "奇": "기", "潘": "반", "王": "왕", "琴": "금", "玉": "옥", "陸": "육", "孟": "맹", "卓": "탁",
    "秦": "진", "任": "임", "辛": "신", "田": "전", "周": "주", "房": "방", "慶": "경", "奉": "봉", "夫": "부",
    "南宮": "남궁", "鮮于": "선우", "皇甫": "황보", "諸葛": "제갈", "司空": "사공", "獨孤": "독고",
    "西門": "서문", "東方": "동방",
}
"""Surnames as headlines and older print write them, in hanja (李대통령, 朴 후보, 南宮장관), with
their Korean reading (대법원 인명용 한자표).  中, 日, 美, 北 and 韓 as countries are in
COUNTRY_ABBREVIATIONS; 韓 is read as a surname only before a title (韓총리)."""

GLUED_SURNAME_EXCLUDED = frozenset({"부", "副", "전", "현", "前", "現", "고", "故", "총", "대", "제"})
"""First syllables that before a title are a prefix, not a surname, when written without a space:
부사장, 부시장 (deputy), 전대통령 (former), 현회장 (current), 고회장 (the late)."""


NON_SPEAKER_HEADS = frozenset({
    "것", "점", "수", "데", "때", "바", "뒤", "후", "전", "중", "등", "측면", "문제", "상황", "결과", "내용",
    "언급", "발언", "발표", "질문", "답변", "이유", "가운데", "경우", "사실", "부분", "가능성", "의미",
    "입장", "주장", "분석", "전망", "평가", "지적", "보도", "소식", "사건", "사태", "회담", "협의", "관계",
    "오늘", "어제", "내일", "이날", "전날", "당시", "현재", "지금", "올해", "작년", "지난해", "내년", "이번",
    "최근", "날", "주", "달", "해", "시간", "기간", "동안", "이상", "이하", "정도", "만큼", "일부", "대부분",
    "모두", "다수", "전부", "자체", "이후", "이전", "직후", "직전", "덕분", "탓", "때문",
})
"""Head nouns that cannot be a speaker (…한 것은, 이번 발표는): a topic phrase ending in
one of these is part of the sentence's content, not who is speaking."""

TEMPORAL_NOUNS = frozenset(
    {"후", "전", "뒤", "직후", "직전", "이후", "이전", "도중", "중", "당시", "무렵", "끝", "가운데"}
    | {"말미", "막바지", "초반", "중반", "후반", "서두"}
)
"""Nouns that turn the phrase before them into a time (경기 후, 회담 직후): a speaker phrase stops there.
전 before a title (트럼프 전 대통령) is the adjective 'former' and is part of the role."""


HEADLINE_TAGS_RE = r"^\s*(?:[\[【<(〈《][^\]】>)〉》]{1,20}[\]】>)〉》]\s*)+"
"""Bracketed kickers before a headline: [단독], [속보], [일문일답], [풀영상], 【종합】."""

HEADLINE_SPEECH_NOUNS = frozenset({
    "담화", "발언", "성명", "강조", "경고", "비판", "비난", "맹비난", "반박", "일축", "부인", "주장",
    "촉구", "요구", "호소", "당부", "언급", "인터뷰", "회견", "브리핑", "답변", "지적", "해명", "논평",
    "입장", "밝혀", "말해", "밝힌", "선언", "약속", "다짐", "토로", "고백", "우려", "유감", "항의",
})
"""Predicate nouns that close a headline's attribution (국방부 대변인 맹비난)."""

SOUNDBITE_LABELS = ("인터뷰", "녹취", "싱크", "현장음", "전화인터뷰", "전화 인터뷰", "영상", "전화녹취")
"""Labels of broadcast soundbite tags: [인터뷰:이름, 직함], ▶ 인터뷰 : 이름 / 직함."""
# fmt: on
