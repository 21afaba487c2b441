"""Find the quotes of one sentence and the phrase that says who spoke them.

A sentence is read as a sequence of speech clauses.  Quotes joined by a
connective quotative ("A"며 "B"고 말했다) share one clause and one speaker; a
clause ends at a verb of its own ("A"고 답하자 이 대통령은 "B"고 물었다).  The
speaker of a clause is, in order of preference:

1. a subject placed after the quote, before the verb ("…"라고 김 대표는 말했다);
2. the clause's topic (X는) or, without one, its first subject (X가), skipping a
   news medium when a person follows it (교도통신은 기시다 외무상이 "…"고 말했다);
   a topic inside the quoted words (…"며 러시아는 "…"고) is never a speaker
   because the first topic of the clause already is;
3. the sentence's main subject when the clause has none of its own;
4. nothing: the speaker is carried over from the previous sentence (이어 "…"),
   or, for a quote standing alone, given by what follows it.

Reported clauses without marks (…하지 않을 것이라고 밝혔다) get the same
speaker rules; their text runs from the clause start (after the speaker, a
previous quotative or a -며 clause of the speaker's own) to the quotative.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from quotetrack.extract import lexicon as lx
from quotetrack.extract.clues import clues_of
from quotetrack.extract.cues import Cue, Verb, cue_after, find_verb, hearsay_follows, indirect_cue
from quotetrack.extract.marks import Marks, Span
from quotetrack.extract.morph import lemma_of, morphs
from quotetrack.extract.nounphrase import Mention, core, is_nominal, parse, subject_mention
from quotetrack.extract.sentences import Sentence, Word, words
from quotetrack.types import QuoteKind

Rule = Literal["mention", "carry", "forward", "asker", "indirect-speaker", "tag"]

_DATE_OR_ADVERB = re.compile(
    r"^(?:\d{1,4}(?:년|월|일)(?:\(현지시간\))?|\d{1,2}(?:시|분)(?:께|쯤|경)?|현지시간|\(현지시간\)|이날|전날|지난|오는|"
    r"오전|오후|새벽|밤|저녁|최근|앞서|당시|현재|기준|기준으로|"
    r"이어|또|또한|그러면서|아울러|특히|다만|이에|한편|이와|함께|재차|거듭|다시)[,]?$"
)
_DOTS_ONLY = re.compile(r"[.…·\s]+")
_CLAUSE_END = re.compile(r"(?:다|냐|까|요|라|자|죠|나|지)[.!?]?$")
_OBJECT_OR_PREDICATE = re.compile(r"(?:을|를|이다|입니다|이었다|였다)[.]?$")
_GENITIVE_OR_AND = re.compile(r"(?:의|과|와)$")
_LONE_QUOTATIVES = frozenset({"고", "라고", "이라고", "라며", "이라며", "며", "라면서", "이라면서", "면서"})
_CLAUSE_BOUNDARY_EC = frozenset({"며", "면서", "으며", "으면서", "자", "자마자"})


@dataclass
class Found:
    """A quote found in a sentence, with the evidence for its speaker."""

    kind: QuoteKind
    start: int
    end: int
    verb: str | None
    rule: Rule
    mention: Mention | None = None
    fixed_speaker: str | None = None
    sentence: int = 0
    region: tuple[int, int] = (0, 0)
    """Clause text (outside quotes) searched for the day the words were said."""
    extra: dict[str, str] = field(default_factory=dict)


def top_spans(marks: Marks, sent: Sentence) -> list[Span]:
    """Spans inside the sentence that are not nested in another span."""
    out: list[Span] = []
    for s in marks.within(sent.start, sent.end):  # sorted by open, outer spans first
        if s.close < sent.end and (not out or s.open > out[-1].close):
            out.append(s)
    return out


def in_range(
    subjects: list[tuple[int, Mention]], ws: list[Word], lo: int, hi: int
) -> list[tuple[int, Mention]]:
    """The sentence's subject phrases whose word lies in [lo, hi)."""
    return [(k, m) for k, m in subjects if ws[k].start >= lo and ws[k].end <= hi]


def subjects_of(ws: list[Word], lo: int, hi: int, marks: Marks) -> list[tuple[int, Mention]]:
    """Subject phrases (X는, X가) of the words in [lo, hi), outside quotations."""
    return _subjects(ws, lo, hi, marks)


