"""The whole story through the real extractor: a spokesman denies, denies again, then confirms.

tests/data/story holds four short articles written like the seed article (page
header, dateline, byline): 연합뉴스 and 뉴시스 carry the denial of 4 March, 뉴스1
the repeated denial of 11 March, 한겨레 the confirmation of 20 March.  They go
through `quotetrack ingest` with the Korean NLP pipeline, and the analyst's
commands must tell the story from what was extracted.
"""

from __future__ import annotations

import json

import pytest
from conftest import REPO
from typer.testing import CliRunner

from quotetrack.cli import app

STORY = REPO / "tests" / "data" / "story"


@pytest.fixture
def ingested(runner: CliRunner, cli_db: str) -> str:
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(STORY)])
    assert result.exit_code == 0, result.output
    return cli_db


@pytest.mark.slow
def test_the_reversal_is_found_in_real_articles(runner: CliRunner, ingested: str) -> None:
    result = runner.invoke(app, ["--db", ingested, "changes", "김민수", "-f", "json"])
    assert result.exit_code == 0, result.output
    (change,) = json.loads(result.stdout)
    before, after = change["before"], change["after"]
    assert (before["said_on"], before["outlet"], before["stance"]) == ("2024-03-11", "뉴스1", "negative")
    assert (after["said_on"], after["outlet"], after["stance"]) == ("2024-03-20", "한겨레", "affirmative")
    assert before["text"] == "2분기 전기요금 인상은 검토하지 않고 있다"
    assert after["text"] == "2분기 전기요금 인상을 검토하고 있다"
    assert "김민수 산업통상자원부 대변인은" in after["context"]

    claims = json.loads(runner.invoke(app, ["--db", ingested, "claims", "김민수", "-f", "json"]).stdout)
    assert (claims[0]["reports"], claims[0]["outlets"], claims[0]["days"]) == (3, 3, 2)
    assert claims[0]["first_said"] == "2024-03-04" and claims[0]["last_said"] == "2024-03-11"

    timeline = runner.invoke(app, ["--db", ingested, "timeline", "김민수", "--text", "전기요금"])
    assert timeline.exit_code == 0 and "2 articles · 2 outlets" in timeline.stdout

    hits = json.loads(runner.invoke(app, ["--db", ingested, "search", "-t", "사실무근", "-f", "json"]).stdout)
    assert {h["text"] for h in hits} >= {"일부 언론이 보도한 인상설은 사실무근"}
