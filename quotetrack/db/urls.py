"""Database URLs as they may be shown: every secret a URL carries, and text with those secrets masked.

A PostgreSQL URL can carry a password in two places — ``user:PASSWORD@host`` and
``?password=PASSWORD`` (libpq reads both) — and a password may be written
percent-encoded (``s3cr%40t``) or, by mistake, not (``p@ss`` makes the URL
ambiguous: SQLAlchemy would take ``ss@host`` for the host and print it).  Every
form of the secret is collected here, so that messages, logs and tracebacks can be
scrubbed of all of them, and an ambiguous URL is refused without being shown.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

MASK = "***"
_USERINFO = re.compile(r"^[^:/]+://([^:/@]*):(.*)@", re.S)
"""scheme://user:SECRET@ — greedy up to the last @, so a password holding @ is caught whole."""
_QUERY_SECRET = re.compile(r"[?&](?:password|sslpassword)=([^&#]*)", re.I)
_SECRET_KEYS = ("password", "sslpassword")


def secrets_of(url: str | URL) -> list[str]:
    """Every spelling of the secrets in a database URL (raw, decoded, as parsed), longest first."""
    found: set[str] = set()
    if isinstance(url, URL):
        if url.password:
            found.add(str(url.password))
        for key in _SECRET_KEYS:
            value = url.query.get(key)
            found.update([value] if isinstance(value, str) else list(value or ()))
        raw = url.render_as_string(hide_password=False)
    else:
        raw = url
    if (m := _USERINFO.match(raw)) is not None:
        found |= {m.group(2), unquote(m.group(2))}
    for m in _QUERY_SECRET.finditer(raw):
        found |= {m.group(1), unquote(m.group(1))}
    if not ambiguous(raw):  # else make_url would cut the password at its first @
        try:
            parsed = make_url(raw)
        except (ArgumentError, ValueError):
            pass
        else:
            if parsed.password:
                found.add(str(parsed.password))
    return sorted((s for s in found if s), key=len, reverse=True)


def mask_secrets(text: str, url: str | URL) -> str:
    """`text` with every secret of the URL replaced by ``***``."""
    for secret in secrets_of(url):
        text = text.replace(secret, MASK)
    return text


def ambiguous(raw: str) -> bool:
    """True when the part before the host holds more than one @ (an unencoded @ in a password)."""
    m = _USERINFO.match(raw)
    return m is not None and "@" in m.group(2)


def display_url(url: str | URL) -> str:
    """The URL as it may be shown: secrets masked, driver left out (``postgresql://``, not ``+psycopg``)."""
    raw = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    if ambiguous(raw):
        return "<database URL with an unencoded @ in its password (not shown)>"
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return "<invalid database URL (not shown)>"
    hidden = {k: MASK for k in _SECRET_KEYS if k in parsed.query}
    shown = parsed.set(drivername=parsed.get_backend_name()).update_query_dict(hidden)
    rendered = shown.render_as_string(hide_password=True).replace("%2A%2A%2A", MASK)
    return mask_secrets(rendered, url)
