from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.ids import UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRegistered(DomainEvent):
    name: ClassVar[str] = "user_registered"
    user_id: UserId
    email: str
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDeactivated(DomainEvent):
    name: ClassVar[str] = "user_deactivated"
    user_id: UserId