def _subjects(ws: list[Word], lo: int, hi: int, marks: Marks) -> list[tuple[int, Mention]]:
    out = []
    for k in clues_of(ws).subjects:  # the words carrying a subject marker
        w = ws[k]
        if w.start < lo or w.end > hi:
            continue
        if marks.inside(w.start) or marks.inside(w.end - 1):
            continue
        m = subject_mention(ws, k)
        if m is not None:
            out.append((k, m))
    return out


REPORT_VERBS = frozenset({"보도하", "전하", "인용하", "분석하", "전망하", "보고하", "발표하", "공개하"})
"""A medium's own verbs: with them a medium in topic position is the speaker (마이데일리는 … 보도했다);
with any other verb a person named after the medium is (교도통신은 기시다 외무상이 … 말했다)."""
_CONTRAST_EC = frozenset({"으나", "나", "지만", "는데", "은데", "ㄴ데", "던데", "고"})


def pick_speaker(
    cands: list[tuple[int, Mention]], verb_lemma: str | None = None
) -> tuple[int, Mention] | None:
    """The clause's speaker among its subject phrases (see module docstring)."""
    if not cands:
        return None
    topics = [c for c in cands if c[1].particle in ("은", "는", "께서", "께서는", "도")]
    pool = topics or cands
    first = pool[0]
    if first[1].media and verb_lemma not in REPORT_VERBS:
        later = [c for c in cands if c[0] > first[0] and not c[1].media]
        if later:
            return later[0]
    return first


def _floor(ws: list[Word], lo: int, hi: int, subjects: list[tuple[int, Mention]]) -> int:
    """Start of the last coordinated clause before `hi` that has a subject of its own.

    …공개하진 않았으나 일본 정부 소식통은 … 밝혔다: the speaker is the subject
    after the contrastive connective, not the sentence's first topic.
    """
    best = lo
    seen_subject = False
    subject_words = {j for j, _ in subjects}
    for k, w in enumerate(ws):
        if w.start < lo or w.end > hi:
            continue
        if k in subject_words:
            seen_subject = True
            continue
        if not seen_subject:
            continue
        ms = morphs(core(w.text))
        if (
            len(ms) >= 2
            and ms[-1].tag == "EC"
            and ms[-1].form in _CONTRAST_EC
            and (ms[-1].form != "고" or ms[-2].tag == "EP")
            and any(m.tag.startswith(("VV", "VA", "VX", "XSV")) for m in ms)
        ) and any(w.end <= ws[j].start < hi and m.particle in ("은", "는") for j, m in subjects):
            best = w.end
    return best


