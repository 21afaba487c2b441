"""JSON Lines, JSON and CSV/TSV records → `RawDocument`s, streamed one record at a time.

Scraper dumps and news-archive exports hold one article per record.  Field
names are matched ignoring case, spaces, hyphens and underscores; the Korean
column names of archive exports (BIG KINDS: 제목, 본문, 언론사, 일자, 기고자, URL)
are understood too:

| field     | accepted names |
|-----------|----------------|
| title     | title, headline, 제목 |
| body      | body, text, content, article, 본문, 내용 (required) |
| url       | url, link, 링크, 주소 |
| outlet    | outlet, publisher, press, site_name, media, source_name, 언론사, 매체 |
| published | published, published_at, date, datetime, pub_date, 일자, 날짜, 작성일, 입력일 |
| author    | author, byline, reporter, writer, 기고자, 기자, 작성자 |

Every other field is kept as given (`Record.extra`, stored in ``articles.extra``).
A record that cannot be read (broken JSON, no body) is a failure naming its
line; the rest of the file is still ingested.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Literal

from quotetrack.errors import SourceError
from quotetrack.ingest.decode import detect_encoding
from quotetrack.types import RawDocument

log = logging.getLogger(__name__)

RecordFormat = Literal["jsonl", "json", "csv", "tsv"]
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "제목"),
    "body": ("body", "text", "content", "article", "본문", "내용"),
    "url": ("url", "link", "링크", "주소"),
    "outlet": ("outlet", "publisher", "press", "sitename", "media", "sourcename", "언론사", "매체"),
    "published": (
        "published",
        "publishedat",
        "date",
        "datetime",
        "pubdate",
        "일자",
        "날짜",
        "작성일",
        "입력일",
    ),
    "author": ("author", "byline", "reporter", "writer", "기고자", "기자", "작성자"),
}
_ALIASES = {alias: name for name, aliases in FIELDS.items() for alias in aliases}
MAX_RECORD_CHARS = 5_000_000
"""One record's body can be long (a transcript) but not this long: that is a dump in one field."""
MAX_JSON_BYTES = 200 * 1024 * 1024
"""A .json file is read whole (it is one document); JSON Lines and CSV stream at any size."""
_BIG_KINDS_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class Record:
    """One record as a document for the extractor, plus the fields quotetrack has no column for."""

    doc: RawDocument
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordFailure:
    """A record that could not be read: the file, the line it starts on, and why."""

    source: str
    line: int
    reason: str


def record_format(name: str) -> RecordFormat | None:
    """The record format a file name implies (.jsonl/.ndjson, .json, .csv, .tsv), else None."""
    lower = name.lower()
    for suffixes, fmt in (
        ((".jsonl", ".ndjson", ".jsonlines"), "jsonl"),
        ((".json",), "json"),
        ((".csv",), "csv"),
        ((".tsv", ".tab"), "tsv"),
    ):
        if lower.endswith(suffixes):
            return fmt  # type: ignore[return-value]
    return None


def sniff_records(head: bytes) -> RecordFormat | None:
    """JSON Lines when a file whose name says nothing opens with a JSON object on its first line."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if first.startswith(b"{") and first.endswith(b"}"):
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else None
        except ValueError:
            return None
    return None


def iter_records(
    stream: IO[bytes], source: str, fmt: RecordFormat, *, encoding: str | None = None
) -> Iterator[Record | RecordFailure]:
    """Each record in `stream` as a document, or a failure for a record that cannot be read."""
    if fmt == "jsonl":
        yield from _jsonl(stream, source, encoding)
    elif fmt == "json":
        yield from _json(stream, source, encoding)
    else:
        yield from _csv(stream, source, fmt, encoding)


def make_record(fields: dict[str, Any], source: str) -> Record:
    """A record's fields → a document; raises `SourceError` when it has no body text."""
    known: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for raw_name, value in fields.items():
        name = _ALIASES.get(_field_key(str(raw_name)))
        if name is None or name in known:
            extra[str(raw_name)] = value
        elif value is None or value == "":
            continue
        elif isinstance(value, str | int | float):
            known[name] = str(value).strip()
        else:
            extra[str(raw_name)] = value
    body = known.pop("body", "")
    if not body.strip():
        names = ", ".join(FIELDS["body"][:4])
        raise SourceError(f"the record has no article text (no non-empty field named {names}, 본문 …)")
    if len(body) > MAX_RECORD_CHARS:
        raise SourceError(f"the record's text is {len(body):,} characters, more than an article can be")
    if (m := _BIG_KINDS_DATE.match(known.get("published", ""))) is not None:
        known["published"] = "-".join(m.groups())
    url = known.get("url") or None
    if url and not url.startswith(("http://", "https://")):
        extra.setdefault("url", url)  # not a web address: keep it, do not identify by it
        del known["url"]
        url = None
    return Record(RawDocument(source=source, text=body, fmt="record", url=url, meta=known), extra)


