"""`quotetrack speakers …` and `quotetrack quotes reassign` end to end, each run followed by a look into the database.

The fake extractor (tests/helpers.py) keeps these about listing and curation;
tests/test_speakers_extracted.py runs the real extractor.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import article_text, fake_extract
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner, Result

from quotetrack import service
from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Quote, Speaker, SpeakerAlias, SpeakerCorrection

PUTIN_URL = "https://www.newspim.com/news/view/20230915"


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "default_extractor", lambda: fake_extract)


@pytest.fixture
def db(cli_db: str) -> Iterator[Engine]:
    engine = make_engine(cli_db)
    try:
        yield engine
    finally:
        engine.dispose()


def putin_article(*, body: str = "어떤 것도 위반하지 않고 있다") -> str:
    return article_text(
        '푸틴 "합의 위반 안 해"',
        "2023-09-15 23:47",
        "뉴스핌",
        ("블라디미르 푸틴", "러시아 대통령", "direct", body),
        ("드미트리 페스코프", "크렘린궁 대변인", "direct", "어떤 협의에도 서명하지 않았다"),
        url=PUTIN_URL,
    )


@pytest.fixture
def ingested(runner: CliRunner, cli_db: str, tmp_path: Path) -> str:
    """Putin in 2010 (총리) and 2023 (대통령), Peskov, two 김민석, an anonymous source, and 외교부."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "putin-2023.txt").write_text(putin_article(), "utf-8")
    (folder / "putin-2010.txt").write_text(
        article_text(
            "푸틴 총리 내각회의",
            "2010-05-10",
            "한국일보",
            ("블라디미르 푸틴", "러시아 총리", "direct", "경제위기를 극복해야 한다"),
        ),
        "utf-8",
    )
    (folder / "kim-2014.txt").write_text(
        article_text(
            "국방부 브리핑",
            "2014-10-13",
            "YTN",
            ("김민석", "국방부 대변인", "direct", "전단 살포를 막을 근거는 없다"),
            ("북한", "", "direct", "인권이 있습니까"),
            ("정부 관계자", "", "indirect", "검토 중"),
            url="https://ytn.example/2014",
        ),
        "utf-8",
    )
    (folder / "kim-2025.txt").write_text(
        article_text(
            "총리 국무회의",
            "2025-07-03",
            "세계일보",
            ("김민석", "국무총리", "direct", "민생 회복이 최우선 과제"),
            ("외교부", "", "direct", "깊은 유감"),
        ),
        "utf-8",
    )
    result = invoke(runner, cli_db, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    return cli_db


def invoke(runner: CliRunner, url: str, *args: str) -> Result:
    return runner.invoke(app, ["--db", url, *args])


def speaker_names(engine: Engine) -> list[str]:
    with transaction(engine) as s:
        return sorted(s.scalars(select(Speaker.name)))


def speaker_of(engine: Engine, text: str) -> str:
    with transaction(engine) as s:
        return s.scalars(
            select(Speaker.name).join(Quote, Quote.speaker_id == Speaker.id).where(Quote.text == text)
        ).one()


# --- listing ---------------------------------------------------------------------------------------


def test_speakers_lists_everyone_with_roles_quotes_and_dates(runner: CliRunner, ingested: str) -> None:
    result = invoke(runner, ingested, "speakers", "-f", "table")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in (
        "블라디미르 푸틴",
        "러시아 대통령",
        "러시아 총리",
        "2010-05-10",
        "2023-09-15",
        "국무총리",
    ):
        assert expected in out
    assert out.index("블라디미르 푸틴") < out.index("드미트리 페스코프")  # most quoted first
    assert "정부 관계자*" in out and "known in one article only" in out


def test_speakers_json_and_csv_carry_aliases_roles_and_counts(runner: CliRunner, ingested: str) -> None:
    result = invoke(runner, ingested, "speakers", "푸틴", "--format", "json")
    assert result.exit_code == 0, result.output
    (putin,) = json.loads(result.stdout)
    assert (putin["name"], putin["kind"], putin["quotes"]) == ("블라디미르 푸틴", "person", 2)
    assert (putin["current_role"], putin["past_roles"]) == ("러시아 대통령", ["러시아 총리"])
    assert (putin["first_seen"], putin["last_seen"]) == ("2010-05-10", "2023-09-15")
    assert putin["roles"][1] == {
        "role": "러시아 총리",
        "first_seen": "2010-05-10",
        "last_seen": "2010-05-10",
        "quotes": 1,
    }

    as_csv = invoke(runner, ingested, "speakers", "--format", "csv", "--kind", "person")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    # the fake extractor takes 북한 for a person
    assert {r["name"] for r in rows} == {"블라디미르 푸틴", "드미트리 페스코프", "김민석", "북한"}
    assert len([r for r in rows if r["name"] == "김민석"]) == 2  # two people share the name
    assert all(r["kind"] == "person" for r in rows)


def test_a_query_matching_nothing_says_so(runner: CliRunner, ingested: str) -> None:
    result = invoke(runner, ingested, "speakers", "루카셴코")
    assert result.exit_code == 1 and "Error: no speaker matches '루카셴코'" in result.stderr
    typo = invoke(runner, ingested, "speakers", "페스코브")  # a letter off: the stored name is offered
    assert typo.exit_code == 1 and "closest stored names: 드미트리 페스코프 (ID" in typo.stderr


def test_listing_before_any_ingest_is_an_error_and_creates_no_database(
    runner: CliRunner, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    result = invoke(runner, url, "speakers")
    assert result.exit_code == 1 and "there is no database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_show_prints_one_speakers_profile(runner: CliRunner, ingested: str) -> None:
    result = invoke(runner, ingested, "speakers", "show", "푸틴")
    assert result.exit_code == 0, result.output
    for expected in ("블라디미르 푸틴", "러시아 총리", "2010-05-10", "한국일보", "경제위기를 극복해야 한다"):
        assert expected in result.stdout
    data = json.loads(invoke(runner, ingested, "speakers", "show", "푸틴", "-f", "json").stdout)
    assert data["quotes_by_kind"] == {"direct": 2} and {o["outlet"] for o in data["outlets"]} == {
        "뉴스핌",
        "한국일보",
    }


def test_an_ambiguous_name_lists_the_candidates_and_an_id_picks_one(
    runner: CliRunner, ingested: str, db: Engine
) -> None:
    for args in (("speakers", "show", "김민석"), ("search", "--speaker", "김민석")):
        result = invoke(runner, ingested, *args)
        assert result.exit_code == 1
        assert "names 2 different speakers" in result.stderr
        assert "국방부 대변인" in result.stderr and "국무총리" in result.stderr
    with transaction(db) as s:
        premier = s.scalars(
            select(Speaker.id).where(Speaker.name == "김민석").order_by(Speaker.id.desc())
        ).first()
    result = invoke(runner, ingested, "search", "--speaker", str(premier), "-f", "json")
    assert [r["text"] for r in json.loads(result.stdout)] == ["민생 회복이 최우선 과제"]


# --- curation ----------------------------------------------------------------------------------------


def test_alias_add_makes_a_latin_name_find_the_speaker(runner: CliRunner, ingested: str, db: Engine) -> None:
    for alias in ("Putin", "Vladimir Putin"):
        result = invoke(runner, ingested, "speakers", "alias", "add", "블라디미르 푸틴", alias)
        assert result.exit_code == 0 and f"Added alias {alias}" in result.stdout
    again = invoke(runner, ingested, "speakers", "alias", "add", "푸틴", "vladimir  PUTIN")
    assert "already called" in again.stdout
    with transaction(db) as s:
        assert sorted(s.scalars(select(SpeakerAlias.alias))) == ["Putin", "Vladimir Putin"]
    found = json.loads(invoke(runner, ingested, "search", "--speaker", "putin", "-f", "json").stdout)
    assert {r["speaker"] for r in found} == {"블라디미르 푸틴"} and len(found) == 2
    removed = invoke(runner, ingested, "speakers", "alias", "remove", "putin", "Putin")
    assert removed.exit_code == 0
    with transaction(db) as s:
        assert s.scalars(select(SpeakerAlias.alias)).all() == ["Vladimir Putin"]
    missing = invoke(runner, ingested, "speakers", "alias", "remove", "푸틴", "Putin")
    assert missing.exit_code == 1 and "has no alias 'Putin'" in missing.stderr


def test_rename_keeps_the_old_name_as_an_alias(runner: CliRunner, ingested: str, db: Engine) -> None:
    result = invoke(runner, ingested, "speakers", "rename", "페스코프", "드미트리 세르게예비치 페스코프")
    assert result.exit_code == 0, result.output
    assert speaker_of(db, "어떤 협의에도 서명하지 않았다") == "드미트리 세르게예비치 페스코프"
    with transaction(db) as s:
        assert "드미트리 페스코프" in s.scalars(select(SpeakerAlias.alias)).all()
    assert invoke(runner, ingested, "search", "-s", "드미트리 페스코프").exit_code == 0


def test_merge_folds_speakers_into_one_and_survives_re_ingest(
    runner: CliRunner, ingested: str, db: Engine, tmp_path: Path
) -> None:
    with transaction(db) as s:
        spokesman = s.scalars(select(Speaker.id).where(Speaker.name == "김민석").order_by(Speaker.id)).first()
    result = invoke(runner, ingested, "speakers", "merge", str(spokesman), "정부 관계자")
    assert result.exit_code == 0, result.output
    assert "Merged 정부 관계자 into 김민석" in result.stdout and "1 quote moved" in result.stdout
    assert speaker_of(db, "검토 중") == "김민석"
    assert "정부 관계자" not in speaker_names(db)

    changed = tmp_path / "v2"
    changed.mkdir()
    (changed / "kim-2014.txt").write_text(
        article_text(
            "국방부 브리핑(수정)",
            "2014-10-13",
            "YTN",
            ("김민석", "국방부 대변인", "direct", "전단 살포를 막을 근거는 없다"),
            ("정부 관계자", "", "indirect", "검토 중이다"),
            url="https://ytn.example/2014",
        ),
        "utf-8",
    )
    again = invoke(runner, ingested, "ingest", str(changed))
    assert "1  article updated" in again.stdout, again.output
    assert speaker_of(db, "검토 중이다") == "김민석"
    assert "정부 관계자" not in speaker_names(db)


def test_merge_names_what_it_cannot_find(runner: CliRunner, ingested: str) -> None:
    result = invoke(runner, ingested, "speakers", "merge", "푸틴", "루카셴코")
    assert result.exit_code == 1 and "no speaker matches '루카셴코'" in result.stderr
    same = invoke(runner, ingested, "speakers", "merge", "푸틴", "블라디미르 푸틴")
    assert same.exit_code == 1 and "nothing to merge" in same.stderr


def test_reassign_moves_one_quote_and_survives_forced_re_extraction(
    runner: CliRunner, ingested: str, db: Engine, tmp_path: Path
) -> None:
    with transaction(db) as s:
        quote_id = s.scalars(select(Quote.id).where(Quote.text == "인권이 있습니까")).one()
        kim = s.scalars(select(Speaker.id).where(Speaker.name == "김민석").order_by(Speaker.id)).first()
    result = invoke(
        runner, ingested, "quotes", "reassign", str(quote_id), str(kim), "--role", "국방부 대변인"
    )
    assert result.exit_code == 0, result.output
    assert f"Quote {quote_id} is now attributed to 김민석" in result.stdout
    assert speaker_of(db, "인권이 있습니까") == "김민석"
    assert "북한" not in speaker_names(db)  # it said nothing else

    folder = tmp_path / "articles"
    rewritten = invoke(runner, ingested, "ingest", "--force", str(folder))
    assert rewritten.exit_code == 0 and "4  articles updated" in rewritten.stdout, rewritten.output
    assert speaker_of(db, "인권이 있습니까") == "김민석"
    assert "북한" not in speaker_names(db)
    with transaction(db) as s:
        role = s.scalars(select(Quote.speaker_role).where(Quote.text == "인권이 있습니까")).one()
        assert role == "국방부 대변인"
        assert s.scalar(select(func.count()).select_from(SpeakerCorrection)) == 1


def test_reassign_to_someone_new_needs_a_kind(runner: CliRunner, ingested: str, db: Engine) -> None:
    with transaction(db) as s:
        quote_id = s.scalars(select(Quote.id).where(Quote.text == "깊은 유감")).one()
    refused = invoke(runner, ingested, "quotes", "reassign", str(quote_id), "조태열")
    assert refused.exit_code == 1 and "--new-kind person" in refused.stderr
    result = invoke(runner, ingested, "quotes", "reassign", str(quote_id), "조태열", "--new-kind", "person")
    assert result.exit_code == 0, result.output
    assert speaker_of(db, "깊은 유감") == "조태열"
    missing = invoke(runner, ingested, "quotes", "reassign", "99999", "푸틴")
    assert missing.exit_code == 1 and "no quote with ID 99999" in missing.stderr


def test_import_loads_curated_names_and_aliases(
    runner: CliRunner, ingested: str, db: Engine, tmp_path: Path
) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "canonical,alias,kind\n"
        "블라디미르 푸틴,Putin,\n"
        "블라디미르 푸틴,Vladimir Putin,person\n"
        "외교부,Ministry of Foreign Affairs,organisation\n"
        "# a comment line\n"
        "세르게이 라브로프,라브로프,person\n",
        "utf-8-sig",
    )
    result = invoke(runner, ingested, "speakers", "import", str(names))
    assert result.exit_code == 0, result.output
    assert "1  speaker created" in result.stdout and "4  aliases added" in result.stdout
    with transaction(db) as s:
        aliases = dict(s.execute(select(SpeakerAlias.alias, Speaker.name).join(Speaker)).all())
        lavrov = s.scalars(select(Speaker).where(Speaker.name == "세르게이 라브로프")).one()
        assert lavrov.curated and lavrov.kind == "person"
    assert aliases["Putin"] == "블라디미르 푸틴" and aliases["Ministry of Foreign Affairs"] == "외교부"
    found = json.loads(
        invoke(runner, ingested, "search", "-s", "ministry of foreign affairs", "-f", "json").stdout
    )
    assert [r["text"] for r in found] == ["깊은 유감"]
    again = invoke(runner, ingested, "speakers", "import", str(names))
    assert "4  rows already known" in again.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("canonical,alias\n,푸틴\n", "line 2: the canonical name is empty"),
        ("푸틴,Putin,robot\n", "line 1: unknown speaker kind 'robot'"),
        ("a,b,person,extra\n", "line 1: 4 columns"),
        ("", "holds no names"),
    ],
)
def test_import_refuses_a_bad_file_naming_the_line_and_stores_nothing(
    runner: CliRunner, ingested: str, db: Engine, tmp_path: Path, content: str, message: str
) -> None:
    names = tmp_path / "bad.csv"
    names.write_text(content, "utf-8")
    before = speaker_names(db)
    result = invoke(runner, ingested, "speakers", "import", str(names))
    assert result.exit_code == 1 and message in result.stderr and "bad.csv" in result.stderr
    assert speaker_names(db) == before


def test_import_refuses_a_canonical_name_two_people_share(
    runner: CliRunner, ingested: str, db: Engine, tmp_path: Path
) -> None:
    names = tmp_path / "names.csv"
    names.write_text("블라디미르 푸틴,Putin\n김민석,Kim Min-seok\n", "cp949")
    result = invoke(runner, ingested, "speakers", "import", str(names))
    assert result.exit_code == 1 and "line 2: '김민석' names 2 speakers" in result.stderr
    with transaction(db) as s:
        assert s.scalars(select(SpeakerAlias.alias)).all() == []  # all or nothing


@pytest.mark.slow
def test_speaker_commands_do_not_load_the_extractor(tmp_path: Path) -> None:
    import subprocess
    import sys

    from test_startup import PROBE

    names = tmp_path / "names.csv"
    names.write_text("블라디미르 푸틴,Putin\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    args = f'["db", "upgrade"], ["speakers", "import", {str(names)!r}], ["speakers"], ["speakers", "show", "putin"]'
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, url=url)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
