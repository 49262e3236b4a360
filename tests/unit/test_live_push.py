"""The live_push handler, and the interim publisher that runs handlers after commit."""

import uuid
from datetime import UTC, datetime, timedelta, timezone

from adapters.live.in_process import InProcessLiveEvents
from application.live.live_push import LivePush
from application.ports.event_handlers import Delivery
from application.ports.live_events import LiveMessage
from domain.ids import PostId, UserId
from domain.notifications.events import NotificationCreated
from domain.posts.events import PostDeleted, PostPublished
from domain.users.events import UserRegistered

AUTHOR = UserId(uuid.uuid4())
POST = PostId(uuid.uuid4())
WHEN = datetime(2026, 5, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))


def published() -> PostPublished:
    return PostPublished(
        occurred_at=WHEN, post_id=POST, author_id=AUTHOR, slug="first-light", title="First light"
    )


class RecordingLiveEvents(InProcessLiveEvents):
    def __init__(self) -> None:
        super().__init__()
        self.published: list[LiveMessage] = []

    async def publish(self, message: LiveMessage) -> None:
        self.published.append(message)


async def test_a_published_post_becomes_a_message_for_everyone_with_the_event_id():
    live = RecordingLiveEvents()
    event_id = uuid.uuid4()

    await LivePush(live).handle(Delivery(event_id, published()))

    assert live.published == [
        LiveMessage(
            id=event_id,
            type="post_published",
            time=datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
            payload={
                "id": str(POST),
                "post_id": str(POST),
                "author_id": str(AUTHOR),
                "slug": "first-light",
                "title": "First light",
            },
            recipient_id=None,
        )
    ]
    assert live.published[0].time.utcoffset() == timedelta(0)


async def test_a_redelivery_carries_the_same_id_so_clients_drop_it():
    live = RecordingLiveEvents()
    push = LivePush(live)
    delivery = Delivery(uuid.uuid4(), published())

    await push.handle(delivery)
    await push.handle(delivery)

    assert [m.id for m in live.published] == [delivery.event_id] * 2


async def test_a_notification_becomes_a_message_for_its_recipient_only():
    live = RecordingLiveEvents()
    event_id, notification_id = uuid.uuid4(), uuid.uuid4()
    created = NotificationCreated(
        occurred_at=WHEN,
        notification_id=notification_id,
        recipient_id=AUTHOR,
        kind="post_deleted",
        message="An admin deleted your post",
    )

    await LivePush(live).handle(Delivery(event_id, created))

    assert live.published == [
        LiveMessage(
            id=event_id,
            type="notification_created",
            time=datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
            payload={
                "id": str(notification_id),
                "notification_id": str(notification_id),
                "kind": "post_deleted",
                "message": "An admin deleted your post",
            },
            recipient_id=AUTHOR,
        )
    ]


def test_it_wants_published_posts_and_notifications_only():
    push = LivePush(RecordingLiveEvents())
    registered = UserRegistered(occurred_at=WHEN, user_id=AUTHOR, email="a@b.c", username="a")
    deleted = PostDeleted(occurred_at=WHEN, post_id=POST, author_id=AUTHOR)

    assert push.name == "live_push"
    assert push.handles(published())
    assert push.handles(
        NotificationCreated(
            occurred_at=WHEN, notification_id=POST, recipient_id=AUTHOR, kind="k", message="m"
        )
    )
    assert not push.handles(registered)
    assert not push.handles(deleted)
