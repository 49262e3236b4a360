"""The composition root: the only place that knows which adapters implement the ports."""

import asyncio
from datetime import timedelta
from typing import Any

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.audit import LoggingAuditTrail
from adapters.events import LoggingEventPublisher
from adapters.memory.idempotency import MemoryIdempotencyStore
from adapters.memory.store import MemoryStore
from adapters.memory.unit_of_work import MemoryUnitOfWork
from adapters.outbox.relay import OutboxRelay, relay_name
from adapters.outbox.wakeup import RelayWakeup
from adapters.redis.client import create_redis
from adapters.redis.idempotency import RedisIdempotencyStore
from adapters.security.argon2_hasher import Argon2Parameters, Argon2PasswordHasher
from adapters.security.cursors import HmacCursorCodec
from adapters.security.imported_hashes import WithImportedHashes
from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.idempotency import SqlAlchemyIdempotencyStore
from adapters.sqlalchemy.pool_metrics import instrument_pool
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from adapters.system import RandomIdGenerator, SystemClock
from application.auth.authenticate import Authenticate
from application.auth.log_in import LogIn
from application.notifications.list_notifications import ListNotifications
from application.notifications.mark_notifications_read import MarkNotificationsRead
from application.notifications.queue_email import QueueEmail
from application.notifications.unsubscribe import Unsubscribe
from application.outbox.deliver_events import DeliverEvents
from application.posts.create_post import CreatePost
from application.posts.delete_post import DeletePost
from application.posts.get_post import GetPost
from application.posts.list_posts import ListPosts
from application.posts.update_post import UpdatePost
from application.users.change_email import ChangeEmail
from application.users.change_password import ChangePassword
from application.users.deactivate_user import DeactivateUser
from application.users.delete_account import DeleteAccount, DeletedContent
from application.users.get_user import GetUser
from application.users.import_users import ImportUsers
from application.users.list_users import ListUsers
from application.users.register_user import RegisterUser
from application.users.update_profile import UpdateProfile
from domain.posts.policy import ContentPolicy
from entrypoints.accounts_container import AccountsContainer
from entrypoints.admin_container import AdminContainer
from entrypoints.hardening import Hardening
from entrypoints.live_container import LiveContainer
from entrypoints.notifications import Notifications
from entrypoints.oidc_container import OidcContainer
from entrypoints.operations import OperationsContainer
from entrypoints.sessions_container import SessionsContainer
from entrypoints.settings import Settings
from entrypoints.social_container import SocialContainer


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)


def _days(value: int) -> timedelta:
    return timedelta(days=value)


def create_instrumented_engine(**options: Any) -> AsyncEngine:
    """The engine of the served app, its pool counted in the metrics."""
    return instrument_pool(create_engine(**options))


def _idempotency_backend(settings: Settings) -> str:
    """Idempotency records live in Redis when there is one, else beside the data."""
    return "redis" if settings.redis_url else settings.storage


