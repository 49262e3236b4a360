"""An authenticated connection: push its messages until the client leaves, falls behind, its
token stops being valid, or the server shuts down; then say why with a close code."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import datetime
from typing import Any

from fastapi import WebSocket
from starlette.websockets import WebSocketDisconnect

from application.errors import AuthenticationFailed
from application.ports.live_events import FellBehind, LiveSubscription
from entrypoints.http.websocket.messages import encode, ping
from entrypoints.http.websocket.registry import (
    POLICY_VIOLATION,
    TRY_AGAIN_LATER,
    Closing,
    Connection,
)

logger = logging.getLogger("folio.websocket")
CLOSE_TIMEOUT = 5.0
_SEND_FAILURES = (WebSocketDisconnect, OSError, RuntimeError)
TOO_SLOW = Closing(TRY_AGAIN_LATER, "client too slow: fell too far behind")

Expiry = Callable[[str], Awaitable[datetime]]


class TokenGuard:
    """Re-checks the token at its expiry and every ``interval`` seconds through ``check``
    (Authenticate, returning the token's expiry), so a revoked token or a deactivated user
    ends the connection as it would end an HTTP request."""

    def __init__(
        self,
        check: Expiry,
        token: str,
        expires_at: datetime,
        interval: float,
        now: Callable[[], datetime],
    ) -> None:
        self._check, self._token, self._expires_at = check, token, expires_at
        self._interval, self._now = interval, now

    async def watch(self) -> Closing:
        while True:
            until_expiry = (self._expires_at - self._now()).total_seconds() + 0.01
            await asyncio.sleep(max(0.0, min(self._interval, until_expiry)))
            try:
                self._expires_at = await self._check(self._token)
            except AuthenticationFailed:
                return Closing(POLICY_VIOLATION, "token expired or revoked")
            except Exception:
                logger.exception("could not re-check a WebSocket's token; will try again")


async def serve(
    websocket: WebSocket,
    subscription: LiveSubscription,
    guard: TokenGuard,
    connection: Connection,
    ping_interval: float,
    now: Callable[[], datetime],
    *also: Awaitable[Closing | None],
) -> Closing | None:
    """Run the connection, and ``also`` beside it; the reason to close it, or None if the
    client went away."""
    outcome: Closing | None = await first_of(
        _push(websocket, subscription, ping_interval, now),
        _listen(websocket),
        guard.watch(),
        _fell_behind(subscription),
        stopped(connection),
        *also,
    )
    return outcome


async def keep_seat(renew: Callable[[], Awaitable[None]], every: float) -> None:
    """Renew the connection's seat every ``every`` seconds for as long as it runs."""
    while True:
        await asyncio.sleep(every)
        try:
            await renew()
        except Exception:
            logger.exception("could not renew a WebSocket's seat; will try again")


async def _push(
    websocket: WebSocket,
    subscription: LiveSubscription,
    ping_interval: float,
    now: Callable[[], datetime],
) -> Closing | None:
    while True:
        try:
            async with asyncio.timeout(ping_interval):
                message = await subscription.next()
        except TimeoutError:
            message = ping(now())
        except FellBehind:
            return TOO_SLOW
        try:
            await websocket.send_text(encode(message))
        except _SEND_FAILURES:
            return None


async def _listen(websocket: WebSocket) -> None:
    """Wait for the client to leave; what it sends after authenticating is ignored."""
    while True:
        try:
            message = await websocket.receive()
        except _SEND_FAILURES:
            return None
        if message["type"] == "websocket.disconnect":
            return None


async def _fell_behind(subscription: LiveSubscription) -> Closing:
    await subscription.wait_fell_behind()
    return TOO_SLOW


async def stopped(connection: Connection) -> Closing:
    return await asyncio.shield(connection.stopped)


async def first_of(*awaitables: Awaitable[Any]) -> Any:
    """The result of the first awaitable to finish; the others are cancelled."""
    tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return next(task for task in tasks if task in done).result()


async def close(websocket: WebSocket, closing: Closing) -> None:
    """Send the close frame; give up after CLOSE_TIMEOUT if the client reads nothing."""
    with suppress(TimeoutError, *_SEND_FAILURES):
        async with asyncio.timeout(CLOSE_TIMEOUT):
            await websocket.close(closing.code, closing.reason)
