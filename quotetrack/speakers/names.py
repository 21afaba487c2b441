"""How a printed speaker name and role are read for identity across articles.

The extractor already resolves mentions inside one article (푸틴 대통령, 그는 →
블라디미르 푸틴).  Across articles only the printed name and role remain, so this
module decides what a name can safely be matched on:

- ``full``: a person's full name — a Korean name with a known surname (김병환) or
  a foreign name of several words (블라디미르 푸틴).  Matched on the whole name.
- ``single``: one foreign name word (푸틴, 마치무라, 시진핑, Putin): a surname, or a
  whole name written as one word.  Matched on the whole word; matched to a full
  name ending in it only with a compatible role.
- ``surname`` / ``title``: a Korean surname (김 위원장, 최 감독) or a title alone
  (대변인, 북한 외무성 대변인).  Thousands of people fit, so never matched across
  articles.
- ``anonymous`` / ``generic``: 정부 관계자, 소식통, 정부, 당국, 소속사들 — descriptions,
  not names; never matched across articles.
- ``organisation``: 외교부, 백악관, 하이브 — matched on the whole name.

Word lists are data with provenance, like the extractor's lexicon; they are
repeated here (not imported from ``quotetrack.extract``) because read-only
commands must not load the extraction package.  Nothing here touches a database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from quotetrack.normalize import name_key
from quotetrack.types import SpeakerKind


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string (compact data, one line per topic)."""
    return frozenset(text.split())


MentionForm = Literal["full", "single", "surname", "title", "anonymous", "generic", "organisation"]

KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염"
    "여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
    "리림"  # the North's spelling of 이 and 임 (리선권, 림동옥)
)
"""The ~100 Korean surnames covering over 99% of the population (통계청 인구주택총조사 성씨
통계); the same list as quotetrack/extract/lexicon.py."""
COMPOUND_SURNAMES = frozenset({"황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방"})

FOREIGN_SYLLABLES = frozenset("크트프르스즈츠쿠슈롱핑칭브드그흐쉬쥬셴첸샤쟈챠키티피")
"""Syllables that occur in transliterated foreign names (마크롱, 시진핑, 트럼프) but practically
never in Korean given names (국립국어원 외래어 표기법 용례 against the 대법원 인명용 한자 readings),
so 마크롱 is not read as 마 + 크롱 although 마 is a Korean surname."""

TITLE_HEADS = _words(
    "대통령 부통령 총리 국무총리 부총리 주석 국가주석 총통 국왕 여왕 황제 국무위원장 위원장 부위원장 "
    "장관 차관 외상 외무상 청장 처장 원장 실장 국장 부장 과장 팀장 단장 본부장 소장 관장 대사 총영사 "
    "영사 참사관 비서관 수석 대변인 부대변인 담당관 공보담당관 조정관 보좌관 특보 특사 대표 원내대표 "
    "사무총장 총장 위원 의장 부의장 의원 지사 도지사 시장 군수 구청장 교육감 부부장 고문 재판장 대법원장 "
    "판사 검사 검사장 변호사 사령관 합참의장 참모총장 회장 부회장 사장 부사장 전무 상무 이사 이사장 "
    "대표이사 발행인 편집장 교수 연구원 연구위원 감독 코치 선수 주장 배우 가수 작가 소설가 기자 특파원 "
    "앵커 목사 신부 스님 관계자 당국자 소식통 관리 측근 당선인 후보 부문장"
)
"""Job titles that end a role or stand in for a name (김 위원장, 대변인); a subset of the
extractor's TITLE_WORDS (표준국어대사전 and wire-service style guides)."""

# fmt: off
TITLE_SYNONYMS = {
    "외무상": "외상", "외무대신": "외상", "외무장관": "외교장관", "외교부장관": "외교장관",
    "국방부장관": "국방장관", "국가주석": "주석", "국무총리": "총리",
}
# fmt: on
"""Spellings of one office that outlets use interchangeably (일본 외상 = 일본 외무상)."""

DEPUTY_PREFIXES = _words("부 副 수석부 제1부 제2부 차")
"""A role that is another role with one of these in front is a different office: 부위원장 is
not 위원장, 부사장 not 사장."""

ROLE_MODIFIERS = _words("전 前 현 現 신임 초대 차기 당시 직전 대행 권한대행 직무대행")
"""Words that date or qualify an office without changing it (전 대통령, 장관 대행): the
same person holds the role before and after."""

# fmt: off
COUNTRY_ABBREVIATIONS = {
    "미": "미국", "美": "미국", "일": "일본", "日": "일본", "중": "중국", "中": "중국", "러": "러시아",
    "露": "러시아", "북": "북한", "北": "북한", "韓": "한국", "영": "영국", "英": "영국", "독": "독일",
    "佛": "프랑스", "靑": "청와대",
}
# fmt: on
"""Headline abbreviations (일 외무상, 美 국무부), as in the extractor's lexicon."""

