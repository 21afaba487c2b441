"""Generate a benchmark database: 1,000,000 quotes in 200,000 articles of Korean-like news text.

    .venv/bin/python benchmarks/search_data.py /tmp/qt-bench.db [--articles 200000]

Text is made of real news vocabulary (nouns of 2–4 syllables with particles,
predicates with quotative endings) plus pseudo-words from common Hangul
syllables, all drawn from a Zipf distribution, so two-syllable words such as
정부 or 제재 are as common as in real news and appear inside longer words.
Speakers (5,000) and outlets (60) are Zipf-distributed too: the busiest
speaker has ~4 % of all quotes.  Quotes are said over four years.

Rows are written in batches straight into the tables (as a bulk import
would), then each batch goes through the same upkeep as the write path: the
full-text index queue is applied (db/fts.sync) and the quotes get their claims
(db/readings.read_quotes, then db/claims.assign_quotes: reading the quotes loads the Korean
model and costs ~0.1 ms a quote once the generator's words are cached), so the database is what
quotetrack would have built.
The script prints how long each stage took.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrack.db import claims, fts, migrate, readings
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Outlet, Quote, Speaker
from quotetrack.types import published_day

_NOUNS = (
    "정부 북한 제재 위반 합의 협상 회담 대통령 장관 대변인 국회 여당 야당 예산 금리 물가 전기요금 가스요금 "
    "원전 수출 반도체 관세 동맹 안보 미사일 핵 비핵화 대화 협력 지원 인상 인하 규제 개혁 연금 의료 의대 "
    "정원 파업 노조 임금 고용 청년 주택 부동산 대출 세금 재정 적자 성장 경제 외교 통상 무역 환율 투자 "
    "기업 산업 에너지 기후 탄소 전쟁 평화 휴전 국방 군사 훈련 선거 공천 탄핵 수사 검찰 법원 판결 헌법 "
    "개정 법안 특검 의혹 사실 보도 언론 입장 계획 검토 발표 결정 방침 조치 대책 협의 논의 추진 확대 축소 "
    "유지 중단 재개 강화 완화 "
)
NOUNS = _NOUNS.split()
PARTICLES = (
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "에",
    "의",
    "과",
    "와",
    "도",
    "로",
    "에서",
    "에게",
    "까지",
    "",
)
ENDINGS = (
    "할 것",
    "하겠다",
    "하고 있다",
    "하지 않고 있다",
    "한 사실이 없다",
    "한 것은 사실이다",
    "해야 한다",
    "할 계획이 없다",
    "을 검토하고 있다",
    "은 사실무근이다",
    "이 필요하다",
    "을 강력히 규탄한다",
    "을 지켜보고 있다",
    "은 변함이 없다",
    "할 수밖에 없다",
    "하지 않았다",
    "을 환영한다",
)
SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히한국정부민대통령장관회의경제사회문화"  # noqa: E501
OUTLETS = [
    f"{n}"
    for n in (
        "연합뉴스",
        "뉴시스",
        "뉴스1",
        "한겨레",
        "조선일보",
        "중앙일보",
        "동아일보",
        "경향신문",
        "한국일보",
        "서울신문",
        "국민일보",
        "세계일보",
        "문화일보",
        "머니투데이",
        "매일경제",
        "한국경제",
        "뉴스핌",
        "이데일리",
        "아시아경제",
        "헤럴드경제",
        "KBS",
        "MBC",
        "SBS",
        "YTN",
        "JTBC",
        "MBN",
        "채널A",
        "TV조선",
        "노컷뉴스",
        "오마이뉴스",
    )
] + [f"지역신문{i}" for i in range(30)]
ROLES = ("대변인", "장관", "대통령", "원내대표", "의원", "위원장", "총리", "차관", "대표", "청장")
START = date(2021, 1, 1)
DAYS = 4 * 365


class Vocabulary:
    def __init__(self, rng: random.Random) -> None:
        pseudo = {
            "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4)))) for _ in range(4000)
        }
        self.words = NOUNS + sorted(pseudo)
        self.weights = [1 / (i + 1) ** 0.9 for i in range(len(self.words))]
        rng.shuffle(self.weights)
        for i in range(len(NOUNS)):  # real vocabulary is the frequent part
            self.weights[i] = 1 / (i + 1) ** 0.6
        self.cum = list(itertools.accumulate(self.weights))

    def quote(self, rng: random.Random) -> str:
        words = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(4, 10))
        parts = [w + rng.choice(PARTICLES) for w in words[:-1]]
        return " ".join([*parts, words[-1] + rng.choice(ENDINGS)])

    def sentence(self, rng: random.Random) -> str:
        words = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(6, 14))
        return " ".join(w + rng.choice(PARTICLES) for w in words) + "고 전했다."


def speaker_names(rng: random.Random, n: int) -> list[str]:
    surnames = "김이박최정강조윤장임한오서신권황안송류홍"
    names: set[str] = set()
    while len(names) < n:
        names.add(rng.choice(surnames) + "".join(rng.choice(SYLLABLES) for _ in range(2)))
    return sorted(names)


def generate(url: str, articles: int, quotes_per_article: int, batch: int, seed: int) -> None:
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    engine = make_engine(url)
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    names = speaker_names(rng, 5000)
    speaker_cum = list(itertools.accumulate(1 / (i + 1) ** 1.0 for i in range(len(names))))
    outlet_cum = list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(OUTLETS))))
    with transaction(engine) as s:
        s.execute(
            insert(Outlet), [{"id": i + 1, "name": o, "name_key": o.lower()} for i, o in enumerate(OUTLETS)]
        )
        s.execute(
            insert(Speaker),
            [
                {"id": i + 1, "name": n, "name_key": n, "kind": "person", "created_at": now}
                for i, n in enumerate(names)
            ],
        )
    timing = {"insert": 0.0, "index": 0.0, "claims": 0.0}
    quote_id = 0
    started = time.perf_counter()
    for first in range(0, articles, batch):
        t0 = time.perf_counter()
        article_rows, quote_rows = [], []
        for a in range(first, min(articles, first + batch)):
            day = START + timedelta(days=rng.randrange(DAYS))
            published = datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=UTC)
            paragraphs, quotes = [], []
            offset = 0
            for position in range(quotes_per_article):
                sid = rng.choices(range(len(names)), cum_weights=speaker_cum)[0]
                role = rng.choice(ROLES)
                q = vocab.quote(rng)
                lead = f'{names[sid]} {role}은 "'
                filler = vocab.sentence(rng)
                paragraph = f'{filler} {lead}{q}"라고 말했다.'
                start = offset + len(filler) + 1 + len(lead)
                paragraphs.append(paragraph)
                offset += len(paragraph) + 1
                quote_id += 1
                quotes.append(
                    {
                        "id": quote_id,
                        "article_id": a + 1,
                        "position": position,
                        "speaker_id": sid + 1,
                        "speaker_text": names[sid],
                        "speaker_role": role,
                        "speaker_kind": "person",
                        "kind": rng.choice(("direct", "direct", "indirect", "headline")),
                        "text": q,
                        "verb": "말했다",
                        "said_on": day,
                        "effective_date": day,
                        "date_basis": "said",
                        "start_offset": start,
                        "end_offset": start + len(q),
                        "field": "body",
                    }
                )
            article_rows.append(
                {
                    "id": a + 1,
                    "key": f"url:https://news.example/{a + 1}",
                    "url": f"https://news.example/{a + 1}",
                    "text_hash": f"{a:064d}",
                    "source": f"gen/{a + 1}.txt",
                    "title": vocab.sentence(rng)[:40],
                    "published": published,
                    "published_has_time": True,
                    "published_date": published_day(published),
                    "outlet_id": rng.choices(range(len(OUTLETS)), cum_weights=outlet_cum)[0] + 1,
                    "byline": None,
                    "dateline": None,
                    "body": "\n".join(paragraphs),
                    "deck_end": 0,
                    "extractor_version": "bench",
                    "ingested_at": now,
                    "updated_at": None,
                }
            )
            quote_rows.extend(quotes)
        with transaction(engine) as s:
            s.execute(insert(Article), article_rows)
            s.execute(insert(Quote), quote_rows)
            t1 = time.perf_counter()
            fts.sync(s)
            t2 = time.perf_counter()
            ids = [q["id"] for q in quote_rows]
            readings.read_quotes(s, ids)  # stance and topic, as the write path stores them
            claims.assign_quotes(s, ids, now=now)
            t3 = time.perf_counter()
        timing["insert"] += t1 - t0
        timing["index"] += t2 - t1
        timing["claims"] += t3 - t2
        done = min(articles, first + batch)
        if done % (batch * 10) == 0 or done == articles:
            rate = quote_id / (time.perf_counter() - started)
            print(f"{done:>7} articles, {quote_id:>8} quotes, {rate:,.0f} quotes/s", flush=True)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO quote_fts (quote_fts) VALUES ('optimize')"))
        conn.execute(text("ANALYZE"))
    engine.dispose()
    total = sum(timing.values())
    print(f"generated {articles} articles, {quote_id} quotes in {total:.0f} s")
    for stage, seconds in timing.items():
        print(f"  {stage:<7} {seconds:8.1f} s  ({quote_id / seconds:,.0f} quotes/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", help="SQLite file path, or a postgresql:// URL")
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--quotes-per-article", type=int, default=5)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    url = args.database if "://" in args.database else f"sqlite:///{Path(args.database).resolve()}"
    generate(url, args.articles, args.quotes_per_article, args.batch, args.seed)


if __name__ == "__main__":
    main()
