"""One command grammar (issue 14), told as an analyst meets it.

An analyst who learnt `search` reaches for the same options in `timeline`,
`claims`, `export`: `-o` is where a file goes, `-s` the speaker, `-f` the format
with the same names; a pipe gets one row per line; an empty answer exits 1 and
a wrong command line exits 2, in every command.  (docs/commands.md's grammar
table is checked against every --help in tests/test_docs.py.)
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app

PUTIN = ("블라디미르 푸틴", "러시아 대통령")
PESKOV = ("드미트리 페스코프", "크렘린궁 대변인")
READ_COMMANDS = ("search", "timeline", "claims", "changes", "stats", "export")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def db(runner: CliRunner, cli_db: str, tmp_path: Path) -> str:
    """Putin on two days and, in a long briefing, Peskov answering 120 questions."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "0913.txt").write_text(
        article_text(
            "북·러 정상회담",
            "2023-09-13",
            "연합뉴스",
            (*PUTIN, "direct", "우주 개발을 도울 것"),
            (*PUTIN, "indirect", "김정은 위원장의\t방러를 환영한다"),
        ),
        "utf-8",
    )
    (folder / "0915.txt").write_text(
        article_text(
            '푸틴 "합의 위반 안 해"',
            "2023-09-15",
            "뉴스핌",
            (*PUTIN, "direct", "어떤 합의도 위반하지 않을 것"),
        ),
        "utf-8",
    )
    answers = [(*PESKOV, "direct", f"{n}번 질문에는 답하지 않겠다") for n in range(120)]
    (folder / "0920.txt").write_text(article_text("크렘린 브리핑", "2023-09-20", "타스", *answers), "utf-8")
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return cli_db


