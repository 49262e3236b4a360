"""The Notification aggregate and the stored form of every domain event."""

from uuid import uuid4

import pytest

from adapters.outbox.codec import UnknownEvent, decode, encode, known_events
from domain.errors import InvalidValue
from domain.ids import NotificationId, PostId, UserId
from domain.notifications.events import EmailQueued, NotificationCreated
from domain.notifications.notification import Notification
from domain.posts.events import PostDeleted, PostPublished
from domain.users.events import UserDeactivated, UserRegistered
from tests.builders import NOW


def make_notification(**overrides: object) -> Notification:
    values: dict[str, object] = {
        "id": NotificationId(uuid4()),
        "recipient_id": UserId(uuid4()),
        "kind": "welcome",
        "message": "Welcome to Folio!",
        "now": NOW,
    }
    values.update(overrides)
    return Notification.create(**values)  # type: ignore[arg-type]


def test_creating_a_notification_records_notification_created() -> None:
    notification = make_notification(message="  Hello  ")

    (event,) = notification.pull_events()
    assert event == NotificationCreated(
        occurred_at=NOW,
        notification_id=notification.id,
        recipient_id=notification.recipient_id,
        kind="welcome",
        message="Hello",
    )
    assert event.name == "notification_created"
    assert not notification.is_read


def test_marking_read_keeps_the_first_moment() -> None:
    notification = make_notification()
    notification.mark_read(now=NOW)
    later = NOW.replace(year=2030)
    notification.mark_read(now=later)
    assert notification.read_at == NOW


@pytest.mark.parametrize("kind", ["", "x" * 41])
def test_a_kind_is_bounded(kind: str) -> None:
    with pytest.raises(InvalidValue):
        make_notification(kind=kind)


def test_a_long_message_is_shortened_to_the_limit() -> None:
    notification = make_notification(message="m" * 5000)
    assert len(notification.message) == Notification.MESSAGE_MAX_LEN
    assert notification.message.endswith("…")


EVENTS = [
    UserRegistered(occurred_at=NOW, user_id=UserId(uuid4()), email="a@b.io", username="ab"),
    UserDeactivated(occurred_at=NOW, user_id=UserId(uuid4())),
    PostPublished(
        occurred_at=NOW, post_id=PostId(uuid4()), author_id=UserId(uuid4()), slug="s", title="T"
    ),
    PostDeleted(occurred_at=NOW, post_id=PostId(uuid4()), author_id=UserId(uuid4())),
    NotificationCreated(
        occurred_at=NOW,
        notification_id=uuid4(),
        recipient_id=UserId(uuid4()),
        kind="k",
        message="m",
    ),
    EmailQueued(occurred_at=NOW, notification_id=uuid4(), email="a@b.io", subject="s", message="m"),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda event: event.name)
def test_every_event_survives_the_outbox_codec(event: object) -> None:
    assert decode(event.name, encode(event)) == event  # type: ignore[attr-defined]


def test_every_known_event_is_covered_above() -> None:
    assert set(known_events()) >= {event.name for event in EVENTS}


@pytest.mark.parametrize(
    ("name", "payload"),
    [("no_such_event", "{}"), ("user_deactivated", "{}"), ("user_deactivated", "not json")],
)
def test_an_unreadable_event_is_reported(name: str, payload: str) -> None:
    with pytest.raises(UnknownEvent):
        decode(name, payload)
