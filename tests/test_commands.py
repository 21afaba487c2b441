"""The analyst's commands end to end through CliRunner, on SQLite and PostgreSQL.

The story: 김민수, spokesman of the industry ministry, denies on 4 March that
electricity rates will rise in the second quarter (two outlets carry it), denies
again on 11 March, and on 20 March confirms that a rise is being considered.
Articles go through `quotetrack ingest` with the deterministic test extractor
(tests/helpers.py); tests/test_story.py runs the real extractor on real-looking
articles of the same story.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from sqlalchemy import func, select
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Claim, ClaimQuote, Quote
from quotetrack.records import RECORD_KEYS

KIM = ("김민수", "산업통상자원부 대변인")
LEE = ("이지원", "기획재정부 대변인")
DENIAL = "2분기 전기요금 인상은 현재 검토하지 않고 있다"
CONFIRMATION = "2분기 전기요금 인상을 검토하고 있다"


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    files = {
        "0304-yonhap.txt": article_text(
            '산업부 "2분기 전기요금 인상 검토 안 해"',
            "2024-03-04 10:12",
            "연합뉴스",
            (*KIM, "direct", DENIAL),
            (*KIM, "direct", "일부 언론이 보도한 인상설은 사실무근"),
            (*KIM, "indirect", "에너지 취약계층에 대한 지원은 계속 확대할 것"),
            url="https://www.yna.co.kr/view/AKR20240304001",
        ),
        "0304-newsis.txt": article_text(
            '정부 "2분기 전기요금 인상 계획 없다"',
            "2024-03-04 11:30",
            "뉴시스",
            (*KIM, "direct", "2분기 전기요금 인상은 검토하지 않고 있다"),
            url="https://newsis.com/view/NISX20240304",
        ),
        "0311-news1.txt": article_text(
            '산업부 "전기요금 인상 검토하지 않아" 거듭 부인',
            "2024-03-11 14:05",
            "뉴스1",
            (*KIM, "direct", "2분기 전기요금인상은 검토하지 않고 있다"),
            url="https://www.news1.kr/articles/5340001",
        ),
        "0320-hani.txt": article_text(
            "산업부, 2분기 전기요금 인상 검토 공식화",
            "2024-03-20 09:40",
            "한겨레",
            (*KIM, "direct", CONFIRMATION),
            (*KIM, "direct", "한전의 누적 적자를 고려하면 요금 조정이 불가피하다"),
            url="https://www.hani.co.kr/arti/1133001.html",
        ),
        "0402-yonhap.txt": article_text(
            '기재부 "공공요금 인상, 하반기로"',
            "2024-04-02 08:00",
            "연합뉴스",
            (*LEE, "direct", "공공요금 인상은 하반기로 미룰 것"),
            url="https://www.yna.co.kr/view/AKR20240402002",
        ),
    }
    for name, content in files.items():
        (folder / name).write_text(content, "utf-8")
    return folder


@pytest.fixture
def db(runner: CliRunner, cli_db: str, story: Path) -> str:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(story)])
    assert result.exit_code == 0, result.output
    return cli_db


def run(runner: CliRunner, db: str, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


def rows(runner: CliRunner, db: str, *args: str) -> list[dict[str, object]]:
    """The quotes `search` finds, as JSON; exit code 0 when there are some, 1 when there are none."""
    result = runner.invoke(app, ["--db", db, "search", *args, "--format", "json", "--limit", "0"])
    found: list[dict[str, object]] = json.loads(result.stdout)
    assert result.exit_code == (0 if found else 1), result.output
    return found


# search


def test_search_combines_speaker_text_and_dates(runner: CliRunner, db: str) -> None:
    hits = rows(runner, db, "--speaker", "김민수", "--text", "전기요금", "--since", "2024-03-10")
    assert [(h["said_on"], h["outlet"]) for h in hits] == [("2024-03-20", "한겨레"), ("2024-03-11", "뉴스1")]
    in_march = rows(runner, db, "-t", "인상", "--since", "2024-03", "--until", "2024-03", "--sort", "said")
    assert [h["said_on"] for h in in_march] == ["2024-03-04"] * 3 + ["2024-03-11", "2024-03-20"]
    assert rows(runner, db, "-t", "인상", "--since", "2024-04") == rows(runner, db, "-s", "이지원")


def test_search_filters_by_outlet_kind_and_role(runner: CliRunner, db: str) -> None:
    assert {h["outlet"] for h in rows(runner, db, "--outlet", "연합")} == {"연합뉴스"}
    assert [h["text"] for h in rows(runner, db, "--kind", "indirect")] == [
        "에너지 취약계층에 대한 지원은 계속 확대할 것"
    ]
    assert {h["speaker"] for h in rows(runner, db, "--role", "기획재정부")} == {"이지원"}
    assert len(rows(runner, db, "--kind", "direct", "--kind", "indirect")) == 8


def test_search_sorts_oldest_newest_or_by_relevance(runner: CliRunner, db: str) -> None:
    said = [h["said_on"] for h in rows(runner, db)]
    assert said == sorted(said)  # type: ignore[type-var]
    newest = [h["said_on"] for h in rows(runner, db, "--sort", "newest")]
    assert newest == sorted(newest, reverse=True)  # type: ignore[type-var]
    assert (
        rows(runner, db, "-t", "전기요금")[0]["text"]
        != rows(runner, db, "-t", "전기요금", "--sort", "said")[0]
    )
    err = run(runner, db, "search", "--sort", "relevance", code=2)
    assert "--sort relevance needs --text" in err


def test_search_prints_a_wrapped_table_jsonl_and_csv(runner: CliRunner, db: str) -> None:
    table = run(runner, db, "search", "-s", "김민수", "-t", "전기요금", "-f", "table")
    assert "ID" in table and "한겨레" in table and "검토하고" in table
    lines = run(runner, db, "search", "-s", "김민수", "-f", "jsonl").splitlines()
    assert len(lines) == 7 and all(json.loads(line)["speaker"] == "김민수" for line in lines)
    as_csv = list(csv.DictReader(io.StringIO(run(runner, db, "search", "-s", "김민수", "-f", "csv"))))
    assert [r["text"] for r in as_csv] == [json.loads(line)["text"] for line in lines]
    assert all(r["claim_id"] for r in as_csv)


def test_search_values_are_never_syntax(runner: CliRunner, db: str) -> None:
    for value in ("' OR 1=1 --", '"', "*", "NEAR(전기 요금)", "AND", "100%", "_"):
        for option in ("--speaker", "--outlet", "--role"):
            result = runner.invoke(app, ["--db", db, "search", option, value, "-f", "json"])
            assert result.exit_code in (1, 2), result.output  # no such name, or no letters in it
            assert result.stdout in ("", "[]\n")
    assert rows(runner, db, "-t", "'OR 1=1--") == []
    assert rows(runner, db, "-t", "' OR 1=1 --") == []  # any string is a query, taken literally
    assert rows(runner, db, "-t", "NEAR(전기") == []


def test_search_explains_bad_values(runner: CliRunner, db: str) -> None:
    assert "not a date" in run(runner, db, "search", "--since", "2024-13-01", code=2)
    assert "is after --until" in run(
        runner, db, "search", "--since", "2024-04-01", "--until", "2024-03-01", code=2
    )
    assert "the --text query is empty" in run(runner, db, "search", "--text", "  ", code=2)
    nothing = runner.invoke(app, ["--db", db, "search", "-s", "김민수", "-t", "원전"])
    assert nothing.exit_code == 1 and "No quotes found for speaker '김민수', text '원전'" in nothing.stderr


# show


def test_show_prints_the_quote_in_its_sentence_with_its_sources(runner: CliRunner, db: str) -> None:
    (hit,) = rows(runner, db, "-t", "누적 적자")
    out = run(runner, db, "show", str(hit["quote_id"]), "-f", "table")
    for expected in (
        "한전의 누적 적자를 고려하면 요금 조정이 불가피하다",
        "라고 말했다",  # the sentence around the quote, from the stored body
        "김민수",
        "산업통상자원부 대변인",
        "2024-03-20",
        "2024-03-20T09:40+09:00",
        "산업부, 2분기 전기요금 인상 검토 공식화",
        "한겨레",
        "https://www.hani.co.kr/arti/1133001.html",
    ):
        assert expected in out
    data = json.loads(run(runner, db, "show", str(hit["quote_id"]), "--format", "json"))
    assert data["context"][data["quote_start"] : data["quote_end"]] == hit["text"]
    piped = run(runner, db, "show", str(hit["quote_id"]))  # not a terminal: label<TAB>value lines
    assert "─" not in piped and "Speaker\t김민수\n" in piped and "Outlet\t한겨레\n" in piped
    assert piped.splitlines()[0].startswith("Context\t") and "불가피하다" in piped.splitlines()[0]
    assert "there is no quote with id 999999" in run(runner, db, "show", "999999", code=1)


# timeline


def test_timeline_groups_statements_by_day_with_their_reach(runner: CliRunner, db: str) -> None:
    out = run(runner, db, "timeline", "김민수", "-f", "table")
    assert out.index("2024-03-04") < out.index("2024-03-11") < out.index("2024-03-20")
    assert "2 articles · 2 outlets" in out  # the denial on 4 March, carried by 연합뉴스 and 뉴시스
    assert "Statements per month" in out and "2024-03" in out and "█" in out
    data = json.loads(run(runner, db, "timeline", "김민수", "--text", "전기요금", "-f", "json"))
    assert [d["day"] for d in data["days"]] == ["2024-03-04", "2024-03-11", "2024-03-20"]
    first = data["days"][0]["statements"][0]
    assert (first["articles"], first["outlets"]) == (2, ["뉴시스", "연합뉴스"])
    assert data["months"] == [{"month": "2024-03", "statements": 3}]
    piped = run(runner, db, "timeline", "김민수", "--text", "전기요금").splitlines()  # not a terminal
    assert len(piped) == sum(len(d["statements"]) for d in data["days"])  # `| wc -l` counts statements
    assert piped[0].split("\t") == ["2024-03-04", "deny", first["text"], "2", "뉴시스; 연합뉴스", "1 2", ""]
    assert any(line.endswith("\treversal") for line in piped)  # the reversals `changes` finds


# claims


def test_claims_group_the_reports_of_one_statement(runner: CliRunner, db: str) -> None:
    data = json.loads(run(runner, db, "claims", "김민수", "-f", "json"))
    top = data[0]
    assert (
        top["text"],
        top["first_said"],
        top["last_said"],
        top["reports"],
        top["outlets"],
        top["days"],
    ) == (
        DENIAL,
        "2024-03-04",
        "2024-03-11",
        3,
        3,
        2,
    )
    assert CONFIRMATION in [c["text"] for c in data]
    assert len(data) == 5
    table = run(runner, db, "claims", "김민수", "-f", "table")
    assert "First said" in table and DENIAL in table
    engine = make_engine(db)
    try:
        with transaction(engine) as s:
            members = s.scalar(
                select(func.count()).select_from(ClaimQuote).where(ClaimQuote.claim_id == top["claim"])
            )
            assert members == 3
            assert s.scalar(select(func.count()).select_from(Claim)) == 6  # 5 of 김민수, 1 of 이지원
            assert s.scalar(select(func.count()).select_from(Quote)) == s.scalar(
                select(func.count()).select_from(ClaimQuote)
            )
    finally:
        engine.dispose()


# changes


def test_changes_flags_the_denial_turned_confirmation_with_both_passages(runner: CliRunner, db: str) -> None:
    out = run(runner, db, "changes", "김민수", "-f", "table")
    assert "1 reversal" in out
    assert "2024-03-11 → 2024-03-20" in out and "affirmed what was denied" in out
    for label in ("Said", "Outlet", "Title", "Passage", "Stance", "Source"):
        assert f"│ {label}" in out
    assert "뉴스1" in out and "한겨레" in out and "https://www.hani.co.kr/arti/1133001.html" in out
    assert "deny  검토하지 않고" in out and "affirm  검토하고 있다" in out  # the words that decided
    (change,) = json.loads(run(runner, db, "changes", "김민수", "--text", "전기요금", "-f", "json"))
    before, after = change["before"], change["after"]
    assert change["direction"] == "affirmed" and {"전기", "요금", "인상"} <= set(change["shared"])
    assert (before["said_on"], before["outlet"], before["stance"]) == ("2024-03-11", "뉴스1", "deny")
    assert (after["said_on"], after["outlet"], after["stance"]) == ("2024-03-20", "한겨레", "affirm")
    assert before["text"] == "2분기 전기요금인상은 검토하지 않고 있다" and after["text"] == CONFIRMATION
    assert (
        before["decided_by"] == ["검토하지 않고"]
        and after["title"] == "산업부, 2분기 전기요금 인상 검토 공식화"
    )
    # every machine format carries the same: one JSON object per line, one CSV row per reversal
    (line,) = run(runner, db, "changes", "김민수", "-f", "jsonl").splitlines()
    assert json.loads(line) == change | {"before": before, "after": after}
    (row,) = csv.DictReader(io.StringIO(run(runner, db, "changes", "김민수", "-f", "csv")))
    assert (row["before_said_on"], row["before_outlet"], row["before_stance"]) == (
        "2024-03-11",
        "뉴스1",
        "deny",
    )
    assert (row["after_title"], row["after_decided_by"]) == (after["title"], "검토하고 있다")


def test_changes_flags_nothing_when_nothing_changed(runner: CliRunner, db: str) -> None:
    assert "No reversals found in 1 statement of 이지원" in run(
        runner, db, "changes", "이지원", "-f", "table"
    )
    assert json.loads(run(runner, db, "changes", "김민수", "--until", "2024-03-15", "-f", "json")) == []
    nobody = runner.invoke(app, ["--db", db, "changes", "홍길동"])
    assert nobody.exit_code == 1 and "홍길동" in nobody.stderr


# export


def test_export_writes_csv_jsonl_and_parquet_with_claims(runner: CliRunner, db: str, tmp_path: Path) -> None:
    as_csv = list(csv.DictReader(io.StringIO(run(runner, db, "export", "--speaker", "김민수"))))
    assert len(as_csv) == 7 and all(r["claim_id"] and r["url"] for r in as_csv)
    jsonl = tmp_path / "kim.jsonl"
    result = runner.invoke(app, ["--db", db, "export", "-f", "jsonl", "-o", str(jsonl), "-t", "전기요금"])
    assert result.exit_code == 0 and "Exported 4 quotes" in result.stderr
    lines = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert [r["said_on"] for r in lines] == ["2024-03-04", "2024-03-04", "2024-03-11", "2024-03-20"]
    parquet = tmp_path / "all.parquet"
    assert runner.invoke(app, ["--db", db, "export", "-f", "parquet", "-o", str(parquet)]).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 8
    assert table.column_names == list(RECORD_KEYS)
    assert "parquet is a binary format" in run(runner, db, "export", "-f", "parquet", code=2)


# stats


def test_stats_counts_by_speaker_outlet_and_month(runner: CliRunner, db: str) -> None:
    data = json.loads(run(runner, db, "stats", "-f", "json"))
    assert (data["quotes"], data["articles"], data["speakers"], data["outlets"]) == (8, 5, 2, 4)
    assert [(s["name"], s["quotes"]) for s in data["by_speaker"]] == [("김민수", 7), ("이지원", 1)]
    assert data["by_outlet"][0] == {
        "name": "연합뉴스",
        "quotes": 4,
        "articles": 2,
        "first": "2024-03-04",
        "last": "2024-04-02",
    }
    assert data["by_month"] == [{"month": "2024-03", "quotes": 7}, {"month": "2024-04", "quotes": 1}]
    out = run(runner, db, "stats", "--speaker", "김민수", "-f", "table")
    assert "7 quotes" in out and "By outlet" in out and "By month" in out
    piped = run(runner, db, "stats", "--speaker", "김민수")  # not a terminal: a line per row, no box
    assert "┃" not in piped and "│" not in piped
    lines = [line.split("\t") for line in piped.splitlines()]
    assert lines[0][:4] == ["all", "", "7", "4"]
    assert lines[1][:3] == ["speaker", "김민수", "7"]
    assert ["month", "2024-03", "7", "", "", ""] in lines  # `| grep ^month` keeps the months


# quotes with no date at all


@pytest.fixture
def undated(runner: CliRunner, db: str, tmp_path: Path) -> str:
    """The story plus a ministry notice that gives no date: 김민수's words in it were neither dated
    by the text nor by a publication day, so they have no place on the time axis."""
    notice = tmp_path / "notice" / "notice.txt"
    notice.parent.mkdir()
    notice.write_text(
        article_text(
            "산업부 해명자료",
            "날짜 미상",
            "산업통상자원부",
            (*KIM, "direct", "요금 조정 여부는 정해진 바 없다"),
            url="https://www.motie.go.kr/notice/1",
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["--db", db, "ingest", str(notice)])
    assert result.exit_code == 0, result.output
    assert rows(runner, db, "--text", "정해진 바 없다")[0]["effective_date"] is None
    return db


LEFT_OUT = "1 quote with no date (neither said nor published) left out"


def test_the_timeline_says_how_many_quotes_it_had_no_day_for(runner: CliRunner, undated: str) -> None:
    for fmt in ("json", "table"):
        result = runner.invoke(app, ["--db", undated, "timeline", "김민수", "-f", fmt])
        assert result.exit_code == 0, result.output
        assert f"{LEFT_OUT} of the timeline." in result.stderr and "정해진" not in result.stdout
    data = json.loads(runner.invoke(app, ["--db", undated, "timeline", "김민수", "-f", "json"]).stdout)
    assert [d["day"] for d in data["days"]] == ["2024-03-04", "2024-03-11", "2024-03-20"]
    # a date filter that leaves nothing: the undated quote is still accounted for, then exit 1
    nothing = runner.invoke(app, ["--db", undated, "timeline", "김민수", "--since", "2025"])
    assert nothing.exit_code == 1
    assert f"{LEFT_OUT} of the timeline." in nothing.stderr and "No quotes found" in nothing.stderr
    quiet = runner.invoke(app, ["--db", undated, "timeline", "이지원"])  # another speaker's words
    assert quiet.exit_code == 0 and "left out" not in quiet.stderr


def test_changes_say_how_many_quotes_they_could_not_compare(runner: CliRunner, undated: str) -> None:
    result = runner.invoke(app, ["--db", undated, "changes", "김민수", "-f", "json"])
    assert result.exit_code == 0, result.output
    (change,) = json.loads(result.stdout)  # the machine output is the rows alone, as in search
    assert (change["before"]["said_on"], change["after"]["said_on"]) == ("2024-03-11", "2024-03-20")
    assert f"{LEFT_OUT} of the comparison." in result.stderr
    table = runner.invoke(app, ["--db", undated, "changes", "김민수", "-f", "table"])
    assert "1 reversal" in table.stdout and f"{LEFT_OUT} of the comparison." in table.stderr


def test_stats_count_undated_quotes_as_unknown_and_say_when_dates_leave_them_out(
    runner: CliRunner, undated: str
) -> None:
    everything = runner.invoke(app, ["--db", undated, "stats", "--speaker", "김민수", "-f", "json"])
    assert everything.exit_code == 0, everything.output
    assert json.loads(everything.stdout)["by_month"][-1] == {"month": "unknown", "quotes": 1}
    assert "left out" not in everything.stderr  # counted, under an unknown month
    for fmt in ("json", "table"):
        bounded = runner.invoke(
            app, ["--db", undated, "stats", "--speaker", "김민수", "--since", "2024-03", "-f", fmt]
        )
        assert bounded.exit_code == 0, bounded.output
        assert f"{LEFT_OUT} by --since/--until." in bounded.stderr
        assert "7 quotes" in bounded.stdout or json.loads(bounded.stdout)["quotes"] == 7
