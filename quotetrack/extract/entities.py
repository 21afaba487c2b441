"""Who is who within one article: every mention of a speaker resolved to one entity.

News names a person once in full (블라디미르 푸틴 러시아 대통령) and then by
surname and title (푸틴 대통령), title alone (대변인), a demonstrative (이 관계자)
or a pronoun (그는).  The registry keeps the entities met so far in reading
order and resolves each new mention to the most recent compatible one:

- a name matches an entity sharing its name words (푸틴 ⊂ 블라디미르 푸틴);
- surname + title (김 위원장) matches a named entity with that surname and title;
- a title (대변인, 소속사, 일 외무상) matches the latest entity holding that role;
- 이 관계자 matches the latest anonymous source of that description;
- a pronoun is the last speaker.

A mention that matches nothing becomes a new entity as printed; it is never
guessed onto someone else.  Anonymous sources never merge with anyone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from quotetrack.extract import lexicon as lx
from quotetrack.extract.lexicon import COUNTRY_ABBREVIATIONS, HANJA_SURNAMES, PROVINCES
from quotetrack.extract.nounphrase import Mention, is_title, title_of
from quotetrack.types import SpeakerKind

_SPACE = re.compile(r"\s+")
_HANGUL_2_4 = re.compile(r"[가-힣]{2,4}")
_HANGUL_3 = re.compile(r"[가-힣]{3}")
_HANGUL_ONLY = re.compile(r"[가-힣]+")
_HANJA_2_4 = re.compile(r"[一-鿿]{2,4}")
_ROLE_SPLIT = re.compile(r"[\s()]+")
_PAREN_ALIAS = re.compile(r"\(([가-힣]{2,6})\)")
_ABBR_GLUED = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, COUNTRY_ABBREVIATIONS), key=len, reverse=True)) + r")(?=[가-힣])"
)


def expand_role(role: str | None) -> str | None:
    """Spell out headline abbreviations in a role: 日외상 → 일본 외상, 일 외무상 → 일본 외무상."""
    if not role:
        return role
    toks = role.split()
    out: list[str] = []
    for i, t in enumerate(toks):
        if t in COUNTRY_ABBREVIATIONS and len(t) == 1 and (i + 1 < len(toks)):
            out.append(COUNTRY_ABBREVIATIONS[t])
            continue
        m = _ABBR_GLUED.match(t)
        if m and len(m.group(1)) == 1 and not re.match(r"[가-힣]", m.group(1)) and is_title(t[1:]):
            out.extend([COUNTRY_ABBREVIATIONS[m.group(1)], t[1:]])
            continue
        out.append(t)
    return " ".join(out)


_HANJA = [a for a in COUNTRY_ABBREVIATIONS if re.fullmatch(r"[一-鿿]", a)]
_HANJA_ABBR = re.compile("^(" + "|".join(_HANJA) + ")")


def expand_org(name: str) -> str:
    """Spell out a glued hanja abbreviation: 美국무부 → 미국 국무부, 靑 → 청와대."""
    m = _HANJA_ABBR.match(name)
    if not m:
        return name
    full = COUNTRY_ABBREVIATIONS[m.group(1)]
    rest = name[m.end() :].strip()
    return f"{full} {rest}" if rest else full


@lru_cache(maxsize=8192)
def _key(s: str | None) -> str:
    return _SPACE.sub("", expand_role(s) or "").replace("·", "").lower()


@lru_cache(maxsize=8192)
def _name_words(name: str | None) -> frozenset[str]:
    """The words of a name, as a set (푸틴 ⊂ 블라디미르 푸틴); cached: names recur."""
    return frozenset(name.split()) if name else frozenset()


@dataclass
class Entity:
    """One speaker of an article."""

    name: str | None
    role: str | None
    kind: SpeakerKind
    description: str
    surname: str | None = None
    titles: set[str] = field(default_factory=set)
    last_pos: int = -1
    first_pos: int = -1
    seq: int = 0
    """Order of introduction: breaks ties between entities last seen at one position."""
    mentions: list[int] = field(default_factory=list)
    """Where the article mentions the entity, in reading order (how prominent it is where)."""
    aliases: set[str] = field(default_factory=set)
    """Short forms the article gives in parentheses: 중앙선거관리위원회(선관위)."""

    @property
    def label(self) -> str:
        """The fullest form the article gives: the name, else the description."""
        return self.name or self.description

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.name.split()) if self.name else ()

    def add_alias(self, short: str) -> None:
        """Remember a short form the article declares for this organisation (대한의사협회(의협))."""
        self.aliases.add(_key(short))

    def has_surname(self, surname: str) -> bool:
        """Is the name one Korean word starting with this surname (이재명: 이; 남궁석: 남궁)?"""
        name = self.name or ""
        return _has_surname(name, surname)


@lru_cache(maxsize=8192)
def _has_surname(name: str, surname: str) -> bool:
    """Is `name` one Korean word of 2-4 syllables that starts with `surname` (in hangul, or in hanja
    read as hangul: 申東鎬 has the surname 신)?  Cached."""
    if _HANJA_2_4.fullmatch(name):
        reading = HANJA_SURNAMES.get(name[:2]) or HANJA_SURNAMES.get(name[0])
        return reading == surname
    return _HANGUL_2_4.fullmatch(name) is not None and len(name) > len(surname) and name.startswith(surname)


@lru_cache(maxsize=8192)
def _org_keys(name: str) -> tuple[str, str]:
    """An organisation name compared as written and without a leading country (미 국무부 → 국무부)."""
    return _key(name), _key(_strip_country(name))


class Registry:
    """Entities of one article, in the order the article introduces them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.last_speaker: Entity | None = None
        # the entities most recently mentioned first, kept in order as mentions arrive rather than
        # sorted at every lookup: an article of thousands of quotes must stay linear
        self._recent: list[Entity] = []
        self._last_first = -1
        """The latest position at which an entity was introduced."""
        self._by_word: dict[str, list[Entity]] = {}
        """Each word of a name -> the entities whose name has held it: a name is looked up
        among the few entities sharing a word with it, not all of a long article's."""

    # ------------------------------------------------------------ resolution
    def resolve(self, m: Mention, pos: int, create: bool = True) -> Entity | None:
        """The entity `m` refers to; a new one when nothing matches and `create`."""
        found = self._match(m, pos)
        if found is None:
            if not create or m.form == "pronoun" or m.weak:
                return None
            found = self._new(m, pos)
        else:
            before = found.name
            self._absorb(found, m)
            if found.name != before:
                self._index(found, _name_words(before))
        self._seen(found, pos)
        return found

    def _index(self, e: Entity, known: frozenset[str] = frozenset()) -> None:
        """Enter e under the words of its name that `known` (its previous name's) lacks.

        An entity keeps the words of its earlier names too (a name grows: 푸틴 → 블라디미르 푸틴,
        or changes form: 미 국무부 → 미국 국무부); look-ups test the current name, so an old word
        only adds a candidate.  Each entity is entered once per word.
        """
        for word in _name_words(e.name) - known:
            entered = self._by_word.setdefault(word, [])
            if not any(x is e for x in entered):
                entered.append(e)

    def _named(self, toks: frozenset[str], pos: int, kind: str | None = None) -> Entity | None:
        """The most recently mentioned entity introduced by `pos` whose name words contain or lie
        within `toks` (such a name shares a word with it, so only those entities are looked at).
        A person's name inside the name of the team they lead (이도현 in 포스텍 이도현 교수 연구팀) is
        the person, not the team."""
        best: Entity | None = None
        for t in toks:
            for e in self._by_word.get(t, ()):
                if e.first_pos > pos or (best is not None and _recency(best) <= _recency(e)):
                    continue
                et = _name_words(e.name)
                if not et or not (toks <= et or et <= toks):
                    continue
                if (
                    kind == "person"
                    and e.kind == "organisation"
                    and (e.name or "").rsplit(" ", 1)[-1] in lx.TEAM_WORDS
                ):
                    continue
                best = e
        return best

    def _seen(self, e: Entity, pos: int) -> None:
        """Record a mention of `e` at `pos`, keeping `_recent` ordered by last mention."""
        if pos <= e.last_pos:
            return
        e.mentions.append(pos)
        recent = self._recent
        if recent[0] is e:  # the entity mentioned last is mentioned again: it stays first
            e.last_pos = pos
            return
        del recent[bisect_left(recent, _recency(e), key=_recency)]
        e.last_pos = pos
        if not recent or pos > recent[0].last_pos:
            recent.insert(0, e)  # reading order: the usual case, a mention after all others
        else:
            insort(recent, e, key=_recency)

    def _match(self, m: Mention, pos: int) -> Entity | None:
        # entities introduced after `pos` are out of reach; usually there are none (reading order)
        recent = self._recent if pos >= self._last_first else [e for e in self._recent if e.first_pos <= pos]
        if m.form == "pronoun":
            if m.text.startswith(("이들", "그들")) and recent:
                # 원외 인사들도 목소리를 냈다. 이들은 …: 'they' are the group mentioned since the last
                # speaker, if one was
                group = next((e for e in recent if _group(e)), None)
                speaker = self.last_speaker
                if group is not None and (speaker is None or group.last_pos > speaker.last_pos):
                    return group
            if self.last_speaker is not None and self.last_speaker.kind in ("person", "unknown"):
                return self.last_speaker
            return next((e for e in recent if e.kind == "person"), self.last_speaker)
        if m.form == "name" and m.name:
            named = self._named(_name_words(m.name), pos, m.kind)
            if named is not None:
                return named
            alias = _key(m.name)
            for e in recent:  # 의협 after 대한의사협회(의협): the short form the article declared
                if e.kind == "organisation" and alias in e.aliases:
                    return e
            if m.title and " " not in m.name and len(m.name) >= 2:
                # 어우양 대변인 after 어우양밍 대변인: a Chinese surname of two syllables
                surnamed = self._foreign_surname(m.name, m.title, recent)
                if surnamed is not None:
                    return surnamed
            if m.kind == "organisation":
                return self._match_org(m.name, recent)
            if " " not in m.name:  # 천문연 after 한국천문연구원: a clipped organisation Kiwi takes for a name
                clipped = self._clipped_org(m.name, recent)
                if clipped is not None:
                    return clipped
            # a full Korean name met after its surname-and-title form (이 대통령 … 이재명 대통령)
            if _HANGUL_3.fullmatch(m.name) and m.title:
                for e in recent:
                    if e.name is None and e.surname == m.name[0] and m.title in e.titles:
                        return e
            return None
        if m.form == "surname_title" and m.surname and m.title:
            for e in recent:
                if e.name and e.has_surname(m.surname) and self._has_title(e, m.title):
                    return e
            for e in recent:
                if e.name is None and e.surname == m.surname and m.title in e.titles:
                    return e
            for e in recent:
                if (
                    e.name
                    and e.kind == "person"
                    and e.tokens
                    and e.tokens[-1].startswith(m.surname)
                    and self._has_title(e, m.title)
                ):
                    return e
            if m.demonstrative:  # 이 대통령 as 'this president'
                return next((e for e in recent if self._has_title(e, m.title)), None)
            if m.title == "씨":  # 한씨: the honorific goes with anyone of that surname named before
                surname = m.surname
                return next((e for e in recent if e.kind == "person" and e.has_surname(surname)), None)
            # 김 전무 after 김연학 KT 최고재무책임(CFO): news names a person in full first, so a surname
            # with a title no one was given is the one person of that surname named so far (never
            # a guess between two)
            same = [e for e in recent if e.kind == "person" and e.name and e.has_surname(m.surname)]
            return same[0] if len(same) == 1 else None
        if m.form == "title" and m.role:
            want = _key(m.role)
            for e in recent:
                if e.role and (_key(e.role).endswith(want) or want.endswith(_key(e.role))):
                    return e
            if m.title:
                for e in recent:
                    if e.role and m.title in e.titles and _abbreviates(want, _key(e.role), clipped_head=True):
                        return e  # 환경장관 for 환경부 장관, 금융위원장 for 금융위원회 위원장
            words = (m.role or "").split()
            if m.title and len(words) == 2 and _HANGUL_ONLY.fullmatch(words[0]):
                # 저우 대변인 after 저우하이펑 중국 외교부 대변인, 량 CEO after 량즈웨이 CEO (read as a
                # title phrase: 량 is no Korean surname)
                surnamed = self._foreign_surname(words[0], m.title, recent)
                if surnamed is not None:
                    return surnamed
            if m.title:
                for e in recent:
                    if m.title in e.titles and (m.demonstrative or len(want) <= len(m.title) + 1):
                        return e
            if m.title and m.role == m.title:
                return self._org_by_head(m.title, recent)
            return None
        if m.form == "anonymous":
            want = _key(m.role)
            if m.demonstrative:
                return next((e for e in recent if e.kind == "anonymous" and m.title in e.titles), None)
            # as printed: 유가족들 after 태풍 매미 희생자 유가족들 stays 유가족들 (measured both ways on the
            # dev corpus, the articles' own conventions differ)
            return next((e for e in recent if e.kind == "anonymous" and _key(e.description) == want), None)
        if m.form == "org" and m.name:
            return self._match_org(m.name, recent)
        return None

    @staticmethod
    def _org_by_head(word: str, recent: list[Entity]) -> Entity | None:
        """연구원은 after 국립AI연구원, 공사는 after 한국수자원공사: an organisation named once is
        called by the last noun of its name, which can also be a title (연구원 'researcher', 공사
        'minister-counsellor'); it is the organisation when the article named exactly one such and
        no one holds that title."""
        if any(word in e.titles for e in recent if e.kind != "organisation"):
            return None
        orgs = [
            e
            for e in recent
            if e.kind == "organisation" and e.name and e.name.endswith(word) and len(e.name) >= len(word) + 2
        ]
        return orgs[0] if len(orgs) == 1 else None

    def _match_org(self, name: str, recent: list[Entity]) -> Entity | None:
        generic = GENERIC_BODIES.get(name.split()[-1]) if name.split() else None
        if generic is not None:  # 재판부 after 서울중앙지법 형사합의25부: the body the article named
            named = [
                e
                for e in recent
                if e.kind == "organisation" and e.name and e.name != name and generic.search(e.name)
            ]
            # one named in full before one described (항소심 법원 is no name of a court)
            specific = [e for e in named if (e.name or "").split()[-1] not in GENERIC_BODIES]
            if specific or named:
                return (specific or named)[0]
        want, bare = _org_keys(expand_org(name))
        for e in recent:
            if e.kind not in ("organisation", "unknown") or not e.name:
                continue
            k, other = _org_keys(e.name)
            if k in (want, bare) or other == bare:
                return e
        for e in recent:
            if e.kind != "organisation" or not e.name:
                continue
            other = _org_keys(e.name)[1]
            if (bare in other or other in bare) and min(len(bare), len(other)) >= 2:
                return e
        if len(bare) >= 2:
            # 합참 after 합동참모본부, 공정위 after 공정거래위원회: the short form of a name given earlier
            for e in recent:
                if (
                    e.kind == "organisation"
                    and e.name
                    and " " not in e.name.strip()
                    and (_abbreviates(bare, _org_keys(e.name)[1]) or bare in e.aliases)
                ):
                    return e
        return None

    @staticmethod
    def _clipped_org(name: str, recent: list[Entity]) -> Entity | None:
        bare = _org_keys(name)[1]
        if len(bare) < 2 or (len(bare) == 2 and bare[0] in lx.KOREAN_SURNAMES):
            return None  # 의협 after 대한의사협회; two syllables opening with a surname may be a name (김철)
        return next(
            (
                e
                for e in recent
                if e.kind == "organisation" and e.name and _abbreviates(bare, _org_keys(e.name)[1])
            ),
            None,
        )

    def _foreign_surname(self, surname: str, title: str, recent: list[Entity]) -> Entity | None:
        """The person with `title` whose name has `surname` as a word or starts with it (a foreign
        name written as one word, 저우하이펑): 저우 대변인, 어우양 대변인."""
        for e in recent:
            if (
                e.kind == "person"
                and e.tokens
                # a one-syllable surname only opens the name (량즈웨이); a longer one may stand anywhere
                and (
                    e.tokens[0].startswith(surname)
                    or (len(surname) >= 2 and any(t == surname or t.startswith(surname) for t in e.tokens))
                )
                and self._has_title(e, title)
            ):
                return e
        return None

    @staticmethod
    def _has_title(e: Entity, title: str) -> bool:
        if title in e.titles:
            return True
        # 삼성전자 아이엠(IM)부문장(사장) holds both 부문장 and 사장
        return any(tok.endswith(title) for tok in _ROLE_SPLIT.split(e.role or "") if tok)

    def _new(self, m: Mention, pos: int) -> Entity:
        role = m.role
        description = m.description
        if m.form == "anonymous":
            description = m.role or m.text
            role = None
        elif m.form in ("title", "surname_title") and m.form == "title":
            description = m.role or m.text
        e = Entity(
            mentions=[pos],
            name=m.name if m.form in ("name", "org") else None,
            role=role if m.form != "title" else m.role,  # as printed (미 대통령); keys expand it
            kind=m.kind,
            description=description,
            surname=m.surname,
            titles=({m.title} if m.title else set()) | _titles_in(m.role),
            last_pos=pos,
            first_pos=pos,
            seq=len(self.entities),
        )
        if m.form == "surname_title":
            e.description = m.text.replace("  ", " ")
        if e.kind == "organisation":
            e.aliases.update(_key(a) for a in _PAREN_ALIAS.findall(m.text))
        self.entities.append(e)
        self._index(e)
        self._last_first = max(self._last_first, pos)
        insort(self._recent, e, key=_recency)
        return e

    @staticmethod
    def _absorb(e: Entity, m: Mention) -> None:
        """Learn from a new mention: a fuller name, a first role, another title."""
        if m.form == "name" and m.name and len(m.name.split()) > len(e.tokens):
            e.name = m.name
        if m.form == "name" and m.name and e.name is None:
            e.name = m.name
        if m.form == "org" and m.name and e.name and len(m.name) > len(e.name) and e.name in m.name:
            e.name = m.name  # 경찰 … 인천남동경찰서: the fullest name the article gives
        if m.role and not e.role and m.form in ("name", "org", "surname_title"):
            e.role = m.role
        if m.title:
            e.titles.add(m.title)
        e.titles.update(_titles_in(m.role))
        if e.kind == "unknown" and m.kind != "unknown":
            e.kind = m.kind


