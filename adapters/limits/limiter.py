"""Rate limits on the ``limits`` library: sliding-window counters in memory (one process) or
in Redis (every worker and host shares the counts)."""

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.errors import StorageError

KEY_PREFIX = "folio-limits"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a rule says about one more request: allowed or not, and the numbers the IETF
    RateLimit headers carry (seconds until the window frees up a request)."""

    rule: str
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int
    window_seconds: int


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    item: RateLimitItem

    @classmethod
    def of(cls, name: str, text: str) -> "Rule":
        """``text`` as ``limits`` writes rates: "10/minute", "5 per 15 minutes"."""
        return cls(name, parse(text))


class LimiterUnavailable(Exception):
    """The counters' storage (Redis) did not answer within its timeout."""


def make_storage(redis_url: str | None, timeout: float = 2.0) -> Storage:
    """Redis storage on the same server and database as FOLIO_REDIS_URL (its errors wrapped,
    connects and commands bounded by ``timeout`` seconds), else memory."""
    if not redis_url:
        return MemoryStorage()
    return RedisStorage(
        f"async+{redis_url}",
        implementation="redispy",
        key_prefix=KEY_PREFIX,
        wrap_exceptions=True,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
    )


class Limiter:
    """Named rules counted per key (a client address, an account)."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self._strategy = SlidingWindowCounterRateLimiter(storage)

    async def hit(self, rule: Rule, key: str) -> Verdict:
        """Count one request against ``rule`` for ``key``; refused when over the limit.
        LimiterUnavailable (as every method) when the storage does not answer."""
        try:
            allowed = await self._strategy.hit(rule.item, rule.name, key)
            return await self._verdict(rule, key, allowed)
        except StorageError as error:
            raise LimiterUnavailable() from error

    async def peek(self, rule: Rule, key: str) -> Verdict:
        """Whether one more request would be allowed, counting nothing."""
        try:
            allowed = await self._strategy.test(rule.item, rule.name, key)
            return await self._verdict(rule, key, allowed)
        except StorageError as error:
            raise LimiterUnavailable() from error

    async def reset(self, rule: Rule, key: str) -> None:
        try:
            await self._strategy.clear(rule.item, rule.name, key)
        except StorageError as error:
            raise LimiterUnavailable() from error

    async def _verdict(self, rule: Rule, key: str, allowed: bool) -> Verdict:
        stats = await self._strategy.get_window_stats(rule.item, rule.name, key)
        reset = max(1, math.ceil(stats.reset_time - time.time()))
        return Verdict(
            rule=rule.name,
            allowed=allowed,
            limit=rule.item.amount,
            remaining=stats.remaining,
            reset_seconds=reset,
            window_seconds=rule.item.get_expiry(),
        )
