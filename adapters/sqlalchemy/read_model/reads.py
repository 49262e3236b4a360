"""Where the read model's statements run."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession


class Reads:
    """The connection of the unit of work's session, for Core statements (no ORM execution
    machinery: views are rows, never tracked entities); ``dialect`` names its database."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self.dialect = session.get_bind().dialect.name

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection]:
        yield await self._session.connection()
