"""The handler that turns committed events into live messages for connected clients."""

from datetime import UTC

from application.ports.event_handlers import Delivery, EventHandler
from application.ports.live_events import LiveEvents, LiveMessage
from domain.events import DomainEvent
from domain.notifications.events import NotificationCreated
from domain.posts.events import PostPublished


class LivePush(EventHandler):
    """Pushes new published posts to everyone, and each new notification to its recipient.

    The message's id is the delivery's event id, so a redelivered event reaches clients with
    the id they have already seen and they drop it: the push itself keeps no record.
    """

    name = "live_push"

    def __init__(self, live_events: LiveEvents) -> None:
        self._live_events = live_events

    def handles(self, event: DomainEvent) -> bool:
        return isinstance(event, PostPublished | NotificationCreated)

    async def handle(self, delivery: Delivery) -> None:
        message = live_message(delivery)
        if message is not None:
            await self._live_events.publish(message)


def live_message(delivery: Delivery) -> LiveMessage | None:
    """The message for a delivered event, or None if clients are not told about it."""
    event = delivery.event
    time = event.occurred_at.astimezone(UTC)
    if isinstance(event, PostPublished):
        payload = {
            "id": str(event.post_id),
            "post_id": str(event.post_id),
            "author_id": str(event.author_id),
            "slug": event.slug,
            "title": event.title,
        }
        return LiveMessage(delivery.event_id, event.name, time, payload)
    if isinstance(event, NotificationCreated):
        payload = {
            "id": str(event.notification_id),
            "notification_id": str(event.notification_id),
            "kind": event.kind,
            "message": event.message,
        }
        return LiveMessage(delivery.event_id, event.name, time, payload, event.recipient_id)
    return None
