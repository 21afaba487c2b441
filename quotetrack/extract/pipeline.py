"""The extraction pipeline: raw document in, article with attributed quotes out.

Stages, each a plain function over offsets into one text:
clean (ingest/clean.py: metadata and noise) → marks and sentences → speech
clauses and their speaker phrases (attribution.py) → entities in reading order
(document.py, entities.py) → headline quotes (headline.py) → the day each
quote was said (said_on.py, dates.py).  Kiwi is loaded on the first call, once per process.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from difflib import SequenceMatcher
from zoneinfo import ZoneInfo

from quotetrack.extract.attribution import Found
from quotetrack.extract.document import ArticleReader, Attributed
from quotetrack.extract.entities import Entity, Registry, expand_org, expand_role
from quotetrack.extract.headline import HeadlineQuote, headline_quotes
from quotetrack.extract.lexicon import COUNTRIES, COUNTRY_ABBREVIATIONS, HANJA_SURNAMES, PROVINCES
from quotetrack.extract.morph import morphs
from quotetrack.extract.nounphrase import Mention, mention_of_text
from quotetrack.extract.said_on import said_on
from quotetrack.ingest.clean import clean
from quotetrack.types import Article, Attribution, CleanArticle, Quote, RawDocument, SpeakerKind

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "2"
"""Bumped whenever extraction output can change, so `reprocess` knows what is stale (2: the rules
of issue 12 and each quote's attribution)."""

KST = ZoneInfo("Asia/Seoul")


def extract(doc: RawDocument) -> Article:
    """Clean a raw document and extract its quotes."""
    c = clean(doc)
    quotes = extract_quotes(c)
    return Article(
        source=doc.source,
        url=doc.url,
        title=c.title,
        published=c.published,
        published_has_time=c.published_has_time,
        outlet=c.outlet,
        byline=c.byline,
        dateline=c.dateline,
        body=c.body,
        quotes=tuple(quotes),
        extractor_version=EXTRACTOR_VERSION,
        deck_end=c.deck_end,
    )


def _published_day(c: CleanArticle) -> date | None:
    if c.published is None:
        return None
    return c.published.astimezone(KST).date() if c.published.tzinfo else c.published.date()


def extract_quotes(c: CleanArticle) -> list[Quote]:
    """All quotes of a cleaned article: its headline's first, then the body's in order."""
    published = _published_day(c)
    reader = ArticleReader(c.body, published, c.deck_end)
    items = reader.read()
    for a in items:
        a.found.extra["text"] = c.body[a.found.start : a.found.end]
    heads = _headline_speakers(c.title, reader.registry, items, c.body) if c.title else []
    main = next((e for _, e, _ in heads if e is not None), None) or _main_speaker(items)
    if c.deck_end:
        items = _with_deck_quotes(c.body, c.deck_end, items, heads, reader.registry, main)
    days = said_on(reader, items, main)
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    said: set[tuple[str, str | None, str]] = set()
    for a, day in zip(items, days, strict=True):
        f = a.found
        if (f.start, f.end) in seen or not c.body[f.start : f.end].strip():
            continue
        seen.add((f.start, f.end))
        kind = "headline" if f.end <= c.deck_end else f.kind
        q = _quote(c.body, a, day, kind)
        # a page that prints a paragraph (or the whole story) twice reports the words once
        key = ("".join(q.text.split()), q.speaker, q.kind)
        if key in said:
            continue
        said.add(key)
        quotes.append(q)
    if c.title:
        quotes[:0] = _headline(c.title, heads, items, days, main)
    return quotes


def _with_deck_quotes(
    body: str,
    deck_end: int,
    items: list[Attributed],
    heads: list[tuple[HeadlineQuote, Entity | None, str | None]],
    registry: Registry,
    main: Entity | None,
) -> list[Attributed]:
    """The quotes of the deck lines under the headline, read as headlines are (이동관 "…", or a quote
    alone, which is the headline's speaker's).  They replace what the body reading made of them."""
    deck: list[Attributed] = []
    for line in re.finditer(r"[^\n]+", body[:deck_end]):
        for hq, entity, label in _headline_speakers(line.group(), registry, items, body):
            start, end = _trimmed(body, line.start() + hq.start, line.start() + hq.end)
            if start >= end:
                continue
            text = body[start:end]
            if entity is None and label is None:
                if hq.speaker_text is None:  # a quote alone: the headline's speaker, else whose words
                    entity, label = next(((e, lb) for _, e, lb in heads if e or lb), (None, None))
                if entity is None and label is None:
                    entity = _matching_speaker(text, items) or main
            f = Found("direct", start, end, None, "mention", sentence=-1, region=(line.start(), line.end()))
            f.extra["text"] = text
            deck.append(Attributed(f, entity, label))
    if not deck:
        return items
    spans = [(a.found.start, a.found.end) for a in deck]
    kept = [a for a in items if not any(a.found.start < e and s < a.found.end for s, e in spans)]
    return sorted(kept + deck, key=lambda a: a.found.start)


def _kind(entity: Entity | None, label: str | None) -> SpeakerKind:
    """Person, organisation or anonymous.

    An unnamed office-holder (크렘린궁 대변인) counts as anonymous: the same description in two
    articles may be two people.
    """
    if entity is not None:
        if entity.kind == "unknown" and entity.name is None:
            return "anonymous"
        return entity.kind
    if label:
        m = mention_of_text(label)
        if m is not None and m.kind != "unknown":
            return m.kind
        return "anonymous"
    return "unknown"


def _speaker(a: Attributed) -> tuple[str | None, str | None, SpeakerKind]:
    if a.entity is not None:
        return a.entity.label, a.entity.role, _kind(a.entity, None)
    if a.label:
        return a.label, None, _kind(None, a.label)
    return None, None, "unknown"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] without its surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _attribution(a: Attributed, kind: str) -> Attribution | None:
    """How the speaker of `a` was found (see types.Attribution)."""
    f, e = a.found, a.entity
    if e is None and not a.label:
        return None
    if f.extra.get("relay"):
        return "relay"
    if kind == "headline":
        return "headline"
    if f.rule == "tag":
        return "interview" if f.sentence < 0 else "tag"
    if f.rule in ("carry", "forward"):
        return "carried"
    m = f.mention
    if m is None:
        return "explicit"
    if m.form == "pronoun":
        return "pronoun"
    if e is not None and e.name and (m.form in ("surname_title", "title") or (m.name and m.name != e.name)):
        return "resolved"  # 김 대표 → 김정훈, 푸틴 → 블라디미르 푸틴
    return "explicit"


