"""Bulk statements: inserts that hand back the new rows' ids, and IN lists cut to a size any backend binds.

`insert_ids` returns the new rows' ids in the order the rows were given.
SQLAlchemy's ordered ``INSERT … RETURNING`` (``sort_by_parameter_order``) is one
statement per row on SQLite, which cost the write path more than the rows did.
So on SQLite the ids are chosen here: the table's largest id plus one, two, …
(what SQLite itself would pick for an ``INTEGER PRIMARY KEY``), and the rows go
out in one ``executemany``.  That is safe inside a transaction: a SQLite
transaction that writes either already holds the database's only write lock, or
its first write fails because another writer committed since it started reading
(and the caller retries the whole transaction).  PostgreSQL takes the ids from
the table's sequence in one batched ``INSERT … RETURNING`` whose order
SQLAlchemy guarantees.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

IN_LIMIT = 2000
"""Most values bound in one IN list (SQLite allows 32,766 parameters, PostgreSQL 65,535)."""

_T = TypeVar("_T")


def insert_ids(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert `rows` into `table` (integer primary key ``id``); returns their ids in order."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        start = _last_id(session, table)
        ids = list(range(start + 1, start + 1 + len(rows)))
        session.execute(table.insert(), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    result = session.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), list(rows))
    return list(result.scalars())


def _last_id(session: Session, table: Table) -> int:
    """SQLite: the largest id in the table, or ever given in it when the table is AUTOINCREMENT."""
    largest = select(func.max(table.c.id)).scalar_subquery()
    if table.dialect_options["sqlite"].get("autoincrement"):
        seq = text("SELECT seq FROM sqlite_sequence WHERE name = :name").bindparams(name=table.name)
        return max(session.execute(seq).scalar() or 0, session.execute(select(largest)).scalar() or 0)
    return session.execute(select(largest)).scalar() or 0


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ids: Sequence[int | None] | None = None,
) -> list[int]:
    """`insert_ids` for rows given as tuples of `columns` values; returns their ids in order.

    `ids` gives a row the id it must have (None: a new one), for rows that keep an
    identity already handed out; such ids must not be in the table.

    On SQLite the values go through each column type's bind processing once, here, and the
    rows straight to the driver: for the write path's largest inserts (tens of thousands of
    quotes a batch) SQLAlchemy's per-row parameter handling cost more than SQLite's insert.
    Only for tables whose `columns` have no Python-side defaults (none would be applied).
    """
    if not rows:
        return []
    if ids is not None and len(ids) != len(rows):
        raise ValueError(f"{len(ids)} ids for {len(rows)} rows")
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return _insert_rows_returning(session, table, columns, rows, ids)
    dialect = bind.dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    fresh = iter(range(_last_id(session, table) + 1, 2**63))
    chosen = [next(fresh) if i is None else i for i in (ids or [None] * len(rows))]
    active = [(n + 1, p) for n, p in enumerate(processors) if p is not None]  # after the id
    params: list[tuple[Any, ...]] = []
    for i, row in zip(chosen, rows, strict=True):
        if len(row) != len(columns):
            raise ValueError(f"a row of {len(row)} values for {len(columns)} columns")
        values = [i, *row]
        for n, process in active:  # most columns need none (SQLite: dates do)
            values[n] = process(values[n])
        params.append(tuple(values))
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in ("id", *columns))
    marks = ", ".join("?" * (len(columns) + 1))
    session.connection().exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", params)
    return chosen


def _insert_rows_returning(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    ids: Sequence[int | None] | None,
) -> list[int]:
    """PostgreSQL: rows with a given id inserted as such, the others numbered by the sequence."""
    given = [n for n, i in enumerate(ids or ()) if i is not None]
    if given:
        assert ids is not None
        session.execute(
            table.insert(), [{"id": ids[n], **dict(zip(columns, rows[n], strict=True))} for n in given]
        )
    out: list[int] = [i if i is not None else 0 for i in (ids or [None] * len(rows))]
    fresh = [n for n, i in enumerate(ids or [None] * len(rows)) if i is None]
    made = insert_ids(session, table, [dict(zip(columns, rows[n], strict=True)) for n in fresh])
    for n, i in zip(fresh, made, strict=True):
        out[n] = i
    return out


def chunks(items: Sequence[_T], size: int = IN_LIMIT) -> Iterator[Sequence[_T]]:
    """`items` in consecutive slices of at most `size`."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def select_in(session: Session, stmt: Any, column: Any, values: Sequence[object]) -> list[Any]:
    """The rows of `stmt` restricted to `column IN values`, one query per `IN_LIMIT` values."""
    out: list[Any] = []
    for chunk in chunks(values):
        out.extend(session.execute(stmt.where(column.in_(chunk))).all())
    return out
