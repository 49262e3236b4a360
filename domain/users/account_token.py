"""Single-use tokens that e-mails carry: a password reset, an address to verify or to move to.

Only a digest of the token is stored; the token itself travels in the e-mail only."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from domain.errors import DomainError
from domain.events import Aggregate
from domain.ids import AccountTokenId, UserId


class TokenPurpose(StrEnum):
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a purpose's name, not a secret
    VERIFY_EMAIL = "verify_email"  # proves the account's current address
    CHANGE_EMAIL = "change_email"  # proves a new address, which the account then moves to


class AccountTokenRefused(DomainError):
    """The token cannot be used: unknown, of another purpose, used, expired or stale."""


class UnknownAccountToken(AccountTokenRefused):
    def __init__(self) -> None:
        super().__init__("this token is not valid; ask for a new one")


class AccountTokenUsed(AccountTokenRefused):
    def __init__(self) -> None:
        super().__init__("this token has already been used; ask for a new one")


class AccountTokenExpired(AccountTokenRefused):
    def __init__(self) -> None:
        super().__init__("this token has expired; ask for a new one")


class AccountTokenStale(AccountTokenRefused):
    def __init__(self) -> None:
        super().__init__("this token was sent to an address the account no longer has")


@dataclass(eq=False, kw_only=True)
class AccountToken(Aggregate):
    """One token for one ``purpose`` of one user, sent to ``email``, usable once until
    ``expires_at``."""

    id: AccountTokenId
    user_id: UserId
    purpose: TokenPurpose
    digest: str
    email: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None

    LIFETIMES: ClassVar[dict[TokenPurpose, timedelta]] = {
        TokenPurpose.PASSWORD_RESET: timedelta(minutes=30),
        TokenPurpose.VERIFY_EMAIL: timedelta(hours=48),
        TokenPurpose.CHANGE_EMAIL: timedelta(hours=48),
    }
    DIGEST_LEN: ClassVar[int] = 64

    @classmethod
    def issue(
        cls,
        *,
        id: AccountTokenId,
        user_id: UserId,
        purpose: TokenPurpose,
        digest: str,
        email: str,
        now: datetime,
    ) -> "AccountToken":
        return cls(
            id=id,
            user_id=user_id,
            purpose=purpose,
            digest=digest,
            email=email,
            created_at=now,
            expires_at=now + cls.LIFETIMES[purpose],
        )

    def spend(self, purpose: TokenPurpose, *, now: datetime) -> None:
        """Use the token for ``purpose`` now, or raise why it cannot be."""
        if purpose != self.purpose:
            raise UnknownAccountToken()
        if self.used_at is not None:
            raise AccountTokenUsed()
        if now >= self.expires_at:
            raise AccountTokenExpired()
        self.used_at = now

    def void(self, *, now: datetime) -> None:
        """Make an unused token unusable (another one of its kind was just used)."""
        if self.used_at is None:
            self.used_at = now
