"""Quotes in a headline: `푸틴 "…"`, `"…" 국방부 대변인 맹비난`, `조종화 코치:‘…’`.

Korean headlines put the speaker before the quote (often with a comma or colon)
or after it, followed by a predicate noun (맹비난, 일축); they abbreviate
(일 외무상, 靑) and use short forms (푸틴, 금융위원장) that the body spells out.
Double marks in a headline are quotes; single marks usually flag a term
('10초 침묵'), so they count only after a colon or when they hold a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotetrack.extract import lexicon as lx
from quotetrack.extract.marks import find_marks
from quotetrack.extract.morph import morphs
from quotetrack.extract.nounphrase import core, is_nominal, mention_of_text

_KICKER = re.compile(lx.HEADLINE_TAGS_RE)
_TRAILING_TAG = re.compile(r"\s*[\[(【<][^\])】>]{1,12}[\])】>]\s*$")
_CLAUSE_END = re.compile(r"(?:다|요|까|냐|자|라|해|야|죠|네|지|어|아|게|길|것|음|함|됨)[.!?…]*$")


@dataclass(frozen=True, slots=True)
class HeadlineQuote:
    """A quote in the title and the speaker phrase printed with it."""

    start: int
    end: int
    speaker_text: str | None


def _trailing_np(segment: str) -> str | None:
    """The noun phrase a headline segment ends with (입 뗀 재판장 → 재판장)."""
    toks = [t for t in segment.split() if core(t)]
    while toks and core(toks[-1]) in lx.HEADLINE_SPEECH_NOUNS:
        toks.pop()
    if not toks:
        return None
    out: list[str] = []
    for t in reversed(toks):
        c = core(t)
        if not c or t.startswith(("'", "‘", '"', "“")) or t.endswith(("'", "’", '"', "”")):
            break
        if not is_nominal(c) and not re.fullmatch(r"[一-鿿][가-힣]{1,5}", c):
            break
        if re.search(r"(?:에|에서|에게|을|를|로|으로|와|과|향해|대해)$", c) and len(c) > 1:
            break
        out.insert(0, c)
    text = " ".join(out).strip()
    return text or None


def headline_quotes(title: str) -> list[HeadlineQuote]:
    """The quotes of a headline with their printed speaker phrase, if any."""
    marks = find_marks(title)
    out: list[HeadlineQuote] = []
    kicker = _KICKER.match(title)
    floor = kicker.end() if kicker else 0
    for sp in marks.spans:
        content = title[sp.start : sp.end].strip()
        if not content or re.fullmatch(r"[.…·\s]+", content):
            continue
        before = title[floor : sp.open].rstrip()
        if sp.cls == "single":
            colon = before.endswith((":", "："))
            if not colon and not (_clause(content) and len(content.split()) >= 2):
                continue
        if title[sp.open] == "「" and not _clause(content):
            continue  # 「바람의 집」 종영: corner brackets hold a title, unless what they hold is said
        if any(o is not sp and o.contains(sp) for o in marks.spans):
            continue
        speaker = None
        before = before.rstrip(",:：·-— ")
        if before:
            # 푸틴, "…" / 고민정, 민경욱 향해 "…" / 삼성전자 3분기 영업익 9조…"…" (no speaker): an
            # ellipsis closes the headline's first clause, so only what follows it may speak
            # (청주 A중…교육청 "…")
            clause = re.split(r"…|\.\.", before)[-1]
            segments = re.split(r"[,，]", clause) if clause.strip() else []
            for seg in segments:
                np = _trailing_np(_strip_quoted(seg))
                if np and not re.search(r"\d", np):
                    speaker = np
                    break
        if speaker is None:
            after = _TRAILING_TAG.sub("", title[sp.close + 1 :])
            after = re.split(r"[,…\"“”'‘’″]|\.\.", after)[0]
            speaker = _leading_np(after)
            if speaker is not None and not re.search(r"[가-힣]", speaker):
                speaker = None  # "발목잡기" vs "졸속심사": a connective, not a speaker
        if speaker is None:
            speaker = _headline_subject(title, floor, sp.open)
        out.append(HeadlineQuote(sp.start, sp.end, speaker))
    return out


_SUBJECT_FIRST = re.compile(r"\s*(?P<np>[^,，\"“”'‘’…]{2,20}?)\s*[,，]")


def _headline_subject(title: str, floor: int, before: int) -> str | None:
    """공정위, 배달앱에 과징금…"최혜대우 강요": a headline opening with its subject and a comma has it
    speak the quotes that name no one closer (an organisation, a name or a title only)."""
    m = _SUBJECT_FIRST.match(title, floor, before)
    if m is None:
        return None
    mention = mention_of_text(m.group("np"))
    if mention is None or mention.weak or mention.form not in ("name", "org", "title", "surname_title"):
        return None
    return m.group("np").strip()


def _clause(content: str) -> bool:
    """Does the quoted text end in a verb ending (아쉽다, 지켜보시라), not a noun (경쟁자)?"""
    last = core(content.split()[-1]) if content.split() else ""
    ms = morphs(last)
    return bool(ms) and ms[-1].tag in ("EF", "EC") and bool(_CLAUSE_END.search(content))


def _strip_quoted(seg: str) -> str:
    return re.sub(r"['‘’\"“”][^'‘’\"“”]*['‘’\"“”]", " ", seg)


def _leading_np(text: str) -> str | None:
    toks = [core(t) for t in text.split() if core(t)]
    out: list[str] = []
    for c in toks:
        if c in lx.HEADLINE_SPEECH_NOUNS:
            break
        if not is_nominal(c):
            break
        out.append(c)
    return " ".join(out) or None
