"""Idempotency records in the ``idempotency_keys`` table."""

import json
from contextlib import suppress
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import idempotency_keys as keys
from application.errors import IdempotencyKeyInUse
from application.ports.idempotency import Claim, IdempotencyStore, Record, StoredResponse


async def write_claim(session: AsyncSession, claim: Claim) -> None:
    """Insert ``claim`` in the session's transaction (an expired row for the key goes first).
    A row already there, or one a concurrent transaction is inserting (PostgreSQL waits for
    it), is IdempotencyKeyInUse; the caller rolls the transaction back."""
    where = (keys.c.scope == claim.scope) & (keys.c.key == claim.key)
    try:
        await session.execute(delete(keys).where(where, keys.c.expires_at <= claim.created_at))
        await session.execute(insert(keys).values(_claim_row(claim)))
    except IntegrityError as clash:
        raise IdempotencyKeyInUse() from clash


class SqlAlchemyIdempotencyStore(IdempotencyStore):
    claims_in_transaction = True

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def find(self, scope: str, key: str, now: datetime) -> Record | None:
        query = select(keys).where(
            keys.c.scope == scope, keys.c.key == key, keys.c.expires_at > now
        )
        with translated_errors():
            async with self._sessions() as session:
                row = (await session.execute(query)).mappings().first()
        if row is None:
            return None
        response = None
        if row["status"] is not None:
            headers = [(str(n), str(v)) for n, v in json.loads(row["headers"])]
            response = StoredResponse(row["status"], headers, bytes(row["body"]))
        return Record(row["fingerprint"], response)

    async def claim(self, claim: Claim) -> bool:
        try:
            async with self._sessions() as session, session.begin():
                await write_claim(session, claim)
        except IdempotencyKeyInUse:
            return False
        return True

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        values = {
            "status": response.status,
            "headers": json.dumps(response.headers),
            "body": response.body,
        }
        where = (keys.c.scope == claim.scope) & (keys.c.key == claim.key)
        same = keys.c.fingerprint == claim.fingerprint
        with translated_errors(), suppress(IdempotencyKeyInUse):
            async with self._sessions() as session, session.begin():
                done = await session.execute(update(keys).where(where, same).values(values))
                if (
                    cast(CursorResult[Any], done).rowcount == 0
                ):  # no commit claimed it: nothing took effect
                    await write_claim(session, claim)
                    await session.execute(update(keys).where(where).values(values))


def _claim_row(claim: Claim) -> dict[str, object]:
    return {
        "scope": claim.scope,
        "key": claim.key,
        "fingerprint": claim.fingerprint,
        "created_at": claim.created_at,
        "expires_at": claim.expires_at,
    }
