"""Headline abbreviations: the one-letter forms Korean headlines use for countries and bodies.

Headlines write 北 where the body writes 북한, and 북·러 where it writes 북한과
러시아, so a search for 북한 must find 北 and the reverse (issue 14).  Each group
is one word: searching any member finds every member.

Source: the standard headline shorthand of Korean dailies (the Hanja country and
institution abbreviations in 연합뉴스 and 조선일보 headlines, and the Hangul one-
syllable forms between middle dots in 북·러, 한·미), checked against the
headlines of tests/data.  Hanja forms are unambiguous, so they match anywhere
(北에, 對北).  Hangul one-syllable forms match only standing alone as a word of
their own (북 미사일, 북·러): 북, 미 and 러 almost never stand alone for anything
else, while 한 (한 번), 중 (회의 중) and 일 (일 잘한다) do, so those are left out.

Users extend the table with a file ``abbreviations.txt`` in the data folder (see
docs/commands.md): one group per line, the full form first, members separated
by spaces; ``#`` starts a comment.
"""

from __future__ import annotations

from pathlib import Path

from quotetrack.errors import ConfigError

HEADLINE_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("북한", "北", "북"),
    ("미국", "美", "미"),
    ("중국", "中"),
    ("일본", "日"),
    ("러시아", "露", "러"),
    ("영국", "英"),
    ("프랑스", "佛"),
    ("독일", "獨"),
    ("청와대", "靑"),
    ("여당", "與"),
    ("야당", "野"),
    ("한국", "韓"),
    ("검찰", "檢"),
    ("경찰", "警"),
)
"""Full form first, then its abbreviations.  docs/commands.md lists the same table (tests check it)."""

USER_FILE = "abbreviations.txt"


def load(data_dir: Path) -> tuple[tuple[str, ...], ...]:
    """The built-in groups, plus the user's from ``abbreviations.txt`` in the data folder."""
    path = data_dir / USER_FILE
    if not path.is_file():
        return HEADLINE_ABBREVIATIONS
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}", "save it as UTF-8 text, one group per line") from None
    extra = []
    for line in lines:
        words = tuple(line.split("#", 1)[0].split())
        if len(words) >= 2:
            extra.append(words)
    return HEADLINE_ABBREVIATIONS + tuple(extra)
