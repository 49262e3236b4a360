"""Events of the notifications capability. Each goes through the outbox like every event."""

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from domain.events import DomainEvent
from domain.ids import UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationCreated(DomainEvent):
    """A notification landed in ``recipient_id``'s inbox (live clients are told of it)."""

    name: ClassVar[str] = "notification_created"
    notification_id: UUID
    recipient_id: UserId
    kind: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailQueued(DomainEvent):
    """An administrator queued an e-mail to ``email``; the outbox relay sends it."""

    name: ClassVar[str] = "email_queued"
    notification_id: UUID
    email: str
    subject: str
    message: str
