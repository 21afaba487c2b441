"""Read a speaker phrase: where it starts, which words are the name, which the role.

Korean news names a person with a phrase whose parts come in a few fixed orders:
name then role (블라디미르 푸틴 | 러시아 대통령), role then name (소설가 | 한강,
PC매거진 발행인 | 팀 캐스텔리), organisation, name, title (석가장영창팀 | 야센 | 감독),
genitive affiliation (LA 다저스의 | 류현진), or a surname plus title standing for a
name given earlier (김 위원장).  Each word is classed as title (T), country or place
(C), organisation (O), modifier (G: genitives, numerals) or name-like (N), and
the name is the run of N words in a position names take.  The phrase is found by
walking left from the word carrying the subject particle while the words stay
nominal; Kiwi says which words are nominal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Literal

from quotetrack.extract import lexicon as lx
from quotetrack.extract.morph import Morph, morphs
from quotetrack.extract.sentences import Word, Words
from quotetrack.speakers import names
from quotetrack.types import SpeakerKind

MentionForm = Literal["name", "surname_title", "title", "pronoun", "org", "anonymous"]

ROLE_MODIFIERS = frozenset({"전", "현", "신임", "前", "現", "초대", "차기"})
"""'Former', 'current', 'new' before a title (트럼프 전 대통령): part of the role."""

MAX_PHRASE_WORDS = 8
"""Longest speaker phrase, in words (존 커비 백악관 국가안보회의 전략소통조정관 is 5)."""

_EDGE = "\"'“”‘’″′『』「」()[]<>《》〈〉,.;:!?…·-–—"
_DATE_WORD = re.compile(
    r"^(?:\d{1,4}(?:학년도|년도|학년|년|월|일|시|분)|\d{1,2}\.\d{1,2}\.?|지난|오는|올해|지난해|작년|내년|"
    r"이날|전날|당일|오늘|어제|내일|그제|최근|현지시간|현지|당시|앞서|오전|오후|새벽|밤|"
    r"이번|다음|지난달|이달|다음달|주말|연초|연말)"
)
_SUBJECT_END = re.compile(r"(?:은|는|이|가|께서|도)$")
_HANGUL_1 = re.compile(r"[가-힣]")
_HANGUL_ONLY = re.compile(r"[가-힣]+")
_GLUED_STOP = re.compile(r"[다요]\.[가-힣]")
_GLOSS = re.compile(r"\([一-鿿A-Za-z·\s]+\)")
_PAREN_HANGUL = re.compile(r"\([가-힣]{1,8}\)")
_DEPARTMENT = re.compile(r"[가-힣](?:학과|교육과|학부|대학원|전공)$")
"""University departments (화학과, 국어교육과): a bare 과 after a noun is far more often 'and'."""
_SECTION = re.compile(
    r"[가-힣](?:정책|관리|행정|총무|민원|기획|홍보|감사|안전|복지|지원|협력|운영|계획|보건|위생|교통|환경"
    r"|건축|재난|산업|경제|문화|관광|체육|수사|조사|예산|세무|재정|주택|농정|산림|수산|방역|인사|법무|정보)과$"
)
"""A government office's section (환경정책과, 교통행정과): an administrative field and 과, a unit of the
office, not 'and' (정책과 관계자 is no 'policy and official')."""
_HANGUL_2_4 = re.compile(r"[가-힣]{2,4}")
_HANGUL_2_5 = re.compile(r"[가-힣]{2,5}")
_HANGUL_3 = re.compile(r"[가-힣]{3}")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_ORG_SHAPE = re.compile(r"[A-Z]{2,}|[A-Z][a-z]*[가-힣]|\d")
_MEDIA_NOISE = re.compile(r"[<>《》〈〉\s]")
_PARENS = re.compile(r"\([^)]*\)")
_NONSPACE = re.compile(r"\S+")
_PAREN_TAIL = re.compile(r"\([^()]{1,30}\)$")
_TITLE_SUFFIXES = tuple(sorted(set(lx.TITLE_WORDS), key=len, reverse=True))
_TITLE_SET = frozenset(lx.TITLE_WORDS)
_OPENING_MARKS = "\"'“”‘’″『「"
_HANJA_SURNAME = re.compile("^(" + "|".join(sorted(lx.HANJA_SURNAMES, key=len, reverse=True)) + ")")
_ORG_SUFFIXES = tuple(sorted(set(lx.ORG_SUFFIXES), key=len, reverse=True))
_MEDIA = tuple(sorted(set(lx.MEDIA_WORDS), key=len, reverse=True))

SUBJECT_TAGS = frozenset({"JKS", "JX"})
NOMINAL_TAGS = frozenset({"NNG", "NNP", "NNB", "NP", "NR", "SL", "SH", "SN", "XSN", "XPN", "W_SERIAL"})


@dataclass(slots=True)
class Mention:
    """A phrase that names (or stands for) a speaker.

    Treated as immutable (phrases are cached and shared: never assign to a field), but not
    frozen: a long article builds tens of thousands, and a frozen dataclass pays a slow
    attribute write per field (13 here) for each.
    """

    text: str
    start: int
    end: int
    form: MentionForm
    name: str | None
    role: str | None
    kind: SpeakerKind
    surname: str | None = None
    title: str | None = None
    particle: str = ""
    media: bool = False
    demonstrative: bool = False
    weak: bool = False
    """A bare word that may or may not be a name (캐스텔리는, 상황이): it only counts
    when the article has already introduced someone by that name."""

    @property
    def description(self) -> str:
        """What to print when nothing better is known: the name, else the phrase."""
        return self.name or self.text

    def at(self, start: int, end: int) -> Mention:
        """The same phrase found at other offsets (cheaper than dataclasses.replace)."""
        return Mention(
            self.text,
            start,
            end,
            self.form,
            self.name,
            self.role,
            self.kind,
            self.surname,
            self.title,
            self.particle,
            self.media,
            self.demonstrative,
            self.weak,
        )


@lru_cache(maxsize=65536)
def core(word: str) -> str:
    """A word without surrounding quotation marks, brackets and punctuation.

    Balanced parentheses stay: 한강(53), 부문장(사장).
    """
    w = word.strip(_EDGE.replace("(", "").replace(")", ""))
    while w.endswith(")") and w.count("(") < w.count(")"):
        w = w[:-1].rstrip(_EDGE.replace("(", "").replace(")", ""))
    while w.startswith("(") and w.count("(") > w.count(")"):
        w = w[1:].lstrip(_EDGE.replace("(", "").replace(")", ""))
    if w.startswith("(") and w.endswith(")"):
        w = w[1:-1]
    return w


@lru_cache(maxsize=65536)
def subject_particle(word: str) -> tuple[str, str] | None:
    """Split 대변인은 into (대변인, 은) when the word ends in a topic or subject marker.

    Kiwi decides, so 있는 (verb + adnominal) and 대해서는 (verb + topic) are not
    subjects.  Returns None for words that are not a noun phrase's last word
    with a subject marker.
    """
    w = core(word)
    if not w or not _SUBJECT_END.search(w):
        return None
    ms = morphs(w)
    if len(ms) < 2:
        return None
    last = ms[-1]
    if last.tag not in SUBJECT_TAGS or last.form not in ("은", "는", "이", "가", "께서", "도", "께서는"):
        return None
    i = len(ms) - 2
    if ms[i].tag == "JKS" and last.tag == "JX":  # 께서는
        i -= 1
    prev = ms[i]
    # 전공의는 read as 전공/NNG 의/JKG 는/JX: no particle follows a genitive, so the noun ends in 의
    genitive_noun = prev.tag == "JKG" and prev.form == "의" and i > 0 and ms[i - 1].tag in NOMINAL_TAGS
    if prev.tag not in NOMINAL_TAGS and prev.tag not in ("SSC", "SW") and not genitive_noun:
        return None
    cut = ms[i + 1].start  # 대표께서도: the honorific subject marker goes with the particle after it
    return w[:cut], w[cut:]


@lru_cache(maxsize=65536)
def is_nominal(word: str) -> bool:
    """True for a word that can sit inside a noun phrase before its head."""
    w = core(word)
    if not w:
        return False
    if _DATE_WORD.match(w) or w in lx.DISCOURSE_ADVERBS:
        return False
    if w in lx.DEMONSTRATIVES or w in lx.COUNTRIES or w in lx.COUNTRY_ABBREVIATIONS or w in lx.ORG_WORDS:
        return True
    ms = morphs(w)
    if not ms:
        return False
    last = ms[-1]
    if last.tag == "JKG":  # genitive: LA 다저스의 류현진
        return all(m.tag in NOMINAL_TAGS or m.tag in ("SSO", "SSC", "SP", "JKG", "SW") for m in ms)
    if last.tag == "ETM" and len(ms) >= 2 and ms[-2].tag == "VCP":  # appositive: 발행인인 팀 캐스텔리
        return True
    if ms[0].tag == "MM" and len(ms) == 1:
        return True
    if ms[0].tag == "MM":  # 세온반도체 read 세/MM 온 반도체: a name Kiwi does not know, not 'three …'
        ms = ms[1:]
    return all(m.tag in NOMINAL_TAGS or m.tag in ("SSO", "SSC", "SP", "SW", "SO") for m in ms)


@dataclass(frozen=True, slots=True)
class _PhraseWord:
    """What phrase_before asks of a word, found once per distinct word (see _phrase_word)."""

    stops: bool
    """No part of a phrase: empty once stripped, or ends with a comma or sentence punctuation."""
    core: str
    glued: bool
    """A comma inside the word (관련,주한): the phrase starts after it."""
    offset: int
    """Where `core` starts in the word."""
    name_shape: bool
    """2-4 Hangul syllables: may be a name before a title."""
    surname: bool
    korean_name: bool
    """Three syllables from a Korean surname, not a common word (이두진, which Kiwi reads 이/MM 두/MM 진)."""
    foreign_name: bool
    """Holds a syllable of transliterated names (다로, 요시마사), which Kiwi may read as anything."""
    department: bool
    """화학과, 국어교육과: a university department (Kiwi may read its 과 as 'and')."""
    long_name: bool
    """2-5 Hangul syllables: a name that may run on over the next word."""
    role_modifier: bool
    nominal: bool
    temporal: bool
    former: bool
    """전 or 현: 'former' or 'current' before a title, not 'before'."""
    closes_quote: bool
    opens_quote: bool
    title: bool
    names_right: bool
    """A title, organisation or country: a name may stand right before it."""


@lru_cache(maxsize=65536)
def _phrase_word(text: str) -> _PhraseWord:
    """What phrase_before asks of the word `text`, cached: speaker phrases are looked for at most
    words of an article, and eojeols repeat."""
    c = core(text)
    # 관련,주한 일본대사관 / 방침이다.남궁석 장관은: a comma or a sentence's full stop with no space
    # after it still ends the phrase before it
    glued = "," in c or bool(_GLUED_STOP.search(c))
    if glued:
        c = core(re.split(r"[,.]", c)[-1])
    stops = not c or text.rstrip()[-1:] in ",.;:!?…" or "=" in c  # [서울=뉴시스] 홍길동 기자 = …
    return _PhraseWord(
        stops=stops,
        core=c,
        glued=glued,
        offset=text.rindex(c) if c else 0,
        name_shape=_HANGUL_2_4.fullmatch(_strip_paren(c)) is not None,  # 양승택(梁承澤) too
        korean_name=korean_name_like(_strip_paren(c)),
        department=bool(_DEPARTMENT.search(c) or _SECTION.search(c)) and len(c) >= 3,
        foreign_name=(
            any(ch in lx.FOREIGN_NAME_SYLLABLES for ch in c)
            and not _one_common_word(c)
            and subject_particle(c) is None  # 그는: a pronoun and its particle
        ),
        surname=c in lx.KOREAN_SURNAMES,
        long_name=_HANGUL_2_5.fullmatch(c) is not None,
        role_modifier=c in ROLE_MODIFIERS,
        nominal=not stops and is_nominal(c),
        temporal=c in lx.TEMPORAL_NOUNS,
        former=c in ("전", "현"),
        closes_quote=text[-1:] in "\"'“”‘’″』」",
        opens_quote=text[:1] in _OPENING_MARKS,
        title=is_title(c),
        names_right=_names_right(c),
    )


def _names_right(word: str) -> bool:
    """Can a name stand right before this word (a title, organisation or country)?"""
    return is_title(word) or is_org(word) or word in lx.COUNTRIES


def _ends_in_noun(word: str) -> bool:
    """Does the word end in a noun morpheme with no particle or ending after it (잇다랩, not 잇다가)?"""
    ms = morphs(word)
    return (
        len(word) >= 2
        and bool(ms)
        and ms[-1].tag in ("NNG", "NNP")
        and not any(m.tag.startswith(("J", "E")) and m.tag != "EC" for m in ms)
    )


def _university(word: str) -> bool:
    """금강대, 한밭과학대: a university's short name, which Kiwi reads as anything (금강/NNP 대/EF)."""
    hangul = _HANGUL_ONLY.fullmatch(word) is not None
    return len(word) >= 3 and hangul and word.endswith(("대", "대학", "대학교"))


