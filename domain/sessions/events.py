from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.ids import SessionId, UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class EndsUserSessions(DomainEvent):
    """Base of the events after which a user's sessions must end (password change,
    deactivation, role change...): the unit of work ends every live session of ``user_id``
    but ``keep_session`` in the same transaction that records the event."""

    name: ClassVar[str] = "ends_user_sessions"
    user_id: UserId
    keep_session: SessionId | None = None