GENERIC_ORGANISATIONS = frozenset(
    name_key(word)
    for word in _words(
        "정부 당국 관계당국 군 군당국 경찰 검찰 법원 국회 여당 야당 회사 소속사 구단 학교 대학 병원 언론 "
        "외신 매체 당 측 주최측 정부당국 관계부처 업계 재계 시민단체 단체 노조 대변인실"
    )
)
"""Organisation words that name no particular body: 정부 in one article is Korea's, in
another Japan's.  Like anonymous sources they are kept per article."""

ORGANISATION_ENDINGS = tuple(
    _words(
        "부 처 청 위원회 당 궁 관 성 원 실 단 국 사 공사 공단 재단 협회 연맹 조합 센터 연구소 은행 그룹 "
        "전자 통신 일보 신문 방송 뉴스 대학교 병원 법원 의회 정부 당국 대사관 영사관 기구 구단 "
        "엔터테인먼트 홀딩스 거래소 증권 백악관 청와대 크렘린궁 대통령실"
    )
)
"""Endings that mark an organisation name (국방부, 외무성, 백악관) when the extractor could not
tell its kind (``unknown``); from the extractor's ORG_SUFFIXES."""

COUNTRIES = _words(
    "한국 대한민국 북한 조선 미국 일본 중국 러시아 영국 프랑스 독일 이탈리아 스페인 캐나다 호주 인도 "
    "이란 이라크 이스라엘 팔레스타인 사우디아라비아 튀르키예 터키 이집트 우크라이나 벨라루스 폴란드 "
    "브라질 멕시코 베트남 태국 필리핀 인도네시아 싱가포르 몽골 대만 유럽연합 eu 유엔 나토 nato"
)
"""Countries and blocs: two roles naming different ones belong to different people
(러시아 총리 and 러시아 대통령 can be one career; 미국 국무장관 and 영국 외무장관 cannot)."""
# fmt: off
SEATS = {
    "백악관": "미국", "국무부": "미국", "국방부": "한국", "청와대": "한국", "대통령실": "한국",
    "크렘린궁": "러시아", "크렘린": "러시아", "외무성": "일본", "총리관저": "일본",
}
# fmt: on
"""Seats of government standing for their country in a role (백악관 대변인 is American).
국방부 is read as Korea's: with a foreign ministry outlets print the country (미국 국방부)."""

_HANGUL = re.compile(r"[가-힣]+")
_ROLE_SPLIT = re.compile(r"[\s()\[\]·,/]+")


@dataclass(frozen=True)
class Mention:
    """A printed speaker name read for identity."""

    printed: str
    key: str
    """`name_key` of the printed name."""
    form: MentionForm
    kind: SpeakerKind
    family_words: tuple[str, ...] = ()
    """Keys of the words of a several-word full name that may be its family name alone: the last
    (푸틴 of 블라디미르 푸틴) and the first (기시다 of 기시다 후미오, Japanese order); else empty."""
    surname: str | None = None
    """The Korean surname of a ``surname`` or Korean ``full`` mention (최 for 최 감독)."""

    @property
    def one_word(self) -> bool:
        """A personal name written as one word (김병환, 푸틴, 시진핑)."""
        return self.form in ("full", "single") and not self.family_words


def read_mention(printed: str, kind: SpeakerKind, role: str | None) -> Mention:
    """Classify a printed speaker name (with the kind and role the extractor gave it)."""
    printed = " ".join(printed.split())
    key = name_key(printed)
    if kind == "anonymous":
        return Mention(printed, key, "anonymous", kind)
    if kind == "organisation" or (kind == "unknown" and looks_like_organisation(printed)):
        generic = key in GENERIC_ORGANISATIONS or printed.endswith("들")
        return Mention(printed, key, "generic" if generic else "organisation", kind)
    if printed.endswith("들"):  # 소속사들, 관계자들: a group, not a person
        return Mention(printed, key, "generic", kind)
    words = _name_words(printed, role)
    if not words:
        return Mention(printed, key, "title", kind)
    if len(words) == 1:
        word = words[0]
        if len(word) == 1 and word in KOREAN_SURNAMES:
            return Mention(printed, key, "surname", kind, surname=word)
        if word[0] in KOREAN_SURNAMES and word[1:] in TITLE_HEADS:  # 최감독 written as one word
            return Mention(printed, key, "surname", kind, surname=word[0])
        surname = korean_surname(word)
        if surname is not None:
            return Mention(printed, key, "full", kind, surname=surname)
        if len(word) == 1:
            return Mention(printed, key, "title", kind)
        return Mention(printed, key, "single", kind)
    return Mention(printed, key, "full", kind, family_words=(name_key(words[-1]), name_key(words[0])))


