"""GET /ws through a real uvicorn server and a real client: delivery of live events."""

import uuid
from datetime import UTC, datetime, timedelta

from entrypoints.container import Container
from tests.e2e.helpers import post_body
from tests.e2e.live import authenticated, bearer, next_message, running, sign_up


async def test_a_client_receives_a_post_another_user_publishes(container: Container):
    async with running(container) as (server, http):
        _, alice = await sign_up(http, "Alice")
        _, bob = await sign_up(http, "Bob")
        async with authenticated(server.ws, alice) as websocket:
            published_at = datetime.now(UTC)
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
    assert abs(datetime.fromisoformat(message["time"]) - published_at) < timedelta(seconds=5)
