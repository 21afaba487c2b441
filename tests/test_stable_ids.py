"""Quote and claim ids are promises: an analyst copies them into a report, and they must still point at
the same words after `reprocess`, `ingest --force`, an updated article and a migration round trip.

On SQLite and PostgreSQL; the fake extractor (tests/helpers.py) makes quotes from marked text, so an
article's quotes change exactly as its file is edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from integrity import check_integrity
from sqlalchemy import Engine, select
from typer.testing import CliRunner, Result

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, ClaimQuote, Quote, Speaker
from quotetrack.types import Article as ExtractedArticle
from quotetrack.types import RawDocument

SUMMIT = "https://news.example/summit"
BRIEFING = "https://news.example/briefing"


def extract(doc: RawDocument) -> ExtractedArticle:
    return fake_extract(doc)


extract.version = "fake-1"  # type: ignore[attr-defined]  # what reprocess compares stored articles with


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: extract)


@pytest.fixture
def db(cli_db: str) -> Iterator[Engine]:
    engine = make_engine(cli_db)
    try:
        yield engine
    finally:
        engine.dispose()


def summit(*quotes: tuple[str, str, str, str]) -> str:
    return article_text("정상회담", "2023-09-15 23:47", "뉴스핌", *quotes, url=SUMMIT)


PUTIN = ("블라디미르 푸틴", "러시아 대통령", "direct", "어떤 합의도 위반하지 않는다")
PESKOV = ("드미트리 페스코프", "크렘린궁 대변인", "direct", "어떤 협의에도 서명하지 않았다")
OFFICIAL = ("정부 관계자", "", "indirect", "회담 결과를 검토 중")


def write_articles(folder: Path, *summit_quotes: tuple[str, str, str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "summit.txt").write_text(summit(*summit_quotes), "utf-8")
    (folder / "briefing.txt").write_text(
        article_text(
            "브리핑",
            "2023-09-16",
            "연합뉴스",
            ("드미트리 페스코프", "크렘린궁 대변인", "direct", "어떤 협의에도 서명하지 않았다"),
            ("블라디미르 푸틴", "러시아 대통령", "direct", "어떤 합의도 위반하지 않는다"),
            url=BRIEFING,
        ),
        "utf-8",
    )
    return folder


def cli(runner: CliRunner, url: str, *args: str) -> Result:
    return runner.invoke(app, ["--db", url, *args])


def ok(runner: CliRunner, url: str, *args: str) -> Result:
    result = cli(runner, url, *args)
    assert result.exit_code == 0, result.output
    return result


def ids(engine: Engine) -> dict[tuple[str, str], tuple[int, int | None]]:
    """Each stored quote's (id, claim id), by (article URL, words)."""
    with transaction(engine) as s:
        rows = s.execute(
            select(Article.url, Quote.text, Quote.id, ClaimQuote.claim_id)
            .join(Article, Article.id == Quote.article_id)
            .outerjoin(ClaimQuote, ClaimQuote.quote_id == Quote.id)
        ).all()
    return {(url, text): (qid, claim) for url, text, qid, claim in rows}


def speaker_ids(engine: Engine) -> dict[str, int]:
    with transaction(engine) as s:
        return {name: sid for sid, name in s.execute(select(Speaker.id, Speaker.name))}


def speaker_of(engine: Engine, quote_id: int) -> str | None:
    with transaction(engine) as s:
        return s.scalar(
            select(Speaker.name).join(Quote, Quote.speaker_id == Speaker.id).where(Quote.id == quote_id)
        )


def test_ids_and_corrections_survive_forced_re_ingest_reprocess_and_migration_round_trips(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "news", PUTIN, PESKOV, OFFICIAL)
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    before = ids(db)
    assert len(before) == 5 and all(claim is not None for _, claim in before.values())
    # the same statement in two outlets is one claim
    assert before[(SUMMIT, PUTIN[3])][1] == before[(BRIEFING, PUTIN[3])][1]

    # a curator decides the official's words were Peskov's
    official = before[(SUMMIT, OFFICIAL[3])][0]
    ok(runner, cli_db, "quotes", "reassign", str(official), "드미트리 페스코프", "--role", "크렘린궁 대변인")
    assert speaker_of(db, official) == "드미트리 페스코프"
    ok(runner, cli_db, "claims", "드미트리 페스코프")  # places the moved quote in a claim of Peskov's
    corrected = ids(db)
    assert {k: v[0] for k, v in corrected.items()} == {k: v[0] for k, v in before.items()}

    ok(runner, cli_db, "ingest", "--force", "--quiet", "--jobs", "1", str(folder))
    assert ids(db) == corrected
    assert speaker_of(db, official) == "드미트리 페스코프"

    ok(runner, cli_db, "reprocess", "--all", "--quiet", "--jobs", "1")
    assert ids(db) == corrected
    assert speaker_of(db, official) == "드미트리 페스코프"

    migrate.downgrade(db, "0006_attribution")
    migrate.upgrade(db)
    assert ids(db) == corrected
    shown = ok(runner, cli_db, "show", str(official))
    assert "회담 결과를 검토 중" in shown.stdout


