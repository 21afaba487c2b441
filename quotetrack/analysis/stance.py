"""Stance of a statement: does it affirm or deny its proposition?  Lexicon-based, precision first.

A statement is *negative* when the quote negates its predicate (-지 않다,
안/못 + verb, 없다, 아니다) or calls something untrue (사실무근, 사실이 아니다,
허위), or when the reporting verb is a denial (부인했다, 일축했다); otherwise it
is *affirmative*.  Constructions that look negative but affirm are neutralised
first: double negation (-지 않을 수 없다), obligation (-ㄹ 수밖에 없다),
certainty (틀림없다, 의심의 여지가 없다), adverbs made with 없이 (끊임없이),
"not only" (뿐만 아니라), and conditionals (-지 않으면, 없다면) whose negation
belongs to a condition, not to the claim.  Questions (…냐, …까?) and statements
that both deny and explicitly confirm (…은 사실이지만 …하지 않았다) get no stance
and are never used to flag a change.

Sources: the negation forms are standard Korean grammar (short negation 안/못,
long negation -지 않다/-지 못하다, the negative copula 아니다 and existential
없다; e.g. Sohn, *The Korean Language*, 1999, ch. 9); the denial vocabulary and
denial reporting verbs are those of Korean news style for reported denials
(부인·일축·반박·사실무근), checked against the seed corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Stance = Literal["affirmative", "negative"]

NEUTRALISE = re.compile(
    "|".join(
        (
            r"지\s*않을\s*수\s*(?:없|밖에)",  # double negation: cannot but
            r"지\s*않으면\s*안\s*(?:되|된)",  # must
            r"없지\s*않",  # not without
            r"수\s*밖에\s*없",  # has no choice but to (obligation)
            r"틀림\s*없",  # certainly
            r"여지가\s*없",  # no room for doubt
            r"변함\s*(?:이\s*)?없",  # unchanged (the position still holds)
            r"[가-힣]+없이",  # adverbs: 끊임없이, 관계없이, 어김없이
            r"(?:뿐만|뿐)\s*아니라",  # not only … but also
            r"지\s*않(?:으면|는다면|았다면|을\s*경우)",  # conditional negation
            r"(?:없|아니)(?:으면|다면|라면|을\s*경우)",
            r"안\s*(?:에|의|에서|으로)\b",  # 안 meaning "inside"
        )
    )
)
NEGATION = re.compile(
    "|".join(
        (
            r"지\s*(?:않|못|말)",  # long negation: 하지 않았다, 하지 못했다
            r"(?<![가-힣])(?:안|못)\s+[가-힣]",  # short negation: 안 했다, 못 한다
            r"(?<![가-힣])않",
            r"없(?:다|었|습|으며|고|는|을|어|음|을\s*것)",  # existential negation: 없다, 없었다
            r"아니(?:다|며|고|었|ㅂ|라|야|에요|오)|아닙|아닌",  # negative copula
            r"사실\s*무근|사실이\s*아니|사실과\s*다르|근거\s*(?:가\s*)?없|허위|거짓|터무니\s*없|오보",
            r"부인(?:한다|했|하고|하며)|일축",
        )
    )
)
CONFIRMATION = re.compile(r"사실(?:이다|이며|이고|입니다|이지만|인\s*것|로\s*확인)|맞다|맞습니다|인정한다")
QUESTION = re.compile(r"(?:냐|니|까|나요|는가|던가)\s*[?？]?\s*$|[?？]\s*$")

DENIAL_VERBS = ("부인", "일축", "반박", "부정", "반발")
"""Reporting verbs that make the reported statement a denial (부인했다, 일축했다 …)."""


@dataclass(frozen=True)
class StanceReading:
    """A statement's stance and the words that decided it."""

    stance: Stance | None
    """None when the statement is a question or both denies and confirms."""
    markers: tuple[str, ...]
    """The negation or denial words found (empty for an affirmation)."""
    content: str
    """The statement with its negation and denial words blanked out: what it is about."""


def _words_around(text: str, start: int, end: int) -> str:
    """The whole words a match touches (검토하지 않고 for the match 지 않), for showing why."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = max(end, start + 1)
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(" .,!?\"'“”‘’")


def read_stance(text: str, verb: str | None = None) -> StanceReading:
    """The stance of a quote's text, taking a denial reporting verb into account."""
    neutral = NEUTRALISE.sub(" ", text)
    markers = [_words_around(neutral, m.start(), m.end()) for m in NEGATION.finditer(neutral)]
    content = NEGATION.sub(" ", neutral)
    if verb and any(verb.startswith(v) for v in DENIAL_VERBS):
        markers.append(verb)
    if QUESTION.search(text.strip().rstrip(".…\"'”’」』")):
        return StanceReading(None, tuple(markers), content)
    if markers and CONFIRMATION.search(neutral):
        return StanceReading(None, tuple(markers), content)
    return StanceReading("negative" if markers else "affirmative", tuple(markers), content)
