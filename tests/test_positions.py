"""Positions and headlines end to end (issue 15), on SQLite and PostgreSQL.

An analyst ingests articles (the deterministic test extractor, tests/helpers.py),
asks which headlines do not say what the body quote says, draws a speaker's
timeline for a report, and opens a database stored before readings were kept.
The database is checked after each command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from sqlalchemy import delete, func, select
from typer.testing import CliRunner

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import ClaimQuote, HeadlineLink, Quote, QuoteReading

PARK = ("박서준", "국토교통부 대변인")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def headlines(tmp_path: Path) -> Path:
    """Three articles whose headlines condense a body quote: one faithfully, one dropping the
    negation, one dropping the hedge and the number."""
    folder = tmp_path / "news"
    folder.mkdir()
    files = {
        "a.txt": article_text(
            "국토부 제목",
            "2024-05-02 10:00",
            "연합뉴스",
            (*PARK, "headline", "수도권 신도시 추가 지정 계획 없어"),
            (*PARK, "direct", "수도권 신도시를 추가로 지정할 계획은 현재 없다"),
            url="https://example.kr/a",
        ),
        "b.txt": article_text(
            "국토부 제목",
            "2024-05-03 10:00",
            "뉴스일보",
            (*PARK, "headline", "수도권 신도시 추가 지정"),
            (*PARK, "direct", "수도권 신도시를 추가로 지정할 계획은 현재 없다"),
            url="https://example.kr/b",
        ),
        "c.txt": article_text(
            "국토부 제목",
            "2024-06-10 10:00",
            "뉴스일보",
            (*PARK, "headline", "GTX 노선 연장 확정"),
            (*PARK, "direct", "GTX 노선 2개를 연장하는 방안을 검토하고 있다"),
            url="https://example.kr/c",
        ),
    }
    for name, content in files.items():
        (folder / name).write_text(content, "utf-8")
    return folder


@pytest.fixture
def db(runner: CliRunner, cli_db: str, headlines: Path) -> str:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(headlines)])
    assert result.exit_code == 0, result.output
    return cli_db


def run(runner: CliRunner, db: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_fidelity_lists_the_headlines_that_change_what_was_said(runner: CliRunner, db: str) -> None:
    hits = json.loads(run(runner, db, "fidelity", "-f", "json"))
    assert [(h["part"], h["headline"]["outlet"]) for h in hits] == [
        ("GTX 노선 연장 확정", "뉴스일보"),
        ("수도권 신도시 추가 지정", "뉴스일보"),
    ]
    gtx, new_towns = hits
    assert {(f["kind"], f["change"]) for f in gtx["changes"]} == {("hedge", "dropped"), ("number", "dropped")}
    assert [(f["kind"], f["change"], f["headline"], f["body"]) for f in new_towns["changes"]] == [
        ("negation", "dropped", "affirm", "deny")
    ]
    assert new_towns["body"]["text"] == "수도권 신도시를 추가로 지정할 계획은 현재 없다"
    assert "박서준" in new_towns["body"]["context"]
    # the faithful headline is linked too, and listed with --all
    assert len(json.loads(run(runner, db, "fidelity", "--all", "-f", "json"))) == 3
    table = run(runner, db, "fidelity", "--outlet", "뉴스일보")
    assert "negation dropped" in table and "hedge dropped" in table and "Body #" in table
    assert json.loads(run(runner, db, "fidelity", "--outlet", "연합", "-f", "json")) == []
    with transaction(make_engine(db)) as s:
        assert s.scalar(select(func.count()).select_from(HeadlineLink)) == 3


def test_a_faithful_headline_joins_the_claim_of_its_body_quote(runner: CliRunner, db: str) -> None:
    claims = json.loads(run(runner, db, "claims", "박서준", "-f", "json"))
    faithful = next(c for c in claims if c["text"] == "수도권 신도시를 추가로 지정할 계획은 현재 없다")
    linked = {h["text"]: h["changes"] for h in faithful["headlines"]}
    assert linked["수도권 신도시 추가 지정 계획 없어"] == []
    assert [f["kind"] for f in linked["수도권 신도시 추가 지정"]] == ["negation"]
    engine = make_engine(db)
    with transaction(engine) as s:  # the headline and the body quote of article a: one claim
        a = s.execute(select(Quote.id).where(Quote.text.like("수도권%")).order_by(Quote.id)).scalars().all()
        claims_of = dict(s.execute(select(ClaimQuote.quote_id, ClaimQuote.claim_id)).all())
        assert claims_of[a[0]] == claims_of[a[1]]
    engine.dispose()


def test_the_timeline_is_drawn_for_a_report(runner: CliRunner, db: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "park.svg"
    out = run(runner, db, "timeline", "박서준", "--output", str(chart), "-f", "table")
    assert "Stance over time" in out
    svg = chart.read_text("utf-8")
    assert svg.startswith("<?xml") and "박서준" in svg and "statements" in svg
    png = tmp_path / "park.png"
    run(runner, db, "timeline", "박서준", "--output", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = runner.invoke(app, ["--db", db, "timeline", "박서준", "--output", str(tmp_path / "park.pdf")])
    assert bad.exit_code == 2 and "name the file .svg or .png" in bad.stderr


def test_a_database_stored_before_readings_is_read_on_demand(runner: CliRunner, db: str) -> None:
    """As after migration 0005: quotes without readings or links; `changes` reads them (once)."""
    engine = make_engine(db)
    with transaction(engine) as s:
        s.execute(delete(HeadlineLink))
        s.execute(delete(QuoteReading))
    assert "statements of 박서준" in run(runner, db, "changes", "박서준", "-f", "table")
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(QuoteReading)) == 6
        stances = dict(s.execute(select(Quote.text, QuoteReading.stance).join(QuoteReading)).all())
        assert stances["수도권 신도시를 추가로 지정할 계획은 현재 없다"] == "deny"
        assert s.scalar(select(func.count()).select_from(HeadlineLink)) == 3
        placed = s.scalar(select(func.count()).select_from(ClaimQuote))
        assert placed == 6  # every quote is in a claim again
    engine.dispose()


def test_a_chart_without_the_charts_extra_says_how_to_get_it(
    runner: CliRunner, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed: import fails
    result = runner.invoke(app, ["--db", db, "timeline", "박서준", "--output", str(tmp_path / "park.svg")])
    assert result.exit_code == 1
    assert "drawing a chart needs matplotlib" in result.stderr
    assert "pip install 'quotetrack[charts]'" in result.stderr
    assert not (tmp_path / "park.svg").exists()
