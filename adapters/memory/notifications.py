"""The inbox in memory: reads copy from the store; additions and read marks wait for commit."""

import copy
from collections.abc import Sequence
from datetime import datetime

from adapters.memory.store import MemoryStore
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.notifications import NotificationRepository
from domain.ids import NotificationId, UserId
from domain.notifications.notification import Notification


class MemoryNotificationRepository(NotificationRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[Notification] = []
        self.marks: list[tuple[UserId, frozenset[NotificationId] | None, datetime]] = []

    def _add(self, notification: Notification) -> None:
        self.added.append(notification)

    async def _get(self, notification_id: NotificationId) -> Notification | None:
        return copy.deepcopy(self._store.notifications.get(notification_id))

    async def _list_for(self, recipient_id: UserId, page: PageRequest) -> Page[Notification]:
        mine = [n for n in self._store.notifications.values() if n.recipient_id == recipient_id]
        mine.sort(key=_position, reverse=True)
        start = page.skip
        if page.after is not None:
            after = page.after
            start = next((i for i, n in enumerate(mine) if _position(n) < after), len(mine))
        chosen = copy.deepcopy(mine[start : start + page.limit + 1])
        return keyset_page(chosen, len(mine), page, _position)

    async def unread_count(self, recipient_id: UserId) -> int:
        return sum(
            1
            for n in self._store.notifications.values()
            if n.recipient_id == recipient_id and n.read_at is None
        )

    async def mark_read(
        self, recipient_id: UserId, ids: Sequence[NotificationId] | None, *, now: datetime
    ) -> None:
        self.marks.append((recipient_id, None if ids is None else frozenset(ids), now))

    def write_to(self, store: MemoryStore) -> None:
        """Apply the staged changes; the unit of work calls it under the store's lock."""
        for notification in self.added:
            store.notifications[notification.id] = copy.deepcopy(notification)
        for recipient_id, ids, now in self.marks:
            for stored in store.notifications.values():
                chosen = ids is None or stored.id in ids
                if chosen and stored.recipient_id == recipient_id:
                    stored.mark_read(now=now)


def _position(notification: Notification) -> Position:
    return Position(notification.created_at, notification.id)
