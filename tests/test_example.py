"""The bundled sample article through the real extractor: what `extract` prints is what `ingest` stores.

Deliberately generic (no gold quotes here; tests/test_seed.py pins those): it
holds for any extractor that keeps the domain contract, and checks the path
from extraction to the database and back out through search.
"""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE
from sqlalchemy import select
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.db.engine import make_engine, transaction
from quotetrack.db.schema import Article, Quote
from quotetrack.records import format_published


@pytest.mark.slow
def test_the_sample_article_is_stored_as_extracted_and_its_quotes_are_searchable(
    runner: CliRunner, cli_db: str
) -> None:
    extracted = runner.invoke(app, ["extract", str(EXAMPLE)])
    assert extracted.exit_code == 0, extracted.output
    (record,) = [json.loads(line) for line in extracted.stdout.splitlines()]

    ingested = runner.invoke(app, ["--db", cli_db, "ingest", str(EXAMPLE)])
    assert ingested.exit_code == 0, ingested.output
    assert "1  article stored" in ingested.stdout
    assert f"{len(record['quotes'])}  quote" in ingested.stdout

    engine = make_engine(cli_db)
    try:
        with transaction(engine) as s:
            article = s.scalars(select(Article)).one()
            assert article.source == str(EXAMPLE)
            assert article.title == record["title"] and article.byline == record["byline"]
            assert (article.outlet.name if article.outlet else None) == record["outlet"]
            published = format_published(article.published, article.published_has_time)
            assert published == (record["published_at"] or record["published_date"])
            assert article.body.strip()
            stored = [
                {
                    "text": q.text,
                    "speaker": q.speaker_text,
                    "speaker_role": q.speaker_role,
                    "kind": q.kind,
                    "said_on": q.said_on.isoformat() if q.said_on else None,
                    "verb": q.verb,
                    "start": q.start_offset,
                    "end": q.end_offset,
                    "attribution": q.attribution,
                    "relayed_by": q.relayed_by,
                }
                for q in s.scalars(
                    select(Quote).where(Quote.article_id == article.id).order_by(Quote.position)
                )
            ]
            text_lengths = {"title": len(article.title or ""), "body": len(article.body)}
            assert all(0 <= q.start_offset <= q.end_offset <= text_lengths[q.field] for q in article.quotes)
    finally:
        engine.dispose()
    assert stored == [{k: q[k] for k in stored[0]} for q in record["quotes"]]

    for quote in record["quotes"]:
        if not quote["speaker"]:
            continue
        name_part = quote["speaker"].split()[-1]
        found = runner.invoke(
            app, ["--db", cli_db, "search", "--speaker", name_part, "-f", "json", "-n", "0"]
        )
        assert found.exit_code == 0, found.output
        assert quote["text"] in [row["text"] for row in json.loads(found.stdout)]

    again = runner.invoke(app, ["--db", cli_db, "ingest", str(EXAMPLE)])
    assert again.exit_code == 0 and "1  article unchanged" in again.stdout
