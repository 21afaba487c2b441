"""Plain domain values passed between the reader, the extractor and the store.

These are the contract between the pipeline stages: readers produce a
`RawDocument`, the extractor turns it into an `Article` holding `Quote`s, and
the store persists an `Article`.  Nothing here knows about SQL or typer, so the
extractor can be tested (and run by `quotetrack extract`) with no database.

Offsets (`Quote.start`/`Quote.end`) are character offsets into one text, never
loose copies: into `Article.body` for quotes found in the body, and into
`Article.title` for quotes found in the title line (`Quote.field == "title"`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Literal

QuoteKind = Literal["direct", "indirect", "headline"]
SpeakerKind = Literal["person", "organisation", "anonymous", "unknown"]
QuoteField = Literal["title", "body"]

Attribution = Literal["explicit", "pronoun", "carried", "resolved", "tag", "interview", "headline", "relay"]
"""How the extractor found a quote's speaker, from most to least direct evidence:

- ``explicit``: the clause names the speaker (김정훈 대표는 "…"라고 말했다);
- ``resolved``: a shorter mention resolved to the fuller name given earlier (김 대표는, 대표는, 푸틴은);
- ``pronoun``: 그는, 그녀는;
- ``carried``: no subject at all; the speaker goes on from the quote before or is given after;
- ``tag``: a broadcast soundbite tag names the speaker ([김정훈 / 대표]);
- ``interview``: an answer in a Q&A interview, spoken by the interviewee;
- ``headline``: the headline or a deck line names the speaker (푸틴 "…");
- ``relay``: a medium relays the speech (…라고 말했다고 교도통신이 전했다); see Quote.relayed_by.
"""

QUOTE_KINDS: tuple[QuoteKind, ...] = ("headline", "direct", "indirect")
ATTRIBUTIONS: tuple[Attribution, ...] = (
    "explicit",
    "resolved",
    "pronoun",
    "carried",
    "tag",
    "interview",
    "headline",
    "relay",
)
SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "anonymous", "unknown")

DateBasis = Literal["said", "published"]
KST = timezone(timedelta(hours=9), "KST")
"""Korea time: UTC+9, no daylight saving since 1988, so a fixed offset is exact."""


def published_day(published: datetime | None) -> date | None:
    """The day an article was published, in Korea time: the day its page gave, however stored."""
    if published is None:
        return None
    return (published.astimezone(KST) if published.tzinfo else published).date()


def effective_date(said_on: date | None, published: date | None) -> tuple[date | None, DateBasis | None]:
    """A quote's day on the time axis and what it rests on: the day said, else the day published."""
    if said_on is not None:
        return said_on, "said"
    if published is not None:
        return published, "published"
    return None, None


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    `text` is the decoded page text (or HTML when `fmt == "html"`).  `meta` holds
    fields a structured source already gave us (JSONL/CSV columns, HTML meta
    tags): title, published, outlet, author, url; they win over what the cleaner
    would guess from the text.
    """

    source: str
    text: str
    fmt: Literal["text", "html", "record"] = "text"
    url: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CleanArticle:
    """Metadata and clean body text recovered from a raw page, before quotes."""

    title: str | None
    published: datetime | None
    """Timezone-aware publication time; midnight KST when only the day is known."""
    published_has_time: bool
    outlet: str | None
    byline: str | None
    dateline: str | None
    body: str
    """The article text with page noise (navigation, captions, related-article
    blocks, copyright lines) removed; quotes' offsets point into it."""
    deck_end: int = 0
    """Body offset where the deck (subheadline lines printed under the title and
    kept at the top of the body) ends; 0 when the page has no deck.  Quotes in
    the deck are headline quotes."""


@dataclass(frozen=True)
class Quote:
    """One attributed statement found in an article."""

    text: str
    kind: QuoteKind
    speaker: str | None
    """Fullest name the article gives for the speaker, or the organisation or
    anonymous source as printed; None when no speaker could be found."""
    speaker_role: str | None
    speaker_kind: SpeakerKind
    said_on: date | None
    verb: str | None
    start: int
    end: int
    field: QuoteField = "body"
    attribution: Attribution | None = None
    """How the speaker was found (None when no speaker was)."""
    relayed_by: str | None = None
    """The medium that carried the words, when the article reports them second-hand
    (…라고 말했다고 타스통신이 전했다 → 타스통신); None for first-hand reporting."""


@dataclass(frozen=True)
class Article:
    """An extracted article: clean metadata, body and the quotes in it."""

    source: str
    url: str | None
    title: str | None
    published: datetime | None
    published_has_time: bool
    outlet: str | None
    byline: str | None
    dateline: str | None
    body: str
    quotes: tuple[Quote, ...]
    extractor_version: str
    deck_end: int = 0
