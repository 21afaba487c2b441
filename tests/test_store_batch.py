"""A batch stores exactly what storing its articles one at a time stores.

`save_articles` resolves a whole batch's speakers and claims at once (ingest writes
64 articles per transaction), where `save_article` in its own transaction is the
plain definition.  Here the same articles — every speaker identity rule, repeated
and reworded statements, an article rewritten and repeated within the batch, and
curators' corrections made beforehand — go both ways into two databases, which
must then hold the same rows: articles, quotes, speakers with their aliases,
name words and role history, claims, and the same outcome for each article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from conftest import create_pg_database, drop_pg_database
from helpers import Said, said_article
from sqlalchemy import Engine, select, text

from quotetrack import types
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Quote, Speaker
from quotetrack.db.store import ToSave, save_article, save_articles
from quotetrack.speakers import curation
from quotetrack.speakers.queries import find_speaker

OUTLETS = ("연합뉴스", "뉴시스", "뉴스1")


def article(
    n: int, *said: Said, day: int = 15, url: str | None = None, version: str = "t-1"
) -> types.Article:
    """Article `n`, said on 2024-03-`day`, in one of three outlets by its number."""
    return said_article(n, *said, day=date(2024, 3, day), url=url, version=version, outlet=OUTLETS[n % 3])


FIRST = [  # stored one at a time in both databases before the corrections
    article(1, ("최 감독", "감독", "고맙고 미안하다"), url="https://a.example/1"),
    article(2, ("최진철", "U-17 대표팀 감독", "발전하는 선수들"), url="https://a.example/2"),
    article(
        3,
        ("김민석", "국방부 대변인", "나라도 아니다"),
        ("북한", None, "인권이 있습니까"),
        url="https://a.example/3",
    ),
]

BATCH = [
    # the same full name with compatible roles, then a foreign name word, then its alias alone
    article(10, ("블라디미르 푸틴", "러시아 대통령", "합의 위반 안 해"), day=10),
    article(
        11,
        ("푸틴", "대통령", "어떤 합의도 위반하지 않는다"),
        ("드미트리 페스코프", "크렘린궁 대변인", "서명 안 했다"),
    ),
    article(12, ("푸틴", None, "합의 위반 안 해"), ("대변인", "대변인", "계획도 없다"), day=16),
    # a one-word speaker absorbed by the full name arriving later in the same batch
    article(13, ("기시다", "일본 외무상", "매우 유감")),
    article(14, ("기시다 후미오", "일 외무상", "수용할 수 없다"), ("기시다", "외상", "매우 유감이다")),
    # namesakes told apart by office, and a bare name that stays within its article
    article(15, ("김민석", "국무총리", "민생 회복이 최우선")),
    article(16, ("김민석", None, "재정을 따져봐야"), ("김민석", "대변인", "단호히 대응")),
    # organisations, generic bodies and anonymous sources
    article(
        17,
        ("외교부", None, "깊은 유감"),
        ("정부 관계자", None, "이달 안에 발표"),
        ("정부", None, "원칙 대응"),
    ),
    article(18, ("외교부", None, "깊은 유감을 표명한다"), ("정부 관계자", None, "징후는 없다")),
    # one statement reported again (reworded, trimmed) and its reversal
    article(19, ("김병환", "금융위원장", "2분기 전기요금 인상은 현재 검토하지 않고 있다")),
    article(20, ("김병환", "금융위원회 위원장", "2분기 전기요금 인상은 검토하지 않고 있다")),
    article(21, ("김병환", "위원장", "2분기 전기요금 인상을 검토하고 있다"), day=20),
    article(
        24, ("김병환", "금융위원장", "인상 여부는 아직 정하지 않았다"), url="https://a.example/24", day=12
    ),
    # rewrites of the corrected articles (a newer extractor) inside the batch
    replace(FIRST[0], extractor_version="t-2"),
    article(
        3,
        ("김민석", "국방부 대변인", "나라도 아니다"),
        ("북한", None, "인권이 있습니까?"),
        url="https://a.example/3",
        version="t-2",
    ),
    # an article stored earlier in this batch, repeated unchanged and then changed
    article(20, ("김병환", "금융위원회 위원장", "2분기 전기요금 인상은 검토하지 않고 있다")),
    article(24, ("김병환", "금융위원장", "전기요금 인상은 검토하지 않는다"), url="https://a.example/24"),
    article(22, ("최진철", "감독", "다음 대회를 준비하겠다"), url="https://a.example/22"),
    article(23, ("최 감독", "감독", "선수들이 자랑스럽다")),
]


@pytest.fixture
def two_databases(
    db_url: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, Engine]]:
    """Two fresh databases of the test's backend, migrated."""
    if db_url.startswith("sqlite"):
        other = f"sqlite:///{tmp_path_factory.mktemp('other') / 'other.db'}"
    else:
        other = create_pg_database(request.getfixturevalue("pg_server"))
    engines = (make_engine(db_url), make_engine(other))
    for engine in engines:
        migrate.upgrade(engine)
    try:
        yield engines
    finally:
        for engine in engines:
            engine.dispose()
        if not other.startswith("sqlite"):
            drop_pg_database(other)


