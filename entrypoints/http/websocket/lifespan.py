"""Live events for the life of the app: the fan-out starts with it, and at shutdown every
WebSocket is closed with 1001 (going away) before the fan-out stops."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from entrypoints.container import Container
from entrypoints.http.websocket.shutdown import going_away_first


@asynccontextmanager
async def live_events_running(container: Container) -> AsyncIterator[None]:
    broker = container.live.broker()
    connections = container.live.connections()
    await broker.start()
    try:
        with going_away_first(connections.close_all):
            yield
    finally:
        try:
            await connections.close_all()
        finally:
            await broker.close()
