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
REVERSAL = REPO / "tests" / "data" / "reversal"


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
    assert (before["said_on"], before["outlet"], before["stance"]) == ("2024-03-11", "뉴스1", "deny")
    assert (after["said_on"], after["outlet"], after["stance"]) == ("2024-03-20", "한겨레", "affirm")
    assert before["text"] == "2분기 전기요금 인상은 검토하지 않고 있다"
    assert after["text"] == "2분기 전기요금 인상을 검토하고 있다"
    assert "김민수 산업통상자원부 대변인은" in after["context"]

    claims = json.loads(runner.invoke(app, ["--db", ingested, "claims", "김민수", "-f", "json"]).stdout)
    assert (claims[0]["reports"], claims[0]["outlets"], claims[0]["days"]) == (3, 3, 2)
    assert claims[0]["first_said"] == "2024-03-04" and claims[0]["last_said"] == "2024-03-11"

    timeline = runner.invoke(
        app, ["--db", ingested, "timeline", "김민수", "--text", "전기요금", "-f", "table"]
    )
    assert timeline.exit_code == 0 and "2 articles · 2 outlets" in timeline.stdout

    hits = json.loads(runner.invoke(app, ["--db", ingested, "search", "-t", "사실무근", "-f", "json"]).stdout)
    assert {h["text"] for h in hits} >= {"일부 언론이 보도한 인상설은 사실무근"}


@pytest.fixture
def paraphrased(runner: CliRunner, cli_db: str) -> str:
    """tests/data/reversal: a ministry spokeswoman denies new dams in May and confirms three in July,
    in other words; a defence spokesman denies troop cuts in April and again, reworded, in June."""
    result = runner.invoke(app, ["--db", cli_db, "ingest", str(REVERSAL), str(REPO / "examples")])
    assert result.exit_code == 0, result.output
    return cli_db


@pytest.mark.slow
def test_a_paraphrased_reversal_is_reported_with_both_dates(runner: CliRunner, paraphrased: str) -> None:
    out = runner.invoke(app, ["--db", paraphrased, "changes", "최유진", "-f", "table"])
    assert out.exit_code == 0, out.output
    assert "1 reversal in 4 statements of 최유진" in out.stdout
    assert "2024-05-02 → 2024-07-05  affirmed what was denied" in out.stdout
    (change,) = json.loads(
        runner.invoke(app, ["--db", paraphrased, "changes", "최유진", "-f", "json"]).stdout
    )
    before, after = change["before"], change["after"]
    assert (before["said_on"], before["outlet"], before["text"]) == (
        "2024-05-02",
        "연합뉴스",
        "신규 댐 건설 계획은 현재 없다",
    )
    assert (after["said_on"], after["outlet"], after["title"]) == (
        "2024-07-05",
        "한겨레",
        "환경부, 기후대응댐 3곳 새로 짓는다",
    )
    assert (before["stance"], after["stance"]) == ("deny", "affirm")
    assert before["decided_by"] == ["없다"] and after["decided_by"] == ["확정했다"]
    assert {"댐", "건설"} <= set(change["shared"])


@pytest.mark.slow
def test_a_denial_restated_in_other_words_is_no_reversal(runner: CliRunner, paraphrased: str) -> None:
    out = runner.invoke(app, ["--db", paraphrased, "changes", "정태호", "-f", "table"])
    assert out.exit_code == 0, out.output
    assert "No reversals found in 2 statements of 정태호." in out.stdout
    timeline = runner.invoke(app, ["--db", paraphrased, "timeline", "정태호", "-f", "json"]).stdout
    stances = [s["stance"] for d in json.loads(timeline)["days"] for s in d["statements"]]
    assert stances == ["deny", "deny"]


@pytest.mark.slow
def test_the_timeline_marks_each_stance_and_the_reversal(runner: CliRunner, paraphrased: str) -> None:
    out = runner.invoke(
        app, ["--db", paraphrased, "timeline", "최유진", "--text", "건설", "-f", "table"]
    ).stdout
    assert "  − 신규 댐 건설 계획은 현재 없다" in out
    assert "  + 극한 홍수와 가뭄에 대비해 댐 3곳을 새로 건설하기로" in out and "⇄ reversal" in out
    assert "Stance over time  − ⇄ +" in out


@pytest.mark.slow
def test_the_headline_quote_joins_the_claim_it_condenses(runner: CliRunner, paraphrased: str) -> None:
    """The seed article's headline "어떤 합의도 위반 안 해" condenses the body's "어떤 합의도 위반하지
    않을 것": one claim, and `claims` shows the link."""
    claims = json.loads(runner.invoke(app, ["--db", paraphrased, "claims", "푸틴", "-f", "json"]).stdout)
    (claim,) = [c for c in claims if c["text"] == "한반도 상황과 관련해 어떤 합의도 위반하지 않을 것"]
    (headline,) = claim["headlines"]
    assert headline["text"] == "한반도 관련 어떤 합의도 위반 안 해" and headline["changes"] == []
    assert headline["quote"] in claim["quotes"]  # one claim: the headline quote and the body quote
    table = runner.invoke(app, ["--db", paraphrased, "claims", "푸틴", "-f", "table"]).stdout
    assert f"headline #{headline['quote']} → #{headline['condenses']}" in table


@pytest.mark.slow
def test_an_analyst_keeps_only_the_quotes_whose_speaker_was_named_in_the_sentence(
    runner: CliRunner, ingested: str
) -> None:
    """Each stored quote says how its speaker was found, so the surest attributions can be kept."""
    every = json.loads(runner.invoke(app, ["--db", ingested, "search", "-s", "김민수", "-f", "json"]).stdout)
    named = runner.invoke(
        app, ["--db", ingested, "search", "-s", "김민수", "--attribution", "explicit", "-f", "json"]
    )
    assert named.exit_code == 0, named.output
    hits = json.loads(named.stdout)
    assert {h["attribution"] for h in every} >= {"explicit", "pronoun", "resolved"}
    assert hits and {h["attribution"] for h in hits} == {"explicit"}
    assert {h["quote_id"] for h in hits} < {h["quote_id"] for h in every}
    assert all(h["relayed_by"] is None for h in every)

    later = next(h for h in every if h["attribution"] == "pronoun")
    shown = runner.invoke(app, ["--db", ingested, "show", str(later["quote_id"])])
    assert "Found by" in shown.stdout and "a pronoun" in shown.stdout