def _coined(word: str) -> bool:
    """잇다랩 (잇/VV 다/EC 랩/NNG): a name coined from a verb and a noun, as start-ups name themselves;
    no person's name reads so."""
    ms = morphs(word)
    return _ends_in_noun(word) and any(m.tag.startswith(("VV", "VA")) for m in ms)


def phrase_before(words: list[Word], head: int, stem_end: int) -> list[tuple[str, int, int]]:
    """The words of the noun phrase whose last word is words[head].

    `stem_end` is where the head word's noun ends (before its particle).  Returns
    (text, start, end) parts in order.  What is asked of each word is found once per
    distinct word (_phrase_word): speaker phrases are looked for at most words of an article.
    """
    stem = words[head].text[:stem_end]
    parts = [(stem, words[head].start, words[head].start + stem_end)]
    if words[head].text[:1] in _OPENING_MARKS:
        return parts  # "대통령이 …: the phrase starts inside the quotation; the name before it is not its
    right_title, right_names = is_title(stem), _names_right(stem)  # of the word to the right
    right_is_name = False  # 마사아키 오노 정무참사관: a name may run over two unknown words
    j = head - 1
    while j >= 0 and head - j < MAX_PHRASE_WORDS:
        w = words[j]
        p = _phrase_word(w.text)
        if p.stops:
            break
        c = p.core
        name_before_title = (
            (p.name_shape or (p.surname and head - j == 1))
            and (right_names or right_is_name)
            and (_unknown_word(c) or p.korean_name or p.foreign_name)
        )
        department = p.department and (right_title or right_names or right_is_name)  # 화학과 (과 is no 'and')
        # 잇다랩 대표: a company Kiwi does not know (잇/VV 다/EC 랩/NNG) is still the word before a title
        unknown_company = head - j == 1 and (
            (right_title and (_ends_in_noun(c) or _university(c)))
            or (stem == "측" and _ends_in_noun(c))  # 한결중공업 측 (한결/MAG 중공업): whose side it is
        )
        surname_before_title = (  # 서 총리: 서 is no verb here; 탕 CTO: 탕 is no sound either
            (p.surname or (len(c) == 1 and "가" <= c <= "힣" and c not in lx.DISCOURSE_ADVERBS))
            and head - j == 1
            and right_title
        )
        if not (
            p.nominal
            or name_before_title
            or surname_before_title
            or department
            or unknown_company
            or (p.role_modifier and right_title)
        ):
            break
        if p.temporal and not (p.former and right_title):
            break  # 경기 후 손흥민은: 'after the match' is when, not who (but 전 대통령 is 'former')
        if p.closes_quote:
            break
        at = w.start + p.offset
        parts.insert(0, (c, at, at + len(c)))
        if p.opens_quote or p.glued:
            break  # the first word of a quotation starts the phrase
        right_is_name = bool(name_before_title) and p.long_name
        right_title, right_names = p.title, p.names_right
        j -= 1
    # a leading discourse word or date is never part of the phrase
    while parts and (parts[0][0] in lx.DISCOURSE_ADVERBS or _DATE_WORD.match(parts[0][0])):
        parts.pop(0)
    return parts


TokenClass = Literal["T", "A", "C", "O", "G", "D", "N", "R"]


def _strip_paren(tok: str) -> str:
    return _PAREN_TAIL.sub("", tok)


def _ends_with_any(t: str, by_len: dict[int, frozenset[str]]) -> str | None:
    for n in sorted(by_len, reverse=True):
        if len(t) >= n and t[-n:] in by_len[n]:
            return t[-n:]
    return None


