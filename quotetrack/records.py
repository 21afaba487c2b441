"""Plain-JSON forms of articles and search hits, as `extract` and `search --format` print them.

`article_record` is the interface ../shared/tools/score_quotes.py reads; keep
its keys.  Times are shown in Korea time (UTC+9, no daylight saving since
1988, so a fixed offset is exact and needs no tz database).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from quotetrack.db.search import QuoteRow
from quotetrack.types import Article, Quote

KST = timezone(timedelta(hours=9), "KST")

ARTICLE_KEYS = ("source", "title", "published", "outlet", "byline", "quotes")
QUOTE_KEYS = (
    "text",
    "speaker",
    "speaker_role",
    "kind",
    "said_on",
    "verb",
    "start",
    "end",
    "attribution",
    "relayed_by",
)
ROW_KEYS = (
    "id",
    "said_on",
    "speaker",
    "speaker_as_printed",
    "role",
    "speaker_kind",
    "kind",
    "text",
    "verb",
    "attribution",
    "relayed_by",
    "outlet",
    "title",
    "published",
    "url",
    "source",
    "claim",
)


def format_published(published: datetime | None, has_time: bool) -> str | None:
    """``YYYY-MM-DDTHH:MM+09:00`` when the time is known, else ``YYYY-MM-DD``, in Korea time."""
    if published is None:
        return None
    local = published.astimezone(KST) if published.tzinfo else published
    return local.strftime("%Y-%m-%dT%H:%M+09:00") if has_time else local.date().isoformat()


def format_date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_role": quote.speaker_role,
        "kind": quote.kind,
        "said_on": format_date(quote.said_on),
        "verb": quote.verb,
        "start": quote.start,
        "end": quote.end,
        "attribution": quote.attribution,
        "relayed_by": quote.relayed_by,
    }


def article_record(article: Article) -> dict[str, Any]:
    """One line of ``quotetrack extract`` output."""
    return {
        "source": article.source,
        "title": article.title,
        "published": format_published(article.published, article.published_has_time),
        "outlet": article.outlet,
        "byline": article.byline,
        "quotes": [quote_record(q) for q in article.quotes],
    }


def row_record(row: QuoteRow) -> dict[str, Any]:
    """One search hit, with the columns of ``search --format json|csv``."""
    return {
        "id": row.quote_id,
        "said_on": format_date(row.said_on),
        "speaker": row.speaker,
        "speaker_as_printed": row.speaker_as_printed,
        "role": row.speaker_role,
        "speaker_kind": row.speaker_kind,
        "kind": row.kind,
        "text": row.text,
        "verb": row.verb,
        "attribution": row.attribution,
        "relayed_by": row.relayed_by,
        "outlet": row.outlet,
        "title": row.title,
        "published": format_published(row.published, row.published_has_time),
        "url": row.url,
        "source": row.source,
        "claim": row.claim_id,
    }