def analyze(
    body: str,
    marks: Marks,
    sent: Sentence,
    index: int,
    ws: list[Word] | None = None,
    subjects: list[tuple[int, Mention]] | None = None,
    top: list[Span] | None = None,
) -> list[Found]:
    """All quotes of one sentence, in order, with their speaker evidence.

    `ws`, `subjects` and `top` (the sentence's words, subject phrases and top_spans) are
    computed here unless the caller already has them.
    """
    ws = words(body, sent.start, sent.end) if ws is None else ws
    subjects = _subjects(ws, sent.start, sent.end, marks) if subjects is None else subjects
    spans = (top_spans(marks, sent) if top is None else list(top)) + _orphans(body, marks, ws, sent, subjects)
    spans.sort(key=lambda s: s.open)
    main = pick_speaker(subjects)
    found: list[Found] = []
    region_start = sent.start
    pending: list[Span] = []
    embedded: set[int] = set()
    """Subject words of an embedded clause (…가 "…"고 말한 것과 관련해): never a later quote's speaker."""

    def word_at(pos: int) -> int:
        return next((k for k, w in enumerate(ws) if w.end > pos), len(ws))

    for sp in spans:
        cue = cue_after(body, sp.close + 1)
        content = body[sp.start : sp.end].strip()
        if not content or _DOTS_ONLY.fullmatch(content):
            continue
        if cue.type == "none":
            said = _whose_words(body, ws, sp, sent, index)
            if said is not None:
                found.append(said)
            continue
        if cue.type == "adnominal":
            f = _adnominal(body, ws, sp, cue, marks, region_start, index)
            if f is not None:
                found.append(f)
            continue
        if cue.type in ("connective", "copula"):
            if cue.type == "copula" and not _quote_follows(cue.end, spans):
                continue
            pending.append(sp)
            continue
        pending.append(sp)  # a verb-type cue closes the clause
        verb = find_verb(ws, word_at(cue.end))
        if verb is not None and verb.naming:
            pending.clear()
            continue
        speaker, main_pick = _clause_speaker(
            ws, marks, region_start, pending[0].open, verb, main, _outside(subjects, embedded)
        )
        relay = _relay(ws, verb)
        for q in pending:
            f = Found(
                "direct",
                q.start,
                q.end,
                verb.text if verb else None,
                "mention" if speaker else "carry",
                speaker,
                sentence=index,
                region=(region_start, sent.end),
            )
            if main_pick:
                f.extra["main"] = "1"
            if relay:
                f.extra["relay"] = relay
            if verb is not None and verb.form == "quotative":
                f.extra["verb_index"] = str(verb.index)
                f.extra["verb_speech"] = "1" if verb.speech else ""
            found.append(f)
        pending.clear()
        if verb is not None and verb.form == "adnominal":
            # …"고 말한 것과 관련해: the subjects so far speak inside that clause, not the sentence's
            before = ws[verb.index].start
            embedded.update(k for k, m in subjects if ws[k].end <= before and m.particle in ("이", "가"))
        if (verb is not None and verb.form in ("connective", "final")) or (
            verb is not None and verb.form == "quotative" and verb.speech
        ):
            region_start = ws[verb.index].end
    if pending:  # connectives with no closing verb: the sentence's subject speaks
        speaker, main_pick = _clause_speaker(
            ws, marks, region_start, pending[0].open, None, main, _outside(subjects, embedded)
        )
        for q in pending:
            f = Found(
                "direct",
                q.start,
                q.end,
                None,
                "mention" if speaker else "carry",
                speaker,
                sentence=index,
                region=(region_start, sent.end),
            )
            if main_pick:
                f.extra["main"] = "1"
            found.append(f)
    found.extend(_indirect(body, ws, marks, sent, index, main, spans, subjects))
    found.sort(key=lambda f: f.start)
    return found


def _orphans(
    body: str, marks: Marks, ws: list[Word], sent: Sentence, subjects: list[tuple[int, Mention]]
) -> list[Span]:
    """A closing mark with no opening one ("…분야”라고 덧붙였다): the quote starts after the speaker."""
    out: list[Span] = []
    for c in marks.orphans_between(sent.start, sent.end):
        if cue_after(body, c + 1).type not in ("verb", "connective"):
            continue
        before = [k for k, w in enumerate(ws) if w.end <= c]
        subj = in_range(subjects, ws, sent.start, c)
        start = ws[subj[0][0]].end if subj else sent.start
        start = _skip_adverbials(body, ws, start, c)
        if before and c - start >= 2:
            out.append(Span(start - 1, c, "double"))
    return out


_WHOSE = re.compile(
    r"\s*(?P<np>[^\s\"“”'‘’][^.!?\"“”]{0,60}?)의\s*(?P<noun>[가-힣]{1,3}?)"
    r"(?:이다|다|입니다|이었다|였다|이었습니다)[.!]?\s*$"
)


_WHOSE_CLAUSE = re.compile(
    r"\s*(?P<np>[^\s\"“”'‘’][^.!?\"“”]{0,40}?)(?:이|가)\s(?:[^.!?\"“”]{0,30}\s)?"
    r"(?:밝힌|말한|전한|남긴|털어놓은|강조한|내놓은|한)\s(?P<noun>[가-힣]{1,3}?)"
    r"(?:이다|다|입니다|이었다|였다|이었습니다)[.!]?\s*$"
)
"""…" 김 감독이 경기 후 밝힌 소감이다: the speaker as the subject of a relative clause naming the words."""


