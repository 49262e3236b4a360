"""Handlers that put notifications in the inbox of the users an event concerns.

A notification's id is derived from the event id and the handler's name, so a redelivered
event finds its notification already there and adds nothing."""

import uuid
from collections.abc import Callable

from application.ports.event_handlers import Delivery, EventHandler
from application.ports.unit_of_work import UnitOfWork
from domain.events import DomainEvent
from domain.ids import NotificationId, UserId
from domain.notifications.notification import Notification
from domain.posts.events import PostDeleted
from domain.users.events import UserRegistered

UnitOfWorkFactory = Callable[[], UnitOfWork]


class InboxHandler(EventHandler):
    """Base of the inbox handlers: ``note()`` says who is told what, or None."""

    name = "inbox"

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def note(self, event: DomainEvent) -> tuple[UserId, str, str] | None:
        """(recipient, kind, message) for ``event``, or None to say nothing."""
        raise NotImplementedError

    def handles(self, event: DomainEvent) -> bool:
        return self.note(event) is not None

    async def handle(self, delivery: Delivery) -> None:
        note = self.note(delivery.event)
        if note is None:
            return
        recipient_id, kind, message = note
        notification_id = NotificationId(uuid.uuid5(delivery.event_id, self.name))
        async with self._uow() as uow:
            if await uow.notifications.get(notification_id) is not None:
                return  # a redelivery: the notification is there already
            if await uow.users.get(recipient_id) is None:
                return  # the user is gone
            uow.notifications.add(
                Notification.create(
                    id=notification_id,
                    recipient_id=recipient_id,
                    kind=kind,
                    message=message,
                    now=delivery.event.occurred_at,
                )
            )
            await uow.commit()


class WelcomeNote(InboxHandler):
    name = "inbox.welcome"

    def __init__(self, uow: UnitOfWorkFactory, site_name: str) -> None:
        super().__init__(uow)
        self._site_name = site_name

    def note(self, event: DomainEvent) -> tuple[UserId, str, str] | None:
        if not isinstance(event, UserRegistered):
            return None
        return event.user_id, "welcome", f"Welcome to {self._site_name}, {event.username}!"


class PostDeletedNote(InboxHandler):
    """Tells an author that an admin deleted their post (not when they deleted it themself)."""

    name = "inbox.post_deleted"

    def note(self, event: DomainEvent) -> tuple[UserId, str, str] | None:
        if not isinstance(event, PostDeleted) or event.deleted_by in (None, event.author_id):
            return None
        title = f'"{event.title}"' if event.title else "one of your posts"
        return event.author_id, "post_deleted", f"An admin deleted your post {title}."
