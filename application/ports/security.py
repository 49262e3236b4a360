from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.ids import SessionId, UserId


class PasswordHasher(Protocol):
    """One-way password hashing. Implementations keep CPU-heavy work off the event loop."""

    @abstractmethod
    async def hash(self, password: str) -> str:
        """A salted hash of ``password`` in the implementation's self-describing format."""

    @abstractmethod
    async def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether ``password`` matches. With no hash, spend the same time and return False."""

    @abstractmethod
    def needs_rehash(self, password_hash: str) -> bool:
        """Whether the hash was made with parameters other than the current ones."""


@dataclass(frozen=True, slots=True)
class AccessToken:
    token: str
    token_type: str
    expires_in: int


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token says: whose it is and which session it belongs to."""

    user_id: UserId
    session_id: SessionId


class TokenService(Protocol):
    """Signed, typed, short-lived access tokens."""

    @abstractmethod
    def issue(self, user_id: UserId, session_id: SessionId) -> AccessToken:
        """A signed, expiring access token naming the user and the session."""

    @abstractmethod
    def read(self, token: str) -> AccessClaims:
        """What a valid access token says; raises InvalidToken for any other token (expired,
        forged, of another type, signed by an unknown key or with an unexpected algorithm)."""

    @abstractmethod
    def expires_at(self, token: str) -> datetime:
        """When a valid access token stops being accepted; raises InvalidToken for any other
        token."""

    @abstractmethod
    def issue_challenge(self, user_id: UserId) -> AccessToken:
        """A short-lived token standing for a password just checked, typed so that it never
        passes as an access token (nor an access token as a challenge)."""

    @abstractmethod
    def read_challenge(self, token: str) -> UserId:
        """The user a valid challenge names; raises InvalidToken for any other token."""

    @abstractmethod
    def public_keys(self) -> list[dict[str, str]]:
        """The public keys that verify access tokens, as JWKs (none for HMAC keys)."""


class OpaqueTokens(Protocol):
    """Random bearer secrets (refresh tokens, recovery codes) kept only as a digest."""

    @abstractmethod
    def new(self) -> str:
        """A fresh, unguessable token (at least 256 bits of randomness)."""

    @abstractmethod
    def digest(self, token: str) -> str:
        """A one-way digest of ``token`` to store and look up (hex, 64 characters)."""


class OneTimeCodes(Protocol):
    """Time-based one-time passwords (RFC 6238)."""

    @abstractmethod
    def new_secret(self) -> str:
        """A fresh random shared secret (base32)."""

    @abstractmethod
    def provisioning_uri(self, secret: str, account: str) -> str:
        """The ``otpauth://`` URI an authenticator app reads (as a QR code, usually)."""

    @abstractmethod
    def new_recovery_codes(self, count: int) -> list[str]:
        """``count`` distinct recovery codes, each with at least 80 random bits."""

    @abstractmethod
    def step_of(self, secret: str, code: str, now: datetime) -> int | None:
        """The time step whose code ``code`` is, within one step of ``now``; None if none."""


class LoginAttempts(Protocol):
    """Failed logins counted per account over a window: the per-account login limit."""

    @abstractmethod
    async def check(self, login: str) -> None:
        """Raise TooManyRequests if ``login`` has failed too often lately."""

    @abstractmethod
    async def failed(self, login: str, reason: str) -> None:
        """A login attempt for ``login`` (normalised e-mail or username, or a user id) failed:
        ``reason`` is ``password`` or ``one-time-code``."""

    @abstractmethod
    async def succeeded(self, login: str) -> None:
        """``login`` logged in: forget its failures."""


class CommonPasswords(Protocol):
    """A list of passwords too common to accept (at least 10,000 of them)."""

    @abstractmethod
    def __contains__(self, password: object) -> bool:
        """Whether ``password`` (compared as given and lower-cased by callers) is listed."""