def _by_len(words: tuple[str, ...]) -> dict[int, frozenset[str]]:
    out: dict[int, set[str]] = {}
    for w in words:
        out.setdefault(len(w), set()).add(w)
    return {n: frozenset(ws) for n, ws in out.items()}


_TITLES_BY_LEN = _by_len(_TITLE_SUFFIXES)
_ORGS_BY_LEN = _by_len(_ORG_SUFFIXES)
_MEDIA_RE = re.compile("|".join(re.escape(m) for m in _MEDIA if len(m) > 1))


@lru_cache(maxsize=65536)
def is_title(tok: str) -> bool:
    """True for a job title or role word (공보담당관, 대통령, 부문장(사장)).

    When the word also ends like an organisation, the title must start where one of its
    morphemes starts: 정보통신부 ends in the letters of 신부 (a priest) but is 정보 + 통신 + 부,
    a ministry.
    """
    t = _PARENS.sub("", tok)
    if t in _TITLE_SET or t in lx.ORG_ROLE_WORDS:
        return True
    for n in sorted(_TITLES_BY_LEN, reverse=True):
        if len(t) > n and t[-n:] in _TITLES_BY_LEN[n]:
            return not _org_ending(t) or _morpheme_starts_at(t, len(t) - n)
    return False


def _org_ending(t: str) -> bool:
    return any(len(t) > max(n, 2) and t[-n:] in _ORGS_BY_LEN[n] for n in _ORGS_BY_LEN)


def _morpheme_starts_at(word: str, at: int) -> bool:
    return any(m.start == at for m in morphs(word))


_HANJA_ORG = re.compile(r"[一-鿿]{1,6}[部廳院黨省府會處局軍]")
"""國防部, 民主黨, 外務省: an institution written in hanja (older print)."""
_COURT_DIVISION = re.compile(r"(?:형사|민사|행정|가사|특허)(?:합의|단독|항소)?\d*부$|특수\d*부$|\d+부$")
"""형사합의25부, 민사3부, 특수부: a court's or prosecutors' division."""


@lru_cache(maxsize=65536)
def is_org(tok: str) -> bool:
    """True for an organisation word (국방부, 크렘린궁, 삼성전자, BTS, LG필립스, 형사합의25부)."""
    t = _strip_paren(tok)
    if _COURT_DIVISION.search(t) or _HANJA_ORG.fullmatch(t):
        return True
    if t in lx.ORG_WORDS or ((m := _MEDIA_RE.search(t)) and (m.start() == 0 or m.end() == len(t))):
        return True
    if _SECTION.search(t):
        return True
    if _ORG_SHAPE.search(t):
        return True
    # a one-syllable ending marks an organisation only on a longer word: 외교부, 공정위 (정부, 여당 are
    # listed), never 행위, 요청, 대처
    return _org_ending(t)


@lru_cache(maxsize=65536)
def is_media(text: str) -> bool:
    """True for news media names (교도통신, 로이터, 영국 <인디펜던트>)."""
    t = _MEDIA_NOISE.sub("", text)
    if _REGULATOR.search(t):
        return False  # 방송통신위원회, 방송통신심의위원회, 한국방송협회: they oversee or speak for media
    return _MEDIA_RE.search(t) is not None or t in lx.MEDIA_WORDS


_REGULATOR = re.compile(r"(?:위원회|위|협회|노조|노동조합|조합|연맹|재단|진흥원|공단|부|처|청)$")


_PROVINCE_TAIL = re.compile(r"(?:특별자치도|특별자치시|특별시|광역시|도청|시청|도|시)$")
_WITHHELD_NAME = re.compile(r"(?:[A-Zㄱ-ㅎ]|[가-힣]모)씨$")
_AGE_BEFORE_SSI = re.compile(r"\(\d{1,3}(?:세|·[^()]{1,20})?\)(?=씨$)")
"""A, B씨 and 김모씨: a person whose name the article withholds (the 씨 stays part of the label)."""


def _surname_before_title(tok: str, after: str) -> bool:
    """탕 CTO, 탁 위원장: one syllable Kiwi reads as an adverb (탕, 탁 are sounds) before a title is
    a surname; the discourse words (또, 곧) are not."""
    return len(tok) == 1 and tok not in lx.DISCOURSE_ADVERBS and is_title(after)


@lru_cache(maxsize=65536)
def _adverb(tok: str) -> bool:
    """다만, 특히, 또, 그러나: a discourse word or a word Kiwi reads as one adverb or conjunction."""
    if tok in lx.DISCOURSE_ADVERBS:
        return True
    ms = morphs(tok)
    return len(ms) == 1 and ms[0].tag in ("MAG", "MAJ")


@lru_cache(maxsize=65536)
def person_noun(tok: str) -> bool:
    """주민들, 유가족, 서울시민, 여성팬: a noun for people (lexicon.PERSON_NOUNS), plural or compound."""
    t = tok[:-1] if tok.endswith("들") and len(tok) > 1 else tok
    # any noun of the list ending the word (a one-syllable one only in a short word): looked up by
    # the word's endings, not by trying every noun (the first pass over new words calls this often)
    return any(
        t[-n:] in lx.PERSON_NOUNS for n in _PERSON_NOUN_LENGTHS if n <= len(t) and (n >= 2 or len(t) <= 3)
    )


_PERSON_NOUN_LENGTHS = sorted({len(n) for n in lx.PERSON_NOUNS})


@lru_cache(maxsize=65536)
def _common_noun(tok: str) -> bool:
    """A word Kiwi knows as common nouns only (선거, 외교정책, 긴장감) or as a nominalised verb (삶)."""
    ms = morphs(_strip_paren(tok))
    if not ms or any(m.unknown for m in ms):
        return False
    if len(ms) == 2 and ms[0].tag.startswith("V") and ms[1].form == "ᆷ":
        return True
    return all(m.tag in ("NNG", "NNB", "XSN") for m in ms)


_TEAM_NICKNAME = re.compile(r"[가-힣]{1,4}[스즈츠]")
"""A club's nickname, an English plural in Hangul (타이거즈, 자이언츠, 트윈스, 블루호크스)."""
_SPONSOR = re.compile(r"[A-Z]{2,4}")
"""The sponsor's initials before a nickname (KIA, LG, SSG); else a company (롯데, 한화) or a city."""


def _suffixed_name(tok: str) -> bool:
    """A Korean name Kiwi reads as a noun and a suffix (한지성 → 한지/NNG 성/XSN, 심상화 → 심상 화):
    three syllables from a surname on, standing between an affiliation and a title
    (국방부 한지성 대변인), where a common noun would not."""
    if not (_HANGUL_3.fullmatch(tok) and tok[0] in lx.KOREAN_SURNAMES):
        return False
    ms = morphs(tok)
    return len(ms) == 2 and ms[0].tag == "NNG" and ms[1].tag == "XSN" and len(ms[1].form) == 1


def _can_be_named(name_toks: tuple[str, ...]) -> bool:
    """Can these words (as printed) be someone's name, or a group of people?

    Not when every word is a common noun Kiwi knows, unless it is a noun for people.  A Korean
    name (3 syllables, known surname) always can (Kiwi knows some names as common words), and so
    can a word glossed in parentheses (치즈(CHEEZE), 한성기(韓成基)): only names get glosses.
    """
    if any("(" in t or korean_name_like(_strip_paren(t)) or person_noun(_strip_paren(t)) for t in name_toks):
        return True
    return not all(_common_noun(t) for t in name_toks)


_PLACE_STARTS = tuple(sorted({c for c in lx.COUNTRIES | lx.PROVINCES if len(c) >= 2}, key=len, reverse=True))
_HANJA_NAME = re.compile(r"[一-鿿]{2,4}")
_HANJA_NAME_HEAD = re.compile(r"[一-鿿]{2,3}(?=[가-힣A-Za-z])")
_HANJA_CHAR = re.compile(r"[一-鿿]")
_ORG_ABBREVIATION = re.compile(r"[가-힣]{1,3}[연협본]")
_BRAND = re.compile(r"[브크트프드그르]")
"""Syllables of English consonant clusters (팜브릿지, 메타버스트): a brand or company, never a Japanese
given name (Japanese transliterations have no such syllables), so a name before it is cut from it."""
"""Clipped institution names (천문연, 의협, 국수본): 연구원, 협회, 본부 shortened to their first syllable."""


