"""What the inbox's use cases tell."""

from dataclasses import dataclass
from datetime import datetime

from application.pagination import Page
from domain.ids import NotificationId
from domain.notifications.notification import Notification


@dataclass(frozen=True, slots=True)
class NotificationView:
    id: NotificationId
    kind: str
    message: str
    created_at: datetime
    read_at: datetime | None

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def of(cls, notification: Notification) -> "NotificationView":
        return cls(
            id=notification.id,
            kind=notification.kind,
            message=notification.message,
            created_at=notification.created_at,
            read_at=notification.read_at,
        )


@dataclass(frozen=True, slots=True)
class Inbox:
    """A page of the inbox, and how many of all the user's notifications are unread."""

    page: Page[NotificationView]
    unread: int
