"""http(s) URLs → page bytes, with a timeout, a size cap and errors a user can act on.

Plain `urllib` is enough for fetching one article page at a time (no sessions,
no JavaScript); what matters is that an offline machine, a wrong host, a slow
server and an error page each say so in one line instead of a traceback.
"""

from __future__ import annotations

import logging
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from quotetrack import __version__
from quotetrack.errors import SourceError

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 20.0
"""Seconds to wait for a server to connect or send more bytes; news pages answer in well under 5 s."""
MAX_PAGE_BYTES = 20 * 1024 * 1024
USER_AGENT = f"quotetrack/{__version__} (+https://pypi.org/project/quotetrack/)"


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the charset the server declared, and the URL after redirects."""

    url: str
    data: bytes
    charset: str | None
    content_type: str


def is_url(text: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> Page:
    """Download one page; raises `SourceError` saying what went wrong (offline, 404, timeout …)."""
    host = urlsplit(url).hostname or url
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as e:
        raise SourceError(f"the server answered HTTP {e.code} {e.reason}", "check the URL") from None
    except urllib.error.URLError as e:
        raise SourceError(*_network_reason(e.reason, host, timeout)) from None
    except TimeoutError:
        raise SourceError(*_network_reason(TimeoutError(), host, timeout)) from None
    except (OSError, ValueError) as e:
        raise SourceError(f"cannot fetch the page: {e}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise SourceError(f"the page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB; not an article")
    content_type = headers.get_content_type()
    log.debug("fetched %s (%d bytes, %s)", final, len(data), content_type)
    return Page(url=final, data=data, charset=headers.get_content_charset(), content_type=content_type)


def _network_reason(reason: object, host: str, timeout: float) -> tuple[str, str]:
    if isinstance(reason, TimeoutError | socket.timeout):
        return (
            f"no answer from {host} within {timeout:g} s",
            "try again later, or save the page and ingest the file",
        )
    if isinstance(reason, socket.gaierror):
        return (
            f"cannot find the host {host} (offline, or a wrong address)",
            "check the network connection and the URL, or save the page and ingest the file",
        )
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection", "check the URL, or save the page and ingest the file"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection to {host} failed: {reason}", "check the URL (http vs https)"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host}: {reason.strerror}", "check the network connection, or save the page"
    return f"cannot reach {host}: {reason}", "check the network connection, or save the page"
