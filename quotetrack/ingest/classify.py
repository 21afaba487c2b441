"""Stage 2 of the cleaner: what kind of paragraph each one is (chrome, caption, metadata, …).

Each paragraph is judged alone, by its own text, so the answer is remembered:
menus, copyright lines, tip lines and wire paragraphs repeat across a batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from quotetrack.ingest import credits, noise
from quotetrack.ingest import metadata as md

Kind = Literal[
    "text",
    "tag",
    "chrome",
    "caption",
    "meta",
    "masthead",
    "copyright",
    "credit",
    "related",
    "footer",
    "signature",
]
"""What a paragraph is; "masthead" is a line shaped like an unknown outlet's name (``HCN 충북방송``)."""


@dataclass(frozen=True)
class Para:
    text: str
    kind: Kind
    meta: md.MetaLine | None = None
    outlet: str | None = None
    """Outlet named by this line (copyright, credit, masthead, edition, tip line, sign-off, a prompt
    to follow the site)."""
    byline: str | None = None
    """Reporter named by a sign-off."""


def _is_signature(text: str) -> bool:
    """An e-mail sign-off: ``koinwon@newspim.com``, ``김진철 기자 a@hani.co.kr``, ``[연예부 | a@b.kr]``."""
    if "@" not in text or len(text) > 100 or credits.EMAIL.search(text) is None:
        return False
    rest = credits.EMAIL.sub("", text)
    if (b := md.byline_in(rest)) is not None:
        rest = rest.replace(b.split()[0], "")
    return len(re.sub(r"[\W\d_]+", "", rest).replace("기자", "")) <= md.META_LEFTOVER_MAX


ISSUE_LINE_MAX = 40
"""An edition or issue citation standing as a line of its own is this short."""


@lru_cache(maxsize=4096)
def classify(text: str) -> Para:
    """What kind of paragraph this is (a pure function of its text, so remembered: every article of
    an outlet repeats its menus, copyright, tip line and sign-off lines, and wire copy repeats
    whole paragraphs across outlets).  4,096 paragraphs hold a few MB at most (memory stays flat)."""
    if noise.is_hashtags(text):
        return Para(text, "chrome")
    if noise.is_related_heading(text):
        return Para(text, "related")
    if len(text) <= 250:
        name, full = credits.copyright_outlet(text)
        if full:
            return Para(text, "copyright", outlet=name)
        if name and len(text) <= 40:
            return Para(text, "credit", outlet=credits.credit_outlet(text))
        if noise.is_footer(text):
            return Para(text, "footer", outlet=credits.imprint_outlet(text))
        if (tip := credits.tip_line_outlet(text)) is not None:
            return Para(text, "footer", outlet=tip)
        if _is_signature(text):
            line = md.metadata_line(text)  # 한빛뉴스 홍길동 기자 (hong@…): the outlet it names
            return Para(text, "signature", byline=md.byline_in(text), outlet=line.outlet if line else None)
        if (spoken := credits.spoken_signoff(text)) is not None:
            return Para(text, "signature", outlet=spoken[0], byline=spoken[1])
    if noise.is_caption(text):
        return Para(text, "caption", outlet=credits.archive_outlet(text))
    if (meta := md.metadata_line(text)) is not None:  # before chrome: a bare timestamp has no letters
        return Para(text, "meta", meta=meta, outlet=credits.edition_outlet(text))
    if (promo := credits.promo_outlet(text)) is not None:
        return Para(text, "chrome", outlet=promo)
    if noise.is_chrome(text):
        return Para(text, "chrome")
    if len(text) <= ISSUE_LINE_MAX and (issue := credits.edition_outlet(text)) is not None:
        return Para(text, "meta", outlet=issue)  # (주간한빛 제1234호) closing a magazine article
    if (mast := credits.masthead_outlet(text) or credits.provider_outlet(text)) is not None:
        return Para(text, "meta", outlet=mast)
    if (shaped := credits.shaped_masthead(text)) is not None:
        return Para(text, "masthead", outlet=shaped)
    if noise.is_broadcast_tag(text):
        return Para(text, "tag")
    return Para(text, "text")
