"""The outbox relay runs in the app's lifespan by default (one task, stopped with the app) and
delivers what the API commits; FOLIO_OUTBOX_RELAY_IN_APP=false leaves it to `folio worker`."""

import asyncio

from dependency_injector import providers
from fastapi import FastAPI

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import register
from tests.unit.outbox_fakes import RecordingHandler

WAIT_SECONDS = 5


async def delivered(handler: RecordingHandler, count: int) -> list[str]:
    for _ in range(WAIT_SECONDS * 50):
        if len(handler.seen) >= count:
            break
        await asyncio.sleep(0.02)
    return handler.names


async def drained(container: Container) -> bool:
    outbox = container.notifications.outbox()
    for _ in range(WAIT_SECONDS * 50):
        if not await outbox.entries(dead=False, limit=1):
            return True
        await asyncio.sleep(0.02)
    return False


def with_handler(container: Container) -> RecordingHandler:
    handler = RecordingHandler("test.recorder")
    container.event_handlers.override(providers.List(providers.Object(handler)))
    return handler


async def test_the_app_relays_what_it_commits_and_stops_its_relay(container: Container) -> None:
    handler = with_handler(container)
    app = create_app(container)

    async with serve(app) as client:
        assert container.outbox_relay().running
        user = await register(client)
        assert await delivered(handler, 1) == ["user_registered"]
        assert await drained(container)

    assert not container.outbox_relay().running
    assert str(handler.seen[0].event.user_id) == user["id"]  # type: ignore[attr-defined]


async def test_with_the_in_app_relay_off_entries_wait_for_a_worker() -> None:
    container = make_container(outbox_relay_in_app=False)
    handler = with_handler(container)
    app: FastAPI = create_app(container)

    async with serve(app) as client:
        await register(client)
        await asyncio.sleep(0.2)
        (entry,) = await container.notifications.outbox().entries(dead=False, limit=10)

    assert entry.event_name == "user_registered"
    assert handler.seen == []
