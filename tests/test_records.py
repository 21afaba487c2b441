"""One record schema for a quote, wherever it leaves quotetrack: an analyst reads `extract`, `search`, `show`
and `export` output in every format with one script, and groups by `speaker_id`, never by a name two
people share.

The fake extractor (tests/helpers.py) stores two different people called 김민석 (a defence ministry
spokesman in 2014, the prime minister in 2025): by name they are one group, by `speaker_id` two.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import KST, article_text, fake_extract, make_article, make_quote
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.records import ARTICLE_KEYS, RECORD_KEYS, article_record

KIM_2014 = ("김민석", "국방부 대변인", "direct", "전단 살포를 막을 근거는 없다")
KIM_2025 = ("김민석", "국무총리", "direct", "민생 회복이 최우선이다")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "kim-2014.txt").write_text(
        article_text("국방부 브리핑", "2014-10-13", "YTN", KIM_2014, url="https://ytn.example/2014"), "utf-8"
    )
    (folder / "kim-2025.txt").write_text(
        article_text("총리 취임", "2025-07-03 10:30", "연합뉴스", KIM_2025, url="https://yna.example/2025"),
        "utf-8",
    )
    return folder


@pytest.fixture
def stored(runner: CliRunner, cli_db: str, folder: Path) -> str:
    result = runner.invoke(app, ["--db", cli_db, "ingest", "--quiet", "--jobs", "1", str(folder)])
    assert result.exit_code == 0, result.output
    return cli_db


def out(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def groups(records: list[dict[str, str]], key: str) -> dict[str, list[str]]:
    by: dict[str, list[str]] = defaultdict(list)
    for r in records:
        by[str(r[key])].append(r["speaker_role"])
    return dict(by)


def test_every_output_carries_the_same_keys_and_groups_two_namesakes_apart(
    runner: CliRunner, stored: str, folder: Path, tmp_path: Path
) -> None:
    db = ["--db", stored]
    outputs: dict[str, list[dict[str, str]]] = {
        "search json": json.loads(out(runner, *db, "search", "-f", "json", "-n", "0")),
        "search csv": list(csv.DictReader(io.StringIO(out(runner, *db, "search", "-f", "csv", "-n", "0")))),
        "export jsonl": [json.loads(line) for line in out(runner, *db, "export", "-f", "jsonl").splitlines()],
        "export csv": list(csv.DictReader(io.StringIO(out(runner, *db, "export", "-f", "csv")))),
    }
    for name, records in outputs.items():
        assert len(records) == 2, name
        assert all(tuple(r) == RECORD_KEYS for r in records), name
        # by name the two people are one group; by id they are two, each with their own role
        assert len(groups(records, "speaker")) == 1, name
        assert sorted(groups(records, "speaker_id").values()) == [["국무총리"], ["국방부 대변인"]], name
        assert len({r["article_id"] for r in records}) == 2 and all(r["claim_id"] for r in records), name

    first = outputs["export jsonl"][0]
    shown = json.loads(out(runner, *db, "show", str(first["quote_id"]), "--format", "json"))
    assert {k: shown[k] for k in RECORD_KEYS} == first

    extracted = [json.loads(line) for line in out(runner, "extract", "-f", "jsonl", str(folder)).splitlines()]
    for article in extracted:
        assert tuple(article) == ARTICLE_KEYS
        for quote in article["quotes"]:
            assert tuple(quote) == RECORD_KEYS
            assert quote["quote_id"] is None  # nothing stored, so no ids
    by_text = {q["text"]: q for a in extracted for q in a["quotes"]}
    for stored_record in outputs["export jsonl"]:
        same = by_text[stored_record["text"]]
        ids = {"quote_id", "claim_id", "speaker_id", "article_id"}
        assert {k: v for k, v in same.items() if k not in ids} == {
            k: v for k, v in stored_record.items() if k not in ids
        }


def test_dates_have_one_iso_form_per_key_and_parquet_types_them(
    runner: CliRunner, stored: str, tmp_path: Path
) -> None:
    records = [json.loads(line) for line in out(runner, "--db", stored, "export", "-f", "jsonl").splitlines()]
    by_year = {r["published_date"][:4]: r for r in records}
    assert by_year["2014"]["published_date"] == "2014-10-13" and by_year["2014"]["published_at"] is None
    assert by_year["2025"]["published_at"] == "2025-07-03T10:30+09:00"
    assert by_year["2025"]["effective_date"] == by_year["2025"]["said_on"] == "2025-07-03"
    assert by_year["2025"]["date_basis"] == "said"

    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "quotes.parquet"
    out(runner, "--db", stored, "export", "-f", "parquet", "-o", str(path))
    table = pq.read_table(path)
    assert table.column_names == list(RECORD_KEYS)
    rows = sorted(table.to_pylist(), key=lambda r: r["published_date"])
    assert rows[0]["published_date"] == date(2014, 10, 13) and rows[0]["said_on"] == date(2014, 10, 13)
    assert rows[1]["published_at"] == datetime(2025, 7, 3, 10, 30, tzinfo=KST)
    assert len({r["speaker_id"] for r in rows}) == 2


def test_a_quote_without_a_day_said_takes_the_day_published_and_says_so() -> None:
    body = '국방부는 "검토 중"이라고 밝혔다.'
    article = make_article(
        body,
        (make_quote(body, "검토 중", "국방부", role=None, said_on=None),),
        published=datetime(2024, 12, 20, tzinfo=KST),
        published_has_time=False,
    )
    (quote,) = article_record(article)["quotes"]
    assert (quote["said_on"], quote["effective_date"], quote["date_basis"]) == (
        None,
        "2024-12-20",
        "published",
    )
    assert quote["published_date"] == "2024-12-20" and quote["published_at"] is None


def test_pandas_groups_the_namesakes_apart_in_every_export_format(
    runner: CliRunner, stored: str, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    frames = {
        "csv": lambda p: pd.read_csv(p),
        "jsonl": lambda p: pd.read_json(p, lines=True),
    }
    if _has("pyarrow"):
        frames["parquet"] = lambda p: pd.read_parquet(p)
    for fmt, read in frames.items():
        path = tmp_path / f"quotes.{fmt}"
        out(runner, "--db", stored, "export", "-f", fmt, "-o", str(path))
        df = read(path)
        assert list(df.columns) == list(RECORD_KEYS), fmt
        assert df.groupby("speaker").ngroups == 1 and df.groupby("speaker_id").ngroups == 2, fmt


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
