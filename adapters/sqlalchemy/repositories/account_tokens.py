"""Account tokens over one AsyncSession. Spending one is a compare-and-set: the update
names the token as still unused, so of two transactions spending it, one fails."""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import account_tokens
from application.ports.account_tokens import AccountTokenRepository
from domain.ids import AccountTokenId, UserId
from domain.users.account_token import AccountToken, AccountTokenUsed, TokenPurpose


def account_token_row(token: AccountToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "user_id": token.user_id,
        "purpose": token.purpose.value,
        "digest": token.digest,
        "email": token.email,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "used_at": token.used_at,
    }


def account_token_from_row(row: Any) -> AccountToken:
    return AccountToken(
        id=AccountTokenId(row["id"]),
        user_id=UserId(row["user_id"]),
        purpose=TokenPurpose(row["purpose"]),
        digest=row["digest"],
        email=row["email"],
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        used_at=row["used_at"],
    )


class SqlAlchemyAccountTokenRepository(AccountTokenRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._db = session
        self._added: list[AccountToken] = []
        self._used_when_read: dict[AccountTokenId, datetime | None] = {}

    def _add(self, token: AccountToken) -> None:
        self._added.append(token)

    async def _get(self, token_id: AccountTokenId) -> AccountToken | None:
        found = await self._all(select(account_tokens).where(account_tokens.c.id == token_id))
        return found[0] if found else None

    async def _get_by_digest(self, digest: str) -> AccountToken | None:
        found = await self._all(select(account_tokens).where(account_tokens.c.digest == digest))
        return found[0] if found else None

    async def _unused_of(self, user_id: UserId, purpose: TokenPurpose) -> list[AccountToken]:
        return await self._all(
            select(account_tokens).where(
                account_tokens.c.user_id == user_id,
                account_tokens.c.purpose == purpose.value,
                account_tokens.c.used_at.is_(None),
            )
        )

    async def _all(self, query: Select[Any]) -> list[AccountToken]:
        with translated_errors():
            rows = (await self._db.execute(query)).mappings().all()
        tokens = [account_token_from_row(row) for row in rows]
        for token in tokens:
            self._used_when_read.setdefault(token.id, token.used_at)
        return tokens

    async def save_changes(self) -> None:
        """Insert the added tokens; spend the read ones this transaction used, if unused."""
        if self._added:
            await self._db.execute(
                insert(account_tokens), [account_token_row(t) for t in self._added]
            )
        for token_id, used_at in self._used_when_read.items():
            token = self.seen.get(token_id)
            if token is None or used_at is not None or token.used_at is None:
                continue
            result = await self._db.execute(
                update(account_tokens)
                .where(account_tokens.c.id == token_id, account_tokens.c.used_at.is_(None))
                .values(used_at=token.used_at)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise AccountTokenUsed()

    def mark_saved(self) -> None:
        self._added.clear()
        self._used_when_read = {token_id: t.used_at for token_id, t in self.seen.items()}
