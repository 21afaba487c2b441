"""Stance of a statement from its morphemes: does it affirm, deny, or take no position?

A statement *denies* when its main clause is negated — long negation (-지
않다, -지 못하다), short negation (안/못 + verb), the negative copula (아니다),
the existential (없다: 계획이 없다, 한 적 없다, 할 수 없다) — or calls something
untrue (사실무근, 허위, 오보, 사실과 다르다), refuses (불가능하다, 거부한다, 수용하기
어렵다), or when the reporting verb is a denial (부인했다, 일축했다).  Calling
something off (철회, 보류, 연기, 미루다) flips what it applies to: 파업을 철회한다
denies the strike, 철회는 없다 affirms it.  A report denied (…했다는 보도는 사실이
아니다) denies the reported content; a report of a negation denied affirms it.

It takes *no position* (neutral) when it is a question, a conditional (하지 않으면,
없다면, 하지 않는 한), an obligation (해야 한다, 할 수밖에 없다, 불가피하다), a
double negation (하지 않을 수 없다, 없지 않다, 않은 것은 아니다), or when its
coordinated main clauses disagree (…은 사실이며 …하지 않았다).  Anything else
*affirms*.

Scope: only the main clauses count — the last clause and those joined to it by
-고/-며/-면서 or a quotative (…않았다고).  A negation in a subordinate clause
(-지만, -어서, -는데) or inside a noun phrase (위반하지 않는 범위에서) is not the
statement's; one modifying a propositional noun (않을 것, 않는다는 원칙, 넘기지
않았다는 보도) is.  The word lists are in lexicon.py with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from quotetrack.analysis import lexicon as lx
from quotetrack.analysis.morphology import Word

Stance = Literal["affirm", "deny", "neutral"]
STANCES: tuple[Stance, ...] = ("affirm", "deny", "neutral")

Connective = Literal["coordinate", "conditional", "subordinate", "end"]

_COORDINATE = ("고", "며", "으며", "면서", "으면서", "거나", "든지", "고요")
_QUOTATIVE_END = ("다고", "라고", "냐고", "자고", "다며", "라며", "다면서", "라면서")
_CONDITIONAL_END = ("면", "거든")
_NOT_CONDITIONAL = frozenset({"따르", "보", "비하", "의하"})
"""Verbs whose -면 is not a condition: …에 따르면 (according to), 보면, 비하면."""
_QUESTION_ENDS = (
    "까",
    "냐",
    "느냐",
    "니",
    "나",
    "는가",
    "은가",
    "ㄴ가",
    "던가",
    "나요",
    "가요",
    "는지",
    "래",
)
_AUX_START = frozenset(
    {"않", "못하", "말", "있", "주", "보", "싶", "버리", "놓", "두", "계시", "가", "오", "내", "되"}
)
_INTERROGATIVES = frozenset(
    {"왜", "어떻게", "누가", "누구", "무엇", "무엇을", "뭐", "뭘", "언제", "어디", "어찌", "어떤가"}
)
_CHAIN_NOUNS = frozenset({"것", "수", "게", "건", "바", "적"})


@dataclass
class Cue:
    """A word or words that bear on the stance, and what they do."""

    kind: Literal[
        "negation",
        "denial",
        "refusal",
        "impossible",
        "retraction",
        "confirm",
        "obligation",
        "double",
        "report",
    ]
    first: int
    last: int
    """Word indices (inclusive) the cue spans."""

    @property
    def negative(self) -> bool:
        return self.kind in ("negation", "denial", "refusal", "impossible", "retraction")


@dataclass
class Clause:
    words: list[int] = field(default_factory=list)
    ends: Connective = "end"


@dataclass(frozen=True)
class StanceReading:
    """A statement's stance and the words that decided it."""

    stance: Stance
    cues: tuple[str, ...]
    """The words that decided it: the negation or denial, the confirmation, or what made it neutral."""


