"""Search as Korean news is written (issue 14): one-syllable words, "exact phrases" and the
headline abbreviations (北 for 북한), on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, select

from quotetrack.analysis.abbreviations import HEADLINE_ABBREVIATIONS, load
from quotetrack.analysis.text import LONE_MARK, index_tokens, standalone_syllables
from quotetrack.db import fts
from quotetrack.db.engine import transaction
from quotetrack.db.schema import QUOTES
from quotetrack.db.search import QuoteFilter, search_quotes
from quotetrack.db.store import save_article

HEADLINES = (
    "핵 개발은 절대 포기하지 않는다",
    "합의는 위반 안 해",
    "안보리 결의는 존중한다",
    "北 미사일 발사는 명백한 도발",
    "정부는 북한의 도발을 강력히 규탄한다",
    "북·러 군사 협력은 결의 위반",
    "남북 대화의 문은 열려 있다",
    "북쪽 지역에 비가 온다",
)


def store(engine: Engine, *texts: str) -> None:
    body = " ".join(f'그는 "{t}"라고 말했다.' for t in texts)
    quotes = tuple(make_quote(body, t, "김민수", said_on=date(2024, 3, 4)) for t in texts)
    published = datetime(2024, 3, 4, 9, 0, tzinfo=KST)
    with transaction(engine) as s:
        save_article(s, make_article(body, quotes, outlet="연합뉴스", published=published))


def found(engine: Engine, query: str, **filters: object) -> set[str]:
    with transaction(engine) as s:
        return {r.text for r in search_quotes(s, QuoteFilter(text=query, **filters))}  # type: ignore[arg-type]


@pytest.fixture
def headlines(engine: Engine) -> Engine:
    store(engine, *HEADLINES)
    return engine


def test_a_one_syllable_word_is_found(headlines: Engine) -> None:
    assert found(headlines, "핵") == {"핵 개발은 절대 포기하지 않는다"}
    assert found(headlines, "핵 포기") == {"핵 개발은 절대 포기하지 않는다"}
    # like every word, one syllable is a substring: 안 is in 안보리 too
    assert found(headlines, "안") == {"합의는 위반 안 해", "안보리 결의는 존중한다"}


def test_a_quoted_phrase_is_found_exactly_as_written(headlines: Engine) -> None:
    assert found(headlines, '"위반 안 해"') == {"합의는 위반 안 해"}
    assert found(headlines, '"안 해 위반"') == set()  # the words in another order are another phrase
    assert found(headlines, '"결의 위반"') == {"북·러 군사 협력은 결의 위반"}
    assert found(headlines, "결의 위반") == {"북·러 군사 협력은 결의 위반"}  # words alone: anywhere
    assert found(headlines, '"결의는" 존중') == {"안보리 결의는 존중한다"}


def test_north_korea_is_one_word_however_a_headline_writes_it(headlines: Engine) -> None:
    north = {
        "北 미사일 발사는 명백한 도발",
        "정부는 북한의 도발을 강력히 규탄한다",
        "북·러 군사 협력은 결의 위반",
    }
    assert found(headlines, "북한") == north  # 북 counts only standing alone: not 남북, not 북쪽
    assert found(headlines, "北") == north
    assert found(headlines, "北 도발") == {
        "北 미사일 발사는 명백한 도발",
        "정부는 북한의 도발을 강력히 규탄한다",
    }
    assert found(headlines, "러시아") == {"북·러 군사 협력은 결의 위반"}
    # the syllable typed by itself is a substring like any word
    assert found(headlines, "북") == north | {"남북 대화의 문은 열려 있다", "북쪽 지역에 비가 온다"}


def test_a_phrase_is_never_expanded(headlines: Engine) -> None:
    assert found(headlines, '"北 미사일"') == {"北 미사일 발사는 명백한 도발"}
    assert found(headlines, '"북한 미사일"') == set()


@pytest.mark.parametrize("group", HEADLINE_ABBREVIATIONS, ids=lambda g: "-".join(g))
def test_each_abbreviation_and_its_full_form_find_each_other(engine: Engine, group: tuple[str, ...]) -> None:
    full = group[0]
    texts = {f"{form} 당국은 입장을 밝혔다" for form in group}
    store(engine, *texts, "무관한 발언이다")
    for form in group:
        assert found(engine, form) >= texts, form
        assert "무관한 발언이다" not in found(engine, form)
    assert found(engine, full) == texts


def test_users_add_their_own_groups(tmp_path: object, engine: Engine) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "abbreviations.txt").write_text("# ours\n대통령실 용산\n", "utf-8")
    groups = load(folder)
    assert (
        groups[-1] == ("대통령실", "용산") and groups[: len(HEADLINE_ABBREVIATIONS)] == HEADLINE_ABBREVIATIONS
    )
    store(engine, "용산은 입장이 없다", "대통령실은 부인했다")
    with transaction(engine) as s:
        rows = search_quotes(s, QuoteFilter(text="대통령실", abbreviations=groups))
    assert {r.text for r in rows} == {"용산은 입장이 없다", "대통령실은 부인했다"}


def test_the_command_reference_lists_the_abbreviation_table_the_search_uses() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "commands.md").read_text("utf-8")
    section = docs.split("| full form | abbreviations |", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in section.strip().splitlines()[1:]]
    documented = tuple((full.strip(), *short.split()) for full, short in rows)
    assert documented == HEADLINE_ABBREVIATIONS


@pytest.mark.parametrize(
    "query", ["핵", "안", "北", "美", "靑", "러", "與", "野", "북한", "러시아", "북", "a", "7"]
)
def test_one_letter_words_and_abbreviations_are_answered_by_the_index_alone(query: str) -> None:
    """On SQLite none of these reads a quote's text: the letters and lone syllables are index entries
    (migration 0010), so at a million quotes they cost what a two-syllable word costs."""
    terms = fts.parse_terms(query)
    assert fts.fts_match(terms) and fts.literal_checks(terms) == []


LONE = (
    "북",
    "북 미사일",
    "북·러",
    "남북",
    "북쪽",
    "北북",
    "북美",
    "북_러",
    "(북)",
    "ａ북",
    "A북",
    "북9",
    "北 북한 북·미",
)


def test_the_index_sees_a_lone_syllable_exactly_where_the_text_check_does(engine: Engine) -> None:
    """The index's lone-syllable entries (북¦) replace the GLOB (SQLite) or regular-expression (PostgreSQL) check of a
    lone 북 or 러, so they must accept exactly the same places: next to anything but a Hangul
    syllable, an ASCII letter or a digit (北북 and 북美 count; 남북 and A북 do not)."""
    store(engine, *LONE)
    postgres = engine.dialect.name == "postgresql"
    with transaction(engine) as s:
        for syllable in ("북", "미"):
            check = fts._form_condition(fts.Form(syllable, word=True), postgres=postgres)
            by_text = set(s.scalars(select(QUOTES.c.text).where(check)))
            by_index = {t for t in LONE if syllable + LONE_MARK in index_tokens(t).split()}
            assert by_text == by_index, syllable
    assert found(engine, "북한") == {t for t in LONE if "북" in standalone_syllables(t) or "北" in t}
