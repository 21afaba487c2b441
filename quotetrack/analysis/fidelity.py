"""Headline fidelity: which body quote a headline quote condenses, and what the headline changes.

A Korean headline quote is a condensed body quote ("어떤 합의도 위반 안 해" for
"한반도 상황과 관련해 어떤 합의도 위반하지 않을 것"), often two joined by an
ellipsis ("…검토 안 해…인상설은 사실무근").  Each part is linked to the body
quote of the same article whose content words cover most of its own (the body
says more; the headline keeps the point), and compared with it.  The headline
changes the meaning when it

- drops or adds a negation: their stances differ (affirm against deny);
- drops, adds or changes a number (2분기, 3곳, 40%);
- drops or adds a hedge (…할 수도 있다, 검토, 가능성, 전망) of an affirmation;
- drops or adds a subject: a noun marked as the subject (…이/가, 은/는) in one
  that the other never mentions, nor names as its speaker.

Condensing is the headline's job, so only these four are flagged, and each flag
keeps both passages' words so a reader can judge it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotetrack.analysis import lexicon as lx
from quotetrack.analysis.claims import similarity
from quotetrack.analysis.morphology import Analyse, Word, words_of
from quotetrack.analysis.stance import read_stance
from quotetrack.analysis.text import signature
from quotetrack.analysis.topic import topic_of

MIN_COVER = 0.5
"""Share of a headline part's content words the body quote must hold to be what it condenses.
The headline parts of tests/data/story and the seed article cover 0.6–1.0 of their body quote;
a part and a different quote of the same article 0–0.34."""

_SEGMENT = re.compile(r"\s*(?:…+|\.{2,})\s*")


@dataclass(frozen=True)
class Passage:
    """A headline part or body quote as fidelity compares them."""

    text: str
    stance: str
    numbers: frozenset[str]
    hedges: frozenset[str]
    subjects: frozenset[str]
    lemmas: frozenset[str]
    said_by: frozenset[str] = frozenset()
    """Words of the speaker's name and role: a subject naming the speaker is not a change."""
    nouns: frozenset[str] = frozenset()
    """Every noun, one-syllable short forms included (북, 美): what the passage names."""


@dataclass(frozen=True)
class LinkQuote:
    """A quote of one article, as linking needs it."""

    id: int
    headline: bool
    text: str
    verb: str | None
    speaker: str | None
    role: str | None


@dataclass(frozen=True)
class Link:
    headline_id: int
    start: int
    end: int
    """The part's offsets in the headline quote's text."""
    body_id: int
    overlap: float
    flags: list[dict[str, str]] = field(default_factory=list)


def segments(text: str) -> list[tuple[int, int]]:
    """The parts of a headline quote joined by an ellipsis, as (start, end) offsets."""
    out, start = [], 0
    for m in _SEGMENT.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text.rstrip()):
        out.append((start, len(text.rstrip())))
    return [(a, b) for a, b in out if text[a:b].strip()]


def passage(
    text: str, analyse: Analyse, verb: str | None = None, speaker: str | None = None, role: str | None = None
) -> Passage:
    words = words_of(text, analyse)
    topic, _ = topic_of(words)
    stance = read_stance(words, verb).stance
    said_by = frozenset(" ".join(x for x in (speaker, role) if x).split())
    return Passage(
        text,
        stance,
        frozenset(t for t in topic if t[:1].isdigit() and not t.endswith(_DATE_UNITS)),
        frozenset(_hedges(text, words)) if stance == "affirm" else frozenset(),
        frozenset(_subjects(words)),
        frozenset(topic),
        said_by,
        frozenset(f for w in words for f, t in w.morphs if t in ("NNG", "NNP", "SL", "SH")),
    )


_DATE_UNITS = ("년", "월", "일", "시", "분", "초", "년도", "일간")
"""Units of dates and times: a headline writes 4월 for the body's 지난달, or leaves the day out —
not a change of what was said (quantities — 2기, 40%, 3곳, 2분기 — are)."""

_ABBREVIATIONS = {
    "北": "북한",
    "南": "남한",
    "美": "미국",
    "中": "중국",
    "日": "일본",
    "露": "러시아",
    "英": "영국",
    "與": "여당",
    "野": "야당",
    "靑": "청와대",
}
"""Hanja one-letter names headlines use for countries and institutions."""


def _mentions(name: str, lemmas: frozenset[str]) -> bool:
    """Whether a passage with these lemmas names `name`, also by a headline's short form (북 or 北 for
    북한, 새정치연합 for 새정치민주연합)."""
    for lemma in lemmas:
        full = _ABBREVIATIONS.get(lemma, lemma)
        if full == name or (len(full) == 1 and name.startswith(full)):
            return True
        if len(full) >= 3 and len(name) >= 3 and full[:3] == name[:3]:
            return True
    return False