def korean_surname(word: str) -> str | None:
    """The surname of a Korean full name written as one word (김병환 → 김), else None."""
    if not _HANGUL.fullmatch(word) or not 2 <= len(word) <= 4:
        return None
    if any(ch in FOREIGN_SYLLABLES for ch in word):
        return None
    if len(word) >= 3 and word[:2] in COMPOUND_SURNAMES:
        return word[:2]
    return word[0] if word[0] in KOREAN_SURNAMES else None


def looks_like_organisation(printed: str) -> bool:
    """A name the extractor left as ``unknown`` that reads as an organisation (백악관, 외무성)."""
    last = printed.split()[-1] if printed.split() else ""
    if len(last) < 2:
        return False
    if any(len(e) > 1 and last.endswith(e) for e in ORGANISATION_ENDINGS):
        return True
    # one-syllable endings (부, 성, 관) also end Korean given names: 이진관 is a person
    return last[-1] in ORGANISATION_ENDINGS and (len(printed.split()) > 1 or korean_surname(last) is None)


def _name_words(printed: str, role: str | None) -> list[str]:
    """The words of a printed name that are not titles or parts of its role (최 감독 → [최])."""
    role_words = {name_key(w) for w in role_words_of(role)}
    words = printed.split()
    while words and (_is_title(words[-1]) or name_key(_expand(words[-1])) in role_words):
        words.pop()
    if words and all(name_key(_expand(w)) in role_words for w in words):
        return []  # 북한 외무성 대변인 printed as both name and role
    return words


def _is_title(word: str) -> bool:
    return any(word.endswith(t) and (len(word) == len(t) or len(word) - len(t) >= 2) for t in TITLE_HEADS)


def _expand(word: str) -> str:
    return COUNTRY_ABBREVIATIONS.get(word, word)


def role_words_of(role: str | None) -> list[str]:
    """A role's words with abbreviations spelled out, synonyms unified and modifiers dropped."""
    if not role:
        return []
    text = unicodedata.normalize("NFKC", role)
    words = [w for w in _ROLE_SPLIT.split(text) if w]
    out: list[str] = []
    for i, word in enumerate(words):
        if word in ROLE_MODIFIERS:
            continue
        if word in COUNTRY_ABBREVIATIONS and i + 1 < len(words):
            word = COUNTRY_ABBREVIATIONS[word]
        out.append(TITLE_SYNONYMS.get(word, word).casefold())
    return out


def role_key(role: str | None) -> str:
    """A role's identity in the role history: its normalised words, spacing ignored."""
    return name_key("".join(role_words_of(role))) if role else ""


def roles_compatible(a: str | None, b: str | None) -> bool:
    """Whether two printed roles can belong to one person: 러시아 대통령 ~ 대통령, 일 외무상 ~ 일본 외상.

    One role's title must be held in the other (금융위원장 holds 위원장, but 부위원장 does not
    hold 위원장) and each of its other words must appear in the other role.  A missing role is
    compatible with anything.
    """
    wa, wb = role_words_of(a), role_words_of(b)
    if not wa or not wb:
        return True
    return _holds(wa, wb) or _holds(wb, wa)


def _holds(short: list[str], long: list[str]) -> bool:
    """Whether `long` names the office of `short`, with all of `short`'s qualifiers."""
    head, qualifiers = short[-1], short[:-1]
    leftovers: list[str] = []
    for word in long:
        if word == head:
            break
        if word.endswith(head):
            rest = word[: -len(head)]
            if rest in DEPUTY_PREFIXES:
                return False
            leftovers.append(rest)
            break
    else:
        return False
    pool = [*long, *leftovers]
    return all(any(_same_word(q, w) for w in pool) for q in qualifiers)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long.startswith(short)


def any_compatible(roles: set[str] | list[str], new_roles: set[str] | list[str]) -> bool:
    """Whether some role in `roles` is compatible with some role in `new_roles` (both non-empty)."""
    return any(roles_compatible(a, b) for a in roles for b in new_roles)


def conflicts(roles: set[str] | list[str], new_roles: set[str] | list[str], *, career: bool = False) -> bool:
    """True when both sides know roles and none of them fits together: a different person.

    With `career` (a foreign full name of several words, which few people share) roles
    that change over a career (러시아 총리 → 러시아 대통령) only conflict when they name
    different countries or seats of government.
    """
    if not roles or not new_roles or any_compatible(roles, new_roles):
        return False
    if not career:
        return True
    ours, theirs = _countries(roles), _countries(new_roles)
    return bool(ours) and bool(theirs) and not (ours & theirs)


def _countries(roles: set[str] | list[str]) -> set[str]:
    """The countries a set of roles names; a seat of government counts only when no country is printed."""
    found: set[str] = set()
    for role in roles:
        words = role_words_of(role)
        named = {w for w in words if w in COUNTRIES}
        found |= named or {SEATS[w] for w in words if w in SEATS}
    return found
