"""The inbox's repository: one user's notifications, newest first."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from application.pagination import Page, PageRequest
from domain.ids import NotificationId, UserId
from domain.notifications.notification import Notification


class NotificationRepository(ABC):
    def __init__(self) -> None:
        self.seen: dict[NotificationId, Notification] = {}

    def add(self, notification: Notification) -> None:
        """Stage a new notification; it is written (and its event) when the unit of work commits."""
        self._add(notification)
        self.seen[notification.id] = notification

    async def get(self, notification_id: NotificationId) -> Notification | None:
        found = await self._get(notification_id)
        return None if found is None else self.seen.setdefault(found.id, found)

    async def list_for(self, recipient_id: UserId, page: PageRequest) -> Page[Notification]:
        """The recipient's notifications, newest first, in a fixed number of queries."""
        found = await self._list_for(recipient_id, page)
        return replace(found, items=[self.seen.setdefault(n.id, n) for n in found.items])

    @abstractmethod
    def _add(self, notification: Notification) -> None: ...

    @abstractmethod
    async def _get(self, notification_id: NotificationId) -> Notification | None: ...

    @abstractmethod
    async def _list_for(self, recipient_id: UserId, page: PageRequest) -> Page[Notification]: ...

    @abstractmethod
    async def unread_count(self, recipient_id: UserId) -> int: ...

    @abstractmethod
    async def mark_read(
        self, recipient_id: UserId, ids: Sequence[NotificationId] | None, *, now: datetime
    ) -> None:
        """Mark the recipient's notifications among ``ids`` (all of them with None) read at
        ``now``, unless already read; others' notifications are left alone. Written with the
        unit of work's commit."""
