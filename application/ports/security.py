from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.ids import UserId


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


class TokenService(Protocol):
    @abstractmethod
    def issue(self, user_id: UserId) -> AccessToken:
        """A signed, expiring access token naming the user."""

    @abstractmethod
    def read(self, token: str) -> UserId:
        """The user a valid token names; raises InvalidToken for any other token."""

    @abstractmethod
    def expires_at(self, token: str) -> datetime:
        """When a valid token stops being accepted; raises InvalidToken for any other token."""