class Container(containers.DeclarativeContainer):
    wiring_config = containers.WiringConfiguration(packages=["entrypoints.http.routers"])

    settings = providers.Singleton(Settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(RandomIdGenerator)
    content_policy = providers.Singleton(ContentPolicy.of, settings.provided.banned_words)
    hardening = providers.Container(Hardening, settings=settings)
    audit = providers.Singleton(LoggingAuditTrail)

    argon2_hasher = providers.Singleton(
        Argon2PasswordHasher,
        providers.Singleton(
            Argon2Parameters,
            time_cost=settings.provided.argon2_time_cost,
            memory_cost=settings.provided.argon2_memory_cost,
            parallelism=settings.provided.argon2_parallelism,
        ),
        pool=hardening.hashing_pool,
    )
    # argon2id, and the bcrypt hashes of imported users until their first login rehashes them.
    hasher = providers.Singleton(WithImportedHashes, argon2_hasher)
    tokens = providers.Singleton(
        JwtTokenService,
        providers.Singleton(
            JwtParameters,
            keys=settings.provided.key_ring,
            issuer=settings.provided.jwt_issuer,
            audience=settings.provided.jwt_audience,
            lifetime=providers.Callable(_minutes, settings.provided.access_token_minutes),
        ),
    )

    cursors = providers.Singleton(HmacCursorCodec, settings.provided.signing_secret)

    engine = providers.Singleton(
        create_instrumented_engine,
        url=settings.provided.database_url,
        pool_size=settings.provided.db_pool_size,
        pool_timeout=settings.provided.db_pool_timeout,
        connect_timeout=settings.provided.db_connect_timeout,
        statement_timeout=settings.provided.db_statement_timeout,
    )
    session_factory = providers.Singleton(
        async_sessionmaker, engine, expire_on_commit=False, autoflush=False
    )
    memory_store = providers.Singleton(MemoryStore)
    redis = providers.Singleton(
        create_redis, settings.provided.redis_url, settings.provided.redis_timeout
    )
    live = providers.Container(LiveContainer, settings=settings, redis=redis)

    # Logs committed events and wakes this process's outbox relay; delivery is the relay's.
    relay_wakeup = providers.Singleton(RelayWakeup)
    publisher = providers.Singleton(LoggingEventPublisher, on_publish=relay_wakeup.provided.notify)

    unit_of_work = providers.Selector(
        settings.provided.storage,
        memory=providers.Factory(MemoryUnitOfWork, store=memory_store, publisher=publisher),
        sql=providers.Factory(
            SqlAlchemyUnitOfWork, session_factory=session_factory, publisher=publisher
        ),
    )
    notifications = providers.Container(
        Notifications,
        settings=settings,
        memory_store=memory_store,
        engine=engine,
        unit_of_work=unit_of_work.provider,
        wakeup=relay_wakeup,
    )

    sessions = providers.Container(
        SessionsContainer,
        settings=settings,
        unit_of_work=unit_of_work,
        clock=clock,
        ids=ids,
        tokens=tokens,
        login_attempts=hardening.login_attempts,
        audit=audit,
    )

    idempotency_store = providers.Selector(
        providers.Callable(_idempotency_backend, settings),
        memory=providers.Singleton(MemoryIdempotencyStore, memory_store),
        sql=providers.Singleton(SqlAlchemyIdempotencyStore, session_factory),
        redis=providers.Singleton(RedisIdempotencyStore, redis),
    )

    oidc = providers.Container(
        OidcContainer,
        settings=settings,
        unit_of_work=unit_of_work,
        ids=ids,
        issuer=sessions.issuer,
        audit=audit,
    )
    accounts = providers.Container(
        AccountsContainer,
        settings=settings,
        unit_of_work=unit_of_work,
        unit_of_work_factory=unit_of_work.provider,
        clock=clock,
        ids=ids,
        hasher=hasher,
        password_rules=hardening.password_rules,
        mailer=notifications.mailer,
    )

    register_user = providers.Factory(
        RegisterUser,
        uow=unit_of_work,
        hasher=hasher,
        clock=clock,
        ids=ids,
        rules=hardening.password_rules,
    )
    log_in = providers.Factory(
        LogIn,
        uow=unit_of_work,
        hasher=hasher,
        sessions=sessions.issuer,
        attempts=hardening.login_attempts,
        audit=audit,
    )
    import_users = providers.Factory(
        ImportUsers, uow=unit_of_work, hashes=hasher, clock=clock, ids=ids
    )
    authenticate = providers.Factory(Authenticate, uow=unit_of_work, tokens=tokens, clock=clock)
    get_user = providers.Factory(GetUser, uow=unit_of_work)
    list_users = providers.Factory(ListUsers, uow=unit_of_work, cursors=cursors)
    update_profile = providers.Factory(
        UpdateProfile,
        uow=unit_of_work,
        clock=clock,
        hasher=hasher,
        rules=hardening.password_rules,
        wait_for_email_proof=settings.provided.require_verified_email,
        username_reservation=providers.Callable(_days, settings.provided.username_reservation_days),
    )
    change_email = providers.Factory(
        ChangeEmail,
        uow=unit_of_work,
        hasher=hasher,
        clock=clock,
        wait_for_proof=settings.provided.require_verified_email,
    )
    change_password = providers.Factory(
        ChangePassword,
        uow=unit_of_work,
        hasher=hasher,
        clock=clock,
        rules=hardening.password_rules,
        audit=audit,
    )
    deactivate_user = providers.Factory(
        DeactivateUser, uow=unit_of_work, clock=clock, ids=ids, audit=audit
    )
    delete_account = providers.Factory(
        DeleteAccount,
        uow=unit_of_work,
        hasher=hasher,
        clock=clock,
        content=providers.Callable(DeletedContent, settings.provided.deleted_user_content),
    )

    create_post = providers.Factory(
        CreatePost,
        uow=unit_of_work,
        clock=clock,
        ids=ids,
        policy=content_policy,
        contribution=accounts.contribution,
    )
    get_post = providers.Factory(GetPost, uow=unit_of_work)
    list_posts = providers.Factory(ListPosts, uow=unit_of_work, cursors=cursors)
    update_post = providers.Factory(
        UpdatePost,
        uow=unit_of_work,
        clock=clock,
        policy=content_policy,
        contribution=accounts.contribution,
    )
    delete_post = providers.Factory(DeletePost, uow=unit_of_work, clock=clock)

    list_notifications = providers.Factory(ListNotifications, uow=unit_of_work, cursors=cursors)
    mark_notifications_read = providers.Factory(
        MarkNotificationsRead, uow=unit_of_work, clock=clock
    )
    queue_email = providers.Factory(QueueEmail, uow=unit_of_work, clock=clock, ids=ids)
    unsubscribe = providers.Factory(
        Unsubscribe, uow=unit_of_work, links=notifications.unsubscribe_links, clock=clock
    )

    # Every handler of committed events (application/ports/event_handlers.py); the relay
    # delivers each outbox entry to those whose handles() is true.
    event_handlers = providers.List(
        live.push,
        notifications.welcome_note,
        notifications.post_deleted_note,
        notifications.followed_note,
        notifications.favorited_note,
        notifications.commented_note,
        notifications.welcome_email,
        notifications.notification_email,
        notifications.queued_email,
        accounts.password_reset_email,
        accounts.verification_email,
        accounts.email_changed_notice,
    )
    outbox_relay = providers.Singleton(
        OutboxRelay,
        deliver=providers.Singleton(
            DeliverEvents,
            outbox=notifications.outbox,
            handlers=event_handlers,
            clock=clock,
            policy=notifications.retry_policy,
            owner=providers.Callable(relay_name),
            lease=notifications.lease,
            batch=settings.provided.outbox_batch_size,
        ),
        wakeup=notifications.wakeup,
        batch=settings.provided.outbox_batch_size,
        poll_seconds=settings.provided.outbox_poll_seconds,
        listener=notifications.listener,
    )

    social = providers.Container(
        SocialContainer,
        unit_of_work=unit_of_work,
        clock=clock,
        ids=ids,
        cursors=cursors,
        contribution=accounts.contribution,
    )
    admin = providers.Container(
        AdminContainer, unit_of_work=unit_of_work, clock=clock, ids=ids, cursors=cursors
    )

    operations = providers.Container(
        OperationsContainer, settings=settings, engine=engine, redis=redis
    )


async def close(container: Container) -> None:
    """Release what the container holds open: the SQL engine's pooled connections, if the SQL
    storage is in use, and the Redis client, if one was made. The engine is a plain singleton
    (no async resource), so every provider hands out objects, never awaitables, inside and
    outside FastAPI."""
    container.hardening.hashing_pool().close()
    if container.settings().storage == "sql":
        await container.engine().dispose()
    redis = container.redis() if container.settings().redis_url else None
    if redis is not None:  # bounded: a connection Redis dropped can stall its clean-up
        await asyncio.wait({asyncio.ensure_future(redis.aclose())}, timeout=5)
