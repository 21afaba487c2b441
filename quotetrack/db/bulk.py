"""Bulk inserts that hand back the new rows' ids, in the order the rows were given.

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

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session


def insert_ids(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert `rows` into `table` (integer primary key ``id``); returns their ids in order."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        start = session.execute(select(func.max(table.c.id))).scalar() or 0
        ids = list(range(start + 1, start + 1 + len(rows)))
        session.execute(table.insert(), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    result = session.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), list(rows))
    return list(result.scalars())
