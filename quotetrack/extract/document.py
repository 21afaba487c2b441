"""Read a whole article: sentences in order, speakers resolved, dates assigned.

Sentence analysis (attribution.py) says what each quote's speaker phrase is; this
module turns phrases into the article's entities in reading order, so that 그는,
이어 and 이 관계자 point back to the right person, and handles what spans more
than one sentence:

- a quote standing alone ("정말 놀랐고, 매우 영광입니다.") takes the speaker the
  next sentences give it (…이같이 말했다, or the next attributed quote);
- 이같이/이렇게 + a speech verb moves the previous sentence's quotes from an
  organisation to the person who spoke for it;
- broadcast soundbite tags ([인터뷰:이름, 직함], ▶ 인터뷰 : 이름 / 직함) give the
  speaker of the lines below them;
- a quote nested in another is spoken by the subject inside the outer quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from quotetrack.extract import lexicon as lx
from quotetrack.extract.attribution import Found, analyze, subjects_of, top_spans
from quotetrack.extract.clues import clues_of, words_with_clues
from quotetrack.extract.cues import cue_after, find_verb
from quotetrack.extract.entities import Entity, Registry
from quotetrack.extract.marks import Marks, Span, find_marks
from quotetrack.extract.nounphrase import (
    Mention,
    core,
    is_org,
    is_title,
    korean_name_like,
    mention_of_text,
    parse,
    person_noun,
    person_within,
    phrase_before,
    subject_mention,
    subject_particle,
)
from quotetrack.extract.sentences import Sentence, Word, split_sentences, words
from quotetrack.extract.transcript import (
    Interview,
    Region,
    announces_interview,
    broadcast_regions,
    find_interview,
    has_script_tags,
)

_THIS_WAY = re.compile(r"(?:이같이|이렇게|이와\s*같이|이처럼|이 같이)\s*\S*")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LETTER = re.compile(r"[가-힣A-Za-z]")
_MEMBER_LIST = re.compile(r"\S\((?P<members>[^()\n]{3,80})\)")
_ORG_ALIAS = re.compile(r"(?<![가-힣A-Za-z])(?P<full>[가-힣A-Za-z]{3,20})\((?P<alias>[가-힣A-Za-z]{2,8})\)")
_MEMBER = re.compile(r"[가-힣]{1,4}|[A-Za-z][A-Za-z.\- ]{0,15}")
_AGED_NAME = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{3,4})\((?P<age>\d{1,3})(?:[·,][^()\n]{1,20})?\)(?P<ssi>[ \t]?씨)?"
)
"""엄태빈(34)씨, 박정숙(61·주부): a name with an age in parentheses is a person, wherever it stands."""
_HEAD_IN_PARENS = re.compile(r"(?P<body>[^\s()]{2,30})\((?P<inner>[^()\n]{3,30})\)")
"""서울중앙지검 형사1부(부장검사 홍길준), 특수1부(金在坤부장검사): a body with the person heading it
in parentheses, as crime and court reports print them."""
_ANSWER_MARKS = " \t\n▲△■□◆◇●○▶☞-–—―AQ.:：답\"'“”‘’『「"
"""What may stand before an interview answer's words on its line (▲ "…", A. …)."""
_NAME_RUN = re.compile(
    r"(?<![가-힣])(?P<names>(?:[가-힣]{2,4}(?:\([一-鿿]{2,4}\))?·){1,7}[가-힣]{2,4}(?:\([一-鿿]{2,4}\))?)"
    r"(?P<title>씨|[ \t]+[가-힣]{1,6})?"
)
"""한성기(韓成基)·장석중(張錫重)·오정은(吳靜恩)씨, 김민수·이지원 의원: names joined by a middle dot that
share the title after the last, each a person of that title."""


def _team_leader(m: Mention) -> Mention | None:
    """The titled name a team is named for (포스텍 화학공학과 이도현 교수 연구팀 → 이도현 교수)."""
    head, _, last = m.text.rpartition(" ")
    if last not in lx.TEAM_WORDS or not head:
        return None
    leader = mention_of_text(head, m.start)
    return (
        leader
        if leader is not None and leader.form == "name" and leader.kind == "person" and leader.title
        else None
    )