def _whose_words(body: str, ws: list[Word], sp: Span, sent: Sentence, index: int) -> Found | None:
    """ "…" 안덕근 산업부 장관의 말이다, "…" 김 감독이 경기 후 밝힌 소감이다: a quote followed by whose
    words they are."""
    if not body[sp.close + 1 : sp.close + 2].isspace():
        return None  # ‘…’의 임도훈 간사가 한 말이다: a name in marks, glued to its particle, is no quote
    m = _WHOSE.match(body, sp.close + 1, sent.end) or _WHOSE_CLAUSE.match(body, sp.close + 1, sent.end)
    if m is None or (m.group("noun") not in lx.SPEECH_NOUNS and m.group("noun") not in lx.ATTITUDE_NOUNS):
        return None
    lo, hi = m.start("np"), m.end("np")
    parts = [(w.text, w.start, w.end) for w in ws if w.start >= lo and w.end <= hi + 1]
    if parts:
        last_text, a, _ = parts[-1]
        parts[-1] = (last_text[: hi - a], a, hi)
    mention = parse([(core(t), a, b) for t, a, b in parts if core(t)])
    if mention is None:
        return None
    return Found(
        "direct",
        sp.start,
        sp.end,
        m.group("noun"),
        "mention",
        mention,
        sentence=index,
        region=(sent.start, sent.end),
    )


def _quote_follows(pos: int, spans: list[Span]) -> bool:
    return any(0 <= s.open - pos <= 2 for s in spans)


def _clause_speaker(
    ws: list[Word],
    marks: Marks,
    lo: int,
    hi: int,
    verb: Verb | None,
    main: tuple[int, Mention] | None,
    subjects: list[tuple[int, Mention]],
) -> tuple[Mention | None, bool]:
    """The speaker phrase of a clause; the flag says it is the clause's own topic or subject."""
    if verb is not None and verb.postposed is not None and verb.form != "quotative":
        m = subject_mention(ws, verb.postposed)
        if m is not None:
            return m, False
    lemma = verb.lemma if verb is not None else None
    floor = _floor(ws, lo, hi, subjects)
    if (
        verb is not None
        and verb.form == "connective"
        and verb.speech
        and verb.text.rstrip(",").endswith("자")
    ):
        # 서 총리는 … 김 의원이 "…"고 묻자 "…"며 답했다: a -자 clause has its own subject (이/가); the
        # topic (은/는) is the main clause's
        own = [s for s in in_range(subjects, ws, floor, hi) if s[1].particle in ("이", "가")]
        if own:
            return own[-1][1], True
    picked = pick_speaker(in_range(subjects, ws, floor, hi), lemma)
    if picked is not None:
        return picked[1], True
    if main is not None and ws[main[0]].end <= hi:
        return main[1], True
    return None, False


_PARTICLE_TAIL = re.compile(
    r"(?:이다|이었다|입니다|이었습니다|이라고|에|에는|에서|을|를|이|가|은|는|과|와|의|에도|으로|로|에대해|대해)$"
)
_NOMINALISERS = frozenset({"게", "것이", "것은", "건", "것"})
"""…"라는 게 X의 설명이다: the nominaliser between a quote and the phrase naming its speaker."""


def _adnominal(
    body: str, ws: list[Word], sp: Span, cue: Cue, marks: Marks, region_start: int, index: int
) -> Found | None:
    """…"는 질문에, …'이라는 8일 X 대변인 발표: a quote modifying a speech noun."""
    after = [k for k, w in enumerate(ws) if w.start >= cue.end]
    noun_k: int | None = None
    for k in after[:10]:
        c = core(ws[k].text)
        stem = _PARTICLE_TAIL.sub("", c)
        if stem in lx.SPEECH_NOUNS or any(stem.endswith(n) for n in lx.SPEECH_NOUNS if len(n) > 1):
            noun_k = k
            break
        if k == after[0] and _stance_object(ws, k, stem):
            noun_k = k  # …"이란 점을 강조했다, …"라는 뜻을 밝혔다: the quote states what is stressed
            break
        if c != stem and not c.endswith(("의", "과", "와")) and k != after[0]:
            break
    content = body[sp.start : sp.end].rstrip(" .")
    clause_like = bool(_CLAUSE_END.search(content))
    if noun_k is None and not clause_like:
        return None
    if (
        not clause_like
        and sp.cls == "single"
        and noun_k is not None
        and noun_k == after[0]
        and _PARTICLE_TAIL.sub("", core(ws[noun_k].text)) in _TERM_NOUNS
    ):
        return None  # ‘산본동 연쇄살인사건’이라는 말이: a term in single marks, not someone's words
    mention: Mention | None = None
    fixed: str | None = None
    if noun_k is not None and after and noun_k > after[0]:
        mention = _between(ws, after[0], noun_k)
    if mention is None:
        # the phrase right before the quote: 이 사장이 "…"는 답에, 백악관은 "…"는 성명을
        before = [k for k, w in enumerate(ws) if w.end <= sp.open and w.start >= region_start]
        if before and ws[before[-1]].end >= sp.open - 1:
            m = subject_mention(ws, before[-1])
            mention = m if m is not None and m.particle in ("이", "가") else None
    if (
        mention is None
        and noun_k is not None
        and _PARTICLE_TAIL.sub("", core(ws[noun_k].text)) in lx.QUESTION_NOUNS
    ):
        fixed = "기자"  # an unnamed questioner at a briefing or press conference
    if (
        mention is None
        and fixed is None
        and noun_k is not None
        and _OBJECT_OR_PREDICATE.search(core(ws[noun_k].text))
    ):
        # X는 "…"는 글을 올렸다 / X는 "…"는 입장이다: the speech act is the clause's object or
        # predicate, so the clause's subject is its author
        picked = pick_speaker(_subjects(ws, region_start, sp.open, marks))
        mention = picked[1] if picked is not None else None
    verb = core(ws[noun_k].text) if noun_k is not None else None
    if mention is None and fixed is None:
        return Found(
            "direct", sp.start, sp.end, verb, "carry", sentence=index, region=(region_start, sp.open)
        )
    f = Found(
        "direct",
        sp.start,
        sp.end,
        verb,
        "mention" if mention else "asker",
        mention,
        fixed,
        sentence=index,
        region=(region_start, ws[-1].end if ws else sp.close),
    )
    f.extra["embedded"] = "1"  # someone quoted inside another's sentence: not the current speaker
    return f


