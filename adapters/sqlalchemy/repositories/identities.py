"""Linked external identities over one AsyncSession."""

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import user_identities
from application.ports.identities import IdentityRepository
from domain.ids import UserId
from domain.users.identities import IdentityKey, LinkedIdentity


class SqlAlchemyIdentityRepository(IdentityRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._added: dict[IdentityKey, LinkedIdentity] = {}

    async def get(self, key: IdentityKey) -> LinkedIdentity | None:
        if key in self._added:
            return self._added[key]
        query = select(user_identities).where(
            user_identities.c.issuer == key.issuer, user_identities.c.subject == key.subject
        )
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        if row is None:
            return None
        return LinkedIdentity(key=key, user_id=UserId(row["user_id"]), linked_at=row["linked_at"])

    def add(self, link: LinkedIdentity) -> None:
        self._added[link.key] = link

    async def save_changes(self) -> None:
        """Insert the added links (after their users: the foreign key needs them)."""
        if self._added:
            rows = [
                {
                    "issuer": link.key.issuer,
                    "subject": link.key.subject,
                    "user_id": link.user_id,
                    "linked_at": link.linked_at,
                }
                for link in self._added.values()
            ]
            await self._session.execute(insert(user_identities), rows)

    def mark_saved(self) -> None:
        self._added.clear()