def _hanja_name(tok: str) -> bool:
    """申東鎬, 李錫元(45): a name written in hanja, starting with a surname (older print)."""
    t = _strip_paren(tok)
    return bool(_HANJA_NAME.fullmatch(t)) and (t[0] in lx.HANJA_SURNAMES or t[:2] in lx.HANJA_SURNAMES)


def _two_syllable_name(tok: str) -> bool:
    """주향, 문희: a surname and a one-syllable given name.  Only trusted in the name-first order
    name | affiliation | title (주향 충남도 대변인), where a common noun would not stand."""
    return len(tok) == 2 and _HANGUL_ONLY.fullmatch(tok) is not None and tok[0] in lx.KOREAN_SURNAMES


def _is_province(tok: str) -> bool:
    """충남, 충남도, 경기도청, 서울시: a first-level region of Korea (lexicon.PROVINCES)."""
    return tok in lx.PROVINCES or _PROVINCE_TAIL.sub("", tok) in lx.PROVINCES


@lru_cache(maxsize=65536)
def korean_name_like(tok: str) -> bool:
    """Three syllables starting with a Korean surname (four after a two-syllable one: 황보석진) that
    Kiwi does not know as a common word.

    마라톤, 이사회, 유가족 have a surname syllable first but are words; of the 80 three-syllable
    names speaking in the dev corpus, none is one common noun to Kiwi (they are proper nouns,
    unknown words, or split into pieces: 양승택 → 양/MM 승 택, 강대석 → 강대 석).
    """
    surname_len = 2 if len(tok) == 4 and tok[:2] in names.COMPOUND_SURNAMES else 1  # 황보석진, 선우은숙
    return (
        bool(_HANGUL_3.fullmatch(tok) or (surname_len == 2 and _HANGUL_ONLY.fullmatch(tok)))
        and tok[:surname_len] in lx.KOREAN_SURNAMES
        and not any(ch in lx.FOREIGN_NAME_SYLLABLES for ch in tok[surname_len:])
        and not _one_common_word(tok)
    )


def _one_common_word(tok: str) -> bool:
    """Kiwi reads the word as one common noun it knows (마라톤, 이사회), maybe with a suffix (한국인),
    or as a verb or adjective form (이어서, 이렇게).  Names it does not know come apart into noun
    and determiner pieces instead (강대석 → 강대 석, 여은서 → 여 은 서, 이두진 → 이 두 진)."""
    ms = morphs(tok)
    if any(m.tag.startswith(("V", "E", "XSV", "XSA")) for m in ms):
        return True
    if not ms or ms[0].tag != "NNG" or ms[0].unknown:
        return False
    # 마라톤, 한국인; 차관과 (a noun and its particle).  윤도한 → 윤/NNP 도/JX 한/MM stays a name
    return all(m.tag == "XSN" or m.tag.startswith("J") for m in ms[1:])


@lru_cache(maxsize=65536)
def classify(tok: str, first: bool) -> TokenClass:
    """Class of one word of a speaker phrase (see module docstring)."""
    base = tok[:-1] if tok.endswith("의") and len(tok) > 2 else tok
    if base.endswith("인") and is_title(base[:-1]):
        return "T"
    if first and (tok in lx.DEMONSTRATIVES or tok == "한"):
        return "D"  # 이 관계자, 한 외교 소식통: a determiner, not part of the description
    if first and tok not in lx.PRONOUNS and any(m.tag == "NP" for m in morphs(tok)[:1]):
        return "G"  # 우리 국방부 대변인: a pronoun modifying the phrase
    if tok in lx.ANONYMOUS_HEADS or (tok.endswith("들") and tok[:-1] in lx.ANONYMOUS_HEADS):
        return "A"
    if tok.endswith("들") and len(tok) > 2 and is_title(tok[:-1]) and tok[:-1] not in lx.ORG_ROLE_WORDS:
        return "A"  # 군의원들, 의원들: office-holders as a group (소속사들 are organisations)
    if tok.endswith("들") and len(tok) > 2 and is_org(tok[:-1]) and not is_org(tok):
        return "A"  # 환경단체들, 시민단체들: several bodies of a kind, described as printed
    if person_noun(tok) and not korean_name_like(tok) and not is_title(tok):
        return "A"  # 유가족들, 상인들, 우유배달 여성: people described, not named
    if tok in lx.PRONOUNS:
        return "R"
    if tok in ROLE_MODIFIERS:
        return "G"  # 트럼프 전 대통령: 'former', 'current', 'new' belong to the role
    if tok in lx.COUNTRIES or tok in lx.COUNTRY_ABBREVIATIONS or _is_province(tok):
        return "C"
    if is_title(tok):
        return "T"
    if tok.endswith("의") and len(tok) > 1:
        return "G"
    if is_org(tok):
        return "O"
    if korean_name_like(_strip_paren(tok)) or _hanja_name(tok):
        return "N"  # 한상혁: Kiwi may read the surname 한 as the numeral 'one'; 李炳文: a name in hanja
    ms = morphs(tok)
    if ms and (ms[0].tag == "MM" or (ms[0].tag == "NNB" and len(tok) >= 2 and tok.endswith("째"))):
        return "G"  # 세 번째, 두 차례째: a numeral and its counter say which one, not who
    return "N"


@lru_cache(maxsize=65536)
def _unknown_word(w: str) -> bool:
    """A word Kiwi does not know (a foreign or rare name): no particle, no ending of its own.

    Kiwi forces unknown names into odd analyses (야센 → 야/IC 세/VA ㄴ/ETM); a real
    adnominal verb (가진, 수상한) starts with a verb stem instead.
    """
    ms = morphs(w)
    if korean_name_like(w) and any(m.tag in ("NNP", "UN") for m in ms):
        return True  # 윤도한 → 윤/NNP 도/JX 한/MM: Kiwi splits names it does not know
    if not ms or any(m.tag.startswith("J") for m in ms):
        return False
    if ms[0].tag in ("IC", "UN"):
        return True
    return all(m.tag in ("NNP", "NNG", "SL", "SH", "NNB", "XSN") for m in ms)


@lru_cache(maxsize=65536)
def _name_like(tok: str) -> bool:
    """Kiwi's view: a proper noun or an unknown word, not a common noun."""
    t = _strip_paren(tok)
    if _CAPITALISED.fullmatch(t):
        return True
    ms: tuple[Morph, ...] = morphs(t)
    return (
        bool(ms)
        and all(m.tag in ("NNP", "SL", "SH", "UN", "NNG") for m in ms)
        and any(m.tag in ("NNP", "SL", "SH", "UN") or m.unknown for m in ms)
    )


def parse(parts: list[tuple[str, int, int]], particle: str = "") -> Mention | None:
    """Split a speaker phrase into name and role and decide what it refers to."""
    if not parts:
        return None
    m = _parse_words(tuple([p[0] for p in parts]), particle)
    return None if m is None else m.at(parts[0][1], parts[-1][2])


assert [f.name for f in fields(Mention)][:3] == ["text", "start", "end"] and len(fields(Mention)) == 13, (
    "Mention.at copies every field: update it with the fields"
)

PHRASE_CACHE_SIZE = 32_768
"""Distinct speaker phrases kept (그는, 김 대표는, 외교부 당국자는 recur across articles)."""


