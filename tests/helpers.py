"""Deterministic stand-ins for the extractor, so storage and CLI tests do not depend on NLP.

`fake_extract` understands a tiny article format written for tests:

    line 1   title
    line 2   published, ``YYYY-MM-DD HH:MM`` (Korea time) or ``YYYY-MM-DD``
    line 3   outlet
    line 4+  body, where each quote is marked «speaker|role|kind|text»
             (kind: direct, indirect, headline; speaker may be empty)

A line ``URL: ...`` anywhere sets the URL; a body containing ``BOOM`` makes the
extractor raise, ``BADKIND`` yields a quote the store must refuse.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from quotetrack.types import Article, Quote, QuoteKind, RawDocument, SpeakerKind

KST = timezone(timedelta(hours=9))
MARK = re.compile(r"«(?P<speaker>[^|»]*)\|(?P<role>[^|»]*)\|(?P<kind>[^|»]*)\|(?P<text>[^»]+)»")
ANONYMOUS = ("관계자", "소식통")
ORGANISATIONS = ("정부", "외교부", "크렘린궁")


def speaker_kind(name: str | None) -> SpeakerKind:
    if not name:
        return "unknown"
    if any(name.endswith(a) for a in ANONYMOUS):
        return "anonymous"
    if any(name.endswith(o) for o in ORGANISATIONS):
        return "organisation"
    return "person"


def parse_published(text: str) -> tuple[datetime | None, bool]:
    text = text.strip()
    for fmt, has_time in (("%Y-%m-%d %H:%M", True), ("%Y-%m-%d", False)):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=KST), has_time
        except ValueError:
            continue
    return None, False


def fake_extract(doc: RawDocument) -> Article:
    """Extract an article written in the test format above."""
    if "BOOM" in doc.text:
        raise RuntimeError("the fake extractor was told to fail")
    lines = doc.text.splitlines()
    url = next((ln[5:].strip() for ln in lines if ln.startswith("URL: ")), None)
    lines = [ln for ln in lines if not ln.startswith("URL: ")]
    title = lines[0].strip() if lines else None
    published, has_time = parse_published(lines[1]) if len(lines) > 1 else (None, False)
    outlet = lines[2].strip() if len(lines) > 2 else None
    body = "\n".join(lines[3:])
    quotes = []
    for m in MARK.finditer(body):
        speaker = m["speaker"].strip() or None
        kind = m["kind"].strip()
        quotes.append(
            Quote(
                text=m["text"],
                kind="bogus" if "BADKIND" in m["text"] else kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_role=m["role"].strip() or None,
                speaker_kind=speaker_kind(speaker),
                said_on=published.date() if published else None,
                verb="말했다" if kind != "headline" else None,
                start=m.start("text"),
                end=m.end("text"),
            )
        )
    return Article(
        source=doc.source,
        url=url,
        title=title,
        published=published,
        published_has_time=has_time,
        outlet=outlet,
        byline="홍길동 기자",
        dateline="서울",
        body=body,
        quotes=tuple(quotes),
        extractor_version="fake-1",
    )


def article_text(
    title: str,
    published: str,
    outlet: str,
    *quotes: tuple[str, str, str, str],
    url: str | None = None,
    extra: str = "",
) -> str:
    """An article in the test format with one body paragraph per (speaker, role, kind, text) quote."""
    lines = [title, published, outlet]
    if url:
        lines.append(f"URL: {url}")
    for speaker, role, kind, text in quotes:
        lines.append(f"{role} {speaker}은 «{speaker}|{role}|{kind}|{text}»라고 말했다.")
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def make_quote(
    body: str,
    text: str,
    speaker: str | None = "블라디미르 푸틴",
    *,
    role: str | None = "러시아 대통령",
    kind: QuoteKind = "direct",
    speaker_kind_: SpeakerKind | None = None,
    said_on: date | None = date(2023, 9, 15),
) -> Quote:
    """A quote whose offsets point at `text` inside `body`."""
    start = body.index(text)
    return Quote(
        text=text,
        kind=kind,
        speaker=speaker,
        speaker_role=role,
        speaker_kind=speaker_kind_ or speaker_kind(speaker),
        said_on=said_on,
        verb="말했다",
        start=start,
        end=start + len(text),
    )


def make_article(
    body: str = '푸틴 대통령은 "어떤 합의도 위반하지 않는다"고 말했다.',
    quotes: tuple[Quote, ...] | None = None,
    *,
    url: str | None = None,
    title: str | None = '푸틴 "합의 위반 안 해"',
    published: datetime | None = datetime(2023, 9, 15, 23, 47, tzinfo=KST),
    published_has_time: bool = True,
    outlet: str | None = "뉴스핌",
    source: str = "article.txt",
    extractor_version: str = "test-1",
) -> Article:
    """A domain Article as the extractor would return it (one Putin quote by default)."""
    if quotes is None:
        quotes = (make_quote(body, "어떤 합의도 위반하지 않는다"),)
    return Article(
        source=source,
        url=url,
        title=title,
        published=published,
        published_has_time=published_has_time,
        outlet=outlet,
        byline="고인원 특파원",
        dateline="휴스턴",
        body=body,
        quotes=quotes,
        extractor_version=extractor_version,
    )


Said = tuple[str | None, str | None, str]
"""A quote as (speaker as printed, role, text)."""


def said_article(
    n: int,
    *said: Said,
    day: date = date(2024, 3, 15),
    url: str | None = None,
    version: str = "t-1",
    outlet: str | None = "뉴스핌",
) -> Article:
    """Article `n` (source ``n.txt``) whose quotes are `said` on `day`, each in its own sentence."""
    body = " ".join(f'{who or "누군가"}는 "{text}"라고 말했다.' for who, _, text in said) + f" ({n})"
    quotes = tuple(make_quote(body, text, who, role=role, said_on=day) for who, role, text in said)
    return make_article(
        body,
        quotes,
        url=url,
        source=f"{n}.txt",
        published=datetime.combine(day, datetime.min.time(), KST),
        outlet=outlet,
        extractor_version=version,
    )
