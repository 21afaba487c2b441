"""The quote filters shared by search, export, stats, timeline, claims and changes.

Each option is an Annotated alias so every command spells, documents and
validates it the same way; `make_filter` turns the parsed values into a
`QuoteFilter` (dates: YYYY-MM-DD, or YYYY-MM / YYYY for a whole month / year).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from quotetrack import service
from quotetrack.analysis import abbreviations
from quotetrack.analysis.abbreviations import HEADLINE_ABBREVIATIONS
from quotetrack.cli.base import plural, settings_of, stderr
from quotetrack.config import Settings
from quotetrack.db.search import QuoteFilter
from quotetrack.errors import UsageError


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    headline = "headline"


class Attribution(StrEnum):
    """types.ATTRIBUTIONS as typer lists choices (tests/test_attribution_migration.py keeps them in step)."""

    explicit = "explicit"
    resolved = "resolved"
    pronoun = "pronoun"
    carried = "carried"
    tag = "tag"
    interview = "interview"
    headline = "headline"
    relay = "relay"


SpeakerOption = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        "-s",
        metavar="NAME",
        help="Speaker name or part of one; spaces and case are ignored (푸틴 finds 블라디미르 푸틴).",
        show_default=False,
    ),
]
SpeakerArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="SPEAKER",
        help="Speaker name or part of one (페스코프, 푸틴); the same as --speaker.",
        show_default=False,
    ),
]
TextOption = Annotated[
    str | None,
    typer.Option(
        "--text",
        "-t",
        metavar="WORDS",
        help="Words the quote must contain, each a substring (위반 finds 위반하지, 핵 finds 핵실험); "
        'several words must all occur; "…" is an exact phrase; headline abbreviations count as their '
        "full form (北 = 북한). Taken literally: no wildcards or operators.",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only quotes said on or after this day: YYYY-MM-DD, or YYYY-MM / YYYY for its first day.",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        help="Only quotes said on or before this day: YYYY-MM-DD, or YYYY-MM / YYYY for its last day.",
        show_default=False,
    ),
]
OutletOption = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        metavar="NAME",
        help="Only quotes reported by outlets whose name contains this (spaces and case ignored).",
        show_default=False,
    ),
]
KindOption = Annotated[
    list[Kind] | None,
    typer.Option(
        "--kind",
        "-k",
        help="Only quotes of this kind; repeat for several (direct: in quotation marks, "
        "indirect: reported speech, headline: in the title).",
        case_sensitive=False,
        show_default=False,
    ),
]
RoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        metavar="ROLE",
        help="Only quotes whose printed role contains this (대변인 finds 크렘린궁 대변인).",
        show_default=False,
    ),
]

AttributionOption = Annotated[
    list[Attribution] | None,
    typer.Option(
        "--attribution",
        help="Only quotes whose speaker was found this way; repeat for several (explicit: named in the "
        "quote's own sentence; resolved, pronoun: a shorter mention or 그는 resolved in the article; "
        "carried: from the quote before; tag, interview, headline, relay).",
        case_sensitive=False,
        show_default=False,
    ),
]


def one_speaker(positional: str | None, option: str | None) -> str:
    """The speaker of a speaker-centred command, given as SPEAKER or --speaker (either reads
    naturally: `timeline 푸틴`, or the same options as `search`); both must agree."""
    if positional is not None and option is not None and positional != option:
        raise UsageError(
            f"two speakers given: {positional!r} and --speaker {option!r}", "name one speaker, once"
        )
    speaker = positional if positional is not None else option
    if speaker is None:
        raise UsageError("name a speaker", "e.g. `quotetrack timeline 푸틴` or --speaker 푸틴")
    return speaker


_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_day(value: str, option: str, *, end: bool) -> date:
    """A --since/--until value as a day; a month or year means its first (or, for --until, last) day."""
    m = _DAY.match(value.strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if m[2] is None:
            raise ValueError
        return date(year, month, int(day))
    except ValueError:
        raise UsageError(
            f"{option} {value!r} is not a date", "write it as YYYY-MM-DD (or YYYY-MM, or YYYY)"
        ) from None


def make_filter(
    settings: Settings | None = None,
    *,
    speaker: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    kinds: list[Kind] | None = None,
    role: str | None = None,
    attributions: list[Attribution] | None = None,
) -> QuoteFilter:
    """The filter the options describe; bad dates or an inverted range are usage errors.  With
    `settings`, --text also knows the user's own abbreviations (abbreviations.txt in the data folder)."""
    groups = (
        abbreviations.load(settings.data_dir) if settings is not None and text else HEADLINE_ABBREVIATIONS
    )
    return QuoteFilter(
        abbreviations=groups,
        speaker=speaker,
        text=text,
        since=parse_day(since, "--since", end=False) if since is not None else None,
        until=parse_day(until, "--until", end=True) if until is not None else None,
        outlet=outlet,
        kinds=tuple(k.value for k in kinds or ()),
        role=role,
        attributions=tuple(a.value for a in attributions or ()),
    )


def describe(filters: QuoteFilter) -> str:
    """The filters in words, for 'nothing found' messages (a long value shortened: one line)."""
    parts = []
    for label, value in (
        ("speaker", filters.speaker),
        ("text", filters.text),
        ("outlet", filters.outlet),
        ("role", filters.role),
    ):
        if value is not None:
            parts.append(f"{label} {_shortened(value)!r}")
    if filters.kinds:
        parts.append("kind " + "/".join(filters.kinds))
    if filters.attributions:
        parts.append("attribution " + "/".join(filters.attributions))
    if filters.since or filters.until:
        parts.append(f"said {filters.since or '…'} to {filters.until or '…'}")
    return ", ".join(parts) if parts else "any speaker"


def note_undated(ctx: typer.Context, filters: QuoteFilter, *, left_out_of: str | None = None) -> None:
    """Say on stderr how many quotes were left out for having no date at all (neither said nor
    published), so a date filter or a time axis never drops quotes without a word.

    Without `left_out_of`, only --since/--until leave them out (search, export, stats count
    them under an unknown month otherwise); with it, the command has no place for them at all
    (``the timeline``, ``the comparison``) and says so whatever the bounds."""
    n = service.undated_left_out(settings_of(ctx), filters, on_time_axis=left_out_of is not None)
    if n:
        why = f"of {left_out_of}" if left_out_of else "by --since/--until"
        stderr().print(f"{n} {plural(n, 'quote')} with no date (neither said nor published) left out {why}.")


def _shortened(value: str, most: int = 60) -> str:
    return value if len(value) <= most else value[: most - 1] + "…"
