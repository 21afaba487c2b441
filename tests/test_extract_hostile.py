"""Whatever a scraper hands over, the extractor returns an article and never raises.

Property-based: hypothesis builds random and adversarial pages (quote marks in
every style and count, control characters, mixed scripts, very long lines,
empty and blank text) and the invariants a user relies on are checked on each:
the pipeline returns, every quote's offsets point at its text in the stored
body or title, and no quote is longer than the longest span we accept.
Time is measured in benchmarks/extract_speed.py, not here.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack.extract.marks import MAX_SPAN
from quotetrack.extract.pipeline import extract
from quotetrack.types import RawDocument

pytestmark = pytest.mark.slow

MARKS = list("\"“”‘’'『』「」″′«»《》")
PIECES = [
    "블라디미르 푸틴 러시아 대통령은 ",
    "그는 ",
    "이어 ",
    "라고 말했다. ",
    "고 밝혔다. ",
    "며 ",
    "다고 강조했다. ",
    "것이라고 ",
    "[인터뷰:김민석, 국방부 대변인]\n",
    "-질문인가.\n",
    "15일(현지시간) ",
    "이날 ",
    "\n\n",
    "\n",
    "입력 2024.01.01 10:00",
    "ⓒ 연합뉴스",
    "가나다 ",
    "abc ",
    "漢字 ",
    "αβγ ",
    "\u200b",
    "\x00",
    "\x1b[31m",
    "\t",
]

page = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(MARKS), st.text(max_size=30)),
    max_size=120,
).map("".join)


def _check(text: str) -> None:
    article = extract(RawDocument(source="hypothesis", text=text))
    for q in article.quotes:
        source = article.title if q.field == "title" else article.body
        assert source is not None
        assert source[q.start : q.end] == q.text
        assert 0 < len(q.text) <= MAX_SPAN["double"] + 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page)
def test_any_page_of_news_like_fragments_extracts_without_error(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_unicode_extracts_without_error(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n  ",
        '"' * 5001,
        "'" * 5001,
        "“" * 3000 + "”" * 3000,
        "『" * 2000,
        ("가" * 100_000),
        ('그는 "' + "가" * 10_000 + '"고 말했다.'),
        ("\x00\x01\x02" * 10_000),
        ("푸틴 대통령은 " + '"' * 3 + "말했다" + '"' * 7) * 500,
    ],
    ids=[
        "empty",
        "blank",
        "5001 double marks",
        "5001 single marks",
        "3000 pairs",
        "2000 brackets",
        "100k-char line",
        "10k-char quote",
        "control chars",
        "odd marks repeated",
    ],
)
def test_adversarial_pages_extract_without_error(text: str) -> None:
    _check(text)


def test_a_quote_longer_than_the_longest_span_is_not_taken() -> None:
    text = '그는 "' + "가나다 " * 2000 + '"고 말했다.'
    assert extract(RawDocument(source="long", text=text)).quotes == ()