_TERM_NOUNS = frozenset({"말", "표현", "이름", "용어", "별명", "말이", "얘기"})
"""…'라는 말: the noun a quoted term can fill (the phrase, the name) as well as someone's words."""

STANCE_OBJECTS = lx.ATTITUDE_NOUNS | {"점", "사실"}
"""Nouns a quote can fill (…"라는 점을, …"는 뜻을) when a verb of speech or attitude follows."""


def _stance_object(ws: list[Word], k: int, stem: str) -> bool:
    """Is words[k] an attitude noun object (점을, 뜻을) of a verb of speech or attitude (강조하고, 밝혔다)?"""
    if stem not in STANCE_OBJECTS or not core(ws[k].text).endswith(("을", "를")) or k + 1 >= len(ws):
        return False
    lemma = lemma_of(morphs(core(ws[k + 1].text)))
    return lemma is not None and (lemma in lx.SPEECH_VERBS or lemma in lx.ATTITUDE_VERBS)


def _between(ws: list[Word], lo: int, hi: int) -> Mention | None:
    """The speaker phrase between a quote and its speech noun (…"는 8일 X 장관의 발언)."""
    parts: list[tuple[str, int, int]] = []
    for k in range(lo, hi):
        c = core(ws[k].text)
        if _DATE_OR_ADVERB.match(c) or c in _NOMINALISERS:
            parts = []
            continue
        stem = _GENITIVE_OR_AND.sub("", c)
        parts.append((stem, ws[k].start, ws[k].start + len(stem)))
        if c.endswith(("의", "과", "와")):
            break  # the first of two conjoined speakers (X 대변인과 Y 대변인 발표)
    return parse(parts) if parts else None


