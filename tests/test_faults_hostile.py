"""Whatever an analyst types as a search or filter value is taken literally, never as SQL or FTS syntax.

Property-based: hypothesis types values full of the syntax of SQL, LIKE, FTS5 and shells
(' " * % _ \\ ^ : NEAR AND OR NOT, parentheses, comment and statement markers), Korean and
Latin mixed, very long and empty values — and values cut out of the stored texts, names and
outlets so there is something to find — into `quotetrack search --text/--speaker/--outlet/
--role` and the other read commands, through the real command line, on SQLite and
PostgreSQL.  Each command must end with a message, never a traceback (exit 0, or 1/2 with
an explanation), and find exactly the quotes a plain Python filter over the same rows finds:

- --text: every whitespace-separated word occurs in the quote, Latin letters ignoring
  case; a word with fewer than two letters or digits, or more than 16 different words,
  is refused (exit 2);
- --speaker: the speakers whose name or an alias contains the value (spaces, case and
  middle dots ignored; a number is an id): none → no quotes; one → exactly its quotes;
  several → exactly the quotes of one of them (the best match) or a list of them (exit 1);
- --outlet: outlets whose name contains the value (spaces and case ignored);
- --role: quotes whose printed role contains the value (case ignored).

The generated characters are those whose NFKC form is themselves and whose only case is
ASCII (Hangul syllables, CJK, ASCII, symbols): there both backends define "contains" the
same way.  (Width variants — ＵＮ for UN — are folded by SQLite's word index only.)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pytest
from helpers import KST, make_article, make_quote
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from typer.testing import CliRunner

from quotetrack.analysis.abbreviations import HEADLINE_ABBREVIATIONS
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.fts import MAX_TERMS
from quotetrack.db.store import save_article
from quotetrack.normalize import name_key

pytestmark = pytest.mark.slow

HOSTILE = [
    "'", "''", '"', '""', "*", "%", "_", "%_%", "\\", "\\\\", "^", ":", "-", "+", ";", "--", "/*", "*/",
    "(", ")", "()", "[", "]", "{", "}", "NEAR", "NEAR(", "near", "AND", "and", "OR", "NOT", "MATCH",
    "' OR '1'='1", "'; DROP TABLE quotes; --", '"위반"', "100%", "위_반", "a_b", "C:\\temp", "O'Brien",
    "NEAR(a b, 3)", "x* OR y*", "{col}:word", "ǂ", "위반", "정부", "제재", "Korea", "KOREA", "한국Korea",
    "漢字", "😀", "\t", "  ",
]  # fmt: skip
"""Fragments with a meaning in SQL, LIKE, FTS5 or a shell, and a few plain words among them."""

QUOTES = [
    "지지율 100% 달성은 어렵다",
    "위_반 사항은 없다고 본다",
    'NEAR(거리, 5) AND 조건 OR 선택 "인용" 별표* 검색',
    "O'Brien 대사는 ' OR '1'='1 같은 문자열을 보냈다",
    "경로는 C:\\temp\\새 폴더 이고 백슬래시 \\\\ 두 개",
    "'; DROP TABLE quotes; -- 는 장난일 뿐이다",
    "한국Korea 혼합mix 텍스트와 KOREA 대문자, korea 소문자",
    "漢字와 한글이 섞인 문장 😀 이모지도 있다",
    "{col}:word ^caret 그리고 ǂ 구분자 기호",
    "정부는 대북 제재 위반을 좌시하지 않을 것",
    "제재 %_% 와일드카드 a_b 와 ab",
    "(괄호) [대괄호] {중괄호} 모두 닫혔다",
    "x* OR y* 는 FTS 문법이다 NOT MATCH",
    "탭\t문자와  두 칸 공백",
    "위반" * 600,  # a long quote: 1,200 characters
    " ".join(f"{h}{i}" for i, h in enumerate(HOSTILE * 30))[:5000],  # 5,000 characters of syntax
]
SPEAKERS = [
    ("O'Brien", "주한 '아일랜드' 대사"),
    ("김%민_수", "산업부 100% 대변인"),
    ('"따옴표" 씨', "NEAR 위원장"),
    ("NEAR 박사", "AND 연구소 (소장)"),
    ("(주)삼성", None),
    ("Back\\Slash", "C:\\temp 담당"),
    ("홍 AND 길동", "OR 부장"),
    ("블라디미르 푸틴", "러시아 대통령"),
    ("김민수", "산업통상자원부 대변인"),
    ("김민석", "국방부 대변인"),
    ("이 관계자", None),
]
OUTLETS = [
    "뉴스%1",
    "A_B 뉴스",
    "'작은따옴표' 일보",
    "(주)한국경제",
    "NEAR 통신",
    "연합뉴스",
    "Back\\slash Times",
]


@dataclass
class Stored:
    """What the database holds, read back once: the Python side of every comparison."""

    url: str
    quotes: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)
    speakers: dict[int, list[str]] = field(default_factory=dict, repr=False)
    """Speaker id → keys of its name and aliases."""
    outlets: dict[int, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return f"Stored({self.url!r})"

    _repr_pretty_ = None  # hypothesis prints the repr above, not every row


def fill(url: str) -> Stored:
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        n = 0
        for i, quote in enumerate(QUOTES):
            for j in range(2):  # every quote by two speakers, in two outlets
                speaker, role = SPEAKERS[(i + j * 5) % len(SPEAKERS)]
                body = f'{speaker} {role or ""}은 "{quote}"라고 말했다.'
                said = date(2024, 1 + (i % 12), 1 + j)
                published = datetime(said.year, said.month, said.day, 9, tzinfo=KST)
                article = make_article(
                    body,
                    (make_quote(body, quote, speaker, role=role, said_on=said),),
                    url=f"https://hostile.example/{n}",
                    outlet=OUTLETS[n % len(OUTLETS)],
                    published=published,
                    title=f"{HOSTILE[n % len(HOSTILE)]} 제목 {n}",
                )
                with transaction(engine) as s:
                    save_article(s, article)
                n += 1
        with transaction(engine) as s:  # an alias with syntax in it, as a curator might add
            s.execute(
                text(
                    "INSERT INTO speaker_aliases (speaker_id, alias, alias_key) "
                    "SELECT id, 'Vladimir \"V.V.\" Putin', :k FROM speakers WHERE name = '블라디미르 푸틴'"
                ),
                {"k": name_key('Vladimir "V.V." Putin')},
            )
        stored = Stored(url)
        with engine.connect() as conn:
            for qid, quote, sid, role, outlet_id in conn.execute(
                text(
                    "SELECT q.id, q.text, q.speaker_id, q.speaker_role, a.outlet_id FROM quotes q JOIN articles a ON a.id = q.article_id"
                )
            ):
                stored.quotes[qid] = {"text": quote, "speaker": sid, "role": role, "outlet": outlet_id}
            for sid, key in conn.execute(
                text(
                    "SELECT id, name_key FROM speakers UNION ALL SELECT speaker_id, alias_key FROM speaker_aliases"
                )
            ):
                stored.speakers.setdefault(sid, []).append(key)
            stored.outlets = dict(conn.execute(text("SELECT id, name_key FROM outlets")).all())
        assert len(stored.quotes) == 2 * len(QUOTES) and len(stored.speakers) >= 8
        return stored
    finally:
        engine.dispose()


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stored]:
    """One database per backend, filled once for every example hypothesis runs."""
    if request.param == "sqlite":
        yield fill(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.db'}")
        return
    from conftest import create_pg_database, drop_pg_database

    server = request.getfixturevalue("pg_server")
    url = create_pg_database(server)
    try:
        yield fill(url)
    finally:
        drop_pg_database(url)


# --- what the user types -----------------------------------------------------------------------


def _plain_char(c: str) -> bool:
    """Characters on which both backends agree what "contains" means (see the module docstring)."""
    if unicodedata.normalize("NFKC", c) != c or c.casefold() != c.lower() or c == "\x00":
        return False
    return c.isascii() or c.lower() == c.upper()


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00").filter(
    _plain_char
)
PIECES = st.sampled_from(HOSTILE) | st.text(ALPHABET, min_size=1, max_size=3)


def _cut(values: list[str]) -> st.SearchStrategy[str]:
    """A piece cut out of one of `values` (so the value has something to find)."""
    return st.sampled_from([v for v in values if v]).flatmap(
        lambda v: st.tuples(st.integers(0, len(v)), st.integers(1, 12)).map(
            lambda ab: v[ab[0] : ab[0] + ab[1]]
        )
    )


VALUES = st.one_of(
    st.lists(PIECES, min_size=0, max_size=6).map("".join),
    st.lists(PIECES, min_size=1, max_size=4).map(" ".join),
    _cut(QUOTES),
    st.lists(_cut(QUOTES), min_size=2, max_size=3).map(" ".join),
    st.text(ALPHABET, max_size=40),
    st.sampled_from(["", " ", "\t", "a" * 5000, "위반 " * 2000, "%" * 3000]),
)
NAMES = st.one_of(
    VALUES, _cut([s for s, _ in SPEAKERS] + ['Vladimir "V.V." Putin']), st.integers(-1, 40).map(str)
)
OUTLET_VALUES = st.one_of(VALUES, _cut(OUTLETS))
ROLES = st.one_of(VALUES, _cut([r for _, r in SPEAKERS if r]))

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


# --- the Python side ----------------------------------------------------------------------------


def ascii_lower(s: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in s)


QUERY_PART = re.compile(r'"([^"]*\S[^"]*)"|(\S+)')
"""What --text reads as one term: a double-quoted phrase holding more than spaces, or a word."""
ALONE = "(^|[^0-9A-Za-z가-힣]){}([^0-9A-Za-z가-힣]|$)"
"""A Hangul abbreviation (the 러 of 북·러) counts only standing alone."""


def text_matches(db: Stored, query: str) -> set[int] | None:
    """Quotes holding every term of `query` in one of its forms (a phrase as it is, a word or its
    headline abbreviations); None when the query is empty or too long to search (exit 2)."""
    found = QUERY_PART.findall(query)
    terms = list(dict.fromkeys(phrase or word for phrase, word in found))
    if not terms or len(terms) > MAX_TERMS:
        return None
    phrases = {phrase for phrase, _ in found if phrase}

    def forms(term: str) -> list[tuple[str, bool]]:
        key = unicodedata.normalize("NFKC", term).casefold()
        group = next((g for g in HEADLINE_ABBREVIATIONS if term not in phrases and key in g), (key,))
        return [(term, False)] + [(f, len(f) == 1 and "가" <= f <= "힣") for f in group if f != key]

    def holds(text: str, form: str, alone: bool) -> bool:
        if alone:
            return re.search(ALONE.format(form), text) is not None
        return ascii_lower(form) in ascii_lower(text)

    return {
        qid
        for qid, q in db.quotes.items()
        if all(any(holds(q["text"], f, alone) for f, alone in forms(t)) for t in terms)
    }


def speaker_candidates(db: Stored, query: str) -> set[int] | None:
    """Speakers a --speaker value can name; None when it has no letters (exit 2)."""
    key = name_key(query)
    if not key:
        return None
    if query.strip().isdigit():
        return {int(query.strip())} & set(db.speakers)
    return {sid for sid, keys in db.speakers.items() if any(key in k for k in keys)}


def outlet_matches(db: Stored, query: str) -> set[int] | None:
    key = name_key(query)
    if not key:
        return None
    outlets = {oid for oid, k in db.outlets.items() if key in k}
    return {qid for qid, q in db.quotes.items() if q["outlet"] in outlets}


def role_matches(db: Stored, query: str) -> set[int] | None:
    role = query.strip()
    if not role:
        return None
    return {qid for qid, q in db.quotes.items() if q["role"] and ascii_lower(role) in ascii_lower(q["role"])}


# --- running the command line -------------------------------------------------------------------


def invoke(db: Stored, *args: str) -> tuple[int, str, str]:
    """Run quotetrack; a Python exception escaping the command line fails the test."""
    result = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"}).invoke(app, ["--db", db.url, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def found_ids(db: Stored, *args: str) -> tuple[int, set[int] | None, str]:
    code, out, err = invoke(db, "search", *args, "--limit", "0", "--format", "json")
    if code == 1 and out == "[]\n":  # nothing matched: exit 1, an empty array and a message
        assert err.startswith("No quotes found"), err
        return code, set(), err
    if code != 0:
        assert out == "", "an error printed a partial result"
        assert err.startswith("Error: "), err
        return code, None, err
    return code, {row["quote_id"] for row in json.loads(out)}, err


# --- the properties -----------------------------------------------------------------------------


@SETTINGS
@given(query=VALUES, sort=st.sampled_from([[], ["--sort", "said"], ["--sort", "newest"]]))
def test_text_is_found_literally(db: Stored, query: str, sort: list[str]) -> None:
    expected = text_matches(db, query)
    code, ids, err = found_ids(db, "--text", query, *sort)
    if expected is None:
        assert code == 2, err
        return
    assert code == (0 if expected else 1), err
    assert ids == expected


@SETTINGS
@given(query=NAMES)
def test_a_speaker_value_names_exactly_the_speakers_it_spells(db: Stored, query: str) -> None:
    candidates = speaker_candidates(db, query)
    code, ids, err = found_ids(db, "--speaker", query)
    if candidates is None:
        assert code == 2, err
    elif not candidates:  # no one: an error naming the value (and the closest names, if any)
        assert code == 1 and ids is None and f"no speaker matches {query!r}" in err
    elif code == 1:  # ambiguous: the message lists some of the candidates, by id
        assert len(candidates) > 1 and "different speakers" in err
        listed = {int(line.split()[0]) for line in err.splitlines()[1:] if line.strip()[:1].isdigit()}
        assert listed and listed <= candidates
    else:
        assert code == 0, err
        said_by = {db.quotes[q]["speaker"] for q in ids or ()}
        assert len(said_by) <= 1 and said_by <= candidates
        if said_by:
            (sid,) = said_by
            assert ids == {q for q, v in db.quotes.items() if v["speaker"] == sid}


@SETTINGS
@given(outlet=st.none() | OUTLET_VALUES, role=st.none() | ROLES, words=st.none() | VALUES)
def test_outlet_role_and_text_filters_combine_literally(
    db: Stored, outlet: str | None, role: str | None, words: str | None
) -> None:
    assume(outlet is not None or role is not None)
    args: list[str] = []
    expected: set[int] | None = set(db.quotes)
    for option, value, matches in (
        ("--outlet", outlet, outlet_matches),
        ("--role", role, role_matches),
        ("--text", words, text_matches),
    ):
        if value is None:
            continue
        args += [option, value]
        found = matches(db, value)  # type: ignore[operator]
        expected = None if found is None or expected is None else expected & found
    code, ids, err = found_ids(db, *args)
    if expected is None:
        assert code == 2, err
    elif not expected:  # no such outlet or role (an error), or none of their quotes has the words
        assert code == 1, err
        assert ids == set() or err.startswith(("Error: no outlet matches", "Error: no role matches")), err
    else:
        assert code == 0, err
        assert ids == expected


@SETTINGS
@given(name=NAMES, words=st.none() | VALUES)
def test_speaker_commands_never_fail_on_what_they_are_given(db: Stored, name: str, words: str | None) -> None:
    """timeline, claims and changes take any speaker value and text; speakers lists what it spells.

    Values go after ``--``, as a shell user passes a positional value that starts with a dash."""
    extra = ["--text", words] if words is not None else []
    candidates = speaker_candidates(db, name)
    for command in ("timeline", "claims", "changes"):
        code, out, err = invoke(db, command, *extra, "--format", "json", "--", name)
        assert code in (0, 1, 2), (command, code, err)
        if code == 0:
            json.loads(out)
        else:  # an error, or nothing found (exit 1 and a message saying what was looked for)
            assert err.startswith(("Error: ", "No quotes found", "No claims found")) or "Usage:" in err, (
                command,
                err,
            )
    code, out, err = invoke(db, "speakers", "list", "--limit", "0", "--format", "json", "--", name)
    if candidates is None:
        assert code == 2, err
    elif not candidates:  # no one: an error naming the value (and the closest names, if any)
        assert code == 1 and f"no speaker matches {name!r}" in err, err
    else:
        assert code == 0, err
        assert {s["id"] for s in json.loads(out)} == candidates


@SETTINGS
@given(words=VALUES, outlet=st.none() | OUTLET_VALUES)
def test_export_and_stats_count_exactly_the_matching_quotes(
    db: Stored, words: str, outlet: str | None
) -> None:
    expected = text_matches(db, words)
    args = ["--text", words]
    if outlet is not None:
        args += ["--outlet", outlet]
        by_outlet = outlet_matches(db, outlet)
        expected = None if by_outlet is None or expected is None else expected & by_outlet
    code, out, err = invoke(db, "export", "--format", "jsonl", *args)
    if expected is None:
        assert code == 2, err
    else:
        assert code == (0 if expected else 1), err
        assert {json.loads(line)["quote_id"] for line in out.splitlines()} == expected
    code, out, err = invoke(db, "stats", "--format", "json", *args)
    if expected is None:
        assert code == 2, err
    elif not expected:
        assert code == 1, err
        assert out == "" or json.loads(out)["quotes"] == 0  # no such outlet, or none of its quotes
    else:
        assert code == 0, err
        assert json.loads(out)["quotes"] == len(expected)


@SETTINGS
@given(value=VALUES | st.integers(-(2**70), 2**70).map(str))
def test_show_takes_any_id_value(db: Stored, value: str) -> None:
    code, out, err = invoke(db, "show", "--format", "json", "--", value)
    if code == 0:
        assert json.loads(out)["quote_id"] == int(value) and int(value) in db.quotes
    else:
        assert code in (1, 2), err
        assert "there is no quote" in err or "Usage:" in err or "Error" in err