def read_stance(words: list[Word], verb: str | None = None) -> StanceReading:
    """The stance of a statement whose words are `words`, said with the reporting verb `verb`."""
    if not words:
        return StanceReading("neutral", ())
    texts = [w.text for w in words]
    if _question(words):
        return StanceReading("neutral", (texts[-1] + "?" if not words[-1].stop else texts[-1],))
    clauses = _clauses(words)
    conditional = next((c for c in clauses if c.ends == "conditional"), None)
    if conditional is not None:
        i = conditional.words[-1]
        return StanceReading("neutral", (texts[i],))
    main = _main(clauses)
    stances: list[tuple[Stance, list[Cue]]] = [_clause_stance(words, c) for c in main]
    neutral = [cues for s, cues in stances if s == "neutral"]
    if neutral:
        return StanceReading("neutral", _show(texts, neutral[0]))
    verb_denies = bool(verb) and any(verb.startswith(v) for v in lx.DENIAL_VERBS)  # type: ignore[union-attr]
    kinds = {s for s, _ in stances}
    if verb_denies:
        cues = [c for s, cs in stances if s == "deny" for c in cs]
        return StanceReading("deny", (*_show(texts, cues), verb or ""))
    if len(kinds) > 1:
        cues = [c for _, cs in stances for c in cs]
        return StanceReading("neutral", _show(texts, cues))
    stance = kinds.pop()
    cues = [c for _, cs in stances for c in cs]
    shown = _show(texts, cues)
    if stance == "affirm" and not [c for c in cues if c.kind == "confirm"]:
        last = main[-1].words
        shown = (" ".join(texts[i] for i in last[-2:]),)
    if verb and any(verb.startswith(v) for v in lx.CONFIRMATION_VERBS) and stance == "affirm":
        shown = (*shown, verb)
    return StanceReading(stance, shown)


def _show(texts: list[str], cues: list[Cue]) -> tuple[str, ...]:
    spans = sorted({(c.first, c.last) for c in cues})
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return tuple(" ".join(texts[a : b + 1]) for a, b in merged)


def _question(words: list[Word]) -> bool:
    last = words[-1]
    if "?" in last.stop or "？" in last.stop:
        return True
    form, tag = last.last()
    if tag in ("EF", "EC") and form.endswith(_QUESTION_ENDS) and not form.endswith("니까"):
        return True
    if tag == "EF" and form in ("니까", "습니까", "ㅂ니까"):
        return True
    # 왜 우리가 관세를 올려야 하나: an interrogative word and a question ending Kiwi did not tag as one
    return any(w.text in _INTERROGATIVES for w in words) and last.text.endswith(
        ("나", "냐", "까", "니", "가")
    )


def _connective(word: Word, next_word: Word | None) -> Connective | None:
    """How the clause ending at `word` joins the next, or None when it does not end there."""
    form, tag = word.last()
    if tag == "ETM" and next_word is not None and next_word.morphs[:1] in ((("한", "NNB"),), (("한", "MM"),)):
        return "conditional"  # 하지 않는 한
    if tag == "ETM" and next_word is not None and next_word.has("경우"):
        return "conditional"  # 없을 경우
    if tag not in ("EC", "EF") and not word.stop:
        return None
    if tag in ("EC", "EF") and form == "지" and next_word is not None:
        return None  # 하지 않다, 하지 못하다, 하지 말라
    if tag == "EC" and next_word is not None and next_word.morphs:
        first, first_tag = next_word.morphs[0]
        if first_tag == "VX" or (first in _AUX_START and first_tag.startswith("V")):
            return None  # 하고 있다, 해야 한다, 하게 되다
        if form.endswith(("어야", "아야", "야")) and first in ("하", "되"):
            return None
    if tag == "EC":
        if form.endswith(_QUOTATIVE_END) or form in _COORDINATE:
            return "coordinate"
        if form.endswith(_CONDITIONAL_END) and not form.endswith(("면서",)):
            stems = [f for f, t in word.morphs if t in ("VV", "VA", "NNG")]
            return "subordinate" if stems and stems[0] in _NOT_CONDITIONAL else "conditional"
        return "subordinate"
    if next_word is None:
        return None
    return "coordinate"  # a sentence ends (EF, or punctuation): the next sentence is main too


def _clauses(words: list[Word]) -> list[Clause]:
    clauses = [Clause()]
    for i, w in enumerate(words):
        clauses[-1].words.append(i)
        nxt = words[i + 1] if i + 1 < len(words) else None
        joined = _connective(w, nxt)
        if joined is not None and nxt is not None:
            clauses[-1].ends = joined
            clauses.append(Clause())
    return [c for c in clauses if c.words]