def _indirect(
    body: str,
    ws: list[Word],
    marks: Marks,
    sent: Sentence,
    index: int,
    main: tuple[int, Mention] | None,
    spans: list[Span],
    subjects: list[tuple[int, Mention]],
) -> list[Found]:
    out: list[Found] = []
    region_start = sent.start
    prev_cue_end = sent.start
    same_speaker = False  # the clause goes on from a quote of the same speaker ("…"라며 …라고 말했다)
    closing_in = _closing_marks(ws, spans)
    # only words holding a closing mark or ending reported speech can start anything below
    visit = sorted({*closing_in, *clues_of(ws).quotatives}) if closing_in else clues_of(ws).quotatives
    for k in visit:
        w = ws[k]
        closing = closing_in.get(k)
        if closing is not None and (quote_cue := cue_after(body, closing.close + 1)).type != "none":
            # "…"고 믿는다고 X가 밝혔다: the quote sits inside the report, which goes on
            nxt = find_verb(ws, k + 1)
            if not (nxt is not None and nxt.form == "quotative" and not nxt.speech):
                prev_cue_end = w.end
                same_speaker = quote_cue.type == "connective"
            continue
        cue = indirect_cue(ws, k)  # None for most words: asked before the quotation lookup
        if cue is None or marks.inside(w.end - 1) or hearsay_follows(ws, k):
            continue
        if core(w.text) in _LONE_QUOTATIVES:
            prev_cue_end = w.end  # "…" 라며: the particle of the quotation before, spaced off
            continue
        verb: Verb | None = None
        if not cue.connective:
            verb = find_verb(ws, k + 1)
            if verb is None or not verb.speech:
                continue
        lo = max(region_start, prev_cue_end)
        media_after = (
            verb is not None and verb.postposed is not None and _is_media_subject(ws, verb.postposed)
        )
        if verb is not None and (
            (_lemma_speech(core(w.text)) and (verb.lemma in REPORT_VERBS or media_after))
            or (media_after and any(lo <= s.open < w.start for s in spans))
        ):
            # …"이라고 주장했다고 교도통신이 전했다: a medium relaying speech reported inside
            if media_after and verb.postposed is not None:
                medium = subject_mention(ws, verb.postposed)
                for f in out:
                    if f.extra.get("verb_word") == str(k) and medium is not None:
                        f.extra["relay"] = medium.description
            prev_cue_end = w.end
            continue
        speaker: Mention | None = None
        content_start = lo
        main_pick = False
        if verb is not None and verb.postposed is not None:
            speaker = subject_mention(ws, verb.postposed)
        floor = _floor(ws, lo, w.start, subjects)
        # after "…"라며 the speaker goes on; subjects there belong to what is reported
        cands = [] if same_speaker and lo == prev_cue_end else in_range(subjects, ws, floor, w.start)
        # 전국망이 갖춰지는 …, 녹조 현상이 …: a thing named as subject belongs to what is reported
        cands = [c for c in cands if not c[1].weak]
        if speaker is None:
            if verb is not None and verb.form == "adnominal":
                head = _head_after(ws, verb.index)
                if head is not None:  # …비웠다고 주장하는 민경욱 대변인
                    speaker = head
                    if cands:
                        content_start = ws[cands[0][0]].end
                elif cands:  # 북한이 …시험했다고 발표한 데 대해
                    speaker = cands[-1][1]
                    content_start = ws[cands[-1][0]].end
            else:
                picked = pick_speaker(cands, verb.lemma if verb else None)
                if (
                    picked is not None
                    and cands[0][1].particle in ("이", "가")
                    and cands[0][0] < picked[0]
                    and not cands[0][1].media
                    and not any(_predicate(ws[j].text) for j in range(cands[0][0] + 1, picked[0]))
                ):
                    # X가 자국은 …라고 밝혔다: a topic right after the subject belongs to what was said
                    # (but in X가 …을 강조한 것은 … Y는 …고 말했다, X speaks in a clause of its own)
                    picked = cands[0]
                if picked is not None:
                    speaker, main_pick = picked[1], True
                    content_start = ws[picked[0]].end
                elif main is not None and ws[main[0]].end <= w.start:
                    speaker, main_pick = main[1], True
        content_start = _after_boundaries(ws, content_start, w.start, marks)
        content_start = _skip_adverbials(body, ws, content_start, cue.content_end)
        if cue.content_end - content_start < 2 or (content_start >= w.start and _lemma_speech(core(w.text))):
            # "…하자"고 제안했었다고 말했다: the clause reported is the quotation and its verb, no more
            prev_cue_end = w.end
            continue
        f = Found(
            "indirect",
            content_start,
            cue.content_end,
            core(ws[verb.index].text) if verb is not None else core(w.text),
            "mention" if speaker is not None else "carry",
            speaker,
            sentence=index,
            region=(lo, sent.end),
        )
        f.extra["cue_index"] = str(k)
        if verb is not None:
            f.extra["verb_word"] = str(verb.index)
            relay = _relay(ws, verb)
            if relay:
                f.extra["relay"] = relay
        if main_pick:
            f.extra["main"] = "1"
        out.append(f)
        prev_cue_end = w.end
        same_speaker = cue.connective
        if verb is not None and verb.form in ("connective", "final"):
            region_start = ws[verb.index].end
    return out


