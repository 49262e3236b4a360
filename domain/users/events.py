from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.ids import UserId
from domain.sessions.events import EndsUserSessions


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRegistered(DomainEvent):
    name: ClassVar[str] = "user_registered"
    user_id: UserId
    email: str
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDeactivated(EndsUserSessions):
    name: ClassVar[str] = "user_deactivated"


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordChanged(EndsUserSessions):
    """The owner changed their password; every session but ``keep_session`` ends."""

    name: ClassVar[str] = "password_changed"
