"""Redis's readiness: it answers PING."""

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.ports.health import ReadinessProbe


class RedisProbe(ReadinessProbe):
    name = "redis"

    def __init__(self, client: Redis) -> None:
        self._client = client

    async def problem(self) -> str | None:
        try:
            await self._client.ping()
        except (RedisError, OSError) as error:
            return f"unreachable ({type(error).__name__})"
        return None