def _apposition(toks: list[str], particle: str) -> Mention | None:
    """소비자단체인 녹색소비자모임, 세 번째 후보인 유재필 전 의원, 단골 손님인 노경환: 'Y, who is X' —
    the words up to the copula's adnominal (X인) describe the speaker the rest of the phrase names.

    The rest decides who speaks.  The role stays what the whole phrase gives when the whole names
    the same speaker (새미래당 원내대표인 한정균 의원: the description is the informative part);
    else it is the rest's role, else the description (그룹 소녀시대의 소속사인 SM엔터테인먼트).  A
    phrase whose rest names no one is read whole.
    """
    for i in range(len(toks) - 2, -1, -1):
        ms = morphs(toks[i])
        if len(ms) >= 3 and ms[-1].tag == "ETM" and ms[-2].tag == "VCP" and ms[-3].tag in ("NNG", "NNP"):
            rest = _parse_words(tuple(toks[i + 1 :]), particle)
            if rest is None or rest.form not in ("name", "org", "surname_title"):
                return None
            if rest.weak:
                # 소비자단체인 녹색소비자모임: what the apposition describes is someone or something
                # by name, an organisation when the description is a kind of organisation
                if rest.name is None or " " in rest.name:
                    return None
                kind: SpeakerKind = "organisation" if is_org(toks[i][:-1]) else "person"
                form: MentionForm = "org" if kind == "organisation" else "name"
                rest = Mention(rest.text, 0, 0, form, rest.name, rest.role, kind, particle=particle)
            whole = _parse_words(tuple(toks), particle, appose=False)
            if whole is not None and whole.name == rest.name and whole.role:
                role: str | None = whole.role
            else:
                role = rest.role or " ".join([*toks[:i], toks[i][:-1]])
            return Mention(
                " ".join(toks),
                0,
                0,
                rest.form,
                rest.name,
                role,
                rest.kind,
                rest.surname,
                rest.title,
                particle,
                rest.media,
                rest.demonstrative,
                rest.weak,
            )
    return None


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _parse_words(words: tuple[str, ...], particle: str, appose: bool = True) -> Mention | None:
    """`parse` on the words alone: a phrase reads the same wherever it stands (parse places it)."""
    toks = _spelled_out(words)
    while len(toks) > 1 and _adverb(toks[0]) and not _surname_before_title(toks[0], toks[1]):
        toks = toks[1:]  # 다만 총리는, 특히 장관은: the adverb belongs to the sentence, not the name
    if not toks:
        return None
    start = end = 0
    text = " ".join(words)
    apposed = _apposition(toks, particle) if appose else None
    if apposed is not None:
        return apposed
    honorific = toks[-1] == "씨" and len(toks) > 1
    if honorific:
        toks = toks[:-1]  # 홍길동 씨, 김 씨: the honorific is no part of the name
    if toks[-1].endswith("님") and len(toks[-1]) > 2 and is_title(toks[-1][:-1]):
        toks[-1] = toks[-1][:-1]  # 감독님, 김 대표님: the honorific is no part of the title
    side = toks[-1].endswith("측")
    if toks[-1].endswith("측") and len(toks[-1]) > 1:
        toks[-1] = toks[-1][:-1]
    elif toks[-1] == "측" and len(toks) > 1:
        toks = toks[:-1]
    if (
        side
        and len(toks) == 1
        and len(toks[0]) >= 3
        and not korean_name_like(toks[0])
        and len(morphs(toks[0])) >= 2
    ):
        # 빨리배달 측: the side of something named in more than one word-piece is a company or body,
        # not a person (a person's side keeps the person: 원빈 측)
        return Mention(text, 0, 0, "org", toks[0], None, "organisation", particle=particle)
    text_clean = " ".join(toks)
    classes = [classify(t, i == 0 and len(toks) > 1) for i, t in enumerate(toks)]
    if len(toks) == 2 and classes[0] == "T" and classes[1] == "G" and _HANGUL_ONLY.fullmatch(toks[1]):
        classes[1] = "N"  # 리더 별, 막내 이안: after a title, a word Kiwi reads as a determiner is a name
    for i in range(len(toks) - 1):  # 레스턴 시티, 맨체스터 유나이티드: a club's name runs over two words
        if (
            toks[i + 1] in lx.CLUB_TAILS
            or (
                _TEAM_NICKNAME.fullmatch(toks[i + 1])
                and toks[i + 1] not in lx.COUNTRIES  # 마크롱 프랑스 대통령: a country, not a nickname
                and classes[i + 1] not in ("T", "C")
                and (
                    _SPONSOR.fullmatch(toks[i])
                    or classes[i] == "O"
                    or _is_province(toks[i])
                    or (  # 롯데 자이언츠 김원중 (not 르브론 제임스, 마크 토마스: a foreign name)
                        len(toks[i]) == 2
                        and _HANGUL_ONLY.fullmatch(toks[i]) is not None
                        and any(korean_name_like(t) for t in toks[i + 2 :])
                    )
                )
                and not _common_noun(toks[i + 1])
            )
        ):
            classes[i] = classes[i + 1] = "O"  # KIA 타이거즈, 인천 블루호크스: sponsor or city, nickname
    for i in range(len(toks) - 1):  # 서울대 교수, 서울대 국어교육과: a university before an academic title
        if (
            classes[i] == "N"
            and (toks[i].endswith("대") or (i > 0 and not korean_name_like(_strip_paren(toks[i]))))
            and (toks[i + 1] in lx.ACADEMIC_TITLES or _DEPARTMENT.search(toks[i + 1]))
        ):
            classes[i] = "O"
    head = toks[-1]
    if classes[-1] == "O" and "T" in classes[:-1] and not honorific:
        # 로스앤젤레스 지역방송인 KLTA TV: a Korean phrase is what its last word is, and words naming
        # an organisation after a title make it that organisation, described by what precedes
        # (not a company an organisation's role introduces, BTS 소속사 하이브, nor a person's team)
        j = len(classes) - 1 - classes[::-1].index("T") + 1
        if (
            all(c == "O" for c in classes[j:])
            and core(toks[j - 1]) not in lx.ORG_ROLE_WORDS
            and head not in lx.TEAM_WORDS
        ):
            return _parse_words(tuple(toks[j:]), particle)
    if len(toks) == 1 and honorific and head in lx.KOREAN_SURNAMES:
        # 김 씨: the surname of someone named in full earlier (김철수 씨)
        return Mention(text, start, end, "surname_title", None, None, "person", head, "씨", particle)
    if _WITHHELD_NAME.fullmatch(_strip_paren(head)):  # 피해자 C씨(61)
        return Mention(
            text,
            start,
            end,
            "name",
            _strip_paren(head),
            _role_text(toks[:-1]),
            "person",
            title="씨",
            particle=particle,
        )
    if head in lx.NON_SPEAKER_HEADS:
        return None
    if len(toks) == 1 and _HANGUL_1.fullmatch(head) and classes[0] != "R":
        # 솔은: one syllable names someone only if the article has (하루(별, 솔, 나무) lists its members)
        if head in lx.KOREAN_SURNAMES or head in lx.DEMONSTRATIVES or head in lx.COUNTRY_ABBREVIATIONS:
            return None
        return Mention(text, start, end, "name", head, None, "person", particle=particle, weak=True)
    media = is_media(text_clean)
    if toks[0] in lx.KOREAN_SURNAMES and (
        (len(toks) == 2 and classes[1] == "T")
        or (len(toks) == 3 and toks[1] in ROLE_MODIFIERS and classes[2] == "T")
    ):
        # 김 위원장, 고 사장, 유 전 의원: a surname (and 'former') standing for the full name given earlier
        return Mention(
            text,
            start,
            end,
            "surname_title",
            None,
            " ".join(toks[1:]),
            "person",
            surname=toks[0],
            title=title_of(toks[-1]),
            particle=particle,
            demonstrative=len(toks) == 2 and toks[0] in lx.DEMONSTRATIVES,
        )
    if (
        len(toks) > 2
        and toks[-2] in lx.KOREAN_SURNAMES
        and toks[-2] not in lx.GLUED_SURNAME_EXCLUDED
        and classes[-1] == "T"
        and all(
            c in ("O", "C", "T", "G") or _common_noun(t) for c, t in zip(classes[:-2], toks, strict=False)
        )
    ):
        # 정보통신부 南宮장관, 한은 이총재, 연출 김 PD: an affiliation or role, then a surname standing
        # for a full name
        return Mention(
            text,
            start,
            end,
            "surname_title",
            None,
            _role_text(toks[:-2] + toks[-1:]),
            "person",
            surname=toks[-2],
            title=title_of(toks[-1]),
            particle=particle,
        )
    demonstrative = classes[0] == "D"
    if demonstrative and toks[0] in lx.KOREAN_SURNAMES and len(toks) == 2 and classes[1] == "T":
        # 이 대통령: the surname 이, or 'this president'; resolution tries both
        return Mention(
            text,
            start,
            end,
            "surname_title",
            None,
            toks[1],
            "person",
            surname=toks[0],
            title=title_of(toks[1]),
            particle=particle,
            demonstrative=True,
        )
    indefinite = demonstrative and toks[0] == "한"
    if demonstrative:
        demonstrative = not indefinite  # 한 소식통 is 'a source', a new one; 이 소식통 points back
        toks, classes = toks[1:], classes[1:]
        text_clean = " ".join(toks)
        if not toks:
            return None
    if classes == ["R"] or (classes and classes[-1] == "R"):
        return Mention(text, start, end, "pronoun", None, None, "person", particle=particle)
    if (
        classes[-1] == "A"
        and any(korean_name_like(_strip_paren(t)) for t in toks[:-1])
        and "등" not in toks  # 김응선 의장 등 군의원들: a group led by a named person
    ):
        classes[-1] = "T"  # 이도윤 소방관, 박민지 서울 마포구 주민: a named person described
    last = classes[-1]
    if last == "A":
        kind: SpeakerKind = "anonymous"
        return Mention(
            text,
            start,
            end,
            "anonymous",
            None,
            f"한 {text_clean}" if indefinite else text_clean,  # 한 우유배달 여성: described as printed
            kind,
            title=head,
            particle=particle,
            demonstrative=demonstrative,
        )
    head_word = toks[-1][:-1] if toks[-1].endswith("들") else toks[-1]  # 소속사들: plural
    if head_word in lx.ORG_ROLE_WORDS or (head_word.endswith("인") and head_word[:-1] in lx.ORG_ROLE_WORDS):
        return Mention(
            text,
            start,
            end,
            "title" if demonstrative or len(toks) == 1 else "org",
            None if len(toks) == 1 else text_clean,
            None if len(toks) > 1 else text_clean,  # 원빈 소속사 is the name, not a role
            "organisation",
            title=toks[-1],
            particle=particle,
            demonstrative=demonstrative,
            media=media,
        )
    if (
        len(toks) >= 3
        and last == "O"
        and classes[-2] == "T"
        and classes[-3] == "N"
        and not toks[-2].endswith(("인", "의"))
        and toks[-2] not in lx.ORG_ROLE_WORDS  # 루아 소속사 온결엔터테인먼트: see below
    ):
        # 포스텍 화학공학과 이도현 교수 연구팀: a body belonging to a titled person speaks, as printed
        name = " ".join(_GLOSS.sub("", _PAREN_HANGUL.sub("", t)) for t in toks)
        return Mention(text, start, end, "org", name, None, "organisation", particle=particle, media=media)
    for k in range(len(toks) - 1):
        if toks[k] in lx.ORG_ROLE_WORDS and all(c == "O" for c in classes[k + 1 :]):
            # 루아 소속사 온결엔터테인먼트: the company, with the role the words before it give it
            return Mention(
                text,
                start,
                end,
                "org",
                " ".join(toks[k + 1 :]),
                _role_text(toks[: k + 1]),
                "organisation",
                particle=particle,
                media=media,
            )
    name_idx = _name_run(toks, classes)
    if name_idx is None:
        if last in ("O", "C"):
            # trailing organisation after a role: 그룹 소녀시대의 소속사인 SM엔터테인먼트
            k = len(toks)
            while k > 0 and classes[k - 1] in ("O", "C"):
                k -= 1
            if k > 0 and classes[k - 1] == "T":
                role = _role_text(toks[:k])
                return Mention(
                    text,
                    start,
                    end,
                    "org",
                    " ".join(toks[k:]),
                    role,
                    "organisation",
                    particle=particle,
                    media=media,
                )
            # 중앙선거관리위원회(선관위): the short form in parentheses is no part of the name; a medium
            # is known by its own name (북한 조선중앙통신 → 조선중앙통신, 요미우리(讀賣)신문 → 요미우리신문)
            parts = [*toks[:-1], _strip_paren(toks[-1])]
            if media:
                parts = [_GLOSS.sub("", t) for t in parts]
                while len(parts) > 1 and (parts[0] in lx.COUNTRIES or parts[0] in lx.COUNTRY_ABBREVIATIONS):
                    parts = parts[1:]
            name = " ".join(parts)
            return Mention(
                text, start, end, "org", name, None, "organisation", particle=particle, media=media
            )
        if last == "T":
            return Mention(
                text,
                start,
                end,
                "title",
                None,
                _role_text(toks),
                "unknown",
                title=title_of(head),
                particle=particle,
                demonstrative=demonstrative,
                media=media,
            )
        return None
    a, b = name_idx
    name_toks = [_strip_paren(t) for t in toks[a:b]]
    # words trimmed off a too-long name run (결심 공판 | 이진관) belong to neither name nor role,
    # except a common noun right before a Korean name (바이에른 뮌헨의 수비수 | 김민재)
    pre = toks[:a] if a == 0 or classes[a - 1] != "N" else []
    if a > 0 and classes[a - 1] == "N" and a - 1 >= 0 and not _name_like(toks[a - 1]) and a - 1 <= 2:
        pre = toks[:a]
    role_toks = pre + toks[b:]
    role = _role_text(role_toks) if role_toks else _paren_affiliation(toks[b - 1])
    # the role's head is its last title word: 이동관 청와대 | 홍보수석 holds 수석
    title_at = next((k for k in range(len(toks) - 1, b - 1, -1) if classes[k] == "T"), None)
    if title_at is None:
        title_at = next((k for k in range(a - 1, -1, -1) if classes[k] == "T"), None)
    title = title_of(toks[title_at]) if title_at is not None else ("씨" if honorific else None)
    head_at = title_at if title_at is not None and title_at >= b else len(toks)
    after = toks[head_at + 1 :]
    if after and all(
        c == "N" and _common_noun(t) and not person_noun(t)
        for c, t in zip(classes[head_at + 1 :], after, strict=True)
    ):
        return None  # 김응용 감독 취임식: the phrase names an event of the person, not the person
    if b - a == 1 and name_toks[0] in lx.KOREAN_SURNAMES and title:
        return Mention(
            text,
            start,
            end,
            "surname_title",
            None,
            role,
            "person",
            surname=name_toks[0],
            title=title,
            particle=particle,
            demonstrative=demonstrative,
        )
    if _spaced_name(name_toks):
        name_toks = [name_toks[0] + name_toks[1]]  # 김 태환 도지사: a Korean name printed with a space
    name = " ".join(name_toks)
    weak = (
        a == 0
        and b == len(toks)
        and not (any(_name_like(t) for t in name_toks) or korean_name_like(name_toks[0]))
    ) or ("T" not in classes and not _can_be_named(tuple(toks[a:b])))
    # 북한의 | 행위, 외교정책 개념: common nouns name someone only if the article has (치즈 the band, once
    # introduced as 가수 치즈(CHEEZE)); with a title word the phrase is trusted (배우 수애, 가수 승리)
    kind = "person"
    org_role = bool(role) and any(role.endswith((w, w + "인")) for w in lx.ORG_ROLE_WORDS)  # type: ignore[union-attr]
    # a person whose role names a medium or ministry (남궁석 정보통신부장관) is no medium: only the
    # name decides (교도통신, 요미우리신문)
    media = is_media(name) if title else media
    if media or (role is None and is_org(name)) or org_role:
        kind = "organisation"
    return Mention(
        text, start, end, "name", name, role, kind, title=title, particle=particle, media=media, weak=weak
    )


