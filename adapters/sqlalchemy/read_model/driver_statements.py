"""What the driver reads (driver_reads.py) share across drivers: a view statement compiled
once with positional parameters, and the shape of a driver."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Dialect, Select
from sqlalchemy.sql.compiler import SQLCompiler


@dataclass(frozen=True, slots=True)
class Compiled:
    """A statement as a driver takes it: its SQL (positional placeholders), in placeholder
    order each parameter's name, default and bind processing (None: the value as it is), and
    how the driver's rows become rows read by column name (None: they already are)."""

    sql: str
    parameters: tuple[tuple[str, Any, Any], ...]
    rows: Callable[[Sequence[Any]], Sequence[Any]] | None = None

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        found = []
        for name, default, process in self.parameters:
            value = values.get(name, default)
            found.append(value if process is None else process(value))
        return found


def positional(statement: Select[Any], dialect: Dialect) -> tuple[SQLCompiler, str, Any] | None:
    """``statement`` compiled for ``dialect`` with positional parameters: the compiled
    statement, its SQL and its parameters as ``Compiled`` takes them; None when its
    parameters are not all plain values bound once (an expanding IN list, say)."""
    compiled = statement.compile(dialect=dialect)
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return None
    if compiled.literal_execute_params or compiled.post_compile_params:
        return None
    processors = compiled._bind_processors
    parameters = tuple(
        (name, compiled.binds[name].value, processors.get(name)) for name in compiled.positiontup
    )
    return compiled, compiled.string, parameters


class Driver(Protocol):
    """What one driver brings to DriverReads."""

    name: str  # the dialect's driver name: "asyncpg", "aiosqlite"
    lost_connections_share_a_fate: bool  # a lost connection: are all older ones suspect?
    reads_leave_no_transaction: bool  # so the checkin's rollback can be skipped

    def compile(self, statement: Select[Any], dialect: Dialect) -> Compiled | None:
        """``statement`` as this driver sends it, or None when it must run through Core."""

    async def fetch(self, connection: Any, compiled: Compiled, arguments: list[Any]) -> Any:
        """The driver's rows for ``compiled`` with ``arguments``, in one round trip."""

    def failure(self, error: Exception, connection: Any) -> Exception | None:
        """What to raise for ``error`` raised by ``fetch``; None when the connection is
        lost (then LOST_MESSAGE's ServiceUnavailable is raised)."""
