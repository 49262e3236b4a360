"""Account tokens in memory, with the SQL repository's contract."""

import copy
from datetime import datetime

from adapters.memory.store import MemoryStore
from application.ports.account_tokens import AccountTokenRepository
from domain.ids import AccountTokenId, UserId
from domain.users.account_token import AccountToken, AccountTokenUsed, TokenPurpose


class MemoryAccountTokenRepository(AccountTokenRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[AccountToken] = []
        self._used_when_read: dict[AccountTokenId, datetime | None] = {}

    def _add(self, token: AccountToken) -> None:
        self.added.append(token)

    async def _get(self, token_id: AccountTokenId) -> AccountToken | None:
        return self._copy(self._store.account_tokens.get(token_id))

    async def _get_by_digest(self, digest: str) -> AccountToken | None:
        found = (t for t in self._store.account_tokens.values() if t.digest == digest)
        return self._copy(next(found, None))

    async def _unused_of(self, user_id: UserId, purpose: TokenPurpose) -> list[AccountToken]:
        found = [
            t
            for t in self._store.account_tokens.values()
            if t.user_id == user_id and t.purpose == purpose and t.used_at is None
        ]
        return [token for t in found if (token := self._copy(t)) is not None]

    def _copy(self, token: AccountToken | None) -> AccountToken | None:
        if token is None:
            return None
        self._used_when_read.setdefault(token.id, token.used_at)
        return copy.deepcopy(token)

    def check_spent_once(self) -> None:
        """Raise AccountTokenUsed if a token this transaction spends was spent by another
        since it was read (call under the store's lock, before writing)."""
        for token in self._changed():
            stored = self._store.account_tokens.get(token.id)
            if stored is not None and stored.used_at is not None:
                raise AccountTokenUsed()

    def write_to(self, store: MemoryStore) -> None:
        for token in [*self.added, *self._changed()]:
            store.account_tokens[token.id] = copy.deepcopy(token)

    def _changed(self) -> list[AccountToken]:
        """Read tokens this transaction spent (the only change a stored token takes)."""
        return [
            token
            for token in self.seen.values()
            if token.id in self._used_when_read
            and self._used_when_read[token.id] is None
            and token.used_at is not None
        ]
