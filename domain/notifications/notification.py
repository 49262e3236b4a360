"""The inbox item: something a user is told about, read or not."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.events import Aggregate
from domain.ids import NotificationId, UserId
from domain.notifications.events import NotificationCreated
from domain.text import check_length


@dataclass(eq=False, kw_only=True)
class Notification(Aggregate):
    """One entry of a user's inbox. ``kind`` names what happened (``welcome``,
    ``post_deleted``...), ``message`` says it in words."""

    id: NotificationId
    recipient_id: UserId
    kind: str
    message: str
    created_at: datetime
    read_at: datetime | None = None

    KIND_MAX_LEN: ClassVar[int] = 40
    MESSAGE_MAX_LEN: ClassVar[int] = 1000

    @classmethod
    def create(
        cls,
        *,
        id: NotificationId,
        recipient_id: UserId,
        kind: str,
        message: str,
        now: datetime,
    ) -> "Notification":
        check_length("kind", kind, 1, cls.KIND_MAX_LEN)
        message = _shortened(message.strip(), cls.MESSAGE_MAX_LEN)
        check_length("message", message, 1, cls.MESSAGE_MAX_LEN)
        notification = cls(
            id=id, recipient_id=recipient_id, kind=kind, message=message, created_at=now
        )
        notification.record(
            NotificationCreated(
                occurred_at=now,
                notification_id=id,
                recipient_id=recipient_id,
                kind=kind,
                message=message,
            )
        )
        return notification

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def mark_read(self, *, now: datetime) -> None:
        if self.read_at is None:
            self.read_at = now


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
