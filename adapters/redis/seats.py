"""Connection seats counted in Redis, so the per-user cap holds across workers and hosts."""

import math
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.errors import ServiceUnavailable
from application.ports.connection_seats import ConnectionSeats
from domain.ids import UserId

# One sorted set per user: seat -> lease end (Redis server time), expired seats dropped first.
_TAKE = """
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
"""
_RENEW = """
local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""


class RedisSeats(ConnectionSeats):
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        database = redis.connection_pool.connection_kwargs.get("db", 0)
        self._prefix = f"folio:{database}:live:seats:"
        self._take = redis.register_script(_TAKE)
        self._renew = redis.register_script(_RENEW)

    async def take(self, user_id: UserId, seat: UUID, limit: int, lease: float) -> bool:
        args: list[str | int | float] = [seat.hex, limit, lease, math.ceil(lease) + 1]
        try:
            return bool(await self._take(keys=[self._key(user_id)], args=args))
        except RedisError as error:
            raise ServiceUnavailable() from error

    async def renew(self, user_id: UserId, seat: UUID, lease: float) -> None:
        args: list[str | int | float] = [seat.hex, lease, math.ceil(lease) + 1]
        try:
            await self._renew(keys=[self._key(user_id)], args=args)
        except RedisError as error:
            raise ServiceUnavailable() from error

    async def give_back(self, user_id: UserId, seat: UUID) -> None:
        try:
            await self._redis.zrem(self._key(user_id), seat.hex)
        except RedisError as error:
            raise ServiceUnavailable() from error

    def _key(self, user_id: UserId) -> str:
        return f"{self._prefix}{user_id}"
