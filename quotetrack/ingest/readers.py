"""Readers: turn what the command line names into `RawDocument`s, one failure at a time.

A path is a file, a folder (every article file under it, recursively, in name
order; ``--glob`` narrows it), ``-`` for standard input, or an http(s) URL.
Formats are told by content first and extension second: an HTML page is
recognised whatever it is called, a file that opens with a JSON object on its
first line is JSON Lines, ``.jsonl``/``.json``/``.csv``/``.tsv`` are records,
anything else is page text like a scraper saves it.

Reading is split in two so ingest can run it in worker processes:
`iter_units` (cheap, in the parent) walks the paths and streams record files
into one unit per record; `read_unit` (in a worker) does the costly part —
reading, decoding, HTML extraction, fetching.  Nothing is read ahead: units
are yielded one by one, so a folder of any size streams.  A source that cannot
be read becomes a `SourceFailure` naming it and the reason, and the caller goes
on with the next one.
"""

from __future__ import annotations

import fnmatch
import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from quotetrack.errors import SourceError
from quotetrack.ingest.decode import binary_kind, decode
from quotetrack.ingest.fetch import DEFAULT_TIMEOUT_S, fetch, is_url
from quotetrack.ingest.html import declared_charset, html_document, looks_like_html
from quotetrack.ingest.records import (
    Record,
    RecordFailure,
    RecordFormat,
    iter_records,
    record_format,
    sniff_records,
)
from quotetrack.types import RawDocument

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".json", ".csv", ".tsv"}
)
"""Files a folder scan picks up (without --glob); a file named explicitly is read whatever its name."""
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Refuse bigger single-article files: a news page is a few KB to a few hundred KB; 20 MB is a
mistake (a dump, a video).  Record files (JSON Lines, CSV) stream and have no size limit."""
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class ReadOptions:
    """How to read sources: a forced encoding, a filter for folder scans, the URL timeout."""

    encoding: str | None = None
    glob: str | None = None
    timeout: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class SourceFailure:
    """A source that could not be read or processed, and why (for the user, in one line)."""

    source: str
    reason: str
    line: int | None = None
    """For one record of a JSON Lines/CSV file: the line it starts on (`source` is ``file:line``)."""


@dataclass(frozen=True)
class FileUnit:
    """One file that holds one article (page text or HTML), to be read by `read_unit`."""

    source: str
    path: str


@dataclass(frozen=True)
class UrlUnit:
    """One http(s) URL to fetch."""

    url: str


@dataclass(frozen=True)
class DocUnit:
    """A document already read (a record, standard input), with its extra fields."""

    doc: RawDocument
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordsFile:
    """`read_unit`'s answer for a file that turned out to hold records: stream it with `iter_file_records`."""

    source: str
    path: str
    fmt: RecordFormat


@dataclass(frozen=True)
class EndOfFile:
    """Marks that every record of a record file (or standard input) has been yielded."""

    source: str


Unit = FileUnit | UrlUnit | DocUnit


def iter_units(
    paths: Iterable[str], options: ReadOptions = ReadOptions(), *, stdin: BinaryIO | None = None
) -> Iterator[Unit | SourceFailure | EndOfFile]:
    """Every unit of work under `paths`, in order; record files are streamed one unit per record."""
    for given in paths:
        if given == STDIN:
            yield from _stdin_units(stdin or sys.stdin.buffer, options)
        elif is_url(given):
            yield UrlUnit(given)
        else:
            path = Path(given)
            if path.is_dir():
                found = False
                for file in iter_folder(path, options.glob):
                    found = True
                    yield from _file_units(file, str(file), options)
                if not found:
                    yield SourceFailure(given, _nothing_found(options.glob))
            elif path.exists():
                yield from _file_units(path, given, options)
            else:
                yield SourceFailure(given, "no such file or folder")