def invoke(runner: CliRunner, db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_dash_o_writes_the_file_the_analyst_named(runner: CliRunner, db: str, tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    code, out, err = invoke(runner, db, "export", "-o", str(target), "-s", "푸틴")
    assert code == 0 and out == "" and "Exported 3 quotes" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert len(rows) == 3 and rows[0]["text"] == "우주 개발을 도울 것"
    as_jsonl = tmp_path / "quotes.jsonl"  # the suffix picks the format
    assert invoke(runner, db, "export", "-o", str(as_jsonl), "-s", "푸틴")[0] == 0
    assert [json.loads(line)["speaker"] for line in as_jsonl.read_text("utf-8").splitlines()] == [
        PUTIN[0]
    ] * 3


def test_outlet_is_spelled_out_and_dash_o_is_never_an_outlet(runner: CliRunner, db: str) -> None:
    code, _, err = invoke(runner, db, "search", "-o", "연합뉴스")
    assert code == 2 and "No such option" in err
    code, out, _ = invoke(runner, db, "search", "--outlet", "연합", "-f", "json")
    assert code == 0 and {r["outlet"] for r in json.loads(out)} == {"연합뉴스"}


@pytest.mark.parametrize("command", ["timeline", "claims", "changes"])
def test_the_speaker_is_positional_or_an_option_alike(runner: CliRunner, db: str, command: str) -> None:
    positional = invoke(runner, db, command, "푸틴", "-f", "json")
    assert positional[0] == 0
    assert invoke(runner, db, command, "--speaker", "푸틴", "-f", "json") == positional
    assert invoke(runner, db, command, "-s", "푸틴", "-f", "json") == positional
    code, _, err = invoke(runner, db, command, "푸틴", "-s", "페스코프")
    assert code == 2 and "two speakers" in err
    code, _, err = invoke(runner, db, command)
    assert code == 2 and "name a speaker" in err


@pytest.mark.parametrize("command", ["search", "claims", "speakers"])
def test_a_pipe_gets_one_row_per_line(runner: CliRunner, db: str, command: str) -> None:
    args = [command] if command == "speakers" else [command, "-s", "푸틴"]
    code, out, _ = invoke(runner, db, *args)  # CliRunner's stdout is not a terminal
    assert code == 0 and "┃" not in out and "│" not in out
    lines = out.splitlines()
    as_json = json.loads(invoke(runner, db, *args, "-f", "json")[1])
    assert len(lines) == len(as_json)  # `| wc -l` counts rows
    assert all(
        line.count("\t") == lines[0].count("\t") for line in lines
    )  # a tab inside a quote stays a space
    if command == "search":
        assert "김정은 위원장의 방러를 환영한다" in out


@pytest.mark.parametrize(
    ("command", "rows"),
    [
        (["timeline", "푸틴"], 3),  # a line per statement
        (["stats", "-s", "푸틴"], 1 + 1 + 2 + 1),  # all, the speaker, two outlets, one month
        (["show", "1"], None),  # Context, then a line per fact
    ],
)
def test_reports_in_a_pipe_are_lines_as_search_is(
    runner: CliRunner, db: str, command: list[str], rows: int | None
) -> None:
    """show, timeline and stats decide as search does: a table on a terminal, TSV in a pipe (grep
    sees whole rows, nothing is wrapped or boxed), and --format table draws it anywhere."""
    code, out, _ = invoke(runner, db, *command)  # CliRunner's stdout is not a terminal
    assert code == 0 and not set("┃│─━┏╭") & set(out)
    lines = out.splitlines()
    assert rows is None or len(lines) == rows
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)
    assert invoke(runner, db, *command, "-f", "tsv")[1] == out
    code, table, _ = invoke(runner, db, *command, "-f", "table")
    assert code == 0 and table != out and "\t" not in table


def test_machine_formats_return_every_row_and_a_table_a_page(runner: CliRunner, db: str) -> None:
    for fmt in ("json", "jsonl", "csv", "tsv"):
        code, out, err = invoke(runner, db, "search", "-s", "페스코프", "-f", fmt)
        rows = json.loads(out) if fmt == "json" else out.splitlines()
        assert code == 0 and len(rows) == 120 + (fmt == "csv"), fmt
        assert "Showing the first" not in err
    code, out, err = invoke(runner, db, "search", "-s", "페스코프", "-f", "jsonl", "--limit", "7")
    assert len(out.splitlines()) == 7 and "Showing the first 7 quotes" in err
    code, out, err = invoke(runner, db, "search", "-s", "페스코프", "-f", "table")
    assert out.count("답하지 않겠다") == 100 and "Showing the first 100 quotes" in err


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_every_read_command_exits_1_when_nothing_matches(runner: CliRunner, db: str, command: str) -> None:
    args = [command, "-s", "푸틴", "--since", "2030"]
    code, _, err = invoke(runner, db, *args)
    assert code == 1 and "No " in err and "found" in err
    assert invoke(runner, db, command, "-s", "푸틴")[0] == 0


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_every_read_command_exits_2_on_a_wrong_command_line(runner: CliRunner, db: str, command: str) -> None:
    assert invoke(runner, db, command, "-s", "푸틴", "--format", "xml")[0] == 2
    assert invoke(runner, db, command, "-s", "푸틴", "--since", "yesterday")[0] == 2
    assert invoke(runner, db, command, "-s", "푸틴", "--kind", "rumour")[0] == 2


def test_a_misspelt_speaker_kind_is_a_usage_error(runner: CliRunner, db: str) -> None:
    code, _, err = invoke(runner, db, "speakers", "--kind", "persons")
    assert code == 2 and "persons" in err


# unknown names


@pytest.mark.parametrize("command", [*READ_COMMANDS, "fidelity"])
def test_a_misspelt_speaker_is_an_error_that_suggests_the_stored_name(
    runner: CliRunner, db: str, command: str
) -> None:
    args = [command, "푸튼"] if command in ("timeline", "claims", "changes") else [command, "-s", "푸튼"]
    code, out, err = invoke(runner, db, *args)
    assert code == 1 and out == ""
    assert "no speaker matches '푸튼'" in err and "블라디미르 푸틴 (ID" in err
    assert "Traceback" not in err


def test_a_name_like_no_stored_one_says_where_to_look(runner: CliRunner, db: str) -> None:
    code, _, err = invoke(runner, db, "search", "-s", "루카셴코")
    assert code == 1 and "no speaker matches '루카셴코'" in err and "quotetrack speakers" in err
    assert "closest" not in err


def test_a_misspelt_outlet_or_role_suggests_the_stored_ones(runner: CliRunner, db: str) -> None:
    code, _, err = invoke(runner, db, "search", "--outlet", "연햡뉴스")
    assert code == 1 and "no outlet matches '연햡뉴스'" in err and "연합뉴스" in err
    code, _, err = invoke(runner, db, "export", "--role", "대변안")
    assert code == 1 and "no role matches '대변안'" in err and "크렘린궁 대변인" in err
    code, out, _ = invoke(runner, db, "search", "--role", "대변인", "-f", "json")  # a part of a role
    assert code == 0 and {r["speaker"] for r in json.loads(out)} == {PESKOV[0]}


# --db and completion


def test_db_takes_a_plain_path_as_sqlite_utils_and_datasette_do(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "putin.txt"
    article.write_text(
        article_text("제목", "2023-09-13", "연합뉴스", (*PUTIN, "direct", "우주 개발을 도울 것"))
    )
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["--db", "news.db", "ingest", str(article)]).exit_code == 0
    assert (tmp_path / "news.db").is_file()
    code, out, _ = invoke(runner, str(tmp_path / "news.db"), "search", "-s", "푸틴", "-f", "json")
    assert code == 0 and json.loads(out)[0]["text"] == "우주 개발을 도울 것"


def test_shell_completion_is_offered(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


# stats and timeline over long spans


def periods(out: str) -> list[str]:
    """The years or months of a printed chart's rows (2019, or 2019-06), in order."""
    return re.findall(r"^\W*(\d{4}(?:-\d\d)?)\s", out, re.MULTILINE)


def test_a_long_span_is_counted_per_year_unless_asked_per_month(
    runner: CliRunner, cli_db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "years"
    folder.mkdir()
    for year in (2019, 2024):
        (folder / f"{year}.txt").write_text(
            article_text("제목", f"{year}-06-01", "연합뉴스", (*PUTIN, "direct", f"{year}년의 발언")), "utf-8"
        )
    assert runner.invoke(app, ["--db", cli_db, "ingest", str(folder)]).exit_code == 0
    for command in (["stats", "-f", "table"], ["timeline", "푸틴", "-f", "table"]):
        code, out, _ = invoke(runner, cli_db, *command)
        assert code == 0 and re.search("(By|per) year", out), command
        assert periods(out) == ["2019", "2020", "2021", "2022", "2023", "2024"], command
        code, out, _ = invoke(runner, cli_db, *command, "--by", "month")
        assert code == 0 and len(periods(out)) == 61 and "2021-07" in periods(out), command
    data = json.loads(invoke(runner, cli_db, "stats", "-f", "json")[1])
    assert [y["year"] for y in data["by_year"]][::5] == ["2019", "2024"] and len(data["by_month"]) == 61


# errors are one clear line


def one_error_line(err: str) -> str:
    """The error's first line, after checking it is an error and no traceback."""
    assert err.startswith("Error: ") and "Traceback" not in err, err
    return err.splitlines()[0]


def test_a_huge_limit_means_every_row(runner: CliRunner, db: str) -> None:
    for command in (["search", "-s", "푸틴"], ["speakers"], ["claims", "푸틴"]):
        code, out, err = invoke(runner, db, *command, "-f", "json", "--limit", "99999999999999999999")
        assert code == 0 and json.loads(out) and err == "", command


def test_a_damaged_database_file_is_named_without_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    damaged = tmp_path / "news.db"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    for command in (
        ["search", "-t", "위반"],
        ["stats"],
        ["speakers"],
        ["db", "current"],
        ["timeline", "푸틴"],
    ):
        code, _, err = invoke(runner, str(damaged), *command)
        line = one_error_line(err)
        assert code == 1 and str(damaged) in line and "SQLite file" in line, command
        assert "server" not in err, command  # a file has no server to check


def test_an_over_long_filter_value_is_refused_in_one_line(runner: CliRunner, db: str) -> None:
    for option in ("--text", "--role", "--outlet", "--speaker"):
        code, _, err = invoke(runner, db, "search", option, "가" * 20_000)
        assert code == 2 and "20,000 characters" in one_error_line(err), option
        assert len(err) < 300, option  # the value is not echoed back
