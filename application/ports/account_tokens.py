"""Account tokens (password reset, e-mail verification): stored as digests, spent once."""

from abc import ABC, abstractmethod
from typing import Protocol
from uuid import UUID

from domain.ids import AccountTokenId, UserId
from domain.users.account_token import AccountToken, TokenPurpose


class AccountTokenRepository(ABC):
    """Saves on commit what changed in the tokens it handed out. Spending a token that
    another transaction spent since it was read makes the commit fail (AccountTokenUsed), so
    a token works once even when two requests race with it."""

    def __init__(self) -> None:
        self.seen: dict[AccountTokenId, AccountToken] = {}

    def add(self, token: AccountToken) -> None:
        """Stage a new token; it is written when the unit of work commits."""
        self._add(token)
        self.seen[token.id] = token

    async def get(self, token_id: AccountTokenId) -> AccountToken | None:
        return self._track(await self._get(token_id))

    async def get_by_digest(self, digest: str) -> AccountToken | None:
        """The token whose digest this is, used or not, expired or not."""
        return self._track(await self._get_by_digest(digest))

    async def unused_of(self, user_id: UserId, purpose: TokenPurpose) -> list[AccountToken]:
        """The user's tokens of ``purpose`` not used yet (expired ones included)."""
        return [self.seen.setdefault(t.id, t) for t in await self._unused_of(user_id, purpose)]

    def _track(self, token: AccountToken | None) -> AccountToken | None:
        return None if token is None else self.seen.setdefault(token.id, token)

    @abstractmethod
    def _add(self, token: AccountToken) -> None: ...

    @abstractmethod
    async def _get(self, token_id: AccountTokenId) -> AccountToken | None: ...

    @abstractmethod
    async def _get_by_digest(self, digest: str) -> AccountToken | None: ...

    @abstractmethod
    async def _unused_of(self, user_id: UserId, purpose: TokenPurpose) -> list[AccountToken]: ...


class AccountLinkTokens(Protocol):
    """The secrets that account e-mails carry. Each is derived from the token record's id
    with a server-side key, so neither the token table nor the outbox ever holds one: storage
    keeps only its digest, and the e-mail handler derives it again when it sends."""

    @abstractmethod
    def token_for(self, token_id: UUID) -> str:
        """The secret of the token record ``token_id`` (URL-safe, 256 bits)."""

    @abstractmethod
    def digest(self, token: str) -> str:
        """A one-way digest of ``token`` to store and look up (hex, 64 characters)."""
