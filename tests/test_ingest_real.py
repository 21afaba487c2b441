"""Saved news pages through the real extractor into the database: metadata from the page head, quotes
from trafilatura's main text, attributed by Kiwi."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Quote

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.mark.slow
def test_a_saved_yonhap_page_yields_its_attributed_quotes(runner: CliRunner, cli_db: str) -> None:
    page = DATA / "html" / "yna-2023-09-13-summit.html"
    result = runner.invoke(app, ["--db", cli_db, "ingest", "-j", "1", str(page)])
    assert result.exit_code == 0, result.output
    engine = make_engine(cli_db)
    try:
        with transaction(engine) as s:
            article = s.scalars(select(Article)).one()
            assert article.outlet is not None and article.outlet.name == "연합뉴스"
            assert article.published == datetime(2023, 9, 13, 9, 58, tzinfo=UTC)
            quotes = {q.text: q for q in s.scalars(select(Quote).where(Quote.article_id == article.id))}
    finally:
        engine.dispose()
    assert quotes["양국 정상은 군사 분야를 포함한 협력을 폭넓게 논의했다"].speaker_text == "드미트리 페스코프"
    assert quotes["우리는 언제나 러시아와 함께할 것"].speaker_text == "김정은"
    assert quotes["러시아와 함께할 것"].kind == "headline"
    assert "관련 뉴스" not in article.body and "Copyright" not in article.body
