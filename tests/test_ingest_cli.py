"""`quotetrack ingest` as an analyst uses it: every format and encoding, bad input, reruns, reports.

The extractor is `ingest_fakes.clean_extract` (the real cleaner, quotes found by
quotation marks, no Kiwi), so these tests pin reading, identity and storage;
each run is followed by a look into the database.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ingest_fakes import clean_extract, clean_extract_v2, crashing_extract, pid_extract, refusing_extract
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner, Result

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Quote

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(autouse=True)
def extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: clean_extract)


@pytest.fixture
def db(cli_db: str) -> Iterator[Engine]:
    engine = make_engine(cli_db)
    try:
        yield engine
    finally:
        engine.dispose()


def ingest(runner: CliRunner, url: str, *args: str, **kwargs: str) -> Result:
    return runner.invoke(app, ["--db", url, "ingest", "--jobs", "1", *args], **kwargs)  # type: ignore[arg-type]


def articles(engine: Engine) -> dict[str, Article]:
    """Stored articles by the file name (or record) they came from."""
    with transaction(engine) as s:
        rows = s.scalars(select(Article)).all()
        for row in rows:
            _ = row.outlet  # load before the session closes
        return {Path(r.source).name: r for r in rows}


def count(engine: Engine, model: type) -> int:
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def copy(*names: str, to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DATA / name, to / Path(name).name)
    return to


# --- formats ------------------------------------------------------------------------------


def test_saved_news_pages_are_stored_with_the_metadata_their_head_declares(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    folder = copy(
        "html/yna-2023-09-13-summit.html",
        "html/chosun-2024-03-04-doctors.html",
        "html/regional-2019-05-09-euckr.html",
        to=tmp_path / "pages",
    )
    result = ingest(runner, cli_db, str(folder))
    assert result.exit_code == 0, result.output
    assert "3  articles stored" in result.stdout
    stored = articles(db)
    yna = stored["yna-2023-09-13-summit.html"]
    assert yna.title == '북러 정상회담…김정은 "러시아와 함께할 것"'  # JSON-LD headline, no " | 연합뉴스"
    assert yna.outlet is not None and yna.outlet.name == "연합뉴스"
    assert yna.published == datetime(2023, 9, 13, 9, 58, tzinfo=UTC) and yna.published_has_time
    assert yna.url == "https://www.yna.co.kr/view/AKR20230913151200080"
    assert yna.byline == "하채림"
    assert "관련 뉴스" not in yna.body and "okjebo" not in yna.body and "본문 바로가기" not in yna.body
    assert '"우리는 언제나 러시아와 함께할 것"' in yna.body
    chosun = stored["chosun-2024-03-04-doctors.html"]
    assert (
        chosun.byline == "김민수, 이지은" and chosun.outlet is not None and chosun.outlet.name == "조선일보"
    )
    assert chosun.published == datetime(2024, 3, 4, 1, 12, tzinfo=UTC)
    assert "많이 본 뉴스" not in chosun.body and "한덕수 국무총리는 4일" in chosun.body
    regional = stored["regional-2019-05-09-euckr.html"]  # EUC-KR, no meta tags: <title> and the page
    assert regional.title == '[지역] 시장 "교통 대책 서두르겠다"'
    assert regional.outlet is not None and regional.outlet.name == "남도일보"
    assert regional.published is not None and regional.published.date().isoformat() == "2019-05-08"  # KST day
    assert "이용섭 광주시장은 9일" in regional.body
    with transaction(db) as s:
        quotes = s.scalars(select(Quote.text).where(Quote.article_id == yna.id)).all()
    assert "우리는 언제나 러시아와 함께할 것" in quotes


def test_one_article_in_every_encoding_is_stored_once(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    names = [
        "article.txt",
        "article-utf8-bom.txt",
        "article-cp949.txt",
        "article-utf16le-bom.txt",
        "article-utf16be.txt",
    ]
    folder = copy(*(f"text/{n}" for n in names), to=tmp_path / "enc")
    result = ingest(runner, cli_db, str(folder))
    assert result.exit_code == 0, result.output
    assert "1  article stored" in result.stdout and "4  articles unchanged" in result.stdout
    (article,) = articles(db).values()
    assert article.title == '윤 대통령 "한미일 협력, 새로운 장 열었다"'
    assert article.outlet is not None and article.outlet.name == "뉴스1"
    assert article.key.startswith("raw:") and article.raw_text is not None


def test_cp949_only_syllables_are_decoded_and_a_forced_wrong_encoding_fails_that_file_only(
    runner: CliRunner, cli_db: str, db: Engine
) -> None:
    path = str(DATA / "text" / "cp949-only-syllable.txt")
    result = ingest(runner, cli_db, "--encoding", "euc-kr", path, str(DATA / "text" / "article-cp949.txt"))
    assert result.exit_code == 1
    assert "cp949-only-syllable.txt: cannot decode as euc_kr" in result.stderr
    assert "1  article stored" in result.stdout
    result = ingest(runner, cli_db, path)
    assert result.exit_code == 0, result.output
    assert any("똠방각하" in (a.title or "") for a in articles(db).values())


def test_an_unknown_encoding_is_a_usage_error(runner: CliRunner, cli_db: str) -> None:
    result = ingest(runner, cli_db, "--encoding", "klingon", str(DATA / "text"))
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


def test_json_lines_records_are_stored_with_their_fields_and_a_broken_line_is_named(
    runner: CliRunner, cli_db: str, db: Engine
) -> None:
    result = ingest(runner, cli_db, str(DATA / "records" / "scraper-dump.jsonl"))
    assert result.exit_code == 1
    errors = result.stderr
    assert "scraper-dump.jsonl:3: invalid JSON at column" in errors
    assert "scraper-dump.jsonl:5: the record has no article text" in errors
    assert "scraper-dump.jsonl:6: line is not a JSON object" in errors
    assert "3  articles stored" in result.stdout and "3  sources failed" in result.stdout
    stored = articles(db)
    first = stored["scraper-dump.jsonl:1"]
    assert first.title == '국방부 "북 발사체 분석 중"' and first.byline == "이주원 기자"
    assert first.outlet is not None and first.outlet.name == "서울신문"
    assert first.url == "https://www.example-news.kr/article/20190509000123"
    assert first.published == datetime(2019, 5, 9, 2, 2, tzinfo=UTC)
    assert first.extra == {"section": "정치", "keywords": ["국방부", "북한"], "crawl_id": 9913}
    second = stored["scraper-dump.jsonl:2"]  # headline/text/link/publisher/date/reporter spellings
    assert second.title == '외교부 "日 오염수 방류, 국제기준 따라야"' and second.byline == "박서연 기자"
    assert second.extra == {"section": "외교"}
    no_url = stored["scraper-dump.jsonl:4"]
    assert no_url.url is None and no_url.key.startswith("raw:") and no_url.extra == {"lang": "ko"}


def test_a_news_archive_csv_export_in_cp949_with_korean_headers(
    runner: CliRunner, cli_db: str, db: Engine
) -> None:
    result = ingest(runner, cli_db, str(DATA / "records" / "bigkinds-export.csv"))
    assert result.exit_code == 0, result.output
    stored = articles(db)
    khan = stored["bigkinds-export.csv:2"]
    assert khan.title == '이재명 "단식 이어가겠다"'
    assert khan.outlet is not None and khan.outlet.name == "경향신문"
    assert khan.published is not None and not khan.published_has_time
    assert khan.url == "https://www.khan.example/article/202309151030001"
    assert khan.extra == {"뉴스 식별자": "01100101.20230915001"}
    assert stored["bigkinds-export.csv:3"].url is None


def test_a_json_array_file_is_records_too(runner: CliRunner, cli_db: str, db: Engine) -> None:
    result = ingest(runner, cli_db, str(DATA / "records" / "export.json"))
    assert result.exit_code == 0, result.output
    (article,) = articles(db).values()
    assert article.title == "JSON 배열 기사" and article.extra == {"extra_field": {"a": 1}}


def test_json_lines_saved_as_txt_is_recognised_by_its_content(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(
        json.dumps({"title": "내용으로 알아본 JSONL", "body": '시장은 "좋다"고 말했다.'}, ensure_ascii=False)
        + "\n",
        "utf-8",
    )
    result = ingest(runner, cli_db, str(path))
    assert result.exit_code == 0, result.output
    assert [a.title for a in articles(db).values()] == ["내용으로 알아본 JSONL"]


def test_json_lines_on_standard_input(runner: CliRunner, cli_db: str, db: Engine) -> None:
    lines = "".join(
        json.dumps({"title": f"표준 입력 {i}", "body": f'그는 "{i}번째"라고 말했다.'}, ensure_ascii=False)
        + "\n"
        for i in range(3)
    )
    result = ingest(runner, cli_db, "-", input=lines)
    assert result.exit_code == 0, result.output
    assert sorted(articles(db)) == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


# --- bad input ------------------------------------------------------------------------------


def test_bad_input_is_named_with_its_reason_and_never_ends_the_batch(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    folder = copy(
        "bad/empty.txt",
        "bad/blank.txt",
        "bad/photo.txt",
        "bad/random-bytes.txt",
        "html/front-page.html",
        "text/article.txt",
        to=tmp_path / "mixed",
    )
    huge = folder / "dump.txt"
    with huge.open("wb") as f:  # 200 MB of page text: refused from its size, never read
        f.truncate(200 * 1024 * 1024)
    (tmp_path / "nothing-here").mkdir()
    (tmp_path / "nothing-here" / "notes.md").write_text("메모", "utf-8")
    result = ingest(runner, cli_db, str(folder), str(tmp_path / "nothing-here"))
    assert result.exit_code == 1
    errors = result.stderr
    assert "empty.txt: empty file" in errors and "blank.txt: empty file" in errors
    assert "photo.txt: binary file (a PNG image), not article text" in errors
    assert "random-bytes.txt: binary file, not article text" in errors
    assert "front-page.html: no article text found in the HTML page" in errors
    assert "dump.txt: file is 200.0 MB, more than the 20.0 MB an article can be" in errors
    assert "nothing-here: folder holds no article files" in errors
    assert "Traceback" not in result.output
    assert "1  article stored" in result.stdout and "7  sources failed" in result.stdout
    assert count(db, Article) == 1


def test_a_huge_json_lines_file_streams(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotetrack.ingest import readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)  # so a small file stands for a 200 MB one
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(60):
            f.write(
                json.dumps({"title": f"기사 {i}", "body": f'그는 "{i}"라고 말했다. ' * 3}, ensure_ascii=False)
            )
            f.write("\n")
    assert path.stat().st_size > 1000
    result = ingest(runner, cli_db, str(path))
    assert result.exit_code == 0, result.output
    assert count(db, Article) == 60


def test_a_missing_path_and_an_empty_folder_fail_with_exit_code_1(
    runner: CliRunner, cli_db: str, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    result = ingest(runner, cli_db, str(tmp_path / "empty"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "empty: folder holds no article files" in result.stderr
    assert "nope.txt: no such file or folder" in result.stderr


def test_no_paths_is_a_usage_error(runner: CliRunner, cli_db: str) -> None:
    assert ingest(runner, cli_db).exit_code == 2
    assert runner.invoke(app, ["--db", cli_db, "ingest", "--jobs", "0", "x"]).exit_code == 2


# --- identity, updates, --force, reprocess ---------------------------------------------------


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_a_changed_version_of_the_same_url_replaces_the_old_one_and_its_quotes(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path
) -> None:
    url = "https://news.example.kr/a/1"
    first = jsonl(
        tmp_path / "v1.jsonl", {"title": "초판", "body": '장관은 "가나"라고, "다라"라고 말했다.', "url": url}
    )
    assert ingest(runner, cli_db, str(first)).exit_code == 0
    second = jsonl(
        tmp_path / "v2.jsonl", {"title": "수정판", "body": '장관은 "마바"라고 말했다.', "url": url + "#top"}
    )
    result = ingest(runner, cli_db, str(second))
    assert result.exit_code == 0, result.output
    assert "1  article updated" in result.stdout and "0  articles stored" in result.stdout
    (article,) = articles(db).values()
    assert article.title == "수정판"
    with transaction(db) as s:
        assert s.scalars(select(Quote.text)).all() == ["마바"]


def test_rerunning_a_batch_finds_stored_articles_without_extracting_them(
    runner: CliRunner, cli_db: str, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(DATA / "text"), str(DATA / "records" / "bigkinds-export.csv"), str(DATA / "html")]
    assert ingest(runner, cli_db, *paths).exit_code == 1  # front-page.html fails
    before = count(db, Article), count(db, Quote)
    monkeypatch.setattr(service, "default_extractor", lambda: refusing_extract)
    result = ingest(runner, cli_db, *paths)
    assert result.exit_code == 1 and "front-page.html: no article text" in result.stderr
    assert "0  articles stored" in result.stdout and "Traceback" not in result.output
    assert (count(db, Article), count(db, Quote)) == before


def test_force_re_extracts_articles_stored_unchanged(runner: CliRunner, cli_db: str, db: Engine) -> None:
    path = str(DATA / "records" / "bigkinds-export.csv")
    assert ingest(runner, cli_db, path).exit_code == 0
    ids = {a.id for a in articles(db).values()}
    result = ingest(runner, cli_db, "--force", path)
    assert result.exit_code == 0, result.output
    assert "2  articles updated" in result.stdout
    assert {a.id for a in articles(db).values()} == ids  # rewritten in place, not duplicated
    assert all(a.updated_at is not None for a in articles(db).values())


def test_an_article_without_url_keeps_its_identity_when_the_extractor_changes(
    runner: CliRunner, cli_db: str, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(DATA / "text" / "article.txt")
    assert ingest(runner, cli_db, path).exit_code == 0
    monkeypatch.setattr(service, "default_extractor", lambda: clean_extract_v2)
    result = ingest(runner, cli_db, path)
    assert "1  article updated" in result.stdout
    (article,) = articles(db).values()
    assert article.extractor_version == "clean-2"


def test_reprocess_re_extracts_articles_an_older_extractor_parsed(
    runner: CliRunner, cli_db: str, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(DATA / "records"), str(DATA / "html" / "yna-2023-09-13-summit.html")]
    ingest(runner, cli_db, *paths)
    stored = count(db, Article)
    quotes = count(db, Quote)
    monkeypatch.setattr(service, "default_extractor", lambda: clean_extract_v2)
    result = runner.invoke(app, ["--db", cli_db, "reprocess", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"{stored}  articles re-extracted" in result.stdout
    assert (count(db, Article), count(db, Quote)) == (stored, quotes)
    versions = {a.extractor_version for a in articles(db).values()}
    assert versions == {"clean-2"}
    yna = articles(db)["yna-2023-09-13-summit.html"]
    assert yna.outlet is not None and yna.outlet.name == "연합뉴스"  # meta kept for re-extraction
    again = runner.invoke(app, ["--db", cli_db, "reprocess", "--json"])
    assert json.loads(again.stdout)["updated"] == 0


def test_articles_stored_before_raw_text_was_kept_are_adopted_not_duplicated(
    runner: CliRunner, cli_db: str, db: Engine
) -> None:
    from quotetrack.db.store import save_article
    from quotetrack.ingest.readers import SourceFailure, iter_documents

    assert runner.invoke(app, ["--db", cli_db, "db", "upgrade"]).exit_code == 0
    (doc,) = iter_documents([str(DATA / "text" / "article.txt")])
    assert not isinstance(doc, SourceFailure)
    with transaction(db) as s:  # how an older quotetrack stored it: no raw text, clean-text key
        save_article(s, clean_extract(doc))
    reprocessed = runner.invoke(app, ["--db", cli_db, "reprocess", "--json"])
    assert json.loads(reprocessed.stdout)["without_raw_text"] == 0  # same version: not stale
    result = ingest(runner, cli_db, str(DATA / "text" / "article.txt"))
    assert "1  article unchanged" in result.stdout
    (article,) = articles(db).values()
    assert article.key.startswith("raw:") and article.raw_text is not None


# --- options and reports -----------------------------------------------------------------------


def test_glob_picks_files_inside_folders(runner: CliRunner, cli_db: str, db: Engine) -> None:
    result = ingest(runner, cli_db, "--glob", "yna-*.html", str(DATA))
    assert result.exit_code == 0, result.output
    assert list(articles(db)) == ["yna-2023-09-13-summit.html"]
    none = ingest(runner, cli_db, "--glob", "*.docx", str(DATA))
    assert none.exit_code == 1 and "no files matching --glob '*.docx'" in none.stderr


def test_json_report_for_scripts(runner: CliRunner, cli_db: str, tmp_path: Path) -> None:
    folder = copy("text/article.txt", "bad/photo.txt", to=tmp_path / "j")
    result = ingest(runner, cli_db, "--json", str(folder))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["stored"] == 1 and report["failed"] == 1 and report["unchanged"] == 0
    assert report["files"] == 2 and report["quotes_stored"] == 5
    assert report["failures"] == [
        {"source": str(folder / "photo.txt"), "reason": report["failures"][0]["reason"]}
    ]
    assert "PNG" in report["failures"][0]["reason"]
    assert "postgresql" in report["database"] or "sqlite" in report["database"]


def test_quiet_prints_only_failures(runner: CliRunner, cli_db: str, tmp_path: Path) -> None:
    folder = copy("text/article.txt", "bad/empty.txt", to=tmp_path / "q")
    result = ingest(runner, cli_db, "--quiet", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty.txt: empty file" in result.stderr


def test_a_progress_bar_is_drawn_only_on_a_terminal(runner: CliRunner, cli_db: str) -> None:
    path = str(DATA / "records" / "scraper-dump.jsonl")
    piped = ingest(runner, cli_db, path)
    assert "articles ·" not in piped.stderr
    terminal = CliRunner(env={"COLUMNS": "120", "FORCE_COLOR": "1", "TERM": "xterm"})
    drawn = terminal.invoke(app, ["--db", cli_db, "ingest", "--force", "-j", "1", path])
    assert "articles ·" in drawn.stderr and "/s" in drawn.stderr
    quiet = terminal.invoke(app, ["--db", cli_db, "ingest", "-q", "-j", "1", path])
    assert "articles ·" not in quiet.stderr


@pytest.mark.slow
def test_two_jobs_store_the_same_as_one_in_worker_processes(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: pid_extract)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03}.txt").write_text(
            f'제목 {i}\n\n김 장관은 {i}일 "{i}번 발언"이라고 말했다.\n', "utf-8"
        )
    copy("records/scraper-dump.jsonl", "html/yna-2023-09-13-summit.html", to=folder)
    result = runner.invoke(app, ["--db", cli_db, "ingest", "--jobs", "2", str(folder)])
    assert result.exit_code == 1  # the broken JSON lines
    assert "44  articles stored" in result.stdout and "3  sources failed" in result.stdout
    stored = articles(db)
    workers = {a.byline for a in stored.values()}
    assert len(workers) == 2  # both worker processes extracted, none of it in this process
    with transaction(db) as s:
        assert s.scalar(select(func.count()).select_from(Quote)) == 40 + 2 + 1 + 1 + 6
    again = runner.invoke(app, ["--db", cli_db, "ingest", "--jobs", "2", "--json", str(folder)])
    assert json.loads(again.stdout)["unchanged"] == 44


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_the_article_it_was_reading(
    runner: CliRunner, cli_db: str, db: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: crashing_extract)
    folder = tmp_path / "crash"
    folder.mkdir()
    for i in range(30):
        poison = "CRASH " if i == 13 else ""
        (folder / f"{i:03}.txt").write_text(
            f'제목 {i}\n\n{poison}장관은 "{i}번 발언"이라고 말했다.\n', "utf-8"
        )
    result = runner.invoke(app, ["--db", cli_db, "ingest", "--jobs", "2", str(folder)])
    assert result.exit_code == 1
    assert "013.txt: the worker process extracting it died" in result.stderr
    assert "29  articles stored" in result.stdout and "1  source failed" in result.stdout
    assert count(db, Article) == 29
