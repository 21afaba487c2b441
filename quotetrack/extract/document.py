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
    korean_name_like,
    mention_of_text,
    parse,
    phrase_before,
    subject_mention,
)
from quotetrack.extract.sentences import Sentence, Word, split_sentences, words

_TAG_BRACKETS = "[<(【"
_TAG_ARROW = "▶"
_TAG = re.compile(
    r"^\s*(?:["
    + re.escape(_TAG_BRACKETS)
    + r"]\s*(?:(?:"
    + "|".join(lx.SOUNDBITE_LABELS)
    + r")\s*[:：]\s*)?(?P<a>[^\]>)】\n]{2,60}?)\s*[\]>)】]"
    r"|" + _TAG_ARROW + r"\s*(?:" + "|".join(lx.SOUNDBITE_LABELS) + r")\s*[:：]\s*(?P<b>[^\n]{2,60}))\s*$"
)
_TAG_OPENERS = frozenset(_TAG_BRACKETS + _TAG_ARROW)
"""The characters a soundbite tag (_TAG) can start with, after white space: a sentence starting
with none of them is not tried against _TAG."""
_QUESTION = re.compile(r"[ \t]*(?:[-―—–▲■△◆◇]\s*|(?:Q|문|질문)\s*[.:：)]\s*)(?=\S)")
_ANSWER_LABEL = re.compile(r"[ \t]*(?:A|답|답변)\s*[.:：)]\s*")
_LINE = re.compile(r"[^\n]+")
QA_MIN_QUESTIONS = 2
"""An interview needs at least this many question lines; one dash-led line is just a list item."""
_TAG_SPLIT = re.compile(r"\s*[/,|·]\s*")
_THIS_WAY = re.compile(r"(?:이같이|이렇게|이와\s*같이|이처럼|이 같이)\s*\S*")
_LABELLED_TAG = re.compile(
    r"\s*[" + re.escape(_TAG_BRACKETS) + r"]\s*(?:" + "|".join(lx.SOUNDBITE_LABELS) + r")\s*[:：]"
)
_YEAR = re.compile(r"\d{4}")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LETTER = re.compile(r"[가-힣A-Za-z]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPEECH_NOUN_TAIL = re.compile(r"(?:을|를|이|가|은|는|에|과|와|이다|입니다|이었다|였다)$")


@dataclass
class Attributed:
    """A quote with its resolved speaker entity (or a fixed label)."""

    found: Found
    entity: Entity | None
    label: str | None


def _tag_mention(text: str) -> tuple[str | None, str | None] | None:
    """Name and role of a soundbite tag.

    [인터뷰:김민석, 국방부 대변인] gives (김민석, 국방부 대변인);
    [인터뷰:북 … 대변인] gives (None, 북 … 대변인).
    """
    m = _TAG.match(text)
    if not m:
        return None
    inner = (m.group("a") or m.group("b") or "").strip()
    if not inner or "=" in inner or "@" in inner or _YEAR.search(inner):
        return None
    labelled = m.group("b") is not None or bool(_LABELLED_TAG.match(text))
    parts = [p for p in _TAG_SPLIT.split(inner) if p]
    if len(parts) >= 2:
        return parts[0], " ".join(parts[1:])
    if labelled:
        return None, parts[0] if parts else None
    return None


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

    def _interview(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Question lines and answer lines of a Q&A interview (-질문 / 답 paragraphs), if the body is one."""
        lines = [(m.start(), m.end()) for m in _LINE.finditer(self.body) if m.group().strip()]
        questions = [
            ln
            for ln in lines
            if _QUESTION.match(self.body, ln[0]) and not _ANSWER_LABEL.match(self.body, ln[0])
        ]
        if len(questions) < QA_MIN_QUESTIONS:
            return [], []
        answers: list[tuple[int, int]] = []
        current = False
        for ln in lines:
            if ln in questions:
                current = True
            elif current:
                m = _ANSWER_LABEL.match(self.body, ln[0])
                answers.append((m.end() if m else ln[0], ln[1]))
        return questions, answers

    def read(self) -> list[Attributed]:
        tag: tuple[str | None, str | None] | None = None
        tag_para_end = -1
        questions, answers = self._interview()
        qa = questions + answers
        first_question = min((q[0] for q in questions), default=len(self.body))
        body = self.body
        for i, sent in enumerate(self.sentences):
            if qa and any(a <= sent.start < b or sent.start <= a < sent.end for a, b in qa):
                continue
            first = body[sent.start]  # a soundbite tag opens with a bracket or ▶ (after any white space)
            t = (
                _tag_mention(body[sent.start : sent.end])
                if first in _TAG_OPENERS or first.isspace()
                else None
            )
            if t is not None:
                tag, tag_para_end = t, self._paragraph_end(self._next_text(sent.end))
                continue
            if tag is not None and sent.start > tag_para_end:
                tag = None
            self._register_mentions(sent)
            spans = top_spans(self.marks, sent)
            if tag is not None:
                self._soundbite(sent, i, spans, tag)
                continue
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
            self._nested(found, i)
            self._genitive_speech(sent)
        for a in self._forward:  # nothing followed: unattributed
            a.found.rule = "carry"
        if answers:
            self._answers(answers, first_question)
        self._inside_indirect()
        return sorted(self.out, key=lambda a: a.found.start)

    def _next_text(self, pos: int) -> int:
        while pos < len(self.body) and self.body[pos].isspace():
            pos += 1
        return pos

    def _answers(self, answers: list[tuple[int, int]], first_question: int) -> None:
        """Each answer of an interview is a direct quote of the person interviewed."""
        people = [e for e in self.registry.entities if e.kind == "person" and e.first_pos < first_question]
        interviewee = min(people, key=lambda e: e.first_pos) if people else self.registry.last_speaker
        for a, b in answers:
            text = self.body[a:b].strip().strip('"“”″')
            if len(text) < 2:
                continue
            start = a + self.body[a:b].index(text)
            f = Found("direct", start, start + len(text), None, "tag", sentence=-1, region=(start, start))
            self.out.append(Attributed(f, interviewee, None))

    def _paragraph_end(self, pos: int) -> int:
        m = _BLANK_LINE.search(self.body, pos)
        return m.start() if m else len(self.body)

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
            if m is None:
                if end is None:
                    continue
                stem_end, stem_is_title = end
                if not stem_is_title and not clues.title_before(k):
                    continue
                m = parse(phrase_before(ws, k, stem_end))
            if m is None or m.form not in ("name", "org") or m.weak:
                continue
            if not m.role and not m.title and len((m.name or "").split()) < 2 and not _full_korean_name(m):
                continue  # a bare word (경기가, 러시아는) is a speaker only when it speaks
            if self.marks.inside(w.start) and not m.role:
                continue
            self.registry.resolve(m, w.start)

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
        """X의 발언, 영상으로 보시죠: X spoke the quote standing above."""
        if not self._forward:
            return
        ws = self.words_of(sent)
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
                for a in self._forward:
                    a.entity, a.found.rule = e, "forward"
                self._forward.clear()
                self.registry.last_speaker = e
            return

    def _soundbite(
        self, sent: Sentence, i: int, spans: list[Span], tag: tuple[str | None, str | None]
    ) -> None:
        name, role = tag
        text = f"{name} {role}" if name and role else (name or role or "")
        m = mention_of_text(text)
        e = None
        if m is not None and name:
            m = Mention(text, 0, 0, "name", name, role, "person")
            e = self.registry.resolve(m, sent.start)
        elif m is not None:
            e = self.registry.resolve(m, sent.start)
        if spans:
            for sp in spans:
                f = Found("direct", sp.start, sp.end, None, "tag", sentence=i, region=(sent.start, sent.end))
                self.out.append(Attributed(f, e, None if e else role))
        else:
            f = Found("direct", sent.start, sent.end, None, "tag", sentence=i, region=(sent.start, sent.end))
            self.out.append(Attributed(f, e, None if e else role))
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
            for inner in self.marks.within(outer.open + 1, outer.close):
                if not outer.contains(inner):
                    continue
                cue = cue_after(self.body, inner.close + 1)
                if cue.type != "verb":
                    continue
                ws = words(self.body, outer.start, outer.end)
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
                    continue
                nf = Found(
                    "direct",
                    inner.start,
                    inner.end,
                    verb.text,
                    "mention",
                    subj,
                    sentence=i,
                    region=(outer.start, outer.end),
                )
                e = self.registry.resolve(subj, inner.start)
                self.out.append(Attributed(nf, e, None))

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
