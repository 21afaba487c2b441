"""Bytes → text for article sources: BOMs, UTF-8, UTF-16, CP949/EUC-KR, or a forced encoding.

Korean archives still hand out CP949/EUC-KR files, Windows tools write UTF-16
and UTF-8 with a BOM, and scrapers write plain UTF-8.  Detection, in order:
a known binary signature (an image or archive saved under a .txt name) is
refused; a BOM decides; NUL bytes on one parity only mean UTF-16 without a BOM
(ASCII spaces and digits in UTF-16 carry a zero byte), any other NUL means
binary; an encoding the page declares (``<meta charset>``, HTTP header) is
tried next; then strict UTF-8 (an accidental CP949 file is never valid UTF-8
beyond a few bytes), then CP949, a superset of EUC-KR.  Decoded text with more
than `CONTROL_MAX` control characters is binary data that happened to decode.
"""

from __future__ import annotations

import codecs
import re

from quotetrack.errors import SourceError, UsageError

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (HWP/DOC/XLS)"),
    (b"HWP Document File", "a HWP document"),
)
"""File signatures of binary formats analysts' folders really hold, to name them in the message."""

FALLBACKS = ("utf-8", "cp949")
CONTROL_MAX = 0.01
"""Share of control characters (other than tab, newlines, form feed) allowed in decoded text.
Real articles have none; a stray one in a scraped page is tolerated, binary data has many."""
SNIFF = 4096
UTF16_PARITY = 4
"""How many times more zero bytes one parity must hold than the other to be read as UTF-16."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_encoding(name: str) -> str:
    """The codec's canonical name, or a usage error naming the unknown encoding."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(
            f"unknown encoding {name!r}", "use a Python codec name such as utf-8, cp949, euc-kr or utf-16"
        ) from None


def binary_kind(head: bytes) -> str | None:
    """What binary format `head` starts with, if it is one quotetrack knows."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def decode(data: bytes, *, encoding: str | None = None, declared: str | None = None) -> str:
    """Decode one source's bytes to text, or raise `SourceError` saying why it is not article text.

    `encoding` forces a codec (``--encoding``); `declared` is a charset the source
    itself names, tried before the fallbacks.
    """
    if kind := binary_kind(data[:32]):
        raise SourceError(f"binary file ({kind}), not article text", "pass text, HTML, JSON Lines or CSV")
    text = _decode_forced(data, encoding) if encoding is not None else _detect(data, declared)
    if not text.strip():
        raise SourceError("empty file" if not data.strip() else "no text in the file (only whitespace)")
    if _looks_binary(text):
        raise SourceError("binary file, not article text", "pass text, HTML, JSON Lines or CSV")
    return text


def detect_encoding(head: bytes, declared: str | None = None) -> str:
    """The encoding to stream a file with, judged from its first bytes (for CSV and JSON Lines)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head[:SNIFF]:
        parity = _utf16_parity(head[:SNIFF])
        if parity is None:
            raise SourceError("binary file, not article text", "pass text, HTML, JSON Lines or CSV")
        return parity
    known = _known(declared)
    candidates = ([known] if known else []) + list(FALLBACKS)
    for name in candidates:
        if _decodes(head, name):
            return name
    raise SourceError(
        "cannot decode as UTF-8, UTF-16 or CP949/EUC-KR", "pass --encoding with the file's encoding"
    )


def _detect(data: bytes, declared: str | None) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_forced(data, name)
    if b"\x00" in data[:SNIFF] or b"\x00" in data[-SNIFF:]:
        parity = _utf16_parity(data[:SNIFF])
        if parity is None:
            raise SourceError("binary file, not article text", "pass text, HTML, JSON Lines or CSV")
        try:
            return data.decode(parity)
        except UnicodeDecodeError:
            raise SourceError("binary file, not article text", "pass text, HTML, JSON Lines or CSV") from None
    names = [n for n in (_known(declared),) if n] + [n for n in FALLBACKS if n != _known(declared)]
    for name in names:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise SourceError(
        "cannot decode as UTF-8, UTF-16 or CP949/EUC-KR",
        "pass --encoding with the file's encoding (e.g. --encoding euc-kr)",
    )


def _decode_forced(data: bytes, encoding: str) -> str:
    name = check_encoding(encoding)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        raise SourceError(
            f"cannot decode as {encoding}: invalid bytes at offset {e.start}",
            "check the file's encoding (--encoding)",
        ) from None


def _utf16_parity(head: bytes) -> str | None:
    """utf-16-le/-be when zero bytes sit mostly on one parity (UTF-16 without BOM), else None.

    In UTF-16LE every ASCII character (spaces, digits, punctuation) has a zero
    high byte at an odd offset; Hangul syllables U+xx00 (대, 선 …) add a few at
    even offsets.  Binary data has zeros on both parities alike.
    """
    head = head[: len(head) - len(head) % 2]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= UTF16_PARITY * max(even, 1):
        return "utf-16-le"
    if even >= UTF16_PARITY * max(odd, 1):
        return "utf-16-be"
    return None


def _decodes(head: bytes, name: str) -> bool:
    decoder = codecs.getincrementaldecoder(name)(errors="strict")
    try:
        decoder.decode(head, final=False)  # a multibyte character cut at the end is fine
    except UnicodeDecodeError:
        return False
    return True


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, CONTROL_MAX * len(sample))
