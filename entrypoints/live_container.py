"""The providers of live events: the fan-out, the handler that feeds it, the connections."""

from dependency_injector import containers, providers
from redis.asyncio import Redis

from adapters.live.in_process import InProcessLiveEvents
from adapters.live.seats import InProcessSeats
from adapters.redis.live_events import RedisLiveEvents
from adapters.redis.seats import RedisSeats
from application.live.live_push import LivePush
from entrypoints.http.websocket.registry import LiveConnections
from entrypoints.settings import Settings


def _medium(redis_url: str | None) -> str:
    return "redis" if redis_url else "memory"


class LiveContainer(containers.DeclarativeContainer):
    """Live events over WebSocket. The fan-out and the per-user connection count are
    in-process, or in Redis when FOLIO_REDIS_URL is set, so that they span every worker and
    host."""

    settings = providers.Dependency(instance_of=Settings)
    redis: providers.Dependency[Redis | None] = providers.Dependency()

    broker = providers.Selector(
        providers.Callable(_medium, settings.provided.redis_url),
        memory=providers.Singleton(InProcessLiveEvents),
        redis=providers.Singleton(RedisLiveEvents, redis),
    )
    push = providers.Singleton(LivePush, live_events=broker)
    seats = providers.Selector(
        providers.Callable(_medium, settings.provided.redis_url),
        memory=providers.Singleton(InProcessSeats),
        redis=providers.Singleton(RedisSeats, redis),
    )
    connections = providers.Singleton(LiveConnections)
