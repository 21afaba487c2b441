"""User-facing errors: a reason (what went wrong, naming the thing) plus a hint (what to do).

The CLI catches `QuotetrackError` in one place and prints ``Error: <reason>`` and
the hint, with exit code 1 (2 for `UsageError`).  Library code raises these
instead of printing; anything else escaping is a bug and keeps its traceback.
Messages must never contain a database password: build them from
`quotetrack.db.engine.safe_url`.
"""

from __future__ import annotations


class QuotetrackError(Exception):
    """A failure the user can understand and act on."""

    exit_code = 1

    def __init__(self, reason: str, hint: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint

    def __str__(self) -> str:
        return self.reason if not self.hint else f"{self.reason} ({self.hint})"


class UsageError(QuotetrackError):
    """The command line asked for something impossible (bad option combination, bad value)."""

    exit_code = 2


class ConfigError(QuotetrackError):
    """The configuration (database URL, data dir) cannot be used."""


class DatabaseError(QuotetrackError):
    """The database cannot be reached, opened or written."""


class SchemaError(DatabaseError):
    """The database schema is not at the revision this quotetrack needs."""


class SourceError(QuotetrackError):
    """One input (file, folder, stdin) cannot be read as an article."""


class SpeakerError(QuotetrackError):
    """A speaker named on the command line cannot be found, or names several people."""


class AmbiguousSpeakerError(SpeakerError):
    """A speaker query fits several speakers; the reason lists them so the user can pick one."""

    def __init__(self, reason: str, hint: str | None, candidate_ids: list[int]) -> None:
        super().__init__(reason, hint)
        self.candidate_ids = candidate_ids