def _field_key(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).casefold()


def _jsonl(stream: IO[bytes], source: str, encoding: str | None) -> Iterator[Record | RecordFailure]:
    codec = encoding or "utf-8-sig"
    for number, line in enumerate(stream, start=1):
        if number == 2 and codec == "utf-8-sig":
            codec = "utf-8"  # the BOM can only open the file
        if not line.strip():
            continue
        name = f"{source}:{number}"
        try:
            text = line.decode(codec)
        except UnicodeDecodeError:
            yield RecordFailure(source, number, f"line is not valid {codec.replace('-sig', '')} text")
            continue
        try:
            value = json.loads(text)
        except ValueError as e:
            msg = str(getattr(e, "msg", e)).removesuffix(" at").lower()
            col = getattr(e, "colno", None)
            where = f" at column {col}" if col else ""
            yield RecordFailure(source, number, f"invalid JSON{where}: {msg}")
            continue
        yield _record_or_failure(value, name, source, number)


def _json(stream: IO[bytes], source: str, encoding: str | None) -> Iterator[Record | RecordFailure]:
    data = stream.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        yield RecordFailure(
            source, 1, "JSON file too large to read whole; save it as JSON Lines (one per line)"
        )
        return
    try:
        value = json.loads(data.decode(encoding or "utf-8-sig"))
    except UnicodeDecodeError:
        yield RecordFailure(source, 1, "not valid UTF-8 (JSON must be UTF-8; or pass --encoding)")
        return
    except ValueError as e:
        yield RecordFailure(source, getattr(e, "lineno", 1), f"invalid JSON: {getattr(e, 'msg', e)}")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items, start=1):
        yield _record_or_failure(item, f"{source}[{index}]", source, index, what="item")


def _csv(
    stream: IO[bytes], source: str, fmt: RecordFormat, encoding: str | None
) -> Iterator[Record | RecordFailure]:
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    head = buffered.peek(65536)[:65536]
    try:
        codec = encoding or detect_encoding(head)
    except SourceError as e:
        yield RecordFailure(source, 1, str(e))
        return
    if codec == "utf-8":
        codec = "utf-8-sig"
    text = io.TextIOWrapper(buffered, encoding=codecs.lookup(codec).name, newline="")
    delimiter = "\t" if fmt == "tsv" else ","
    _allow_long_fields()
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        if not reader.fieldnames:
            yield RecordFailure(source, 1, "the CSV file has no header row")
            return
        if not any(_ALIASES.get(_field_key(n)) == "body" for n in reader.fieldnames):
            yield RecordFailure(
                source,
                1,
                f"no body column in the header ({', '.join(reader.fieldnames[:8])}); "
                "name it body, text or 본문",
            )
            return
        line = reader.line_num + 1
        for row in reader:
            fields = {k: v for k, v in row.items() if k is not None}
            if None in row:
                fields["_extra_columns"] = row[None]
            yield _record_or_failure(fields, f"{source}:{line}", source, line)
            line = reader.line_num + 1
    except UnicodeDecodeError:
        yield RecordFailure(source, reader.line_num + 1, f"cannot decode as {codec}; pass --encoding")
    except csv.Error as e:
        yield RecordFailure(source, reader.line_num, f"malformed CSV: {e}")


def _record_or_failure(
    value: Any, name: str, source: str, number: int, *, what: str = "line"
) -> Record | RecordFailure:
    if not isinstance(value, dict):
        return RecordFailure(source, number, f"{what} is not a JSON object")
    try:
        return make_record(value, name)
    except SourceError as e:
        return RecordFailure(source, number, str(e))


def _allow_long_fields() -> None:
    limit = sys.maxsize
    while True:  # csv rejects a limit above the platform's C long
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10