def count_files(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> int:
    """How many files, URLs and inputs `iter_units` will visit (for a progress bar's total)."""
    total = 0
    for given in paths:
        path = Path(given)
        if given != STDIN and not is_url(given) and path.is_dir():
            total += sum(1 for _ in iter_folder(path, options.glob))
        else:
            total += 1
    return total


def iter_folder(folder: Path, glob: str | None = None) -> Iterator[Path]:
    """Article files under `folder`, recursively, in name order, skipping hidden files and folders.

    Only one directory listing is held at a time, so a folder of 100,000 files streams.
    """
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as e:
            log.warning("cannot list %s: %s", current, e.strerror or e)
            continue
        subdirs: list[Path] = []
        for entry in entries:
            if entry.is_dir():
                subdirs.append(Path(entry.path))
            elif entry.is_file() and _wanted(Path(entry.path), folder, glob):
                yield Path(entry.path)
        stack.extend(reversed(subdirs))


def read_unit(unit: Unit, options: ReadOptions = ReadOptions()) -> Record | RecordsFile | SourceFailure:
    """Read one unit into a document (or learn that a file holds records); never raises for bad input."""
    if isinstance(unit, DocUnit):
        return Record(unit.doc, unit.extra)
    source = unit.url if isinstance(unit, UrlUnit) else unit.source
    try:
        if isinstance(unit, UrlUnit):
            return _read_url(unit.url, options)
        return _read_file(unit, options)
    except SourceError as e:
        log.debug("cannot read %s: %s", source, e)
        return SourceFailure(source, str(e))


def iter_file_records(
    path: str, source: str, fmt: RecordFormat, options: ReadOptions = ReadOptions()
) -> Iterator[Unit | SourceFailure | EndOfFile]:
    """The records of one JSON Lines/JSON/CSV file as units, streamed; a broken record names its line."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the generator is exhausted)
    except OSError as e:
        yield SourceFailure(source, f"cannot read: {e.strerror or e}")
        return
    with stream:
        yield from _record_units(stream, source, fmt, options)


def iter_documents(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, options: ReadOptions = ReadOptions()
) -> Iterator[RawDocument | SourceFailure]:
    """Each article under `paths` read in this process (for `extract`), or a failure per bad source."""
    for item in iter_records_in_process(paths, stdin=stdin, options=options):
        yield item.doc if isinstance(item, Record) else item


def iter_records_in_process(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, options: ReadOptions = ReadOptions()
) -> Iterator[Record | SourceFailure]:
    """`iter_units` + `read_unit` in one process: every document with its extra fields, or a failure."""
    for unit in iter_units(paths, options, stdin=stdin):
        if isinstance(unit, EndOfFile):
            continue
        if isinstance(unit, SourceFailure):
            yield unit
            continue
        result = read_unit(unit, options)
        if isinstance(result, RecordsFile):
            for sub in iter_file_records(result.path, result.source, result.fmt, options):
                if isinstance(sub, SourceFailure):
                    yield sub
                elif not isinstance(sub, EndOfFile):
                    yield _as_record(read_unit(sub, options))
        else:
            yield result


def _as_record(result: Record | RecordsFile | SourceFailure) -> Record | SourceFailure:
    assert not isinstance(result, RecordsFile)  # a record unit is never a file
    return result


def unit_source(unit: Unit) -> str:
    """The name a unit is reported under: its file, URL or record."""
    if isinstance(unit, DocUnit):
        return unit.doc.source
    return unit.url if isinstance(unit, UrlUnit) else unit.source


def _wanted(path: Path, root: Path, glob: str | None) -> bool:
    if glob is None:
        return path.suffix.lower() in ARTICLE_SUFFIXES
    relative = path.relative_to(root).as_posix()
    return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob)


def _nothing_found(glob: str | None) -> str:
    if glob is not None:
        return f"folder holds no files matching --glob {glob!r}"
    return "folder holds no article files (.txt, .html, .jsonl, .csv …)"


def _file_units(path: Path, source: str, options: ReadOptions) -> Iterator[Unit | SourceFailure | EndOfFile]:
    fmt = record_format(path.name)
    if fmt is None:
        yield FileUnit(source, str(path))
    else:
        yield from iter_file_records(str(path), source, fmt, options)


def _record_units(
    stream: IO[bytes], source: str, fmt: RecordFormat, options: ReadOptions
) -> Iterator[Unit | SourceFailure | EndOfFile]:
    found = False
    try:
        for item in iter_records(stream, source, fmt, encoding=options.encoding):
            if isinstance(item, RecordFailure):
                found = True
                yield SourceFailure(f"{item.source}:{item.line}", item.reason, line=item.line)
            else:
                found = True
                yield DocUnit(item.doc, item.extra)
    except OSError as e:
        yield SourceFailure(source, f"cannot read: {e.strerror or e}")
        found = True
    if not found:
        yield SourceFailure(source, "the file holds no records")
    yield EndOfFile(source)


def _stdin_units(stream: BinaryIO, options: ReadOptions) -> Iterator[Unit | SourceFailure | EndOfFile]:
    buffered: Any = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not looks_like_html(head) and (fmt := sniff_records(head)) is not None:
        yield from _record_units(buffered, STDIN_SOURCE, fmt, options)
        return
    data = buffered.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield SourceFailure(
            STDIN_SOURCE,
            f"standard input is more than the {_human(MAX_ARTICLE_BYTES)} an article can be "
            "(pass one article at a time, or JSON Lines)",
        )
        return
    try:
        yield DocUnit(_document(STDIN_SOURCE, data, options))
    except SourceError as e:
        yield SourceFailure(STDIN_SOURCE, str(e))


def _read_file(unit: FileUnit, options: ReadOptions) -> Record | RecordsFile:
    path = Path(unit.path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
            if (kind := binary_kind(head[:32])) is not None:
                raise SourceError(
                    f"binary file ({kind}), not article text", "pass text, HTML, JSON Lines or CSV"
                )
            if not looks_like_html(head) and (fmt := sniff_records(head)) is not None:
                return RecordsFile(unit.source, unit.path, fmt)
            if size > MAX_ARTICLE_BYTES:
                raise SourceError(
                    f"file is {_human(size)}, more than the {_human(MAX_ARTICLE_BYTES)} an article can be",
                    "split it into one file per article, or save many articles as JSON Lines",
                )
            data = head + f.read()
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror or e}") from None
    return Record(_document(unit.source, data, options))


def _read_url(url: str, options: ReadOptions) -> Record:
    page = fetch(url, timeout=options.timeout)
    if page.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(
        page.data[:SNIFF_BYTES]
    ):
        declared = page.charset or declared_charset(page.data)
        text = decode(page.data, encoding=options.encoding, declared=declared)
        return Record(html_document(url, text, url=page.url))
    if not page.content_type.startswith("text/"):
        raise SourceError(f"the URL serves {page.content_type}, not an article page")
    text = decode(page.data, encoding=options.encoding, declared=page.charset)
    return Record(RawDocument(source=url, text=text, url=page.url))


def _document(source: str, data: bytes, options: ReadOptions) -> RawDocument:
    if looks_like_html(data[:SNIFF_BYTES]):
        text = decode(data, encoding=options.encoding, declared=declared_charset(data))
        return html_document(source, text)
    return RawDocument(source=source, text=decode(data, encoding=options.encoding))


def _human(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
