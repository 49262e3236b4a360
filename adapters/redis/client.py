"""The one Redis client of a process, made on demand (nothing connects at import time)."""

from redis.asyncio import Redis


def create_redis(url: str | None) -> Redis | None:
    """A client of ``url`` with its own connection pool, or None when Redis is not configured.
    The caller closes it (``await client.aclose()``)."""
    if not url:
        return None
    return Redis.from_url(url, decode_responses=False)
