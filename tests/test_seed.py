"""The seed article, end to end: a user ingests it and finds exactly what a reader finds in it.

The expectations are ../shared/corpus/seed/gold.jsonl, copied here so the suite
runs from a clean clone: the eight statements of the article with their kind,
speaker, role and day, and none of the page noise (the photo caption of another
reporter, the '뉴스핌 베스트 기사' block, scare quotes).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from conftest import EXAMPLE
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Quote

pytestmark = pytest.mark.slow

PUTIN, PESKOV = "블라디미르 푸틴", "드미트리 페스코프"
GOLD = [
    (
        "headline",
        "한반도 관련 어떤 합의도 위반 안 해...북한과 좋은 관계 구축할 것",
        PUTIN,
        "러시아 대통령",
        date(2023, 9, 15),
    ),
    (
        "indirect",
        "한반도 상황과 관련해 어떤 합의도 위반하지 않을 것",
        PUTIN,
        "러시아 대통령",
        date(2023, 9, 15),
    ),
    (
        "direct",
        "한반도와 관련된 특별한 (상황)이 있는 것은 사실이며, 우리는 이에 대해 논의하고 공개적으로 논의하고 있다",
        PUTIN,
        "러시아 대통령",
        date(2023, 9, 15),
    ),
    (
        "direct",
        "어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다",
        PUTIN,
        "러시아 대통령",
        date(2023, 9, 15),
    ),
    (
        "direct",
        "한국은 우리의 이웃이며, 어떤 식으로든 우리는 이웃과 좋은 이웃 관계를 구축해야 한다",
        PUTIN,
        "러시아 대통령",
        date(2023, 9, 15),
    ),
    ("indirect", "북한과 '좋은 이웃 관계'를 구축할 것", PUTIN, "러시아 대통령", date(2023, 9, 15)),
    (
        "direct",
        "김 위원장의 방문 기간 군사 관련을 포함한 어떤 협의에도 서명하지 않았으며 그럴 계획도 없다",
        PESKOV,
        "크렘린궁 대변인",
        None,
    ),
    ("indirect", "북·러 군사 협력은 유엔 안전보장이사회 결의의 위반", "한·미 정부", None, None),
]
KST = timezone(timedelta(hours=9))


@pytest.fixture
def stored(runner: CliRunner, cli_db: str) -> tuple[str, Article]:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    engine = make_engine(cli_db)
    try:
        with transaction(engine) as s:
            article = s.scalars(
                select(Article).options(
                    selectinload(Article.quotes).selectinload(Quote.speaker), selectinload(Article.outlet)
                )
            ).one()
            s.expunge_all()
    finally:
        engine.dispose()
    return cli_db, article


def test_the_article_metadata_is_recovered_from_the_raw_page(stored: tuple[str, Article]) -> None:
    _, article = stored
    assert article.title == '푸틴 "한반도 관련 어떤 합의도 위반 안 해...북한과 좋은 관계 구축할 것"'
    assert article.published == datetime(2023, 9, 15, 23, 47, tzinfo=KST)
    assert article.published_has_time
    assert article.outlet is not None and article.outlet.name == "뉴스핌"
    assert article.byline == "고인원 특파원"
    assert article.dateline == "휴스턴"


def test_the_stored_body_is_the_article_without_page_noise(stored: tuple[str, Article]) -> None:
    _, article = stored
    body = article.body
    assert body.startswith("이번 주 김정은 북한 국무위원장과 회담을 가진")
    assert "오는 16일 블라디보스토크를 방문해" in body
    for noise in (
        "전체기사",
        "최신뉴스",
        "wonjc6@newspim.com",
        "마주 앉아 미소짓고",
        "뉴스핌 베스트 기사",
        "유심 교체",
        "화웨이",
        "Top으로 이동",
        "koinwon@newspim.com",
    ):
        assert noise not in body, noise


def test_the_eight_statements_are_stored_with_kind_speaker_role_and_day(stored: tuple[str, Article]) -> None:
    _, article = stored
    got = sorted(
        (q.kind, q.text, q.speaker.name if q.speaker else None, q.speaker_role, q.said_on)
        for q in article.quotes
    )
    assert got == sorted(GOLD)


def test_quote_offsets_point_into_the_stored_text(stored: tuple[str, Article]) -> None:
    _, article = stored
    for q in article.quotes:
        source = article.title if q.field == "title" else article.body
        assert source is not None
        assert source[q.start_offset : q.end_offset] == q.text


def test_the_subject_inside_the_quote_and_the_pronoun_both_lead_to_putin(stored: tuple[str, Article]) -> None:
    _, article = stored
    by_text = {q.text: q for q in article.quotes}
    inner_subject = by_text["어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다"]  # after 러시아는
    pronoun = by_text[
        "한국은 우리의 이웃이며, 어떤 식으로든 우리는 이웃과 좋은 이웃 관계를 구축해야 한다"
    ]  # 이어 그는
    assert inner_subject.speaker is not None and inner_subject.speaker.name == PUTIN
    assert pronoun.speaker is not None and pronoun.speaker.name == PUTIN


def test_scare_quotes_and_captions_hold_no_quotes(stored: tuple[str, Article]) -> None:
    _, article = stored
    texts = [q.text for q in article.quotes]
    assert "좋은 이웃 관계" not in texts
    assert "유리 가가린" not in texts
    assert not any("미소짓고" in t or "유심" in t or "화웨이" in t for t in texts)


def test_searching_by_a_name_part_finds_putins_statements_in_date_order(
    runner: CliRunner, stored: tuple[str, Article]
) -> None:
    db, _ = stored
    result = runner.invoke(app, ["--db", db, "search", "--speaker", "푸틴", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 6
    assert {r["speaker"] for r in rows} == {PUTIN}
    assert [r["said_on"] for r in rows] == sorted(r["said_on"] for r in rows)


def test_the_kremlin_spokesman_denial_is_found_by_his_surname(
    runner: CliRunner, stored: tuple[str, Article]
) -> None:
    db, _ = stored
    result = runner.invoke(app, ["--db", db, "search", "--speaker", "페스코프", "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert row["speaker"] == PESKOV
    assert row["speaker_role"] == "크렘린궁 대변인"
    assert "서명하지 않았으며" in row["text"]


def test_extract_prints_the_same_statements_without_a_database(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["published_at"] == "2023-09-15T23:47+09:00"
    assert record["outlet"] == "뉴스핌"
    got = sorted(
        (q["kind"], q["text"], q["speaker"], q["speaker_role"], q["said_on"]) for q in record["quotes"]
    )
    want = sorted((k, t, s, r, d.isoformat() if d else None) for k, t, s, r, d in GOLD)
    assert got == want
