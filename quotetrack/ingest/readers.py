"""Readers: turn paths given on the command line into `RawDocument`s, one failure at a time.

A path is a file (read whatever its extension), a folder (every ``*.txt`` under
it, recursively, in name order) or ``-`` for standard input.  Nothing is read
ahead: documents are yielded one by one so a folder of any size streams.  A
source that cannot be read becomes a `SourceFailure` naming it and the reason,
and the caller goes on with the next one.  Issue 4 adds HTML, JSONL, CSV, URLs
and forced encodings here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from quotetrack.errors import SourceError
from quotetrack.types import RawDocument

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
ARTICLE_SUFFIXES = frozenset({".txt"})
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Refuse bigger inputs: a news article is a few KB; 20 MB is a mistake (a dump, an image)."""
ENCODINGS = ("utf-8-sig", "cp949")
"""Tried in order.  CP949 is a superset of EUC-KR, the other encoding Korean archives use."""


@dataclass(frozen=True)
class SourceFailure:
    """A source that could not be read or processed, and why (for the user, in one line)."""

    source: str
    reason: str


def iter_documents(
    paths: Iterable[str], *, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | SourceFailure]:
    """Yield each article found under `paths`, or a failure for each source that cannot be read."""
    for given in paths:
        if given == STDIN:
            yield _read_or_fail(STDIN_SOURCE, partial(_read_stream, stdin or sys.stdin.buffer))
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for file in _article_files(path):
                found = True
                yield _read_or_fail(str(file), partial(_read_file, file))
            if not found:
                suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
                yield SourceFailure(given, f"folder holds no article files ({suffixes})")
        elif path.exists():
            yield _read_or_fail(given, partial(_read_file, path))
        else:
            yield SourceFailure(given, "no such file or folder")


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else CP949; refuse binary data."""
    if not data.strip():
        raise SourceError("empty file")
    if b"\x00" in data[:8192]:
        raise SourceError("binary file, not article text", "pass a text file")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("cannot decode as UTF-8 or CP949", "save the file as UTF-8")


def _article_files(folder: Path) -> Iterator[Path]:
    for file in sorted(folder.rglob("*")):
        if file.suffix.lower() in ARTICLE_SUFFIXES and file.is_file() and not file.name.startswith("."):
            yield file


def _read_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise SourceError(
                f"file is {_human(size)}, more than the {_human(MAX_ARTICLE_BYTES)} an article can be",
                "split it into one file per article",
            )
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror or e}") from None
    return decode(data)


def _read_stream(stream: BinaryIO) -> str:
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise SourceError(
            f"standard input is more than the {_human(MAX_ARTICLE_BYTES)} an article can be",
            "pass one article at a time",
        )
    return decode(data)


def _read_or_fail(source: str, read: Callable[[], str]) -> RawDocument | SourceFailure:
    try:
        text = read()
    except SourceError as e:
        log.debug("cannot read %s: %s", source, e)
        return SourceFailure(source, str(e))
    return RawDocument(source=source, text=text)


def _human(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
