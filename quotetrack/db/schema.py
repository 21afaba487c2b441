"""The relational model: outlets, articles, speakers, speaker aliases and quotes.

Changes go through alembic only (``alembic revision --autogenerate``, then a
hand check); ``tests/test_migrations.py`` fails when this module and the
migrations drift apart.  Column types are backend-neutral so SQLite and
PostgreSQL hold the same schema, and the naming convention gives every
constraint and index the same name on both (batch migrations on SQLite need
names to find them).

Design choices worth knowing before changing anything:

- ``articles.key`` is the identity used for deduplication: ``url:<url>`` when the
  article has a URL, else ``raw:<hash of the normalised raw text>`` (``sha256:<hash
  of the normalised clean title and body>`` for articles stored before the raw text
  was kept; store.py adopts those on their next ingest).  One
  unique column keeps "same article" a single database-enforced rule, so two
  concurrent ingests cannot both insert it.
- Speakers are NOT unique by name: two people can share one (김 위원장).
  ``name_key`` is only an index for lookup; resolution policy lives in speakers/resolve.py.
- Quotes keep the speaker and role exactly as printed, so re-resolving speakers
  later (merges, renames) never loses what the article said.
- Times are stored in UTC; `UTCDateTime` returns aware datetimes on every backend.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from quotetrack.types import ATTRIBUTIONS, QUOTE_KINDS, SPEAKER_KINDS

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NAME_LEN = 200
"""Longest speaker, alias or outlet name kept as a name; anything longer is an extraction
slip, so the store keeps it only as printed text (unbounded Text columns never differ
between SQLite, which ignores lengths, and PostgreSQL, which enforces them)."""
URL_LEN = 2048
KEY_LEN = 2100


def storable_id(value: int) -> bool:
    """Whether `value` can be a row id: ids are 64-bit integers, and a larger one overflows the driver."""
    return 0 < value < 2**63


"""Room for ``url:`` plus the longest URL kept."""


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC; naive values are refused.

    PostgreSQL keeps ``timestamptz`` natively; SQLite has no time zones, so the
    value is stored as naive UTC and made aware again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: quotetrack stores timezone-aware times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


DATE_BASES = ("said", "published")


class JSONValue(TypeDecorator[Any]):
    """JSON that stores Python None as SQL NULL, and is ``jsonb`` on PostgreSQL.

    SQLAlchemy's plain JSON writes None as the JSON text ``'null'``, which SQL clients cannot tell
    from a value (``WHERE extra IS NULL`` missed it); ``jsonb`` is what PostgreSQL users index and
    query with ``->>`` and ``@>``.  The PostgreSQL type is chosen when a dialect asks, so SQLite
    users never import the PostgreSQL dialect (~25 ms at every start, BENCHMARKS.md).
    """

    impl = JSON(none_as_null=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB(none_as_null=True))
        return dialect.type_descriptor(JSON(none_as_null=True))


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Outlet(Base):
    """A news organisation (뉴스핌, 연합뉴스) as printed, with a key that ignores spacing and case."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LEN))
    name_key: Mapped[str] = mapped_column(String(NAME_LEN), unique=True)

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    """One stored article with the clean body its quotes' offsets point into."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint("deck_end >= 0", name="deck_end_not_negative"),
        Index(None, "published"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LEN), unique=True)
    """Deduplication identity: ``url:<url>`` or ``sha256:<text hash>`` (see module docstring)."""
    url: Mapped[str | None] = mapped_column(String(URL_LEN))
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    """SHA-256 of the normalised title and body: tells an unchanged re-ingest from an update."""
    source: Mapped[str] = mapped_column(Text)
    """Where the article was read from (path, URL or ``<stdin>``) the last time it was stored."""
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None]
    """When it was published, in UTC; a day without a time is stored as that day's midnight in Korea
    (so it reads as the evening before in UTC): `published_date` is the day to query."""
    published_has_time: Mapped[bool] = mapped_column(default=False)
    published_date: Mapped[date | None] = mapped_column(Date, index=True)
    """The day the article was published, as the page gave it (Korea time), so every SQL client
    sees the day the CLI shows (2024-12-20, not 2024-12-19 15:00 UTC)."""
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"), index=True)
    byline: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    deck_end: Mapped[int] = mapped_column(Integer, default=0)
    extractor_version: Mapped[str] = mapped_column(String(50))
    raw_text: Mapped[str | None] = mapped_column(Text)
    """The text the extractor was given (page text, an HTML page's main text, a record's body),
    kept so `quotetrack reprocess` can re-extract it; NULL for articles stored before it was kept."""
    raw_format: Mapped[str | None] = mapped_column(String(10))
    """`RawDocument.fmt` of `raw_text`: text, html or record."""
    raw_meta: Mapped[dict[str, str] | None] = mapped_column(JSONValue)
    """`RawDocument.meta`: fields a structured source gave (title, published, outlet, author, url)."""
    raw_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    """SHA-256 of the normalised raw text (and given title): the identity of an article without a
    URL (``raw:<hash>`` key) and how a re-ingest knows, before extracting, that nothing changed.
    Unlike `text_hash` it does not depend on the extractor, so a new extractor makes no duplicates."""
    extra: Mapped[dict[str, object] | None] = mapped_column(JSONValue)
    """Fields of a JSON Lines or CSV record that quotetrack has no column for, kept as given."""
    ingested_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]
    """When a changed version (or a newer extraction) last replaced the stored one."""

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Quote.position",
    )


class Speaker(Base):
    """A person, organisation or anonymous source that quotes are attributed to."""

    __tablename__ = "speakers"
    __table_args__ = (
        CheckConstraint(_in("kind", SPEAKER_KINDS), name="kind"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    """Never given to another speaker (exports group by it), even after this one is dropped or merged."""
    name: Mapped[str] = mapped_column(String(NAME_LEN))
    """Canonical (fullest known) name."""
    name_key: Mapped[str] = mapped_column(String(NAME_LEN), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True, default=None
    )
    """Set for a speaker known only within one article (an anonymous source, a surname or title
    alone, a name several people share): never matched from another article (speakers/resolve.py)."""
    curated: Mapped[bool] = mapped_column(default=False, server_default=false())
    """Named, merged, aliased or imported by a person: kept even when no quote uses it any more."""

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )
    quotes: Mapped[list[Quote]] = relationship(back_populates="speaker")
    roles: Mapped[list[SpeakerRole]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )


class SpeakerWord(Base):
    """A word of a speaker's several-word name or alias that may be a family name alone (푸틴, 기시다).

    An index for matching 푸틴 대통령 to 블라디미르 푸틴 without scanning every name.
    """

    __tablename__ = "speaker_words"

    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    word_key: Mapped[str] = mapped_column(String(NAME_LEN), primary_key=True, index=True)


class SpeakerRole(Base):
    """One role a speaker was printed with, and the first and last day it was seen (role history).

    Kept in step with the quotes by speakers/resolve.py; ``role_key`` ignores spacing, headline
    abbreviations and synonyms (일 외무상 = 일본 외상), ``role`` is the first spelling seen.
    """

    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "role_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(NAME_LEN))
    role_key: Mapped[str] = mapped_column(String(NAME_LEN))
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)
    """Days the role was seen: the day a quote was said, else the article's publication day (KST)."""
    quotes: Mapped[int] = mapped_column(Integer)

    speaker: Mapped[Speaker] = relationship(back_populates="roles")


