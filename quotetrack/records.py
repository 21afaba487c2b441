"""The record of a quote, one schema wherever a quote leaves quotetrack (`RECORD_KEYS`), and of an article.

`extract` prints articles whose quotes are records without ids; `search`,
`show` and `export` print stored quotes as records, in every format; so a
script written against one reads the others.  Times are shown in Korea time
(types.KST).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from quotetrack.db.search import QuoteRow
from quotetrack.types import KST as KST  # the CLI and service format Korea time through records
from quotetrack.types import Article, Quote, effective_date, published_day

RECORD_KEYS = (
    "quote_id",
    "claim_id",
    "speaker_id",
    "article_id",
    "speaker",
    "speaker_as_printed",
    "speaker_role",
    "speaker_kind",
    "kind",
    "attribution",
    "relayed_by",
    "text",
    "verb",
    "effective_date",
    "date_basis",
    "said_on",
    "published_date",
    "published_at",
    "outlet",
    "title",
    "url",
    "source",
    "field",
    "start",
    "end",
)
"""The keys of a quote wherever it leaves quotetrack: `extract` (each quote of an article),
`search`, `show`, `export`, in every format, in this order (docs/schema.md describes each).

Ids are the database's (`quote_id`, `claim_id`, `speaker_id`, `article_id`; null in `extract`,
which stores nothing): group by `speaker_id`, not `speaker`, as two people can share a name.
Dates are ISO 8601, one form per key: `said_on` and `published_date` are days, `published_at`
the time with its offset (null when the page gave only a day), `effective_date` the quote's day
on the time axis — said, else published (`date_basis`: ``said``, ``published``, or null with no date)."""
ROW_KEYS = RECORD_KEYS
"""The columns of `search --format csv` and `export`: the record keys."""
ARTICLE_KEYS = (
    "source",
    "url",
    "title",
    "published",
    "published_date",
    "published_at",
    "outlet",
    "byline",
    "quotes",
)
INT_KEYS = frozenset({"quote_id", "claim_id", "speaker_id", "article_id", "start", "end"})
DATE_KEYS = frozenset({"effective_date", "said_on", "published_date"})
"""Keys holding a day (``YYYY-MM-DD``): Parquet stores them as dates (exporting.py)."""


def published_at(published: datetime | None, has_time: bool) -> str | None:
    """``YYYY-MM-DDTHH:MM+09:00`` when the page gave a time, else None."""
    if published is None or not has_time:
        return None
    local = published.astimezone(KST) if published.tzinfo else published
    return local.isoformat(timespec="minutes")


def format_published(published: datetime | None, has_time: bool) -> str | None:
    """``YYYY-MM-DDTHH:MM+09:00`` when the time is known, else ``YYYY-MM-DD``, in Korea time (for
    people: records keep the day and the time in two keys)."""
    return published_at(published, has_time) or format_date(published_day(published))


def format_date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def quote_record(quote: Quote, article: Article | None = None) -> dict[str, Any]:
    """A quote just extracted, as a record (`RECORD_KEYS`; no ids: nothing is stored)."""
    published = article.published if article is not None else None
    day = published_day(published)
    when, basis = effective_date(quote.said_on, day)
    return {
        "quote_id": None,
        "claim_id": None,
        "speaker_id": None,
        "article_id": None,
        "speaker": quote.speaker,
        "speaker_as_printed": quote.speaker,
        "speaker_role": quote.speaker_role,
        "speaker_kind": quote.speaker_kind,
        "kind": quote.kind,
        "attribution": quote.attribution,
        "relayed_by": quote.relayed_by,
        "text": quote.text,
        "verb": quote.verb,
        "effective_date": format_date(when),
        "date_basis": basis,
        "said_on": format_date(quote.said_on),
        "published_date": format_date(day),
        "published_at": published_at(published, article.published_has_time) if article else None,
        "outlet": article.outlet if article else None,
        "title": article.title if article else None,
        "url": article.url if article else None,
        "source": article.source if article else None,
        "field": quote.field,
        "start": quote.start,
        "end": quote.end,
    }


def article_record(article: Article) -> dict[str, Any]:
    """One line of ``quotetrack extract`` output: the article, and its quotes as records.

    ../shared/tools/score_quotes.py reads ``source``, ``title``, ``published`` and ``outlet``, and
    each quote's ``text``, ``kind``, ``speaker``, ``speaker_role`` and ``said_on``: keep those.
    ``published`` is the page's date at the precision the page gives (the annotation's form:
    ``YYYY-MM-DDTHH:MM+09:00`` or ``YYYY-MM-DD``); ``published_date`` and ``published_at`` split it
    into one form a key, as stored records do."""
    return {
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": format_published(article.published, article.published_has_time),
        "published_date": format_date(published_day(article.published)),
        "published_at": published_at(article.published, article.published_has_time),
        "outlet": article.outlet,
        "byline": article.byline,
        "quotes": [quote_record(q, article) for q in article.quotes],
    }


def row_record(row: QuoteRow) -> dict[str, Any]:
    """A stored quote as a record (`RECORD_KEYS`): one search hit, export row or `show`."""
    day = published_day(row.published)
    when, basis = effective_date(row.said_on, day)
    return {
        "quote_id": row.quote_id,
        "claim_id": row.claim_id,
        "speaker_id": row.speaker_id,
        "article_id": row.article_id,
        "speaker": row.speaker,
        "speaker_as_printed": row.speaker_as_printed,
        "speaker_role": row.speaker_role,
        "speaker_kind": row.speaker_kind,
        "kind": row.kind,
        "attribution": row.attribution,
        "relayed_by": row.relayed_by,
        "text": row.text,
        "verb": row.verb,
        "effective_date": format_date(when),
        "date_basis": basis,
        "said_on": format_date(row.said_on),
        "published_date": format_date(day),
        "published_at": published_at(row.published, row.published_has_time),
        "outlet": row.outlet,
        "title": row.title,
        "url": row.url,
        "source": row.source,
        "field": row.field,
        "start": row.start,
        "end": row.end,
    }