@lru_cache(maxsize=65536)
def unglue(tok: str, alone: bool = False) -> tuple[str, ...]:
    """A word that writes a surname (or, `alone`, a whole name) and a title as one, as its parts.

    李대통령 → 이 대통령, 南宮장관 → 남궁 장관, 朴 → 박, 이총재 → 이 총재, 최문순지사 → 최문순 지사,
    클린턴대통령 → 클린턴 대통령 (a whole name only for a word standing alone: 남양주시장 inside
    조광한 남양주시장 is a city and a title; or before a title no place takes: 국민의힘 심상화의원).
    A word that is itself a title (부사장, 조교수, 구청장, 도의원) stays whole.
    """
    m = _HANJA_SURNAME.match(tok)
    if m:
        surname, rest = lx.HANJA_SURNAMES[m.group(1)], tok[m.end() :]
        if not rest:
            return (surname,)
        if rest in _TITLE_SET or (is_title(rest) and not _HANJA_CHAR.match(rest)):
            return (surname, rest)  # 李대통령, 金부장검사 (南宮勳부장검사 has a given name first)
        name = _HANJA_NAME_HEAD.match(tok)
        if name and is_title(tok[name.end() :]):
            return (name.group(), tok[name.end() :])  # 申東鎬외무장관, 崔在浩정선군수: a name in hanja
        return (tok,)
    if tok in _TITLE_SET or not _HANGUL_ONLY.fullmatch(tok):
        return (tok,)
    title = _ends_with_any(tok, _TITLES_BY_LEN)
    if title is None or title == tok or title not in _TITLE_SET:
        return (tok,)
    head = tok[: -len(title)]
    if head in lx.KOREAN_SURNAMES and head not in lx.GLUED_SURNAME_EXCLUDED:
        return (head, title)
    if (
        not alone
        and title in lx.PERSONAL_TITLES
        and len(head) == 3
        and head[0] in lx.KOREAN_SURNAMES
        and not (is_org(head) or is_title(head) or head in lx.COUNTRIES or _is_province(head))
        and not head.startswith(_PLACE_STARTS)
    ):
        return (head, title)  # 국민의힘 심상화의원: a name before a title no place takes
    if (
        alone
        and len(head) >= 2
        and (korean_name_like(head) or (_name_like(head) and len(morphs(head)) == 1))  # not 한국천문|연구원
        and not (is_org(head) or is_title(head) or head in lx.COUNTRIES or _is_province(head))
        and not head.startswith(_PLACE_STARTS)  # 한국해양|연구원 is an institute, not a researcher
        and _not_common_noun(head)
    ):
        return (head, title)  # 최문순지사, 클린턴대통령: a name (Korean or foreign) glued to its title
    if (
        alone
        and len(head) >= 5
        and head[0] in lx.KOREAN_SURNAMES
        and korean_name_like(head[:3])
        and is_org(head[3:])
        and (ms := morphs(head))[0].form == head[:3]
        and ms[0].tag == "NNP"  # Kiwi reads a name there: not 한국산|업은행, 국민건|강보험공단
    ):
        return (head[:3], head[3:], title)  # 이경식한국은행총재 (older print): name, body, title
    return (tok,)


