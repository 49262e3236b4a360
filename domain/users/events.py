from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

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
class UserImported(DomainEvent):
    """An account brought over from another system (``folio users import``): no welcome."""

    name: ClassVar[str] = "user_imported"
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


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailVerified(DomainEvent):
    """The user proved that ``email`` reaches them."""

    name: ClassVar[str] = "email_verified"
    user_id: UserId
    email: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailChanged(DomainEvent):
    """The account moved from ``old_email`` to ``new_email`` (the old address is told);
    ``verified`` when the new address was proven before the move."""

    name: ClassVar[str] = "email_changed"
    user_id: UserId
    old_email: str
    new_email: str
    verified: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordResetRequested(DomainEvent):
    """Someone asked for a reset link for ``email``, which may belong to no account: what
    follows (a token, an e-mail) is decided on delivery, so the request costs the same
    either way. ``token_id`` names the token that delivery makes."""

    name: ClassVar[str] = "password_reset_requested"
    token_id: UUID
    email: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailVerificationRequested(DomainEvent):
    """A verification link for ``email`` is due to the user: their current address (again),
    or, with ``change`` true, an address the account moves to once it is proven."""

    name: ClassVar[str] = "email_verification_requested"
    user_id: UserId
    email: str
    change: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDeleted(DomainEvent):
    """The user deleted their account; nothing but the id is kept in the event."""

    name: ClassVar[str] = "user_deleted"
    user_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class UserReactivated(DomainEvent):
    name: ClassVar[str] = "user_reactivated"
    user_id: UserId


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleChanged(EndsUserSessions):
    """An admin gave the user another role; every session of theirs ends."""

    name: ClassVar[str] = "role_changed"
    role: str
