"""Idempotency records in Redis (FOLIO_REDIS_URL): shared by every worker and host; a key
is claimed with SET NX before the request runs, since Redis is outside the transaction."""

import json
from datetime import datetime

from redis.asyncio import Redis

from application.ports.idempotency import Claim, IdempotencyStore, Record, StoredResponse

PREFIX = "folio:idempotency:"


class RedisIdempotencyStore(IdempotencyStore):
    claims_in_transaction = False

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def find(self, scope: str, key: str, now: datetime) -> Record | None:
        raw = await self._redis.get(_name(scope, key))
        if raw is None:
            return None
        held = json.loads(raw)
        response = None
        if held.get("status") is not None:
            headers = [(str(n), str(v)) for n, v in held["headers"]]
            response = StoredResponse(held["status"], headers, bytes.fromhex(held["body"]))
        return Record(held["fingerprint"], response)

    async def claim(self, claim: Claim) -> bool:
        value = json.dumps({"fingerprint": claim.fingerprint})
        return bool(
            await self._redis.set(_name(claim.scope, claim.key), value, nx=True, exat=_at(claim))
        )

    async def complete(self, claim: Claim, response: StoredResponse) -> None:
        value = {
            "fingerprint": claim.fingerprint,
            "status": response.status,
            "headers": response.headers,
            "body": response.body.hex(),
        }
        await self._redis.set(_name(claim.scope, claim.key), json.dumps(value), exat=_at(claim))


def _name(scope: str, key: str) -> str:
    return f"{PREFIX}{scope}:{key}"


def _at(claim: Claim) -> int:
    return int(claim.expires_at.timestamp())