_HANJA_AFTER = re.compile(r"\([一-鿿]{2,4}\)")
SHOUT_MAX = 12
"""Characters of a quotation standing alone in a script that is live sound rather than a soundbite."""
FORWARD_REACH = 2
"""In a broadcast script, a quotation standing alone takes the speaker of an attributed quote at most
this many sentences later; further on it is live sound whose speaker no one names.  (In print a lede
quote's speaker may come several sentences later, and there is no limit.)"""
_SAID_WORDS = re.compile(
    r"(?:한|밝힌|전한|남긴|털어놓은)\s+(?:말|설명|얘기|이야기|소감|각오)(?:이다|다|이었다|였다)[.]?\s*$"
)
"""…의 임도훈 간사가 한 말이다: the sentence says who spoke the quotation standing before it."""
_SPEECH_NOUN_TAIL = re.compile(r"(?:을|를|이|가|은|는|에|과|와|이다|입니다|이었다|였다)$")


@dataclass
class Attributed:
    """A quote with its resolved speaker entity (or a fixed label)."""

    found: Found
    entity: Entity | None
    label: str | None


def _standalone(body: str, sent: Sentence, spans: list[Span]) -> Span | None:
    """The quote when a sentence is nothing but one quotation (a lede quote or soundbite)."""
    if len(spans) != 1:
        return None
    sp = spans[0]
    outside = body[sent.start : sp.open] + body[sp.close + 1 : sent.end]
    outside = _BRACKETED.sub("", outside)
    if _LETTER.search(outside):
        return None
    return sp


def _full_korean_name(m: Mention) -> bool:
    """박세리는, 한성기가: a Korean full name standing alone is a person worth remembering."""
    return m.kind == "person" and not m.weak and korean_name_like(m.name or "")


