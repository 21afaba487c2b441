"""The words stance and topic reading look for, as data, with where they come from.

Morphemes are Kiwi's (Sejong tag set); lemmas are a noun as written (원전, 확정)
or a verb or adjective stem (올리, 짓).  The grammar — long negation -지 않다/-지
못하다, short negation 안/못, the negative copula 아니다, the existential 없다,
double negation, obligation -어야 하다 — is standard Korean grammar (Sohn, *The
Korean Language*, 1999, ch. 9; 국립국어원 표준국어대사전 for the word senses).
The denial, refusal, retraction and confirmation vocabulary is that of Korean
news reporting of officials' statements: the nouns and verbs reporters and
spokespeople use to deny a report (사실무근, 오보, 일축), to refuse (불가능하다,
생각은 없다), to call something off (철회, 보류, 연기) and to confirm (확정, 인정);
gathered from the story articles in tests/data and the reporting verbs the
extractor's lexicon lists (quotetrack/extract/lexicon.py), never from one article.
"""

from __future__ import annotations

DENIAL_NOUNS = frozenset(
    [
        "사실무근",
        "허위",
        "오보",
        "거짓",
        "낭설",
        "억측",
        "날조",
        "가짜뉴스",
        "거짓말",
        "루머",
        "유언비어",
        "무근",
    ]
)
"""Nouns that call a statement or report untrue: …은 사실무근, …는 오보다."""

DENIAL_ADJECTIVES = frozenset({"무관하", "터무니없", "근거없", "사실무근하"})
"""Adjective stems that deny: 북한과 무관하다, 터무니없다."""

DENIAL_VERBS = ("부인", "일축", "반박", "부정")
"""Reporting verbs that make the reported statement a denial (부인했다, 일축했다 …).
반발 (protested) is not among them: objecting is not saying something is untrue."""

CONFIRMATION_VERBS = ("인정", "시인", "확인", "확정")
"""Reporting verbs that make the reported statement a confirmation (인정했다, 확인했다)."""

CONFIRMATION_LEMMAS = frozenset({"확정", "인정", "시인", "확인", "공식화", "틀림없", "분명하", "맞"})
"""Words that confirm (확정했다, 사실로 확인됐다, 맞다): an affirmation's deciding words."""

REFUSAL_HEADS = frozenset({"계획", "생각", "의사", "용의", "의향", "방침", "뜻", "여력", "필요"})
"""Nouns that make 없다 a refusal: 그럴 생각은 없다, 계획이 없다."""

IMPOSSIBLE_LEMMAS = frozenset({"불가능", "불가", "거부", "거절", "반대"})
"""Refusal and impossibility: 불가능하다, 수용 불가, 거부한다, 반대한다."""

RETRACTION_LEMMAS = frozenset(
    {"철회", "취소", "백지화", "보류", "포기", "무산", "중단", "유보", "연기", "유예", "미루"}
)
"""Calling something off or putting it off: 계획을 철회했다 says the plan no longer holds.  Each
flips the polarity of what it applies to, so 철회는 없다 (no retraction) affirms the plan."""

PROPOSITION_HEADS = frozenset(
    [
        "것",
        "바",
        "방침",
        "계획",
        "입장",
        "생각",
        "예정",
        "의사",
        "전망",
        "셈",
        "모양",
        "듯",
        "터",
        "원칙",
        "보도",
        "주장",
        "설",
        "의혹",
        "지적",
        "얘기",
        "이야기",
        "소문",
        "관측",
    ]
)
"""Nouns a negated clause may modify and still be the statement's point: 위반하지 않을 것,
지원하지 않는다는 원칙, 넘기지 않았다는 보도.  A negation modifying any other noun (위반하지 않는
범위에서) is out of the statement's scope."""

REPORT_NOUNS = frozenset(
    ["보도", "주장", "설", "의혹", "지적", "얘기", "이야기", "소문", "관측", "전망", "기사"]
)
"""Nouns that frame reported content (…했다는 보도): they are about the report, not its topic."""

OBLIGATION_LEMMAS = frozenset({"불가피", "불가피하"})
"""불가피하다 (unavoidable): obligation, no stance of its own."""

HEDGE_WORDS = (
    "검토",
    "가능",
    "전망",
    "추진",
    "예상",
    "방안",
    "고려",
    "할 수도",
    "수도 있",
    "듯",
    "것으로 보",
)
"""Hedges a headline may drop or add: …할 수도 있다, 검토, 가능성 (fidelity.py)."""

_STOP = (
    # light and auxiliary verbs, the copula, existence and negation
    "하 되 있 없 않 아니 이 같 보 주 말 싶 받 들 나 오 가 지 못하 못 안 두 놓 버리 내 나가 대하 위하 통하 따르 관하 "
    # bound and generic nouns of news speech
    "것 수 등 때 중 일 바 측 점 데 뿐 번 명 곳 개 쪽 면 분 측면 부분 정도 "
    "현재 지금 오늘 내일 어제 올해 내년 작년 이번 다음 당분간 최근 앞 향후 이후 전 후 "
    "우리 저희 정부 당국 관련 대해 문제 상황 입장 방침 생각 계획 의사 용의 의향 예정 대상 "
    "사실 보도 주장 설 의혹 지적 얘기 이야기 소문 관측 기사 "
    "말씀 발표 발언 강조 설명 답변 언급 가능"
)
STOP_LEMMAS = frozenset(_STOP.split())
"""Lemmas that say nothing about what a statement is about (light verbs, bound nouns, times,
the frame words of reported speech).  They take no part in topic matching."""

GENERIC_LEMMAS = frozenset(
    [
        "검토",
        "논의",
        "추진",
        "결정",
        "진행",
        "시작",
        "마련",
        "제출",
        "단행",
        "착수",
        "실시",
        "시행",
        "이행",
        "유지",
        "합의",
        "협의",
    ]
)
"""Process words (검토하다, 추진하다): about the thing, but shared by statements on different
things; they count at `GENERIC_WEIGHT`."""
GENERIC_WEIGHT = 0.5

SAME_AS = {
    # native verb stems and the Sino-Korean action nouns news uses for the same act
    "올리": "인상",
    "높이": "인상",
    "내리": "인하",
    "낮추": "인하",
    "늘리": "확대",
    "줄이": "축소",
    "짓": "건설",
    "옮기": "이전",
    "바꾸": "교체",
    "열": "개최",
    "물러나": "사퇴",
    "받아들이": "수용",
    "멈추": "중단",
    "만나": "접촉",
}
"""One meaning, two words: a native verb and the Sino-Korean noun news writes for it (요금을
올린다 / 요금 인상; 표준국어대사전's definitions of each noun use the verb).  Topic matching
reads both as the noun."""

COMPOUND_SUFFIXES = ("안", "설", "직", "론", "책")
"""Sino-Korean suffixes of compound nouns Kiwi keeps whole: 인상안 (a plan to raise), 사퇴설
(a rumour of resigning), 대표직 (the post of leader) are about 인상, 사퇴, 대표."""

NON_NAMING_MODIFIERS = frozenset(
    [
        "추가",
        "신규",
        "일부",
        "전체",
        "전면",
        "최종",
        "공식",
        "단계",
        "대규모",
        "긴급",
        "일시",
        "연내",
        "향후",
        "내년",
        "올해",
        "하반기",
        "상반기",
        "기존",
        "현행",
        "별도",
        "자체",
        "본격",
        "조기",
        "잠정",
        "부분",
    ]
)
"""Nouns that say how much, when or how (추가 금리 인상, 신규 댐), not which thing: two statements
differing only in them can still be about one thing (topic.contrasted ignores them)."""
