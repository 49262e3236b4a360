"""GET /ws through a real uvicorn server and a real client: delivery of live events."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from websockets.asyncio.client import ClientConnection

from domain.ids import UserId
from domain.notifications.events import NotificationCreated
from entrypoints.container import Container
from tests.e2e.helpers import post_body
from tests.e2e.live import authenticated, bearer, next_message, running, sign_up


async def test_a_client_receives_a_post_another_user_publishes(container: Container):
    async with running(container) as (server, http):
        _, alice = await sign_up(http, "Alice")
        _, bob = await sign_up(http, "Bob")
        async with authenticated(server.ws, alice) as websocket:
            response = await http.post(
                "/posts", json=post_body(title="Live news"), headers=bearer(bob)
            )
            assert response.status_code == 201, response.text
            post = response.json()

            message = await next_message(websocket)

    assert message["type"] == "post_published"
    assert message["payload"]["id"] == post["id"]
    assert message["payload"]["title"] == "Live news"
    assert message["payload"]["slug"] == post["slug"]
    assert message["payload"]["author_id"] == post["author_id"]
    assert uuid.UUID(message["id"])
    assert message["time"].endswith("Z")
    published_at = datetime.fromisoformat(post["published_at"])
    assert abs(datetime.fromisoformat(message["time"]) - published_at) < timedelta(seconds=1)


async def test_a_users_own_notifications_reach_only_their_connections(container: Container):
    async with running(container) as (server, http):
        ada, ada_token = await sign_up(http, "Ada")
        _, bob_token = await sign_up(http, "Bob")
        async with (
            authenticated(server.ws, ada_token) as adas,
            authenticated(server.ws, bob_token) as bobs,
        ):
            await asyncio.sleep(0.2)  # both authenticated
            notification_id = uuid.uuid4()
            async with container.unit_of_work() as uow:  # as the notification handlers do
                uow.announce(notification_id, notification_for(ada["id"], notification_id))
                await uow.commit()

            message = await next_message(adas)
            assert await silent(bobs)

    assert message["type"] == "notification_created"
    assert message["payload"]["id"] == str(notification_id)
    assert message["payload"]["kind"] == "welcome"
    assert message["payload"]["message"] == "Welcome, Ada"


def notification_for(recipient: str, notification_id: uuid.UUID) -> NotificationCreated:
    return NotificationCreated(
        occurred_at=datetime.now(UTC),
        notification_id=notification_id,
        recipient_id=UserId(uuid.UUID(recipient)),
        kind="welcome",
        message="Welcome, Ada",
    )


async def silent(websocket: ClientConnection) -> bool:
    """Nothing but pings arrives for a moment."""
    try:
        await next_message(websocket, within=0.3)
    except TimeoutError:
        return True
    return False
