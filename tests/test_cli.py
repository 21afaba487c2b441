"""The CLI end to end through CliRunner, each run followed by a look into the database.

These use a deterministic fake extractor (tests/helpers.py) so they pin the CLI,
service and storage behaviour, not extraction quality.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from rich.cells import cell_len
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db import migrate
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Outlet, Quote, Speaker
from quotetrack.records import ARTICLE_KEYS, RECORD_KEYS

PUTIN = ("블라디미르 푸틴", "러시아 대통령")
PESKOV = ("드미트리 페스코프", "크렘린궁 대변인")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def db(db_url: str) -> Iterator[Engine]:
    """An engine to look into the database the CLI wrote (created lazily by the CLI itself)."""
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "sept").mkdir(parents=True)
    (folder / "sept" / "putin-0915.txt").write_text(
        article_text(
            '푸틴 "합의 위반 안 해"',
            "2023-09-15 23:47",
            "뉴스핌",
            (*PUTIN, "direct", "어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다"),
            (*PESKOV, "direct", "어떤 협의에도 서명하지 않았으며 그럴 계획도 없다"),
        ),
        "utf-8",
    )
    (folder / "sept" / "putin-0913.txt").write_text(
        article_text(
            "북·러 정상회담",
            "2023-09-13",
            "연합뉴스",
            ("푸틴", "대통령", "indirect", "김정은 위원장의 방러를 환영한다"),
            (*PUTIN, "direct", "우주 개발을 도울 것"),
        ),
        "utf-8",
    )
    return folder


def counts(engine: Engine) -> tuple[int, int, int, int]:
    with transaction(engine) as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Article, Quote, Speaker, Outlet)
        )


# ingest


def test_ingest_stores_articles_quotes_and_speakers(
    runner: CliRunner, cli_db: str, db: Engine, articles: Path
) -> None:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(articles)])
    assert result.exit_code == 0, result.output
    assert "2  articles stored" in result.stdout
    assert "4  quotes stored" in result.stdout
    # 블라디미르 푸틴 and 드미트리 페스코프; 푸틴 대통령 is the 블라디미르 푸틴 of the same article (issue 5)
    assert "2  new speakers" in result.stdout
    assert counts(db) == (2, 4, 2, 2)
    with transaction(db) as s:
        article = s.scalars(select(Article).where(Article.source.endswith("putin-0915.txt"))).one()
        assert article.title == '푸틴 "합의 위반 안 해"' and article.outlet is not None
        assert article.outlet.name == "뉴스핌" and article.published_has_time
        columns = select(Quote.text, Quote.speaker_role, Speaker.name).join(Speaker)
        rows = s.execute(columns.where(Quote.article_id == article.id)).all()
    assert sorted(rows) == sorted(
        [
            ("어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다", "러시아 대통령", "블라디미르 푸틴"),
            ("어떤 협의에도 서명하지 않았으며 그럴 계획도 없다", "크렘린궁 대변인", "드미트리 페스코프"),
        ]
    )


def test_ingesting_the_same_articles_again_stores_nothing_and_says_so(
    runner: CliRunner, cli_db: str, db: Engine, articles: Path
) -> None:
    assert runner.invoke(app, ["--db", cli_db, "ingest", str(articles)]).exit_code == 0
    before = counts(db)
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(articles)])
    assert result.exit_code == 0, result.output
    assert "2  articles unchanged" in result.stdout
    assert "0  articles stored" in result.stdout and "0  quotes stored" in result.stdout
    assert "Nothing new" in result.stdout
    assert counts(db) == before


def test_a_bad_file_is_named_and_the_rest_of_the_batch_is_stored_whole(
    runner: CliRunner, cli_db: str, db: Engine, articles: Path
) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (articles / "crash.txt").write_text("제목\n2023-09-15\n뉴스핌\nBOOM\n", "utf-8")
    # the store refuses this one after the article row was written: the transaction must roll it back
    (articles / "half.txt").write_text(
        article_text("반쯤", "2023-09-15", "새 언론사", (*PUTIN, "direct", "BADKIND 인용")), "utf-8"
    )
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(articles), str(articles / "missing.txt")])
    assert result.exit_code == 1
    errors = result.stderr
    assert "empty.txt: empty file" in errors
    assert "image.txt: binary file" in errors
    assert "crash.txt: extraction failed: RuntimeError" in errors
    assert "half.txt: cannot store" in errors
    assert "missing.txt: no such file or folder" in errors
    assert "5  sources failed" in result.stdout and "2  articles stored" in result.stdout
    assert counts(db) == (2, 4, 2, 2)  # nothing of half.txt: no article, no quote, no outlet "새 언론사"
    assert "Traceback" not in result.output


def test_ingest_reads_standard_input(runner: CliRunner, cli_db: str, db: Engine) -> None:
    text = article_text("표준 입력", "2023-09-20", "뉴스핌", (*PESKOV, "direct", "사실무근"))
    result = runner.invoke(app, ["--db", cli_db, "ingest", "-"], input=text)
    assert result.exit_code == 0, result.output
    with transaction(db) as s:
        assert s.scalars(select(Article.source)).all() == ["<stdin>"]


def test_without_db_option_the_database_lives_in_quotetrack_home(
    runner: CliRunner, quotetrack_home: Path, articles: Path
) -> None:
    result = runner.invoke(app, ["ingest", str(articles)])
    assert result.exit_code == 0, result.output
    assert (quotetrack_home / "quotetrack.db").is_file()
    assert str(quotetrack_home / "quotetrack.db") in result.stdout


# search


@pytest.fixture
def ingested(runner: CliRunner, cli_db: str, articles: Path) -> str:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(articles)])
    assert result.exit_code == 0, result.output
    return cli_db


def test_search_shows_a_table_of_the_speakers_quotes_in_date_order(runner: CliRunner, ingested: str) -> None:
    result = runner.invoke(app, ["--db", ingested, "search", "--speaker", "푸틴", "-f", "table"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for header in ("Said", "Speaker", "Role", "Kind", "Quote", "Outlet"):
        assert header in out
    in_order = ("김정은 위원장의 방러를 환영한다", "우주 개발을 도울 것", "위반할 의사도 없다")
    order = [out.index(t) for t in in_order]
    assert order == sorted(order)
    assert "2023-09-13" in out and "블라디미르 푸틴" in out and "러시아 대통령" in out and "연합뉴스" in out
    assert "페스코프" not in out


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_table_fits_the_terminal_with_korean_text(ingested: str, columns: int) -> None:
    narrow = CliRunner(env={"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"})
    result = narrow.invoke(app, ["--db", ingested, "search", "--speaker", "푸틴", "--format", "table"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert lines[0].endswith("┓") and "Outlet" in result.stdout  # the last column is not pushed off
    assert "블라디미르" in result.stdout  # a long name breaks between its words, not inside one
    if columns >= 80:
        assert "뉴스핌" in result.stdout and "연합뉴스" in result.stdout


def test_the_table_and_show_print_stored_text_as_it_is_not_as_rich_markup(
    runner: CliRunner, cli_db: str, tmp_path: Path
) -> None:
    text = "[bold]합의[/bold] :warning: 없다"
    (tmp_path / "markup.txt").write_text(
        article_text("[red]속보[/red]", "2023-09-20", "뉴스핌", (*PESKOV, "direct", text)), "utf-8"
    )
    assert runner.invoke(app, ["--db", cli_db, "ingest", str(tmp_path / "markup.txt")]).exit_code == 0
    wide = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    result = wide.invoke(app, ["--db", cli_db, "search", "-s", "페스코프"])
    assert result.exit_code == 0, result.output
    assert text in result.stdout
    shown = wide.invoke(app, ["--db", cli_db, "show", "1"])
    assert shown.exit_code == 0, shown.output
    assert "[red]속보[/red]" in shown.stdout


def test_search_json_prints_the_same_rows_for_scripts(runner: CliRunner, ingested: str) -> None:
    result = runner.invoke(app, ["--db", ingested, "search", "-s", "블라디미르 푸틴", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == [
        "김정은 위원장의 방러를 환영한다",  # printed as 푸틴 대통령, resolved to the article's full name
        "우주 개발을 도울 것",
        "어떤 것도 위반하지 않고 있으며, 위반할 의사도 없다",
    ]
    assert (rows[0]["speaker"], rows[0]["speaker_as_printed"], rows[0]["speaker_role"]) == (
        "블라디미르 푸틴",
        "푸틴",
        "대통령",
    )
    first = rows[1]
    assert first["said_on"] == "2023-09-13" and first["published_date"] == "2023-09-13"
    assert first["published_at"] is None  # the page gave no time
    assert rows[2]["published_at"] == "2023-09-15T23:47+09:00"
    assert (first["speaker"], first["speaker_role"], first["kind"], first["outlet"]) == (
        "블라디미르 푸틴",
        "러시아 대통령",
        "direct",
        "연합뉴스",
    )
    assert "우주" in result.stdout  # not \\uXXXX escapes


def test_search_csv_has_a_header_and_the_same_rows(runner: CliRunner, ingested: str) -> None:
    as_json = json.loads(runner.invoke(app, ["--db", ingested, "search", "-s", "푸틴", "-f", "json"]).stdout)
    result = runner.invoke(app, ["--db", ingested, "search", "-s", "푸틴", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["text"] for r in rows] == [r["text"] for r in as_json]
    assert [r["quote_id"] for r in rows] == [str(r["quote_id"]) for r in as_json]
    assert rows[0]["speaker"] == as_json[0]["speaker"]


def test_an_unknown_speaker_gets_a_clear_message(runner: CliRunner, ingested: str) -> None:
    result = runner.invoke(app, ["--db", ingested, "search", "--speaker", "루카셴코"])
    assert result.exit_code == 1
    assert "Error: no speaker matches '루카셴코'" in result.stderr
    assert result.stdout == ""
    as_json = runner.invoke(app, ["--db", ingested, "search", "--speaker", "루카셴코", "-f", "json"])
    assert as_json.exit_code == 1 and as_json.stdout == ""  # an error, not an empty answer


def test_search_limit_says_when_rows_were_left_out(runner: CliRunner, ingested: str) -> None:
    result = runner.invoke(app, ["--db", ingested, "search", "-s", "푸틴", "-f", "json", "--limit", "2"])
    assert len(json.loads(result.stdout)) == 2
    assert "Showing the first 2 quotes" in result.stderr
    everything = runner.invoke(app, ["--db", ingested, "search", "-s", "푸틴", "-f", "json", "--limit", "0"])
    assert len(json.loads(everything.stdout)) == 3 and everything.stderr == ""


def test_search_without_a_database_does_not_create_one(runner: CliRunner, quotetrack_home: Path) -> None:
    result = runner.invoke(app, ["search", "--speaker", "푸틴"])
    assert result.exit_code == 1
    assert "there is no database at" in result.stderr and "quotetrack ingest" in result.stderr
    assert not (quotetrack_home / "quotetrack.db").exists()


def test_a_bad_option_value_is_a_usage_error(runner: CliRunner, ingested: str) -> None:
    assert runner.invoke(app, ["--db", ingested, "search", "--format", "xml"]).exit_code == 2
    result = runner.invoke(app, ["--db", ingested, "search", "--speaker", "  "])
    assert result.exit_code == 2 and "empty" in result.stderr


# extract


def test_extract_prints_one_json_object_per_article_and_touches_no_database(
    runner: CliRunner, articles: Path, quotetrack_home: Path
) -> None:
    result = runner.invoke(app, ["extract", str(articles), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    for record in records:
        assert tuple(record) == ARTICLE_KEYS
        for quote in record["quotes"]:
            assert tuple(quote) == RECORD_KEYS
    first = records[0]
    assert first["source"].endswith("putin-0913.txt") and first["published_date"] == "2023-09-13"
    assert records[1]["published_at"] == "2023-09-15T23:47+09:00"
    # the scoring tool's key: the page's date at the precision the page gives
    assert (first["published"], records[1]["published"]) == ("2023-09-13", "2023-09-15T23:47+09:00")
    assert first["quotes"][0]["said_on"] == "2023-09-13" and first["quotes"][0]["speaker"] == "푸틴"
    assert "환영한다" in lines[0]  # ensure_ascii=False
    assert list(quotetrack_home.iterdir()) == []


def test_extract_reports_unreadable_files_and_goes_on(runner: CliRunner, articles: Path) -> None:
    (articles / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(articles / "empty.txt"), str(articles), "-f", "json"])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert len(json.loads(result.stdout)) == 2


# db


def test_db_upgrade_then_current(runner: CliRunner, db_url: str) -> None:
    result = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    head = migrate.head_revision()
    assert f"from revision (empty) to {head}" in result.stdout
    again = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert f"already at the latest revision ({head})" in again.stdout
    current = runner.invoke(app, ["--db", db_url, "db", "current"])
    assert current.exit_code == 0 and f"revision {head} (latest)" in current.stdout


def test_db_current_on_an_empty_database_says_what_to_do(runner: CliRunner, db_url: str, db: Engine) -> None:
    with db.connect():
        pass  # creates the SQLite file; the PostgreSQL database exists already
    result = runner.invoke(app, ["--db", db_url, "db", "current"])
    assert result.exit_code == 0 and "revision (none) (empty; run `quotetrack db upgrade`)" in result.stdout


# errors


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://analyst:hunter2-secret@127.0.0.1:1/news",  # nothing listens on port 1
        "mysql://analyst:hunter2-secret@127.0.0.1/news",
    ],
)
def test_database_passwords_never_appear_in_error_messages(
    runner: CliRunner, url: str, articles: Path
) -> None:
    for args in (["search", "-s", "푸틴"], ["ingest", str(articles)], ["db", "upgrade"], ["db", "current"]):
        result = runner.invoke(app, ["--verbose", "--db", url, *args])
        assert result.exit_code == 1, (args, result.output)
        assert "Error:" in result.stderr
        assert "hunter2-secret" not in result.output
        assert "***" in result.stderr


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("quotetrack ")
