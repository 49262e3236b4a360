"""The providers of notifications: the outbox, its relay's parts, e-mail and the handlers.
A sub-container of the composition root (``Container.notifications``)."""

from datetime import timedelta

from dependency_injector import containers, providers
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.email.senders import ConsoleEmailSender, MemoryEmailSender
from adapters.email.smtp import SmtpEmailSender, SmtpParameters
from adapters.email.templates import JinjaEmailTemplates
from adapters.memory.outbox import MemoryOutbox
from adapters.memory.store import MemoryStore
from adapters.outbox.wakeup import PostgresListener, RelayWakeup
from adapters.security.unsubscribe_links import HmacUnsubscribeLinks
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from application.notifications.email_handlers import NotificationEmail, QueuedEmail, WelcomeEmail
from application.notifications.inbox_handlers import (
    CommentedNote,
    FavoritedNote,
    FollowedNote,
    PostDeletedNote,
    WelcomeNote,
)
from application.notifications.mailer import Mailer
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


def _password(settings: Settings) -> str | None:
    secret = settings.smtp_password
    return None if secret is None else secret.get_secret_value()


class Notifications(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    memory_store: providers.Dependency[MemoryStore] = providers.Dependency()
    engine: providers.Dependency[AsyncEngine] = providers.Dependency()
    # The container's unit-of-work provider itself: handlers open one per delivery.
    unit_of_work: providers.Dependency[object] = providers.Dependency()

    wakeup: providers.Dependency[RelayWakeup] = providers.Dependency(instance_of=RelayWakeup)
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

    email_sender = providers.Selector(
        settings.provided.email_backend,
        console=providers.Singleton(ConsoleEmailSender),
        memory=providers.Singleton(MemoryEmailSender),
        smtp=providers.Singleton(
            SmtpEmailSender,
            providers.Singleton(
                SmtpParameters,
                host=settings.provided.smtp_host,
                port=settings.provided.smtp_port,
                sender=settings.provided.email_from,
                security=settings.provided.smtp_security,
                user=settings.provided.smtp_user,
                password=providers.Callable(_password, settings),
                timeout=settings.provided.smtp_timeout,
            ),
        ),
    )
    templates = providers.Singleton(
        JinjaEmailTemplates, settings.provided.site_name, settings.provided.base_url
    )
    unsubscribe_links = providers.Singleton(
        HmacUnsubscribeLinks, settings.provided.signing_secret, settings.provided.base_url
    )
    mailer = providers.Singleton(Mailer, email_sender, templates, unsubscribe_links)

    welcome_note = providers.Singleton(WelcomeNote, unit_of_work, settings.provided.site_name)
    post_deleted_note = providers.Singleton(PostDeletedNote, unit_of_work)
    followed_note = providers.Singleton(FollowedNote, unit_of_work)
    favorited_note = providers.Singleton(FavoritedNote, unit_of_work)
    commented_note = providers.Singleton(CommentedNote, unit_of_work)
    welcome_email = providers.Singleton(WelcomeEmail, unit_of_work, mailer)
    notification_email = providers.Singleton(NotificationEmail, unit_of_work, mailer)
    queued_email = providers.Singleton(QueuedEmail, unit_of_work, mailer)
