"""Storing articles: what lands in which table, deduplication, updates and speaker identity."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from helpers import KST, make_article, make_quote
from sqlalchemy import Engine, delete, func, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from quotetrack.db.engine import transaction
from quotetrack.db.schema import Article, Outlet, Quote, Speaker, SpeakerAlias
from quotetrack.db.store import article_key, get_or_create_outlet, save_article
from quotetrack.speakers.rows import add_alias


def count(engine: Engine, model: type) -> int:
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_new_article_is_stored_with_its_metadata_quotes_and_speaker(engine: Engine) -> None:
    body = (
        '푸틴 대통령은 "어떤 합의도 위반하지 않는다"고 말했다. 페스코프 대변인은 "서명하지 않았다"고 밝혔다.'
    )
    article = make_article(
        body,
        (
            make_quote(body, "어떤 합의도 위반하지 않는다"),
            make_quote(body, "서명하지 않았다", "드미트리 페스코프", role="크렘린궁 대변인", kind="direct"),
        ),
    )
    with transaction(engine) as s:
        result = save_article(s, article)
    assert (result.outcome, result.quotes, result.new_speakers) == ("stored", 2, 2)

    with transaction(engine) as s:
        row = s.scalars(select(Article)).one()
        assert row.title == article.title
        assert row.published == datetime(2023, 9, 15, 14, 47, tzinfo=UTC)
        assert row.published is not None and row.published.tzinfo is not None
        assert row.published_has_time is True
        assert row.outlet is not None and row.outlet.name == "뉴스핌"
        assert (row.byline, row.dateline, row.body) == ("고인원 특파원", "휴스턴", body)
        assert row.extractor_version == "test-1"
        assert row.ingested_at.tzinfo is not None and row.updated_at is None
        quotes = row.quotes
        assert [q.text for q in quotes] == ["어떤 합의도 위반하지 않는다", "서명하지 않았다"]
        assert all(body[q.start_offset : q.end_offset] == q.text for q in quotes)
        assert quotes[1].speaker is not None and quotes[1].speaker.name == "드미트리 페스코프"
        assert quotes[1].speaker_role == "크렘린궁 대변인"
        assert quotes[0].said_on == date(2023, 9, 15)
        assert quotes[0].speaker_kind == "person" and quotes[0].field == "body"


def test_storing_the_same_article_again_writes_nothing(engine: Engine) -> None:
    article = make_article()
    with transaction(engine) as s:
        first = save_article(s, article)
    with transaction(engine) as s:
        again = save_article(s, replace(article, source="elsewhere/copy.txt"))
    assert again.outcome == "unchanged"
    assert again.article_id == first.article_id and again.quotes == 1 and again.new_speakers == 0
    assert (count(engine, Article), count(engine, Quote), count(engine, Speaker)) == (1, 1, 1)


def test_an_article_without_url_is_the_same_when_only_its_layout_differs(engine: Engine) -> None:
    article = make_article()
    relaid = replace(article, body=article.body.replace(" ", "  ") + "\n\n", quotes=())
    assert article_key(article) == article_key(relaid)
    with transaction(engine) as s:
        save_article(s, article)
    with transaction(engine) as s:
        assert save_article(s, relaid).outcome == "unchanged"
    assert count(engine, Article) == 1


def test_a_changed_version_of_the_same_url_replaces_the_stored_one_and_its_quotes(engine: Engine) -> None:
    url = "https://www.newspim.com/news/view/20230915001"
    with transaction(engine) as s:
        first = save_article(s, make_article(url=url))
    body = '푸틴 대통령은 "좋은 이웃 관계를 구축해야 한다"고 말했다.'
    changed = make_article(body, (make_quote(body, "좋은 이웃 관계를 구축해야 한다"),), url=url + "#top")
    with transaction(engine) as s:
        second = save_article(s, changed)
    assert second.outcome == "updated" and second.article_id == first.article_id
    with transaction(engine) as s:
        row = s.scalars(select(Article)).one()
        assert row.body == body and row.updated_at is not None
        assert [q.text for q in row.quotes] == ["좋은 이웃 관계를 구축해야 한다"]
    assert (count(engine, Quote), count(engine, Speaker)) == (1, 1)


def test_a_newer_extractor_version_updates_an_unchanged_article(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article())
    with transaction(engine) as s:
        assert save_article(s, make_article(extractor_version="test-2")).outcome == "updated"
    with transaction(engine) as s:
        assert s.scalars(select(Article.extractor_version)).one() == "test-2"
    assert count(engine, Quote) == 1


def test_one_speaker_per_name_and_kind_across_articles(engine: Engine) -> None:
    body = '외교부는 "유감"이라고 밝혔다. 블라디미르 푸틴은 "위반 안 해"라고 했다.'
    a = make_article(
        body,
        (make_quote(body, "위반 안 해"), make_quote(body, "유감", "외교부", role=None)),
        source="a.txt",
    )
    other = body + " 추가 문장."
    b = make_article(
        other, (make_quote(other, "위반 안 해", "블라디미르  푸틴", role="대통령"),), source="b.txt"
    )
    with transaction(engine) as s:
        assert save_article(s, a).new_speakers == 2
    with transaction(engine) as s:
        assert save_article(s, b).new_speakers == 0
    with transaction(engine) as s:
        kinds = {name: kind for name, kind in s.execute(select(Speaker.name, Speaker.kind))}
    assert kinds == {"블라디미르 푸틴": "person", "외교부": "organisation"}


def test_anonymous_sources_are_never_merged_across_articles(engine: Engine) -> None:
    def anonymous_article(n: int) -> object:
        body = f'정부 관계자는 "검토 중"이라고 말했다. 정부 관계자는 "결정 안 됐다"고 덧붙였다. ({n})'
        return make_article(
            body,
            (
                make_quote(body, "검토 중", "정부 관계자", role=None),
                make_quote(body, "결정 안 됐다", "정부 관계자"),
            ),
            source=f"{n}.txt",
        )

    with transaction(engine) as s:
        save_article(s, anonymous_article(1))  # type: ignore[arg-type]
        save_article(s, anonymous_article(2))  # type: ignore[arg-type]
    with transaction(engine) as s:
        speakers = s.scalars(select(Speaker)).all()
        assert [sp.kind for sp in speakers] == ["anonymous", "anonymous"]
        per_article = s.execute(
            select(Quote.article_id, func.count(func.distinct(Quote.speaker_id))).group_by(Quote.article_id)
        ).all()
        assert sorted(n for _, n in per_article) == [1, 1]


def test_updating_an_article_drops_the_anonymous_speakers_only_it_used(engine: Engine) -> None:
    url = "https://example.com/a"
    body = '소식통은 "사실무근"이라고 말했다.'
    with transaction(engine) as s:
        save_article(s, make_article(body, (make_quote(body, "사실무근", "소식통", role=None),), url=url))
    with transaction(engine) as s:
        save_article(s, make_article(url=url))
    with transaction(engine) as s:
        assert s.scalars(select(Speaker.kind)).all() == ["person"]


def test_quotes_without_a_usable_speaker_keep_what_was_printed(engine: Engine) -> None:
    body = '누군가 "첫째"라고 했다. ' + "가" * 300 + '는 "둘째"라고 했다.'
    quotes = (make_quote(body, "첫째", None, role=None), make_quote(body, "둘째", "가" * 300))
    with transaction(engine) as s:
        assert save_article(s, make_article(body, quotes)).new_speakers == 0
    with transaction(engine) as s:
        rows = s.execute(select(Quote.speaker_id, Quote.speaker_text).order_by(Quote.position)).all()
    assert rows == [(None, None), (None, "가" * 300)]


def test_outlet_names_match_ignoring_spaces_and_case(engine: Engine) -> None:
    with transaction(engine) as s:
        a = get_or_create_outlet(s, "Yonhap News")
        b = get_or_create_outlet(s, " yonhap  NEWS ")
        assert a is not None and a is b
        assert get_or_create_outlet(s, "   ") is None
    assert count(engine, Outlet) == 1


def test_aliases_are_kept_once_per_spelling(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article())
        putin = s.scalars(select(Speaker)).one()
        assert add_alias(s, putin, "Vladimir Putin") is True
        assert add_alias(s, putin, "vladimir  putin") is False
        assert add_alias(s, putin, "블라디미르푸틴") is False  # the canonical name itself
        assert s.scalars(select(SpeakerAlias.alias_key)).all() == ["vladimirputin"]


def test_deleting_an_article_deletes_its_quotes_in_the_database(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article())
    with transaction(engine) as s:
        s.execute(delete(Article))  # plain SQL: the ON DELETE CASCADE foreign key does the work
    assert (count(engine, Article), count(engine, Quote), count(engine, Speaker)) == (0, 0, 1)


def test_a_failed_save_leaves_nothing_behind(engine: Engine) -> None:
    bad = make_article(published=datetime(2023, 9, 15, 23, 47))  # naive: refused
    with pytest.raises(StatementError, match="naive datetime"), transaction(engine) as s:
        save_article(s, bad)
    assert (count(engine, Article), count(engine, Outlet), count(engine, Speaker)) == (0, 0, 0)


def test_the_database_refuses_quotes_that_break_the_schema(engine: Engine) -> None:
    with transaction(engine) as s:
        article_id = save_article(s, make_article()).article_id
    with pytest.raises(IntegrityError), transaction(engine) as s:
        s.execute(
            text(
                "INSERT INTO quotes (article_id, position, speaker_kind, kind, text, start_offset, "
                "end_offset, field) VALUES (:a, 9, 'person', 'rumour', 'x', 0, 1, 'body')"
            ),
            {"a": article_id},
        )
    with pytest.raises(IntegrityError), transaction(engine) as s:
        s.execute(
            text(
                "INSERT INTO quotes (article_id, position, speaker_kind, kind, text, start_offset, "
                "end_offset, field) VALUES (9999, 0, 'person', 'direct', 'x', 0, 1, 'body')"
            )
        )


def test_times_are_stored_in_utc_and_come_back_aware(engine: Engine) -> None:
    with transaction(engine) as s:
        save_article(s, make_article(published=datetime(2023, 9, 15, 23, 47, tzinfo=KST)))
    if engine.dialect.name == "sqlite":
        as_stored = "SELECT substr(published, 1, 16) FROM articles"
    else:
        as_stored = "SELECT to_char(published AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM articles"
    with transaction(engine) as s:
        published = s.scalars(select(Article.published)).one()
        raw = s.execute(text(as_stored)).scalar_one()
    assert published == datetime(2023, 9, 15, 23, 47, tzinfo=KST)
    assert published is not None and published.utcoffset() is not None
    assert raw == "2023-09-15 14:47"