def prepare(engine: Engine) -> None:
    """The first articles, then a merge (최 감독 is 최진철) and a reassigned quote (북한's is 김민석's)."""
    for a in FIRST:
        with transaction(engine) as s:
            save_article(s, a)
    with transaction(engine) as s:
        keep, other = find_speaker(s, "최진철"), find_speaker(s, "최 감독")
        assert keep is not None and other is not None
        curation.merge_speakers(s, keep, [other])
    with transaction(engine) as s:
        quote_id = s.scalars(select(Quote.id).where(Quote.text == "인권이 있습니까")).one()
        kim = find_speaker(s, "김민석")
        assert kim is not None
        curation.reassign_quote(s, quote_id, kim, role="국방부 대변인")


def snapshot(engine: Engine) -> dict[str, object]:
    """Every stored row that the write path makes, with ids replaced by what they point to."""

    def rows(sql: str) -> list[tuple[object, ...]]:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]

    where = {
        qid: f"{key}#{pos}"
        for qid, key, pos in rows(
            "SELECT q.id, a.key, q.position FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
    }
    akey = dict(rows("SELECT id, key FROM articles"))
    speakers = []
    for sid, name, kind, aid, curated in rows(
        "SELECT id, name, kind, article_id, curated FROM speakers ORDER BY id"
    ):
        speakers.append(
            (
                name,
                kind,
                akey.get(aid),  # type: ignore[arg-type]
                bool(curated),
                sorted(a for (a,) in rows(f"SELECT alias FROM speaker_aliases WHERE speaker_id = {sid}")),
                sorted(w for (w,) in rows(f"SELECT word_key FROM speaker_words WHERE speaker_id = {sid}")),
                sorted(
                    (str(r), str(f), str(t), q)
                    for r, f, t, q in rows(
                        f"SELECT role, first_seen, last_seen, quotes FROM speaker_roles WHERE speaker_id = {sid}"
                    )
                ),
                sorted(where[q] for (q,) in rows(f"SELECT id FROM quotes WHERE speaker_id = {sid}")),  # type: ignore[index]
            )
        )
    claims = sorted(
        sorted(where[q] for (q,) in rows(f"SELECT quote_id FROM claim_quotes WHERE claim_id = {cid}"))  # type: ignore[index]
        for (cid,) in rows("SELECT id FROM claims")
    )
    return {
        "articles": sorted(rows("SELECT key, title, source, extractor_version, text_hash FROM articles")),
        "quotes": sorted((where[q], t, r) for q, t, r in rows("SELECT id, text, speaker_role FROM quotes")),  # type: ignore[index]
        "speakers": speakers,
        "claims": claims,
        "keys": sorted((where[q], k) for q, k in rows("SELECT quote_id, key FROM claim_keys")),  # type: ignore[index]
        "corrections": sorted(
            rows("SELECT article_key, mention_key, quote_text, role FROM speaker_corrections")
        ),
    }


def test_a_batch_stores_what_storing_its_articles_one_at_a_time_stores(
    two_databases: tuple[Engine, Engine],
) -> None:
    one_by_one, batched = two_databases
    prepare(one_by_one)
    prepare(batched)

    outcomes = []
    for a in BATCH:
        with transaction(one_by_one) as s:
            outcomes.append(save_article(s, a))
    with transaction(batched) as s:
        together = save_articles(s, [ToSave(a) for a in BATCH])

    assert [(r.outcome, r.quotes, r.new_speakers) for r in together] == [
        (r.outcome, r.quotes, r.new_speakers) for r in outcomes
    ]
    assert [r.outcome for r in together].count("updated") == 3 and "unchanged" in [
        r.outcome for r in together
    ]
    assert snapshot(batched) == snapshot(one_by_one)
    with transaction(batched) as s:  # the corrections held: no 북한 speaker, 최 감독 is 최진철
        said = (
            select(Speaker.name)
            .join(Quote, Quote.speaker_id == Speaker.id)
            .where(Quote.text == "고맙고 미안하다")
        )
        assert s.scalars(said).one() == "최진철"
        assert s.scalars(select(Quote.speaker_text).where(Quote.text == "인권이 있습니까?")).one() == "북한"


def test_one_bad_article_in_a_batch_is_refused_before_anything_is_written(engine: Engine) -> None:
    bad = article(2, ("김병환", "금융위원장", "가계대출 관리"))
    bad = replace(bad, quotes=(replace(bad.quotes[0], kind="rumour"),))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown quote kind"), transaction(engine) as s:
        save_articles(s, [ToSave(article(1, ("김병환", "금융위원장", "PF 정리"))), ToSave(bad)])
    with transaction(engine) as s:
        assert s.scalars(select(Quote.id)).all() == []