def _not_common_noun(word: str) -> bool:
    """Kiwi does not read the word as one common noun it knows (이사회, 문화부 are; 최문순 is not)."""
    ms = morphs(word)
    return not (len(ms) == 1 and ms[0].tag == "NNG" and not ms[0].unknown)


def _spelled_out(words: tuple[str, ...]) -> list[str]:
    """A phrase's words with glued forms split (unglue), a parenthesis left open cut off with the
    words inside it (임복희씨(70·충남 태안읍 모항1구 → 임복희씨), and the honorific 씨 written as a
    word of its own (임복희씨 → 임복희 씨; A씨 and 김모씨 stand for a withheld name and stay)."""
    toks: list[str] = []
    for i, t in enumerate(words):
        if t.count("(") > t.count(")"):
            t = t[: t.index("(")]
            if t:
                toks.extend(unglue(t, alone=i == 0))
            break
        toks.extend(unglue(t, alone=len(words) == 1))
    # 북한의 외무성 대변인: a country's genitive is the role's country (북한 외무성 대변인)
    toks = [t[:-1] if t.endswith("의") and t[:-1] in lx.COUNTRIES else t for t in toks]
    if toks:
        toks[-1] = _AGE_BEFORE_SSI.sub("", toks[-1])  # 김모(46)씨 → 김모씨
    last = _strip_paren(toks[-1]) if toks else ""
    if last.endswith("씨") and len(last) >= 2 and _HANGUL_ONLY.fullmatch(last) and not last.endswith("모씨"):
        toks[-1:] = [last[:-1], "씨"]  # 권말순씨(68): the age in parentheses goes too
    return toks


def _name_run(toks: list[str], classes: list[TokenClass]) -> tuple[int, int] | None:
    """Where the name is among the phrase's words, or None when there is none."""
    n = len(toks)
    last_named = (
        n >= 2
        and classes[-1] == "N"
        and (korean_name_like(_strip_paren(toks[-1])) or _hanja_name(_strip_paren(toks[-1])))
    )
    if last_named and classes[-2] in ("A", "T"):
        return n - 1, n  # 송당리 주민 | 고춘자(씨), 해태 주장 | 金逢淵: described, then named, last
    if (
        n >= 3
        and classes[-2] == "T"
        and classes[-1] == "N"
        and classes[0] in ("N", "O")
        and not korean_name_like(toks[0])
        and not _common_noun(toks[-1])
        and _HANGUL_ONLY.fullmatch(toks[-1])
    ):
        return n - 1, n  # 씨호크스 주장 | 백송이: the team, the title, then the name
    title_at = next((t for t in range(n - 1, 0, -1) if classes[t] == "T"), None)
    if title_at is not None:
        k0 = title_at
        while k0 > 0 and classes[k0 - 1] == "N":
            k0 -= 1
        if 0 < k0 < title_at <= k0 + 3 and toks[k0 - 1].endswith("의") and len(toks[k0 - 1]) > 2:
            # 미국 플렉시디스플레이의 | 데이비드 챈들러 | 최고경영자: whose the person is comes first
            return k0, title_at
    for k in range(n - 2, 0, -1):
        # 국내 AI 스타트업 하이퍼코어의 | 제갈윤 | 대표: a Korean name right before the title is the
        # name, whatever common nouns describe the person before it
        titled = classes[k + 1] == "T" or (
            toks[k + 1] in ROLE_MODIFIERS and k + 2 < n and classes[k + 2] == "T"
        )
        if (
            classes[k] == "N"
            and titled
            and classes[k - 1] != "N"
            and (korean_name_like(_strip_paren(toks[k])) or _hanja_name(toks[k]))
        ):
            return k, k + 1
    i = 0
    while i < n:
        if classes[i] != "N":
            i += 1
            continue
        j = i
        while j < n and classes[j] == "N":
            j += 1
        at_end = j == n
        # 민주당 김철수 | 전 의원: 'former' and its kin stand between a name and its title
        before_title = not at_end and (
            classes[j] == "T" or (toks[j] in ROLE_MODIFIERS and j + 1 < n and classes[j + 1] == "T")
        )
        if (
            i == 0
            and not at_end
            and (classes[j] in ("T", "O", "C", "A") or toks[j] in ROLE_MODIFIERS)
            and (
                j - i > 1
                or _name_like(toks[i])
                or korean_name_like(_strip_paren(toks[i]))
                or (_two_syllable_name(toks[i]) and classes[j] in ("O", "C") and "T" in classes[j:])
            )
        ):
            return _trim_run(toks, i, j)  # 블라디미르 푸틴 | 러시아 대통령 (부동산 시장 is no name)
        if i > 0 and classes[i - 1] in ("T", "G") and (at_end or before_title):
            return _trim_run(toks, i, j)  # 소설가 | 한강, LA 다저스의 | 류현진
        described = i > 0 and classes[i - 1] == "A" and at_end and j - i == 1
        if described and korean_name_like(_strip_paren(toks[i])):
            return i, j  # 주민 | 박정숙(씨), 피해자의 어머니 | 박정숙: a person described, then named
        if (
            i > 0
            and classes[i - 1] in ("O", "C")
            and (before_title or (at_end and _name_like(toks[i])))
            and (
                _can_be_named(tuple(toks[i:j]))  # 서울의 한 고교 | 진학부장 교사: 고교 is no name
                or (before_title and j - i == 1 and _suffixed_name(_strip_paren(toks[i])))
            )
        ):
            return _trim_run(toks, i, j)  # 석가장영창팀 | 야센 | 감독
        if (
            i == 0
            and at_end
            and j - i >= 2
            and korean_name_like(_strip_paren(toks[0]))
            and not any(_name_like(t) for t in toks[1:j])
        ):
            return 0, 1  # 이창용 총재: a Korean name and a title word our list does not have
        if i == 0 and at_end:
            return _trim_run(toks, i, j)  # a bare name: 트럼프는 (weak unless it looks like one)
        if not at_end and classes[j] in ("T", "O", "C") and korean_name_like(_strip_paren(toks[j - 1])):
            return j - 1, j  # 출제위원장인 | 윤상철 | 서울대 교수: a Korean name is a name anywhere
        i = j
    return None


MAX_NAME_WORDS = 3
"""Longest personal name in words (알렉산드르 그리고리예비치 루카셴코)."""


def _spaced_name(toks: list[str]) -> bool:
    """김 태환: a surname and a two-syllable given name printed apart.  이 영화, 그 사건 are a
    demonstrative (이, 그 are also surnames) and a common noun instead."""
    return (
        len(toks) == 2
        and toks[0] in lx.KOREAN_SURNAMES
        and len(toks[1]) == 2
        and not (toks[0] in lx.DEMONSTRATIVES and _common_noun(toks[1]))
    )