@lru_cache(maxsize=8192)
def _titles_in(role: str | None) -> frozenset[str]:
    """Every title a role holds (출제위원장인 … 서울대 교수 holds 위원장 and 교수): a later 윤 위원장
    and 윤 교수 both point back to the person."""
    out = set()
    for tok in (role or "").split():
        t = tok[:-1] if tok.endswith("인") and is_title(tok[:-1]) else tok
        if is_title(t):
            out.add(title_of(t))
    return frozenset(out)


GENERIC_BODIES = {
    "재판부": re.compile(r"법원|지법|고법|재판부|(?:형사|민사|행정|가사)\S*부$"),
    "법원": re.compile(r"법원|지법|고법"),
    "검찰": re.compile(r"검찰청|지검|고검|대검|지청|특수\d*부$"),
    "연구팀": re.compile(r"연구팀$"),
    "연구진": re.compile(r"연구팀$|연구진$"),
}
"""Words that stand for a body the article names in full (재판부 → 서울중앙지법 형사합의25부, 검찰 →
대전지검 특수부, 연구팀 → 포스텍 이도현 교수 연구팀): the fullest form the article gives."""


_PLACE_PREFIX = re.compile(
    r"(?:한국|대한|국립|중앙|"
    + "|".join(sorted(PROVINCES, key=len, reverse=True))
    + r")(?:특별시|광역시|도|시)?"
)


