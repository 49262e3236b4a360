"""``GET /ws``: authenticate within the time allowed, then receive live events."""

import logging
import uuid
from contextlib import suppress
from datetime import datetime
from functools import partial

from fastapi import APIRouter, WebSocket

from application.errors import AuthenticationFailed, ServiceUnavailable
from domain.roles import Actor
from entrypoints.container import Container
from entrypoints.http.websocket.handshake import (
    ClientLeft,
    HandshakeRefused,
    first_message_token,
    offered_token,
    token_in_url,
)
from entrypoints.http.websocket.registry import (
    GOING_AWAY,
    POLICY_VIOLATION,
    TRY_AGAIN_LATER,
    Closing,
    Connection,
    ShuttingDown,
)
from entrypoints.http.websocket.session import (
    Expiry,
    TokenGuard,
    close,
    first_of,
    keep_seat,
    serve,
    stopped,
)

logger = logging.getLogger("folio.websocket")
router = APIRouter()
LEASE = 60.0  # seconds a connection's seat outlives its process if that dies


@router.websocket("/ws")
async def live_events(websocket: WebSocket) -> None:
    container: Container = websocket.app.state.container
    token, subprotocol = offered_token(list(websocket.scope.get("subprotocols", [])))
    await websocket.accept(subprotocol=subprotocol)
    try:
        with container.live.connections().opened() as connection:
            closing = await _session(websocket, container, connection, token)
            if closing is not None:
                await close(websocket, closing)
    except ShuttingDown:
        await close(websocket, GOING_AWAY)


async def _session(
    websocket: WebSocket, container: Container, connection: Connection, offered: str | None
) -> Closing | None:
    settings = container.settings()
    try:
        # Subscribed before authenticating: no message for everyone is missed meanwhile.
        async with container.live.broker().subscribe(settings.ws_queue_size) as subscription:
            outcome = await first_of(
                _authenticate(websocket, container, offered), stopped(connection)
            )
            if isinstance(outcome, Closing):
                return outcome
            actor, token, expires_at = outcome
            seats, seat = container.live.seats(), uuid.uuid4()
            if not await seats.take(actor.id, seat, settings.ws_max_connections_per_user, LEASE):
                return Closing(POLICY_VIOLATION, "too many connections for this user")
            try:
                subscription.identify(actor.id)
                guard = TokenGuard(
                    _checker(container),
                    token,
                    expires_at,
                    settings.ws_auth_recheck_interval,
                    container.clock().now,
                )
                renew = partial(seats.renew, actor.id, seat, LEASE)
                return await serve(
                    websocket,
                    subscription,
                    guard,
                    connection,
                    settings.ws_ping_interval,
                    container.clock().now,
                    keep_seat(renew, LEASE / 3),
                )
            finally:
                with suppress(Exception):
                    await seats.give_back(actor.id, seat)
    except ClientLeft:
        return None
    except HandshakeRefused as refusal:
        return Closing(POLICY_VIOLATION, str(refusal))
    except ServiceUnavailable:
        return Closing(TRY_AGAIN_LATER, "service busy, try again later")
    except Exception:
        logger.exception("WebSocket session failed")
        return Closing(1011, "internal error")


async def _authenticate(
    websocket: WebSocket, container: Container, offered: str | None
) -> tuple[Actor, str, datetime]:
    if token_in_url(websocket.scope.get("query_string", b"")):
        raise HandshakeRefused("tokens are not accepted in the URL")
    token = offered or await first_message_token(websocket, container.settings().ws_auth_timeout)
    try:
        actor = await container.authenticate()(token)
        return actor, token, container.tokens().expires_at(token)
    except AuthenticationFailed as error:
        raise HandshakeRefused(str(error)) from error


def _checker(container: Container) -> Expiry:
    async def check(token: str) -> datetime:
        await container.authenticate()(token)
        return container.tokens().expires_at(token)

    return check
