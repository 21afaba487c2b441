"""The extraction pipeline: raw document in, article with attributed quotes out (STUB: being written)."""

from __future__ import annotations

from quotetrack.ingest.clean import clean
from quotetrack.types import Article, RawDocument

EXTRACTOR_VERSION = "0"
"""Bumped whenever extraction output can change, so `reprocess` knows what is stale."""


def extract(doc: RawDocument) -> Article:
    """Clean a raw document and extract its quotes."""
    c = clean(doc)
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
        quotes=(),
        extractor_version=EXTRACTOR_VERSION,
        deck_end=c.deck_end,
    )
