"""The inbox over one AsyncSession. Read marks are one UPDATE inside the transaction."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, tuple_, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import notifications
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.notifications import NotificationRepository
from domain.ids import NotificationId, UserId
from domain.notifications.notification import Notification


def notification_row(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.id,
        "recipient_id": notification.recipient_id,
        "kind": notification.kind,
        "message": notification.message,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
    }


def notification_from_row(row: RowMapping) -> Notification:
    return Notification(
        id=NotificationId(row["id"]),
        recipient_id=UserId(row["recipient_id"]),
        kind=row["kind"],
        message=row["message"],
        created_at=row["created_at"],
        read_at=row["read_at"],
    )


class SqlAlchemyNotificationRepository(NotificationRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: list[Notification] = []

    def _add(self, notification: Notification) -> None:
        self._added.append(notification)

    async def _get(self, notification_id: NotificationId) -> Notification | None:
        query = select(notifications).where(notifications.c.id == notification_id)
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        return None if row is None else notification_from_row(row)

    async def _list_for(self, recipient_id: UserId, page: PageRequest) -> Page[Notification]:
        mine = notifications.c.recipient_id == recipient_id
        query = (
            select(notifications)
            .where(mine)
            .order_by(notifications.c.created_at.desc(), notifications.c.id.desc())
            .offset(page.skip)
            .limit(page.limit + 1)
        )
        if page.after is not None:
            after = (page.after.key, page.after.id)
            query = query.where(tuple_(notifications.c.created_at, notifications.c.id) < after)
        with translated_errors():
            total = await self._session.scalar(select(func.count()).where(mine))
            rows = (await self._session.execute(query)).mappings().all()
        found = [notification_from_row(r) for r in rows]
        return keyset_page(found, total or 0, page, lambda n: Position(n.created_at, n.id))

    async def unread_count(self, recipient_id: UserId) -> int:
        query = select(func.count()).where(
            notifications.c.recipient_id == recipient_id, notifications.c.read_at.is_(None)
        )
        with translated_errors():
            return int(await self._session.scalar(query) or 0)

    async def mark_read(
        self, recipient_id: UserId, ids: Sequence[NotificationId] | None, *, now: datetime
    ) -> None:
        statement = update(notifications).where(
            notifications.c.recipient_id == recipient_id, notifications.c.read_at.is_(None)
        )
        if ids is not None:
            statement = statement.where(notifications.c.id.in_(list(ids)))
        with translated_errors():
            await self._session.execute(statement.values(read_at=now))

    async def save_changes(self) -> None:
        if self._added:
            rows = [notification_row(n) for n in self._added]
            await self._session.execute(insert(notifications), rows)

    def mark_saved(self) -> None:
        self._added.clear()