def _quote(body: str, a: Attributed, day: date | None, kind: str) -> Quote:
    f = a.found
    start, end = _trimmed(body, f.start, f.end)
    speaker, role, skind = _speaker(a)
    return Quote(
        text=body[start:end],
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        speaker_role=role,
        speaker_kind=skind,
        said_on=day,
        verb=f.verb,
        start=start,
        end=end,
        attribution=_attribution(a, kind),
        relayed_by=f.extra.get("relay"),
    )


def _headline_speakers(
    title: str, registry: Registry, items: list[Attributed], body: str
) -> list[tuple[HeadlineQuote, Entity | None, str | None]]:
    """Each headline quote with the body entity its printed speaker stands for, or a bare label."""
    out: list[tuple[HeadlineQuote, Entity | None, str | None]] = []
    for hq in headline_quotes(title):
        entity: Entity | None = None
        label: str | None = None
        printed = hq.speaker_text
        m = mention_of_text(printed) if printed else None
        if printed and m is not None:
            entity = registry.resolve(m, 10**9, create=False)
        if printed and entity is None:
            entity = _by_hanja_surname(printed, registry)
        if entity is None and not _speaker_like(m, body):
            # 당시 상황 "…", 한일관계, "…": no one is named; the words are those of the body quote they
            # copy, when there is one, or of the one the headline says tells them (생존자가 전하는 …)
            entity = _matching_speaker(title[hq.start : hq.end], items) if printed else None
            teller = _TELLER.search(title, 0, hq.start) if entity is None else None
            told = mention_of_text(teller["who"]) if teller else None
            if teller and told is not None and _speaker_like(told, body):
                printed, m = teller["who"], told
                entity = registry.resolve(told, 10**9, create=False)
        if printed:
            fuller = expand_role(m.role) if m is not None else None
            known = entity.role if entity is not None else None
            if entity is not None and fuller and known and fuller != known and fuller.endswith(known):
                entity.role = fuller  # 마치무라 외상 in the body, 마치무라 日외상 in the headline: 일본 외상
            if entity is None:
                label = _local_government(printed, registry) or _bare(printed)
        hq = HeadlineQuote(hq.start, hq.end, printed)
        out.append((hq, entity, label))
    return out


