"""Full-text search of quote texts on SQLite (bigram FTS5) and PostgreSQL (pg_trgm + bigram GIN).

Korean needs substrings: 위반 must find 위반하지 and 위반했다, and the common words
are two syllables long, which trigram indexes cannot see.  Whatever the user
types is taken literally: no wildcards, no operators, no SQL.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, delete, text, update

from quotetrack.db import fts
from quotetrack.db.engine import transaction
from quotetrack.db.schema import Article, Quote
from quotetrack.db.search import QuoteFilter, search_quotes
from quotetrack.db.store import save_article
from quotetrack.errors import QuotetrackError, UsageError

LITERALS = (
    "지지율 100% 달성은 어렵다",
    "지지율 1000명 돌파는 의미가 있다",
    'NEAR 거리 AND 조건 OR 선택 (괄호) "인용" 별표* 위_반',
    "정부는 대북 제재 위반을 좌시하지 않을 것",
)


def store(
    engine: Engine, *texts: str, day: date = date(2024, 3, 4), outlet: str = "연합뉴스", url: str = ""
) -> None:
    body = " ".join(f'그는 "{t}"라고 말했다.' for t in texts)
    quotes = tuple(make_quote(body, t, "김민수", role="산업통상자원부 대변인", said_on=day) for t in texts)
    published = datetime(day.year, day.month, day.day, 9, 0, tzinfo=KST)
    article = make_article(
        body, quotes, url=url or None, outlet=outlet, published=published, source=f"{url}.txt"
    )
    with transaction(engine) as s:
        save_article(s, article)


def found(engine: Engine, query: str, **filters: object) -> list[str]:
    with transaction(engine) as s:
        return [r.text for r in search_quotes(s, QuoteFilter(text=query, **filters))]  # type: ignore[arg-type]


@pytest.fixture
def literal(engine: Engine) -> Engine:
    store(engine, *LITERALS)
    return engine


def test_a_two_syllable_word_is_found_inside_longer_words(literal: Engine) -> None:
    assert found(literal, "정부") == ["정부는 대북 제재 위반을 좌시하지 않을 것"]
    assert found(literal, "위반") == ["정부는 대북 제재 위반을 좌시하지 않을 것"]
    assert found(literal, "제재") == ["정부는 대북 제재 위반을 좌시하지 않을 것"]
    assert found(literal, "시하") == ["정부는 대북 제재 위반을 좌시하지 않을 것"]  # mid-word


def test_three_to_five_syllables_match_as_exact_substrings(literal: Engine) -> None:
    assert found(literal, "좌시하지") == ["정부는 대북 제재 위반을 좌시하지 않을 것"]
    assert sorted(found(literal, "지지율")) == sorted(LITERALS[:2])
    assert found(literal, "제재위반") == []  # the words are apart in the text
    assert found(literal, "재위") == []  # nor does a substring run across a space


def test_several_words_must_all_occur(literal: Engine) -> None:
    assert found(literal, "지지율 달성") == [LITERALS[0]]
    assert found(literal, "지지율 제재") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("100%", [LITERALS[0]]),
        ("NEAR", [LITERALS[2]]),
        ("AND", [LITERALS[2]]),
        ("OR", [LITERALS[2]]),
        ("(괄호)", [LITERALS[2]]),
        ('"인용"', [LITERALS[2]]),
        ("별표*", [LITERALS[2]]),
        ("위_반", [LITERALS[2]]),
        ("'지지율", []),
        ("지지율'", []),
        ("위%반", []),
        ("(괄호", [LITERALS[2]]),
        ('"인용', [LITERALS[2]]),
        ("NEAR(거리", []),
        ("near", [LITERALS[2]]),  # Latin letters ignore case
    ],
)
def test_sql_and_fts_syntax_is_taken_literally(literal: Engine, query: str, expected: list[str]) -> None:
    assert found(literal, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("%", [LITERALS[0]]),  # finds the quote holding a percent sign, and no other
        ("_", [LITERALS[2]]),
        ('"', [LITERALS[2]]),
        ("*", [LITERALS[2]]),
        ("* OR", [LITERALS[2]]),
        ("'", []),
        ("'; DROP TABLE quotes; --", []),
        ("NEAR(a b)", []),
        ("a_", []),
    ],
)
def test_any_string_is_a_valid_query_found_literally(
    literal: Engine, query: str, expected: list[str]
) -> None:
    assert found(literal, query) == expected
    assert len(found(literal, "지지율")) == 2  # the quotes table is still there


@pytest.mark.parametrize("query", ["", "  ", '""'])
def test_an_empty_query_is_a_usage_error(literal: Engine, query: str) -> None:
    if query == '""':  # two quote marks and nothing between: the string itself
        assert found(literal, query) == []
        return
    with pytest.raises(UsageError, match="empty"):
        found(literal, query)


def test_results_are_ranked_by_how_much_of_the_quote_the_words_make(engine: Engine) -> None:
    store(engine, "제재 제재 제재", url="https://x/1")
    store(
        engine, "오늘 회의에서는 여러 가지 의제를 두루 논의했고 제재 문제도 잠깐 언급했다", url="https://x/2"
    )
    store(engine, "제재는 계속된다", url="https://x/3")
    ranked = found(engine, "제재")
    assert ranked[0] == "제재 제재 제재"
    assert ranked[-1].startswith("오늘 회의에서는")


def test_text_combines_with_the_other_filters(engine: Engine) -> None:
    store(engine, "전기요금 인상은 검토하지 않고 있다", day=date(2024, 3, 4), url="https://x/1")
    store(engine, "전기요금 인상을 검토하고 있다", day=date(2024, 3, 20), outlet="한겨레", url="https://x/2")
    assert found(engine, "전기요금", since=date(2024, 3, 10)) == ["전기요금 인상을 검토하고 있다"]
    assert found(engine, "전기요금", until=date(2024, 3, 10)) == ["전기요금 인상은 검토하지 않고 있다"]
    assert found(engine, "전기요금", outlet="한겨") == ["전기요금 인상을 검토하고 있다"]
    assert found(engine, "전기요금", speaker="김민수", role="대변인", kinds=("direct",)) != []
    with pytest.raises(QuotetrackError, match="no role matches '장관'"):
        found(engine, "전기요금", role="장관")
    with transaction(engine) as s:
        newest = search_quotes(s, QuoteFilter(text="전기요금"), sort="newest")
    assert [r.said_on for r in newest] == [date(2024, 3, 20), date(2024, 3, 4)]


def test_the_index_follows_replaced_updated_and_deleted_quotes(engine: Engine) -> None:
    store(engine, "원전 수출은 차질 없이 진행된다", url="https://x/1")
    assert found(engine, "원전") == ["원전 수출은 차질 없이 진행된다"]
    store(engine, "원전 수출 협상이 지연되고 있다", url="https://x/1")  # same URL: a changed version
    assert found(engine, "원전") == ["원전 수출 협상이 지연되고 있다"]
    assert found(engine, "차질") == []
    with transaction(engine) as s:
        s.execute(update(Quote).values(text="재생에너지 비중을 늘린다"))
    assert found(engine, "재생에너지") == ["재생에너지 비중을 늘린다"]
    assert found(engine, "원전") == []
    with transaction(engine) as s:
        s.execute(delete(Article))
    assert found(engine, "재생에너지") == []


def test_on_sqlite_the_index_survives_its_triggers_being_dropped(tmp_path: object) -> None:
    from quotetrack.db import migrate
    from quotetrack.db.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path}/t.db")
    try:
        migrate.upgrade(engine)
        store(engine, "원전 수출은 차질 없이 진행된다", url="https://x/1")
        with transaction(engine) as s:  # what a batch migration that copies `quotes` does to them
            for trigger in fts.TRIGGERS:
                s.execute(text(f"DROP TRIGGER {trigger}"))
        store(engine, "원전 정책은 그대로 간다", url="https://x/2")  # written while the triggers were gone
        assert sorted(found(engine, "원전")) == ["원전 수출은 차질 없이 진행된다", "원전 정책은 그대로 간다"]
        with transaction(engine) as s:
            names = set(s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
        assert set(fts.TRIGGERS) <= names
        with engine.connect() as conn:
            conn.execute(text("INSERT INTO quote_fts (quote_fts, rank) VALUES ('integrity-check', 1)"))
    finally:
        engine.dispose()


def test_an_existing_database_gets_its_index_from_the_migration(tmp_path: object) -> None:
    from quotetrack.db import migrate
    from quotetrack.db.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path}/old.db")
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:  # a quote stored by a quotetrack from before full-text search
            conn.execute(
                text(
                    "INSERT INTO articles (id, key, text_hash, source, body, published_has_time, deck_end, "
                    "extractor_version, ingested_at) VALUES (1, 'k', 'h', 's', 'b', 0, 0, 'v', '2024-01-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO quotes (article_id, position, speaker_kind, kind, text, start_offset, "
                    "end_offset, field) VALUES (1, 0, 'unknown', 'direct', '대북 제재는 유지된다', 0, 1, 'body')"
                )
            )
        migrate.upgrade(engine)
        assert found(engine, "제재") == ["대북 제재는 유지된다"]
        migrate.downgrade(engine, "0001")
        migrate.upgrade(engine)
        assert found(engine, "제재") == ["대북 제재는 유지된다"]
    finally:
        engine.dispose()


def test_a_word_whose_letters_are_apart_is_still_found_exactly(engine: Engine) -> None:
    store(engine, "북·러 군사 협력은 결의 위반", "북러 관계는 별개")
    assert found(engine, "북·러") == ["북·러 군사 협력은 결의 위반"]
    assert found(engine, "북·러 협력") == ["북·러 군사 협력은 결의 위반"]


@pytest.mark.parametrize(
    "filters",
    [
        QuoteFilter(),
        QuoteFilter(text="전기요금"),
        QuoteFilter(speaker="김민수"),
        QuoteFilter(since=date(2024, 3, 2), until=date(2024, 3, 25)),
        QuoteFilter(text="인상", outlet="연합"),
    ],
)
@pytest.mark.parametrize("sort", ["said", "newest", "relevance"])
def test_a_page_is_the_head_of_the_full_result(engine: Engine, filters: QuoteFilter, sort: str) -> None:
    """search_quotes with a limit finds where the page ends first; it must cut the same rows."""
    for n in range(1, 9):
        day = date(2024, 3, 1 + n % 4 * 7)
        store(engine, f"전기요금 인상 {n}번째 발언", f"다른 이야기 {n}", day=day, url=f"https://x/{n}")
    if sort == "relevance" and filters.text is None:
        return
    with transaction(engine) as s:
        everything = [r.quote_id for r in search_quotes(s, filters, sort=sort)]  # type: ignore[arg-type]
        for limit in (1, 3, 5, 50):
            page = [r.quote_id for r in search_quotes(s, filters, sort=sort, limit=limit)]  # type: ignore[arg-type]
            assert page == everything[:limit]
