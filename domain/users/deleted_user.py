"""The placeholder that keeps the posts and comments of deleted accounts, when they are kept."""

from datetime import datetime
from uuid import UUID

from domain.ids import UserId
from domain.users.user import User
from domain.users.values import DisplayName, Email, Username

DELETED_USER_ID = UserId(UUID("00000000-0000-4000-8000-00000000de1e"))
DELETED_USER_NAME = "Deleted user"
UNUSABLE_PASSWORD_HASH = "!"  # noqa: S105 - matches no password: no hasher produces it


def deleted_user_placeholder(now: datetime, username: Username) -> User:
    """One inactive account, which cannot log in and has no profile, shown as the author of
    what deleted accounts left behind."""
    return User(
        id=DELETED_USER_ID,
        email=Email("deleted-user@folio.invalid"),
        username=username,
        name=DisplayName(DELETED_USER_NAME),
        password_hash=UNUSABLE_PASSWORD_HASH,
        created_at=now,
        updated_at=now,
        is_active=False,
        email_notifications=False,
    )
