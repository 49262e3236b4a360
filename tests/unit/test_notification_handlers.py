"""The notification handlers on the memory backend, driven by the relay's pass: a welcome note
and e-mail per new user, a note when an admin deletes a post, notes for a new follower, a
favourite and a comment (never for one's own doing), preferences respected, and no second
effect when an event is delivered again."""

from datetime import timedelta

import pytest

from adapters.email.senders import MemoryEmailSender
from adapters.email.templates import JinjaEmailTemplates
from adapters.memory.outbox import MemoryOutbox
from adapters.security.unsubscribe_links import HmacUnsubscribeLinks
from application.notifications.email_handlers import NotificationEmail, QueuedEmail, WelcomeEmail
from application.notifications.inbox_handlers import (
    CommentedNote,
    FavoritedNote,
    FollowedNote,
    PostDeletedNote,
    WelcomeNote,
)
from application.notifications.mailer import Mailer
from application.outbox.deliver_events import DeliverEvents
from application.outbox.retry_policy import RetryPolicy
from application.pagination import PageRequest
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin, write_post
from tests.unit.social import Social

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
            FollowedNote(folio.uow),
            FavoritedNote(folio.uow),
            CommentedNote(folio.uow),
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
        return [kind for kind, _ in await self.notes(actor)]

    async def notes(self, actor: Actor) -> list[tuple[str, str]]:
        """(kind, message) of ``actor``'s notifications, newest first."""
        async with self.folio.uow() as uow:
            page = await uow.notifications.list_for(actor.id, PageRequest())
        return [(n.kind, n.message) for n in page.items]


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
    resent = relay.mail.to("ada@example.com")
    assert len(resent) == 2  # the SMTP send is at least once...
    assert resent[0].key == resent[1].key is not None  # ...under one Message-ID


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


async def test_a_new_follower_a_favourite_and_a_comment_each_tell_the_author(
    folio: Folio, relay: Relay
) -> None:
    ada, bob = await register(folio, "ada"), await register(folio, "bob")
    post = await write_post(folio, ada, title="Engines", published=True)
    social = Social(folio)
    folio.clock.advance()
    await social.follow_user(bob, "ada")
    folio.clock.advance()
    await social.favorite_post(bob, post.id)
    folio.clock.advance()
    await social.comment(bob, post.id, "A fine\n piece " + "of work " * 20)
    await relay.drain()

    notes = await relay.notes(ada)
    assert [kind for kind, _ in notes] == ["comment_added", "post_favorited", "followed", "welcome"]
    commented, favorited, followed = (message for _, message in notes[:3])
    assert commented.startswith('bob commented on your post "Engines": A fine piece of work')
    assert commented.endswith("…")
    assert len(commented) < 140
    assert favorited == 'bob favourited your post "Engines".'
    assert followed == "bob started following you."
    subjects = [m.subject for m in relay.mail.to("ada@example.com")]
    assert len(subjects) == 4  # the welcome and one per note
    assert "Folio: bob started following you." in subjects


async def test_nobody_is_told_of_their_own_favourite_or_comment(folio: Folio, relay: Relay) -> None:
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    social = Social(folio)
    await social.favorite_post(ada, post.id)
    await social.comment(ada, post.id)
    await relay.drain()

    assert await relay.inbox(ada) == ["welcome"]


async def test_a_social_note_is_written_once_when_its_event_is_delivered_again(
    folio: Folio, relay: Relay
) -> None:
    ada, bob = await register(folio, "ada"), await register(folio, "bob")
    await relay.drain()
    folio.clock.advance()
    await Social(folio).follow_user(bob, "ada")
    (entry,) = await relay.outbox.claim("dies", now=folio.clock.now(), lease=timedelta(1), limit=9)
    followed = next(h for h in relay.handlers if isinstance(h, FollowedNote))
    await followed.handle(entry.delivery)  # then the relay dies before recording it
    folio.clock.advance(timedelta(days=2))
    await relay.drain("next")

    assert await relay.inbox(ada) == ["followed", "welcome"]