_TELLER = re.compile(
    r"(?P<who>[가-힣A-Za-z]{2,12})(?:이|가)\s(?:전하는|전한|말하는|말한|밝힌|털어놓은|증언하는|증언한|들려준)\s"
)
"""생존자가 전하는 …, 전문가가 말하는 …: a headline naming who tells what it quotes."""


def _speaker_like(m: Mention | None, body: str) -> bool:
    """Can a headline's phrase before or after a quote name a speaker the body does not?

    A phrase read as a name whose head is a common noun Kiwi knows (상황, 재계, 한일관계, 日관방)
    is a topic or a short form, not a name: the headline then names no one the body can be asked
    about, and the quote goes to the body quote it copies.  Names Kiwi knows (푸틴, 하이브) or does
    not know at all stay, as do organisations, titles and anonymous sources, and a common word the
    body glosses as a name in Latin letters (걸그룹 하루(HARU), 밴드 별(Star)).
    """
    if m is None:
        return False
    if m.form != "name" or m.name is None:
        return True
    head = m.name.split()[-1]
    ms = morphs(head)
    if not (ms and ms[-1].tag == "NNG" and not ms[-1].unknown):
        return True
    return re.search(re.escape(head) + r"\s?\([A-Za-z]", body) is not None


def _by_hanja_surname(text: str, registry: Registry) -> Entity | None:
    """文 "…", 朴 충북 순회 "…": a headline writes a well-known person as the hanja of the surname,
    standing alone or before what the person did.

    The person is the body's one named person of that surname; when two people share it, no guess
    is made.
    """
    surname = HANJA_SURNAMES.get(text[:1])
    if surname is None or len(surname) != 1 or (len(text) > 1 and not text[1].isspace()):
        return None
    people = [e for e in registry.entities if e.kind == "person" and e.name and len(e.name) >= 2]
    people = [e for e in people if e.name is not None and e.name.startswith(surname)]
    return people[0] if len(people) == 1 else None


def _headline(
    title: str,
    heads: list[tuple[HeadlineQuote, Entity | None, str | None]],
    items: list[Attributed],
    days: list[date | None],
    main: Entity | None,
) -> list[Quote]:
    out: list[Quote] = []
    for hq, entity, label in heads:
        if entity is None and label is None:
            # words the body does not print as such are still the story's: its most quoted speaker's
            entity = _matching_speaker(title[hq.start : hq.end], items) or main
        day = _matching_day(title[hq.start : hq.end], items, days)
        if day is None and entity is not None:
            day = next((d for a, d in zip(items, days, strict=True) if a.entity is entity and d), None)
        if day is None:
            day = next((d for a, d in zip(items, days, strict=True) if a.entity is main and d), None)
        start, end = _trimmed(title, hq.start, hq.end)
        if start >= end:
            continue
        out.append(
            Quote(
                text=title[start:end],
                kind="headline",
                speaker=entity.label if entity else label,
                speaker_role=entity.role if entity else None,
                speaker_kind=_kind(entity, label),
                said_on=day,
                verb=None,
                start=start,
                end=end,
                field="title",
                attribution="headline" if entity is not None or label else None,
            )
        )
    return out


