"""Roles and the actor: who is asking, as far as the domain's policies care."""

from dataclasses import dataclass
from enum import StrEnum

from domain.ids import UserId


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """The authenticated caller of a use case."""

    id: UserId
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def may_see_private_fields_of(self, user_id: UserId) -> bool:
        return self.is_admin or self.id == user_id