class SpeakerCorrection(Base):
    """A curator's decision about who said something, re-applied whenever an article's quotes are rewritten.

    Keyed by the article (its id, and its key for when the row was re-created) and either a
    printed speaker name (``mention_key``: every quote of that mention in the article) or one
    quote (``quote_field`` + ``quote_text``, matched again by text after re-extraction).
    """

    __tablename__ = "speaker_corrections"
    __table_args__ = (
        CheckConstraint("mention_key IS NOT NULL OR quote_text IS NOT NULL", name="target"),
        CheckConstraint(_in("quote_field", ("title", "body")), name="quote_field"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    article_key: Mapped[str] = mapped_column(String(KEY_LEN), index=True)
    mention_key: Mapped[str | None] = mapped_column(String(NAME_LEN))
    quote_field: Mapped[str | None] = mapped_column(String(10))
    quote_text: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    """For a reassigned quote: the role to show with it (the printed one described someone else)."""
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]


class SpeakerAlias(Base):
    """Another way a speaker's name is written (푸틴, Vladimir Putin); keyed for lookup."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(NAME_LEN))
    alias_key: Mapped[str] = mapped_column(String(NAME_LEN), index=True)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Quote(Base):
    """One attributed statement, with character offsets into its article's title or body."""

    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint(_in("kind", QUOTE_KINDS), name="kind"),
        CheckConstraint(_in("speaker_kind", SPEAKER_KINDS), name="speaker_kind"),
        CheckConstraint(_in("field", ("title", "body")), name="field"),
        CheckConstraint(f"attribution IS NULL OR {_in('attribution', ATTRIBUTIONS)}", name="attribution"),
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
        CheckConstraint(f"date_basis IS NULL OR {_in('date_basis', DATE_BASES)}", name="date_basis"),
        Index(None, "speaker_id", "said_on"),
        Index(None, "said_on"),
        Index(None, "speaker_id", "effective_date"),
        Index(None, "effective_date"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    """Stable: kept while the same words of the same article are stored (re-extraction matches
    old quotes to new, speakers/resolve.py), never given to another quote (SQLite AUTOINCREMENT,
    PostgreSQL's sequence); a quote re-extraction removed is listed in `retired_quotes`."""
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    """Order of the quote in the article as the extractor returned it."""
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    speaker_text: Mapped[str | None] = mapped_column(Text)
    """The speaker as the article printed it (the extractor's fullest name)."""
    speaker_role: Mapped[str | None] = mapped_column(Text)
    """The role printed with this quote (크렘린궁 대변인), which may differ between articles."""
    speaker_kind: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    verb: Mapped[str | None] = mapped_column(Text)
    said_on: Mapped[date | None] = mapped_column(Date)
    effective_date: Mapped[date | None] = mapped_column(Date)
    """The quote's day on the time axis: `said_on`, else the article's `published_date` (what
    --since/--until, timelines and stats use, so a quote with no day said is not left out)."""
    date_basis: Mapped[str | None] = mapped_column(String(10))
    """What `effective_date` rests on: ``said`` or ``published``; NULL when there is neither."""
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(10))
    attribution: Mapped[str | None] = mapped_column(String(20))
    """How the extractor found the speaker (types.ATTRIBUTIONS: explicit, resolved, pronoun, carried,
    tag, interview, headline, relay); NULL when it found none, or for a quote stored before
    migration 0006 (until `quotetrack reprocess`)."""
    relayed_by: Mapped[str | None] = mapped_column(Text)
    """The medium that carried the words second-hand (…라고 타스통신이 전했다 → 타스통신)."""

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship(back_populates="quotes")


class RetiredQuote(Base):
    """A quote id that re-extraction removed (its words are no longer found in the article), and the
    quote of the same article that took its place, if one did: what `quotetrack show` says for it.

    Ids are promises (an analyst's notes cite them), so a removed one is explained, not unknown."""

    __tablename__ = "retired_quotes"

    quote_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(Text)
    """The words the quote held, so the message can say what went."""
    replaced_by: Mapped[int | None] = mapped_column(Integer)
    """The new quote of the article over the same span (same field, overlapping offsets), if any; no
    foreign key: that quote may be retired in turn, and the chain is followed when shown."""
    retired_at: Mapped[datetime]


# --- claims (issue 6): near-duplicate statements of one speaker, kept up to date by db/claims.py ---

UNMODELLED_NAMES = frozenset(
    {
        # SQLite: the contentless FTS5 bigram index of quote texts, its shadow tables, its work queue
        "quote_fts",
        "quote_fts_data",
        "quote_fts_idx",
        "quote_fts_docsize",
        "quote_fts_config",
        "quote_fts_queue",
        # PostgreSQL: text-search indexes on quotes.text (pg_trgm GIN, bigram GIN for two-letter
        # terms, letter GIN for one-letter terms)
        "ix_quotes_text_trgm",
        "ix_quotes_text_bigrams",
        "ix_quotes_text_chars",
    }
)
"""Backend-specific search objects made by migrations 0003 and 0010 (see db/fts.py) that the models
do not describe; alembic's autogenerate skips them (alembic/env.py)."""


class Claim(Base):
    """One statement of one speaker, however many outlets and days reported it."""

    __tablename__ = "claims"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    """Kept while the claim holds a quote; a re-extracted quote that opens a claim again takes back
    the one it left if nothing else joined it meanwhile (db/claims.py); never given to another claim."""
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]