HEADLINE_MATCH = 0.5
"""A headline quote is usually a trimmed copy of a body quote; at this similarity
(difflib ratio over the texts without spaces) it takes that quote's day.  The dev
corpus' trimmed headline copies score 0.55-0.9; unrelated quotes stay below 0.35."""


def _ratio_bound(a: str, b: str) -> float:
    """SequenceMatcher(None, a, b).ratio() can be no higher (its real_quick_ratio, without building
    the matcher): a body quote of very different length is skipped at once."""
    return 2.0 * min(len(a), len(b)) / (len(a) + len(b)) if a or b else 1.0


def _matching_speaker(text: str, items: list[Attributed]) -> Entity | None:
    """A headline quote printed without a speaker belongs to the body quote it copies, if any."""
    want = "".join(text.split())
    best, who = HEADLINE_MATCH, None
    for a in items:
        got = "".join(a.found.extra.get("text", "").split())
        if len(want) >= 6 and a.entity is not None and want in got:
            return a.entity  # the headline prints one sentence of a longer quote, word for word
        if got and a.entity is not None and _ratio_bound(want, got) >= best:
            score = SequenceMatcher(None, want, got, autojunk=False).ratio()
            if score >= best:
                best, who = score, a.entity
    return who


def _matching_day(text: str, items: list[Attributed], days: list[date | None]) -> date | None:
    want = "".join(text.split())
    best, best_day = HEADLINE_MATCH, None
    for a, d in zip(items, days, strict=True):
        if d is None:
            continue
        got = "".join(a.found.extra.get("text", "").split()) or None
        if got is None or _ratio_bound(want, got) < best:
            continue
        score = SequenceMatcher(None, want, got, autojunk=False).ratio()
        if score >= best:
            best, best_day = score, d
    return best_day


SELF_IDENTIFYING = frozenset(
    {
        "백악관",
        "크렘린궁",
        "크렘린",
        "청와대",
        "펜타곤",
        "엘리제궁",
        "다우닝가",
        "국무부",
        "외무성",
        "국방성",
        "중난하이",
    }
)
"""Institutions whose name already says which country they belong to: a headline's 미 백악관 is
printed 백악관 in the body, while 미 국방부 must stay 미국 국방부 (Korea has a 국방부 too)."""


def _local_government(text: str, registry: Registry) -> str | None:
    """시 "…", 도 "…": a headline names the city or province the body names in full (부산시, 제주도),
    as it names the organisation behind any short form."""
    if text not in ("시", "도", "군", "구"):
        return None
    for e in registry.entities:
        for word in f"{e.name or ''} {e.description or ''} {e.role or ''}".split():
            if word.endswith(text) and 3 <= len(word) <= 5 and word[:-1] in PROVINCES:
                return word
    return None


def _bare(text: str) -> str:
    """A headline speaker as the body would print it.

    미 백악관 → 백악관, 美국무부 → 미국 국무부, 靑 → 청와대.
    """
    text = expand_org(text)
    toks = text.split()
    if len(toks) > 1 and toks[0] in COUNTRY_ABBREVIATIONS:
        rest = " ".join(toks[1:])
        return rest if rest in SELF_IDENTIFYING else f"{COUNTRY_ABBREVIATIONS[toks[0]]} {rest}"
    if len(toks) > 1 and toks[0] in COUNTRIES and " ".join(toks[1:]) in SELF_IDENTIFYING:
        return " ".join(toks[1:])
    return text


def _main_speaker(items: list[Attributed]) -> Entity | None:
    counts: dict[int, tuple[int, Entity]] = {}
    for a in items:
        if a.entity is not None:
            n, _ = counts.get(id(a.entity), (0, a.entity))
            counts[id(a.entity)] = (n + 1, a.entity)
    if not counts:
        return None
    return max(counts.values(), key=lambda t: t[0])[1]
