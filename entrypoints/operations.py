"""The operations sub-container: what health checks (and, later, metrics) need, chosen from
the settings and from the main container's engine and Redis client."""

from collections.abc import Callable

from dependency_injector import containers, providers
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.redis.readiness import RedisProbe
from adapters.sqlalchemy.readiness import DatabaseProbe
from application.health.check_readiness import CheckReadiness
from application.ports.health import ReadinessProbe
from entrypoints.settings import Settings


def readiness_probes(
    settings: Settings, engine: Callable[[], AsyncEngine], redis: Redis | None
) -> list[ReadinessProbe]:
    """The database when SQL storage is in use, Redis when it is configured."""
    probes: list[ReadinessProbe] = []
    if settings.storage == "sql":
        probes.append(DatabaseProbe(engine()))
    if redis is not None:
        probes.append(RedisProbe(redis))
    return probes


def _probe_timeout(settings: Settings) -> float:
    return settings.db_connect_timeout + 1


class OperationsContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    engine = providers.Dependency(instance_of=AsyncEngine)
    redis: providers.Dependency[Redis | None] = providers.Dependency()

    probes = providers.Singleton(readiness_probes, settings, engine.provider, redis)
    check_readiness = providers.Factory(
        CheckReadiness, probes=probes, timeout=providers.Callable(_probe_timeout, settings)
    )