def _closing_marks(ws: list[Word], spans: list[Span]) -> dict[int, Span]:
    """Index of each word holding a span's closing mark → the first such span (in `spans` order)."""
    starts = [w.start for w in ws]
    out: dict[int, Span] = {}
    for s in spans:
        k = bisect_right(starts, s.close) - 1
        if k >= 0 and s.close < ws[k].end:
            out.setdefault(k, s)
    return out


def _predicate(word: str) -> bool:
    """Does the word hold a verb or adjective (강조한, 이례적인): a clause of its own?"""
    return any(m.tag.startswith(("VV", "VA", "VX", "VCP", "XSV", "XSA")) for m in morphs(core(word)))


def _outside(subjects: list[tuple[int, Mention]], embedded: set[int]) -> list[tuple[int, Mention]]:
    return [c for c in subjects if c[0] not in embedded] if embedded else subjects


def _relay(ws: list[Word], verb: Verb | None) -> str | None:
    """The medium that reports the speech: …라고 말했다고 교도통신이 전했다 → 교도통신."""
    if verb is None or verb.form != "quotative" or not verb.speech:
        return None
    report = find_verb(ws, verb.index + 1)
    if report is None or report.lemma not in REPORT_VERBS or report.postposed is None:
        return None
    m = subject_mention(ws, report.postposed)
    return m.description if m is not None and m.media else None


def _is_media_subject(ws: list[Word], k: int) -> bool:
    m = subject_mention(ws, k)
    return m is not None and m.media


def _lemma_speech(w: str) -> bool:
    ms = morphs(w)
    for i, m in enumerate(ms):
        if m.tag.startswith("VV") and m.form in lx.SPEECH_VERBS:
            return True
        if m.tag == "XSV" and i > 0 and ms[i - 1].form + m.form in lx.SPEECH_VERBS:
            return True
    return False


def _head_after(ws: list[Word], k: int) -> Mention | None:
    """…다고 주장하는 민경욱 대변인을: the phrase the relative clause describes."""
    parts: list[tuple[str, int, int]] = []
    for j in range(k + 1, min(len(ws), k + 7)):
        c = core(ws[j].text)
        ms = morphs(c)
        particle_at = next((m.start for m in ms if m.tag.startswith("J")), None)
        stem = c[:particle_at] if particle_at is not None else c
        if not stem or not is_nominal(stem):
            break
        parts.append((stem, ws[j].start, ws[j].start + len(stem)))
        if particle_at is not None:
            break
    m = parse(parts) if parts else None
    if m is None or m.weak or (m.form == "title" and not m.role):
        return None
    return m


def _after_boundaries(ws: list[Word], start: int, end: int, marks: Marks) -> int:
    """Move past the speaker's own clauses (…진행하며, …발표한 데 대해) before the reported one."""
    best = start
    subject_seen = False
    for k, w in enumerate(ws):
        if w.start < start or w.end > end:
            continue
        if marks.inside(w.start):
            continue
        c = core(w.text)
        if subject_mention(ws, k) is not None and subject_mention(ws, k).particle in ("이", "가"):  # type: ignore[union-attr]
            subject_seen = True
        ms = morphs(c)
        if not ms:
            continue
        last = ms[-1]
        verb = lemma_of(ms)
        if (
            not subject_seen
            and last.tag == "EC"
            and (
                (last.form in _CLAUSE_BOUNDARY_EC and any(m.tag.startswith(("VV", "XSV")) for m in ms))
                or (verb in lx.SITUATION_VERBS and last.form in ("어", "아", "고", "여"))
            )
        ):
            best = w.end  # …행사를 진행하며 / 기자들과 만나 / 간담회를 열고: the speaker's own doing
        if c in ("대해", "대해서는", "대해선", "관련해", "관련해서는") and k > 0:
            prev = core(ws[k - 1].text)
            if prev in ("데", "것과", "것에", "점에", "데에") or prev.endswith(("한데", "는데")):
                best = w.end
    return best


def _skip_adverbials(body: str, ws: list[Word], start: int, end: int) -> int:
    for w in ws:
        if w.start < start:
            continue
        if w.start >= end:
            break
        if _DATE_OR_ADVERB.match(core(w.text) + ("," if w.text.endswith(",") else "")) or core(w.text) in (
            lx.DISCOURSE_ADVERBS
        ):
            start = w.end
            continue
        break
    while start < end and body[start] in " ,\n":
        start += 1
    return start