def _hedges(text: str, words: Sequence[Word]) -> list[str]:
    found = [h for h in lx.HEDGE_WORDS if " " in h and h in text]
    lemmas = {f for w in words for f, t in w.morphs if t.startswith("N")}
    found += [h for h in lx.HEDGE_WORDS if " " not in h and h in lemmas]
    if any(w.text in ("수도",) for w in words):  # 할 수도 있다: Kiwi reads 수도 (capital) alone
        found.append("수도")
    return sorted(set(found))


def _subjects(words: Sequence[Word]) -> list[str]:
    """Names marked as subject or topic (러시아는, 북한이, IAEA가): who does or says something.
    Common nouns marked so (인상은, 가능성이) are mostly topics, not actors, and are left out."""
    out = []
    for w in words:
        if not w.morphs:
            continue
        form, tag = w.morphs[-1]
        if tag == "JKS" or (tag == "JX" and form in ("은", "는")):
            nouns = [f for f, t in w.morphs if t in ("NNG", "NNP", "SL", "SH")]
            if nouns and any(t in ("NNP", "SL", "SH") for f, t in w.morphs if f == nouns[-1]):
                out.append(nouns[-1])
    return out


def link_headlines(quotes: Sequence[LinkQuote], analyse: Analyse) -> list[Link]:
    """Each headline quote part of one article linked to the body quote it condenses, with flags.

    A body quote of several sentences is compared by the sentence the part condenses: what the
    other sentences say is not the headline's to repeat.
    """
    bodies = [
        (q, passage(sentence, analyse, q.verb, q.speaker, q.role))
        for q in quotes
        if not q.headline
        for sentence in sentences(q.text)
    ]
    if not bodies:
        return []
    links = []
    for h in quotes:
        if not h.headline:
            continue
        for start, end in segments(h.text):
            part = passage(h.text[start:end], analyse, None, h.speaker, h.role)
            best = _best(part, bodies)
            if best is not None:
                body, body_passage, cover = best
                links.append(Link(h.id, start, end, body.id, round(cover, 3), compare(part, body_passage)))
    return links


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The sentences of a quote (most are one)."""
    return [x.strip() for x in _SENTENCE_END.split(text) if x.strip()] or [text]


def _best(part: Passage, bodies: list[tuple[LinkQuote, Passage]]) -> tuple[LinkQuote, Passage, float] | None:
    if not part.lemmas:
        return None
    best: tuple[LinkQuote, Passage, float] | None = None
    rank = (0.0, 0.0)
    grams = signature(part.text)
    for q, p in bodies:
        shared = part.lemmas & p.lemmas
        if len(shared) < min(2, len(part.lemmas)):
            continue
        cover = len(shared) / len(part.lemmas)
        # ties (인상설은 사실무근: 인상 is in two quotes) go to the closer wording
        this = (cover, similarity(grams, signature(p.text))[0])
        if cover >= MIN_COVER and (best is None or this > rank):
            best, rank = (q, p, cover), this
    return best


def compare(headline: Passage, body: Passage) -> list[dict[str, str]]:
    """How the headline part changes what the body quote says (empty when it does not)."""
    flags: list[dict[str, str]] = []

    def flag(kind: str, change: str, h: str, b: str) -> None:
        flags.append({"kind": kind, "change": change, "headline": h, "body": b})

    if "neutral" not in (headline.stance, body.stance) and headline.stance != body.stance:
        flag("negation", "dropped" if headline.stance == "affirm" else "added", headline.stance, body.stance)
    added, dropped = sorted(headline.numbers - body.numbers), sorted(body.numbers - headline.numbers)
    if added and dropped:
        flag("number", "changed", ", ".join(added), ", ".join(dropped))
    elif added:
        flag("number", "added", ", ".join(added), "")
    elif dropped:
        flag("number", "dropped", "", ", ".join(dropped))
    if body.hedges and not headline.hedges and headline.stance == "affirm":
        flag("hedge", "dropped", "", ", ".join(sorted(body.hedges)))
    elif headline.hedges and not body.hedges and body.stance == "affirm":
        flag("hedge", "added", ", ".join(sorted(headline.hedges)), "")
    lost = sorted(
        s for s in body.subjects if not _mentions(s, headline.nouns | headline.said_by | body.said_by)
    )
    new = sorted(
        s for s in headline.subjects if not _mentions(s, body.nouns | body.said_by | headline.said_by)
    )
    if lost:
        flag("subject", "dropped", "", ", ".join(lost))
    if new:
        flag("subject", "added", ", ".join(new), "")
    return flags
