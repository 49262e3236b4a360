"""The database's readiness: reachable, and migrated to the revision this code expects."""

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.sqlalchemy.errors import is_unavailable
from adapters.sqlalchemy.migrate import head_revision
from application.ports.health import ReadinessProbe

UPGRADE_HINT = "run `folio db upgrade`"


async def current_revision(connection: AsyncConnection) -> str | None:
    """The Alembic revision the database is at; None when it was never migrated."""
    try:
        found = await connection.execute(text("SELECT version_num FROM alembic_version"))
        return found.scalar_one_or_none()
    except SQLAlchemyError as error:
        if is_unavailable(error):
            raise
        return None  # no alembic_version table


def revision_problem(current: str | None, head: str) -> str | None:
    """Why a database at ``current`` cannot be served by code expecting ``head``, if it can't."""
    if current == head:
        return None
    if current is None:
        return f"the database is not migrated; {UPGRADE_HINT}"
    return f"the database is at revision {current}, not the latest {head}; {UPGRADE_HINT}"


class DatabaseProbe(ReadinessProbe):
    """Connects through the engine's pool and compares the stored revision with the head."""

    name = "database"

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def problem(self) -> str | None:
        try:
            async with self._engine.connect() as connection:
                current = await current_revision(connection)
        except (SQLAlchemyError, OSError) as error:
            if is_unavailable(error):
                return f"unreachable ({_reason(error)})"
            raise
        return revision_problem(current, head_revision())


def _reason(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error.__cause__ or error
    return type(cause).__name__
