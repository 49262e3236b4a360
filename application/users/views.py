"""What use cases tell about a user. Never the password hash; the public profile (username,
name, bio, image) to anyone, the rest (e-mail, age, role, active state...) only to the user
and to admins."""

from dataclasses import dataclass
from datetime import datetime

from application.views import read_only_view
from domain.ids import UserId
from domain.roles import Actor, Role
from domain.users.user import User


@dataclass(frozen=True, slots=True)
class UserView:
    id: UserId
    username: str
    name: str
    age: int | None
    role: Role | None
    is_active: bool | None
    created_at: datetime
    email: str | None
    version: int
    bio: str | None = None
    image: str | None = None
    email_notifications: bool | None = None
    email_verified: bool | None = None
    private: bool = True  # whether the viewer may see age, role, e-mail and the like
    posts_per_day: int | None = None  # an admin's posting limit; to whom may see e-mail

    @classmethod
    def of(cls, user: User, viewer: Actor | None) -> "UserView":
        private = viewer is not None and viewer.may_see_private_fields_of(user.id)
        return cls(
            id=user.id,
            username=user.username.value,
            name=user.name.value,
            age=None if user.age is None or not private else user.age.value,
            role=user.role if private else None,
            is_active=user.is_active if private else None,
            created_at=user.created_at,
            email=user.email.value if private else None,
            version=user.version,
            bio=None if user.bio is None else user.bio.value,
            image=None if user.image is None else user.image.value,
            email_notifications=user.email_notifications if private else None,
            email_verified=user.email_verified if private else None,
            private=private,
            posts_per_day=(
                user.posting_limit.posts_per_day
                if private and user.posting_limit is not None
                else None
            ),
        )


@read_only_view
class AuthorView:
    """A user as shown next to what they wrote, for one viewer: ``following`` tells whether
    the viewer follows them (always False for an anonymous viewer and for themself)."""

    id: UserId
    username: str
    name: str
    bio: str | None
    image: str | None
    following: bool


@dataclass(frozen=True, slots=True)
class ProfileView:
    """A user's public profile for one viewer, with exact follower and following counts."""

    id: UserId
    username: str
    name: str
    bio: str | None
    image: str | None
    following: bool
    followers_count: int
    following_count: int
