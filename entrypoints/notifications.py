"""The providers of notifications: the outbox, its relay's parts, e-mail and the handlers.
A sub-container of the composition root (``Container.notifications``)."""

from datetime import timedelta

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.outbox import MemoryOutbox
from adapters.memory.store import MemoryStore
from adapters.outbox.wakeup import PostgresListener, RelayWakeup
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from application.outbox.retry_policy import RetryPolicy
from entrypoints.settings import Settings


def _seconds(value: float) -> timedelta:
    return timedelta(seconds=value)


def _listener(settings: Settings, wakeup: RelayWakeup) -> PostgresListener | None:
    """A LISTEN connection when the outbox lives in PostgreSQL; else commits in this process
    wake the relay directly."""
    if settings.storage == "sql" and settings.database_url.startswith("postgresql"):
        return PostgresListener(settings.database_url, wakeup)
    return None


class Notifications(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    memory_store: providers.Dependency[MemoryStore] = providers.Dependency()
    engine: providers.Dependency[AsyncEngine] = providers.Dependency()

    wakeup = providers.Singleton(RelayWakeup)
    outbox = providers.Selector(
        settings.provided.storage,
        memory=providers.Singleton(MemoryOutbox, memory_store),
        sql=providers.Singleton(SqlAlchemyOutbox, engine),
    )
    retry_policy = providers.Singleton(
        RetryPolicy,
        max_attempts=settings.provided.outbox_max_attempts,
        base=providers.Callable(_seconds, settings.provided.outbox_backoff_seconds),
        cap=providers.Callable(_seconds, settings.provided.outbox_backoff_max_seconds),
    )
    lease = providers.Callable(_seconds, settings.provided.outbox_lease_seconds)
    listener = providers.Singleton(_listener, settings, wakeup)
