"""Handlers that send e-mail. Each checks, at delivery time, that the recipient still wants
notification e-mails (``email_notifications``) and is active."""

from collections.abc import Callable

from application.notifications.mailer import Mailer
from application.ports.event_handlers import Delivery, EventHandler
from application.ports.unit_of_work import UnitOfWork
from domain.events import DomainEvent
from domain.ids import UserId
from domain.notifications.events import EmailQueued, NotificationCreated
from domain.users.events import UserRegistered
from domain.users.user import User

UnitOfWorkFactory = Callable[[], UnitOfWork]
WELCOME = "welcome"


async def _reachable(uow: UnitOfWork, user_id: UserId) -> User | None:
    async with uow:
        user = await uow.users.get(user_id)
    return user if user is not None and user.is_active and user.email_notifications else None


class WelcomeEmail(EventHandler):
    """A welcome e-mail to every new user."""

    name = "email.welcome"

    def __init__(self, uow: UnitOfWorkFactory, mailer: Mailer) -> None:
        self._uow = uow
        self._mailer = mailer

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, UserRegistered)

    async def handle(self, delivery: Delivery) -> None:
        if not isinstance(delivery.event, UserRegistered):
            return
        user = await _reachable(self._uow(), delivery.event.user_id)
        if user is not None:
            await self._mailer.send(
                user.email.value,
                WELCOME,
                key=delivery.key(self.name),
                username=user.username.value,
            )


class NotificationEmail(EventHandler):
    """Each new inbox notification (but the welcome note, which has its own e-mail) by e-mail."""

    name = "email.notification"

    def __init__(self, uow: UnitOfWorkFactory, mailer: Mailer) -> None:
        self._uow = uow
        self._mailer = mailer

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, NotificationCreated) and event.kind != WELCOME

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, NotificationCreated):
            return
        user = await _reachable(self._uow(), event.recipient_id)
        if user is not None:
            await self._mailer.send(
                user.email.value,
                "notification",
                key=delivery.key(self.name),
                username=user.username.value,
                kind=event.kind,
                message=event.message,
            )


class QueuedEmail(EventHandler):
    """An e-mail an admin queued with POST /send-notification; not sent to a user who
    switched notification e-mails off."""

    name = "email.queued"

    def __init__(self, uow: UnitOfWorkFactory, mailer: Mailer) -> None:
        self._uow = uow
        self._mailer = mailer

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, EmailQueued)

    async def handle(self, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, EmailQueued):
            return
        async with self._uow() as uow:
            user = await uow.users.get_by_login(event.email)
        if user is not None and not user.email_notifications:
            return
        await self._mailer.send(
            event.email,
            "message",
            key=delivery.key(self.name),
            subject=event.subject,
            message=event.message,
        )
