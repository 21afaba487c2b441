"""Recover title, date, outlet, byline, dateline and a clean body from a raw news page.

The input is page text exactly as a scraper saved it: navigation, ads, photo
captions, related-article blocks and footers around the article.  The stages:

1. **paragraphs** (`paragraphs.py`) – lines are stripped of stray HTML and
   grouped into paragraphs: a blank line or a line break ends one, except a
   hard wrap (the document breaks lines at a fixed width), a sentence printed
   one phrase a line, or a line break inside an open quotation, which stay
   inside the paragraph as ``\\n``;
2. **classify** (`classify.py`) – each paragraph is chrome, a caption, a
   metadata line (timestamps, byline, dateline), a copyright/footer/signature
   line, a related-articles heading, a broadcast tag or text (`noise.py`,
   `metadata.py`);
3. **segment** (`segment.py`) – the body starts at the first paragraph that
   opens with a dateline or reads as prose; everything above is the header,
   where the headline is the title-like line just above the first metadata
   line (or the first strong title-like line when the page prints none) and
   title-like lines under it are the deck; the body ends at a copyright line,
   an e-mail sign-off, a footer or a related-articles heading;
4. **evidence** – dates, outlet names and bylines found along the way are ranked
   (a labelled first-publication time beats an update time, a dateline beats a
   copyright line, …) and the best of each wins; `RawDocument.meta` beats all.

The body keeps paragraph text verbatim (quote offsets and gold quotes are
substrings of it); only whole paragraphs are dropped, plus the dateline/byline
prefix of the lead and a caption glued in front of it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from quotetrack.ingest import credits, dates, noise, paragraphs, segment
from quotetrack.ingest import metadata as md
from quotetrack.ingest.classify import Para
from quotetrack.ingest.classify import classify as _classify  # the name benchmarks clear the cache of
from quotetrack.ingest.outlets import canonical_outlet, outlet_for_host
from quotetrack.types import CleanArticle, RawDocument

log = logging.getLogger(__name__)

DUP_MIN = 10
"""Paragraphs at least this long that a page repeats verbatim are printed once."""

_ANY_STOP = paragraphs.ANY_STOP


T = TypeVar("T")


@dataclass
class _Best(Generic[T]):
    """The best value seen so far for one field: lowest rank wins, then the first seen."""

    rank: int = 99
    value: T | None = None

    def offer(self, rank: int, value: T | None) -> None:
        if value is not None and rank < self.rank:
            self.rank, self.value = rank, value


@dataclass
class _Evidence:
    published: _Best[tuple[datetime, bool]] = field(default_factory=_Best)
    outlet: _Best[str] = field(default_factory=_Best)
    byline: _Best[str] = field(default_factory=_Best)
    place: _Best[str] = field(default_factory=_Best)

    def stamp(self, st: dates.Stamp, rank_by_kind: dict[str, int]) -> None:
        self.published.offer(rank_by_kind[st.kind], (st.when, st.has_time))

    def dateline(self, d: md.Dateline) -> None:
        self.outlet.offer(_OUTLET_RELAY if d.relayed else _OUTLET_DATELINE, d.outlet)
        self.byline.offer(_BYLINE_DATELINE, d.byline)
        self.place.offer(_PLACE_DATELINE, d.place)


# Evidence ranks (lower wins).
_PUBLISHED_RANK = {"first": 1, "plain": 2, "modified": 4, "asof": 9}
_PUBLISHED_URL = 3
# An unlabelled date above the headline is often the page's own date line (today's date in
# the masthead), not the article's: below the update time, above a photo's.
_PUBLISHED_ABOVE_HEADLINE = {"first": 1, "plain": 5, "modified": 5, "asof": 9}
_PUBLISHED_CAPTION = {"first": 6, "plain": 6, "modified": 6, "asof": 9}
_PUBLISHED_IMAGE = 7  # the dated folder of a photo in the article (img…/2018/12/24/…)
_OUTLET_DATELINE = 2  # (서울=연합뉴스): who wrote it
_OUTLET_COPYRIGHT = 3  # 저작권자 © 통일뉴스: who published it
_OUTLET_NAMED = 4  # a masthead line, an edition citation, a tip-off footer, a [한빛뉴스=홍길동 기자] sign-off
_OUTLET_RELAY = 5  # (워싱턴 AP=연합뉴스) in a paper that names itself elsewhere: the paper published it
_OUTLET_PROMO = 5  # ▶ 네이버에서 한빛뉴스 구독하기: the site asks to be followed
_OUTLET_URL = 6  # the article's domain (portals name nobody)
_OUTLET_SHAPED = 7  # HCN 충북방송 printed alone above the headline: an outlet not in the table
_OUTLET_CREDIT = 8  # ⓒ스타뉴스 under a photo
_OUTLET_EMAIL = 9  # the reporter's or the site's e-mail domain
_OUTLET_SELF = 10  # A씨는 한빛뉴스와의 통화에서 …: the story names who reported it
_BYLINE_DATELINE, _BYLINE_HEADER, _BYLINE_SIGNATURE = 1, 2, 3
_PLACE_DATELINE, _PLACE_SIGNOFF = 0, 1


# --- stage 1: paragraphs ---------------------------------------------------------------


def _prepare(doc: RawDocument) -> str:
    text = doc.text if isinstance(doc.text, str) else ""
    if doc.fmt == "html":
        text = noise.html_to_text(text)
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --- stage 3: segment (segment.py) ------------------------------------------------------


# --- stage 4: evidence and assembly ----------------------------------------------------------


def _lead(text: str, ev: _Evidence) -> str:
    """The lead paragraph without a timestamp prefix, a glued caption and the dateline/byline."""
    if (st := dates.leading_stamp(text)) is not None:
        ev.stamp(st, _PUBLISHED_RANK)
        text = text[st.end :]
    if (glued := md.glued_dateline_start(text)) is not None and not _ANY_STOP.search(text[:glued].rstrip()):
        text = text[glued:]
    if (d := md.parse_dateline(text)) is not None:
        ev.dateline(d)
        text = text[d.end :]
    return text


_WRAPPED = re.compile(r"\[(?P<a>[^\[\]]{8,})\]|【(?P<b>[^【】]{8,})】")
"""A headline printed inside one pair of brackets (archive transcripts); a kicker is shorter and
followed by the headline (``[단독] …``)."""


def _headline(text: str, ev: _Evidence) -> str | None:
    """The headline line without a date printed in front of it (``date 2025-11-12 “…”``), its
    label (``제목 :``) and brackets around the whole of it."""
    if (st := dates.leading_stamp(text)) is not None:
        ev.stamp(st, _PUBLISHED_RANK)
        text = text[st.end :]
    if (label := segment.TITLE_LABEL.match(text)) is not None:
        text = text[label.end() :]
    if (m := _WRAPPED.fullmatch(text.strip())) is not None:
        text = m["a"] or m["b"]
    return text.strip() or None


def _collect(p: Para, ev: _Evidence, in_header: bool, in_related: bool, above_headline: bool = False) -> None:
    """Offer the dates, outlet and byline a non-text paragraph carries."""
    if p.meta is not None:
        if not in_related:
            for st in p.meta.stamps:
                ev.stamp(st, _PUBLISHED_ABOVE_HEADLINE if above_headline else _PUBLISHED_RANK)
        if p.meta.dateline is not None and in_header:
            ev.dateline(p.meta.dateline)
        elif p.meta.dateline is not None and not in_related:  # [한빛뉴스=홍길동 기자] signing off
            ev.outlet.offer(_OUTLET_NAMED, p.meta.dateline.outlet)
        if not in_related:
            ev.outlet.offer(_OUTLET_NAMED, p.meta.outlet)
        ev.byline.offer(_BYLINE_HEADER if in_header else _BYLINE_SIGNATURE, p.meta.byline)
    if p.kind == "copyright":
        ev.outlet.offer(_OUTLET_COPYRIGHT, p.outlet)
    elif p.kind in ("credit", "caption"):  # ⓒ스타뉴스, 사진=한빛뉴스 DB
        ev.outlet.offer(_OUTLET_CREDIT, p.outlet)
    elif p.kind in ("meta", "footer", "signature"):
        ev.outlet.offer(_OUTLET_NAMED, p.outlet)
    elif p.kind == "chrome":  # a site asks to be followed under its own lists too
        ev.outlet.offer(_OUTLET_PROMO, p.outlet)
    elif p.kind == "masthead" and in_header:
        ev.outlet.offer(_OUTLET_SHAPED, p.outlet)
    if p.kind == "footer" or (p.kind == "signature" and not in_related):  # site footers name the site
        ev.outlet.offer(_OUTLET_EMAIL, credits.email_outlet(p.text))
    if p.kind == "signature" and not in_related:
        ev.byline.offer(_BYLINE_HEADER if in_header else _BYLINE_SIGNATURE, p.byline)
        ev.place.offer(_PLACE_SIGNOFF, md.place_in_signoff(p.text))  # 워싱턴=홍길동 특파원
    if p.kind == "caption" and not in_related:
        # A photo dated the day its caption's event happened ("… 7일 … 2025.5.7") dates the
        # article's news; an undated-event or file photo (2021.05.21 in a 2023 story) does not.
        tail = p.text[-80:]
        for st in dates.find_stamps(tail):
            if re.search(rf"(?<!\d){st.when.day}일", p.text[: len(p.text) - len(tail) + st.start]):
                ev.stamp(st, _PUBLISHED_CAPTION)

        # A photo filed in a dated folder (img…/2018/12/24/…) was uploaded for the article:
        # its day when the page prints no date at all.
        if (url := noise.image_url(p.text)) is not None and (day := dates.date_from_url(url)) is not None:
            ev.published.offer(_PUBLISHED_IMAGE, (day, False))


def _apply_meta(doc: RawDocument, ev: _Evidence) -> str | None:
    """Let a structured source's fields win; return its title."""
    meta = doc.meta or {}
    if (published := meta.get("published")) and (parsed := dates.parse_published(str(published))):
        ev.published.offer(0, parsed)
    if outlet := meta.get("outlet"):
        ev.outlet.offer(0, canonical_outlet(str(outlet)))
    if author := meta.get("author"):
        ev.byline.offer(0, str(author).strip())
    url = doc.url or meta.get("url")
    if url:
        if (host := md.host_of(str(url))) is not None:
            ev.outlet.offer(_OUTLET_URL, outlet_for_host(host))
        if (day := dates.date_from_url(str(url))) is not None:
            ev.published.offer(_PUBLISHED_URL, (day, False))
    title = str(meta.get("title") or "").strip()
    return title or None


