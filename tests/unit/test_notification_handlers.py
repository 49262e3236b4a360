"""The notification handlers on the memory backend, driven by the relay's pass: a welcome note
and e-mail per new user, a note when an admin deletes a post, preferences respected, and no
second effect when an event is delivered again."""

from datetime import timedelta

import pytest

from adapters.email.senders import MemoryEmailSender
from adapters.email.templates import JinjaEmailTemplates
from adapters.memory.outbox import MemoryOutbox
from adapters.security.unsubscribe_links import HmacUnsubscribeLinks
from application.notifications.email_handlers import NotificationEmail, QueuedEmail, WelcomeEmail
from application.notifications.inbox_handlers import PostDeletedNote, WelcomeNote
from application.notifications.mailer import Mailer
from application.outbox.deliver_events import DeliverEvents
from application.outbox.retry_policy import RetryPolicy
from application.pagination import PageRequest
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin, write_post

SECRET = "unit-test-secret-0123456789-abcdefghijklmnop"


class Relay:
    def __init__(self, folio: Folio) -> None:
        self.folio = folio
        self.outbox = MemoryOutbox(folio.store)
        self.mail = MemoryEmailSender()
        mailer = Mailer(
            self.mail,
            JinjaEmailTemplates("Folio", "https://folio.example"),
            HmacUnsubscribeLinks(SECRET, "https://folio.example"),
        )
        self.handlers = [
            WelcomeNote(folio.uow, "Folio"),
            PostDeletedNote(folio.uow),
            WelcomeEmail(folio.uow, mailer),
            NotificationEmail(folio.uow, mailer),
            QueuedEmail(folio.uow, mailer),
        ]

    async def drain(self, owner: str = "relay") -> None:
        deliver = DeliverEvents(
            self.outbox, self.handlers, self.folio.clock, RetryPolicy(), owner=owner
        )
        for _ in range(10):
            if not await deliver():
                return

    async def inbox(self, actor: Actor) -> list[str]:
        async with self.folio.uow() as uow:
            page = await uow.notifications.list_for(actor.id, PageRequest())
        return [n.kind for n in page.items]


@pytest.fixture
def relay(folio: Folio) -> Relay:
    return Relay(folio)


async def test_a_new_user_gets_one_welcome_note_and_one_welcome_email(
    folio: Folio, relay: Relay
) -> None:
    ada = await register(folio, "ada")
    await relay.drain()

    assert await relay.inbox(ada) == ["welcome"]
    assert [m.subject for m in relay.mail.sent] == ["Welcome to Folio, ada"]


async def test_a_redelivered_event_has_no_second_effect(folio: Folio, relay: Relay) -> None:
    ada = await register(folio, "ada")
    (entry,) = await relay.outbox.claim("dies", now=folio.clock.now(), lease=timedelta(1), limit=9)
    for handler in relay.handlers:
        if handler.handles(entry.event):  # type: ignore[arg-type]
            await handler.handle(entry.delivery)  # then the relay dies before recording it
    for handler in relay.handlers[:2]:
        await handler.handle(entry.delivery)  # a second delivery, by hand
    folio.clock.advance(timedelta(days=2))
    await relay.drain("next")

    assert await relay.inbox(ada) == ["welcome"]


async def test_an_admin_deleting_a_post_tells_its_author_by_note_and_email(
    folio: Folio, relay: Relay
) -> None:
    ada, root = await register(folio, "ada"), await register_admin(folio)
    by_admin = await write_post(folio, ada, title="Going away")
    by_herself = await write_post(folio, ada, title="Also going")
    folio.clock.advance()
    await folio.delete_post(root, by_admin.id)
    await folio.delete_post(ada, by_herself.id)
    await relay.drain()

    assert await relay.inbox(ada) == ["post_deleted", "welcome"]
    subjects = [m.subject for m in relay.mail.to("ada@example.com")]
    assert subjects == ["Welcome to Folio, ada", 'Folio: An admin deleted your post "Going away".']


async def test_no_notification_email_to_a_user_who_switched_them_off(
    folio: Folio, relay: Relay
) -> None:
    ada, root = await register(folio, "ada"), await register_admin(folio)
    await relay.drain()
    async with folio.uow() as uow:
        user = await uow.users.get(ada.id)
        assert user is not None
        user.set_email_notifications(False, now=folio.clock.now())
        await uow.commit()
    post = await write_post(folio, ada)
    folio.clock.advance()
    await folio.delete_post(root, post.id)
    await relay.drain()

    assert await relay.inbox(ada) == ["post_deleted", "welcome"]
    assert len(relay.mail.to("ada@example.com")) == 1
