"""Speaker use cases the CLI calls: list, show, merge, rename, aliases, reassign a quote, import names.

Each takes `Settings`, works in one transaction and returns plain values (no
ORM rows) for the CLI to render; nothing here prints or imports the NLP stack.
A speaker named by the user goes through `speakers.queries.find_speaker`, so
an ambiguous name lists the candidates instead of picking one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from quotetrack.config import Settings
from quotetrack.db.schema import Speaker
from quotetrack.errors import SourceError, SpeakerError
from quotetrack.service import existing_database
from quotetrack.speakers import curation
from quotetrack.speakers.curation import ImportReport, ImportRow, NameClash
from quotetrack.speakers.queries import (
    SpeakerProfile,
    SpeakerSummary,
    find_speaker,
    list_speakers,
    speaker_profile,
    unknown_speaker,
)

IMPORT_COLUMNS = ("canonical", "alias", "kind")
IMPORT_ENCODINGS = ("utf-8-sig", "cp949")
"""Curated name lists come from spreadsheets: UTF-8 (with Excel's BOM) or Korean Windows' CP949."""


@dataclass(frozen=True)
class Change:
    """What a curation command did, for the CLI to report."""

    speaker_id: int
    name: str
    message: str
    clash: NameClash | None = None


@contextmanager
def _session(settings: Settings, write: str | None = None) -> Iterator[Session]:
    """A transaction on the configured, existing database; driver errors become DatabaseError.

    `write` names what the command does when it writes: a read-only database stops it at once."""
    with existing_database(settings, "the speaker command on", write=write) as session:
        yield session


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _one(session: Session, name: str) -> Speaker:
    speaker = find_speaker(session, name)
    if speaker is None:
        raise unknown_speaker(session, name)  # with the closest stored names
    return speaker


def speakers(
    settings: Settings, query: str | None = None, *, kind: str | None = None, limit: int | None = None
) -> list[SpeakerSummary]:
    """Speakers matching the query (all when None), best matches or most quoted first."""
    kind = curation.check_kind(kind)
    with _session(settings) as session:
        found = list_speakers(session, query, kind=kind, limit=limit)
        if not found and query is not None and kind is None:
            raise unknown_speaker(session, query)  # a typo is told apart from an empty list
        return found


def show(settings: Settings, name: str) -> SpeakerProfile:
    """One speaker's profile: aliases, roles over time, quote counts, outlets, latest quotes."""
    with _session(settings) as session:
        return speaker_profile(session, _one(session, name))


def merge(settings: Settings, keep: str, others: Sequence[str]) -> Change:
    """Fold the `others` speakers into `keep` (kept across re-ingest and reprocess)."""
    with _session(settings, write="merge speakers") as session:
        kept = _one(session, keep)
        result = curation.merge_speakers(session, kept, [_one(session, o) for o in others])
        return Change(
            kept.id,
            kept.name,
            f"Merged {', '.join(result.merged)} into {kept.name} (ID {kept.id}): "
            f"{_count(result.quotes_moved, 'quote', 'quotes')} moved, "
            f"{_count(result.aliases_added, 'alias', 'aliases')} added.",
        )


def rename(settings: Settings, name: str, new_name: str) -> Change:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    with _session(settings, write="rename a speaker") as session:
        speaker = _one(session, name)
        old = speaker.name
        clash = curation.rename_speaker(session, speaker, new_name)
        return Change(speaker.id, speaker.name, f"Renamed {old} to {speaker.name} (ID {speaker.id}).", clash)


def add_alias(settings: Settings, name: str, alias: str) -> Change:
    with _session(settings, write="add an alias") as session:
        speaker = _one(session, name)
        added, clash = curation.add_speaker_alias(session, speaker, alias)
        message = (
            f"Added alias {alias.strip()} to {speaker.name} (ID {speaker.id})."
            if added
            else f"{speaker.name} (ID {speaker.id}) is already called {alias.strip()}."
        )
        return Change(speaker.id, speaker.name, message, clash)


def remove_alias(settings: Settings, name: str, alias: str) -> Change:
    with _session(settings, write="remove an alias") as session:
        speaker = _one(session, name)
        curation.remove_speaker_alias(session, speaker, alias)
        return Change(
            speaker.id, speaker.name, f"Removed alias {alias.strip()} from {speaker.name} (ID {speaker.id})."
        )


def reassign(
    settings: Settings, quote_id: int, speaker: str, *, role: str | None = None, new_kind: str | None = None
) -> Change:
    """Attribute one quote to another speaker; `new_kind` creates the speaker when none has that name."""
    kind = curation.check_kind(new_kind)
    with _session(settings, write="reassign a quote") as session:
        target = find_speaker(session, speaker)
        if target is None and kind is not None:
            target = curation.create_named_speaker(session, speaker, kind)
        elif target is None:
            raise SpeakerError(
                f"no speaker is called {speaker!r}",
                "check the name with `quotetrack speakers NAME`, or add --new-kind person to create them",
            )
        quote, previous = curation.reassign_quote(session, quote_id, target, role=role)
        was = f" (was speaker ID {previous})" if previous is not None and previous != target.id else ""
        return Change(
            target.id,
            target.name,
            f"Quote {quote.id} is now attributed to {target.name} (ID {target.id}){was}.",
        )


def import_names(settings: Settings, path: str) -> ImportReport:
    """Load a curated CSV of canonical names and aliases (canonical, alias[, kind]), all or nothing."""
    rows = read_import_file(Path(path))
    with _session(settings, write="import names") as session:
        return curation.import_names(session, rows)


def read_import_file(path: Path) -> list[ImportRow]:
    """Rows of a names file; a header row naming the columns is optional.  Errors name file and line."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(f"cannot read {path}: {e.strerror or e}", "check the path") from e
    text = None
    for encoding in IMPORT_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise SourceError(f"{path} is neither UTF-8 nor CP949 text", "save the file as UTF-8 CSV")
    rows: list[ImportRow] = []
    for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and [c.lower() for c in cells[:3]] == list(IMPORT_COLUMNS[: len(cells[:3])]):
            continue
        if len(cells) > 3:
            raise SourceError(
                f"{path}, line {number}: {len(cells)} columns",
                "use canonical,alias[,kind] (quote names with commas)",
            )
        canonical, alias, kind = [*cells, "", "", ""][:3]
        if not canonical:
            raise SourceError(
                f"{path}, line {number}: the canonical name is empty", "fill in the first column"
            )
        try:
            kind_ok = curation.check_kind(kind)
            curation.valid_name(canonical)
            if alias:
                curation.valid_name(alias)
        except SpeakerError as e:
            raise SourceError(f"{path}, line {number}: {e.reason}", e.hint) from e
        rows.append(ImportRow(number, canonical, alias or None, kind_ok))
    if not rows:
        raise SourceError(f"{path} holds no names", "write one canonical,alias[,kind] row per line")
    return rows
