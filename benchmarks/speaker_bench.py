"""Speaker identity at scale: resolution cost per article, and --speaker lookups, on a large database.

    .venv/bin/python benchmarks/speaker_bench.py [--speakers N] [--quotes N] [--db URL]

Builds (bulk inserts, not timed) a database of N speakers — Korean one-word
names and foreign several-word names with aliases, family-name words and role
history — and `--quotes` quotes over a fifth as many articles, then measures:

1. resolving one article's speakers (`speakers.resolve` resolver: corrections, joins
   within the article, lookups across articles), per article, for mentions of
   known full names, new names, and one foreign name word with a role
   (푸틴 대통령 → 블라디미르 푸틴 through the word index);
2. `find_speaker` (what every ``--speaker`` goes through) for an exact name, an
   alias, a name part and a substring;
3. `list_speakers` for a query, and for everyone (``quotetrack speakers``).

Figures go to stdout as a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, text

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quotetrack import types  # noqa: E402
from quotetrack.db import migrate  # noqa: E402
from quotetrack.db.engine import make_engine, transaction  # noqa: E402
from quotetrack.db.schema import (  # noqa: E402
    Article,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    SpeakerWord,
)
from quotetrack.normalize import name_key  # noqa: E402
from quotetrack.speakers.names import role_key  # noqa: E402
from quotetrack.speakers.queries import find_speaker, list_speakers  # noqa: E402
from quotetrack.speakers.resolve import _Resolver  # noqa: E402

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
SYLLABLES = "민준서연지훈현우도윤하은수영재성진호경태동혁"
FIRST = [
    "블라디미르",
    "도널드",
    "존",
    "에마뉘엘",
    "올라프",
    "조지",
    "제니퍼",
    "마리아",
    "세르게이",
    "안드레이",
]
LAST = ["푸틴", "트럼프", "커비", "마크롱", "숄츠", "부시", "그랜홈", "자하로바", "라브로프", "루덴코"]
ROLES = [
    "국방부 대변인",
    "외교부 장관",
    "금융위원장",
    "국회의원",
    "러시아 대통령",
    "미국 국무부 대변인",
    "교수",
]


def build(engine: Engine, n_speakers: int, n_quotes: int, rng: random.Random) -> None:
    now = datetime.now(UTC)
    speakers, aliases, words, roles = [], [], [], []
    for sid in range(1, n_speakers + 1):
        if sid % 5 == 0:  # a foreign full name, unique by a numbered family name
            parts = [rng.choice(FIRST), f"{rng.choice(LAST)}{sid}"]
            name = " ".join(parts)
            words += [
                {"speaker_id": sid, "word_key": name_key(parts[0])},
                {"speaker_id": sid, "word_key": name_key(parts[-1])},
            ]
            aliases.append({"speaker_id": sid, "alias": f"Person {sid}", "alias_key": f"person{sid}"})
        else:
            name = rng.choice(SURNAMES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        speakers.append(
            {
                "id": sid,
                "name": name,
                "name_key": name_key(name),
                "kind": "person",
                "created_at": now,
                "curated": False,
            }
        )
        role = rng.choice(ROLES)
        roles.append(
            {
                "speaker_id": sid,
                "role": role,
                "role_key": role_key(role),
                "first_seen": date(2020, 1, 1),
                "last_seen": date(2024, 1, 1),
                "quotes": 1,
            }
        )
    n_articles = max(1, n_quotes // 5)
    day0 = datetime(2020, 1, 1, tzinfo=UTC)
    articles = [
        {"id": a, "key": f"url:https://bench.example/{a}", "text_hash": f"{a:064d}", "source": f"{a}.txt",
         "published": day0 + timedelta(hours=a), "published_has_time": True, "body": "본문", "deck_end": 0,
         "extractor_version": "bench", "ingested_at": now}
        for a in range(1, n_articles + 1)
    ]  # fmt: skip
    quotes = [
        {"article_id": (q % n_articles) + 1, "position": q // n_articles,
         "speaker_id": rng.randint(1, n_speakers), "speaker_text": None, "speaker_role": None,
         "speaker_kind": "person", "kind": "direct", "text": f"발언 {q}", "said_on": None,
         "start_offset": 0, "end_offset": 1, "field": "body"}
        for q in range(n_quotes)
    ]  # fmt: skip
    with transaction(engine) as s:
        for model, rows in (
            (Speaker, speakers),
            (SpeakerAlias, aliases),
            (SpeakerWord, words),
            (SpeakerRole, roles),
        ):
            for i in range(0, len(rows), 5000):
                s.execute(insert(model), rows[i : i + 5000])
        for i in range(0, len(articles), 5000):
            s.execute(insert(Article), articles[i : i + 5000])
        for i in range(0, len(quotes), 5000):
            s.execute(insert(Quote), quotes[i : i + 5000])
        if engine.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in ("speakers", "articles"):
                seq = f"pg_get_serial_sequence('{table}', 'id')"
                s.execute(text(f"SELECT setval({seq}, (SELECT max(id) FROM {table}))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))


def quote(name: str, role: str | None, n: int) -> types.Quote:
    return types.Quote(f"발언 {n}", "direct", name, role, "person", date(2024, 5, 1), "말했다", 0, 1)


def per_article(engine: Engine, mentions: list[list[tuple[str, str | None]]]) -> list[float]:
    """Milliseconds to resolve each article's mentions (rolled back: nothing is kept)."""
    times = []
    with transaction(engine) as s:
        row = s.get(Article, 1)
        assert row is not None
        for i, article in enumerate(mentions):
            quotes = [quote(name, role, i * 10 + j) for j, (name, role) in enumerate(article)]
            nested = s.begin_nested()
            start = time.perf_counter()
            _Resolver(s, row, datetime.now(UTC)).assign(quotes)
            times.append((time.perf_counter() - start) * 1000)
            nested.rollback()
    return times


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"| {label} | {statistics.median(ms):.2f} | {p95:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speakers", type=int, default=50_000)
    parser.add_argument("--quotes", type=int, default=500_000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file in a temp folder)")
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'speakers.db'}"
        engine = make_engine(url)
        migrate.upgrade(engine)
        start = time.perf_counter()
        build(engine, args.speakers, args.quotes, rng)
        built = time.perf_counter() - start
        with transaction(engine) as s:
            known = [sp.name for sp in s.query(Speaker).filter(Speaker.id.in_(range(1, 200))).all()]
            foreign = [sp.name for sp in s.query(Speaker).filter(Speaker.id.in_(range(5, 1000, 5))).all()]
        articles_known = [[(rng.choice(known), rng.choice(ROLES)) for _ in range(3)] for _ in range(200)]
        articles_new = [[(f"새인물{i}{j}", "교수") for j in range(3)] for i in range(200)]
        articles_word = [[(rng.choice(foreign).split()[-1] + "", "러시아 대통령")] for _ in range(200)]
        lines = [
            f"Database: {args.speakers:,} speakers, {args.quotes:,} quotes "
            f"({url.split(':')[0]}; built in {built:.0f} s)",
            "",
            "| operation | p50 ms | p95 ms |",
            "|---|---|---|",
            row("resolve an article: 3 known full names", per_article(engine, articles_known)),
            row("resolve an article: 3 new names", per_article(engine, articles_new)),
            row("resolve an article: one foreign name word + role", per_article(engine, articles_word)),
        ]
        with transaction(engine) as s:
            probe_name = foreign[0]
            part = probe_name.split()[-1]
            lines += [
                row("find_speaker: exact full name", timed(lambda: find_speaker(s, probe_name), 50)),
                row("find_speaker: alias (Latin)", timed(lambda: find_speaker(s, "Person 5"), 50)),
                row("find_speaker: name part (family name)", timed(lambda: find_speaker(s, part), 50)),
                row("find_speaker: substring, no match", timed(lambda: find_speaker(s, "없는이름"), 20)),
                row('list_speakers QUERY ("Person 12")', timed(lambda: list_speakers(s, "Person 12"), 10)),
                row(
                    "list_speakers, 100 most quoted (`quotetrack speakers`)",
                    timed(lambda: list_speakers(s, None, limit=101), 5),
                ),
                row("list_speakers, everyone (`--limit 0`)", timed(lambda: list_speakers(s, None), 3)),
            ]
        engine.dispose()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
