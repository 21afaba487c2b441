"""Recover title, date, outlet, byline and a clean body from a raw page (STUB: being written)."""

from __future__ import annotations

from quotetrack.types import CleanArticle, RawDocument


def clean(doc: RawDocument) -> CleanArticle:
    """Split a raw page into metadata and clean body text."""
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    title = lines[0] if lines else None
    return CleanArticle(
        title=title,
        published=None,
        published_has_time=False,
        outlet=None,
        byline=None,
        dateline=None,
        body="\n\n".join(lines[1:]),
    )
