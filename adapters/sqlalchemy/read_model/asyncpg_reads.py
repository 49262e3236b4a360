"""asyncpg's side of the driver reads (ADR 021): a statement is an asyncpg prepared
statement, its records read as they come (run only when its columns need no result
processing on asyncpg, so the records hold the very values SQLAlchemy would hand back)."""

from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import Dialect, Select

from adapters.sqlalchemy.errors import database_failure
from adapters.sqlalchemy.read_model.driver_statements import Compiled, positional


class AsyncpgDriver:
    name = "asyncpg"
    lost_connections_share_a_fate = True  # the server may have dropped them all
    reads_leave_no_transaction = False  # the pool's rollback costs nothing here anyway

    def compile(self, statement: Select[Any], dialect: Dialect) -> Compiled | None:
        found = positional(statement, dialect)
        if found is None:
            return None
        compiled, sql, parameters = found
        for column in compiled._result_columns:
            if column.type.result_processor(dialect, None) is not None:
                return None
        return Compiled(sql, parameters)

    async def fetch(self, connection: Any, compiled: Compiled, arguments: list[Any]) -> Any:
        return await connection.fetch(compiled.sql, *arguments)

    def failure(self, error: Exception, connection: Any) -> Exception | None:
        if isinstance(error, asyncpg.PostgresError) and not connection.is_closed():
            return database_failure(error)  # cancelled by its timeout, too many clients...
        return None  # the connection is lost