class ClaimQuote(Base):
    """A quote's claim: each quote with a speaker belongs to exactly one claim of that speaker."""

    __tablename__ = "claim_quotes"

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int] = mapped_column(Integer)
    """The quote's speaker when it was assigned; differs from quotes.speaker_id after a reassignment,
    which marks the membership for re-assignment."""


class ClaimKey(Base):
    """A lookup key of a quote's bigram sketch (analysis/claims.py), to find near-duplicates fast."""

    __tablename__ = "claim_keys"
    __table_args__ = (Index(None, "quote_id"),)

    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


# --- readings and headline links (issue 15): stance and topic of each quote, kept by db/readings.py ---

STANCE_VALUES = ("affirm", "deny", "neutral")


class QuoteReading(Base):
    """A quote's stance, the words that decided it and its content words (analysis/reading.py).

    Read with the Korean morphology model when the quote is stored, so the commands comparing
    statements never load it; ``reader`` is the rules' version (a reading by older rules is redone).
    """

    __tablename__ = "quote_readings"
    __table_args__ = (CheckConstraint(_in("stance", STANCE_VALUES), name="stance"),)

    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    reader: Mapped[int] = mapped_column(Integer)
    stance: Mapped[str] = mapped_column(String(10))
    cues: Mapped[list[str]] = mapped_column(JSONValue)
    topic: Mapped[str] = mapped_column(Text)
    """Content lemmas separated by spaces, then `` | `` and modifier>head pairs (db/readings.py)."""