def _assemble(
    paras: list[Para], start: int, deck: list[int], title: str | None, ev: _Evidence
) -> tuple[str, int]:
    """The body text and the offset where its deck ends."""
    title_key = segment.key(title) if title else ""
    kept: list[str] = []
    seen: set[str] = set()
    end, in_list = segment.article_end(paras, start)
    in_related = False
    for i in range(start, len(paras)):
        p = paras[i]
        if i >= end and (p.kind == "related" or (i == end and in_list)):
            in_related = True
        if i >= end or p.kind not in ("text", "tag"):
            _collect(p, ev, in_header=False, in_related=in_related)
            continue
        text = _lead(p.text, ev) if i == start else p.text
        k = segment.key(text)
        if not k or (title_key and len(title_key) >= 8 and k.startswith(title_key)):
            continue  # the headline again, alone or as the start of a photo caption
        if len(k) >= DUP_MIN and k in seen and p.kind != "tag":
            continue  # pages that print the article twice (a speaker's tag recurs at each turn)
        seen.add(k)
        kept.append(text)
        if ev.outlet.rank > _OUTLET_SELF:
            ev.outlet.offer(_OUTLET_SELF, credits.self_reference_outlet(text))
        if ev.outlet.rank > _OUTLET_NAMED and "입니다" in text[-40:]:
            signed = credits.closing_signoff(text)  # …나섭니다. KBS 뉴스 노명호입니다.
            ev.outlet.offer(_OUTLET_NAMED, signed[0] if signed else None)
    last = segment.key(kept[-1]) if kept else ""
    if len(last) >= DUP_MIN and any(segment.key(x).startswith(last) for x in kept[:-1]):
        kept.pop()  # a cut-off repeat of an earlier paragraph at the end of a partial page
    deck_text = "\n".join(paras[i].text for i in deck)
    if deck_text:
        return "\n\n".join([deck_text, *kept]), len(deck_text)
    return "\n\n".join(kept), 0


