"""The user aggregate."""

from dataclasses import dataclass
from datetime import datetime

from domain.events import Aggregate
from domain.ids import SessionId, UserId
from domain.roles import Actor, Role
from domain.users.events import (
    EmailChanged,
    EmailVerified,
    PasswordChanged,
    RoleChanged,
    UserDeactivated,
    UserDeleted,
    UserImported,
    UserReactivated,
    UserRegistered,
)
from domain.users.limits import PostingLimit
from domain.users.values import Age, Bio, DisplayName, Email, ImageUrl, Username


@dataclass(eq=False, kw_only=True)
class User(Aggregate):
    """A registered person. ``password_hash`` is opaque here and never leaves persistence."""

    id: UserId
    email: Email
    username: Username
    name: DisplayName
    password_hash: str
    created_at: datetime
    updated_at: datetime
    age: Age | None = None
    role: Role = Role.USER
    is_active: bool = True
    bio: Bio | None = None
    image: ImageUrl | None = None
    email_notifications: bool = True
    # When the current ``email`` was proven to reach the user (a verification link followed,
    # or a trusted provider's word); None while it is unverified.
    email_verified_at: datetime | None = None
    posting_limit: PostingLimit | None = None

    @classmethod
    def register(
        cls,
        *,
        id: UserId,
        email: Email,
        username: Username,
        name: DisplayName,
        password_hash: str,
        now: datetime,
        age: Age | None = None,
        role: Role = Role.USER,
        bio: Bio | None = None,
        image: ImageUrl | None = None,
    ) -> "User":
        user = cls(
            id=id,
            email=email,
            username=username,
            name=name,
            password_hash=password_hash,
            age=age,
            role=role,
            bio=bio,
            image=image,
            created_at=now,
            updated_at=now,
        )
        user.record(
            UserRegistered(occurred_at=now, user_id=id, email=email.value, username=username.value)
        )
        return user

    @classmethod
    def import_from_elsewhere(
        cls,
        *,
        id: UserId,
        email: Email,
        username: Username,
        name: DisplayName,
        password_hash: str,
        role: Role,
        is_active: bool,
        email_verified: bool,
        now: datetime,
    ) -> "User":
        """An account another system made, with the hash it stored, its e-mail verified if
        that system verified it: it records UserImported, not UserRegistered, so nobody is
        welcomed (or asked to verify) again."""
        user = cls(
            id=id,
            email=email,
            username=username,
            name=name,
            password_hash=password_hash,
            role=role,
            is_active=is_active,
            created_at=now,
            updated_at=now,
            email_verified_at=now if email_verified else None,
        )
        user.record(
            UserImported(occurred_at=now, user_id=id, email=email.value, username=username.value)
        )
        return user

    @property
    def is_active_admin(self) -> bool:
        return self.is_active and self.role == Role.ADMIN

    @property
    def actor(self) -> Actor:
        return Actor(id=self.id, role=self.role, email_verified=self.email_verified)

    @property
    def email_verified(self) -> bool:
        """Whether the current address is known to reach the user."""
        return self.email_verified_at is not None

    def verify_email(self, *, now: datetime) -> None:
        """The current address is proven to be the user's (idempotent)."""
        if self.email_verified_at is None:
            self.email_verified_at = now
            self.updated_at = now
            self.record(EmailVerified(occurred_at=now, user_id=self.id, email=self.email.value))

    def update_profile(
        self,
        *,
        now: datetime,
        name: DisplayName | None = None,
        age: Age | None = None,
        clear_age: bool = False,
    ) -> None:
        """Set what is given; ``clear_age`` forgets the age (the one optional field here)."""
        if name is not None:
            self.name = name
        if age is not None:
            self.age = age
        elif clear_age:
            self.age = None
        self.updated_at = now

    def describe(self, *, now: datetime, bio: Bio | None, image: ImageUrl | None) -> None:
        """Set the public profile's bio and picture; None clears one."""
        self.bio = bio
        self.image = image
        self.updated_at = now

    def rename(self, username: Username, *, now: datetime) -> None:
        """Take another handle (the caller checked that no one else holds it)."""
        self.username = username
        self.updated_at = now

    def change_email(self, email: Email, *, now: datetime, verified: bool = False) -> None:
        """Move the account to another address (the caller checked that no one else has it).
        The new address is unverified unless ``verified`` (it was proven before the move);
        the old address is told (EmailChanged)."""
        if email == self.email:
            return
        old = self.email
        self.email = email
        self.email_verified_at = now if verified else None
        self.updated_at = now
        self.record(
            EmailChanged(
                occurred_at=now,
                user_id=self.id,
                old_email=old.value,
                new_email=email.value,
                verified=verified,
            )
        )

    def set_email_notifications(self, enabled: bool, *, now: datetime) -> None:
        """Whether notification e-mails (not the inbox) reach this user."""
        if self.email_notifications != enabled:
            self.email_notifications = enabled
            self.updated_at = now

    def change_password(
        self, new_hash: str, *, now: datetime, keep_session: SessionId | None = None
    ) -> None:
        """A new password: every session of the user but ``keep_session`` ends."""
        self.password_hash = new_hash
        self.updated_at = now
        self.record(PasswordChanged(occurred_at=now, user_id=self.id, keep_session=keep_session))

    def rehash_password(self, new_hash: str, *, now: datetime) -> None:
        """The same password hashed with current parameters: sessions go on."""
        self.password_hash = new_hash
        self.updated_at = now

    def deactivate(self, *, now: datetime) -> None:
        if not self.is_active:
            return
        self.is_active = False
        self.updated_at = now
        self.record(UserDeactivated(occurred_at=now, user_id=self.id))

    def delete(self, *, now: datetime) -> None:
        """The owner leaves: the account is to be removed (the repository removes it)."""
        self.is_active = False
        self.updated_at = now
        self.record(UserDeleted(occurred_at=now, user_id=self.id))

    def reactivate(self, *, now: datetime) -> None:
        """Let a deactivated user log in again (their old sessions stay ended)."""
        if self.is_active:
            return
        self.is_active = True
        self.updated_at = now
        self.record(UserReactivated(occurred_at=now, user_id=self.id))

    def change_role(self, role: Role, *, now: datetime) -> None:
        """Another role: every session of the user ends, so no token carries the old one.
        (Whether an admin remains is the caller's check: ensure_an_admin_remains.)"""
        if role == self.role:
            return
        self.role = role
        self.updated_at = now
        self.record(RoleChanged(occurred_at=now, user_id=self.id, role=role.value))

    def limit_posting(self, limit: PostingLimit | None, *, now: datetime) -> None:
        """At most ``limit`` posts in any 24 hours from now on; None lifts the limit."""
        if limit != self.posting_limit:
            self.posting_limit = limit
            self.updated_at = now

    def ensure_may_post(self, written_in_last_day: int) -> None:
        """PostingLimitReached if an admin's limit leaves no room for another post."""
        if self.posting_limit is not None:
            self.posting_limit.ensure_allows(written_in_last_day)
