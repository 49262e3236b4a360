"""Roles and the actor: who is asking, as far as the domain's policies care."""

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID

from domain.ids import SessionId, UserId

OPERATOR_ID = UserId(UUID(int=0))


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """The authenticated caller of a use case. ``session_id`` names the session the caller
    authenticated through (None for callers outside any session, e.g. the CLI); it does not
    take part in equality, which is about who, not through what. ``email_verified`` tells
    whether the caller's current e-mail address is verified (policies may ask for it)."""

    id: UserId
    role: Role
    session_id: SessionId | None = field(default=None, compare=False)
    email_verified: bool = field(default=False, compare=False)

    @classmethod
    def operator(cls) -> "Actor":
        """Whoever runs the ``folio`` CLI on the host: an admin that is no user (its id is the
        nil UUID, never a user's)."""
        return cls(OPERATOR_ID, Role.ADMIN)

    @property
    def is_operator(self) -> bool:
        return self.id == OPERATOR_ID

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def may_see_private_fields_of(self, user_id: UserId) -> bool:
        return self.is_admin or self.id == user_id
