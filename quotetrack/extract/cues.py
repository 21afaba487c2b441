"""What follows a quotation or a reported clause: quotative particles and speech verbs.

Korean marks reported speech after the quoted words: a quotative particle
(…"라고, …"고, …"라며) and then a verb (말했다, 밝혔다).  Direct quotes accept
any verb after a quotative particle (…"고 선을 그었다, …"고 피해갔다) except
naming verbs (…'라고 불리는).  Indirect speech has no marks to lean on, so it
needs a real quotative ending (Kiwi's EC 다고/라고/다며, not the 며 of 바라며)
followed by a verb of speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from quotetrack.extract import lexicon as lx
from quotetrack.extract.morph import morphs
from quotetrack.extract.nounphrase import core, subject_mention
from quotetrack.extract.sentences import Word

CueType = Literal["verb", "connective", "adnominal", "copula", "none"]

_AFTER_MARK = re.compile(
    r"(?P<cue>(?:이)?라고|하고|고|(?:이)?라면서|(?:이)?라며|하면서|하며|면서|며|냐는|(?:이)?라는|는|(?:이)?란|"
    r"이지만|이지|이고|이며|이나|(?:이)?라)(?P<tail>도|는|서)?"
)
_SPACED_QUOTATIVE = re.compile(
    r"[ \t](?P<q>(?:이)?라고|고|(?:이)?라며|며|(?:이)?라면서|면서)(?=[ \t]+[가-힣\"“”'‘])"
)
"""A quotative spaced off its quotation ("…" 고 말했다), followed by the next word."""
_QUOTATIVE_SURFACE = re.compile(r"(?:다|라|냐|자|까)(?:고|며|면서)(?:도|는|요)?$|다면서도?$|느냐고$")
_FINAL_PUNCT = re.compile(r"^[.,!?…]+")
_HANGUL = re.compile(r"[가-힣]")
_QUOTE_MARK = re.compile(r"[\"'“”‘’″′』」]")
_QUOTATIVE_CUT = re.compile(r"(이)?(라|다|냐|느냐|자|까)(?:고|며|면서)(?:도|는|요)?$|다면서도?$")
_COGNITION_LEMMAS = ("생각하", "믿", "여기", "판단하", "느끼", "확신하", "보", "기대하", "바라")
VERB_SEARCH_WORDS = 6
"""How far after a quotative the speech verb may stand (…"고 트럼프는 거듭 강하게 말했다)."""


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class Cue:
    """The quotative after a closing mark."""

    type: CueType
    end: int
    """Offset just past the particle."""


def cue_after(text: str, pos: int) -> Cue:
    """Classify what follows a closing mark at text[pos - 1]."""
    m = _FINAL_PUNCT.match(text, pos)
    at = m.end() if m else pos
    m2 = _AFTER_MARK.match(text, at)
    if not m2:
        # "…" 고 말했다: a stray space before the quotative (older print, OCR) when a word follows
        spaced = _SPACED_QUOTATIVE.match(text, at)
        if spaced is None:
            return Cue("none", pos)
        m2 = _AFTER_MARK.match(text, spaced.end() - len(spaced.group("q")))
        if not m2:
            return Cue("none", pos)
    cue = m2.group("cue")
    nxt = text[m2.end() : m2.end() + 1]
    runs_on = nxt and _HANGUL.match(nxt) and cue not in ("는", "라는", "이라는", "냐는", "란", "이란")
    if runs_on and not (cue in ("라", "이라") and nxt in "고며면"):
        return Cue("none", pos)  # the particle runs on into a word: "…"고려해 is not a quotative
    if cue in ("라고", "이라고", "하고", "고", "라", "이라"):
        return Cue("verb", m2.end())
    if cue in ("라며", "이라며", "라면서", "이라면서", "며", "면서", "하며", "하면서"):
        return Cue("connective", m2.end())
    if cue in ("는", "라는", "이라는", "란", "이란", "냐는"):
        return Cue("adnominal", m2.end())
    return Cue("copula", m2.end())


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class Verb:
    """The predicate that closes a quotation's clause."""

    index: int
    """Index of the verb's word in the sentence's word list."""
    text: str
    lemma: str | None
    form: Literal["final", "connective", "adnominal", "quotative"]
    speech: bool
    cognition: bool
    naming: bool
    postposed: int | None = None
    """Index of a subject word between the quotative and the verb (…"고 김 대표는 말했다)."""


@lru_cache(maxsize=65536)
def _lemma(w: str) -> tuple[str | None, str]:
    ms = morphs(w)
    lemma = None
    for i, m in enumerate(ms):
        if m.tag.startswith(("VV", "VA", "VX")) and lemma is None:
            lemma = m.form
            break
        if m.tag in ("XSV", "XSA") and i > 0 and lemma is None:
            lemma = ms[i - 1].form + m.form
            break
    ending = ""
    for m in ms:
        if m.tag in ("EF", "EC", "ETM", "ETN"):
            ending = m.tag
    if any(m.tag == "EC" and m.form in lx.QUOTATIVE_EC for m in ms):
        ending = "Q"
    return lemma, ending


def find_verb(words: list[Word], after: int) -> Verb | None:
    """The first predicate at or after words[after], skipping adverbs and postposed subjects."""
    postposed: int | None = None
    for k in range(after, min(len(words), after + VERB_SEARCH_WORDS)):
        w = core(words[k].text)
        if not w:
            continue
        if words[k].text[:1] in "\"“”'‘’″『「":
            return None  # another quotation starts: this one has no verb of its own
        lemma, ending = _lemma(w)
        if (
            lemma is not None
            and w in lx.KOREAN_SURNAMES
            and k + 1 < len(words)
            and (m := subject_mention(words, k + 1)) is not None
            and m.form == "surname_title"
        ):
            lemma = None  # …"라고 서 총리는: a surname before a title, not the verb 서다
        if lemma is None:
            if subject_mention(words, k) is not None and postposed is None:
                postposed = k
            ms = morphs(w)
            if ms and ms[-1].tag in ("JKO",) and k + 1 < len(words):
                noun = ms[0].form
                nxt_lemma, nxt_end = _lemma(core(words[k + 1].text))
                # …'고 얘기를 한, 말을 했다 (Kiwi reads a lone 한 as the determiner 'one')
                does = nxt_lemma == "하" or core(words[k + 1].text).startswith(("한", "했", "할", "합", "하"))
                if (noun in lx.ATTITUDE_NOUNS and nxt_lemma in lx.ATTITUDE_VERBS) or (
                    noun in lx.SPEECH_NOUNS and does
                ):
                    if does:
                        nxt_lemma = "하"
                    return _verb(words, k + 1, nxt_lemma, nxt_end, postposed, speech=True)
            continue
        return _verb(words, k, lemma, ending, postposed)
    return None


def _verb(
    words: list[Word],
    k: int,
    lemma: str | None,
    ending: str,
    postposed: int | None,
    speech: bool | None = None,
) -> Verb:
    w = core(words[k].text)
    form: Literal["final", "connective", "adnominal", "quotative"] = (
        "quotative"
        if ending == "Q"
        else "adnominal"
        if ending == "ETM"
        else "final"
        if ending == "EF"
        else "connective"
    )
    is_speech = speech if speech is not None else lemma in lx.SPEECH_VERBS
    cognition = lemma is not None and lemma.startswith(_COGNITION_LEMMAS)
    naming = w.startswith(lx.NAMING_VERB_PREFIXES)
    return Verb(
        k, w, lemma, form, bool(is_speech) and not naming, cognition and not is_speech, naming, postposed
    )


@dataclass(slots=True)  # immutable by convention: not frozen, see Mention
class IndirectCue:
    """A word ending reported speech (없다고, 것이라며) and where its content ends."""

    index: int
    content_end: int
    connective: bool


def indirect_cue(words: list[Word], k: int) -> IndirectCue | None:
    """Is words[k] a quotative ending of reported speech?  Where does its content end?"""
    w = words[k]
    got = quotative_end(w.text)
    if got is None:
        return None
    at, connective = got
    return IndirectCue(k, w.start + at, connective)


@lru_cache(maxsize=65536)
def quotative_end(word: str) -> tuple[int, bool] | None:
    """Where the reported content ends inside a word ending reported speech, and whether the
    ending is connective (없다며); None for other words.  Cached by the word: eojeols repeat."""
    c = core(word)
    if not c or not _QUOTATIVE_SURFACE.search(c):
        return None
    inner = _QUOTE_MARK.split(c)[-1]
    if inner != c:
        c = inner
    ms = morphs(c)
    # Kiwi tags a lone 아니라면서 as a final ending (EF); inside a sentence it is a connective
    ec = next(
        (
            m
            for m in ms
            if m.tag in ("EC", "EF") and (m.form in lx.QUOTATIVE_EC or m.form in lx.QUOTATIVE_CONNECTIVE_EC)
        ),
        None,
    )
    if ec is None:
        # 생각한다고 → 생각/NNG 하/XSV ㄴ다/EF 고/JKQ: a final ending plus the quotative particle
        jkq = next((i for i, m in enumerate(ms) if m.tag == "JKQ" and i > 0 and ms[i - 1].tag == "EF"), None)
        if jkq is None:
            return None
        ec = ms[jkq]
    connective = ec.form in lx.QUOTATIVE_CONNECTIVE_EC or any(
        m.tag == "EC" and m.form in ("면서", "며") for m in ms[ms.index(ec) + 1 :]
    )
    # cut the surface: keep 다/냐/자 of 다고, drop 이라고 of 것이라고, drop 라며 of 아니라며
    m = _QUOTATIVE_CUT.search(c)
    if m is None:
        return None
    cut = m.start()
    if m.group(0).startswith("다면서"):
        cut = m.start() + 1
    elif m.group(2) in ("다", "냐", "느냐", "자", "까"):
        cut = m.start(2) + len(m.group(2))
    elif m.group(1):
        vcp = any(x.tag == "VCP" for x in ms)
        cut = m.start(1) if vcp else m.start(2)
    elif m.group(2) == "라" and not any(x.tag in ("VCP", "VCN") for x in ms):
        # 끝내달라고, 하라고: the imperative 라 belongs to what was said; in 있다라고, 싶었다라며 (speech
        # that ends in 다 with the quotative 라고 after it) it does not
        cut = m.start(2) if c[m.start(2) - 1 : m.start(2)] in ("다", "냐", "까") else m.start(2) + 1
    return word.rindex(c) + cut, connective


def hearsay_follows(words: list[Word], k: int) -> bool:
    """-다고 해서 / -다고 해도: a concessive or conditional, not reported speech."""
    if k + 1 >= len(words):
        return False
    nxt = core(words[k + 1].text)
    return nxt.startswith(lx.HEARSAY_AFTER_QUOTATIVE) or nxt in ("한다", "한다.", "하더라")