def _main(clauses: list[Clause]) -> list[Clause]:
    """The last clause and those coordinated with it (a subordinate one cuts the chain)."""
    main = [clauses[-1]]
    for c in reversed(clauses[:-1]):
        if c.ends != "coordinate":
            break
        main.insert(0, c)
    return main


def _clause_stance(words: list[Word], clause: Clause) -> tuple[Stance, list[Cue]]:
    cues = _cues(words, clause.words)
    special = [c for c in cues if c.kind in ("obligation", "double")]
    if special:
        return "neutral", special
    negative = [c for c in cues if c.negative]
    if len(negative) % 2 == 1:
        return "deny", negative
    if negative:  # a denied report of a negation, a retraction that did not happen: affirms
        return "affirm", negative
    return "affirm", [c for c in cues if c.kind == "confirm"]


def _cues(words: list[Word], idx: list[int]) -> list[Cue]:
    """The stance-bearing words of one clause, with out-of-scope negations dropped and chained
    negations (하지 않을 수 없다) turned into one double negation."""
    cues: list[Cue] = []
    first, last = idx[0], idx[-1]
    for i in idx:
        w = words[i]
        nxt = words[i + 1] if i < last else None
        prev = words[i - 1] if i > first else None
        cues.extend(_word_cues(w, i, prev, nxt, words, first))
    cues = _scoped(words, cues, last)
    return _chained(words, cues)


def _word_cues(
    w: Word, i: int, prev: Word | None, nxt: Word | None, words: list[Word], first: int
) -> list[Cue]:
    out: list[Cue] = []
    forms = [f for f, _ in w.morphs]
    tags = w.tags()
    # long negation: 하지 않다 / 하지 못하다 / 하지 말라, also written without the space
    if w.last()[0] == "지" and nxt is not None and nxt.morphs:
        head, head_tag = nxt.morphs[0]
        if head in ("않", "말") or head == "못하" or (head == "못" and head_tag == "MAG"):
            out.append(Cue("impossible" if head.startswith("못") else "negation", i, i + 1))
    for k in range(len(forms) - 1):
        if forms[k] == "지" and tags[k] == "EC" and forms[k + 1] in ("않", "못하"):
            out.append(Cue("negation", i, i))
    # short negation: 안 해, 못 한다, 안돼, 못했다
    after_ji = prev is not None and prev.last()[0] == "지"
    if w.morphs[:1] in ((("안", "MAG"),), (("못", "MAG"),)) and not after_ji:
        if len(w.morphs) > 1 and any(t.startswith(("V", "XS")) for t in tags[1:]):
            out.append(Cue("negation" if forms[0] == "안" else "impossible", i, i))
        elif len(w.morphs) == 1 and nxt is not None and any(t.startswith(("V", "XS")) for t in nxt.tags()):
            out.append(Cue("negation" if forms[0] == "안" else "impossible", i, i + 1))
    # the negative copula: 아니다, 아닌, 아냐
    if ("아니" in forms and "VCN" in tags) or w.text.startswith(("아냐", "아님")):
        kind = _copula_kind(prev)
        out.append(Cue(kind, i - 1 if kind == "denial" else i, i))
    # the existential: 없다
    if ("없", "VA") in w.morphs:
        out.extend(_existential(w, i, prev, words, first))
    lemmas = [f for f, t in w.morphs if t in ("NNG", "NNP", "XR", "VV", "VA")]
    if any(f in lx.DENIAL_NOUNS for f in lemmas) or any(f in lx.DENIAL_ADJECTIVES for f in lemmas):
        out.append(Cue("denial", i, i))
    if "다르" in forms and prev is not None and prev.text.startswith("사실"):
        out.append(Cue("denial", i - 1, i))
    if (("불", "XPN") in w.morphs and "가능" in forms) or "불가" in lemmas or "불가능" in lemmas:
        out.append(Cue("impossible", i, i))
    elif any(f in lx.IMPOSSIBLE_LEMMAS for f in lemmas):
        out.append(Cue("refusal", i, i))
    if "어렵" in forms and prev is not None and _refused(prev):
        out.append(Cue("refusal", i - 1, i))
    if any(f in lx.RETRACTION_LEMMAS for f in lemmas):
        out.append(Cue("retraction", i, i))
    if any(f in lx.OBLIGATION_LEMMAS for f in lemmas):
        out.append(Cue("obligation", i, i))
    if (
        w.last()[0].endswith(("어야", "아야"))
        and nxt is not None
        and nxt.text.startswith(("하", "되", "한", "할", "합", "된"))
    ):
        out.append(Cue("obligation", i, i + 1))
    confirms = any(f in lx.CONFIRMATION_LEMMAS for f in lemmas if f != "맞") or (
        ("맞" in forms and nxt is None and "VV" in tags) or ("맞", "VA") in w.morphs
    )
    if confirms and not out:
        out.append(Cue("confirm", i, i))
    if ("사실", "NNG") in w.morphs and "VCP" in tags:
        out.append(Cue("confirm", i, i))
    return out


