"""An admin queues an e-mail (POST /send-notification); the outbox relay sends it."""

from dataclasses import dataclass
from uuid import UUID

from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.errors import PermissionDenied
from domain.notifications.events import EmailQueued
from domain.notifications.values import MessageBody, Subject, refuse_line_breaks
from domain.roles import Actor
from domain.users.values import Email


@dataclass(frozen=True, slots=True)
class QueueEmailCommand:
    email: str
    subject: str
    message: str


class QueueEmail:
    """Admins only (PermissionDenied for anyone else: never an open relay). Refuses line
    breaks in the address or subject and over-long text (InvalidValue). The message is
    written to the outbox with the commit; returns its notification id."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def __call__(self, actor: Actor, command: QueueEmailCommand) -> UUID:
        if not actor.is_admin:
            raise PermissionDenied("only an admin may send notifications")
        refuse_line_breaks("email", command.email)
        email = Email(command.email)
        subject = Subject(command.subject)
        message = MessageBody(command.message)
        notification_id = self._ids.new_id()
        async with self._uow as uow:
            uow.announce(
                notification_id,
                EmailQueued(
                    occurred_at=self._clock.now(),
                    notification_id=notification_id,
                    email=email.value,
                    subject=subject.value,
                    message=message.value,
                ),
            )
            await uow.commit()
        return notification_id
