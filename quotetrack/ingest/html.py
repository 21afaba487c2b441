"""Saved or fetched HTML pages → `RawDocument`: main text by trafilatura, metadata from the page head.

Korean news sites print their metadata for crawlers in three places, and we
read them in order of reliability: schema.org JSON-LD (``NewsArticle`` and its
kin: headline, datePublished, author, publisher), Open Graph and article meta
tags (``og:title``, ``og:site_name``, ``article:published_time``, ``og:url``),
then plain tags (``<title>``, ``<meta name="author">``, ``<link rel=canonical>``).
These become `RawDocument.meta`, which the cleaner ranks above anything it
would guess from the text.  The article text itself comes from trafilatura,
which is built and evaluated for exactly this (boilerplate removal on real
news pages), so we do not maintain per-site selectors.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from quotetrack.errors import SourceError
from quotetrack.types import RawDocument

log = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "webpage",
    }
)
"""schema.org types whose fields describe the article (WebPage last: it is a fallback)."""
MIN_TEXT = 40
"""Fewer characters of main text than this is not an article (a list page, a login wall)."""
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
MIN_PARAGRAPH = 30
_SENTENCE_END = frozenset(".!?\"”’'다요죠")
_SITE_TAIL = re.compile(r"\s+(?:[-|–—]|::)\s+([^\s\"“”'‘’|]{2,20}(?:\s[^\s\"“”'‘’|]{1,10})?)$")
"""The site name a <title> tag ends with ("… - 남도일보", "… | 한국일보"): short, unquoted."""
_TITLE_TAIL = re.compile(r"\s*(?:[|:\-–—<]|::)\s*[^|:\-–—<]{1,30}$")


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are an HTML document (also behind a BOM or in UTF-16)."""
    sample = head[:2048].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe")
    return bool(_HTML_START.match(sample)) or (b"<html" in sample.lower() and b"<body" in sample.lower())


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    m = _META_CHARSET.search(head[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def html_document(source: str, page: str, *, url: str | None = None) -> RawDocument:
    """The article in an HTML page: main text and the metadata the page declares.

    `url` is where the page was fetched from; the page's canonical URL wins.
    Raises `SourceError` when the page holds no article text.
    """
    import lxml.html  # imported here: read-only commands never need it
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError) as e:
        raise SourceError(f"cannot parse the HTML: {e}") from None
    meta = page_metadata(tree)
    if "published" not in meta or "outlet" not in meta:
        _guess_missing(tree, meta)
    text = main_text(tree)
    if not _is_article(text):
        raise SourceError(
            "no article text found in the HTML page",
            "save the article page itself, not a front page, list or search result",
        )
    page_url = meta.get("url") or url
    if page_url:
        meta["url"] = page_url
    return RawDocument(source=source, text=text, fmt="text", url=page_url, meta=meta)


def main_text(tree: Any) -> str:
    """The page's article text, paragraphs separated by blank lines ("" when there is none)."""
    import trafilatura  # ~0.1 s to import; only pages need it

    text = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def page_metadata(tree: Any) -> dict[str, str]:
    """title, published, outlet, author, url (those the page declares) from JSON-LD and meta tags."""
    tags = _meta_tags(tree)
    ld = _json_ld_article(tree)
    found: dict[str, str | None] = {
        "title": _ld_text(ld, "headline", "name")
        or tags.get("og:title")
        or tags.get("twitter:title")
        or _title_tag(tree),
        "published": _ld_text(ld, "datePublished", "dateCreated")
        or tags.get("article:published_time")
        or tags.get("og:article:published_time")
        or tags.get("og:regdate")
        or tags.get("pubdate")
        or tags.get("publishdate")
        or tags.get("date")
        or tags.get("article:published"),
        "outlet": tags.get("og:site_name") or _ld_name(ld.get("publisher")) or tags.get("application-name"),
        "author": _ld_name(ld.get("author"))
        or _non_url(tags.get("article:author"))
        or tags.get("dable:author")
        or tags.get("author")
        or tags.get("byl"),
        "url": _canonical(tree) or tags.get("og:url") or _ld_url(ld),
    }
    meta = {k: " ".join(v.split()) for k, v in found.items() if v and v.strip()}
    if "title" in meta and "outlet" in meta:
        meta["title"] = _strip_site(meta["title"], meta["outlet"])
    elif "title" in meta and found["title"] == _title_tag(tree) and (m := _SITE_TAIL.search(meta["title"])):
        meta["title"], meta["outlet"] = meta["title"][: m.start()].strip(), m.group(1).strip()
    return meta


def _guess_missing(tree: Any, meta: dict[str, str]) -> None:
    """A page that declares no date or site: trafilatura's guesses from the page (day only)."""
    import trafilatura

    try:
        guessed = trafilatura.extract_metadata(tree)
    except Exception:  # a fallback must never cost the article
        log.debug("trafilatura could not guess the page's metadata", exc_info=True)
        return
    if guessed is None:
        return
    if "published" not in meta and guessed.date:
        meta["published"] = str(guessed.date)
    if "outlet" not in meta and guessed.sitename:
        meta["outlet"] = str(guessed.sitename)


def _is_article(text: str) -> bool:
    """Main text with at least one sentence-like paragraph (list pages hold only short link lines)."""
    if len(text) < MIN_TEXT:
        return False
    return any(len(p) >= MIN_PARAGRAPH and p.rstrip()[-1] in _SENTENCE_END for p in text.split("\n"))


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), content.strip())
    return tags


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object of an article type (NewsArticle before WebPage), else {}."""
    best: dict[str, Any] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            log.debug("skipping a JSON-LD block that is not valid JSON")
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
            if names & (ARTICLE_TYPES - {"webpage"}):
                return obj
            if "webpage" in names and not best:
                best = obj
    return best


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _ld_text(ld: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = ld.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _ld_name(value: Any) -> str | None:
    """A person or organisation as JSON-LD gives it: a string, {"name": …} or a list of them."""
    if isinstance(value, str):
        return value if value.strip() and not value.startswith("http") else None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) and name.strip() else None
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _ld_url(ld: dict[str, Any]) -> str | None:
    for value in (ld.get("url"), ld.get("mainEntityOfPage")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def _canonical(tree: Any) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            href = (el.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    return None


def _title_tag(tree: Any) -> str | None:
    el = tree.find(".//title")
    return el.text_content() if el is not None else None


def _non_url(value: str | None) -> str | None:
    return value if value and not value.startswith(("http://", "https://")) else None


def _strip_site(title: str, outlet: str) -> str:
    """og:title without the site name many outlets append ("… | 연합뉴스", "… - 조선일보")."""
    m = _TITLE_TAIL.search(title)
    if m and outlet.replace(" ", "") in m.group(0).replace(" ", "") and m.start() > 0:
        return title[: m.start()].strip()
    return title
