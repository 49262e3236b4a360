"""The one Redis client of a process, made on demand (nothing connects at import time)."""

from redis.asyncio import Redis


def create_redis(url: str | None, timeout: float = 2.0) -> Redis | None:
    """A client of ``url`` with its own connection pool, or None when Redis is not configured.
    Connecting and every command give up after ``timeout`` seconds, so a Redis that is down or
    black-holed costs a request that long at most (pub/sub's blocking reads are exempt: they
    wait for messages). The caller closes it (``await client.aclose()``)."""
    if not url:
        return None
    return Redis.from_url(
        url, decode_responses=False, socket_connect_timeout=timeout, socket_timeout=timeout
    )
