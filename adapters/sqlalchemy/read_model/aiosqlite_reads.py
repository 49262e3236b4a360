"""aiosqlite's side of the driver reads (ADR 023): a statement goes to aiosqlite's thread in
one hand-off (``execute_fetchall``: execute and fetch there, where Core's cursor takes four
plus the rollback at checkin), and its tuples get SQLAlchemy's own result processing, taken
once per statement from the compiled statement's columns (the dialect's processors, those
Core applies: timestamps, UUIDs, booleans parsed from SQLite's values), so each row holds
the very values Core's ``RowMapping`` would."""

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Dialect, Select

from adapters.sqlalchemy.errors import database_failure
from adapters.sqlalchemy.read_model.driver_statements import Compiled, positional

Processor = Callable[[Any], Any]


def _rows(names: tuple[str, ...], processed: tuple[tuple[str, Processor], ...]) -> Any:
    """A function from sqlite3's tuples to dictionaries by column name, each value processed
    as Core would process it."""

    def rows(found: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
        made = []
        for values in found:
            row = dict(zip(names, values, strict=True))
            for name, process in processed:
                row[name] = process(row[name])
            made.append(row)
        return made

    return rows


class AiosqliteDriver:
    name = "aiosqlite"
    lost_connections_share_a_fate = False  # a file has no server to drop them all
    # sqlite3 (its default transaction handling, engine.py) begins no transaction for a read.
    reads_leave_no_transaction = True

    def compile(self, statement: Select[Any], dialect: Dialect) -> Compiled | None:
        found = positional(statement, dialect)
        if found is None:
            return None
        compiled, sql, parameters = found
        columns = compiled._result_columns
        names = tuple(column.keyname for column in columns)
        if len(set(names)) != len(names):  # Core would refuse a read of an ambiguous name
            return None
        processed = []
        for column in columns:
            # What Core's result applies (sqlite3 describes no column types: None).
            process = column.type._cached_result_processor(dialect, None)
            if process is not None:
                processed.append((column.keyname, process))
        return Compiled(sql, parameters, _rows(names, tuple(processed)))

    async def fetch(self, connection: Any, compiled: Compiled, arguments: list[Any]) -> Any:
        return await connection.execute_fetchall(compiled.sql, arguments)

    def failure(self, error: Exception, connection: Any) -> Exception | None:
        if not isinstance(error, sqlite3.Error) or _closed(error):
            return None  # aiosqlite's thread or the database connection is gone
        return database_failure(error)  # busy or locked beyond the busy timeout: unavailable


def _closed(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.ProgrammingError) and "closed" in str(error)