def _abbreviates(short: str, full: str, *, clipped_head: bool = False) -> bool:
    """Is `short` a clipped spelling of `full` (its letters in order, the first one shared)?
    Headlines and second mentions clip institution names: 외교장관, 산업장관, 금융위원장.
    With `clipped_head` (a role whose title both hold), the name may also lose its first word:
    복지부 차관 for 보건복지부 제1차관."""
    if not short or not full or len(short) >= len(full):
        return False
    if clipped_head and short[0] != full[0] and (at := full.find(short[0])) > 0:
        full = full[at:]
    if short[0] != full[0]:
        # 천문연 for 한국천문연구원, 환경연합 for 대구환경운동연합: a clipped name drops a leading place
        prefix = _PLACE_PREFIX.match(full)
        if prefix is None or short[0] != full[prefix.end() : prefix.end() + 1]:
            return False
    it = iter(full)
    return all(ch in it for ch in short)


def _group(e: Entity) -> bool:
    """People described as several (주민들, 원외 인사들) or a body: what 'they' can stand for."""
    return e.kind == "organisation" or (e.kind == "anonymous" and e.description.endswith("들"))


def _recency(e: Entity) -> tuple[int, int]:
    """Most recently mentioned first; among equals, the one introduced first."""
    return (-e.last_pos, e.seq)


def _strip_country(name: str) -> str:
    toks = expand_org(name).split()
    if len(toks) > 1 and toks[0] in COUNTRY_ABBREVIATIONS:
        return " ".join(toks[1:])
    return name