class HeadlineLink(Base):
    """A headline quote (or one part of it, split at …) and the body quote of its article it
    condenses, with how the headline changes what the body quote says (analysis/fidelity.py)."""

    __tablename__ = "headline_links"
    __table_args__ = (CheckConstraint("segment_end > segment_start", name="segment"),)

    headline_quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    segment_start: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    """Offsets of the part into the headline quote's text."""
    segment_end: Mapped[int] = mapped_column(Integer)
    body_quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    overlap: Mapped[float] = mapped_column(Float)
    flags: Mapped[list[dict[str, str]]] = mapped_column(JSONValue)
    """What the headline changes: [{"kind": "negation" | "number" | "hedge" | "subject",
    "change": "dropped" | "added" | "changed", "headline": …, "body": …}]; empty when faithful."""


# --- the tables behind the models ------------------------------------------------------------
# SQLAlchemy Core statements (bulk writes, quick reads) are written on these and their `.c`
# columns: a statement naming an ORM attribute makes SQLAlchemy configure every mapper first
# (~10 ms) and compile through the ORM, which a plain insert or a `search` does not need.
OUTLETS = cast(Table, Outlet.__table__)
ARTICLES = cast(Table, Article.__table__)
SPEAKERS = cast(Table, Speaker.__table__)
SPEAKER_WORDS = cast(Table, SpeakerWord.__table__)
SPEAKER_ROLES = cast(Table, SpeakerRole.__table__)
SPEAKER_CORRECTIONS = cast(Table, SpeakerCorrection.__table__)
SPEAKER_ALIASES = cast(Table, SpeakerAlias.__table__)
QUOTES = cast(Table, Quote.__table__)
CLAIMS = cast(Table, Claim.__table__)
CLAIM_QUOTES = cast(Table, ClaimQuote.__table__)
QUOTE_READINGS = cast(Table, QuoteReading.__table__)
HEADLINE_LINKS = cast(Table, HeadlineLink.__table__)
RETIRED_QUOTES = cast(Table, RetiredQuote.__table__)


# --- comments for SQL clients (PostgreSQL keeps them: psql's \d+ explains each table) ---------------

COLUMN_COMMENTS: dict[tuple[str, str], str] = {
    ("articles", "key"): "Identity for deduplication: url:<normalised URL>, else raw:<hash of the raw text>",
    ("articles", "published"): "Publication time in UTC; for a day without time, midnight in Korea",
    ("articles", "published_has_time"): "Whether the page gave a time of day",
    ("articles", "published_date"): "The day the article was published, as the page gave it (Korea time)",
    ("articles", "body"): "Clean article text; quotes' offsets with field = 'body' point into it",
    ("articles", "deck_end"): "Offset in body where the deck (subheadline lines atop it) ends; 0: none",
    ("articles", "raw_text"): "The text the extractor was given, kept so reprocess can re-extract it",
    ("articles", "extra"): "Fields of a JSON Lines or CSV record with no column of their own",
    ("quotes", "id"): "Stable: kept while these words of this article are stored; never reused",
    ("quotes", "position"): "Order of the quote in its article as the extractor returned it",
    ("quotes", "speaker_id"): "The resolved speaker: group by this, not by name (names are shared)",
    ("quotes", "speaker_text"): "The speaker as the article printed it",
    ("quotes", "speaker_role"): "The role printed with this quote",
    ("quotes", "said_on"): "The day the quote was said, when the article says it",
    ("quotes", "effective_date"): "said_on, else the article's published_date: the day on the time axis",
    ("quotes", "date_basis"): "What effective_date rests on: said or published; NULL with neither",
    ("quotes", "field"): "Which text start_offset and end_offset point into: the article's title or body",
    ("quotes", "start_offset"): "Offset of the quote's first character in the title or body (field)",
    ("quotes", "end_offset"): "Offset just after the quote's last character in the title or body",
    ("quotes", "attribution"): "How the speaker was found (explicit, resolved, pronoun, carried, ...)",
    ("speakers", "article_id"): "Set for a speaker known only within that article",
    ("claim_quotes", "speaker_id"): "The quote's speaker when assigned (differs after a reassignment)",
    ("retired_quotes", "replaced_by"): "The quote of the article over the same span that took its place",
}
"""Comments on the columns whose meaning is not in their name (what \\d+ showed nothing for)."""


def _first_paragraph(doc: str | None) -> str | None:
    return " ".join(doc.split("\n\n")[0].split()) if doc else None


for _mapper in Base.registry.mappers:
    _table = cast(Table, _mapper.local_table)
    _table.comment = _first_paragraph(_mapper.class_.__doc__)
for (_name, _column), _text in COLUMN_COMMENTS.items():
    Base.metadata.tables[_name].c[_column].comment = _text