def _trim_run(toks: list[str], i: int, j: int) -> tuple[int, int]:
    """A run of words longer than a name keeps only the words nearest the title.

    A Korean name is one word, so common nouns before it (수비수 김민재) are its role.
    """
    if j - i == 2 and _spaced_name(toks[i:j]):
        return i, j  # 김 태환: a Korean name printed with a space
    if j - i > 1:
        korean = [k for k in range(i, j) if korean_name_like(_strip_paren(toks[k])) or _hanja_name(toks[k])]
        for k in korean:  # 박은태 | 국수본, 김하늘 | 팜브릿지: the first that only an affiliation follows
            rest = toks[k + 1 : j]
            if rest and all(
                is_org(t)
                or _common_noun(t)
                or _ORG_ABBREVIATION.fullmatch(t)
                or _BRAND.search(t)
                or _coined(t)
                or (_TEAM_NICKNAME.fullmatch(t) is not None and len(t) >= 4)  # 김정란 | 스카이윙스 감독
                for t in rest
            ):
                return k, k + 1
        # (a foreign syllable from the name on makes it a foreign name: 기시다 후미오, 제이크 설리번)
        after = "".join(toks[korean[-1] : j]) if korean else ""
        if korean and not any(ch in lx.FOREIGN_NAME_SYLLABLES for ch in after):
            # a Korean name is one word: the others in the run are its affiliation or role
            # (롯데 | 박성진, 의협 | 홍세진, 박근혜 | 대선 후보, 김상우 | 한빛반도체).  First in the run,
            # it is cut from what follows only when that is an organisation or a common word:
            # 기시다 후미오, 하야시 요시마사 are Japanese names that only look Korean
            k = korean[-1]
            rest = [t for t in toks[k + 1 : j]]
            if k > i or all(is_org(t) or _common_noun(t) or _ORG_ABBREVIATION.fullmatch(t) for t in rest):
                return k, k + 1
    while j - i > 2 and _common_noun(toks[j - 1]) and not person_noun(toks[j - 1]):
        # 마르코 페레이라 | 축구 (대표팀 감독): a common noun after a name starts the role (a two-word
        # name stays whole: 루카스 하인 is a name whatever 하인 means)
        j -= 1
    if j - i <= MAX_NAME_WORDS:
        return i, j
    if korean_name_like(_strip_paren(toks[j - 1])):
        return j - 1, j
    return j - 2, j


_AGE = re.compile(r"\(\d{1,3}(?:세)?\)")


_PAREN_TAIL_TEXT = re.compile(r"\(([^()]{2,30})\)$")


def _paren_affiliation(tok: str) -> str | None:
    """The team or company sports and business pages print after a name: 문경준(NH농협은행),
    金東烈(24·한국전력) → 한국전력; an age, a hanja gloss or a real name (본명 …) is none."""
    m = _PAREN_TAIL_TEXT.search(tok)
    if m is None:
        return None
    parts = [p.strip() for p in re.split(r"[·,]", m.group(1))]
    kept = [p for p in parts if p and not re.fullmatch(r"[\d세\s]+|[一-鿿]+", p) and not p.startswith("본명")]
    # (CHEEZE) after 치즈 spells the name in Latin letters: only a Hangul affiliation counts
    return kept[-1] if kept and is_org(kept[-1]) and re.search(r"[가-힣]", kept[-1]) else None


_AGE_IN_PAREN = re.compile(r"(?<=\()\d{1,3}세?[·,]\s?|[·,]\s?\d{1,3}세?(?=\))")
"""(35·CTO), (CTO·35): an age printed with an abbreviation or affiliation."""
_ASIDE = re.compile(
    r"\((?:(?:왼쪽|오른쪽|가운데|앞줄|뒷줄|맨)[^()]{0,10}|(?:"
    + "|".join(sorted(lx.PROVINCES, key=len, reverse=True))
    + r")\s[^()]{1,10})\)"
)
"""(왼쪽 끝) where a photo shows them, (서울 종로) the seat a candidate runs for: asides, not the role."""
_TERM_ORDINAL = re.compile(r"제\d{1,3}대")
"""제9대 (감독): which holder of the office in order, no part of the office."""


def _role_text(toks: list[str]) -> str | None:
    parts = [_AGE_IN_PAREN.sub("", _AGE.sub("", t)) for t in toks]  # 감독(45): an age is no part of the role
    if "(" in "".join(parts):
        parts = _ASIDE.sub("", " ".join(parts)).split()
    while parts and not any(ch.isalnum() for ch in parts[0]):
        parts.pop(0)  # ▲ 제9대 …: a caption's bullet is no part of a role
    parts = [p for p in parts if not _TERM_ORDINAL.fullmatch(p)]
    parts = _without_appositions(parts)
    if parts and parts[-1].endswith("의") and len(parts[-1]) > 1:
        parts[-1] = parts[-1][:-1]
    if parts and parts[-1].endswith("인") and is_title(parts[-1][:-1]):
        parts[-1] = parts[-1][:-1]
    text = " ".join(p for p in parts if p)
    return text or None


def _without_appositions(parts: list[str]) -> list[str]:
    """여당인 한국미래당 원내대표 → 한국미래당 원내대표; 한화 이글스의 새사령탑인 감독 → 한화 이글스 감독.

    A word ending in the copula's adnominal form (N+이+ᆫ) that is no office describes the name or
    office that follows (an apposition); the office is what follows.  A possessive 의 that went
    with the apposition's noun (이글스의 새사령탑) goes with it; any other stays as printed
    (한울물산의 대표, 소녀시대의 소속사)."""
    kept: list[str] = []
    for k, p in enumerate(parts):
        if k < len(parts) - 1 and p.endswith("인"):
            ms = morphs(p)
            if len(ms) >= 3 and ms[-1].tag == "ETM" and ms[-2].tag == "VCP" and not is_title(p[:-1]):
                # (출제위원장인 윤상철 교수: an office itself, kept as it was printed)
                before = kept[-1] if kept else ""
                if before.endswith("의") and len(before) > 1 and morphs(before)[-1].tag == "JKG":
                    kept[-1] = before[:-1]
                continue
        kept.append(p)
    return kept


def title_of(tok: str) -> str:
    """The title a role word ends in: 공보담당관 → 담당관, 대통령 → 대통령."""
    t = _PARENS.sub("", tok)
    return _ends_with_any(t, _TITLES_BY_LEN) or t


def subject_mention(words: list[Word], i: int) -> Mention | None:
    """The speaker phrase ending at words[i] when that word carries a subject marker.

    Several passes ask about the same word; the answer depends only on the words,
    so a sentence's `Words` keep it (a plain list is simply analysed again).
    """
    if subject_particle(words[i].text) is None:
        return None
    memo = words.mentions if isinstance(words, Words) else None
    if memo is None:
        return _subject_mention(words, i)
    if i in memo:
        return memo[i]
    got = memo[i] = _subject_mention(words, i)
    return got


def _subject_mention(words: list[Word], i: int) -> Mention | None:
    split = subject_particle(words[i].text)
    if split is None:
        return None
    stem, particle = split
    w = words[i].text
    offset = w.index(stem) if stem and stem in w else 0
    parts = phrase_before(words, i, offset + len(stem))
    if parts:
        c = core(parts[-1][0])
        parts[-1] = (c, parts[-1][1] + parts[-1][0].index(c) if c else parts[-1][1], parts[-1][2])
    return parse(parts, particle)


def person_within(parts: list[tuple[str, int, int]]) -> Mention | None:
    """The titled name inside a phrase about something of theirs (김응용 감독 | 취임식), if any."""
    while len(parts) > 2 and _common_noun(parts[-1][0]) and not person_noun(parts[-1][0]):
        parts = parts[:-1]
        if is_title(parts[-1][0]):
            m = parse(parts)
            return m if m is not None and m.form == "name" and m.title else None
    return None


def mention_of_text(text: str, start: int = 0) -> Mention | None:
    """Parse a whole string as a speaker phrase (soundbite tags, headline speakers)."""
    toks = [(m.group(), start + m.start(), start + m.end()) for m in _NONSPACE.finditer(text)]
    toks = [(core(t), a, b) for t, a, b in toks if core(t)]
    return parse(toks)