class ArticleReader:
    """Quotes of one article body with speakers resolved (see module docstring)."""

    def __init__(self, body: str, published: date | None, deck_end: int = 0) -> None:
        self.body = body
        self.published = published
        self.deck_end = deck_end
        self.marks: Marks = find_marks(body)
        self.sentences = split_sentences(body, self.marks)
        self.registry = Registry()
        self.out: list[Attributed] = []
        self._forward: list[Attributed] = []
        self._script = False
        self._words: dict[int, list[Word]] = {}
        self._subjects: dict[int, list[tuple[int, Mention]]] = {}

    # ------------------------------------------------------------------ pass
    def subjects_of(self, sent: Sentence) -> list[tuple[int, Mention]]:
        """The sentence's subject phrases outside quotations, found once per article."""
        got = self._subjects.get(sent.start)
        if got is None:
            got = self._subjects[sent.start] = subjects_of(
                self.words_of(sent), sent.start, sent.end, self.marks
            )
        return got

    def words_of(self, sent: Sentence) -> list[Word]:
        """The words of a sentence, split once per article."""
        got = self._words.get(sent.start)
        if got is None:
            got = self._words[sent.start] = words_with_clues(self.body, sent.start, sent.end)
        return got

    def read(self) -> list[Attributed]:
        body = self.body
        regions = broadcast_regions(body, self.marks)
        script = self._script = bool(regions) or has_script_tags(body)
        interview = find_interview(body, self.marks)
        if interview is not None:
            regions += [Region("question", a, b) for a, b in interview.questions] + interview.answers
            regions.sort(key=lambda r: r.start)
        starts = [r.start for r in regions]
        for i, sent in enumerate(self.sentences):
            k = bisect_right(starts, sent.start) - 1
            region = regions[k] if k >= 0 and sent.start < regions[k].end else None
            if (
                region is None
                and k + 1 < len(regions)
                and regions[k + 1].start < sent.end
                and not self.body[sent.start : regions[k + 1].start].strip(_ANSWER_MARKS)
            ):
                region = regions[k + 1]  # ▲ "…": a sentence opening with the answer's marker is the answer
            if region is not None:
                if region.kind == "speech" and region.quotes:
                    self._soundbite(region, i)
                    region.quotes = []  # its quotes are out; its other sentences are skipped
                continue
            if self.body.find("(", sent.start, sent.end) >= 0:  # most sentences hold no parenthesis
                self._register_members(sent)
                self._register_aged_names(sent)
                self._register_heads(sent)
                self._register_aliases(sent)
            if self.body.find("·", sent.start, sent.end) >= 0:
                self._register_name_runs(sent)
            self._register_mentions(sent)
            spans = top_spans(self.marks, sent)
            alone = _standalone(self.body, sent, spans)
            if alone is not None:
                f = Found(
                    "direct",
                    alone.start,
                    alone.end,
                    None,
                    "forward",
                    sentence=i,
                    region=(sent.start, sent.end),
                )
                a = Attributed(f, None, None)
                self.out.append(a)
                self._forward.append(a)
                continue
            found = analyze(body, self.marks, sent, i, self.words_of(sent), self.subjects_of(sent), spans)
            spoke = self._this_way(sent, i)
            for f in found:
                self._attribute(f)
            if spoke is not None:
                self.registry.last_speaker = spoke
            elif not found:
                self._topic_continues(sent, i)
            self._nested(found, i)
            self._genitive_speech(sent)
        for a in self._forward:  # nothing followed: unattributed
            a.found.rule = "carry"
        if script:  # a shout standing alone in a script that no one is named for: live sound
            self.out = [a for a in self.out if not (a.entity is None and a.label is None and self._shout(a))]
        if interview is not None and interview.answers:
            self._answers(interview)
        self._inside_indirect()
        return sorted(self.out, key=lambda a: a.found.start)

    def _shout(self, a: Attributed) -> bool:
        """A cry or shout (이 XX들아! XX!, 사람 있어! 구급대!): short, or exclaimed."""
        text = self.body[a.found.start : a.found.end]
        return a.found.rule in ("carry", "forward") and ("!" in text or len(text.strip()) <= SHOUT_MAX)

    def _answers(self, interview: Interview) -> None:
        """Each answer of an interview is a direct quote of the person interviewed (_interviewee)."""
        questions = [q[0] for q in interview.questions]
        who: Entity | None = None
        since = 0  # where the prose before the current run of questions starts
        for r in interview.answers:
            k = max(0, bisect_right(questions, r.start) - 1)
            asked = questions[k]
            if who is None or (k > 0 and self._prose_between(interview, k)):
                who = self._interviewee(since, asked) or who
            since = r.end
            speaker = who
            if r.who:  # the answer names who gives it
                m = mention_of_text(r.who)
                if m is not None and r.name and m.form != "name":
                    m = Mention(r.who, 0, 0, "name", r.name, None, "person", title=m.title)
                speaker = (self.registry.resolve(m, r.start) if m is not None else None) or who
            for a, b in r.quotes:
                f = Found("direct", a, b, None, "tag", sentence=-1, region=(a, a))
                host = Attributed(f, speaker, None)
                self.out.append(host)
                self._nested_in(a, b, host, -1)

    def _prose_between(self, interview: Interview, k: int) -> bool:
        """Does the article's own text stand between question k-1's answers and question k (a second
        interview introduced in between)?"""
        lo, hi = interview.questions[k - 1][1], interview.questions[k][0]
        taken = [r for r in interview.answers if lo <= r.start < hi]
        end = max((r.end for r in taken), default=lo)
        return bool(self.body[end:hi].strip(_ANSWER_MARKS))  # (an answer's closing mark is no prose)

    def _interviewee(self, lo: int, hi: int) -> Entity | None:
        """Whom questions put at `hi` are asked: of the people the prose before them (from `lo`)
        mentions, outside quotations, one who does not speak in that prose (진행을 본 론다 글렌씨도
        "…"라고 감탄: a bystander), then the most mentioned, then the first introduced."""
        spoke = {id(a.entity) for a in self.out if a.entity is not None and lo <= a.found.start < hi}
        # who spoke last before the questions (the registry's last speaker is the article's end's)
        last = next(
            (a.entity for a in reversed(self.out) if a.entity is not None and lo <= a.found.start < hi), None
        )
        if (
            last is not None
            and last.kind == "person"
            and id(last) in spoke
            and announces_interview(self.body, lo, hi)
        ):
            # 裵회장은 "…"고 말했다. 다음은 일문일답: who just spoke and is the most mentioned is the one
            # the announced interview is with (a bystander is mentioned less)
            counts = {
                id(e): sum(1 for p in e.mentions if lo <= p < hi)
                for e in self.registry.entities
                if e.kind == "person"
            }
            if counts.get(id(last), 0) >= max(counts.values(), default=0):
                return last
        best: tuple[bool, int, int] | None = None
        found: Entity | None = None
        for e in self.registry.entities:
            if e.kind != "person" or self.marks.inside(e.first_pos):
                continue
            n = sum(1 for p in e.mentions if lo <= p < hi)
            score = (id(e) not in spoke, n, -e.first_pos)
            if n and (best is None or score > best):
                best, found = score, e
        return found or self.registry.last_speaker

    # ------------------------------------------------------------ mentions
    def _register_mentions(self, sent: Sentence) -> None:
        """Enter every titled name of the sentence, so later short forms resolve to it.

        Names inside quotations count too (the article may spell a name out only
        inside someone's words), but they never become the current speaker.
        """
        ws = self.words_of(sent)
        clues = clues_of(ws)
        for k, subject, end in clues.mentions:  # words with a subject marker or closing a name
            w = ws[k]
            m = subject_mention(ws, k) if subject else None
            if m is None and subject and clues.title_before(k):  # 김응용 감독 취임식이: its person
                split = subject_particle(w.text)
                if split is not None:
                    stem = split[0]
                    self._enter(person_within(phrase_before(ws, k, w.text.index(stem) + len(stem))), w.start)
            if m is None:
                if end is None:
                    continue
                stem_end, stem_is_title = end
                # 문경준을 만나, 태풍 매미 희생자 유가족들에 따르면: a full name or a group described is
                # worth remembering in any case
                stem = core(w.text[:stem_end])
                named = korean_name_like(stem) or person_noun(stem)
                if not stem_is_title and not clues.title_before(k) and not named:
                    continue
                m = parse(phrase_before(ws, k, stem_end))
            self._enter(m, w.start)
            if m is not None and m.form == "org":
                self._enter(_team_leader(m), w.start)

    def _topic_continues(self, sent: Sentence, i: int) -> None:
        """A sentence that quotes no one but is about a person (페스코프 대변인은 … 입을 닫았다) makes
        that person the one a following 그는 or subjectless quote goes on with, and the one whose
        words a quote standing alone in the sentence just above are."""
        ws = self.words_of(sent)
        for k, m in self.subjects_of(sent):
            if m.particle not in ("은", "는") or m.form not in ("name", "surname_title"):
                continue
            e = self.registry.resolve(m, ws[k].start, create=False)
            if e is not None and e.kind == "person":
                self.registry.last_speaker = e
                if self._forward and self._forward[-1].found.sentence == i - 1:
                    self._give_forward(e)  # "…" / 신지아는 … 밝게 웃었다: whom the next sentence is about
            return

    def _register_members(self, sent: Sentence) -> None:
        """하루(별, 솔, 나무, 이안): the people a group's name lists in parentheses, each remembered by
        name, so that 솔은 … later is one of them."""
        for m in _MEMBER_LIST.finditer(self.body, sent.start, sent.end):
            if self.marks.inside(m.start()):
                continue
            names = [n.strip() for n in m.group("members").split(",")]
            if not 2 <= len(names) <= 12 or not all(_MEMBER.fullmatch(n) for n in names):
                continue
            at = m.start("members")
            for n in names:
                pos = self.body.index(n, at)
                at = pos + len(n)
                self.registry.resolve(Mention(n, pos, at, "name", n, None, "person", title="멤버"), pos)

    def _register_aliases(self, sent: Sentence) -> None:
        """개인정보보호위원회(개인정보위)에 따르면: an organisation introduced with its short form in
        parentheses, in any sentence, is remembered with it, so that 개인정보위는 … and a headline's
        의협 later are that organisation."""
        for m in _ORG_ALIAS.finditer(self.body, sent.start, sent.end):
            full, alias = m.group("full"), m.group("alias")
            if self.marks.inside(m.start()) or len(alias) >= len(full) or not is_org(full):
                continue
            mention = mention_of_text(full, m.start("full"))
            if mention is None or mention.form != "org" or mention.media:
                continue
            e = self.registry.resolve(mention, m.start("full"))
            if e is not None and e.kind == "organisation":
                e.add_alias(alias)

    def _register_aged_names(self, sent: Sentence) -> None:
        """주인공은 배달원 엄태빈(34)씨.: a person named with an age, even where no one speaks, so
        that 엄씨는 … later is that person."""
        for m in _AGED_NAME.finditer(self.body, sent.start, sent.end):
            name = m.group("name")
            if self.marks.inside(m.start()) or not korean_name_like(name):
                continue
            title = "씨" if m.group("ssi") else None
            pos = m.start("name")
            self.registry.resolve(
                Mention(name, pos, pos + len(name), "name", name, None, "person", title=title), pos
            )

    def _register_heads(self, sent: Sentence) -> None:
        """형사1부(부장검사 홍길준)는 …: the person in parentheses after a body is remembered with the
        body and title as role, so that 홍 부장검사 later is that person."""
        for m in _HEAD_IN_PARENS.finditer(self.body, sent.start, sent.end):
            if self.marks.inside(m.start()):
                continue
            inner = mention_of_text(m.group("inner"))
            if inner is None or inner.form != "name" or inner.kind != "person" or not inner.title:
                continue
            if not (is_org(core(m.group("body"))) or korean_name_like(inner.name or "")):
                continue
            body_name = core(m.group("body"))
            pos = m.start("inner")
            role = f"{body_name} {inner.role}" if inner.role else body_name
            self.registry.resolve(
                Mention(
                    inner.name or "",
                    pos,
                    m.end("inner"),
                    "name",
                    inner.name,
                    role,
                    "person",
                    title=inner.title,
                ),
                pos,
            )

    def _register_name_runs(self, sent: Sentence) -> None:
        """Names joined by middle dots that share one title or 씨 (a title or hanja makes them names,
        not a list of things: 한미·한일 관계), each remembered as a person, for 한씨 later."""
        body = self.body
        for m in _NAME_RUN.finditer(body, sent.start, sent.end):
            if self.marks.inside(m.start()):
                continue
            title = (m.group("title") or "").strip()
            if title != "씨" and not (title and is_title(title)):
                continue
            at = m.start("names")
            for part in m.group("names").split("·"):
                name = _HANJA_AFTER.sub("", part)
                if not (korean_name_like(name) or _HANJA_AFTER.search(part)):
                    break
                pos = body.index(part, at)
                at = pos + len(part)
                self.registry.resolve(
                    Mention(name, pos, pos + len(name), "name", name, None, "person", title=title), pos
                )

    def _enter(self, m: Mention | None, pos: int) -> None:
        """Resolve (and so remember) a named speaker phrase met at `pos`, if it names someone."""
        if m is not None and m.form == "anonymous" and len((m.role or "").split()) > 1:
            self.registry.resolve(m, pos)  # 태풍 매미 희생자 유가족들: the fuller description, for 유가족들
            return
        if m is None or m.form not in ("name", "org") or m.weak:
            return
        name = m.name or ""
        if m.form == "org" and m.kind == "organisation" and not m.media and len(name) > 3 and is_org(name):
            pass  # 공정거래위원회가 …: an institution named in full, for 공정위 later (not 경찰, 정부)
        elif not m.role and not m.title and len((m.name or "").split()) < 2 and not _full_korean_name(m):
            return  # a bare word (경기가, 러시아는) is a speaker only when it speaks
        if self.marks.inside(pos) and not m.role:
            return
        self.registry.resolve(m, pos)

    def subjects_in(self, sent: Sentence) -> list[Entity]:
        """Entities named as a subject in the sentence, outside quotations (no new ones are made)."""
        ws = self.words_of(sent)
        out = []
        for k, m in self.subjects_of(sent):
            if m.form != "pronoun":
                e = self.registry.resolve(m, ws[k].start, create=False)
                if e is not None:
                    out.append(e)
        return out

    def _entity_for(self, f: Found) -> tuple[Entity | None, str | None]:
        if f.fixed_speaker:
            return None, f.fixed_speaker
        if f.mention is not None:
            e = self.registry.resolve(f.mention, f.start)
            if e is not None:
                return e, None
        return self.registry.last_speaker, None

    def _attribute(self, f: Found) -> Attributed:
        e, label = self._entity_for(f)
        a = Attributed(f, e, label)
        self.out.append(a)
        if e is not None and not f.extra.get("embedded"):
            self.registry.last_speaker = e
            for pending in self._forward:
                if not self._script or f.sentence - pending.found.sentence <= FORWARD_REACH:
                    pending.entity, pending.found.rule = e, "forward"
            self._forward.clear()
        return a

    # -------------------------------------------------------- multi-sentence
    def _this_way(self, sent: Sentence, i: int) -> Entity | None:
        """X는 … 이같이 말했다: X spoke the previous sentence's quotes."""
        m = _THIS_WAY.search(self.body, sent.start, sent.end)
        if not m:
            return None
        ws = self.words_of(sent)
        after = [k for k, w in enumerate(ws) if w.start >= m.start()]
        if not after:
            return None
        verb = (
            find_verb(ws, after[0] + 1)
            if core(ws[after[0]].text) in ("이같이", "이렇게", "이처럼")
            else find_verb(ws, after[0])
        )
        if verb is None or not verb.speech:
            return None
        subj = None
        for k, w in enumerate(ws):
            if w.start >= m.start():
                break
            if not self.marks.inside(w.start):
                mm = subject_mention(ws, k)
                if mm is not None:
                    subj = mm
                    break
        if subj is None:
            return None
        e = self.registry.resolve(subj, sent.start)
        if e is None:
            return None
        for a in self._forward:
            a.entity = e
        self._forward.clear()
        for a in reversed(self.out):  # appended sentence by sentence: the previous one's are last
            if a.found.sentence < i - 1:
                break
            # the organisation a spokesperson speaks for gives way to the person
            if a.found.sentence == i - 1 and (
                a.entity is None
                or (a.entity.kind == "organisation" and e.kind == "person" and a.found.extra.get("main"))
            ):
                a.entity = e
        return e

    def _genitive_speech(self, sent: Sentence) -> None:
        """X의 발언, 영상으로 보시죠 / …의 임도훈 간사가 한 말이다: X spoke the quote standing above."""
        if not self._forward:
            return
        ws = self.words_of(sent)
        if _SAID_WORDS.search(self.body, sent.start, sent.end):
            for k in reversed(clues_of(ws).subjects):  # the last subject before 한 말이다
                m = subject_mention(ws, k)
                if m is not None and m.particle in ("이", "가") and m.form != "pronoun":
                    e = self.registry.resolve(m, ws[k].start)
                    if e is not None:
                        self._give_forward(e)
                    return
        for k, w in enumerate(ws[1:], 1):
            c = core(w.text)
            if _SPEECH_NOUN_TAIL.sub("", c) not in lx.SPEECH_NOUNS:
                continue
            prev = core(ws[k - 1].text)
            if not prev.endswith("의"):
                continue
            raw = ws[k - 1].text
            m = parse(phrase_before(ws, k - 1, raw.index(prev) + len(prev) - 1))
            if m is None or m.form not in ("name", "surname_title"):
                continue
            e = self.registry.resolve(m, w.start)
            if e is not None:
                self._give_forward(e)
            return

    def _give_forward(self, e: Entity) -> None:
        """The quotes standing above without a speaker are e's, who then speaks on."""
        for a in self._forward:
            a.entity, a.found.rule = e, "forward"
        self._forward.clear()
        self.registry.last_speaker = e

    def _soundbite(self, region: Region, i: int) -> None:
        """The quotes under a broadcast tag, spoken by whom the tag names."""
        e = None
        label = region.who
        if region.who:
            m = mention_of_text(region.who)
            if m is not None and region.name and region.who.startswith(region.name + " "):
                # [인터뷰:박민지/서울 마포구 주민]: the name, then what the tag says of her
                rest = region.who[len(region.name) :].strip()
                m = Mention(region.who, 0, 0, "name", region.name, rest or None, "person", title=m.title)
            if m is not None:
                e = self.registry.resolve(m, region.start)
        for a, b in region.quotes:
            f = Found("direct", a, b, None, "tag", sentence=i, region=(region.start, region.end))
            host = Attributed(f, e, None if e else label)
            self.out.append(host)
            self._nested_in(a, b, host, i)
        if e is not None:
            self.registry.last_speaker = e

    def _nested(self, found: list[Found], i: int) -> None:
        """A quote inside a quote, with its own verb, is spoken by the subject inside the outer quote."""
        for f in found:
            if f.kind != "direct":
                continue
            outer = next((s for s in self.marks.within(f.start - 1, f.start) if s.end == f.end), None)
            if outer is None:
                continue
            host = next((a for a in reversed(self.out) if a.found is f), None)
            self._nested_in(outer.start, outer.end, host, i)

    def _nested_in(self, lo: int, hi: int, host: Attributed | None, i: int) -> None:
        """Quotations inside the quoted words body[lo:hi] (an outer quote, a soundbite, an interview
        answer) that have their own speech verb: the subject inside speaks them, else the host does
        (its speaker quoting their own words)."""
        ws: list[Word] | None = None
        for inner in self.marks.within(lo, hi):
            if (
                inner.open < lo
                or inner.close >= hi
                or any(
                    o is not inner and o.open < inner.open and inner.close < o.close and o.open >= lo
                    for o in self.marks.within(lo, hi)
                )
            ):
                continue  # only the quotations directly inside the host's words
            cue = cue_after(self.body, inner.close + 1)
            if cue.type != "verb":
                continue
            ws = ws if ws is not None else words(self.body, lo, hi)
            k_after = next((k for k, w in enumerate(ws) if w.start >= cue.end), None)
            if k_after is None:
                continue
            verb = find_verb(ws, k_after)
            if verb is None or not verb.speech:
                continue
            subj = None
            for k, w in enumerate(ws):
                if w.end > inner.open:
                    break
                mm = subject_mention(ws, k)
                if mm is not None:
                    subj = mm
            if subj is None:
                # "선수들에게 '마지막이 될 수 있다'고 얘기를 한 일이": no one else speaks inside, so
                # the outer speaker quotes their own words
                if host is not None and (host.entity is not None or host.label):
                    nf = Found("direct", inner.start, inner.end, verb.text, "carry", sentence=i)
                    nf.region = (lo, hi)
                    self.out.append(Attributed(nf, host.entity, host.label))
                continue
            nf = Found(
                "direct", inner.start, inner.end, verb.text, "mention", subj, sentence=i, region=(lo, hi)
            )
            e = self.registry.resolve(subj, inner.start)
            self.out.append(Attributed(nf, e, None if e is not None else subj.description))

    def _inside_indirect(self) -> None:
        """Double-quoted words inside reported speech are that speaker's own words."""
        indirect = [a for a in self.out if a.found.kind == "indirect"]
        by_cue: dict[tuple[int, object], Attributed] = {}
        for b in indirect:  # the first indirect quote of each (sentence, cue)
            by_cue.setdefault((b.found.sentence, b.found.extra.get("cue_index")), b)
        for a in list(self.out):
            f = a.found
            if f.kind != "direct":
                continue
            vi = f.extra.get("verb_index")
            if vi is not None and not f.extra.get("verb_speech"):
                host = by_cue.get((f.sentence, vi))
                if host is not None:
                    a.entity, a.label = host.entity, host.label
        taken = {(x.found.start, x.found.end) for x in self.out}
        for b in indirect:
            for sp in self.marks.within(b.found.start, b.found.end):
                if sp.cls != "double" or sp.close >= b.found.end:
                    continue
                if (sp.start, sp.end) in taken:
                    continue
                if cue_after(self.body, sp.close + 1).type != "none":
                    continue
                nf = Found(
                    "direct",
                    sp.start,
                    sp.end,
                    None,
                    b.found.rule,
                    b.found.mention,
                    sentence=b.found.sentence,
                    region=b.found.region,
                )
                taken.add((sp.start, sp.end))
                self.out.append(Attributed(nf, b.entity, b.label))
