"""Alembic environment for quotetrack.

Run two ways:
- from the app (`quotetrack db upgrade`, or automatically for SQLite):
  `quotetrack.db.migrate` passes its open connection in
  ``config.attributes["connection"]`` and this file reuses it;
- from the `alembic` command in a source checkout: the URL comes from
  quotetrack's own configuration (``QUOTETRACK_DB`` or the default SQLite file),
  or from ``alembic -x db=URL``.
"""

from __future__ import annotations

from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection

from quotetrack.config import load_settings
from quotetrack.db.engine import foreign_keys_off, make_engine, parse_url
from quotetrack.db.schema import UNMODELLED_NAMES, Base, JSONValue, UTCDateTime

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write quotetrack's column types as plain SQLAlchemy types, so migrations never import the app."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, JSONValue):
        return "sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')"
    return False


def _include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Leave out the backend-specific search objects the models do not describe (schema.UNMODELLED_NAMES)."""
    return name not in UNMODELLED_NAMES


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        include_name=_include_name,
    )


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("db") or load_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=parse_url(_url()),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=parse_url(_url()).get_backend_name() == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection, foreign_keys_off(connection):
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