def _copula_kind(prev: Word | None) -> Literal["negation", "denial"]:
    """사실이 아니다 denies a report; any other 아니다 negates."""
    return "denial" if prev is not None and prev.text.startswith("사실") else "negation"


def _refused(prev: Word) -> bool:
    """수용하기 어렵다, 연장은 어렵다: 어렵다 after a nominalised verb or a topic-marked action."""
    form, tag = prev.last()
    if tag == "ETN" or (form == "기" and tag.startswith("E")):
        return True
    return tag == "JX" and form in ("은", "는", "도") and any(t == "NNG" for _, t in prev.morphs)


def _existential(w: Word, i: int, prev: Word | None, words: list[Word], first: int) -> list[Cue]:
    """없다 by what precedes it: 수밖에 없다 (obligation), 할 수 없다 (impossible), 계획은 없다
    (refusal), 한 적 없다, 근거 없다 (denial), 의심의 여지가 없다 (certainty), else a negation."""
    if prev is None:
        return [Cue("negation", i, i)]
    pforms = [f for f, _ in prev.morphs]
    if prev.text.startswith("수밖에") or pforms[:2] == ["수", "밖에"]:
        return [Cue("obligation", i - 1, i)]
    head = next((f for f, t in prev.morphs if t in ("NNG", "NNB", "NNP")), "")
    if head == "수":
        return [Cue("impossible", i - 1, i)]
    if head in lx.REFUSAL_HEADS:
        return [Cue("refusal", i - 1, i)]
    if head == "근거":
        return [Cue("denial", i - 1, i)]
    if head in ("변함", "변화", "차질", "이상") or prev.text.startswith(("변함", "변화", "차질")):
        return []  # 입장에 변함이 없다: what it says still holds
    if head == "여지" and i - 2 >= first and words[i - 2].text.startswith("의심"):
        return [Cue("confirm", i - 2, i)]
    if head == "여지":
        return [Cue("refusal", i - 1, i)]
    return [Cue("negation", i - 1 if head in ("적", "바") else i, i)]


def _scoped(words: list[Word], cues: list[Cue], last: int) -> list[Cue]:
    """Drop negations inside a noun phrase that is not the statement's point (않는 범위에서)."""
    out = []
    for c in cues:
        _, tag = words[c.last].last()
        if c.negative and c.kind != "denial" and tag == "ETM" and c.last < last:
            head = next((f for f, t in words[c.last + 1].morphs if t.startswith("N")), "")
            if head not in lx.PROPOSITION_HEADS and head not in _CHAIN_NOUNS:
                continue
        out.append(c)
    return out


def _chained(words: list[Word], cues: list[Cue]) -> list[Cue]:
    """Two grammatical negations in one predicate (하지 않을 수 없다, 없지 않다, 않은 것은
    아니다) are a double negation: one neutral cue instead of both."""
    grammatical = [c for c in cues if c.kind in ("negation", "impossible", "refusal")]
    for a in grammatical:
        for b in grammatical:
            if b is a or b.first < a.first or (b.first, b.last) == (a.first, a.last):
                continue
            between = [words[k] for k in range(a.last + 1, b.first)]
            adjacent = b.first <= a.last or all(
                any(f in _CHAIN_NOUNS for f, t in x.morphs if t.startswith("N")) for x in between
            )
            if adjacent and len(between) <= 1:
                rest = [c for c in cues if c is not a and c is not b]
                return [*rest, Cue("double", a.first, b.last)]
    return cues
