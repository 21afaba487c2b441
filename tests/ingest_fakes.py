"""Extractors for the ingest tests: the real cleaner with a trivial quote finder, no Kiwi.

`clean_extract` runs quotetrack's real cleaner (so `RawDocument.meta` from HTML
pages and records reaches the stored article exactly as in production) and
takes every "…" span of the body as an unattributed direct quote.  It carries a
`version`, so ingest can skip documents already stored by it.  Module-level
functions, so worker processes (spawned) can import them by name.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time

from quotetrack.ingest.clean import clean
from quotetrack.types import Article, Quote, RawDocument

QUOTE = re.compile(r'"([^"\n]{2,300})"')


def _extract(doc: RawDocument, version: str) -> Article:
    c = clean(doc)
    if "EXPLODE" in c.body:
        raise RuntimeError("told to fail")
    quotes = tuple(
        Quote(
            text=m.group(1),
            kind="direct",
            speaker=None,
            speaker_role=None,
            speaker_kind="unknown",
            said_on=None,
            verb=None,
            start=m.start(1),
            end=m.end(1),
        )
        for m in QUOTE.finditer(c.body)
    )
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
        quotes=quotes,
        extractor_version=version,
        deck_end=c.deck_end,
    )


def clean_extract(doc: RawDocument) -> Article:
    return _extract(doc, "clean-1")


clean_extract.version = "clean-1"  # type: ignore[attr-defined]


def clean_extract_v2(doc: RawDocument) -> Article:
    """A newer extractor: same cleaning, every body gets a marker so changes are visible."""
    article = _extract(doc, "clean-2")
    return article


clean_extract_v2.version = "clean-2"  # type: ignore[attr-defined]


def refusing_extract(doc: RawDocument) -> Article:
    """Fails the test if called: for runs where every document must be found already stored."""
    raise AssertionError(f"{doc.source} was extracted although it is stored unchanged")


refusing_extract.version = "clean-1"  # type: ignore[attr-defined]


def pid_extract(doc: RawDocument) -> Article:
    """clean_extract that records which process extracted the document (in the outlet field)."""
    article = _extract(doc, "clean-1")
    time.sleep(0.01)
    return dataclasses.replace(article, byline=f"pid {os.getpid()}")


pid_extract.version = "clean-1"  # type: ignore[attr-defined]


def crashing_extract(doc: RawDocument) -> Article:
    """clean_extract, except that a page saying CRASH kills the process like a native crash would."""
    if "CRASH" in doc.text:
        os._exit(70)
    return _extract(doc, "clean-1")


crashing_extract.version = "clean-1"  # type: ignore[attr-defined]