def _clean(doc: RawDocument) -> CleanArticle:
    paras = [_classify(t) for t in paragraphs.paragraphs(_prepare(doc))]
    ev = _Evidence()
    meta_title = _apply_meta(doc, ev)

    start, title_i, deck = segment.layout(paras)
    for i in range(start):
        above = title_i is not None and i < title_i
        _collect(paras[i], ev, in_header=True, in_related=False, above_headline=above)

    page_title = _headline(paras[title_i].text, ev) if title_i is not None else None
    title = meta_title or page_title
    if title:
        ev.outlet.offer(_OUTLET_NAMED, credits.title_suffix_outlet(title))
    body, deck_end = _assemble(paras, start, deck, title, ev)
    when, has_time = ev.published.value or (None, False)
    return CleanArticle(
        title=title,
        published=when,
        published_has_time=has_time,
        outlet=ev.outlet.value,
        byline=ev.byline.value,
        dateline=ev.place.value,
        body=body,
        deck_end=deck_end,
    )


def clean(doc: RawDocument) -> CleanArticle:
    """Split a raw page into metadata and clean body text.

    Never raises: a page the rules cannot read comes back with its stripped text
    as the body and no metadata, so one odd page never stops an ingest batch.
    """
    try:
        return _clean(doc)
    except Exception:  # the safety net at the pipeline boundary; logged, not hidden
        log.exception("could not clean %s; keeping its raw text as the body", doc.source)
        text = doc.text.strip() if isinstance(doc.text, str) else ""
        return CleanArticle(None, None, False, None, None, None, text)
