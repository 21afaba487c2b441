"""Several `quotetrack ingest` processes at once against one database, as a team scaling out would run them.

Four real ingest processes (the real extractor, `--jobs 1` each) read four
overlapping folders of generated articles into one SQLite file (starting from
no file at all, so they also race to create the schema) or one PostgreSQL
database, while searches run against it.  The articles share their speakers —
each new person appears in articles of every folder — so the processes race
to create the same new speakers and to open the same claims.  The result must
be exactly what one process ingesting every article once makes: each article,
speaker, quote and claim once, nothing failed, no "database is locked".
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Claim, ClaimQuote, Quote, Speaker

PROCESSES = 4
ARTICLES = 160
"""Each article is in two of the four folders: 80 per process, 320 reads of 160 articles."""

CAST = (
    ("김민수", "산업통상자원부 대변인"),
    ("블라디미르 푸틴", "러시아 대통령"),
    ("이정훈", "국방부 장관"),
    ("박서연", "서울시 교육감"),
    ("최동욱", "한국은행 총재"),
    ("도널드 트럼프", "미국 대통령"),
    ("한지민", "보건복지부 차관"),
    ("오세진", "국토교통부 대변인"),
)
STATEMENTS = (
    "2분기 전기요금 인상은 검토하지 않고 있다",
    "북한과의 군사 협력은 국제법 위반이 아니다",
    "국경 지역의 경계 태세를 한층 강화하겠다",
    "학생 안전을 최우선으로 두고 대책을 마련하겠다",
    "기준금리를 당분간 동결하는 것이 바람직하다",
    "동맹국들과 무역 협상을 다시 시작할 것이다",
    "의료 인력 확충 방안을 이달 안에 내놓겠다",
    "수도권 주택 공급 계획은 예정대로 진행된다",
    "물가 상승세가 둔화되고 있다는 신호가 보인다",
    "청년 일자리 예산을 두 배로 늘리겠다",
    "지역 균형 발전을 위한 특별법을 추진하겠다",
    "재난 대응 체계를 전면적으로 재점검하겠다",
)
OUTLETS = ("뉴스핌", "연합뉴스", "뉴스1", "서울신문")


def article_text(i: int, rng: random.Random) -> str:
    """A page-text article: three cast members, an anonymous official and a ministry, each quoted."""
    paragraphs = []
    for name, role in rng.sample(CAST, 3):
        office, title = role.rsplit(" ", 1)
        paragraphs.append(f'{office} {name} {title}은 이날 "{rng.choice(STATEMENTS)}"라고 말했다.')
    paragraphs.append(f'정부 관계자는 "{rng.choice(STATEMENTS)}"고 전했다.')
    paragraphs.append(f'외교부는 "관련 동향을 예의주시하고 있다 ({i % 7})"고 밝혔다.')
    outlet = OUTLETS[i % len(OUTLETS)]
    day = 1 + i % 28
    return "\n\n".join(
        [
            f"주요 현안 놓고 엇갈린 목소리 ({i})",
            f"입력 2024.03.{day:02} 09:{i % 60:02}",
            f"[서울={outlet}] 기자{i % 9}호 기자 = {paragraphs[0]}",
            *paragraphs[1:],
            f"Copyright ⓒ {outlet}. 무단전재 및 재배포 금지",
        ]
    )


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """All articles in one folder, and four overlapping folders holding each article twice in all."""
    root = tmp_path_factory.mktemp("concurrent")
    rng = random.Random(11)
    every = root / "all"
    every.mkdir()
    texts = [article_text(i, rng) for i in range(ARTICLES)]
    for i, t in enumerate(texts):
        (every / f"{i:04}.txt").write_text(t, "utf-8")
    parts = []
    for p in range(PROCESSES):
        folder = root / f"part{p}"
        folder.mkdir()
        # process p reads articles i with i % 4 in {p, p+1}: every article in exactly two folders
        for i, t in enumerate(texts):
            if i % PROCESSES in (p, (p + 1) % PROCESSES):
                (folder / f"{i:04}.txt").write_text(t, "utf-8")
        parts.append(folder)
    return every, parts


def ingest(db_url: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrack", "--db", db_url, "ingest", "--json", "--jobs", "1", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def snapshot(engine: Engine) -> dict[str, object]:
    """The database as a comparable value: articles, quotes with their speakers, speakers, claims."""
    with transaction(engine) as s:
        keys = dict(s.execute(select(Article.id, Article.key)).all())
        names = dict(s.execute(select(Speaker.id, Speaker.name)).all())
        quotes = {
            (keys[aid], pos): (qtext, names.get(sid) if sid is not None else None)
            for _, aid, pos, qtext, sid in s.execute(
                select(Quote.id, Quote.article_id, Quote.position, Quote.text, Quote.speaker_id)
            )
        }
        where = {
            qid: (keys[aid], pos)
            for qid, aid, pos in s.execute(select(Quote.id, Quote.article_id, Quote.position))
        }
        speakers = sorted(
            (name, kind, aid is None)
            for name, kind, aid in s.execute(select(Speaker.name, Speaker.kind, Speaker.article_id))
        )
        members: dict[int, set[tuple[str, int]]] = {}
        for qid, cid in s.execute(select(ClaimQuote.quote_id, ClaimQuote.claim_id)):
            members.setdefault(cid, set()).add(where[qid])
        claims = sorted(sorted(m) for m in members.values())
        return {"articles": sorted(keys.values()), "quotes": quotes, "speakers": speakers, "claims": claims}


def wait_for_articles(db_url: str, procs: list[subprocess.Popen[str]]) -> None:
    """Until a first batch is committed (searching a database not yet created would fail for that reason)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and any(p.poll() is None for p in procs):
        engine = make_engine(db_url)
        try:
            with engine.connect() as conn:
                if conn.execute(text("SELECT count(*) FROM articles")).scalar():
                    return
        except Exception:  # the schema is not there yet: keep waiting
            pass
        finally:
            engine.dispose()
        time.sleep(0.1)