def test_an_updated_article_keeps_the_ids_of_its_unchanged_quotes_and_explains_the_ones_it_lost(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "news", PUTIN, PESKOV, OFFICIAL)
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    before = ids(db)
    highest = max(qid for qid, _ in before.values())

    # the outlet corrects Peskov's words, drops the official and adds a new quote
    corrected_words = ("드미트리 페스코프", "크렘린궁 대변인", "direct", "어떤 문서에도 서명하지 않았다")
    lavrov = ("세르게이 라브로프", "러시아 외무장관", "direct", "대화의 문은 열려 있다")
    (folder / "summit.txt").write_text(summit(PUTIN, corrected_words, lavrov), "utf-8")
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    after = ids(db)

    assert after[(SUMMIT, PUTIN[3])] == before[(SUMMIT, PUTIN[3])]  # same words, same id and claim
    assert after[(BRIEFING, PESKOV[3])] == before[(BRIEFING, PESKOV[3])]
    new_ids = {after[(SUMMIT, corrected_words[3])][0], after[(SUMMIT, lavrov[3])][0]}
    assert min(new_ids) > highest  # new words get new ids, above every id ever given

    old_peskov = before[(SUMMIT, PESKOV[3])][0]
    replaced = cli(runner, cli_db, "show", str(old_peskov))
    assert replaced.exit_code == 1
    message = " ".join(replaced.stderr.split())
    assert f"quote {old_peskov}" in message and "was removed" in message
    assert f"quote {after[(SUMMIT, corrected_words[3])][0]} replaced it" in message

    old_official = before[(SUMMIT, OFFICIAL[3])][0]
    dropped = cli(runner, cli_db, "show", str(old_official))
    assert dropped.exit_code == 1 and "no quote replaced it" in " ".join(dropped.stderr.split())
    moved = cli(runner, cli_db, "quotes", "reassign", str(old_official), "드미트리 페스코프")
    assert moved.exit_code == 1 and f"quote {old_official}" in " ".join(moved.stderr.split())
    assert "was removed" in " ".join(moved.stderr.split())
    unknown = cli(runner, cli_db, "show", str(highest + 1000))
    assert unknown.exit_code == 1 and "there is no quote with id" in " ".join(unknown.stderr.split())
    check_integrity(cli_db)  # no retired id in use, none above the id counter


def test_the_id_of_the_last_quote_removed_is_never_given_again(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "news", PUTIN, PESKOV, OFFICIAL)
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    stored = ids(db)
    highest = max(qid for qid, _ in stored.values())
    assert stored[(SUMMIT, OFFICIAL[3])][0] == highest  # stored last
    official = speaker_ids(db)["정부 관계자"]
    assert official == max(speaker_ids(db).values())
    (folder / "summit.txt").write_text(summit(PUTIN, PESKOV), "utf-8")  # the official is gone
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    assert max(qid for qid, _ in ids(db).values()) < highest
    assert "정부 관계자" not in speaker_ids(db)  # the article's own speaker went with its words

    (folder / "later.txt").write_text(
        article_text(
            "후속", "2023-09-17", "연합뉴스", ("세르게이 라브로프", "러시아 외무장관", "direct", "대화")
        ),
        "utf-8",
    )
    ok(runner, cli_db, "ingest", "--quiet", "--jobs", "1", str(folder))
    assert ids(db)[(None, "대화")][0] == highest + 1
    assert speaker_ids(db)["세르게이 라브로프"] == official + 1  # exports group by speaker ids too


def test_re_extracted_quotes_keep_the_ids_of_the_same_words_trimmed_ones_included() -> None:
    from helpers import make_quote

    from quotetrack.db.identity import StoredSpan, match_stored

    body = '그는 "대화" 하자고 했다. 또 "대화"를 말했다. "문은 열려 있다, 언제나" 그리고 "전혀 다른 말"이다.'

    def span(qid: int, words: str, occurrence: int = 0) -> StoredSpan:
        start = -1
        for _ in range(occurrence + 1):
            start = body.index(words, start + 1)
        return StoredSpan(qid, "body", words, start, start + len(words))

    stored = [
        span(7, "대화"),
        span(9, "대화", 1),
        span(12, "문은 열려 있다, 언제나"),
        span(15, "전혀 다른 말"),
    ]
    new = [
        make_quote(body, "대화"),
        replace(make_quote(body, "대화"), start=stored[1].start, end=stored[1].end),  # its second report
        make_quote(body, "문은 열려 있다"),  # the extractor now stops at the comma
        make_quote(body, "그는"),  # new words
    ]
    kept = [s.id if s else None for s in match_stored(stored, new)]
    assert kept == [7, 9, 12, None]  # 15's words are gone: it will be retired
