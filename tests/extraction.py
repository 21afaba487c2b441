"""Helpers for the extraction tests: run the real extractor over a few sentences."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from quotetrack.extract.pipeline import extract_quotes
from quotetrack.types import CleanArticle, Quote

KST = timezone(timedelta(hours=9))


def quotes_of(
    body: str, *, title: str | None = None, published: date | None = date(2024, 3, 15), deck: str = ""
) -> list[Quote]:
    """The quotes the extractor finds in `body` (already clean text) under `title`, with `deck` lines
    (subheadlines) printed between the two."""
    article = CleanArticle(
        title=title,
        published=datetime.combine(published, time(10, 0), KST) if published else None,
        published_has_time=published is not None,
        outlet=None,
        byline=None,
        dateline=None,
        body=f"{deck}\n\n{body}" if deck else body,
        deck_end=len(deck),
    )
    return extract_quotes(article)


def by_text(quotes: list[Quote]) -> dict[str, Quote]:
    """Quotes keyed by their text, for readable assertions."""
    return {q.text: q for q in quotes}


def one(quotes: list[Quote], fragment: str) -> Quote:
    """The single quote whose text contains `fragment`."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, f"{fragment!r} in {[q.text for q in quotes]}"
    return found[0]