@pytest.mark.slow
def test_concurrent_ingests_store_every_article_speaker_quote_and_claim_once(
    cli_db: str, runner: CliRunner, folders: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    every, parts = folders
    procs = [ingest(cli_db, folder) for folder in parts]
    wait_for_articles(cli_db, procs)
    searches = 0
    while any(p.poll() is None for p in procs):  # searches run while the ingests write
        found = runner.invoke(app, ["--db", cli_db, "search", "--text", "전기요금", "-f", "json", "-n", "0"])
        assert found.exit_code == 0, found.output
        searches += 1
    results = [(p.returncode, *p.communicate()) for p in procs]
    for code, _out, err in results:
        assert code == 0, err
        assert "locked" not in err.lower() and "Traceback" not in err
    reports = [json.loads(out) for _, out, _ in results]
    assert all(r["failed"] == 0 and r["stored"] + r["unchanged"] == ARTICLES // 2 for r in reports), reports
    assert sum(r["stored"] for r in reports) == ARTICLES  # each article stored by exactly one process
    assert searches > 0

    # the same articles ingested once, by one process, into a fresh database of the same kind
    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    once = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrack",
            "--db",
            reference_url,
            "ingest",
            "--json",
            "--jobs",
            "1",
            str(every),
        ],
        capture_output=True,
        text=True,
    )
    assert once.returncode == 0, once.stderr
    engine, reference = make_engine(cli_db), make_engine(reference_url)
    try:
        got, want = snapshot(engine), snapshot(reference)
        assert len(got["articles"]) == ARTICLES  # type: ignore[arg-type]
        assert got["articles"] == want["articles"]
        assert got["quotes"] == want["quotes"]  # every quote, attributed to the same speaker
        assert got["speakers"] == want["speakers"]  # no person created twice
        assert got["claims"] == want["claims"]
        with transaction(engine) as s:
            persons = s.execute(
                select(Speaker.name_key, func.count())
                .where(Speaker.article_id.is_(None))
                .group_by(Speaker.name_key, Speaker.kind)
                .having(func.count() > 1)
            ).all()
            assert persons == []
            assert s.scalar(select(func.count()).select_from(Claim)) == len(want["claims"])  # type: ignore[arg-type]
            if engine.dialect.name == "sqlite":
                assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert s.execute(text("PRAGMA foreign_key_check")).all() == []
                assert s.execute(text("SELECT count(*) FROM quote_fts_queue")).scalar() == 0
    finally:
        engine.dispose()
        reference.dispose()
    searched = runner.invoke(app, ["--db", cli_db, "search", "--text", "전기요금", "-f", "json", "-n", "0"])
    expected = runner.invoke(
        app, ["--db", reference_url, "search", "--text", "전기요금", "-f", "json", "-n", "0"]
    )
    assert len(json.loads(searched.stdout)) == len(json.loads(expected.stdout)) > 0
