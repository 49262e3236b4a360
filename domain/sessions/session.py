"""The session aggregate: one login of one user on one device, until it ends."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from domain.events import Aggregate
from domain.ids import SessionId, UserId
from domain.sessions.errors import SessionEnded


class AuthMethod(StrEnum):
    """How the user proved who they are when the session began."""

    PASSWORD = "password"  # noqa: S105
    PASSWORD_TOTP = "password+totp"  # noqa: S105
    PASSWORD_RECOVERY_CODE = "password+recovery_code"  # noqa: S105
    OPENID_CONNECT = "oidc"  # an external provider's ID token


class EndReason(StrEnum):
    LOGOUT = "logout"
    LOGOUT_ALL = "logout_all"
    ENDED_BY_USER = "ended_by_user"
    REFRESH_TOKEN_REUSED = "refresh_token_reused"  # noqa: S105
    CREDENTIALS_CHANGED = "credentials_changed"
    ENDED_BY_ADMIN = "ended_by_admin"


@dataclass(frozen=True, slots=True)
class SessionLifetimes:
    """How long a session lives: ``refresh`` since it was last refreshed (sliding), and never
    longer than ``absolute`` since it began."""

    refresh: timedelta
    absolute: timedelta

    def __post_init__(self) -> None:
        if self.refresh <= timedelta(0) or self.absolute < self.refresh:
            raise ValueError("a session's absolute lifetime must be at least its refresh window")


@dataclass(eq=False, kw_only=True)
class Session(Aggregate):
    """Holds the hash of its one current refresh token; the token itself is never stored."""

    USER_AGENT_MAX_LEN: ClassVar[int] = 512
    CLIENT_ADDRESS_MAX_LEN: ClassVar[int] = 64

    id: SessionId
    user_id: UserId
    refresh_hash: str
    auth_method: AuthMethod
    created_at: datetime
    last_used_at: datetime
    refresh_expires_at: datetime
    expires_at: datetime
    client_address: str | None = None
    user_agent: str | None = None
    ended_at: datetime | None = None
    end_reason: EndReason | None = None

    @classmethod
    def begin(
        cls,
        *,
        id: SessionId,
        user_id: UserId,
        refresh_hash: str,
        auth_method: AuthMethod,
        lifetimes: SessionLifetimes,
        now: datetime,
        client_address: str | None = None,
        user_agent: str | None = None,
    ) -> "Session":
        return cls(
            id=id,
            user_id=user_id,
            refresh_hash=refresh_hash,
            auth_method=auth_method,
            created_at=now,
            last_used_at=now,
            refresh_expires_at=now + lifetimes.refresh,
            expires_at=now + lifetimes.absolute,
            client_address=_clipped(client_address, cls.CLIENT_ADDRESS_MAX_LEN),
            user_agent=_clipped(user_agent, cls.USER_AGENT_MAX_LEN),
        )

    def is_live(self, now: datetime) -> bool:
        return self.ended_at is None and now < self.refresh_expires_at

    def rotate(self, new_refresh_hash: str, lifetimes: SessionLifetimes, now: datetime) -> str:
        """Replace the refresh token and slide the window (capped by the absolute expiry);
        returns the retired hash. A session that is no longer live raises SessionEnded."""
        if not self.is_live(now):
            raise SessionEnded()
        retired, self.refresh_hash = self.refresh_hash, new_refresh_hash
        self.last_used_at = now
        self.refresh_expires_at = min(now + lifetimes.refresh, self.expires_at)
        return retired

    def end(self, reason: EndReason, now: datetime) -> None:
        if self.ended_at is not None:
            return
        self.ended_at = now
        self.end_reason = reason


def _clipped(text: str | None, limit: int) -> str | None:
    return None if not text else text[:limit]
